// The configuration's file and environment layers: TOML keys and TESSERA_* variables override
// the defaults, and a number variable that is not a positive number leaves the default in place.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "adapters/config.hpp"

using namespace tessera::server;

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(auth_attempts_per_minute_comes_from_the_environment_when_it_is_a_positive_number) {
  Config config;
  BOOST_TEST(config.auth_attempts_per_minute == 10);
  ::setenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE", "250", 1);
  load_config_env(config);
  BOOST_TEST(config.auth_attempts_per_minute == 250);
  for (const char* junk : {"0", "-3", "many"}) {
    Config fresh;
    ::setenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE", junk, 1);
    load_config_env(fresh);
    BOOST_TEST(fresh.auth_attempts_per_minute == 10, junk);
  }
  ::unsetenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE");
}

BOOST_AUTO_TEST_CASE(stream_and_connection_caps_come_from_the_toml_file_and_the_environment) {
  Config config;
  BOOST_TEST(config.max_streams == 1000u);
  BOOST_TEST(config.max_connections == 1000u);
  const auto path = std::filesystem::temp_directory_path() / ("tessera-caps-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << "max_streams = 3000\nmax_connections = 500\n";
  BOOST_TEST_REQUIRE(load_config_file(path.string(), config).ok());
  std::filesystem::remove(path);
  BOOST_TEST(config.max_streams == 3000u);
  BOOST_TEST(config.max_connections == 500u);
  ::setenv("TESSERA_MAX_STREAMS", "1200", 1);
  ::setenv("TESSERA_MAX_CONNECTIONS", "700", 1);
  load_config_env(config);
  BOOST_TEST(config.max_streams == 1200u);
  BOOST_TEST(config.max_connections == 700u);
  for (const char* junk : {"0", "-3", "many"}) {
    Config fresh;
    ::setenv("TESSERA_MAX_STREAMS", junk, 1);
    ::setenv("TESSERA_MAX_CONNECTIONS", junk, 1);
    load_config_env(fresh);
    BOOST_TEST(fresh.max_streams == 1000u, junk);
    BOOST_TEST(fresh.max_connections == 1000u, junk);
  }
  ::unsetenv("TESSERA_MAX_STREAMS");
  ::unsetenv("TESSERA_MAX_CONNECTIONS");
}

BOOST_AUTO_TEST_CASE(smtp_is_off_by_default_and_its_keys_come_from_the_toml_file) {
  Config config;
  BOOST_TEST(!config.smtp.enabled());
  BOOST_TEST(config.smtp.port == 587);
  BOOST_TEST(config.smtp.security == "starttls");
  const auto path = std::filesystem::temp_directory_path() / ("tessera-smtp-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream file(path);
    file << "smtp_host = \"smtp-relay.brevo.com\"\nsmtp_port = 465\nsmtp_security = \"tls\"\n"
            "smtp_username = \"mailer@example.com\"\nsmtp_password = \"key-123\"\n"
            "mail_from = \"Support <support@example.com>\"\nsmtp_timeout_seconds = 30\n";
  }
  const auto loaded = load_config_file(path.string(), config);
  std::filesystem::remove(path);
  BOOST_REQUIRE(loaded.ok());
  BOOST_TEST(config.smtp.enabled());
  BOOST_TEST(config.smtp.host == "smtp-relay.brevo.com");
  BOOST_TEST(config.smtp.port == 465);
  BOOST_TEST(config.smtp.security == "tls");
  BOOST_TEST(config.smtp.username == "mailer@example.com");
  BOOST_TEST(config.smtp.password == "key-123");
  BOOST_TEST(config.smtp.from == "Support <support@example.com>");
  BOOST_TEST(config.smtp.timeout_seconds == 30);
}

BOOST_AUTO_TEST_CASE(smtp_settings_come_from_the_environment_and_a_junk_port_leaves_the_default) {
  const std::pair<const char*, const char*> variables[] = {
      {"TESSERA_SMTP_HOST", "smtp.gmail.com"}, {"TESSERA_SMTP_PORT", "2525"},
      {"TESSERA_SMTP_SECURITY", "none"},       {"TESSERA_SMTP_USERNAME", "me@gmail.com"},
      {"TESSERA_SMTP_PASSWORD", "app password"}, {"TESSERA_MAIL_FROM", "Tessera <me@gmail.com>"},
  };
  for (const auto& [name, value] : variables) ::setenv(name, value, 1);
  Config config;
  load_config_env(config);
  BOOST_TEST(config.smtp.host == "smtp.gmail.com");
  BOOST_TEST(config.smtp.port == 2525);
  BOOST_TEST(config.smtp.security == "none");
  BOOST_TEST(config.smtp.username == "me@gmail.com");
  BOOST_TEST(config.smtp.password == "app password");
  BOOST_TEST(config.smtp.from == "Tessera <me@gmail.com>");
  for (const char* junk : {"0", "-25", "smtp"}) {
    Config fresh;
    ::setenv("TESSERA_SMTP_PORT", junk, 1);
    load_config_env(fresh);
    BOOST_TEST(fresh.smtp.port == 587, junk);
  }
  for (const auto& [name, value] : variables) ::unsetenv(name);
}

BOOST_AUTO_TEST_SUITE_END()
