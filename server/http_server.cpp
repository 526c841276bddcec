// HTTP layer (see http_server.hpp).
//
// [SECTION] Helpers  [SECTION] Middleware  [SECTION] Routes
#include "http_server.hpp"

#include <charconv>
#include <cstdio>
#include <map>

#include "tessera/texts.hpp"

namespace tessera::server {

using nlohmann::json;

// [SECTION] Helpers
int http_status_for(const std::string& code) {
  static const std::map<std::string, int> statuses{
      {"unauthenticated", 401},      {"invalid_credentials", 401},  {"no_funding", 402},
      {"forbidden", 403},            {"forbidden_action", 403},     {"missing_csrf_header", 403},
      {"not_found", 404},            {"method_not_allowed", 405},   {"email_taken", 409},
      {"invalid_transition", 409},   {"work_already_logged", 409},  {"ticket_closed", 409},
      {"already_exists", 409},       {"body_too_large", 413},       {"idempotency_conflict", 422},
      {"rate_limited", 429},         {"internal", 500},
  };
  const auto found = statuses.find(code);
  return found == statuses.end() ? 400 : found->second;
}

namespace {

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& error) {
  const std::string message = format_text(tr("error." + error.code, Language::en), error.params);
  send_json(res, http_status_for(error.code), wire::error_body(error, message));
}

std::optional<json> parse_body(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    send_error(res, make_error("invalid_json"));
    return std::nullopt;
  }
  return body;
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

std::optional<Id> path_id(const httplib::Request& req) {
  const std::string text = req.matches[1];
  Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

bool is_state_changing(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

// [SECTION] Middleware
HttpServer::HttpServer(Config config)
    : config_(std::move(config)),
      store_(config_.db_path),
      service_(store_, config_),
      auth_limiter_(config_.auth_attempts_per_minute) {
  http_.new_task_queue = [] { return new httplib::ThreadPool(8); };
  http_.set_payload_max_length(config_.max_body_bytes);
  http_.set_read_timeout(config_.io_timeout_seconds, 0);
  http_.set_write_timeout(config_.io_timeout_seconds, 0);
  http_.set_keep_alive_timeout(5);
  http_.set_keep_alive_max_count(1000);

  http_.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 && is_state_changing(req.method) &&
        req.get_header_value(std::string(wire::kCsrfHeader)) != "1") {
      send_error(res, make_error("missing_csrf_header"));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
  });
  http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) send_error(res, make_error("body_too_large"));
    else if (res.status == 404) send_error(res, make_error("not_found"));
    else if (res.status == 405) send_error(res, make_error("method_not_allowed"));
    else if (res.status >= 500) send_error(res, make_error("internal"));
    else {
      const int status = res.status;
      send_error(res, make_error("invalid_value"));
      res.status = status;
    }
    (void)req;
  });
  http_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "tessera: %s %s failed: %s\n", req.method.c_str(), req.path.c_str(), error.what());
    } catch (...) {
      std::fprintf(stderr, "tessera: %s %s failed\n", req.method.c_str(), req.path.c_str());
    }
    send_error(res, make_error("internal"));
  });

  for (const auto& [extension, type] : std::map<std::string, std::string>{
           {"wasm", "application/wasm"}, {"js", "text/javascript"}, {"html", "text/html; charset=utf-8"},
           {"json", "application/json"}, {"webmanifest", "application/manifest+json"}, {"ttf", "font/ttf"},
           {"svg", "image/svg+xml"}, {"png", "image/png"}})
    http_.set_file_extension_and_mimetype_mapping(extension, type);
  if (!config_.web_root.empty()) http_.set_mount_point("/", config_.web_root);
  install_routes();
}

int HttpServer::bind(const std::string& host, int port) {
  if (port == 0) return http_.bind_to_any_port(host);
  return http_.bind_to_port(host, port) ? port : -1;
}

bool HttpServer::listen() { return http_.listen_after_bind(); }
void HttpServer::stop() { http_.stop(); }

// [SECTION] Routes
void HttpServer::install_routes() {
  const std::string api(wire::kApiPrefix);

  // Runs `handler` with the session's user, or answers 401.
  auto authed = [this](auto handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      const auto user = service_.authenticate(session_token(req));
      if (!user) return send_error(res, make_error("unauthenticated"));
      handler(req, res, *user);
    };
  };
  auto rate_limited = [this](const httplib::Request& req, httplib::Response& res) {
    const auto wait = auth_limiter_.retry_after("auth", req.remote_addr, service_.now());
    if (wait == 0) return false;
    Error error = make_error("rate_limited");
    error.params["seconds"] = std::to_string(wait);
    send_error(res, error);
    res.set_header("Retry-After", std::to_string(wait));
    return true;
  };
  auto start_session = [this](httplib::Response& res, const Result<SessionStart>& started, int status) {
    if (!started) return send_error(res, started.error());
    res.set_header("Set-Cookie",
                   session_cookie(started->token, config_.session_absolute_seconds, config_.cookie_secure));
    send_json(res, status, started->me);
  };
  auto answer_detail = [](httplib::Response& res, const Result<wire::TicketDetail>& detail, int status) {
    if (!detail) return send_error(res, detail.error());
    send_json(res, status, *detail);
  };

  http_.Get(api + "/health", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, json{{"status", "ok"}, {"version", "0.1.0"}});
  });

  http_.Post(api + "/auth/signup", [=, this](const httplib::Request& req, httplib::Response& res) {
    if (rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_signup(*body);
    if (!request) return send_error(res, request.error());
    start_session(res, service_.signup(*request), 201);
  });

  http_.Post(api + "/auth/login", [=, this](const httplib::Request& req, httplib::Response& res) {
    if (rate_limited(req, res)) return;
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto request = wire::parse_login(*body);
    if (!request) return send_error(res, request.error());
    start_session(res, service_.login(*request), 200);
  });

  http_.Post(api + "/auth/logout", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string token = session_token(req);
    if (!token.empty()) service_.logout(token);
    res.set_header("Set-Cookie", session_cookie("", 0, config_.cookie_secure));
    res.status = 204;
  });

  http_.Get(api + "/me", authed([this](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
              send_json(res, 200, service_.me(user));
            }));

  http_.Post(api + "/tickets",
             authed([this](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
               const auto body = parse_body(req, res);
               if (!body) return;
               const auto draft = wire::parse_ticket_draft(*body);
               if (!draft) return send_error(res, draft.error());
               const auto created =
                   service_.create_ticket(user, *draft, req.get_header_value(std::string(wire::kIdempotencyHeader)));
               if (!created) return send_error(res, created.error());
               send_json(res, created->replayed ? 200 : 201, created->detail);
             }));

  http_.Get(api + "/tickets", authed([this](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
              send_json(res, 200, json{{"tickets", service_.list_tickets(user)}});
            }));

  http_.Get(api + R"(/tickets/(\d+))",
            authed([=, this](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
              const auto id = path_id(req);
              if (!id) return send_error(res, make_error("not_found"));
              answer_detail(res, service_.ticket_detail(user, *id), 200);
            }));

  http_.Post(api + R"(/tickets/(\d+)/messages)",
             authed([=, this](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
               const auto id = path_id(req);
               if (!id) return send_error(res, make_error("not_found"));
               const auto body = parse_body(req, res);
               if (!body) return;
               const auto draft = wire::parse_message_draft(*body);
               if (!draft) return send_error(res, draft.error());
               answer_detail(res, service_.add_message(user, *id, *draft), 201);
             }));

  http_.Post(api + R"(/tickets/(\d+)/actions)",
             authed([=, this](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
               const auto id = path_id(req);
               if (!id) return send_error(res, make_error("not_found"));
               const auto body = parse_body(req, res);
               if (!body) return;
               const auto action_field = body->find("action");
               if (action_field == body->end() || !action_field->is_string())
                 return send_error(res, make_error("required", "action"));
               const auto action = parse_ticket_action(action_field->get<std::string>());
               // System transitions are not for clients to request.
               if (!action || *action == TicketAction::auto_close || *action == TicketAction::funding_exhausted ||
                   *action == TicketAction::funding_restored || *action == TicketAction::subscription_ended ||
                   *action == TicketAction::customer_replied)
                 return send_error(res, make_error("invalid_value", "action"));
               answer_detail(res, service_.apply_action(user, *id, *action), 200);
             }));

  http_.Post(api + R"(/tickets/(\d+)/time)",
             authed([=, this](const httplib::Request& req, httplib::Response& res, const UserRecord& user) {
               const auto id = path_id(req);
               if (!id) return send_error(res, make_error("not_found"));
               const auto body = parse_body(req, res);
               if (!body) return;
               const auto draft = wire::parse_time_entry_draft(*body);
               if (!draft) return send_error(res, draft.error());
               answer_detail(res, service_.log_time(user, *id, *draft), 201);
             }));

  http_.Get(api + "/queue", authed([this](const httplib::Request&, httplib::Response& res, const UserRecord& user) {
              const auto queue = service_.queue(user);
              if (!queue) return send_error(res, queue.error());
              send_json(res, 200, json{{"tickets", *queue}});
            }));
}

}  // namespace tessera::server
