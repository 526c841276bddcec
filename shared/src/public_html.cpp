// The public pages as plain HTML (see public_html.hpp).
//
// [SECTION] Addresses and escaping  [SECTION] The page around  [SECTION] Offers  [SECTION] FAQ
// [SECTION] Board
#include "tessera/public_html.hpp"

#include <algorithm>

#include "tessera/texts.hpp"

namespace tessera::site {

namespace {
constexpr Language kLanguages[] = {Language::fr, Language::en, Language::es};

std::string t(std::string_view key, Language language) { return html_escape(tr(key, language)); }
std::string tf(std::string_view key, Language language, const std::map<std::string, std::string>& params) {
  return html_escape(format_text(tr(key, language), params));
}
}  // namespace

// [SECTION] Addresses and escaping

std::string_view to_string(PublicPage page) {
  switch (page) {
    case PublicPage::offers: return "offers";
    case PublicPage::faq: return "faq";
    case PublicPage::board: return "board";
  }
  return "offers";
}

std::optional<PublicPage> parse_public_page(std::string_view name) {
  for (const PublicPage page : {PublicPage::offers, PublicPage::faq, PublicPage::board})
    if (to_string(page) == name) return page;
  return std::nullopt;
}

std::string page_path(PublicPage page, std::optional<Language> language) {
  std::string path = "/";
  if (language) path += std::string(tessera::to_string(*language)) + "/";
  return path + std::string(to_string(page));
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// [SECTION] The page around

namespace {
constexpr std::string_view kStyle =
    "body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9;line-height:1.5}"
    "header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}"
    "header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding-top:1rem;padding-bottom:1rem}"
    "header .name{font-size:1.4rem;font-weight:bold;color:#2b5797;text-decoration:none}"
    "nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}"
    "a{color:#2b5797}a[aria-current]{font-weight:bold}"
    ".cta{display:inline-block;background:#2b5797;color:#fff;padding:.5rem 1rem;border-radius:.3rem;"
    "text-decoration:none;font-weight:bold}"
    ".offers{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;padding:0;list-style:none}"
    ".offers li{background:#fff;border:1px solid #d5d9e0;border-radius:.4rem;padding:1rem}"
    ".price{font-size:1.3rem;font-weight:bold;margin:.25rem 0}.muted{color:#5b6475}"
    "table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.5rem}"
    "th,td{border:1px solid #d5d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    ".table{overflow-x:auto}dt{font-weight:bold}dd{margin:0 0 .75rem}"
    "footer{padding-top:2rem;padding-bottom:2rem;color:#5b6475}"
    ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}";

struct PageParts {
  PublicPage page = PublicPage::offers;
  Language language = Language::en;
  std::string_view base_url;
  std::string title;        // plain text (escaped here)
  std::string description;  // plain text (escaped here)
  std::string query;        // "?page=2" for the board's later pages, part of every address
  std::string main;         // HTML
  std::string head_extra;   // HTML (the board's prev/next links)
};

std::string page_html(const PageParts& parts) {
  const Language language = parts.language;
  const std::string lang(tessera::to_string(language));
  const auto absolute = [&](std::optional<Language> in) {
    return html_escape(std::string(parts.base_url) + page_path(parts.page, in) + parts.query);
  };
  std::string out;
  out.reserve(parts.main.size() + 6000);
  out += "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<link rel=\"icon\" href=\"data:,\">\n";  // no request for /favicon.ico
  out += "<title>" + html_escape(parts.title) + " · " + t("app.name", language) + "</title>\n";
  out += "<meta name=\"description\" content=\"" + html_escape(parts.description) + "\">\n";
  out += "<link rel=\"canonical\" href=\"" + absolute(language) + "\">\n";
  for (const Language other : kLanguages)
    out += "<link rel=\"alternate\" hreflang=\"" + std::string(tessera::to_string(other)) + "\" href=\"" +
           absolute(other) + "\">\n";
  out += "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + absolute(std::nullopt) + "\">\n";
  out += parts.head_extra;
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">" + t("site.html.skip", language) + "</a>\n<header>\n";
  out += "<a class=\"name\" href=\"" + html_escape(page_path(PublicPage::offers, language)) + "\">" +
         t("app.name", language) + "</a>\n";
  out += "<nav aria-label=\"" + t("site.html.pages", language) + "\"><ul>\n";
  for (const PublicPage page : {PublicPage::offers, PublicPage::faq, PublicPage::board}) {
    out += "<li><a href=\"" + html_escape(page_path(page, language)) + "\"";
    if (page == parts.page) out += " aria-current=\"page\"";
    out += ">" + t("site.nav." + std::string(to_string(page)), language) + "</a></li>\n";
  }
  out += "<li><a href=\"/#/login\">" + t("nav.login", language) + "</a></li>\n</ul></nav>\n";
  out += "<nav aria-label=\"" + t("nav.language", language) + "\"><ul>\n";
  for (const Language other : kLanguages) {
    const std::string code(tessera::to_string(other));
    out += "<li><a href=\"" + html_escape(page_path(parts.page, other) + parts.query) + "\" hreflang=\"" + code +
           "\" lang=\"" + code + "\"";
    if (other == language) out += " aria-current=\"true\"";
    out += ">" + html_escape(tr("language." + code, other)) + "</a></li>\n";
  }
  out += "</ul></nav>\n</header>\n<main id=\"main\">\n";
  out += parts.main;
  out += "<p><a class=\"cta\" href=\"/#/signup\">" + t("home.try_free", language) + "</a> " +
         t("home.try_free_note", language) + "</p>\n";
  out += "</main>\n<footer>\n<p>" + t("site.html.app_note", language) + " <a href=\"/#/contact\">" +
         t("site.contact.link", language) + "</a></p>\n</footer>\n</body>\n</html>\n";
  return out;
}
}  // namespace

// [SECTION] Offers

std::string render_offers_html(const Catalog& catalog, Language language, std::string_view base_url,
                               const TrialRules& trial) {
  std::string main = "<h1>" + t("site.offers.title", language) + "</h1>\n<p>" + t("site.offers.intro", language) +
                     "</p>\n<ul class=\"offers\">\n";
  for (const Offer& offer : offers(catalog, language, trial)) {
    main += "<li id=\"offer-" + html_escape(offer.id) + "\">\n<h2>" + html_escape(offer.name) + "</h2>\n";
    main += "<p class=\"price\">" + html_escape(offer.price) + "</p>\n";
    if (!offer.price_detail.empty()) main += "<p class=\"muted\">" + html_escape(offer.price_detail) + "</p>\n";
    main += "<p>" + html_escape(offer.meaning) + "</p>\n";
    if (!offer.extra.empty()) main += "<p>" + html_escape(offer.extra) + "</p>\n";
    main += "</li>\n";
  }
  main += "</ul>\n<p class=\"muted\">" + html_escape(vat_note(catalog, language)) + "</p>\n";
  return page_html(PageParts{.page = PublicPage::offers,
                             .language = language,
                             .base_url = base_url,
                             .title = std::string(tr("site.offers.title", language)),
                             .description = std::string(tr("site.offers.intro", language)),
                             .main = std::move(main)});
}

// [SECTION] FAQ

std::string render_faq_html(Language language, std::string_view base_url) {
  std::string main = "<h1>" + t("site.faq.title", language) + "</h1>\n<dl>\n";
  int n = 0;
  for (const FaqEntry& entry : faq(language)) {
    ++n;
    main += "<dt id=\"q" + std::to_string(n) + "\">" + html_escape(entry.question) + "</dt>\n<dd>" +
            html_escape(entry.answer) + "</dd>\n";
  }
  main += "</dl>\n<p>" + t("site.faq.not_answered", language) + " <a href=\"/#/contact\">" +
          t("site.contact.link", language) + "</a></p>\n";
  return page_html(PageParts{.page = PublicPage::faq,
                             .language = language,
                             .base_url = base_url,
                             .title = std::string(tr("site.faq.title", language)),
                             .description = std::string(tr("site.faq.description", language)),
                             .main = std::move(main)});
}

// [SECTION] Board

namespace {
std::string distribution(const BoardAggregate& aggregate, Language language) {
  std::string out;
  for (int stars = 5; stars >= 1; --stars) {
    if (!out.empty()) out += ", ";
    out += tf("site.board.rating_count", language,
              {{"stars", std::to_string(stars)}, {"count", std::to_string(aggregate.rating_counts[stars - 1])}});
  }
  return out;
}

std::string aggregate_table(const std::vector<BoardAggregate>& aggregates, std::string_view caption_key,
                            std::string_view group_key, Language language) {
  std::string out = "<div class=\"table\"><table>\n<caption>" + t(caption_key, language) + "</caption>\n<thead><tr>";
  for (std::string_view key : {group_key, std::string_view("site.board.col.tickets"), std::string_view("site.board.col.median"),
                               std::string_view("site.board.col.p90"), std::string_view("site.board.col.within_sla"),
                               std::string_view("site.board.col.average_rating"), std::string_view("site.board.col.ratings")})
    out += "<th scope=\"col\">" + t(key, language) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const BoardAggregate& aggregate : aggregates) {
    out += "<tr><th scope=\"row\">" + html_escape(group_label(aggregate.group, language)) + "</th><td>" +
           std::to_string(aggregate.tickets) + "</td><td>" +
           html_escape(duration_text(aggregate.median_first_response, language)) + "</td><td>" +
           html_escape(duration_text(aggregate.p90_first_response, language)) + "</td><td>" +
           html_escape(per_mille_text(aggregate.within_sla_per_mille, language)) + "</td><td>" +
           (aggregate.rated > 0 ? html_escape(rating_text(aggregate.average_rating_hundredths, language))
                                : t("site.none", language)) +
           "</td><td>" + distribution(aggregate, language) + "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}
}  // namespace

std::string render_board_html(const BoardPage& board, std::size_t page_number, Language language,
                              std::string_view base_url) {
  const std::size_t per_page = kBoardHtmlRowsPerPage;
  const std::size_t pages = std::max<std::size_t>(1, (board.total + per_page - 1) / per_page);
  page_number = std::clamp<std::size_t>(page_number, 1, pages);
  const auto page_query = [](std::size_t n) { return n <= 1 ? std::string() : "?page=" + std::to_string(n); };
  const std::string here = page_path(PublicPage::board, language);

  std::string main = "<h1>" + t("site.board.title", language) + "</h1>\n<p>" + t("site.board.intro", language) + "</p>\n";
  main += "<p>" + t("site.board.download", language) + " <a href=\"/api/v1/board.csv\" download>CSV</a> · " +
          "<a href=\"/api/v1/board.json\" download>JSON</a></p>\n";
  if (board.total == 0) {
    main += "<p>" + t("site.board.empty", language) + "</p>\n";
  } else {
    const BoardAggregate& all = board.all;
    main += "<h2>" + t("site.board.overall", language) + "</h2>\n<dl>\n";
    main += "<dt>" + t("site.board.col.tickets", language) + "</dt><dd>" + std::to_string(all.tickets) + "</dd>\n";
    main += "<dt>" + t("site.board.col.median", language) + "</dt><dd>" +
            html_escape(duration_text(all.median_first_response, language)) + "</dd>\n";
    main += "<dt>" + t("site.board.col.p90", language) + "</dt><dd>" +
            html_escape(duration_text(all.p90_first_response, language)) + "</dd>\n";
    main += "<dt>" + t("site.board.col.within_sla", language) + "</dt><dd>" +
            html_escape(per_mille_text(all.within_sla_per_mille, language)) + "</dd>\n";
    main += "<dt>" + t("site.board.col.average_rating", language) + "</dt><dd>" +
            (all.rated > 0 ? tf("site.board.average_of", language,
                                {{"rating", rating_text(all.average_rating_hundredths, language)},
                                 {"count", std::to_string(all.rated)}})
                           : t("site.board.no_rating", language)) +
            "</dd>\n<dt>" + t("site.board.col.ratings", language) + "</dt><dd>" + distribution(all, language) +
            "</dd>\n</dl>\n";
    main += "<h2>" + t("site.board.by_criticality", language) + "</h2>\n";
    main += aggregate_table(board.by_criticality, "site.board.by_criticality", "site.board.col.criticality", language);
    main += "<h2>" + t("site.board.by_month", language) + "</h2>\n";
    main += aggregate_table(board.by_month, "site.board.by_month", "site.board.col.month", language);

    const std::size_t first = board.offset + 1;
    const std::size_t last = board.offset + board.rows.size();
    main += "<h2 id=\"tickets\">" + t("site.board.tickets", language) + "</h2>\n";
    main += "<div class=\"table\"><table>\n<caption>" +
            tf("site.board.range", language,
               {{"first", std::to_string(first)}, {"last", std::to_string(last)}, {"total", std::to_string(board.total)}}) +
            "</caption>\n<thead><tr>";
    for (std::string_view key : {"site.board.col.reference", "site.board.col.category", "site.board.col.criticality",
                                 "site.board.col.language", "site.board.col.month", "site.board.col.first_response",
                                 "site.board.col.resolution", "site.board.col.within_sla", "site.board.col.rating",
                                 "site.board.col.comment"})
      main += "<th scope=\"col\">" + t(key, language) + "</th>";
    main += "</tr></thead>\n<tbody>\n";
    for (const BoardRow& row : board.rows) {
      const std::string row_language(tessera::to_string(row.language));
      main += "<tr><th scope=\"row\">" + html_escape(row.reference) + "</th><td>" +
              t("category." + std::string(tessera::to_string(row.category)), language) + "</td><td>" +
              t("criticality." + std::string(tessera::to_string(row.criticality)), language) + "</td><td>" +
              t("language." + row_language, language) + "</td><td>" +
              html_escape(group_label(row.month_opened, language)) + "</td><td>" +
              html_escape(duration_text(row.first_response_minutes, language)) + "</td><td>" +
              html_escape(duration_text(row.resolution_minutes, language)) + "</td><td>" +
              t(row.within_sla ? "site.yes" : "site.no", language) + "</td><td>" +
              (row.rating ? tf("site.board.rating_of_five", language, {{"rating", std::to_string(*row.rating)}})
                          : t("site.none", language)) +
              "</td><td" + (row.comment ? " lang=\"" + row_language + "\">" + html_escape(*row.comment) : ">") +
              "</td></tr>\n";
    }
    main += "</tbody></table></div>\n";
    if (pages > 1) {
      main += "<nav aria-label=\"" + t("site.board.pages", language) + "\"><ul>\n";
      if (page_number > 1)
        main += "<li><a rel=\"prev\" href=\"" + html_escape(here + page_query(page_number - 1)) + "#tickets\">" +
                t("site.board.previous", language) + "</a></li>\n";
      main += "<li>" + tf("site.board.page_of", language,
                          {{"page", std::to_string(page_number)}, {"pages", std::to_string(pages)}}) + "</li>\n";
      if (page_number < pages)
        main += "<li><a rel=\"next\" href=\"" + html_escape(here + page_query(page_number + 1)) + "#tickets\">" +
                t("site.board.next", language) + "</a></li>\n";
      main += "</ul></nav>\n";
    }
  }
  std::string head_extra;
  if (page_number > 1)
    head_extra += "<link rel=\"prev\" href=\"" + html_escape(std::string(base_url) + here + page_query(page_number - 1)) + "\">\n";
  if (page_number < pages)
    head_extra += "<link rel=\"next\" href=\"" + html_escape(std::string(base_url) + here + page_query(page_number + 1)) + "\">\n";
  return page_html(PageParts{.page = PublicPage::board,
                             .language = language,
                             .base_url = base_url,
                             .title = std::string(tr("site.board.title", language)),
                             .description = std::string(tr("site.board.intro", language)),
                             .query = page_query(page_number),
                             .main = std::move(main),
                             .head_extra = std::move(head_extra)});
}

}  // namespace tessera::site
