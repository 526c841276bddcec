// The HTTP server: cpp-httplib behind Tessera's guard (http_guard.hpp: connection caps,
// read deadlines, framing checks) with explicit limits, security headers, the CSRF header
// check, session cookies, JSON errors, the static web client, and the thin handlers of
// the /api/v1 routes (each parses, calls the Service, answers).
#pragma once
#include <httplib.h>

#include <memory>

#include "commerce.hpp"
#include "config.hpp"
#include "http_guard.hpp"
#include "http_util.hpp"
#include "members.hpp"
#include "rate_limiter.hpp"
#include "onboarding.hpp"
#include "service.hpp"
#include "scheduler.hpp"
#include "settings.hpp"
#include "sqlite_store.hpp"
#include "transparency.hpp"

namespace tessera::server {

class HttpServer {
 public:
  explicit HttpServer(Config config);
  // Bind to host:port (port 0: one the OS picks). Returns the port, or -1.
  int bind(const std::string& host, int port);
  bool listen();  // serves until stop()
  bool is_running() const { return http_.is_running(); }
  void stop();

  Service& service() { return service_; }
  Commerce& commerce() { return commerce_; }
  Settings& settings() { return settings_; }
  Scheduler& scheduler() { return scheduler_; }
  SqliteStore& store() { return store_; }
  const Config& config() const { return config_; }

 private:
  void install_routes();

  Config config_;
  SqliteStore store_;
  Service service_;
  std::unique_ptr<PayPalClient> paypal_;  // null when PayPal is not configured
  Commerce commerce_;
  Transparency transparency_;
  Members members_;
  Settings settings_;
  OnboardingService onboarding_;
  Scheduler scheduler_;
  RateLimiter auth_limiter_;
  GuardedServer http_;
  RouteContext routes_;  // the route handlers refer to it: it lives as long as the server
};


}  // namespace tessera::server
