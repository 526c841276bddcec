// PayPal REST client (SPEC §1.6): Orders v2 (create, show, capture) and webhook verification
// through PayPal's verify-webhook-signature call, over cpp-httplib. An OAuth2 client-credentials
// token is cached until shortly before it expires. Every outgoing call carries a
// PayPal-Request-Id. Amounts are integer cents here and exact "12.34" strings on the wire.
// Thread-safe: one PayPalClient may serve every request thread of the server.
#pragma once
#include <httplib.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera::server {

// [SECTION] Configuration and values

struct PayPalConfig {
  // https://api-m.sandbox.paypal.com or https://api-m.paypal.com (http:// only for tests). https
  // needs a cpp-httplib built with OpenSSL support; without it: paypal_tls_unavailable.
  std::string base_url;
  std::string client_id;
  std::string client_secret;
  std::string webhook_id;  // the id PayPal gave the webhook registered for this server
  std::string return_url;  // where PayPal sends the payer after approval
  std::string cancel_url;  // where PayPal sends the payer who cancels
  int timeout_seconds = 10;  // connect, send and receive, each
};

// What Tessera asks PayPal to charge: one purchase unit.
struct PayPalOrderRequest {
  Cents amount = 0;           // > 0, in hundredths of the currency unit
  std::string currency = "EUR";
  std::string reference_id;   // Tessera's order reference, echoed back by PayPal
  std::string description;    // shown to the payer; cut to PayPal's 127 characters
};

struct PayPalOrder {
  std::string id;            // PayPal's order id
  std::string status;        // CREATED, PAYER_ACTION_REQUIRED, APPROVED, COMPLETED, VOIDED, ...
  std::string approve_url;   // where the payer approves (link "approve" or "payer-action"); may be empty
  std::string reference_id;  // purchase_units[0].reference_id, when PayPal returned it
  Cents amount = 0;          // purchase_units[0].amount, when PayPal returned it
  std::string currency;
};

struct PayPalCapture {
  std::string order_id;
  std::string order_status;    // COMPLETED once captured
  std::string capture_id;      // purchase_units[0].payments.captures[0].id
  std::string capture_status;  // COMPLETED, or PENDING (funds not yet available), DECLINED, ...
  Cents amount = 0;            // what was captured
  std::string currency;
  // The money is ours: only then may the order be activated and invoiced.
  bool completed() const { return order_status == "COMPLETED" && capture_status == "COMPLETED"; }
};

// The fields of a webhook event that Tessera acts on (the body must be verified first).
struct PayPalWebhookEvent {
  std::string id;             // the event id: deduplicate on it
  std::string event_type;     // PAYMENT.CAPTURE.COMPLETED, CHECKOUT.ORDER.APPROVED, ...
  std::string resource_type;  // capture, checkout-order, ...
  std::string resource_id;    // a capture id, or an order id
  std::string order_id;       // the order concerned (resource.id, or resource.supplementary_data.related_ids.order_id)
  std::string resource_status;
  Cents amount = 0;           // resource.amount, when present
  std::string currency;
};

// "49.00" <-> 4900 exactly, in integers, for currencies with two decimals (EUR, USD, GBP, ...).
// format: always two decimals ("-" first if negative). parse: digits, optionally '.' and one
// or two digits; nothing else (no sign, space, exponent or comma).
std::string format_paypal_amount(Cents cents);
std::optional<Cents> parse_paypal_amount(std::string_view value);

// Parses a webhook body (after verify_webhook said it is genuine); nullopt if it is no event.
std::optional<PayPalWebhookEvent> parse_webhook_event(std::string_view raw_body);

// [SECTION] Client

// Error codes of every operation (tessera::Error::code; params in brackets):
//   paypal_tls_unavailable   https base URL but this cpp-httplib build has no OpenSSL support
//   paypal_invalid_config    base_url is not http(s)://host[:port] [field "base_url"]
//   paypal_unreachable       no connection, or it broke before an answer [reason]
//   paypal_timeout           no answer within timeout_seconds [seconds]
//   paypal_declined          422 whose issue refuses the payer's funding, e.g. INSTRUMENT_DECLINED
//                            [status, name, issue, redirect_url when PayPal offers one]
//   paypal_error             any other non-2xx answer [status, name, issue, debug_id when present]
//   paypal_invalid_response  a 2xx answer that is not the JSON expected
//   invalid_amount / invalid_currency / invalid_request_id   bad arguments [field]
// After paypal_timeout or paypal_unreachable the outcome of a create or capture is unknown:
// retry with the same request_id and PayPal answers the first result instead of acting twice.
class PayPalClient {
 public:
  explicit PayPalClient(PayPalConfig config);
  PayPalClient(const PayPalClient&) = delete;
  PayPalClient& operator=(const PayPalClient&) = delete;

  // ok, or the configuration error every call would return (check it at start-up).
  Result<bool> check_config() const;
  const PayPalConfig& config() const { return config_; }

  // POST /v2/checkout/orders (intent CAPTURE). request_id: the caller's idempotency key
  // (empty: a fresh one). Send the payer to approve_url, then capture.
  Result<PayPalOrder> create_order(const PayPalOrderRequest& order, const std::string& request_id);
  // GET /v2/checkout/orders/{id}.
  Result<PayPalOrder> get_order(const std::string& paypal_order_id);
  // POST /v2/checkout/orders/{id}/capture. Retry with the same request_id after a timeout.
  Result<PayPalCapture> capture_order(const std::string& paypal_order_id, const std::string& request_id);
  // POST /v1/notifications/verify-webhook-signature with the PAYPAL-* transmission headers of
  // the notification and its body, byte for byte. true only for verification_status SUCCESS;
  // false also when a header is missing or the body is not a JSON object (no call then).
  Result<bool> verify_webhook(const httplib::Headers& headers, const std::string& raw_body);

  // A fresh PayPal-Request-Id (random, 32 hex digits).
  static std::string new_request_id();

 private:
  struct Reply {
    int status = 0;
    std::string body;
  };
  Result<Reply> send(const std::string& method, const std::string& path, httplib::Headers headers,
                     const std::string& body, const std::string& content_type) const;
  Result<std::string> access_token(const std::string& rejected_token);
  // An authenticated JSON call: on 401 it renews the token once and repeats the same request.
  Result<nlohmann::json> call(const std::string& method, const std::string& path, const std::string& body,
                              const std::string& request_id);

  PayPalConfig config_;
  std::optional<Error> config_error_;
  std::mutex token_mutex_;  // held while a token is fetched, so concurrent callers share one
  std::string token_;
  std::chrono::steady_clock::time_point token_valid_until_;
};

}  // namespace tessera::server
