// Fake PayPal (see fake_paypal.hpp): routes, orders and their states, idempotent answers per
// PayPal-Request-Id, the failure switches, and webhook signing. Signatures are a keyed SHA-256
// of transmission id, time, webhook id and the event's canonical JSON (PayPal uses RSA over a
// CRC32 of the body; the fake only needs "signed here, unchanged" to verify).
#include "fake_paypal.hpp"

#include <sodium.h>

#include <stdexcept>

#include "adapters/crypto.hpp"

namespace tessera::testing {

using nlohmann::json;

namespace {

void send_json(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

// PayPal's error shape: name, message, debug_id, details[{issue, description}], links.
json paypal_error(const std::string& name, const std::string& message, const std::string& issue = {},
                  const std::string& description = {}) {
  json body{{"name", name}, {"message", message}, {"debug_id", "fake" + server::random_token_hex(6)}};
  if (!issue.empty()) body["details"] = json::array({{{"issue", issue}, {"description", description}}});
  return body;
}

std::string random_id(const std::string& prefix, std::size_t length) {
  std::string id = prefix + server::random_token_hex(length);
  id.resize(length);
  for (char& c : id) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return id;
}

std::string decode_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.c_str(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return {};
  out.resize(length);
  return out;
}

json money(Cents amount, const std::string& currency) {
  return {{"currency_code", currency}, {"value", server::format_paypal_amount(amount)}};
}

}  // namespace

// [SECTION] Life cycle

FakePayPal::FakePayPal() {
  server::crypto_init();
  signing_secret_ = server::random_token_hex(32);
  server_.Post("/v1/oauth2/token", answer([this](const httplib::Request& request, httplib::Response& response) {
    const std::string authorization = request.get_header_value("Authorization");
    const std::string expected = std::string(kClientId) + ":" + kClientSecret;
    if (authorization.rfind("Basic ", 0) != 0 || decode_base64(authorization.substr(6)) != expected)
      return send_json(response, 401, {{"error", "invalid_client"}, {"error_description", "Client Authentication failed"}});
    if (request.body != "grant_type=client_credentials")
      return send_json(response, 400, {{"error", "unsupported_grant_type"}, {"error_description", "Grant Type is NULL"}});
    const std::lock_guard lock(mutex_);
    const std::string token = "A21AA" + server::random_token_hex(24);
    tokens_.push_back(token);
    ++tokens_issued_;
    send_json(response, 200,
              {{"scope", "https://uri.paypal.com/services/payments/payment"},
               {"access_token", token},
               {"token_type", "Bearer"},
               {"app_id", "APP-FAKE"},
               {"expires_in", token_lifetime_},
               {"nonce", server::random_token_hex(8)}});
  }));
  server_.Post("/v2/checkout/orders", answer([this](const httplib::Request& request, httplib::Response& response) {
    if (authorized(request, response)) create_order(request, response);
  }));
  server_.Get(R"(/v2/checkout/orders/([A-Za-z0-9_-]+))",
              answer([this](const httplib::Request& request, httplib::Response& response) {
                if (!authorized(request, response)) return;
                const std::lock_guard lock(mutex_);
                const auto found = orders_.find(request.matches[1]);
                if (found == orders_.end())
                  return send_json(response, 404,
                                   paypal_error("RESOURCE_NOT_FOUND", "The specified resource does not exist.",
                                                "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));
                send_json(response, 200, order_json(found->second));
              }));
  server_.Post(R"(/v2/checkout/orders/([A-Za-z0-9_-]+)/capture)",
               answer([this](const httplib::Request& request, httplib::Response& response) {
                 if (authorized(request, response)) capture(request, response);
               }));
  server_.Post("/v1/notifications/verify-webhook-signature",
               answer([this](const httplib::Request& request, httplib::Response& response) {
                 if (authorized(request, response)) verify_signature(request, response);
               }));
  // The payer's approval page: approves, then sends the browser back to the merchant.
  server_.Get("/checkoutnow", answer([this](const httplib::Request& request, httplib::Response& response) {
    const std::string id = request.get_param_value("token");
    const auto found = order(id);
    if (!found || !approve(id)) return send_json(response, 404, paypal_error("RESOURCE_NOT_FOUND", "No such order."));
    if (found->return_url.empty()) return send_json(response, 200, {{"approved", id}});
    const char separator = found->return_url.find('?') == std::string::npos ? '?' : '&';
    response.set_redirect(found->return_url + separator + "token=" + id + "&PayerID=FAKEPAYER0001");
  }));

  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("FakePayPal: cannot bind a loopback port");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // cpp-httplib ignores a stop() that comes before its loop runs: wait for the loop.
  for (int waited = 0; !server_.is_running() && waited < 5000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakePayPal::~FakePayPal() {
  stopping_ = true;  // cuts any delayed answer short
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

server::PayPalConfig FakePayPal::config(int timeout_seconds) const {
  server::PayPalConfig config;
  config.base_url = base_url();
  config.client_id = kClientId;
  config.client_secret = kClientSecret;
  config.webhook_id = kWebhookId;
  config.return_url = "http://127.0.0.1:1/paypal/return";
  config.cancel_url = "http://127.0.0.1:1/paypal/cancel";
  config.timeout_seconds = timeout_seconds;
  return config;
}

// Every route: record the request, maybe fail it, do the work, maybe answer late.
httplib::Server::Handler FakePayPal::answer(Work work) {
  return [this, work = std::move(work)](const httplib::Request& request, httplib::Response& response) {
    std::chrono::milliseconds delay{0};
    bool fail = false;
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back({request.method, request.path, request.get_header_value("PayPal-Request-Id")});
      delay = delay_;
      if (failures_left_ > 0) {
        --failures_left_;
        fail = true;
      }
    }
    if (fail)
      send_json(response, 500, paypal_error("INTERNAL_SERVER_ERROR", "An internal server error has occurred."));
    else
      work(request, response);
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!stopping_ && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  };
}

bool FakePayPal::authorized(const httplib::Request& request, httplib::Response& response) const {
  const std::string authorization = request.get_header_value("Authorization");
  const std::lock_guard lock(mutex_);
  for (const std::string& token : tokens_)
    if (authorization == "Bearer " + token) return true;
  send_json(response, 401,
            paypal_error("AUTHENTICATION_FAILURE",
                         "Authentication failed due to invalid authentication credentials or a missing "
                         "Authorization header."));
  return false;
}

// [SECTION] Orders

std::string FakePayPal::approve_url(const std::string& order_id) const { return base_url() + "/checkoutnow?token=" + order_id; }

json FakePayPal::order_json(const Order& order) const {
  json unit{{"reference_id", order.reference_id.empty() ? "default" : order.reference_id},
            {"amount", money(order.amount, order.currency)}};
  if (!order.description.empty()) unit["description"] = order.description;
  if (!order.capture_id.empty())
    unit["payments"] = {{"captures", json::array({{{"id", order.capture_id},
                                                   {"status", "COMPLETED"},
                                                   {"amount", money(order.amount, order.currency)},
                                                   {"final_capture", true}}})}};
  const std::string self = base_url() + "/v2/checkout/orders/" + order.id;
  json links = json::array({{{"href", self}, {"rel", "self"}, {"method", "GET"}}});
  if (order.status == "CREATED")
    links.push_back({{"href", approve_url(order.id)}, {"rel", "approve"}, {"method", "GET"}});
  if (order.status == "PAYER_ACTION_REQUIRED")
    links.push_back({{"href", approve_url(order.id)}, {"rel", "payer-action"}, {"method", "GET"}});
  if (order.status == "APPROVED") links.push_back({{"href", self + "/capture"}, {"rel", "capture"}, {"method", "POST"}});
  return {{"id", order.id},
          {"intent", "CAPTURE"},
          {"status", order.status},
          {"purchase_units", json::array({unit})},
          {"links", links}};
}

// Holding mutex_: the first answer to this PayPal-Request-Id, if it was seen on this path.
bool FakePayPal::replayed(const httplib::Request& request, const std::string& key, httplib::Response& response) {
  if (!request.has_header("PayPal-Request-Id")) return false;
  const auto stored = idempotent_answers_.find(key);
  if (stored == idempotent_answers_.end()) return false;
  response.status = 200;
  response.set_content(stored->second.body, "application/json");
  return true;
}

void FakePayPal::create_order(const httplib::Request& request, httplib::Response& response) {
  const std::string key = request.path + "\n" + request.get_header_value("PayPal-Request-Id");
  const std::lock_guard lock(mutex_);
  if (replayed(request, key, response)) return;
  const auto invalid = [&](const std::string& issue, const std::string& description) {
    send_json(response, 400,
              paypal_error("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.",
                           issue, description));
  };
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || body.value("intent", "") != "CAPTURE")
    return invalid("INVALID_PARAMETER_VALUE", "intent must be CAPTURE");
  if (!body.contains("purchase_units") || !body["purchase_units"].is_array() || body["purchase_units"].size() != 1 ||
      !body["purchase_units"][0].is_object())
    return invalid("MISSING_REQUIRED_PARAMETER", "one purchase unit expected");
  const json& unit = body["purchase_units"][0];
  const json amount = unit.value("amount", json::object());
  const std::string value = amount.is_object() ? amount.value("value", "") : "";
  const auto cents = server::parse_paypal_amount(value);
  // Exactly two decimals, as PayPal requires for EUR: "49.00", never "49" or "49.0".
  if (!cents || server::format_paypal_amount(*cents) != value || *cents <= 0)
    return invalid("DECIMAL_PRECISION", "amount.value must have two decimals and be positive");
  Order order;
  order.id = random_id("", 17);
  order.amount = *cents;
  order.currency = amount.value("currency_code", "");
  if (order.currency.size() != 3) return invalid("INVALID_CURRENCY_CODE", "currency_code must have 3 letters");
  order.reference_id = unit.value("reference_id", "");
  order.description = unit.value("description", "");
  // payment_source.paypal.experience_context (current) or application_context (deprecated).
  const json* experience = nullptr;
  if (body.contains("payment_source") && body["payment_source"].contains("paypal") &&
      body["payment_source"]["paypal"].contains("experience_context"))
    experience = &body["payment_source"]["paypal"]["experience_context"];
  else if (body.contains("application_context"))
    experience = &body["application_context"];
  if (experience && experience->is_object()) {
    order.return_url = experience->value("return_url", "");
    order.cancel_url = experience->value("cancel_url", "");
  }
  order.status = body.contains("payment_source") ? "PAYER_ACTION_REQUIRED" : "CREATED";
  const json answer_body = order_json(order);
  orders_[order.id] = order;
  if (request.has_header("PayPal-Request-Id")) idempotent_answers_[key] = {201, answer_body.dump()};
  send_json(response, 201, answer_body);
}

bool FakePayPal::approve(const std::string& order_id) {
  const std::lock_guard lock(mutex_);
  const auto found = orders_.find(order_id);
  if (found == orders_.end() || (found->second.status != "CREATED" && found->second.status != "PAYER_ACTION_REQUIRED"))
    return false;
  found->second.status = "APPROVED";
  return true;
}

std::optional<FakePayPal::Order> FakePayPal::order(const std::string& order_id) const {
  const std::lock_guard lock(mutex_);
  const auto found = orders_.find(order_id);
  if (found == orders_.end()) return std::nullopt;
  return found->second;
}

void FakePayPal::capture(const httplib::Request& request, httplib::Response& response) {
  const std::string key = request.path + "\n" + request.get_header_value("PayPal-Request-Id");
  const std::lock_guard lock(mutex_);
  // The same PayPal-Request-Id again: the first answer, and nothing captured twice.
  if (replayed(request, key, response)) return;
  const auto found = orders_.find(request.matches[1]);
  if (found == orders_.end())
    return send_json(response, 404,
                     paypal_error("RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID",
                                  "Specified resource ID does not exist."));
  Order& order = found->second;
  const std::string unprocessable = "The requested action could not be performed, semantically incorrect, or failed "
                                    "business validation.";
  if (order.status == "COMPLETED")
    return send_json(response, 422,
                     paypal_error("UNPROCESSABLE_ENTITY", unprocessable, "ORDER_ALREADY_CAPTURED",
                                  "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed."));
  if (order.status != "APPROVED")
    return send_json(response, 422,
                     paypal_error("UNPROCESSABLE_ENTITY", unprocessable, "ORDER_NOT_APPROVED",
                                  "Payer has not yet approved the Order for payment."));
  if (decline_next_capture_) {
    decline_next_capture_ = false;
    json body = paypal_error("UNPROCESSABLE_ENTITY", unprocessable, "INSTRUMENT_DECLINED",
                             "The instrument presented was either declined by the processor or bank, or it can't be "
                             "used for this payment.");
    body["links"] = json::array({{{"href", approve_url(order.id)}, {"rel", "redirect"}, {"method", "GET"}}});
    return send_json(response, 422, body);
  }
  order.status = "COMPLETED";
  order.capture_id = random_id("", 17);
  ++captures_performed_;
  const json answer_body = order_json(order);
  if (request.has_header("PayPal-Request-Id")) idempotent_answers_[key] = {201, answer_body.dump()};
  send_json(response, 201, answer_body);
}

// [SECTION] Webhooks

std::string FakePayPal::cert_url() const { return base_url() + "/v1/notifications/certs/CERT-FAKE-0001"; }

std::string FakePayPal::signature(const std::string& transmission_id, const std::string& transmission_time,
                                  const std::string& webhook_id, const json& event) const {
  // json::dump() writes keys in sorted order: a canonical form of the event.
  return server::sha256_hex(signing_secret_ + "|" + transmission_id + "|" + transmission_time + "|" + webhook_id +
                            "|" + server::sha256_hex(event.dump()));
}

std::pair<httplib::Headers, std::string> FakePayPal::make_webhook_event(const std::string& event_type,
                                                                        const json& resource) {
  const bool order_event = event_type.rfind("CHECKOUT.ORDER.", 0) == 0;
  const json event{{"id", "WH-" + random_id("", 17)},
                   {"event_version", "1.0"},
                   {"create_time", "2026-11-27T05:00:00Z"},
                   {"resource_type", order_event ? "checkout-order" : "capture"},
                   {"resource_version", "2.0"},
                   {"event_type", event_type},
                   {"summary", "Fake event " + event_type},
                   {"resource", resource}};
  const std::string transmission_id = server::random_token_hex(16);
  const std::string transmission_time = "2026-11-27T05:00:01Z";
  httplib::Headers headers{{"PAYPAL-TRANSMISSION-ID", transmission_id},
                           {"PAYPAL-TRANSMISSION-TIME", transmission_time},
                           {"PAYPAL-CERT-URL", cert_url()},
                           {"PAYPAL-AUTH-ALGO", kAuthAlgo},
                           {"PAYPAL-TRANSMISSION-SIG", signature(transmission_id, transmission_time, kWebhookId, event)},
                           {"Content-Type", "application/json"}};
  return {std::move(headers), event.dump()};
}

json FakePayPal::capture_resource(const std::string& order_id) const {
  const auto found = order(order_id);
  if (!found || found->capture_id.empty()) return json::object();
  return {{"id", found->capture_id},
          {"status", "COMPLETED"},
          {"amount", money(found->amount, found->currency)},
          {"final_capture", true},
          {"supplementary_data", {{"related_ids", {{"order_id", found->id}}}}}};
}

void FakePayPal::verify_signature(const httplib::Request& request, httplib::Response& response) {
  const json body = json::parse(request.body, nullptr, false);
  const auto field = [&](const char* name) {
    return body.is_object() && body.contains(name) && body[name].is_string() ? body[name].get<std::string>()
                                                                              : std::string();
  };
  if (!body.is_object() || !body.contains("webhook_event") || !body["webhook_event"].is_object())
    return send_json(response, 400,
                     paypal_error("VALIDATION_ERROR", "Invalid data provided", "MISSING_REQUIRED_PARAMETER",
                                  "webhook_event is required"));
  const bool genuine = field("auth_algo") == kAuthAlgo && field("cert_url") == cert_url() &&
                       field("webhook_id") == kWebhookId && !field("transmission_id").empty() &&
                       field("transmission_sig") == signature(field("transmission_id"), field("transmission_time"),
                                                              field("webhook_id"), body["webhook_event"]);
  const std::lock_guard lock(mutex_);
  send_json(response, 200, {{"verification_status", genuine && !refuse_webhooks_ ? "SUCCESS" : "FAILURE"}});
}

// [SECTION] Switches and records

void FakePayPal::decline_next_capture() {
  const std::lock_guard lock(mutex_);
  decline_next_capture_ = true;
}

void FakePayPal::set_response_delay(std::chrono::milliseconds delay) {
  const std::lock_guard lock(mutex_);
  delay_ = delay;
}

void FakePayPal::fail_next_requests(int count) {
  const std::lock_guard lock(mutex_);
  failures_left_ = count;
}

void FakePayPal::set_token_lifetime(std::int64_t seconds) {
  const std::lock_guard lock(mutex_);
  token_lifetime_ = seconds;
}

void FakePayPal::revoke_tokens() {
  const std::lock_guard lock(mutex_);
  tokens_.clear();
}

void FakePayPal::refuse_all_webhooks(bool refuse) {
  const std::lock_guard lock(mutex_);
  refuse_webhooks_ = refuse;
}

std::vector<FakePayPal::RecordedRequest> FakePayPal::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

int FakePayPal::count_requests(const std::string& method, const std::string& path) const {
  const std::lock_guard lock(mutex_);
  int count = 0;
  for (const auto& recorded : requests_)
    if (recorded.method == method && recorded.path == path) ++count;
  return count;
}

int FakePayPal::tokens_issued() const {
  const std::lock_guard lock(mutex_);
  return tokens_issued_;
}

int FakePayPal::captures_performed() const {
  const std::lock_guard lock(mutex_);
  return captures_performed_;
}

}  // namespace tessera::testing
