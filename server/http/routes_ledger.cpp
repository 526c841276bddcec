// Route of the account's support-time ledger: GET /account/ledger (lots and history).
#include "http/util.hpp"
#include "app/ledger_view.hpp"

namespace tessera::server {

void install_ledger_routes(RouteContext& routes) {
  Context& context = routes.context;
  routes.http.Get(routes.api + "/account/ledger", routes.authed([&context](const httplib::Request&,
                                                                           httplib::Response& res,
                                                                           const UserRecord& user) {
    send_result(res, account_ledger_view(context, user), 200);
  }));
}

}  // namespace tessera::server
