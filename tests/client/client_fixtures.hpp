// Helpers of the client tests against a real server: customers and staff made through the
// API (tests/support's ApiClient), and logging a FrameDriver in through its log-in screen.
#pragma once
#include <boost/test/unit_test.hpp>

#include "frame_driver.hpp"
#include "http_client.hpp"
#include "net/api_httplib.hpp"
#include "test_server.hpp"

namespace tessera::client::testing {

inline constexpr const char* kPassword = "correct horse battery";

inline tessera::testing::ApiClient api_customer(tessera::testing::TestServer& server, const std::string& email,
                                                const std::string& language = "en") {
  tessera::testing::ApiClient api(server.port());
  const auto answer = api.post("/api/v1/auth/signup", {{"name", "Zoé Martín"}, {"email", email},
                                                       {"password", kPassword}, {"language", language}});
  BOOST_TEST_REQUIRE(answer.status == 201);
  return api;
}

inline tessera::testing::ApiClient api_staff(tessera::testing::TestServer& server, const std::string& email) {
  server.create_staff(email, "operator password", "Olga", "operator");
  tessera::testing::ApiClient api(server.port());
  BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "operator password"}}).status == 200);
  return api;
}

inline Id api_ticket(tessera::testing::ApiClient& api, const std::string& subject, const std::string& key) {
  const auto answer = api.post("/api/v1/tickets",
                               {{"subject", subject}, {"description", "It stopped this morning."},
                                {"category", "hardware"}, {"criticality", "high"}, {"language", "en"}},
                               {{"Idempotency-Key", key}});
  BOOST_TEST_REQUIRE(answer.status == 201);
  return answer.body["ticket"]["id"].get<Id>();
}

// From any visitor screen: the log-in screen, the form, and the screen it lands on.
inline void log_in(FrameDriver& driver, const std::string& email, const std::string& password = kPassword) {
  driver.settle();
  if (driver.app().screen() != "login") {
    driver.app().navigate("/login");
    driver.step(2);
  }
  BOOST_REQUIRE(driver.type("login.email", email));
  BOOST_REQUIRE(driver.type("login.password", password));
  BOOST_REQUIRE(driver.click("login.submit"));
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().signed_in() && !driver.app().busy(); }));
  driver.step(2);
}

// From the home screen: "Try 15 minutes free", the sign-up form filled in and sent.
inline void fill_sign_up(FrameDriver& driver, const std::string& name, const std::string& email,
                         const std::string& password) {
  BOOST_REQUIRE(driver.click("home.try_free"));
  BOOST_REQUIRE(driver.app().screen() == "signup");
  BOOST_REQUIRE(driver.type("signup.name", name));
  BOOST_REQUIRE(driver.type("signup.email", email));
  BOOST_REQUIRE(driver.type("signup.password", password));
  BOOST_REQUIRE(driver.click("signup.submit"));
}

// Opens `address` as a link would, and waits for its answers to be drawn.
inline void go(FrameDriver& driver, const std::string& address) {
  driver.app().navigate(address);
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
}

// Every text the frames drew was found in the tables, in the driver's language.
inline void no_missing_texts(FrameDriver& driver) {
  const auto missing = driver.state()["missing_texts"];
  BOOST_TEST(missing.empty(), "missing texts: " << missing.dump());
}

}  // namespace tessera::client::testing
