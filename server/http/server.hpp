// The HTTP server: cpp-httplib behind Tessera's guard (http_guard.hpp: connection caps,
// read deadlines, framing checks) with explicit limits, security headers, the CSRF header
// check, session cookies, JSON errors, the static web client, and the thin handlers of
// the /api/v1 routes (each parses, calls a use case, answers).
#pragma once
#include <httplib.h>

#include <memory>

#include "app/commerce.hpp"
#include "adapters/config.hpp"
#include "http/guard.hpp"
#include "http/util.hpp"
#include "app/mail_worker.hpp"
#include "app/members.hpp"
#include "app/outbox.hpp"
#include "app/password_resets.hpp"
#include "http/rate_limiter.hpp"
#include "app/onboarding.hpp"
#include "app/accounts.hpp"
#include "app/context.hpp"
#include "app/tickets.hpp"
#include "app/scheduler.hpp"
#include "app/settings.hpp"
#include "store/sqlite_store.hpp"
#include "app/transparency.hpp"

namespace tessera::server {

class HttpServer {
 public:
  explicit HttpServer(Config config);
  // Bind to host:port (port 0: one the OS picks). Returns the port, or -1.
  int bind(const std::string& host, int port);
  bool listen();  // serves until stop()
  bool is_running() const { return http_.is_running(); }
  void stop();

  Context& context() { return context_; }
  Accounts& accounts() { return accounts_; }
  Tickets& tickets() { return tickets_; }
  Commerce& commerce() { return commerce_; }
  Settings& settings() { return settings_; }
  Scheduler& scheduler() { return scheduler_; }
  MailWorker& mail_worker() { return mail_worker_; }
  PasswordResets& password_resets() { return password_resets_; }
  SqliteStore& store() { return store_; }
  const GuardedServer& guard() const { return http_; }  // its connection and stream counts
  const Config& config() const { return config_; }

 private:
  void install_routes();

  Config config_;
  SqliteStore store_;
  Context context_;
  Accounts accounts_;
  Tickets tickets_;
  std::unique_ptr<PayPalClient> paypal_;  // null when PayPal is not configured
  Commerce commerce_;
  Transparency transparency_;
  Members members_;
  Settings settings_;
  OnboardingService onboarding_;
  Scheduler scheduler_;
  std::unique_ptr<SmtpSender> smtp_;  // null when mail is off (no smtp_host)
  MailWorker mail_worker_;
  PasswordResets password_resets_;
  Outbox outbox_;
  RateLimiter auth_limiter_;
  GuardedServer http_;
  AnswerCache answers_;
  RouteContext routes_;  // the route handlers refer to it: it lives as long as the server
};


}  // namespace tessera::server
