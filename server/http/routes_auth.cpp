// Routes of accounts and sessions: sign-up (and, with mail on, its confirmation link),
// log-in, log-out, the current user.
#include "http/util.hpp"
#include "tessera/json_limits.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::server {

namespace {
void start_session(const RouteContext& routes, httplib::Response& res, const Result<SessionStart>& started,
                   int status) {
  if (!started) return send_error(res, started.error());
  res.set_header("Set-Cookie", session_cookie(started->token, routes.config.session_absolute_seconds,
                                              routes.config.cookie_secure));
  send_json(res, status, started->me);
}

// A request that starts a session (sign-up, log-in): limited per address, then its body read by
// `parse` and given to `start`; the session's cookie and GET /me's answer with `status`.
template <class Parse, class Start>
httplib::Server::Handler session_route(RouteContext& routes, Parse parse, Start start, int status) {
  return [&routes, parse, start, status](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = parse(*body);
    if (!request) return send_error(res, request.error());
    start_session(routes, res, start(*request), status);
  };
}
}  // namespace

void install_auth_routes(RouteContext& routes) {
  Accounts& accounts = routes.accounts;
  // Mail off: 201 Me and the session at once. Mail on: 202 {"status":"confirmation_sent"},
  // byte for byte the same for a new and a taken email (the mail tells them apart).
  routes.http.Post(routes.api + "/auth/signup", [&routes, &accounts](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_signup(*body);
    if (!request) return send_error(res, request.error());
    const auto outcome = accounts.signup(*request);
    if (!outcome) return send_error(res, outcome.error());
    if (outcome->session) return start_session(routes, res, *outcome->session, 201);
    send_json(res, 202, nlohmann::json{{"status", "confirmation_sent"}});
  });
  routes.http.Post(routes.api + "/auth/signup/confirm",
                   session_route(routes, wire::parse_signup_confirm,
                                 [&accounts](const wire::SignupConfirmRequest& request) {
                                   return accounts.confirm_signup(request);
                                 },
                                 201));
  routes.http.Post(routes.api + "/auth/login",
                   session_route(routes, wire::parse_login,
                                 [&accounts](const wire::LoginRequest& request) { return accounts.login(request); },
                                 200));

  routes.http.Post(routes.api + "/auth/logout", [&routes](const httplib::Request& req, httplib::Response& res) {
    const std::string token = session_token(req);
    // {"everywhere": true}: every session of the user ends (other browsers, other devices).
    const auto body = parse_json_or_discarded(req.body);  // depth-limited, as every body
    const bool everywhere = body.is_object() && body.contains("everywhere") && body["everywhere"] == true;
    if (!token.empty()) routes.accounts.logout(token, everywhere);
    res.set_header("Set-Cookie", session_cookie("", 0, routes.config.cookie_secure));
    res.status = 204;
  });

  routes.http.Get(routes.api + "/me",
                  routes.authed_read([&routes](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                    send_json(res, 200, routes.accounts.me(user));
                  }, ReadClock::uses_clock));  // balances expire
}

}  // namespace tessera::server
