// The invoice PDF (SPEC §1.6, §1.11): amounts, rates and dates written each language's way,
// UTF-8 to CP1252, and real PDF files whose text — read back with poppler's pdftotext — holds
// the number, the buyer's accented name, the totals and the title in the account's language;
// long descriptions are cut, and a long invoice runs over several pages (pdfinfo).
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "adapters/invoice_pdf.hpp"

using namespace tessera;
using namespace tessera::server;

namespace {

Party seller() {
  return {"Tessera Assistance SARL", "12 rue de la Paix\n75002 Paris\nFrance", "FR12345678901",
          "factures@tessera.example"};
}

Party buyer() { return {"Élodie Núñez", "Calle Mayor 5, 2.º\n28013 Madrid\nEspaña", "", "elodie@example.com"}; }

const Instant kIssuedAt = utc_instant({2026, 3, 5}, 10, 30);

Invoice invoice_of(std::vector<InvoiceLine> lines) {
  InvoiceRequest request{seller(), buyer(), std::move(lines), PaymentMethod::bank_transfer, kIssuedAt, 42};
  auto built = build_invoice(request, 0, kIssuedAt);
  BOOST_TEST_REQUIRE(built.ok());
  return built.value();
}

// Gross total 1 255,66 €: 1 028,80 + 20 % and 2 × 10,00 + 5,5 %.
Invoice sample_invoice() {
  return invoice_of({{"Banque de 600 minutes — assistance à distance, ¿señal perdida? ¡ça marche!", 1, 102880, 2000},
                     {"Pack de tickets (année 2026)", 2, 1000, 550}});
}

// A file removed when the test ends, whatever happens.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& bytes) {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("tessera-invoice-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".pdf");
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

// What `command` prints; the test fails when it does not exit with 0.
std::string output_of(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_TEST_REQUIRE(pipe != nullptr, "cannot run " << command);
  std::string output;
  char buffer[4096];
  for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, read);
  const int status = ::pclose(pipe);
  BOOST_TEST_REQUIRE(status == 0, command << " failed (is poppler-utils installed?)");
  return output;
}

// The PDF's text, as poppler reads it (UTF-8).
std::string text_of(const std::string& pdf) {
  const TempFile file(pdf);
  return output_of("pdftotext -enc UTF-8 '" + file.path.string() + "' -");
}

int pages_of(const std::string& pdf) {
  const TempFile file(pdf);
  const std::string info = output_of("pdfinfo '" + file.path.string() + "'");
  const auto at = info.find("Pages:");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return std::stoi(info.substr(at + 6));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool is_pdf_file(const std::string& bytes) {
  std::string end = bytes;
  while (!end.empty() && (end.back() == '\n' || end.back() == '\r')) end.pop_back();
  return bytes.starts_with("%PDF-") && end.ends_with("%%EOF");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_pdf)

BOOST_AUTO_TEST_CASE(money_is_written_the_way_each_language_writes_it) {
  struct Case {
    Cents amount;
    Language language;
    std::string expected;
  };
  for (const Case& row : std::vector<Case>{{123456, Language::fr, "1 234,56 €"},
                                           {123456, Language::es, "1 234,56 €"},
                                           {123456, Language::en, "€1,234.56"},
                                           {5, Language::fr, "0,05 €"},
                                           {0, Language::en, "€0.00"},
                                           {99999, Language::fr, "999,99 €"},
                                           {100000000, Language::fr, "1 000 000,00 €"},
                                           {100000000, Language::en, "€1,000,000.00"},
                                           {-1250, Language::fr, "-12,50 €"},
                                           {-1250, Language::en, "-€12.50"}})
    BOOST_TEST(format_money(row.amount, row.language) == row.expected);
}

BOOST_AUTO_TEST_CASE(vat_rates_and_dates_are_written_the_way_each_language_writes_them) {
  BOOST_TEST(format_vat_rate(2000, Language::fr) == "20 %");
  BOOST_TEST(format_vat_rate(2000, Language::en) == "20%");
  BOOST_TEST(format_vat_rate(550, Language::es) == "5,5 %");
  BOOST_TEST(format_vat_rate(550, Language::en) == "5.5%");
  BOOST_TEST(format_vat_rate(1234, Language::fr) == "12,34 %");
  BOOST_TEST(format_vat_rate(5, Language::en) == "0.05%");
  BOOST_TEST(format_vat_rate(0, Language::fr) == "0 %");
  BOOST_TEST(format_date({2026, 3, 5}, Language::fr) == "05/03/2026");
  BOOST_TEST(format_date({2026, 3, 5}, Language::es) == "05/03/2026");
  BOOST_TEST(format_date({2026, 3, 5}, Language::en) == "2026-03-05");
}

BOOST_AUTO_TEST_CASE(utf8_becomes_cp1252_and_what_cp1252_lacks_becomes_a_question_mark) {
  BOOST_TEST(utf8_to_cp1252("Élodie Núñez") == "\xC9lodie N\xFA\xF1" "ez");
  BOOST_TEST(utf8_to_cp1252("¿¡ çà è ü") == "\xBF\xA1 \xE7\xE0 \xE8 \xFC");
  BOOST_TEST(utf8_to_cp1252("12 € … œ — “x”") == "12 \x80 \x85 \x9C \x97 \x93x\x94");
  BOOST_TEST(utf8_to_cp1252("1\u202F234") == "1\xA0" "234");
  BOOST_TEST(utf8_to_cp1252("日本 🙂") == "?? ?");
  BOOST_TEST(utf8_to_cp1252("a\xFF" "b") == "a?b");        // not UTF-8
  BOOST_TEST(utf8_to_cp1252("a\xC3") == "a?");            // cut short
  BOOST_TEST(utf8_to_cp1252("\xC0\xAF") == "??");         // overlong "/"
  BOOST_TEST(utf8_to_cp1252("\xED\xA0\x80") == "???");    // a surrogate
  BOOST_TEST(utf8_to_cp1252(std::string("a\0b", 3)) == "a?b");
}

BOOST_AUTO_TEST_CASE(the_invoice_is_a_pdf_file_in_every_language) {
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    const std::string pdf = render_invoice_pdf(sample_invoice(), language);
    BOOST_TEST(is_pdf_file(pdf), "language " << to_string(language));
    BOOST_TEST(pages_of(pdf) == 1);
  }
}

BOOST_AUTO_TEST_CASE(the_french_invoice_reads_in_french) {
  const Invoice invoice = sample_invoice();
  BOOST_TEST_REQUIRE(invoice.number == "2026-000001");
  const std::string text = text_of(render_invoice_pdf(invoice, Language::fr));
  BOOST_TEST_INFO("pdftotext:\n" << text);
  BOOST_TEST(contains(text, "Facture n° 2026-000001"));
  BOOST_TEST(contains(text, "05/03/2026"));
  BOOST_TEST(contains(text, "Tessera Assistance SARL"));
  BOOST_TEST(contains(text, "Élodie Núñez"));
  BOOST_TEST(contains(text, "España"));
  BOOST_TEST(contains(text, "¿señal perdida?"));
  BOOST_TEST(contains(text, "1 028,80 €"));  // the first line's unit price
  BOOST_TEST(contains(text, "5,5 %"));
  BOOST_TEST(contains(text, "1 048,80 €"));  // total net
  BOOST_TEST(contains(text, "206,86 €"));    // total VAT: 205,76 + 1,10
  BOOST_TEST(contains(text, "1 255,66 €"));  // total gross
  BOOST_TEST(contains(text, "Total TTC"));
  BOOST_TEST(contains(text, "Virement bancaire"));
  BOOST_TEST(contains(text, "PAYÉE"));
  BOOST_TEST(contains(text, "Payée le : 05/03/2026"));
  BOOST_TEST(contains(text, "Page 1 / 1"));
  BOOST_TEST(!contains(text, "Invoice"));
}

BOOST_AUTO_TEST_CASE(the_english_invoice_reads_in_english) {
  const std::string text = text_of(render_invoice_pdf(sample_invoice(), Language::en));
  BOOST_TEST_INFO("pdftotext:\n" << text);
  BOOST_TEST(contains(text, "Invoice 2026-000001"));
  BOOST_TEST(contains(text, "2026-03-05"));
  BOOST_TEST(contains(text, "Élodie Núñez"));
  BOOST_TEST(contains(text, "€1,028.80"));
  BOOST_TEST(contains(text, "€1,255.66"));
  BOOST_TEST(contains(text, "Bank transfer"));
  BOOST_TEST(contains(text, "PAID"));
  BOOST_TEST(!contains(text, "Facture"));
}

BOOST_AUTO_TEST_CASE(the_spanish_invoice_reads_in_spanish) {
  const std::string text = text_of(render_invoice_pdf(sample_invoice(), Language::es));
  BOOST_TEST_INFO("pdftotext:\n" << text);
  BOOST_TEST(contains(text, "Factura n.º 2026-000001"));
  BOOST_TEST(contains(text, "Élodie Núñez"));
  BOOST_TEST(contains(text, "1 255,66 €"));
  BOOST_TEST(contains(text, "Total (IVA incluido)"));
  BOOST_TEST(contains(text, "Transferencia bancaria"));
  BOOST_TEST(contains(text, "PAGADA"));
  BOOST_TEST(contains(text, "Página 1 de 1"));
  BOOST_TEST(!contains(text, "Facture"));
}

BOOST_AUTO_TEST_CASE(a_long_description_is_cut_with_an_ellipsis) {
  std::string description = "Intervention sur le réseau de l'agence:";
  for (int i = 0; i < 40; ++i) description += " remplacement du commutateur";
  description += " FIN-DE-LA-DESCRIPTION";
  const std::string pdf = render_invoice_pdf(invoice_of({{description, 1, 5000, 2000}}), Language::fr);
  const std::string text = text_of(pdf);
  BOOST_TEST_INFO("pdftotext:\n" << text);
  BOOST_TEST(contains(text, "Intervention sur le réseau"));
  BOOST_TEST(contains(text, "…"));
  BOOST_TEST(!contains(text, "FIN-DE-LA-DESCRIPTION"));
  BOOST_TEST(pages_of(pdf) == 1);
}

BOOST_AUTO_TEST_CASE(a_word_too_wide_for_its_column_is_broken_not_lost) {
  const std::string word = "https://support.example.com/tickets/8f14e45fceea167a5a36dedd4bea2543";
  const std::string text = text_of(render_invoice_pdf(invoice_of({{word, 1, 5000, 2000}}), Language::en));
  BOOST_TEST_INFO("pdftotext:\n" << text);
  BOOST_TEST(contains(text, "https://support.example.com"));
  BOOST_TEST(contains(text, "2543"));
}

BOOST_AUTO_TEST_CASE(sixty_lines_run_over_several_pages_and_every_line_is_there) {
  std::vector<InvoiceLine> lines;
  for (int i = 1; i <= 60; ++i)
    lines.push_back({"Ligne " + std::to_string(i) + " : intervention à distance", 1, 1000 * i, 2000});
  const Invoice invoice = invoice_of(lines);
  const std::string pdf = render_invoice_pdf(invoice, Language::fr);
  BOOST_TEST(is_pdf_file(pdf));
  const int pages = pages_of(pdf);
  BOOST_TEST(pages >= 2);
  const std::string text = text_of(pdf);
  for (int i = 1; i <= 60; ++i) BOOST_TEST(contains(text, "Ligne " + std::to_string(i) + " :"), "line " << i);
  BOOST_TEST(contains(text, "Facture 2026-000001 (suite)"));
  BOOST_TEST(contains(text, "Page " + std::to_string(pages) + " / " + std::to_string(pages)));
  BOOST_TEST(contains(text, "21 960,00 €"));  // 1 830 × 12: the net sum 18 300,00 plus 20 %
}

BOOST_AUTO_TEST_CASE(an_unpaid_invoice_has_no_paid_mark) {
  Invoice invoice = sample_invoice();
  invoice.paid_at = 0;
  const std::string text = text_of(render_invoice_pdf(invoice, Language::en));
  BOOST_TEST(!contains(text, "PAID"));
  BOOST_TEST(!contains(text, "Paid on"));
  BOOST_TEST(contains(text, "Bank transfer"));
}

BOOST_AUTO_TEST_SUITE_END()
