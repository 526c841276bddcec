// Routes of the public pages and evaluations: the FAQ, the transparency board (JSON and
// CSV), the contact form (rate-limited), a customer's evaluation of a closed ticket, and
// the admin's list of contact messages.
#include "http/util.hpp"
#include "tessera/domain_wire.hpp"
#include "app/transparency.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
constexpr std::size_t kBoardPageDefault = 50;
constexpr std::size_t kBoardPageMax = 500;

}  // namespace

void install_public_routes(RouteContext& routes) {
  Transparency& transparency = routes.transparency;
  const std::string& api = routes.api;

  routes.http.Get(api + "/faq", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, Transparency::faq());
  });

  // The page people read: every aggregate and one page of rows (in ticket order, oldest first).
  routes.http.Get(api + "/board", routes.public_read([&transparency](const httplib::Request& req, httplib::Response& res) {
    const auto offset = query_count(req, "offset", 0, SIZE_MAX);
    if (!offset) return send_error(res, offset.error());
    const auto limit = query_count(req, "limit", kBoardPageDefault, kBoardPageMax);
    if (!limit) return send_error(res, limit.error());
    res.set_content(transparency.board_page(*offset, *limit), "application/json; charset=utf-8");
  }, ReadClock::data_only));

  // The whole board to download (with 100,000 closed tickets it is 20 MB): the kept text is
  // sent as it is, without a copy.
  routes.http.Get(api + "/board.json", [&transparency](const httplib::Request&, httplib::Response& res) {
    const std::shared_ptr<const std::string> body = transparency.board_json();
    res.status = 200;
    res.set_header("Content-Disposition", "attachment; filename=\"tessera-board.json\"");
    res.set_content_provider(
        body->size(), "application/json; charset=utf-8",
        [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          return sink.write(body->data() + offset, std::min(length, body->size() - offset));
        });
  });

  routes.http.Get(api + "/board.csv", [&transparency](const httplib::Request&, httplib::Response& res) {
    res.set_content(board_csv(transparency.board_rows()), "text/csv; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"tessera-board.csv\"");
  });

  routes.http.Post(api + "/contact", [&routes, &transparency](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res, "contact")) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto draft = parse_contact(*body);
    if (!draft) return send_error(res, draft.error());
    const auto stored = transparency.contact(*draft);
    if (!stored) return send_error(res, stored.error());
    send_json(res, 201, json{{"id", *stored}});
  });

  routes.http.Get(api + "/admin/contact", routes.authed([&transparency](const httplib::Request&, httplib::Response& res,
                                                                        const UserRecord& user) {
    const auto messages = transparency.contact_messages(user);
    if (!messages) return send_error(res, messages.error());
    json list = json::array();
    for (const ContactRecord& m : *messages)
      list.push_back(json{{"id", m.id}, {"name", m.name}, {"email", m.email}, {"message", m.message}, {"at", m.at}});
    send_json(res, 200, json{{"messages", list}});
  }));

  routes.http.Post(api + R"(/tickets/(\d+)/evaluation)", routes.authed([&transparency](const httplib::Request& req,
                                                                                      httplib::Response& res,
                                                                                      const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto request = codec::decode_evaluation_request(target->body);
    if (!request) return send_error(res, request.error());
    const auto saved = transparency.evaluate(user, target->id, request.value());
    if (!saved) return send_error(res, saved.error());
    send_json(res, 201, json{{"ticket_id", saved->ticket_id}, {"rating", saved->rating}, {"comment", saved->comment},
                             {"publish_comment", saved->publish_comment}});
  }));
}

}  // namespace tessera::server
