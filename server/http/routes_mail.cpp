// Routes of mail (SPEC §1.13): "forgot password" and the reset link, each user's choice of
// mails, the admin's outbox.
#include "app/outbox.hpp"
#include "app/password_resets.hpp"
#include "http/util.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
const char* const kResetPattern = R"(/auth/password-reset/([0-9a-zA-Z]{1,128}))";
}  // namespace

void install_mail_routes(RouteContext& routes, PasswordResets& resets, Outbox& outbox) {
  const std::string& api = routes.api;

  // The same answer whether the email has an account or not (SPEC §1.13); limited per address.
  routes.http.Post(api + "/auth/password-reset", [&routes, &resets](const httplib::Request& req,
                                                                     httplib::Response& res) {
    if (routes.rate_limited(req, res, "password_reset")) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_password_reset_request(*body);
    if (!request) return send_error(res, request.error());
    const auto done = resets.request(*request);
    if (!done) return send_error(res, done.error());
    send_json(res, 202, json{{"status", "accepted"}});
  });

  routes.http.Get(api + kResetPattern, [&routes, &resets](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res, "password_reset")) return;
    const auto expires = resets.check(req.matches[1].str());
    if (!expires) return send_error(res, expires.error());
    send_json(res, 200, json{{"expires_at", *expires}});
  });

  routes.http.Post(api + kResetPattern, [&routes, &resets](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res, "password_reset")) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_password_reset_confirm(*body);
    if (!request) return send_error(res, request.error());
    send_done(res, resets.reset(req.matches[1].str(), *request));
  });

  routes.http.Get(api + "/account/mail-preferences", routes.authed([&outbox](const httplib::Request&,
                                                                               httplib::Response& res,
                                                                               const UserRecord& user) {
    send_json(res, 200, wire::mail_preferences_json(outbox.preferences(user)));
  }));

  routes.http.Put(api + "/account/mail-preferences",
                  routes.authed_json([&outbox](const httplib::Request&, httplib::Response& res,
                                               const UserRecord& user, const json& body) {
                    const auto preferences = wire::parse_mail_preferences(body);
                    if (!preferences) return send_error(res, preferences.error());
                    send_json(res, 200, wire::mail_preferences_json(outbox.set_preferences(user, *preferences)));
                  }));

  routes.http.Get(api + "/admin/mail", routes.authed([&outbox](const httplib::Request& req, httplib::Response& res,
                                                               const UserRecord& user) {
    const auto limit = query_count(req, "limit", 100, 500);
    if (!limit) return send_error(res, limit.error());
    send_result(res, outbox.list(user, req.get_param_value("state"), *limit), 200);
  }));

  routes.http.Post(api + R"(/admin/mail/(\d+)/retry)", routes.authed([&outbox](const httplib::Request& req,
                                                                                 httplib::Response& res,
                                                                                 const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_result(res, outbox.retry(user, *id), 200);
  }));
}

}  // namespace tessera::server
