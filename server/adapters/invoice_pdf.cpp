// The invoice PDF, drawn with libharu: a small RAII document whose error handler turns
// libharu's errors into PdfError, text helpers (measure, cut with an ellipsis, wrap), and the
// page layout — heading, the two parties, the table of lines over as many pages as it takes,
// totals and payment, then "Page n / N" footers once the page count is known. Amounts,
// rates and dates as each language writes them, and the CP1252 text: invoice_text.cpp.
#include "adapters/invoice_pdf.hpp"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "tessera/texts.hpp"

namespace tessera::server {

// [SECTION] The libharu document

namespace {

// One libharu document, freed in every path. libharu is C: its error handler must not throw
// through it, so the handler records the first error and check() throws it from C++.
class Document {
 public:
  // The handler is given at creation (HPDF_New's arguments are HPDF_SetErrorHandler's, plus
  // the user data) so that errors while creating the document are caught too.
  Document() : pdf_(HPDF_New(&Document::on_error, &error_)) {
    if (pdf_ == nullptr) throw PdfError("libharu: cannot create a PDF document");
    check("HPDF_New");
  }
  ~Document() { HPDF_Free(pdf_); }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  HPDF_Doc get() const { return pdf_; }

  void check(const char* step) const {
    if (error_.code == HPDF_OK) return;
    char message[128];
    std::snprintf(message, sizeof message, "libharu error 0x%04X (detail %u) while %s",
                  static_cast<unsigned>(error_.code), static_cast<unsigned>(error_.detail), step);
    throw PdfError(message);
  }

  // The whole file, read back from libharu's memory stream.
  std::string save() {
    HPDF_SaveToStream(pdf_);
    check("saving the document");
    std::string bytes(HPDF_GetStreamSize(pdf_), '\0');
    auto size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    if (error_.code == HPDF_STREAM_EOF) error_ = {};  // reading up to the end is not an error
    check("reading the document back");
    bytes.resize(size);
    return bytes;
  }

 private:
  struct Error {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };

  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
    auto* error = static_cast<Error*>(user_data);
    if (error->code == HPDF_OK) *error = {code, detail};
  }

  Error error_;  // declared before pdf_: libharu holds its address
  HPDF_Doc pdf_;
};

struct Rgb {
  float red, green, blue;
};
constexpr Rgb kInk{0.12f, 0.12f, 0.14f};
constexpr Rgb kMuted{0.42f, 0.44f, 0.48f};
constexpr Rgb kAccent{0.11f, 0.25f, 0.45f};
constexpr Rgb kWhite{1.0f, 1.0f, 1.0f};
constexpr Rgb kRule{0.80f, 0.82f, 0.85f};
constexpr Rgb kShade{0.93f, 0.95f, 0.97f};
constexpr Rgb kPaid{0.09f, 0.52f, 0.25f};

constexpr char kEllipsis = static_cast<char>(0x85);  // "…" in CP1252

// Text in CP1252 (every byte is one character), measured and drawn with one font and size.
struct Style {
  HPDF_Font font;
  float size;
  Rgb color = kInk;
};

float width_of(const Style& style, const std::string& text) {
  if (text.empty()) return 0.0f;
  const HPDF_TextWidth measured = HPDF_Font_TextWidth(
      style.font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
  return static_cast<float>(measured.width) * style.size / 1000.0f;
}

void draw(HPDF_Page page, const Style& style, float x, float baseline, const std::string& text) {
  HPDF_Page_SetRGBFill(page, style.color.red, style.color.green, style.color.blue);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, style.font, style.size);
  HPDF_Page_TextOut(page, x, baseline, text.c_str());
  HPDF_Page_EndText(page);
}

void draw_right(HPDF_Page page, const Style& style, float right, float baseline, const std::string& text) {
  draw(page, style, right - width_of(style, text), baseline, text);
}

void fill_rectangle(HPDF_Page page, Rgb color, float x, float y, float width, float height) {
  HPDF_Page_SetRGBFill(page, color.red, color.green, color.blue);
  HPDF_Page_Rectangle(page, x, y, width, height);
  HPDF_Page_Fill(page);
}

void draw_rule(HPDF_Page page, Rgb color, float line_width, float x1, float x2, float y) {
  HPDF_Page_SetRGBStroke(page, color.red, color.green, color.blue);
  HPDF_Page_SetLineWidth(page, line_width);
  HPDF_Page_MoveTo(page, x1, y);
  HPDF_Page_LineTo(page, x2, y);
  HPDF_Page_Stroke(page);
}

// `text` cut so that it ends with "…" and fits in `max_width`.
std::string with_ellipsis(const Style& style, std::string text, float max_width) {
  while (!text.empty() && (width_of(style, text + kEllipsis) > max_width || text.back() == ' ')) text.pop_back();
  return text + kEllipsis;
}

// `text` as it is when it fits in `max_width`, else cut with "…".
std::string fit(const Style& style, const std::string& text, float max_width) {
  return width_of(style, text) <= max_width ? text : with_ellipsis(style, text, max_width);
}

// `text` in lines of at most `max_width`, broken between words (inside a word only when the
// word alone is too wide); at most `max_lines`, the last one cut with "…" when text is left.
std::vector<std::string> wrap(const Style& style, const std::string& text, float max_width, std::size_t max_lines) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == static_cast<char>(0xA0)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));

  std::vector<std::string> lines;
  std::string current;
  for (std::string& next : words) {
    const std::string candidate = current.empty() ? next : current + ' ' + next;
    if (width_of(style, candidate) <= max_width) {
      current = candidate;
      continue;
    }
    if (!current.empty()) lines.push_back(std::move(current));
    current.clear();
    while (next.size() > 1 && width_of(style, next) > max_width) {
      std::size_t fitting = 1;
      while (fitting < next.size() && width_of(style, next.substr(0, fitting + 1)) <= max_width) ++fitting;
      lines.push_back(next.substr(0, fitting));
      next.erase(0, fitting);
    }
    current = next;
  }
  if (!current.empty()) lines.push_back(std::move(current));
  if (lines.empty()) lines.emplace_back();
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() = with_ellipsis(style, lines.back(), max_width);
  }
  return lines;
}

// The text's lines (an address may hold several), without blank ones.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (const char c : text + '\n') {
    if (c == '\n') {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      const auto first = line.find_first_not_of(' ');
      if (first != std::string::npos) lines.push_back(line.substr(first));
      line.clear();
    } else {
      line += c;
    }
  }
  return lines;
}

// [SECTION] The layout

// A4 portrait, in points.
constexpr float kPageWidth = 595.276f;
constexpr float kPageHeight = 841.89f;
constexpr float kLeft = 50.0f;
constexpr float kRight = kPageWidth - 50.0f;
constexpr float kTop = kPageHeight - 48.0f;
constexpr float kFooterBaseline = 30.0f;
constexpr float kContentBottom = 62.0f;  // nothing but the footer below this

constexpr float kPartyWidth = 230.0f;
constexpr float kBuyerLeft = kRight - kPartyWidth;
constexpr std::size_t kMaxAddressLines = 6;
constexpr std::size_t kMaxDescriptionLines = 3;

constexpr float kCellPadding = 5.0f;
constexpr float kRowLineHeight = 11.5f;
constexpr float kHeaderRowHeight = 20.0f;

struct Column {
  std::string_view key;
  float width;
  bool numeric;  // right-aligned
};
// Widths add up to the 495.3 pt between the margins.
constexpr std::array kColumns{
    Column{"invoice.column.description", 172.3f, false}, Column{"invoice.column.quantity", 32.0f, true},
    Column{"invoice.column.unit_price", 64.0f, true},    Column{"invoice.column.vat_rate", 40.0f, true},
    Column{"invoice.column.net", 64.0f, true},           Column{"invoice.column.vat", 59.0f, true},
    Column{"invoice.column.gross", 64.0f, true},
};

class InvoiceLayout {
 public:
  InvoiceLayout(Document& document, const Invoice& invoice, Language language)
      : document_(document), invoice_(invoice), language_(language) {
    const HPDF_Doc pdf = document_.get();
    regular_ = HPDF_GetFont(pdf, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(pdf, "Helvetica-Bold", "WinAnsiEncoding");
    document_.check("loading the Helvetica fonts");
  }

  void render() {
    const std::string title = text("invoice.title") + ' ' + cp1252(invoice_.number);
    HPDF_SetInfoAttr(document_.get(), HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(document_.get(), HPDF_INFO_CREATOR, "Tessera");
    HPDF_SetCompressionMode(document_.get(), HPDF_COMP_ALL);

    start_page();
    draw_heading();
    draw_parties();
    draw_table_header();
    for (std::size_t i = 0; i < invoice_.lines.size(); ++i) draw_row(i);
    draw_totals_and_payment();
    draw_footers();
    document_.check("drawing the invoice");
  }

 private:
  std::string cp1252(std::string_view utf8) const { return utf8_to_cp1252(utf8); }
  std::string text(std::string_view key) const { return cp1252(tr(key, language_)); }
  std::string labelled(std::string_view key, const std::string& value) const {
    // French puts a space before the colon.
    return text(key) + (language_ == Language::fr ? " : " : ": ") + value;
  }
  Style regular(float size, Rgb color = kInk) const { return {regular_, size, color}; }
  Style bold(float size, Rgb color = kInk) const { return {bold_, size, color}; }

  void start_page() {
    page_ = HPDF_AddPage(document_.get());
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    document_.check("adding a page");
    pages_.push_back(page_);
    y_ = kTop;
  }

  // A page after the first: a reminder of which invoice this is, then the caller's content.
  void continue_on_new_page() {
    start_page();
    const std::string heading = cp1252(format_text(tr("invoice.continued", language_), {{"number", invoice_.number}}));
    draw(page_, bold(11, kAccent), kLeft, y_ - 11, heading);
    y_ -= 11 + 16;
  }

  // Title and number on the left; issue date, order and the "Paid" mark on the right.
  void draw_heading() {
    const Style title_style = bold(20, kAccent);
    const std::string title =
        cp1252(format_text(tr("invoice.title_number", language_), {{"number", invoice_.number}}));
    draw(page_, title_style, kLeft, y_ - 18, fit(title_style, title, 300));

    const Style detail = regular(9.5f);
    float right_y = y_ - 8;
    draw_right(page_, detail, kRight, right_y,
               labelled("invoice.issued_on", cp1252(format_date(utc_date_of(invoice_.issued_at), language_))));
    if (invoice_.order_id != 0) {
      right_y -= 13;
      draw_right(page_, detail, kRight, right_y, labelled("invoice.order", std::to_string(invoice_.order_id)));
    }
    if (invoice_.paid_at != 0) draw_paid_mark(right_y - 12);
    y_ -= 64;
  }

  // A green framed "PAYÉE" / "PAID" / "PAGADA", right-aligned, its top at `top`.
  void draw_paid_mark(float top) {
    std::string mark = text("invoice.paid");
    for (char& c : mark) {  // upper case within CP1252's letters
      const auto byte = static_cast<unsigned char>(c);
      if ((byte >= 'a' && byte <= 'z') || (byte >= 0xE0 && byte <= 0xFE && byte != 0xF7))
        c = static_cast<char>(byte - 0x20);
    }
    const Style style = bold(11, kPaid);
    const float box_width = width_of(style, mark) + 16;
    const float box_height = 20;
    HPDF_Page_SetRGBStroke(page_, kPaid.red, kPaid.green, kPaid.blue);
    HPDF_Page_SetLineWidth(page_, 1.5f);
    HPDF_Page_Rectangle(page_, kRight - box_width, top - box_height, box_width, box_height);
    HPDF_Page_Stroke(page_);
    draw(page_, style, kRight - box_width + 8, top - box_height + 6.5f, mark);
  }

  // Seller on the left, buyer on the right, each under a small label.
  void draw_parties() {
    const float seller_bottom = draw_party(kLeft, "invoice.seller", invoice_.seller);
    const float buyer_bottom = draw_party(kBuyerLeft, "invoice.buyer", invoice_.buyer);
    y_ = std::min(seller_bottom, buyer_bottom) - 26;
  }

  // Returns the y below the block.
  float draw_party(float left, std::string_view label_key, const Party& party) {
    float y = y_;
    std::string label = text(label_key);
    draw(page_, bold(8, kMuted), left, y - 8, label);
    draw_rule(page_, kRule, 0.6f, left, left + kPartyWidth, y - 12);
    y -= 12 + 14;
    const Style name_style = bold(11);
    draw(page_, name_style, left, y, fit(name_style, cp1252(party.name), kPartyWidth));
    const Style line_style = regular(9);
    std::vector<std::string> lines = split_lines(cp1252(party.address));
    if (lines.size() > kMaxAddressLines) {
      lines.resize(kMaxAddressLines);
      lines.back() = with_ellipsis(line_style, lines.back(), kPartyWidth);
    }
    if (!party.vat_number.empty()) lines.push_back(labelled("invoice.vat_number", cp1252(party.vat_number)));
    if (!party.email.empty()) lines.push_back(cp1252(party.email));
    for (const std::string& line : lines) {
      y -= 12;
      draw(page_, line_style, left, y, fit(line_style, line, kPartyWidth));
    }
    return y;
  }

  void draw_table_header() {
    fill_rectangle(page_, kAccent, kLeft, y_ - kHeaderRowHeight, kRight - kLeft, kHeaderRowHeight);
    const Style style = bold(8, kWhite);
    float x = kLeft;
    for (const Column& column : kColumns) {
      const std::string label = fit(style, text(column.key), column.width - 2 * kCellPadding);
      if (column.numeric)
        draw_right(page_, style, x + column.width - kCellPadding, y_ - 13, label);
      else
        draw(page_, style, x + kCellPadding, y_ - 13, label);
      x += column.width;
    }
    y_ -= kHeaderRowHeight;
  }

  void draw_row(std::size_t index) {
    const InvoiceLine& line = invoice_.lines[index];
    const InvoiceLineTotals totals =
        index < invoice_.totals.lines.size() ? invoice_.totals.lines[index] : line_totals(line);
    const Style style = regular(9);
    const std::vector<std::string> description =
        wrap(style, cp1252(line.description), kColumns[0].width - 2 * kCellPadding, kMaxDescriptionLines);
    const float row_height = static_cast<float>(description.size()) * kRowLineHeight + 2 * kCellPadding;
    if (y_ - row_height < kContentBottom) {
      continue_on_new_page();
      draw_table_header();
    }
    if (index % 2 == 1) fill_rectangle(page_, kShade, kLeft, y_ - row_height, kRight - kLeft, row_height);

    const float first_baseline = y_ - kCellPadding - 8.5f;
    float baseline = first_baseline;
    for (const std::string& text_line : description) {
      draw(page_, style, kLeft + kCellPadding, baseline, text_line);
      baseline -= kRowLineHeight;
    }
    const std::array<std::string, kColumns.size() - 1> numbers{
        std::to_string(line.quantity),          cp1252(format_money(line.unit_price_net, language_)),
        cp1252(format_vat_rate(line.vat_rate, language_)), cp1252(format_money(totals.net, language_)),
        cp1252(format_money(totals.vat, language_)),       cp1252(format_money(totals.gross, language_))};
    float x = kLeft + kColumns[0].width;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      const Column& column = kColumns[i + 1];
      draw_right(page_, style, x + column.width - kCellPadding, first_baseline,
                 fit(style, numbers[i], column.width - kCellPadding - 1));
      x += column.width;
    }
    y_ -= row_height;
    draw_rule(page_, kRule, 0.5f, kLeft, kRight, y_);
    document_.check("drawing a line of the invoice");
  }

  // Totals on the right; payment method and date on the left.
  void draw_totals_and_payment() {
    constexpr float kTotalsHeight = 3 * 18.0f + 24;
    if (y_ - kTotalsHeight < kContentBottom) continue_on_new_page();
    y_ -= 10;

    constexpr float kLabelLeft = kBuyerLeft;
    const Style label = regular(9.5f);
    const Style amount = regular(9.5f);
    y_ -= 14;
    draw(page_, label, kLabelLeft + kCellPadding, y_, text("invoice.total_net"));
    draw_right(page_, amount, kRight - kCellPadding, y_, cp1252(format_money(invoice_.totals.net, language_)));
    draw_payment(y_);
    y_ -= 17;
    draw(page_, label, kLabelLeft + kCellPadding, y_, text("invoice.total_vat"));
    draw_right(page_, amount, kRight - kCellPadding, y_, cp1252(format_money(invoice_.totals.vat, language_)));
    y_ -= 10;
    fill_rectangle(page_, kShade, kLabelLeft, y_ - 22, kRight - kLabelLeft, 22);
    draw_rule(page_, kAccent, 1.2f, kLabelLeft, kRight, y_);
    y_ -= 15;
    const Style total = bold(11, kAccent);
    draw(page_, total, kLabelLeft + kCellPadding, y_, fit(total, text("invoice.total_gross"), 130));
    draw_right(page_, total, kRight - kCellPadding, y_, cp1252(format_money(invoice_.totals.gross, language_)));
    y_ -= 7;
  }

  void draw_payment(float baseline) {
    const Style style = regular(9.5f);
    const std::string method =
        text("invoice.payment." + std::string(to_string(invoice_.payment_method)));
    constexpr float width = kBuyerLeft - 20 - kLeft;
    draw(page_, style, kLeft, baseline, fit(style, labelled("invoice.payment_method", method), width));
    if (invoice_.paid_at != 0) {
      const std::string paid_on = cp1252(format_date(utc_date_of(invoice_.paid_at), language_));
      draw(page_, style, kLeft, baseline - 17, fit(style, labelled("invoice.paid_on", paid_on), width));
    }
  }

  // The seller's name and VAT number, and "Page n / N", at the foot of every page.
  void draw_footers() {
    std::string seller = cp1252(invoice_.seller.name);
    if (!invoice_.seller.vat_number.empty())
      seller += std::string(" ") + static_cast<char>(0xB7) + " " +
                labelled("invoice.vat_number", cp1252(invoice_.seller.vat_number));
    const Style style = regular(7.5f, kMuted);
    const std::string pages = std::to_string(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      const HPDF_Page page = pages_[i];
      draw_rule(page, kRule, 0.5f, kLeft, kRight, kFooterBaseline + 11);
      draw(page, style, kLeft, kFooterBaseline, fit(style, seller, 360));
      const std::string number =
          cp1252(format_text(tr("invoice.page", language_), {{"page", std::to_string(i + 1)}, {"pages", pages}}));
      draw_right(page, style, kRight, kFooterBaseline, number);
    }
  }

  Document& document_;
  const Invoice& invoice_;
  Language language_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  HPDF_Page page_ = nullptr;
  std::vector<HPDF_Page> pages_;
  float y_ = kTop;  // the top of the free space left on the current page
};

}  // namespace

// [SECTION] Entry point

std::string render_invoice_pdf(const tessera::Invoice& invoice, tessera::Language language) {
  Document document;
  InvoiceLayout(document, invoice, language).render();
  return document.save();
}

}  // namespace tessera::server
