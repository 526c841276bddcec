// Routes of the account's people and credentials: the owner's authorized users and their
// invitation links, accepting an invitation, changing one's password.
#include "http/util.hpp"
#include "app/members.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
const char* const kTokenPattern = R"(/invitations/([0-9a-f]{64}))";
}  // namespace

void install_account_routes(RouteContext& routes) {
  Members& members = routes.members;
  const std::string& api = routes.api;

  routes.http.Get(api + "/account/users", routes.authed([&members](const httplib::Request&, httplib::Response& res,
                                                                   const UserRecord& user) {
    send_result(res, members.people(user), 200);
  }));

  routes.http.Post(api + "/account/invitations", routes.authed([&routes, &members](const httplib::Request& req,
                                                                                   httplib::Response& res,
                                                                                   const UserRecord& user) {
    if (routes.rate_limited(req, res, "invitations")) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_invitation_request(*body);
    if (!request) return send_error(res, request.error());
    const auto invited = members.invite(user, *request);
    if (!invited) return send_error(res, invited.error());
    // Mail on: the same answer for a new and a taken email; the link went by mail.
    if (!*invited) return send_json(res, 201, json{{"status", "invitation_sent"}});
    send_json(res, 201, json(**invited));
  }));

  routes.http.Delete(api + R"(/account/invitations/(\d+))", routes.authed([&members](const httplib::Request& req,
                                                                                     httplib::Response& res,
                                                                                     const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_done(res, members.revoke_invitation(user, *id));
  }));

  routes.http.Put(api + R"(/account/users/(\d+)/scope)", routes.authed([&members](const httplib::Request& req,
                                                                                  httplib::Response& res,
                                                                                  const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto scope = wire::parse_member_scope(target->body);
    if (!scope) return send_error(res, scope.error());
    send_result(res, members.set_scope(user, target->id, *scope), 200);
  }));

  routes.http.Delete(api + R"(/account/users/(\d+))", routes.authed([&members](const httplib::Request& req,
                                                                               httplib::Response& res,
                                                                               const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_done(res, members.remove(user, *id));
  }));

  // The invitee's side: the link's token is the only credential, so both are rate-limited.
  routes.http.Get(api + kTokenPattern, [&routes, &members](const httplib::Request& req, httplib::Response& res) {
    if (routes.rate_limited(req, res)) return;
    send_result(res, members.preview(req.matches[1].str()), 200);
  });

  routes.http.Post(api + kTokenPattern + "/accept", [&routes, &members](const httplib::Request& req,
                                                                         httplib::Response& res) {
    if (routes.rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_accept_invitation(*body);
    if (!request) return send_error(res, request.error());
    const auto started = members.accept(req.matches[1].str(), *request);
    if (!started) return send_error(res, started.error());
    res.set_header("Set-Cookie", session_cookie(started->token, routes.config.session_absolute_seconds,
                                                routes.config.cookie_secure));
    send_json(res, 201, started->me);
  });

  routes.http.Post(api + "/auth/password", routes.authed([&routes, &members](const httplib::Request& req,
                                                                             httplib::Response& res,
                                                                             const UserRecord& user) {
    if (routes.rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_password_change(*body);
    if (!request) return send_error(res, request.error());
    send_done(res, members.change_password(user, session_token(req), *request));
  }));
}

}  // namespace tessera::server
