// Helpers of the server tests: a running server, and the common steps of a journey.
#pragma once
#include <boost/test/unit_test.hpp>

#include "http_client.hpp"
#include "test_server.hpp"

namespace tessera::testing {

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
