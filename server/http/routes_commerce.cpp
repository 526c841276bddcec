// Routes of buying: the public catalog, orders, invoices, and the admin's record of a bank
// transfer or check payment.
#include "app/commerce.hpp"
#include "http/util.hpp"
#include "adapters/invoice_pdf.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/storage_codec.hpp"

namespace tessera::server {

using nlohmann::json;

void install_commerce_routes(RouteContext& routes) {
  Commerce& commerce = routes.commerce;
  const std::string& api = routes.api;

  routes.http.Get(api + "/catalog", [&commerce](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, codec::encode(commerce.catalog()));
  });

  routes.http.Post(api + "/orders", routes.authed([&commerce](const httplib::Request& req, httplib::Response& res,
                                                              const UserRecord& user) {
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_order_request(*body);
    if (!request) return send_error(res, request.error());
    send_result(res, commerce.create_order(user, *request), 201);
  }));

  routes.http.Get(api + "/orders",
                  routes.authed([&commerce](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                    send_json(res, 200, json{{"orders", commerce.list_orders(user)}});
                  }));

  routes.http.Get(api + R"(/orders/(\d+))", routes.authed([&commerce](const httplib::Request& req,
                                                                     httplib::Response& res, const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_result(res, commerce.order(user, *id), 200);
  }));

  routes.http.Post(api + R"(/orders/(\d+)/cancel)", routes.authed([&commerce](const httplib::Request& req,
                                                                             httplib::Response& res,
                                                                             const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_result(res, commerce.cancel_order(user, *id), 200);
  }));

  routes.http.Post(api + R"(/orders/(\d+)/capture)", routes.authed([&commerce](const httplib::Request& req,
                                                                              httplib::Response& res,
                                                                              const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_result(res, commerce.capture_paypal(user, *id), 200);
  }));

  routes.http.Post(api + "/paypal/webhook", [&commerce](const httplib::Request& req, httplib::Response& res) {
    // The body goes to PayPal as received, but is first parsed like every other (depth limit).
    if (!parse_body(req, res)) return;
    const auto handled = commerce.paypal_webhook(req.headers, req.body);
    if (!handled) return send_error(res, handled.error());
    send_json(res, 200, json{{"received", true}, {"duplicate", !*handled}});
  });

  routes.http.Get(api + "/invoices",
                  routes.authed([&commerce](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                    send_json(res, 200, json{{"invoices", commerce.list_invoices(user)}});
                  }));

  routes.http.Get(api + R"(/invoices/(\d+))", routes.authed([&commerce](const httplib::Request& req,
                                                                       httplib::Response& res, const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    const auto invoice = commerce.invoice(user, *id);
    if (!invoice) return send_error(res, invoice.error());
    send_json(res, 200, json::parse(invoice->invoice_json));
  }));

  // The invoice as a PDF in the account's language, served as a download.
  routes.http.Get(api + R"(/invoices/(\d+)/pdf)", routes.authed([&commerce](const httplib::Request& req,
                                                                           httplib::Response& res, const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    const auto stored = commerce.invoice(user, *id);
    if (!stored) return send_error(res, stored.error());
    const auto invoice = codec::decode_invoice(json::parse(stored->invoice_json, nullptr, false));
    if (!invoice) return send_error(res, make_error("internal"));
    res.set_content(render_invoice_pdf(invoice.value(), stored->language), "application/pdf");
    res.set_header("Content-Disposition", "attachment; filename=\"invoice-" + stored->number + ".pdf\"");
  }));

  routes.http.Get(api + "/admin/orders",
                  routes.authed([&commerce](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                    const auto orders = commerce.pending_orders(user);
                    if (!orders) return send_error(res, orders.error());
                    send_json(res, 200, json{{"orders", *orders}});
                  }));

  routes.http.Get(api + "/admin/revenue",
                  routes.authed([&commerce](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
                    const auto months = commerce.revenue(user);
                    if (!months) return send_error(res, months.error());
                    json list = json::array();
                    for (const MonthRevenue& month : *months)
                      list.push_back({{"month", month.month}, {"invoices", month.invoices}, {"net", month.net},
                                      {"gross", month.gross}});
                    send_json(res, 200, json{{"months", list}});
                  }));

  routes.http.Post(api + R"(/admin/orders/(\d+)/payment)", routes.authed([&commerce](const httplib::Request& req,
                                                                                    httplib::Response& res,
                                                                                    const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    json receipt = json::object();  // no body: recorded without a receipt
    if (!req.body.empty()) {
      const auto body = parse_body(req, res);
      if (!body) return;
      receipt = *body;
    }
    send_result(res, commerce.record_payment(user, *id, receipt), 200);
  }));
}

}  // namespace tessera::server
