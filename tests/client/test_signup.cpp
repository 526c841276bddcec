// Client screens, headless against a real server: the home screen and its language switch,
// sign-up (success with the 15-minute trial, a translated field error, a taken email) and
// log-in with a wrong password.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "net/api_httplib.hpp"
#include "tessera/texts.hpp"
#include "test_server.hpp"

using tessera::Language;
using tessera::tr;
using tessera::client::make_httplib_api;
using namespace tessera::client::testing;
using tessera::testing::TestServer;

namespace {

void sign_up(FrameDriver& driver, const std::string& name, const std::string& email, const std::string& password) {
  tessera::client::testing::fill_sign_up(driver, name, email, password);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signup_screens)

BOOST_AUTO_TEST_CASE(a_visitor_without_session_sees_the_home_screen) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  BOOST_TEST(driver.settle());
  BOOST_TEST(driver.state()["screen"] == "home");
  BOOST_TEST(driver.state()["user"].is_null());
  BOOST_TEST(driver.app().widget_rect("home.try_free").has_value());
  BOOST_TEST(driver.app().widget_rect("home.login").has_value());
}

BOOST_AUTO_TEST_CASE(the_language_switch_changes_every_text) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  driver.settle();
  BOOST_TEST(driver.state()["texts"]["tagline"] == std::string(tr("app.tagline", Language::en)));
  BOOST_REQUIRE(driver.click("lang.es"));
  driver.step();
  BOOST_TEST(driver.state()["language"] == "es");
  BOOST_TEST(driver.state()["texts"]["tagline"] == std::string(tr("app.tagline", Language::es)));
  BOOST_REQUIRE(driver.click("home.try_free"));
  driver.step();
  BOOST_TEST(driver.state()["texts"]["title"] == std::string(tr("signup.title", Language::es)));
  // The sign-up form's language follows the interface until the visitor picks one.
  BOOST_TEST((driver.app().account.signup.fields.language == Language::es));
  BOOST_REQUIRE(driver.click("lang.fr"));
  driver.step();
  BOOST_TEST(driver.state()["texts"]["title"] == std::string(tr("signup.title", Language::fr)));
  BOOST_TEST((driver.app().account.signup.fields.language == Language::fr));
}

BOOST_AUTO_TEST_CASE(a_sign_up_lands_on_my_tickets_with_15_minutes) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  sign_up(driver, "Zoé Martín", "zoe@example.org", "correct horse battery");
  BOOST_TEST(driver.app().busy());  // the request is on its way: the screen shows it
  BOOST_REQUIRE(driver.wait_until(
      [&] { return driver.app().screen() == "my_tickets" && !driver.app().busy(); }));
  driver.step(2);
  const auto state = driver.state();
  BOOST_TEST(state["user"]["name"] == "Zoé Martín");
  BOOST_TEST(state["user"]["role"] == "customer");
  BOOST_TEST(state["balances"]["trial_minutes_left"] == 15);
  BOOST_TEST(state["texts"]["balance"] == "Free trial: 15 minutes left");
  BOOST_TEST(state["tickets"].empty());
  BOOST_TEST(state["error"].is_null());
}

BOOST_AUTO_TEST_CASE(a_short_password_shows_the_translated_error_under_its_field) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::fr);
  driver.settle();
  sign_up(driver, "Zoé", "zoe@example.org", "short");
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  const auto state = driver.state();
  BOOST_TEST(state["screen"] == "signup");
  BOOST_TEST(state["user"].is_null());
  BOOST_TEST(state["error"]["code"] == "password_too_short");
  BOOST_TEST(state["error"]["field"] == "password");
  BOOST_TEST(state["error"]["text"] == "Le mot de passe doit compter au moins 10 caractères.");
  BOOST_TEST(driver.app().record().error_shown);  // under the field, not as a banner
  // The form keeps what was typed.
  BOOST_TEST(state["fields"]["signup.name"] == "Zoé");
  BOOST_TEST(state["fields"]["signup.email"] == "zoe@example.org");
  // Switching language translates the error already shown.
  BOOST_REQUIRE(driver.click("lang.en"));
  BOOST_TEST(driver.state()["error"]["text"] == "The password must be at least 10 characters long.");
}

BOOST_AUTO_TEST_CASE(a_taken_email_is_refused_with_its_error) {
  TestServer server;
  {
    FrameDriver first(make_httplib_api(server.base_url()));
    first.settle();
    sign_up(first, "Zoé", "zoe@example.org", "correct horse battery");
    BOOST_REQUIRE(first.wait_until([&] { return first.app().screen() == "my_tickets"; }));
  }
  FrameDriver second(make_httplib_api(server.base_url()));
  second.settle();
  sign_up(second, "Another Zoé", "  ZOE@example.org ", "another long password");
  BOOST_REQUIRE(second.settle());
  BOOST_TEST(second.state()["screen"] == "signup");
  BOOST_TEST(second.state()["error"]["code"] == "email_taken");
  BOOST_TEST(second.state()["error"]["text"] == std::string(tr("error.email_taken", Language::en)));
}

BOOST_AUTO_TEST_CASE(a_wrong_password_at_log_in_is_refused) {
  TestServer server;
  server.create_staff("operator@example.org", "operator password", "Olga", "operator");
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "operator@example.org"));
  BOOST_REQUIRE(driver.type("login.password", "not the password"));
  BOOST_TEST(driver.state()["fields"]["login.password"] == "****************");  // never exposed
  BOOST_REQUIRE(driver.click("login.submit"));
  BOOST_REQUIRE(driver.settle());
  BOOST_TEST(driver.state()["screen"] == "login");
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_credentials");
}

BOOST_AUTO_TEST_CASE(tab_moves_from_field_to_field) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.try_free"));
  BOOST_REQUIRE(driver.type("signup.name", "Zoé"));
  driver.press_tab();
  BOOST_TEST(driver.state()["focus"] == "signup.email");
  driver.type_text("zoe@example.org");
  driver.press_tab();
  BOOST_TEST(driver.state()["focus"] == "signup.password");
  BOOST_TEST(driver.state()["fields"]["signup.name"] == "Zoé");
  BOOST_TEST(driver.state()["fields"]["signup.email"] == "zoe@example.org");
}

BOOST_AUTO_TEST_CASE(enter_in_the_password_field_logs_in_and_staff_land_on_the_queue) {
  TestServer server;
  server.create_staff("admin@example.org", "admin password", "Ada", "admin");
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "admin@example.org"));
  BOOST_REQUIRE(driver.type("login.password", "admin password"));
  driver.press_enter();
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().signed_in() && !driver.app().busy(); }));
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "queue");
  BOOST_TEST(driver.state()["user"]["role"] == "admin");
  BOOST_TEST(driver.state()["fields"].is_object());
  BOOST_TEST(driver.app().account.login.password.empty());  // not kept in memory after log-in
}

BOOST_AUTO_TEST_SUITE_END()
