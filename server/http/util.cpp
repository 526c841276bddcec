// Helpers shared by the route files (see http_util.hpp).
#include "http/util.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <sstream>

#include "tessera/json_limits.hpp"
#include "tessera/texts.hpp"

namespace tessera::server {

using nlohmann::json;

int http_status_for(const std::string& code) {
  static const std::map<std::string, int> statuses{
      {"unauthenticated", 401},      {"invalid_credentials", 401},  {"no_funding", 402},
      {"funding_unavailable", 402},  {"ticket_closed", 409},        {"unknown_ticket", 404},
      {"forbidden", 403},            {"forbidden_action", 403},     {"missing_csrf_header", 403},
      {"not_found", 404},            {"method_not_allowed", 405},   {"email_taken", 409},
      {"invalid_transition", 409},   {"work_already_logged", 409},
      {"already_exists", 409},       {"body_too_large", 413},       {"idempotency_conflict", 422},
      {"rate_limited", 429},         {"internal", 500},             {"owner_only", 403},
      {"order_not_payable", 409},    {"no_subscription", 409},      {"adjustment_below_zero", 409},      {"subscription_cancelled", 409},    {"ticket_not_closed", 409},    {"already_rated", 409},    {"subscription_already_active", 409}, {"restart_too_early", 409},
      {"paypal_unavailable", 503},   {"paypal_declined", 402},      {"paypal_unreachable", 502},
      {"invitation_used", 410},      {"invitation_expired", 410},   {"invitation_revoked", 410},
      {"user_limit_reached", 409},   {"cannot_remove_owner", 409},  {"wrong_password", 403},
      {"attachment_too_large", 413}, {"unsupported_attachment_type", 415}, {"too_many_attachments", 409},
      {"length_required", 411},      {"seats_in_use", 409},
      {"account_disabled", 403},     {"cannot_disable_yourself", 409},
      {"reset_link_unknown", 404},   {"reset_link_used", 410},      {"reset_link_expired", 410},
      {"signup_link_unknown", 404},  {"signup_link_used", 410},     {"signup_link_expired", 410},
      {"mail_not_failed", 409},
      {"subscription_suspended", 402}, {"renewal_pending", 409},    {"renewal_order_not_cancellable", 409},
      {"paypal_checkout_not_needed", 409}, {"too_many_users_removed", 409}, {"subscription_not_usable", 409},
      {"paypal_timeout", 504},       {"webhook_unverified", 400},   {"too_many_streams", 503},       {"too_many_user_streams", 429},
      {"bad_framing", 400},          {"headers_too_large", 431},    {"json_too_deep", 400},       {"paypal_error", 502},         {"paypal_invalid_response", 502},
      {"onboarding_not_available", 409}, {"onboarding_done", 409}, {"onboarding_not_started", 409}, {"slot_unavailable", 409}, {"slot_booked", 409},
  };
  const auto found = statuses.find(code);
  return found == statuses.end() ? 400 : found->second;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& error) {
  const std::string message = format_text(tr("error." + error.code, Language::en), error.params);
  send_json(res, http_status_for(error.code), wire::error_body(error, message));
}

std::optional<IdAndBody> id_and_body(const httplib::Request& req, httplib::Response& res) {
  const auto id = path_id(req);
  if (!id) {
    send_error(res, make_error("not_found"));
    return std::nullopt;
  }
  auto body = parse_body(req, res);
  if (!body) return std::nullopt;
  return IdAndBody{*id, std::move(*body)};
}

Result<std::size_t> query_count(const httplib::Request& req, const char* name, std::size_t fallback, std::size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  std::size_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size() || value > max)
    return Error{"invalid_value", name, {{"max", std::to_string(max)}}};
  return value;
}

void send_done(httplib::Response& res, const Result<bool>& result) {
  if (!result) return send_error(res, result.error());
  res.status = 204;
}

std::optional<json> parse_body(const httplib::Request& req, httplib::Response& res) {
  // Every request body is parsed here: a document deeper than kMaxJsonDepth is refused
  // before any value is built (the HTTP layer has already held its size to max_body_bytes).
  auto parsed = parse_json_limited(req.body);
  if (parsed.refusal == JsonRefusal::too_deep) {
    Error error = make_error("json_too_deep");
    error.params["max"] = std::to_string(kMaxJsonDepth);
    send_error(res, error);
    return std::nullopt;
  }
  if (!parsed || !parsed.value.is_object()) {
    send_error(res, make_error("invalid_json"));
    return std::nullopt;
  }
  return std::move(parsed.value);
}

std::string session_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string prefix = std::string(wire::kSessionCookie) + "=";
  for (std::size_t start = 0; start < cookies.size();) {
    auto end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::string item = cookies.substr(start, end - start);
    const auto first = item.find_first_not_of(' ');
    item = first == std::string::npos ? "" : item.substr(first);
    if (item.rfind(prefix, 0) == 0) return item.substr(prefix.size());
    start = end + 1;
  }
  return {};
}

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  return std::string(wire::kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

std::optional<Id> path_id(const httplib::Request& req, std::size_t match) {
  if (req.matches.size() <= match) return std::nullopt;
  const std::string text = req.matches[match];
  Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}


httplib::Server::Handler RouteContext::authed(AuthedHandler handler) const {
  return [accounts = &accounts, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    const auto user = accounts->authenticate(session_token(req));
    if (!user) return send_error(res, make_error("unauthenticated"));
    handler(req, res, *user);
  };
}

namespace {
// Answers `key` from the kept answers, or computes it with `compute` and keeps a 200 answer
// computed from one committed state within one second of the clock (answer_cache.hpp).
template <class Compute>
void kept_or_computed(AnswerCache* answers, Context& context, bool uses_clock, const std::string& key,
                      httplib::Response& res, Compute compute) {
  if (!answers || !answers->enabled()) return compute();
  const auto stamp = [&] { return AnswerCache::Stamp{context.store().data_version(), uses_clock ? context.now() : 0}; };
  const AnswerCache::Stamp before = stamp();
  if (const auto kept = answers->find(key, before)) {
    res.status = kept->status;
    res.set_content(*kept->body, kept->content_type);
    return;
  }
  compute();
  const AnswerCache::Stamp after = stamp();
  if (res.status == -1 && !res.body.empty()) res.status = 200;  // what cpp-httplib sends for an unset status
  if (res.status == 200 && after == before)
    answers->keep(key, before, AnswerCache::Answer{res.status, res.get_header_value("Content-Type"),
                                                   std::make_shared<const std::string>(res.body)});
}
}  // namespace

httplib::Server::Handler RouteContext::authed_read(AuthedHandler handler, ReadClock clock) const {
  return [accounts = &accounts, context = &context, answers = answers, clock, handler = std::move(handler)](
             const httplib::Request& req, httplib::Response& res) {
    const auto user = accounts->authenticate(session_token(req));  // every time: sessions expire
    if (!user) return send_error(res, make_error("unauthenticated"));
    kept_or_computed(answers, *context, clock == ReadClock::uses_clock,
                     std::to_string(user->id) + ' ' + req.method + ' ' + req.target, res,
                     [&] { handler(req, res, *user); });
  };
}

httplib::Server::Handler RouteContext::public_read(httplib::Server::Handler handler, ReadClock clock) const {
  return [context = &context, answers = answers, clock, handler = std::move(handler)](const httplib::Request& req,
                                                                                       httplib::Response& res) {
    kept_or_computed(answers, *context, clock == ReadClock::uses_clock, "public " + req.method + ' ' + req.target, res,
                     [&] { handler(req, res); });
  };
}

httplib::Server::Handler RouteContext::authed_json(JsonHandler handler) const {
  return authed([handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                               const UserRecord& user) {
    const auto body = parse_body(req, res);
    if (!body) return;
    handler(req, res, user, *body);
  });
}

std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](const std::string& address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
  };
  if (!trusted(req.remote_addr)) return req.remote_addr;
  // Every proxy appends the address it received from; read from the right, past our proxies.
  std::vector<std::string> hops;
  std::stringstream list(req.get_header_value("X-Forwarded-For"));
  for (std::string hop; std::getline(list, hop, ',');) {
    const auto first = hop.find_first_not_of(' ');
    const auto last = hop.find_last_not_of(' ');
    if (first != std::string::npos) hops.push_back(hop.substr(first, last - first + 1));
  }
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop)
    if (!trusted(*hop)) return *hop;
  return req.remote_addr;
}

bool RouteContext::rate_limited(const httplib::Request& req, httplib::Response& res, const std::string& bucket) const {
  const auto wait = auth_limiter.retry_after(bucket, client_address(req, config.trusted_proxies), context.now());
  if (wait == 0) return false;
  Error error = make_error("rate_limited");
  error.params["seconds"] = std::to_string(wait);
  send_error(res, error);
  res.set_header("Retry-After", std::to_string(wait));
  return true;
}

void send_form_error(httplib::Response& res, const Error& error) {
  send_error(res, error);
  if (!error.field.empty() && res.status == 400) res.status = 422;
}

}  // namespace tessera::server
