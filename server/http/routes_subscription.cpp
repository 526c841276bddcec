// Routes of the subscription's paid seats and of paying a renewal by PayPal: the owner adds
// extra users (an order priced pro rata) or removes some from the next period, and checks out
// a PayPal order the server made (a renewal). Cancelling is in routes_auth.cpp.
#include "app/commerce.hpp"
#include "http/util.hpp"

namespace tessera::server {

using nlohmann::json;

void install_subscription_routes(RouteContext& routes) {
  Commerce& commerce = routes.commerce;

  // The owner cancels the subscription: it stays usable until the period's end.
  routes.http.Post(routes.api + "/subscription/cancel",
                   routes.authed([&commerce](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                     send_result(res, commerce.cancel_subscription(user), 200);
                   }));

  routes.http.Post(routes.api + "/subscription/users", routes.authed([&commerce](const httplib::Request& req,
                                                                                  httplib::Response& res,
                                                                                  const UserRecord& user) {
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_subscription_users_request(*body);
    if (!request) return send_error(res, request.error());
    if (request->add) {
      const auto order = commerce.order_extra_users(user, request->count, request->method);
      if (!order) return send_error(res, order.error());
      return send_json(res, 201, json(*order));
    }
    const auto me = commerce.remove_extra_users(user, request->count);
    if (!me) return send_error(res, me.error());
    send_json(res, 200, json(*me));
  }));

  routes.http.Post(routes.api + R"(/orders/(\d+)/paypal)", routes.authed([&commerce](const httplib::Request& req,
                                                                                    httplib::Response& res,
                                                                                    const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    const auto order = commerce.paypal_checkout(user, *id);
    if (!order) return send_error(res, order.error());
    send_json(res, 200, json(*order));
  }));
}

}  // namespace tessera::server
