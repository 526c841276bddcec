// Helpers of the server tests: a running server, and the common steps of a journey.
#pragma once
#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include <chrono>
#include <future>
#include <string>

#include "http_client.hpp"
#include "test_server.hpp"

namespace tessera::testing {

// Reads the event stream (GET /api/v1/events with the session `cookie`) until `wanted`
// appears in it or `seconds` pass; the future holds what was read.
inline std::future<std::string> listen(int port, const std::string& cookie, std::string wanted, int seconds) {
  return std::async(std::launch::async, [=] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(seconds, 0);
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    client.Get("/api/v1/events", httplib::Headers{{"Cookie", cookie}}, [&](const char* data, std::size_t size) {
      received.append(data, size);
      return received.find(wanted) == std::string::npos && std::chrono::steady_clock::now() < deadline;
    });
    return received;
  });
}


inline nlohmann::json signup_body(const std::string& email, const std::string& name = "Ana Customer",
                                  const std::string& language = "en") {
  return {{"name", name}, {"email", email}, {"password", "correct horse battery"}, {"language", language}};
}

inline nlohmann::json ticket_body(const std::string& subject = "The printer jams") {
  return {{"subject", subject},      {"description", "Every second page is stuck."},
          {"category", "hardware"},  {"criticality", "high"},
          {"language", "en"}};
}

struct ServerFixture {
  TestServer server;

  ApiClient new_client() { return ApiClient(server.port()); }

  // A signed-up customer's client (with its session cookie).
  ApiClient customer(const std::string& email) {
    ApiClient api = new_client();
    const auto response = api.post("/api/v1/auth/signup", signup_body(email));
    BOOST_TEST_REQUIRE(response.status == 201);
    return api;
  }

  ApiClient staff(const std::string& email, const std::string& role = "operator") {
    server.create_staff(email, "operator password", "Olga Operator", role);
    ApiClient api = new_client();
    const auto response = api.post("/api/v1/auth/login", {{"email", email}, {"password", "operator password"}});
    BOOST_TEST_REQUIRE(response.status == 200);
    return api;
  }

  Id open_ticket(ApiClient& api, const std::string& key = "key-1", const std::string& subject = "The printer jams") {
    const auto response = api.post("/api/v1/tickets", ticket_body(subject), {{"Idempotency-Key", key}});
    BOOST_TEST_REQUIRE(response.status == 201);
    return response.body["ticket"]["id"].get<Id>();
  }
};

}  // namespace tessera::testing
