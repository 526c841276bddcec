// Routes of the plain HTML public pages (SPEC §1.12): /offers, /faq and /board in the
// browser's language, /fr|en|es/offers|faq|board in one language (the board's pages with
// ?page=N). Thin: the catalog and the board's page come from the services, the HTML from
// shared/ (public_html.hpp), built from the same texts and values as the app.
#include <algorithm>

#include "app/commerce.hpp"
#include "http/util.hpp"
#include "tessera/public_html.hpp"
#include "tessera/texts.hpp"
#include "app/transparency.hpp"

namespace tessera::server {

namespace {
// The board's ?page=N (1-based); anything else is the first page.
std::size_t board_page_number(const httplib::Request& req) {
  const std::string text = req.get_param_value("page");
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return 1;
  return std::max<std::size_t>(1, std::stoul(text));
}

std::string base_url(const Config& config) {
  std::string base = config.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}
}  // namespace

void install_site_routes(RouteContext& routes) {
  const auto render = [&routes](site::PublicPage page, Language language, const httplib::Request& req,
                                httplib::Response& res) {
    const std::string base = base_url(routes.config);
    std::string html;
    switch (page) {
      case site::PublicPage::offers: html = site::render_offers_html(routes.commerce.catalog(), language, base); break;
      case site::PublicPage::faq: html = site::render_faq_html(language, base); break;
      case site::PublicPage::board: {
        const std::size_t per_page = site::kBoardHtmlRowsPerPage;
        const std::size_t wanted = board_page_number(req);
        auto board = site::decode_board_page(
            nlohmann::json::parse(routes.transparency.board_page((wanted - 1) * per_page, per_page), nullptr, false));
        if (!board) return send_error(res, make_error("internal"));
        if (board->rows.empty() && wanted > 1) {  // past the last page: the last one
          const std::size_t last = std::max<std::size_t>(1, (board->total + per_page - 1) / per_page);
          board = site::decode_board_page(
              nlohmann::json::parse(routes.transparency.board_page((last - 1) * per_page, per_page), nullptr, false));
          if (!board) return send_error(res, make_error("internal"));
          html = site::render_board_html(*board, last, language, base);
        } else {
          html = site::render_board_html(*board, wanted, language, base);
        }
        break;
      }
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(html, "text/html; charset=utf-8");
  };

  // Without a language: the browser's (Accept-Language), the hreflang x-default.
  routes.http.Get(R"(/(offers|faq|board))", [render](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Vary", "Accept-Language");
    render(*site::parse_public_page(req.matches[1].str()), language_from_tag(req.get_header_value("Accept-Language")),
           req, res);
  });
  routes.http.Get(R"(/(fr|en|es)/(offers|faq|board))", [render](const httplib::Request& req, httplib::Response& res) {
    render(*site::parse_public_page(req.matches[2].str()), *parse_language(req.matches[1].str()), req, res);
  });
}

}  // namespace tessera::server
