// Keyboard and mouse through Dear ImGui 1.90's input-event queue, as the browser platform
// feeds it: a press and release between two frames is not lost (Dear ImGui 1.86 read keys as
// "down now", which the old web_main worked around by holding releases back), characters and
// keys keep their order, chords work, Tab reaches buttons and choices and Enter or Space
// presses them, Escape leaves a field.
#include <boost/test/unit_test.hpp>

#include "frame_driver.hpp"
#include "net/api_httplib.hpp"
#include "test_server.hpp"

using tessera::client::make_httplib_api;
using tessera::client::testing::FrameDriver;
using tessera::testing::TestServer;

BOOST_AUTO_TEST_SUITE(input_queue)

BOOST_AUTO_TEST_CASE(a_key_pressed_and_released_between_two_frames_still_counts) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "nobody@example.org"));
  BOOST_REQUIRE(driver.type("login.password", "not a password"));
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiKey_Enter, true);  // both before any frame, as a quick tap or a test's keyboard
  io.AddKeyEvent(ImGuiKey_Enter, false);
  driver.step(3);
  BOOST_REQUIRE(driver.settle());
  // Enter in the field submitted the form: the server's answer is shown.
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_credentials");
}

BOOST_AUTO_TEST_CASE(characters_and_keys_queued_together_keep_their_order) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.click("login.email"));
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("abx");
  io.AddKeyEvent(ImGuiKey_Backspace, true);
  io.AddKeyEvent(ImGuiKey_Backspace, false);
  io.AddInputCharactersUTF8("c@é");
  driver.step(6);
  BOOST_TEST(driver.state()["fields"]["login.email"] == "abc@é");
}

BOOST_AUTO_TEST_CASE(ctrl_a_selects_the_field_and_typing_replaces_it) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "wrong@example.org"));
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);
  driver.type_text("right@example.org");
  BOOST_TEST(driver.state()["fields"]["login.email"] == "right@example.org");
}

// Tab from the last field of the log-in form to its button, then `key`: the form was sent.
void tab_to_the_button_and_press(ImGuiKey key) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "nobody@example.org"));
  driver.press_tab();
  BOOST_TEST(driver.state()["focus"] == "login.password");
  driver.type_text("not a password");
  driver.press_tab();  // from the last field to the log-in button
  BOOST_TEST(driver.state()["focus"] == "");
  BOOST_REQUIRE(driver.settle());
  BOOST_TEST(driver.state()["error"].is_null());  // nothing sent by the Tab
  driver.press_key(key);
  BOOST_REQUIRE(driver.settle());
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_credentials");
}

BOOST_AUTO_TEST_CASE(tab_reaches_the_button_and_space_presses_it) { tab_to_the_button_and_press(ImGuiKey_Space); }
BOOST_AUTO_TEST_CASE(tab_reaches_the_button_and_enter_presses_it) { tab_to_the_button_and_press(ImGuiKey_Enter); }

BOOST_AUTO_TEST_CASE(tab_reaches_the_choices_and_space_picks_one) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), tessera::Language::en);
  driver.settle();
  BOOST_REQUIRE(driver.click("home.try_free"));
  BOOST_REQUIRE(driver.type("signup.password", "correct horse battery"));
  driver.press_tab();  // from the last field to the first language choice, French
  BOOST_TEST(driver.state()["focus"] == "");
  BOOST_TEST((driver.app().account.signup.fields.language == tessera::Language::en));
  driver.press_key(ImGuiKey_Space);
  BOOST_TEST((driver.app().account.signup.fields.language == tessera::Language::fr));
  driver.press_tab();  // English
  driver.press_key(ImGuiKey_Enter);
  BOOST_TEST((driver.app().account.signup.fields.language == tessera::Language::en));
}

BOOST_AUTO_TEST_CASE(escape_leaves_the_active_field) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", "zoe@example.org"));
  BOOST_TEST(driver.state()["focus"] == "login.email");
  driver.press_escape();
  BOOST_TEST(driver.state()["focus"] == "");
  BOOST_TEST(driver.state()["screen"] == "login");
}

BOOST_AUTO_TEST_SUITE_END()
