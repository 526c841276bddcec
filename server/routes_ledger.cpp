// Route of the account's support-time ledger: GET /account/ledger (lots and history).
#include "http_util.hpp"
#include "ledger_view.hpp"

namespace tessera::server {

void install_ledger_routes(RouteContext& routes) {
  Service& service = routes.service;
  routes.http.Get(routes.api + "/account/ledger", routes.authed([&service](const httplib::Request&,
                                                                           httplib::Response& res,
                                                                           const UserRecord& user) {
    send_result(res, account_ledger_view(service, user), 200);
  }));
}

}  // namespace tessera::server
