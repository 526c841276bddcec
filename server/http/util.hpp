// Helpers shared by the route files: JSON answers and errors, body parsing, the session
// cookie, path ids, and the RouteContext each routes_*.cpp installs its handlers with.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "adapters/config.hpp"
#include "http/answer_cache.hpp"
#include "http/rate_limiter.hpp"
#include "app/accounts.hpp"
#include "app/context.hpp"
#include "app/tickets.hpp"

namespace tessera::server {
class Commerce;
class Members;
class Transparency;
class Settings;
class OnboardingService;
}

namespace tessera::server {

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, const Error& error);
int http_status_for(const std::string& error_code);
// The request's JSON object, or an invalid_json answer and nullopt.
std::optional<nlohmann::json> parse_body(const httplib::Request& req, httplib::Response& res);
// A use case's result: its JSON with `status`, or its error.
template <class T>
void send_result(httplib::Response& res, const Result<T>& result, int status) {
  if (!result) return send_error(res, result.error());
  send_json(res, status, nlohmann::json(*result));
}
// A use case that answers nothing: 204, or its error.
void send_done(httplib::Response& res, const Result<bool>& result);
// The path's first id and the request's JSON object, or nullopt once 404 / 400 is answered.
struct IdAndBody {
  Id id = 0;
  nlohmann::json body;
};
std::optional<IdAndBody> id_and_body(const httplib::Request& req, httplib::Response& res);
// A whole number from the query string (absent: `fallback`), at most `max`; otherwise
// invalid_value with the parameter as field and params max.
Result<std::size_t> query_count(const httplib::Request& req, const char* name, std::size_t fallback, std::size_t max);
std::string session_token(const httplib::Request& req);
std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure);
std::optional<Id> path_id(const httplib::Request& req, std::size_t match = 1);
// The client's address: the peer's, or — when the peer is a trusted reverse proxy — the
// right-most X-Forwarded-For entry that is not itself a trusted proxy.
std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies);

// Whether a read's answer depends on the clock (balances expiring, SLA standings): then a kept
// answer lasts at most the clock's second it was computed in; else until the next commit.
enum class ReadClock { uses_clock, data_only };

using AuthedHandler = std::function<void(const httplib::Request&, httplib::Response&, const UserRecord&)>;
using JsonHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const UserRecord&, const nlohmann::json& body)>;

struct RouteContext {
  httplib::Server& http;
  Context& context;
  Accounts& accounts;
  Tickets& tickets;
  Commerce& commerce;
  Transparency& transparency;
  Members& members;
  const Config& config;
  RateLimiter& auth_limiter;
  std::string api;  // "/api/v1"
  AnswerCache* answers = nullptr;  // the read answers kept serialized (none: computed each time)

  // Runs `handler` with the session's user, or answers 401.
  httplib::Server::Handler authed(AuthedHandler handler) const;
  // The same for a read whose answer depends only on the user, the address (path and query),
  // the stored data and (uses_clock) the clock: a 200 answer is kept serialized and given again
  // while no commit has happened (and the clock's second has not moved) (answer_cache.hpp).
  httplib::Server::Handler authed_read(AuthedHandler handler, ReadClock clock) const;
  // The same for a public read (no session): one answer for everyone, by address.
  httplib::Server::Handler public_read(httplib::Server::Handler handler, ReadClock clock) const;
  // The same, then the request's JSON object (400 invalid_json answered otherwise).
  httplib::Server::Handler authed_json(JsonHandler handler) const;
  // True (and a 429 answer with Retry-After) when this client address is over its limit.
  bool rate_limited(const httplib::Request& req, httplib::Response& res, const std::string& bucket = "auth") const;
};

void install_auth_routes(RouteContext& routes);
void install_ticket_routes(RouteContext& routes);
void install_commerce_routes(RouteContext& routes);
void install_public_routes(RouteContext& routes);
void install_site_routes(RouteContext& routes);  // the plain HTML public pages
void install_admin_routes(RouteContext& routes);
void install_account_routes(RouteContext& routes);
void install_subscription_routes(RouteContext& routes);
void install_ledger_routes(RouteContext& routes);  // routes_ledger.cpp
void install_settings_routes(RouteContext& routes, Settings& settings);
void install_onboarding_routes(RouteContext& routes, OnboardingService& onboarding);
class PasswordResets;
class Outbox;
void install_mail_routes(RouteContext& routes, PasswordResets& resets, Outbox& outbox);  // routes_mail.cpp

// Form errors of the settings and onboarding endpoints: an error naming a field that would
// answer 400 answers 422 (the field and its translated text); other statuses are kept.
void send_form_error(httplib::Response& res, const Error& error);

}  // namespace tessera::server
