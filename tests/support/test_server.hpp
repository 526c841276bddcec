// Test support: a real Tessera server in-process on a loopback port the OS picks, with its
// own SQLite file in a fresh temporary folder and a clock the test drives. Stopped and
// joined, and its folder removed, when the TestServer goes out of scope.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "http/server.hpp"

namespace tessera::testing {

class TestServer {
 public:
  static constexpr Instant kStart = 1'795'770'000;  // 2026-11-27T05:00:00Z

  explicit TestServer(const std::function<void(server::Config&)>& adjust = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string db_path() const { return (folder_ / "tessera.db").string(); }
  const std::filesystem::path& folder() const { return folder_; }
  server::HttpServer& server() { return *server_; }

  Instant now() const { return clock_->load(); }
  void advance_seconds(std::int64_t seconds) { clock_->fetch_add(seconds); }

  // An operator or admin ("operator" | "admin") speaking French, English and Spanish.
  server::UserRecord create_staff(const std::string& email, const std::string& password, const std::string& name,
                                  const std::string& role = "operator", const std::string& languages = "fr,en,es");

 private:
  std::filesystem::path folder_;
  std::shared_ptr<std::atomic<Instant>> clock_;
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace tessera::testing
