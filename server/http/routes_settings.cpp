// Routes of the business's settings and the catalog (admins only; see settings.hpp):
// GET/PUT /admin/settings[/{part}], GET/PUT /admin/catalog. Form errors answer 422.
#include "http/util.hpp"
#include "app/settings.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
void answer(httplib::Response& res, const Result<json>& result) {
  if (!result) return send_form_error(res, result.error());
  send_json(res, 200, *result);
}
}  // namespace

void install_settings_routes(RouteContext& routes, Settings& settings) {
  const std::string& api = routes.api;

  routes.http.Get(api + "/admin/settings", routes.authed([&settings](const httplib::Request&, httplib::Response& res,
                                                                     const UserRecord& user) {
    answer(res, settings.document(user));
  }));

  routes.http.Get(api + R"(/admin/settings/([a-z_]+))",
                  routes.authed([&settings](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
                    answer(res, settings.part(user, req.matches[1].str()));
                  }));

  routes.http.Put(api + R"(/admin/settings/([a-z_]+))",
                  routes.authed([&settings](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
                    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
                    const auto body = parse_body(req, res);
                    if (!body) return;
                    answer(res, settings.update(user, req.matches[1].str(), *body));
                  }));

  routes.http.Get(api + "/admin/catalog", routes.authed([&settings](const httplib::Request&, httplib::Response& res,
                                                                    const UserRecord& user) {
    answer(res, settings.catalog(user));
  }));

  routes.http.Put(api + "/admin/catalog", routes.authed([&settings](const httplib::Request& req, httplib::Response& res,
                                                                    const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    const auto body = parse_body(req, res);
    if (!body) return;
    answer(res, settings.update_catalog(user, *body));
  }));
}

}  // namespace tessera::server
