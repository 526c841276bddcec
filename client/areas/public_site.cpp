// The public area (see public_site.hpp): its screens, the catalog, board and contact calls and
// their answers, and its part of the test hook.
#include "areas/public_site.hpp"

#include "app.hpp"
#include "tessera/domain_wire.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

void enter_home(App& app, const RouteParams&) { public_site::load_catalog(app); }
void enter_board(App& app, const RouteParams&) { public_site::load_board(app, app.site.board_offset); }

// Home is for visitors (a signed-in user starts on their own screen); the FAQ, the board and
// the contact form are for everyone.
const ScreenDef kScreens[] = {
    {"home", "/", "home.title", Audience::visitor, enter_home, "nav.home"},
    {"faq", "/faq", "site.faq.title", Audience::anyone, nullptr, "site.nav.faq"},
    {"board", "/board", "site.board.title", Audience::anyone, enter_board, "site.nav.board"},
    {"contact", "/contact", "site.contact.title", Audience::anyone, nullptr},
};

json parse_object(const HttpResponse& answer) {
  auto parsed = json::parse(answer.body, nullptr, false);
  return parsed.is_discarded() ? json() : parsed;
}

// A fetch's answer: received (true), or its error kept for the screen to show.
bool received(App& app, FetchState& fetch, const HttpResponse& answer, bool decoded) {
  fetch.loading = false;
  if (answer.status == 200 && decoded) {
    fetch.error.reset();
    fetch.at_ms = app.browser().now_ms();
    return true;
  }
  fetch.error = answer.status == 200 ? make_error("internal") : App::error_of(answer);
  return false;
}

void catalog_answer(App& app, const HttpResponse& answer) {
  const auto catalog = answer.status == 200 ? codec::decode_catalog(parse_object(answer)) : Result<Catalog>(make_error("internal"));
  if (received(app, app.site.catalog_fetch, answer, catalog.ok())) app.site.catalog = catalog.value();
}

void board_answer(App& app, const Request& request, const HttpResponse& answer) {
  // Only the page asked for last counts (Next pressed twice quickly).
  if (request.context.value("offset", std::size_t{0}) != app.site.board_offset) return;
  const auto page = answer.status == 200 ? site::decode_board_page(parse_object(answer))
                                         : Result<site::BoardPage>(make_error("internal"));
  if (received(app, app.site.board_fetch, answer, page.ok())) app.site.board = page.value();
}

void contact_answer(App& app, const HttpResponse& answer) {
  if (answer.status == 201) {
    app.site.contact_sent = true;
    app.site.contact = {};
  } else {
    app.fail(answer);  // a field's error under its field; rate_limited and the network at the form's foot
  }
}

json fetch_state(const FetchState& fetch) {
  return {{"loading", fetch.loading}, {"error", fetch.error ? json(fetch.error->code) : json()}, {"at_ms", fetch.at_ms}};
}

void write_test_state(const App& app, json& out) {
  const PublicArea& area = app.site;
  json offers = json::array();
  if (area.catalog)
    for (const auto& offer : site::offers(*area.catalog, app.language))
      offers.push_back({{"id", offer.id}, {"name", offer.name}, {"price", offer.price}, {"gross", offer.gross}});
  json board = nullptr;
  if (area.board) {
    json rows = json::array();
    for (const auto& row : area.board->rows)
      rows.push_back({{"reference", row.reference}, {"comment", row.comment ? json(*row.comment) : json()},
                      {"rating", row.rating ? json(*row.rating) : json()}});
    board = {{"total", area.board->total}, {"offset", area.board->offset}, {"rows", rows},
             {"months", area.board->by_month.size()}, {"criticalities", area.board->by_criticality.size()}};
  }
  out["site"] = {{"catalog", fetch_state(area.catalog_fetch)}, {"offers", offers},
                 {"board_fetch", fetch_state(area.board_fetch)}, {"board", board},
                 {"board_offset", area.board_offset}, {"contact_sent", area.contact_sent}};
}

}  // namespace

namespace public_site {

void install(App& app) {
  app.router().add(kScreens);
  app.requests().on("public.catalog", [&app](const Request&, const HttpResponse& answer) { catalog_answer(app, answer); });
  app.requests().on("public.board", [&app](const Request& request, const HttpResponse& answer) {
    board_answer(app, request, answer);
  });
  app.requests().on("public.contact", [&app](const Request&, const HttpResponse& answer) { contact_answer(app, answer); });
  app.on_test_state([&app](json& out) { write_test_state(app, out); });
}

void load_catalog(App& app) {
  app.site.catalog_fetch.loading = true;
  app.requests().send(Request{.kind = "public.catalog", .method = "GET", .path = "/catalog"});
}

void load_board(App& app, std::size_t offset) {
  app.site.board_offset = offset;
  app.site.board_fetch.loading = true;
  app.requests().send(Request{.kind = "public.board",
                              .method = "GET",
                              .path = "/board?offset=" + std::to_string(offset) + "&limit=" + std::to_string(kBoardRowsPerPage),
                              .context = json{{"offset", offset}}});
}

void send_contact(App& app) {
  app.clear_error();
  app.site.contact_sent = false;
  const json body = site::to_json(app.site.contact);
  // The server's own checks first: a field at fault is shown at once, under that field.
  if (const auto parsed = site::parse_contact(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "public.contact", .method = "POST", .path = "/contact", .body = body.dump()});
}

void new_contact(App& app) {
  app.site.contact_sent = false;
  app.clear_error();
}

void download_board(App& app, bool csv) {
  app.browser().download(std::string(wire::kApiPrefix) + (csv ? "/board.csv" : "/board.json"));
}

}  // namespace public_site

}  // namespace tessera::client
