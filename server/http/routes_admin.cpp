// Routes of administration: operators (created with the languages they speak) and the
// audit log of admin actions and payment events. Admins only; others get 403.
#include <sstream>

#include "http/util.hpp"
#include "tessera/email.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
// "fr,en" from ["fr", "en"]; an error for anything but the three languages, or none.
Result<std::string> languages_field(const json& body) {
  const auto found = body.find("languages");
  if (found == body.end() || !found->is_array() || found->empty()) return make_error("required", "languages");
  std::string list;
  for (const json& item : *found) {
    if (!item.is_string() || !parse_language(item.get<std::string>())) return make_error("invalid_value", "languages");
    list += (list.empty() ? "" : ",") + item.get<std::string>();
  }
  return list;
}

json staff_json(const UserRecord& user) {
  json languages = json::array();
  std::stringstream stream(user.languages_spoken);
  for (std::string item; std::getline(stream, item, ',');) languages.push_back(item);
  return json{{"id", user.id}, {"name", user.name}, {"email", user.email},
              {"role", std::string(to_string(user.role))}, {"languages", languages},
              {"disabled", user.disabled_at.has_value()}};
}
}  // namespace

void install_admin_routes(RouteContext& routes) {
  Accounts& accounts = routes.accounts;
  Context& context = routes.context;
  const std::string& api = routes.api;

  routes.http.Get(api + "/admin/operators", routes.authed([&accounts](const httplib::Request&, httplib::Response& res,
                                                                     const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    json list = json::array();
    for (const UserRecord& staff : accounts.staff()) list.push_back(staff_json(staff));
    send_json(res, 200, json{{"operators", list}});
  }));

  routes.http.Post(api + "/admin/operators", routes.authed([&accounts, &context](const httplib::Request& req,
                                                                      httplib::Response& res, const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    const auto body = parse_body(req, res);
    if (!body) return;
    // The same field rules as a sign-up (name, email, password), plus the languages spoken.
    json signup = *body;
    signup.erase("languages");
    signup.erase("role");
    const auto fields = wire::parse_signup(signup);
    if (!fields) return send_error(res, fields.error());
    const auto languages = languages_field(*body);
    if (!languages) return send_error(res, languages.error());
    const std::string role_name = body->value("role", "operator");
    const auto role = parse_role(role_name);
    if (!role || (*role != Role::operator_ && *role != Role::admin))
      return send_error(res, make_error("invalid_value", "role"));
    const auto created = accounts.create_staff(fields->name, fields->email, fields->password, *role, *languages);
    if (!created) return send_error(res, created.error());
    context.audit(user.id, "staff_created", json{{"user", created->id}, {"role", role_name}}.dump());
    send_json(res, 201, staff_json(*created));
  }));

  // A staff member's languages and/or disabled state: {languages?: [...], disabled?: bool}.
  routes.http.Put(api + R"(/admin/operators/(\d+))", routes.authed([&accounts](const httplib::Request& req,
                                                                             httplib::Response& res, const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    const auto target = id_and_body(req, res);
    if (!target) return;
    std::optional<std::string> languages;
    if (target->body.contains("languages")) {
      const auto list = languages_field(target->body);
      if (!list) return send_error(res, list.error());
      languages = *list;
    }
    std::optional<bool> disabled;
    if (const auto found = target->body.find("disabled"); found != target->body.end()) {
      if (!found->is_boolean()) return send_error(res, make_error("invalid_value", "disabled"));
      disabled = found->get<bool>();
    }
    if (!languages && !disabled) return send_error(res, make_error("required", "languages"));
    const auto changed = accounts.update_staff(user, target->id, languages, disabled);
    if (!changed) return send_error(res, changed.error());
    send_json(res, 200, staff_json(*changed));
  }));

  routes.http.Get(api + "/admin/audit", routes.authed([&accounts](const httplib::Request&, httplib::Response& res,
                                                                 const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    json list = json::array();
    for (const AuditRecord& entry : accounts.audit_entries(500))
      list.push_back(json{{"id", entry.id},
                          {"at", entry.at},
                          {"actor_id", entry.actor_id ? json(*entry.actor_id) : json(nullptr)},
                          {"action", entry.action},
                          {"details", json::parse(entry.details, nullptr, false)}});
    send_json(res, 200, json{{"entries", list}});
  }));
}

}  // namespace tessera::server
