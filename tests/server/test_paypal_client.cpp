// The PayPal client against the fake PayPal on loopback (SPEC §1.6): exact amounts, create →
// approve → capture, the failures (not approved, declined, timeout, 500, unreachable), the
// token cache, a PayPal-Request-Id on every call with retries reusing it, webhook
// verification, and the TLS requirement of an https base URL.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "fake_paypal.hpp"
#include "adapters/paypal_client.hpp"

using namespace tessera;
using namespace tessera::testing;
using server::PayPalClient;
using server::PayPalOrderRequest;

namespace {

struct PayPalFixture {
  FakePayPal paypal;
  PayPalClient client{paypal.config()};

  static PayPalOrderRequest pack(Cents amount = 4900) {
    return {amount, "EUR", "2026-ORDER-000042", "20 tickets, valid 12 months"};
  }
  // An order the payer has approved.
  server::PayPalOrder approved_order(Cents amount = 4900) {
    auto created = client.create_order(pack(amount), PayPalClient::new_request_id());
    BOOST_TEST_REQUIRE(created.ok());
    BOOST_TEST_REQUIRE(paypal.approve(created->id));
    return *created;
  }
};

std::string param(const Error& error, const std::string& key) {
  const auto found = error.params.find(key);
  return found == error.params.end() ? std::string("<none>") : found->second;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(paypal_amounts)

BOOST_AUTO_TEST_CASE(cents_and_paypal_strings_convert_exactly) {
  const std::pair<Cents, const char*> table[] = {
      {4900, "49.00"}, {5, "0.05"}, {0, "0.00"}, {99, "0.99"}, {100, "1.00"}, {1234, "12.34"},
      {29, "0.29"},    {115, "1.15"}, {435, "4.35"}, {123'456'789'012, "1234567890.12"}};
  for (const auto& [cents, text] : table) {
    BOOST_TEST(server::format_paypal_amount(cents) == text);
    BOOST_TEST(server::parse_paypal_amount(text).value_or(-1) == cents);
  }
  BOOST_TEST(server::format_paypal_amount(-250) == "-2.50");
  BOOST_TEST(server::parse_paypal_amount("49").value_or(-1) == 4900);
  BOOST_TEST(server::parse_paypal_amount("0.5").value_or(-1) == 50);
}

BOOST_AUTO_TEST_CASE(malformed_amounts_are_refused) {
  for (const char* text : {"", ".50", "1.", "1.234", "-1.00", "+1.00", "1,00", " 1.00", "1.00 ", "1e2", "0x10",
                           "1.0a", "12345678901234567.00"})
    BOOST_TEST(!server::parse_paypal_amount(text).has_value(), "accepted '" << text << "'");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(paypal_client, PayPalFixture)

BOOST_AUTO_TEST_CASE(create_approve_capture_charges_exactly_49_euros) {
  const std::string create_key = "create-order-42";
  const auto created = client.create_order(pack(4900), create_key);
  BOOST_TEST_REQUIRE(created.ok());
  BOOST_TEST(created->status == "PAYER_ACTION_REQUIRED");
  BOOST_TEST(created->approve_url == paypal.base_url() + "/checkoutnow?token=" + created->id);
  BOOST_TEST(created->amount == 4900);
  BOOST_TEST(created->currency == "EUR");
  BOOST_TEST(created->reference_id == "2026-ORDER-000042");
  const auto seen = paypal.order(created->id);
  BOOST_TEST_REQUIRE(seen.has_value());
  BOOST_TEST(seen->amount == 4900);  // the fake accepts only "49.00"
  BOOST_TEST(seen->description == "20 tickets, valid 12 months");
  BOOST_TEST(seen->return_url == paypal.config().return_url);
  BOOST_TEST(seen->cancel_url == paypal.config().cancel_url);

  BOOST_TEST(paypal.approve(created->id));
  const auto approved = client.get_order(created->id);
  BOOST_TEST_REQUIRE(approved.ok());
  BOOST_TEST(approved->status == "APPROVED");

  const auto captured = client.capture_order(created->id, "capture-order-42");
  BOOST_TEST_REQUIRE(captured.ok());
  BOOST_TEST(captured->completed());
  BOOST_TEST(captured->order_id == created->id);
  BOOST_TEST(captured->capture_id == paypal.order(created->id)->capture_id);
  BOOST_TEST(!captured->capture_id.empty());
  BOOST_TEST(captured->amount == 4900);
  BOOST_TEST(captured->currency == "EUR");
  BOOST_TEST(client.get_order(created->id)->status == "COMPLETED");
  BOOST_TEST(paypal.captures_performed() == 1);
}

BOOST_AUTO_TEST_CASE(five_cents_travel_as_0_05) {
  const auto order = approved_order(5);
  BOOST_TEST(paypal.order(order.id)->amount == 5);
  const auto captured = client.capture_order(order.id, PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(captured.ok());
  BOOST_TEST(captured->amount == 5);
}

BOOST_AUTO_TEST_CASE(the_payer_following_the_approve_link_is_sent_back_to_the_return_url) {
  const auto created = client.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(created.ok());
  httplib::Client browser(paypal.base_url());
  const auto page = browser.Get(created->approve_url.substr(paypal.base_url().size()).c_str());
  BOOST_TEST_REQUIRE(static_cast<bool>(page));
  BOOST_TEST(page->status == 302);
  BOOST_TEST(page->get_header_value("Location") ==
             paypal.config().return_url + "?token=" + created->id + "&PayerID=FAKEPAYER0001");
  BOOST_TEST(client.capture_order(created->id, PayPalClient::new_request_id())->completed());
}

BOOST_AUTO_TEST_CASE(capture_without_approval_fails_and_captures_nothing) {
  const auto created = client.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(created.ok());
  const auto captured = client.capture_order(created->id, PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!captured.ok());
  BOOST_TEST(captured.error().code == "paypal_error");
  BOOST_TEST(param(captured.error(), "status") == "422");
  BOOST_TEST(param(captured.error(), "name") == "UNPROCESSABLE_ENTITY");
  BOOST_TEST(param(captured.error(), "issue") == "ORDER_NOT_APPROVED");
  BOOST_TEST(paypal.captures_performed() == 0);
}

BOOST_AUTO_TEST_CASE(a_declined_instrument_is_paypal_declined_with_the_way_back_to_the_payer) {
  const auto order = approved_order();
  paypal.decline_next_capture();
  const auto declined = client.capture_order(order.id, PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!declined.ok());
  BOOST_TEST(declined.error().code == "paypal_declined");
  BOOST_TEST(param(declined.error(), "status") == "422");
  BOOST_TEST(param(declined.error(), "name") == "UNPROCESSABLE_ENTITY");
  BOOST_TEST(param(declined.error(), "issue") == "INSTRUMENT_DECLINED");
  BOOST_TEST(param(declined.error(), "redirect_url") == order.approve_url);
  BOOST_TEST(paypal.captures_performed() == 0);
  // The payer chose another funding source: the next capture goes through.
  BOOST_TEST(client.capture_order(order.id, PayPalClient::new_request_id())->completed());
}

BOOST_AUTO_TEST_CASE(a_capture_answered_too_late_is_paypal_timeout_and_its_retry_captures_once) {
  PayPalClient impatient(paypal.config(1));
  auto created = impatient.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(created.ok());
  BOOST_TEST_REQUIRE(paypal.approve(created->id));
  paypal.set_response_delay(std::chrono::milliseconds(1500));  // PayPal captures, the answer is lost
  const std::string capture_key = "capture-order-7";
  const auto started = std::chrono::steady_clock::now();
  const auto lost = impatient.capture_order(created->id, capture_key);
  const auto waited = std::chrono::steady_clock::now() - started;
  BOOST_TEST_REQUIRE(!lost.ok());
  BOOST_TEST(lost.error().code == "paypal_timeout");
  BOOST_TEST(param(lost.error(), "seconds") == "1");
  BOOST_TEST((waited >= std::chrono::milliseconds(900) && waited < std::chrono::milliseconds(1450)));

  paypal.set_response_delay(std::chrono::milliseconds(0));
  const auto retried = impatient.capture_order(created->id, capture_key);
  BOOST_TEST_REQUIRE(retried.ok());
  BOOST_TEST(retried->completed());
  BOOST_TEST(retried->capture_id == paypal.order(created->id)->capture_id);
  BOOST_TEST(paypal.captures_performed() == 1);
}

BOOST_AUTO_TEST_CASE(a_500_is_paypal_error_with_status_and_name) {
  const auto order = approved_order();
  paypal.fail_next_requests(1);
  const auto failed = client.capture_order(order.id, "capture-key-500");
  BOOST_TEST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().code == "paypal_error");
  BOOST_TEST(param(failed.error(), "status") == "500");
  BOOST_TEST(param(failed.error(), "name") == "INTERNAL_SERVER_ERROR");
  BOOST_TEST(param(failed.error(), "debug_id") != "<none>");
  BOOST_TEST(paypal.captures_performed() == 0);
  BOOST_TEST(client.capture_order(order.id, "capture-key-500")->completed());  // a retry later works
}

BOOST_AUTO_TEST_CASE(nobody_listening_is_paypal_unreachable) {
  auto config = paypal.config();
  config.base_url = "http://127.0.0.1:1";
  PayPalClient nowhere(config);
  const auto created = nowhere.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!created.ok());
  BOOST_TEST(created.error().code == "paypal_unreachable");
}

BOOST_AUTO_TEST_CASE(wrong_credentials_are_paypal_error_401) {
  auto config = paypal.config();
  config.client_secret = "not the secret";
  PayPalClient impostor(config);
  const auto created = impostor.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!created.ok());
  BOOST_TEST(created.error().code == "paypal_error");
  BOOST_TEST(param(created.error(), "status") == "401");
  BOOST_TEST(param(created.error(), "name") == "invalid_client");
  BOOST_TEST(paypal.count_requests("POST", "/v2/checkout/orders") == 0);
}

BOOST_AUTO_TEST_CASE(one_token_serves_every_call_until_it_expires) {
  const auto order = approved_order();
  BOOST_TEST(client.get_order(order.id).ok());
  BOOST_TEST(client.capture_order(order.id, PayPalClient::new_request_id()).ok());
  auto [headers, body] = paypal.make_webhook_event("PAYMENT.CAPTURE.COMPLETED", paypal.capture_resource(order.id));
  BOOST_TEST(client.verify_webhook(headers, body).ok());
  BOOST_TEST(paypal.tokens_issued() == 1);
  BOOST_TEST(paypal.count_requests("POST", "/v1/oauth2/token") == 1);

  // Tokens that expire at once are fetched again for every call.
  paypal.set_token_lifetime(0);
  PayPalClient short_lived(paypal.config());
  BOOST_TEST(short_lived.get_order(order.id).ok());
  BOOST_TEST(short_lived.get_order(order.id).ok());
  BOOST_TEST(paypal.tokens_issued() == 3);
}

BOOST_AUTO_TEST_CASE(concurrent_callers_share_one_token) {
  std::vector<std::thread> callers;
  std::atomic<int> created{0};
  for (int caller = 0; caller < 8; ++caller)
    callers.emplace_back([&] {
      if (client.create_order(pack(), PayPalClient::new_request_id()).ok()) ++created;
    });
  for (auto& caller : callers) caller.join();
  BOOST_TEST(created == 8);
  BOOST_TEST(paypal.tokens_issued() == 1);
}

BOOST_AUTO_TEST_CASE(a_revoked_token_is_renewed_once_and_the_call_repeated_with_the_same_request_id) {
  const auto order = approved_order();
  paypal.revoke_tokens();
  const auto captured = client.capture_order(order.id, "capture-after-revocation");
  BOOST_TEST_REQUIRE(captured.ok());
  BOOST_TEST(paypal.tokens_issued() == 2);
  const std::string capture_path = "/v2/checkout/orders/" + order.id + "/capture";
  BOOST_TEST(paypal.count_requests("POST", capture_path) == 2);  // 401, then the capture
  for (const auto& request : paypal.requests())
    if (request.path == capture_path) BOOST_TEST(request.request_id == "capture-after-revocation");
}

BOOST_AUTO_TEST_CASE(every_call_carries_a_paypal_request_id_and_a_retried_capture_the_same_one) {
  const auto created = client.create_order(pack(), "create-key-1");
  BOOST_TEST_REQUIRE(created.ok());
  BOOST_TEST(paypal.approve(created->id));
  BOOST_TEST(client.get_order(created->id).ok());
  const auto first = client.capture_order(created->id, "capture-key-1");
  const auto again = client.capture_order(created->id, "capture-key-1");
  BOOST_TEST_REQUIRE(first.ok());
  BOOST_TEST_REQUIRE(again.ok());
  BOOST_TEST(again->capture_id == first->capture_id);
  BOOST_TEST(paypal.captures_performed() == 1);
  auto [headers, body] = paypal.make_webhook_event("PAYMENT.CAPTURE.COMPLETED", paypal.capture_resource(created->id));
  BOOST_TEST(client.verify_webhook(headers, body).ok());

  const auto requests = paypal.requests();
  BOOST_TEST(requests.size() == 6u);  // token, create, get, capture, capture, verify
  std::set<std::string> fresh_ids;
  for (const auto& request : requests) {
    BOOST_TEST(!request.request_id.empty(), request.method << " " << request.path << " without PayPal-Request-Id");
    if (request.path == "/v2/checkout/orders") BOOST_TEST(request.request_id == "create-key-1");
    else if (request.path.ends_with("/capture")) BOOST_TEST(request.request_id == "capture-key-1");
    else fresh_ids.insert(request.request_id);
  }
  BOOST_TEST(fresh_ids.size() == 3u);  // token, get and verify: each its own

  // Another key is another capture attempt: PayPal refuses to capture twice.
  const auto twice = client.capture_order(created->id, "capture-key-2");
  BOOST_TEST_REQUIRE(!twice.ok());
  BOOST_TEST(param(twice.error(), "issue") == "ORDER_ALREADY_CAPTURED");
}

BOOST_AUTO_TEST_CASE(a_retried_create_with_the_same_key_is_the_same_order) {
  const auto first = client.create_order(pack(), "create-key-2");
  const auto again = client.create_order(pack(), "create-key-2");
  BOOST_TEST_REQUIRE(first.ok());
  BOOST_TEST_REQUIRE(again.ok());
  BOOST_TEST(again->id == first->id);
}

BOOST_AUTO_TEST_CASE(a_webhook_signed_by_paypal_verifies_and_a_tampered_one_does_not) {
  const auto order = approved_order();
  BOOST_TEST_REQUIRE(client.capture_order(order.id, PayPalClient::new_request_id()).ok());
  const auto [headers, body] =
      paypal.make_webhook_event("PAYMENT.CAPTURE.COMPLETED", paypal.capture_resource(order.id));
  const auto verified = client.verify_webhook(headers, body);
  BOOST_TEST_REQUIRE(verified.ok());
  BOOST_TEST(*verified);

  const auto event = server::parse_webhook_event(body);
  BOOST_TEST_REQUIRE(event.has_value());
  BOOST_TEST(event->id.starts_with("WH-"));
  BOOST_TEST(event->event_type == "PAYMENT.CAPTURE.COMPLETED");
  BOOST_TEST(event->resource_type == "capture");
  BOOST_TEST(event->resource_id == paypal.order(order.id)->capture_id);
  BOOST_TEST(event->order_id == order.id);
  BOOST_TEST(event->resource_status == "COMPLETED");
  BOOST_TEST(event->amount == 4900);
  BOOST_TEST(event->currency == "EUR");

  std::string richer = body;
  richer.replace(richer.find("\"49.00\""), 7, "\"4900.00\"");
  BOOST_TEST(*client.verify_webhook(headers, richer) == false);

  auto replaced_id = headers;
  replaced_id.erase("PAYPAL-TRANSMISSION-ID");
  replaced_id.emplace("PAYPAL-TRANSMISSION-ID", "another-transmission");
  BOOST_TEST(*client.verify_webhook(replaced_id, body) == false);

  const auto calls_before = paypal.requests().size();
  auto unsigned_headers = headers;
  unsigned_headers.erase("PAYPAL-TRANSMISSION-SIG");
  BOOST_TEST(*client.verify_webhook(unsigned_headers, body) == false);
  BOOST_TEST(*client.verify_webhook(headers, "not json") == false);
  BOOST_TEST(paypal.requests().size() == calls_before);  // refused without asking PayPal

  paypal.refuse_all_webhooks(true);
  BOOST_TEST(*client.verify_webhook(headers, body) == false);
}

BOOST_AUTO_TEST_CASE(an_order_approved_event_names_its_order) {
  const auto order = approved_order();
  const auto [headers, body] =
      paypal.make_webhook_event("CHECKOUT.ORDER.APPROVED", {{"id", order.id}, {"status", "APPROVED"}});
  BOOST_TEST(*client.verify_webhook(headers, body));
  const auto event = server::parse_webhook_event(body);
  BOOST_TEST_REQUIRE(event.has_value());
  BOOST_TEST(event->resource_type == "checkout-order");
  BOOST_TEST(event->order_id == order.id);
  BOOST_TEST(!server::parse_webhook_event("{\"id\": 1}").has_value());
}

BOOST_AUTO_TEST_CASE(an_https_base_url_needs_tls_support) {
  auto config = paypal.config();
  config.base_url = "https://127.0.0.1:" + std::to_string(paypal.port());
  PayPalClient secure(config);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  // This build has TLS: https is accepted, and a TLS handshake with the plain-HTTP fake fails.
  BOOST_TEST(secure.check_config().ok());
  const auto created = secure.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!created.ok());
  BOOST_TEST(created.error().code == "paypal_unreachable");
#else
  BOOST_TEST(secure.check_config().error().code == "paypal_tls_unavailable");
  const auto created = secure.create_order(pack(), PayPalClient::new_request_id());
  BOOST_TEST_REQUIRE(!created.ok());
  BOOST_TEST(created.error().code == "paypal_tls_unavailable");
  BOOST_TEST(paypal.requests().empty());
#endif
}

BOOST_AUTO_TEST_CASE(a_base_url_that_is_not_scheme_host_port_is_refused) {
  for (const char* url : {"", "api-m.paypal.com", "ftp://api-m.paypal.com", "http://127.0.0.1/v2", "http://"}) {
    auto config = paypal.config();
    config.base_url = url;
    PayPalClient misconfigured(config);
    BOOST_TEST(misconfigured.check_config().error().code == "paypal_invalid_config", url);
  }
  auto config = paypal.config();
  config.base_url += "/";
  BOOST_TEST(PayPalClient(config).create_order(pack(), "").ok());
}

BOOST_AUTO_TEST_CASE(bad_arguments_are_refused_before_any_call) {
  auto zero = pack(0);
  BOOST_TEST(client.create_order(zero, "").error().code == "invalid_amount");
  auto lowercase = pack();
  lowercase.currency = "eur";
  BOOST_TEST(client.create_order(lowercase, "").error().code == "invalid_currency");
  BOOST_TEST(client.create_order(pack(), std::string(109, 'k')).error().code == "invalid_request_id");
  BOOST_TEST(client.get_order("../../v1/oauth2/token").error().code == "invalid_paypal_order_id");
  BOOST_TEST(client.capture_order("", "key").error().code == "invalid_paypal_order_id");
  BOOST_TEST(paypal.requests().empty());
}

BOOST_AUTO_TEST_CASE(a_long_description_is_cut_to_127_characters_not_bytes) {
  auto order = pack();
  order.description.clear();
  for (int i = 0; i < 200; ++i) order.description += "é";
  const auto created = client.create_order(order, "");
  BOOST_TEST_REQUIRE(created.ok());
  const std::string sent = paypal.order(created->id)->description;
  BOOST_TEST(sent.size() == 254u);  // 127 two-byte characters
  BOOST_TEST(sent == order.description.substr(0, 254));
}

BOOST_AUTO_TEST_SUITE_END()
