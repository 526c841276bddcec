// HTTP layer (see http_server.hpp). The web client's files: http/static_files.cpp.
//
// [SECTION] Middleware  [SECTION] Routes (the handlers live in routes_*.cpp)
#include "http/server.hpp"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <regex>

#include "tessera/attachments.hpp"

#include "http/static_files.hpp"
#include "http/util.hpp"

namespace tessera::server {

using nlohmann::json;

// [SECTION] Middleware
namespace {
std::unique_ptr<PayPalClient> make_paypal(Config& config) {
  if (config.paypal.base_url.empty() || config.paypal.client_id.empty()) return nullptr;
  if (config.paypal.return_url.empty()) config.paypal.return_url = config.public_url + "/#paypal-return";
  if (config.paypal.cancel_url.empty()) config.paypal.cancel_url = config.public_url + "/#paypal-cancel";
  return std::make_unique<PayPalClient>(config.paypal);
}

std::unique_ptr<SmtpSender> make_smtp(const Config& config) {
  if (!config.smtp.enabled()) return nullptr;
  return std::make_unique<SmtpSender>(config.smtp);
}

GuardLimits guard_limits(const Config& config) {
  GuardLimits limits;
  limits.max_connections = config.max_connections;
  limits.max_connections_per_address = config.max_connections_per_address;
  limits.max_streams = config.max_streams;
  limits.header_deadline_seconds = config.header_deadline_seconds;
  limits.body_deadline_seconds = config.body_deadline_seconds;
  return limits;
}

// A refusal before the body is read: the connection closes after the answer, so a body
// the client still sends is never read as the next request.
httplib::Server::HandlerResponse refuse_unread(httplib::Response& res, const Error& error, std::size_t body_bytes) {
  send_error(res, error);
  GuardedServer::close_after_answer(res, body_bytes);
  return httplib::Server::HandlerResponse::Handled;
}

bool is_state_changing(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}
}  // namespace

HttpServer::HttpServer(Config config)
    : config_(std::move(config)),
      store_(config_.db_path),
      context_(store_, config_),
      accounts_(context_),
      tickets_(context_),
      paypal_(make_paypal(config_)),
      commerce_(store_, context_, paypal_.get()),
      transparency_(store_, context_),
      members_(store_, context_, config_),
      settings_(store_, context_, config_),
      onboarding_(store_, context_),
      scheduler_(store_, context_, commerce_),
      smtp_(make_smtp(config_)),
      mail_worker_(context_, smtp_.get()),
      password_resets_(context_),
      outbox_(context_, mail_worker_),
      auth_limiter_(config_.auth_attempts_per_minute),
      http_(guard_limits(config_), config_.trusted_proxies),
      answers_(config_.answer_cache_mib * 1024 * 1024),
      routes_{http_, context_, accounts_, tickets_, commerce_, transparency_, members_, config_, auth_limiter_, std::string(wire::kApiPrefix), &answers_} {
  // A transaction that wrote mail wakes the worker once it has committed.
  store_.set_mail_listener([this] { mail_worker_.wake(); });
  // A connection holds a thread of its own while it lives (GuardedServer: at most
  // config.max_connections, started on demand), and so does each event stream, counted apart
  // (at most config.max_streams, docs/operations.md "Live streams").
  // Attachments are the only large bodies; every other request is held to max_body_bytes
  // before its body is read (the pre-routing handler below).
  http_.set_payload_max_length(static_cast<std::size_t>(kMaxAttachmentBytes) + 1);
  http_.set_read_timeout(config_.io_timeout_seconds, 0);
  http_.set_write_timeout(config_.io_timeout_seconds, 0);
  http_.set_keep_alive_timeout(5);
  http_.set_keep_alive_max_count(100000);
  // Without TCP_NODELAY an answer written in two pieces (headers, body) waits for the
  // client's delayed ACK: 40 ms per request on Linux. Accepted sockets inherit it.
  http_.set_tcp_nodelay(true);
  // The listen backlog (1024, not the library's 5) is a compile-time setting of cpp-httplib
  // (cmake/Dependencies.cmake), as are the header line and count limits and the range count.

  // Every request passes here after its headers and before its body is read, and before
  // any authentication work: framing, header size and body size are judged first.
  http_.set_pre_routing_handler([webhook = routes_.api + "/paypal/webhook", max_body = config_.max_body_bytes,
                                  max_header_bytes = http_.limits().max_header_bytes,
                                  upload = std::regex(routes_.api + R"(/tickets/\d+/attachments)")](
                                     const httplib::Request& req, httplib::Response& res) {
    const std::size_t body_bytes = declared_body_length(req);
    if (const auto refusal = check_framing(req, max_header_bytes))
      return refuse_unread(res, make_error(refusal->code), body_bytes);
    // Attachments are the only large bodies (the library refuses past 5 MiB before reading);
    // every other request is held to max_body_bytes, so nothing large is ever read.
    if (body_bytes > max_body && !(req.method == "POST" && std::regex_match(req.path, upload)))
      return refuse_unread(res, make_error("body_too_large"), body_bytes);
    if (body_bytes > static_cast<std::size_t>(kMaxAttachmentBytes))
      return refuse_unread(res, make_error("body_too_large"), body_bytes);
    GuardedServer::headers_read(body_bytes);
    // PayPal's webhook cannot send the header; it is verified through PayPal instead.
    if (req.path.rfind("/api/", 0) == 0 && is_state_changing(req.method) && req.path != webhook &&
        req.get_header_value(std::string(wire::kCsrfHeader)) != "1")
      return refuse_unread(res, make_error("missing_csrf_header"), body_bytes);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    // The client is same-origin scripts and WebAssembly ('wasm-unsafe-eval' lets the page
    // compile app.wasm; no eval of JavaScript); inline styles only in the page shell.
    if (!res.has_header("Content-Security-Policy"))  // downloads set a stricter one (sandbox)
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                     "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                     "frame-ancestors 'none'; form-action 'self'");
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

  install_routes();
}

int HttpServer::bind(const std::string& host, int port) {
  return port == 0 ? http_.bind_to_any_port(host) : (http_.bind_to_port(host, port) ? port : -1);
}

bool HttpServer::listen() { return http_.listen_after_bind(); }
void HttpServer::stop() {
  scheduler_.stop();
  mail_worker_.stop();
  context_.events().close_all();  // streams end, their threads return
  http_.stop();
}

// [SECTION] Routes
void HttpServer::install_routes() {
  http_.Get(routes_.api + "/health", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, json{{"status", "ok"}, {"version", "0.1.0"}});
  });
  install_auth_routes(routes_);
  install_ticket_routes(routes_);
  install_commerce_routes(routes_);
  install_public_routes(routes_);
  install_site_routes(routes_);
  install_admin_routes(routes_);
  install_account_routes(routes_);
  install_subscription_routes(routes_);
  install_ledger_routes(routes_);
  install_settings_routes(routes_, settings_);
  install_onboarding_routes(routes_, onboarding_);
  install_mail_routes(routes_, password_resets_, outbox_);
  // Last: every GET that no route took is a file of the web client (read once now, served
  // from memory: http/static_files.hpp), or 404.
  auto files = std::make_shared<const StaticFiles>(StaticFiles::load(config_.web_root));
  if (!config_.web_root.empty() && !files->has("/index.html"))
    std::fprintf(stderr, "tessera: no index.html in the web root %s: the web client is not served\n",
                 config_.web_root.c_str());
  http_.Get(R"(/.*)", [files](const httplib::Request& req, httplib::Response& res) {
    if (!files->serve(req, res)) res.status = 404;
  });
}

}  // namespace tessera::server
