// The public pages as plain HTML (SPEC §1.12): the offers, the FAQ and the transparency
// board, for search engines, screen readers and browsers without WebAssembly — built from
// the same texts and values as the app (public_site.hpp). Pure functions: the server only
// hands them the catalog or the board's page. Every text and value is HTML-escaped.
//
// Addresses: /fr/offers, /en/offers, /es/offers (likewise faq, board; the board pages with
// ?page=N); /offers without a language is the same page in the browser's language and is the
// x-default of the hreflang links. Each page names its canonical address, its alternates in
// the three languages, and links into the app to sign up (/#/signup) and log in (/#/login).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "tessera/catalog.hpp"
#include "tessera/public_site.hpp"
#include "tessera/ticket.hpp"

namespace tessera::site {

enum class PublicPage { offers, faq, board };
std::string_view to_string(PublicPage page);                  // "offers", "faq", "board"
std::optional<PublicPage> parse_public_page(std::string_view name);
// "/es/offers"; without a language "/offers" (the x-default).
std::string page_path(PublicPage page, std::optional<Language> language);

// &, <, >, " and ' as entities, so any text is safe inside elements and quoted attributes.
std::string html_escape(std::string_view text);

constexpr std::size_t kBoardHtmlRowsPerPage = 50;

// `base_url`: the public address of the site ("https://help.example.com", no trailing slash),
// for the canonical and alternate links.
std::string render_offers_html(const Catalog& catalog, Language language, std::string_view base_url,
                               const TrialRules& trial = {});
std::string render_faq_html(Language language, std::string_view base_url);
// `page_number` (1-based) of `board`, whose rows are that page's (kBoardHtmlRowsPerPage each).
std::string render_board_html(const BoardPage& board, std::size_t page_number, Language language,
                              std::string_view base_url);

}  // namespace tessera::site
