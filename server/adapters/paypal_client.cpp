// PayPal REST client (see paypal_client.hpp): transport and error mapping, the OAuth2 token
// cache, the Orders v2 calls and webhook verification, and the exact amount conversions.
// TLS: an https base URL needs a cpp-httplib built with CPPHTTPLIB_OPENSSL_SUPPORT (Debian's
// libcpp-httplib is, and its pkg-config file defines it); without it the client refuses
// https with paypal_tls_unavailable rather than sending credentials in clear.
#include "adapters/paypal_client.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "tessera/json_limits.hpp"
#include "adapters/crypto.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {

// [SECTION] Small helpers

constexpr std::size_t kMaxRequestIdLength = 108;   // PayPal-Request-Id: 1-108 characters
constexpr std::size_t kMaxOrderIdLength = 36;      // Orders v2 ids: 1-36 characters
constexpr std::size_t kMaxDescriptionChars = 127;  // purchase_units[].description

// Issues of a 422 that mean "the payer's money was refused", as opposed to a request error.
constexpr std::array<std::string_view, 7> kDeclineIssues{
    "INSTRUMENT_DECLINED",     "TRANSACTION_REFUSED",           "PAYER_CANNOT_PAY",
    "PAYER_ACCOUNT_RESTRICTED", "PAYER_ACCOUNT_LOCKED_OR_CLOSED", "CARD_EXPIRED",
    "DECLINED_DUE_TO_RELATED_TXN"};

constexpr bool tls_available() {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  return true;
#else
  return false;
#endif
}

Error error_with(std::string code, std::map<std::string, std::string> params, std::string field = {}) {
  return Error{std::move(code), std::move(field), std::move(params)};
}

std::string text_at(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

const json* object_at(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found != object.end() && found->is_object() ? &*found : nullptr;
}

const json* first_of_array(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_array() || found->empty() || !(*found)[0].is_object()) return nullptr;
  return &(*found)[0];
}

// money: {"currency_code": "EUR", "value": "49.00"}. false if present but malformed.
bool read_money(const json& money, Cents& amount, std::string& currency) {
  const auto cents = parse_paypal_amount(text_at(money, "value"));
  currency = text_at(money, "currency_code");
  if (!cents || currency.empty()) return false;
  amount = *cents;
  return true;
}

bool valid_currency(const std::string& currency) {
  return currency.size() == 3 &&
         std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// PayPal ids are letters and digits; refusing anything else keeps an id from reaching another path.
bool valid_order_id(const std::string& id) {
  return !id.empty() && id.size() <= kMaxOrderIdLength && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// The first `limit` characters of UTF-8 text (never cuts a character in two).
std::string first_characters(const std::string& text, std::size_t limit) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const bool starts_character = (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (starts_character && characters++ == limit) return text.substr(0, at);
  }
  return text;
}

std::string base64(const std::string& data) {
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// "http(s)://host[:port]" with an optional final '/'; nullopt otherwise.
std::optional<std::pair<std::string, std::string>> split_base_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  const std::string scheme = url.substr(0, scheme_end);
  std::string authority = url.substr(scheme_end + 3);
  if (!authority.empty() && authority.back() == '/') authority.pop_back();
  if ((scheme != "http" && scheme != "https") || authority.empty()) return std::nullopt;
  const bool plain = std::all_of(authority.begin(), authority.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == ':' || c == '[' || c == ']';
  });
  if (!plain) return std::nullopt;
  return std::pair{scheme, authority};
}

// A non-2xx answer: PayPal's error body {name, message, debug_id, details[{issue}], links}, or
// the OAuth2 form {error, error_description}.
Error error_from_reply(int status, const std::string& body) {
  const json parsed = parse_json_or_discarded(body);
  std::map<std::string, std::string> params{{"status", std::to_string(status)}};
  std::string name = text_at(parsed, "name");
  if (name.empty()) name = text_at(parsed, "error");
  params["name"] = name;
  std::string issue;
  if (const json* detail = first_of_array(parsed, "details")) issue = text_at(*detail, "issue");
  if (!issue.empty()) params["issue"] = issue;
  if (const std::string debug_id = text_at(parsed, "debug_id"); !debug_id.empty()) params["debug_id"] = debug_id;
  const bool declined = status == 422 && std::find(kDeclineIssues.begin(), kDeclineIssues.end(), issue) !=
                                             kDeclineIssues.end();
  if (declined && parsed.is_object() && parsed.contains("links") && parsed["links"].is_array())
    for (const json& link : parsed["links"])
      if (text_at(link, "rel") == "redirect") params["redirect_url"] = text_at(link, "href");
  return Error{declined ? "paypal_declined" : "paypal_error", "", std::move(params)};
}

Error invalid_response(const std::string& what) { return error_with("paypal_invalid_response", {{"what", what}}); }

// [SECTION] Reading PayPal's answers

Result<PayPalOrder> read_order(const json& body) {
  PayPalOrder order;
  order.id = text_at(body, "id");
  order.status = text_at(body, "status");
  if (order.id.empty() || order.status.empty()) return invalid_response("order id or status missing");
  if (body.contains("links") && body["links"].is_array())
    for (const json& link : body["links"]) {
      const std::string rel = text_at(link, "rel");
      if ((rel == "approve" || rel == "payer-action") && order.approve_url.empty())
        order.approve_url = text_at(link, "href");
    }
  if (const json* unit = first_of_array(body, "purchase_units")) {
    order.reference_id = text_at(*unit, "reference_id");
    if (const json* money = object_at(*unit, "amount"); money && !read_money(*money, order.amount, order.currency))
      return invalid_response("purchase unit amount malformed");
  }
  return order;
}

Result<PayPalCapture> read_capture(const json& body) {
  PayPalCapture capture;
  capture.order_id = text_at(body, "id");
  capture.order_status = text_at(body, "status");
  if (capture.order_id.empty() || capture.order_status.empty()) return invalid_response("order id or status missing");
  const json* unit = first_of_array(body, "purchase_units");
  const json* payments = unit ? object_at(*unit, "payments") : nullptr;
  const json* first_capture = payments ? first_of_array(*payments, "captures") : nullptr;
  if (!first_capture) return invalid_response("no capture in the answer");
  capture.capture_id = text_at(*first_capture, "id");
  capture.capture_status = text_at(*first_capture, "status");
  const json* money = object_at(*first_capture, "amount");
  if (capture.capture_id.empty() || capture.capture_status.empty() || !money ||
      !read_money(*money, capture.amount, capture.currency))
    return invalid_response("capture id, status or amount missing");
  return capture;
}

}  // namespace

// [SECTION] Amounts

std::string format_paypal_amount(Cents cents) {
  const bool negative = cents < 0;
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::uint64_t hundredths = magnitude % 100;
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + (hundredths < 10 ? ".0" : ".") +
         std::to_string(hundredths);
}

std::optional<Cents> parse_paypal_amount(std::string_view value) {
  const auto dot = value.find('.');
  const std::string_view units = value.substr(0, dot);
  const std::string_view decimals = dot == std::string_view::npos ? std::string_view() : value.substr(dot + 1);
  const auto all_digits = [](std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (units.empty() || units.size() > 15 || !all_digits(units)) return std::nullopt;
  if (dot != std::string_view::npos && (decimals.empty() || decimals.size() > 2 || !all_digits(decimals)))
    return std::nullopt;
  Cents cents = 0;
  for (char digit : units) cents = cents * 10 + (digit - '0');
  cents *= 100;
  if (decimals.size() >= 1) cents += (decimals[0] - '0') * 10;
  if (decimals.size() == 2) cents += decimals[1] - '0';
  return cents;
}

// [SECTION] Webhook events

std::optional<PayPalWebhookEvent> parse_webhook_event(std::string_view raw_body) {
  const json body = parse_json_or_discarded(raw_body);
  PayPalWebhookEvent event;
  event.id = text_at(body, "id");
  event.event_type = text_at(body, "event_type");
  if (event.id.empty() || event.event_type.empty()) return std::nullopt;
  event.resource_type = text_at(body, "resource_type");
  if (const json* resource = object_at(body, "resource")) {
    event.resource_id = text_at(*resource, "id");
    event.resource_status = text_at(*resource, "status");
    if (const json* money = object_at(*resource, "amount"); money && !read_money(*money, event.amount, event.currency))
      return std::nullopt;
    if (event.resource_type == "checkout-order") {
      event.order_id = event.resource_id;
    } else if (const json* supplementary = object_at(*resource, "supplementary_data")) {
      if (const json* related = object_at(*supplementary, "related_ids")) event.order_id = text_at(*related, "order_id");
    }
  }
  return event;
}

// [SECTION] Transport

PayPalClient::PayPalClient(PayPalConfig config) : config_(std::move(config)) {
  crypto_init();
  const auto split = split_base_url(config_.base_url);
  if (!split) {
    config_error_ = make_error("paypal_invalid_config", "base_url");
  } else if (split->first == "https" && !tls_available()) {
    config_error_ = make_error("paypal_tls_unavailable", "base_url");
  } else {
    config_.base_url = split->first + "://" + split->second;  // without a final '/'
  }
  if (config_.timeout_seconds <= 0) config_.timeout_seconds = 10;
}

Result<bool> PayPalClient::check_config() const {
  if (config_error_) return *config_error_;
  return true;
}

std::string PayPalClient::new_request_id() {
  crypto_init();
  return random_token_hex(16);
}

Result<PayPalClient::Reply> PayPalClient::send(const std::string& method, const std::string& path,
                                               httplib::Headers headers, const std::string& body,
                                               const std::string& content_type) const {
  if (config_error_) return *config_error_;
  // One connection per call: httplib::Client is not thread-safe, and calls are few.
  httplib::Client client(config_.base_url);
  const auto timeout = static_cast<time_t>(config_.timeout_seconds);
  client.set_connection_timeout(timeout, 0);
  client.set_read_timeout(timeout, 0);
  client.set_write_timeout(timeout, 0);
  client.set_keep_alive(false);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  client.enable_server_certificate_verification(true);
#endif
  headers.emplace("Accept", "application/json");
  const auto started = std::chrono::steady_clock::now();
  httplib::Result result =
      method == "GET" ? client.Get(path.c_str(), headers) : client.Post(path.c_str(), headers, body, content_type.c_str());
  if (!result) {
    const httplib::Error failure = result.error();
    const auto elapsed = std::chrono::steady_clock::now() - started;
    // cpp-httplib reports a read that timed out as a read error: tell them apart by the time spent.
    const bool timed_out = failure == httplib::Error::ConnectionTimeout ||
                           (failure == httplib::Error::Read &&
                            elapsed >= std::chrono::seconds(config_.timeout_seconds) - std::chrono::milliseconds(100));
    if (timed_out) return error_with("paypal_timeout", {{"seconds", std::to_string(config_.timeout_seconds)}});
    return error_with("paypal_unreachable", {{"reason", httplib::to_string(failure)}});
  }
  return Reply{result->status, result->body};
}

// [SECTION] OAuth2 token

Result<std::string> PayPalClient::access_token(const std::string& rejected_token) {
  const std::lock_guard lock(token_mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!token_.empty() && token_ != rejected_token && now < token_valid_until_) return token_;
  token_.clear();
  httplib::Headers headers{{"Authorization", "Basic " + base64(config_.client_id + ":" + config_.client_secret)},
                           {"PayPal-Request-Id", new_request_id()}};
  const auto reply =
      send("POST", "/v1/oauth2/token", std::move(headers), "grant_type=client_credentials",
           "application/x-www-form-urlencoded");
  if (!reply) return reply.error();
  if (reply->status < 200 || reply->status >= 300) return error_from_reply(reply->status, reply->body);
  const json body = parse_json_or_discarded(reply->body);
  const std::string token = text_at(body, "access_token");
  // PayPal's token lifetime in seconds: at most a year (a larger number is not believed).
  std::int64_t expires_in = -1;
  if (read_integer_field(body, "expires_in", 0, 366 * 24 * 3600, expires_in)) expires_in = -1;
  if (token.empty() || expires_in < 0) return invalid_response("token or expires_in missing");
  // Renew a little early (a tenth of the lifetime, at most 5 minutes) so a call never
  // leaves with a token that expires on the way.
  const std::int64_t margin = std::min<std::int64_t>(300, expires_in / 10);
  token_ = token;
  token_valid_until_ = now + std::chrono::seconds(expires_in - margin);
  return token_;
}

Result<json> PayPalClient::call(const std::string& method, const std::string& path, const std::string& body,
                                const std::string& request_id) {
  std::string rejected;
  for (int attempt = 0;; ++attempt) {
    const auto token = access_token(rejected);
    if (!token) return token.error();
    httplib::Headers headers{{"Authorization", "Bearer " + *token},
                             {"PayPal-Request-Id", request_id},
                             {"Prefer", "return=representation"}};
    const auto reply = send(method, path, std::move(headers), body, "application/json");
    if (!reply) return reply.error();
    // An expired or revoked token: renew it once and repeat the same request (same request id).
    if (reply->status == 401 && attempt == 0) {
      rejected = *token;
      continue;
    }
    if (reply->status < 200 || reply->status >= 300) return error_from_reply(reply->status, reply->body);
    json parsed = parse_json_or_discarded(reply->body);
    if (!parsed.is_object()) return invalid_response("not a JSON object");
    return parsed;
  }
}

// [SECTION] Orders v2

Result<PayPalOrder> PayPalClient::create_order(const PayPalOrderRequest& order, const std::string& request_id) {
  if (order.amount <= 0) return make_error("invalid_amount", "amount");
  if (!valid_currency(order.currency)) return make_error("invalid_currency", "currency");
  if (request_id.size() > kMaxRequestIdLength) return make_error("invalid_request_id", "request_id");
  json unit{{"amount", {{"currency_code", order.currency}, {"value", format_paypal_amount(order.amount)}}}};
  if (!order.reference_id.empty()) unit["reference_id"] = order.reference_id;
  if (!order.description.empty()) unit["description"] = first_characters(order.description, kMaxDescriptionChars);
  // The payer experience goes in payment_source.paypal.experience_context (application_context
  // is deprecated); PayPal then answers PAYER_ACTION_REQUIRED with a "payer-action" link.
  json experience{{"user_action", "PAY_NOW"}, {"shipping_preference", "NO_SHIPPING"}};
  if (!config_.return_url.empty()) experience["return_url"] = config_.return_url;
  if (!config_.cancel_url.empty()) experience["cancel_url"] = config_.cancel_url;
  const json request{{"intent", "CAPTURE"},
                     {"purchase_units", json::array({unit})},
                     {"payment_source", {{"paypal", {{"experience_context", experience}}}}}};
  const auto body = call("POST", "/v2/checkout/orders", request.dump(), request_id.empty() ? new_request_id() : request_id);
  if (!body) return body.error();
  auto read = read_order(*body);
  if (!read) return read;
  PayPalOrder& created = read.value();
  if (created.currency.empty()) {  // a minimal answer: PayPal charges what was asked
    created.amount = order.amount;
    created.currency = order.currency;
    created.reference_id = order.reference_id;
  }
  if (created.approve_url.empty() && created.status != "COMPLETED" && created.status != "APPROVED")
    return invalid_response("no approve link");
  return read;
}

Result<PayPalOrder> PayPalClient::get_order(const std::string& paypal_order_id) {
  if (!valid_order_id(paypal_order_id)) return make_error("invalid_paypal_order_id", "paypal_order_id");
  const auto body = call("GET", "/v2/checkout/orders/" + paypal_order_id, "", new_request_id());
  if (!body) return body.error();
  return read_order(*body);
}

Result<PayPalCapture> PayPalClient::capture_order(const std::string& paypal_order_id, const std::string& request_id) {
  if (!valid_order_id(paypal_order_id)) return make_error("invalid_paypal_order_id", "paypal_order_id");
  if (request_id.size() > kMaxRequestIdLength) return make_error("invalid_request_id", "request_id");
  const auto body = call("POST", "/v2/checkout/orders/" + paypal_order_id + "/capture", "{}",
                         request_id.empty() ? new_request_id() : request_id);
  if (!body) return body.error();
  return read_capture(*body);
}

// [SECTION] Webhooks

Result<bool> PayPalClient::verify_webhook(const httplib::Headers& headers, const std::string& raw_body) {
  if (config_.webhook_id.empty()) return make_error("paypal_invalid_config", "webhook_id");
  const auto header = [&](const char* name) {
    const auto found = headers.find(name);  // httplib::Headers compares names without case
    return found == headers.end() ? std::string() : found->second;
  };
  const json verification{{"auth_algo", header("PAYPAL-AUTH-ALGO")},
                          {"cert_url", header("PAYPAL-CERT-URL")},
                          {"transmission_id", header("PAYPAL-TRANSMISSION-ID")},
                          {"transmission_sig", header("PAYPAL-TRANSMISSION-SIG")},
                          {"transmission_time", header("PAYPAL-TRANSMISSION-TIME")},
                          {"webhook_id", config_.webhook_id}};
  for (const auto& [key, value] : verification.items())
    if (value.get<std::string>().empty()) return false;
  const json event = parse_json_or_discarded(raw_body);
  if (!event.is_object()) return false;
  // The event goes to PayPal as received, byte for byte, so nothing in it is re-encoded
  // (a re-serialised body could differ from the one PayPal signed). A leading BOM would make
  // the embedded text invalid JSON: then the parsed event is sent instead.
  std::string body = verification.dump();
  body.pop_back();  // the closing '}'
  body += ",\"webhook_event\":";
  body += raw_body.rfind("\xEF\xBB\xBF", 0) == 0 ? event.dump() : raw_body;
  body += '}';
  const auto answer = call("POST", "/v1/notifications/verify-webhook-signature", body, new_request_id());
  if (!answer) return answer.error();
  const std::string status = text_at(*answer, "verification_status");
  if (status.empty()) return invalid_response("verification_status missing");
  return status == "SUCCESS";
}

}  // namespace tessera::server
