// Routes of the startup conference (see onboarding.hpp): the owner's /onboarding step,
// staff's view of any account's step and its completion, the admin's availability slots.
// Form errors answer 422.
#include <limits>

#include "http/util.hpp"
#include "tessera/json_limits.hpp"
#include "app/onboarding.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
void answer(httplib::Response& res, const Result<json>& result, int status = 200) {
  if (!result) return send_form_error(res, result.error());
  send_json(res, status, *result);
}
}  // namespace

void install_onboarding_routes(RouteContext& routes, OnboardingService& onboarding) {
  const std::string& api = routes.api;

  // [SECTION] The account owner
  routes.http.Get(api + "/onboarding", routes.authed([&onboarding](const httplib::Request&, httplib::Response& res,
                                                                   const UserRecord& user) {
    answer(res, onboarding.own(user));
  }));

  routes.http.Post(api + "/onboarding/booking", routes.authed_json([&onboarding](const httplib::Request&,
                                                                                 httplib::Response& res,
                                                                                 const UserRecord& user, const json& body) {
    std::int64_t slot = 0;
    if (auto error = read_integer_field(body, "slot_id", 1, std::numeric_limits<std::int64_t>::max(), slot))
      return send_form_error(res, *error);
    answer(res, onboarding.book(user, slot));
  }));

  routes.http.Post(api + "/onboarding/by-email", routes.authed([&onboarding](const httplib::Request&,
                                                                             httplib::Response& res,
                                                                             const UserRecord& user) {
    answer(res, onboarding.choose_by_email(user));
  }));

  routes.http.Put(api + "/onboarding/details", routes.authed_json([&onboarding](const httplib::Request&,
                                                                                httplib::Response& res,
                                                                                const UserRecord& user, const json& body) {
    answer(res, onboarding.update_details(user, body));
  }));

  // [SECTION] Staff
  routes.http.Get(api + R"(/onboarding/(\d+))", routes.authed([&onboarding](const httplib::Request& req,
                                                                           httplib::Response& res,
                                                                           const UserRecord& user) {
    const auto account = path_id(req);
    if (!account) return send_error(res, make_error("not_found"));
    answer(res, onboarding.of_account(user, *account));
  }));

  routes.http.Post(api + R"(/onboarding/(\d+)/complete)", routes.authed([&onboarding](const httplib::Request& req,
                                                                                     httplib::Response& res,
                                                                                     const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    answer(res, onboarding.complete(user, target->id, target->body));
  }));

  routes.http.Put(api + R"(/onboarding/(\d+)/details)", routes.authed([&onboarding](const httplib::Request& req,
                                                                                   httplib::Response& res,
                                                                                   const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    answer(res, onboarding.update_details_of(user, target->id, target->body));
  }));

  routes.http.Get(api + "/admin/onboarding", routes.authed([&onboarding](const httplib::Request&,
                                                                         httplib::Response& res,
                                                                         const UserRecord& user) {
    answer(res, onboarding.all(user));
  }));

  // [SECTION] Availability
  routes.http.Get(api + "/admin/onboarding/slots", routes.authed([&onboarding](const httplib::Request&,
                                                                               httplib::Response& res,
                                                                               const UserRecord& user) {
    answer(res, onboarding.slots(user));
  }));

  routes.http.Post(api + "/admin/onboarding/slots", routes.authed([&onboarding](const httplib::Request& req,
                                                                                httplib::Response& res,
                                                                                const UserRecord& user) {
    if (user.role != Role::admin) return send_error(res, make_error("forbidden"));
    const auto body = parse_body(req, res);
    if (!body) return;
    answer(res, onboarding.add_slot(user, *body), 201);
  }));

  routes.http.Delete(api + R"(/admin/onboarding/slots/(\d+))", routes.authed([&onboarding](const httplib::Request& req,
                                                                                         httplib::Response& res,
                                                                                         const UserRecord& user) {
    const auto slot = path_id(req);
    if (!slot) return send_error(res, make_error("not_found"));
    const auto removed = onboarding.remove_slot(user, *slot);
    if (!removed) return send_error(res, removed.error());
    res.status = 204;
  }));
}

}  // namespace tessera::server
