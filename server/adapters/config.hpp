// The server's configuration: defaults, then a TOML file, then TESSERA_* environment
// variables, then command-line flags (each overriding the one before). The clock is part
// of it so tests can drive time.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "adapters/paypal_client.hpp"
#include "adapters/smtp_sender.hpp"
#include "tessera/result.hpp"
#include "tessera/trial.hpp"
#include "tessera/units.hpp"

namespace tessera::server {

struct Config {
  std::string db_path = "data/tessera.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root;         // the built web client; empty = API only
  bool cookie_secure = false;   // set true behind a TLS reverse proxy
  std::size_t max_body_bytes = 64 * 1024;
  int io_timeout_seconds = 10;
  // Connections (server/http_guard.hpp): at most max_connections at once, at most
  // max_connections_per_address from one peer (trusted proxies exempt), a request's headers
  // within header_deadline_seconds of its first byte, its body within body_deadline_seconds.
  std::size_t max_connections = 1000;
  std::size_t max_connections_per_address = 128;
  // Live event streams (GET /api/v1/events, docs/operations.md "Live streams"): at most
  // max_streams open at once, beside max_connections (a stream does not count against it, so
  // ordinary requests are still admitted while every stream is held); 4 per user, always.
  std::size_t max_streams = 1000;
  int header_deadline_seconds = 10;
  int body_deadline_seconds = 60;
  // The read answers kept serialized while unchanged (http/answer_cache.hpp), in MiB; 0: off.
  std::size_t answer_cache_mib = 64;
  int auth_attempts_per_minute = 10;  // log-in and sign-up, per client address
  // Reverse proxies whose X-Forwarded-For is believed (their address as the peer's): the
  // rate limits then count the client's address, not the proxy's. Empty: the header is ignored.
  std::vector<std::string> trusted_proxies;
  std::int64_t session_idle_seconds = 7 * kSecondsPerDay;
  std::int64_t session_absolute_seconds = 30 * kSecondsPerDay;
  // Argon2id cost (libsodium). Defaults are libsodium's "interactive" limits.
  unsigned long long argon2_opslimit = 2;
  std::size_t argon2_memlimit = 64 * 1024 * 1024;
  TrialRules trial;
  // PayPal (SPEC §1.6): enabled when base_url and client_id are set. return_url and
  // cancel_url default to public_url + "/#paypal-return" / "#paypal-cancel".
  PayPalConfig paypal;
  // Outgoing mail (docs/operations.md "Mail (SMTP)"): off while smtp.host is empty.
  SmtpConfig smtp;
  std::string public_url = "http://127.0.0.1:8080";
  std::string product_name = "Tessera";  // the business's name in mails (product_name, TESSERA_PRODUCT_NAME)
  std::function<Instant()> clock;  // defaults to the system clock
};

Instant system_now();

// Apply `key = value` settings from a TOML-like file (flat keys; strings in quotes).
Result<bool> load_config_file(const std::string& path, Config& config);
// Apply TESSERA_DB, TESSERA_HOST, TESSERA_PORT, TESSERA_WEB_ROOT, TESSERA_COOKIE_SECURE,
// TESSERA_PUBLIC_URL, TESSERA_AUTH_ATTEMPTS_PER_MINUTE, TESSERA_MAX_CONNECTIONS,
// TESSERA_MAX_CONNECTIONS_PER_ADDRESS, TESSERA_MAX_STREAMS, TESSERA_ANSWER_CACHE_MIB, TESSERA_TRUSTED_PROXIES (comma-separated), TESSERA_PAYPAL_*,
// TESSERA_SMTP_HOST, TESSERA_SMTP_PORT, TESSERA_SMTP_SECURITY, TESSERA_SMTP_USERNAME, TESSERA_SMTP_PASSWORD, TESSERA_MAIL_FROM.
void load_config_env(Config& config);

}  // namespace tessera::server
