// Configuration loading: TOML file (toml++), environment variables (see config.hpp).
#include "adapters/config.hpp"

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <toml++/toml.h>

namespace tessera::server {

Instant system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<bool> load_config_file(const std::string& path, Config& config) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    Error failure = make_error("invalid_config");
    failure.params["reason"] = std::string(error.description());
    return failure;
  }
  config.db_path = table["db_path"].value_or(config.db_path);
  config.host = table["host"].value_or(config.host);
  config.port = table["port"].value_or(config.port);
  config.web_root = table["web_root"].value_or(config.web_root);
  config.cookie_secure = table["cookie_secure"].value_or(config.cookie_secure);
  config.auth_attempts_per_minute = table["auth_attempts_per_minute"].value_or(config.auth_attempts_per_minute);
  config.max_connections = table["max_connections"].value_or(config.max_connections);
  config.max_connections_per_address = table["max_connections_per_address"].value_or(config.max_connections_per_address);
  config.max_streams = table["max_streams"].value_or(config.max_streams);
  if (const auto mib = table["answer_cache_mib"].value<std::int64_t>(); mib && *mib >= 0)
    config.answer_cache_mib = static_cast<std::size_t>(*mib);
  config.header_deadline_seconds = table["header_deadline_seconds"].value_or(config.header_deadline_seconds);
  config.body_deadline_seconds = table["body_deadline_seconds"].value_or(config.body_deadline_seconds);
  config.trial.minutes = table["trial_minutes"].value_or(config.trial.minutes);
  config.trial.validity_days = table["trial_validity_days"].value_or(config.trial.validity_days);
  config.public_url = table["public_url"].value_or(config.public_url);
  config.product_name = table["product_name"].value_or(config.product_name);
  if (const auto* proxies = table["trusted_proxies"].as_array()) {
    config.trusted_proxies.clear();
    for (const auto& proxy : *proxies)
      if (const auto address = proxy.value<std::string>()) config.trusted_proxies.push_back(*address);
  }
  config.paypal.base_url = table["paypal"]["base_url"].value_or(config.paypal.base_url);
  config.paypal.client_id = table["paypal"]["client_id"].value_or(config.paypal.client_id);
  config.paypal.client_secret = table["paypal"]["client_secret"].value_or(config.paypal.client_secret);
  config.paypal.webhook_id = table["paypal"]["webhook_id"].value_or(config.paypal.webhook_id);
  config.smtp.host = table["smtp_host"].value_or(config.smtp.host);
  config.smtp.port = table["smtp_port"].value_or(config.smtp.port);
  config.smtp.security = table["smtp_security"].value_or(config.smtp.security);
  config.smtp.username = table["smtp_username"].value_or(config.smtp.username);
  config.smtp.password = table["smtp_password"].value_or(config.smtp.password);
  config.smtp.from = table["mail_from"].value_or(config.smtp.from);
  config.smtp.timeout_seconds = table["smtp_timeout_seconds"].value_or(config.smtp.timeout_seconds);
  return true;
}

void load_config_env(Config& config) {
  if (const char* value = std::getenv("TESSERA_DB")) config.db_path = value;
  if (const char* value = std::getenv("TESSERA_HOST")) config.host = value;
  if (const char* value = std::getenv("TESSERA_PORT")) config.port = std::atoi(value);
  if (const char* value = std::getenv("TESSERA_WEB_ROOT")) config.web_root = value;
  if (const char* value = std::getenv("TESSERA_COOKIE_SECURE")) config.cookie_secure = std::string(value) == "1";
  if (const char* value = std::getenv("TESSERA_PUBLIC_URL")) config.public_url = value;
  if (const char* value = std::getenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE")) {
    const int attempts = std::atoi(value);
    if (attempts > 0) config.auth_attempts_per_minute = attempts;  // 0 or junk: the default stays
  }
  // 0 or junk: the default stays.
  const auto positive = [](const char* value, std::size_t& setting) {
    const long number = std::atol(value);
    if (number > 0) setting = static_cast<std::size_t>(number);
  };
  if (const char* value = std::getenv("TESSERA_MAX_CONNECTIONS")) positive(value, config.max_connections);
  if (const char* value = std::getenv("TESSERA_MAX_CONNECTIONS_PER_ADDRESS"))
    positive(value, config.max_connections_per_address);
  if (const char* value = std::getenv("TESSERA_MAX_STREAMS")) positive(value, config.max_streams);
  if (const char* value = std::getenv("TESSERA_ANSWER_CACHE_MIB")) {
    const std::string text = value;
    if (!text.empty() && text.size() < 7 && text.find_first_not_of("0123456789") == std::string::npos)
      config.answer_cache_mib = std::stoul(text);  // 0 turns it off; junk: the default stays
  }
  if (const char* value = std::getenv("TESSERA_TRUSTED_PROXIES")) {
    config.trusted_proxies.clear();
    std::stringstream list(value);
    for (std::string address; std::getline(list, address, ',');)
      if (!address.empty()) config.trusted_proxies.push_back(address);
  }
  if (const char* value = std::getenv("TESSERA_PAYPAL_BASE_URL")) config.paypal.base_url = value;
  if (const char* value = std::getenv("TESSERA_PAYPAL_CLIENT_ID")) config.paypal.client_id = value;
  if (const char* value = std::getenv("TESSERA_PAYPAL_CLIENT_SECRET")) config.paypal.client_secret = value;
  if (const char* value = std::getenv("TESSERA_PAYPAL_WEBHOOK_ID")) config.paypal.webhook_id = value;
  if (const char* value = std::getenv("TESSERA_SMTP_HOST")) config.smtp.host = value;
  if (const char* value = std::getenv("TESSERA_SMTP_PORT")) {
    const int port = std::atoi(value);
    if (port > 0) config.smtp.port = port;  // 0 or junk: the default stays
  }
  if (const char* value = std::getenv("TESSERA_SMTP_SECURITY")) config.smtp.security = value;
  if (const char* value = std::getenv("TESSERA_SMTP_USERNAME")) config.smtp.username = value;
  if (const char* value = std::getenv("TESSERA_SMTP_PASSWORD")) config.smtp.password = value;
  if (const char* value = std::getenv("TESSERA_MAIL_FROM")) config.smtp.from = value;
  if (const char* value = std::getenv("TESSERA_PRODUCT_NAME")) config.product_name = value;
}

}  // namespace tessera::server
