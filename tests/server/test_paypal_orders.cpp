// Paying with PayPal (SPEC §1.6) against a fake PayPal server on loopback that speaks the
// Orders v2 JSON: create, the payer's approval, capture -> activation and invoice; a
// declined capture; webhooks verified through PayPal and deduplicated by event id.
#include "fake_paypal.hpp"
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
struct PayPalFixture {
  FakePayPal paypal;
  TestServer server{[this](server::Config& config) { config.paypal = paypal.config(2); }};

  ApiClient customer(const std::string& email) {
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email)).status == 201);
    return api;
  }
  json order_pack(ApiClient& api) {
    const auto created = api.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_20"}, {"method", "paypal"}});
    BOOST_TEST_REQUIRE(created.status == 201);
    return created.body;
  }
  std::string paypal_id_of(const json& order) {
    const std::string url = order["approve_url"];
    return url.substr(url.find("token=") + 6);
  }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(paypal_orders, PayPalFixture)

BOOST_AUTO_TEST_CASE(approve_then_capture_activates_and_invoices) {
  ApiClient ana = customer("ana@example.com");
  const json order = order_pack(ana);
  BOOST_TEST(order["status"] == "awaiting_approval");
  BOOST_TEST(order["gross"] == 96000);
  BOOST_TEST_REQUIRE(!order["approve_url"].get<std::string>().empty());
  const std::string path = "/api/v1/orders/" + std::to_string(order["id"].get<Id>());

  const auto unapproved = ana.post(path + "/capture", json::object());
  BOOST_TEST(unapproved.status >= 400);  // the payer has not approved yet
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 0);

  BOOST_TEST_REQUIRE(paypal.approve(paypal_id_of(order)));
  const auto captured = ana.post(path + "/capture", json::object());
  BOOST_TEST_REQUIRE(captured.status == 200);
  BOOST_TEST(captured.body["status"] == "paid");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 20);
  const auto invoices = ana.get("/api/v1/invoices");
  BOOST_TEST_REQUIRE(invoices.body["invoices"].size() == 1u);
  BOOST_TEST(invoices.body["invoices"][0]["gross"] == 96000);
  BOOST_TEST(ana.post(path + "/capture", json::object()).body["status"] == "paid");  // idempotent
  BOOST_TEST(paypal.captures_performed() == 1);
  BOOST_TEST(ana.get("/api/v1/invoices").body["invoices"].size() == 1u);
  for (const auto& request : paypal.requests()) BOOST_TEST(!request.request_id.empty(), request.method << " " << request.path);
}

BOOST_AUTO_TEST_CASE(a_declined_capture_activates_nothing) {
  ApiClient ana = customer("ana@example.com");
  const json order = order_pack(ana);
  paypal.approve(paypal_id_of(order));
  paypal.decline_next_capture();
  const auto declined = ana.post("/api/v1/orders/" + std::to_string(order["id"].get<Id>()) + "/capture", json::object());
  BOOST_TEST(declined.status == 402);
  BOOST_TEST(declined.error_code() == "paypal_declined");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 0);
  BOOST_TEST(ana.get("/api/v1/invoices").body["invoices"].empty());
}

BOOST_AUTO_TEST_CASE(a_verified_webhook_pays_once_however_often_it_is_replayed) {
  ApiClient ana = customer("ana@example.com");
  const json order = order_pack(ana);
  const std::string paypal_id = paypal_id_of(order);
  paypal.approve(paypal_id);
  // The capture happened on PayPal's side (e.g. the browser closed before our capture call).
  server::PayPalClient direct(paypal.config());
  BOOST_TEST_REQUIRE(direct.capture_order(paypal_id, "outside").ok());
  const auto [headers, body] = paypal.make_webhook_event("PAYMENT.CAPTURE.COMPLETED", paypal.capture_resource(paypal_id));
  ApiClient hook(server.port());
  for (int delivery = 0; delivery < 3; ++delivery) {
    httplib::Headers sent = headers;
    const auto answer = hook.post_raw("/api/v1/paypal/webhook", body, sent);
    BOOST_TEST(answer.status == 200);
    BOOST_TEST(answer.body["duplicate"] == (delivery > 0));
  }
  BOOST_TEST(ana.get("/api/v1/orders/" + std::to_string(order["id"].get<Id>())).body["status"] == "paid");
  BOOST_TEST(ana.get("/api/v1/invoices").body["invoices"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_unverifiable_webhook_changes_nothing) {
  ApiClient ana = customer("ana@example.com");
  const json order = order_pack(ana);
  const std::string paypal_id = paypal_id_of(order);
  paypal.approve(paypal_id);
  auto [headers, body] = paypal.make_webhook_event("PAYMENT.CAPTURE.COMPLETED", paypal.capture_resource(paypal_id));
  body.replace(body.find("COMPLETED"), 9, "COMPLETEX");  // tampered
  const auto answer = ApiClient(server.port()).post_raw("/api/v1/paypal/webhook", body, headers);
  BOOST_TEST(answer.status == 400);
  BOOST_TEST(answer.error_code() == "webhook_unverified");
  BOOST_TEST(ana.get("/api/v1/orders/" + std::to_string(order["id"].get<Id>())).body["status"] == "awaiting_approval");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(without_paypal_configured_the_method_is_refused_clearly) {
  TestServer server;
  ApiClient ana(server.port());
  ana.post("/api/v1/auth/signup", signup_body("ana@example.com"));
  const auto refused = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "paypal"}});
  BOOST_TEST(refused.status == 503);
  BOOST_TEST(refused.error_code() == "paypal_unavailable");
  BOOST_TEST(ana.get("/api/v1/orders").body["orders"].empty());
}
