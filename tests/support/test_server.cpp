// TestServer (see test_server.hpp).
#include "test_server.hpp"

#include <chrono>
#include <random>
#include <stdexcept>

#include "adapters/crypto.hpp"

namespace tessera::testing {

TestServer::TestServer(const std::function<void(server::Config&)>& adjust)
    : clock_(std::make_shared<std::atomic<Instant>>(kStart)) {
  server::crypto_init();
  std::random_device random;
  folder_ = std::filesystem::temp_directory_path() /
            ("tessera-test-" + std::to_string(random()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(folder_);
  server::Config config;
  config.db_path = db_path();
  config.auth_attempts_per_minute = 10'000;
  // Argon2id at libsodium's minimum cost: the same algorithm, cheap enough for many sign-ups.
  config.argon2_opslimit = 1;
  config.argon2_memlimit = 8192;
  config.clock = [clock = clock_] { return clock->load(); };
  if (adjust) adjust(config);
  server_ = std::make_unique<server::HttpServer>(config);
  port_ = server_->bind("127.0.0.1", 0);
  if (port_ <= 0) throw std::runtime_error("TestServer: cannot bind a loopback port");
  thread_ = std::thread([this] { server_->listen(); });
  // cpp-httplib ignores a stop() that comes before its loop runs: wait for the loop.
  for (int waited = 0; !server_->is_running() && waited < 5000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

server::UserRecord TestServer::create_staff(const std::string& email, const std::string& password,
                                            const std::string& name, const std::string& role,
                                            const std::string& languages) {
  const auto parsed = parse_role(role);
  if (!parsed || (*parsed != Role::operator_ && *parsed != Role::admin))
    throw std::invalid_argument("TestServer::create_staff: role must be operator or admin");
  auto created = server_->accounts().create_staff(name, email, password, *parsed, languages);
  if (!created) throw std::runtime_error("TestServer::create_staff: " + created.error().code);
  return *created;
}

}  // namespace tessera::testing
