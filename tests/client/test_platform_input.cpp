// The browser platform's pure input rules (client/platform/dom_input.hpp): DOM keys to
// ImGuiKey, what a keydown does (typing, shortcuts, copy/cut/paste, keys that move the
// focus), wheel deltas in pixels/lines/pages to ImGui's wheel, a finger's tap or drag; and
// the wheel turned down scrolls a long screen down.
#include <boost/test/unit_test.hpp>

#include "frame_driver.hpp"
#include "net/api_httplib.hpp"
#include "platform/app_wakeup.hpp"
#include "platform/dom_input.hpp"
#include "test_server.hpp"

using namespace tessera::client::platform;
using tessera::client::make_httplib_api;
using tessera::client::testing::FrameDriver;
using tessera::testing::TestServer;

namespace {
DomKeyEvent key(std::string_view name, std::string_view code, bool ctrl = false, bool shift = false, bool alt = false,
                bool meta = false) {
  return DomKeyEvent{name, code, ctrl, shift, alt, meta};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(platform_input)

BOOST_AUTO_TEST_CASE(dom_keys_map_to_imgui_keys) {
  const struct {
    std::string_view key, code;
    ImGuiKey expected;
  } rows[] = {
      {"Tab", "Tab", ImGuiKey_Tab},
      {"Enter", "Enter", ImGuiKey_Enter},
      {"Enter", "NumpadEnter", ImGuiKey_KeypadEnter},
      {"Escape", "Escape", ImGuiKey_Escape},
      {"Backspace", "Backspace", ImGuiKey_Backspace},
      {"Delete", "Delete", ImGuiKey_Delete},
      {"ArrowLeft", "ArrowLeft", ImGuiKey_LeftArrow},
      {"ArrowDown", "ArrowDown", ImGuiKey_DownArrow},
      {"Home", "Home", ImGuiKey_Home},
      {"End", "End", ImGuiKey_End},
      {"PageDown", "PageDown", ImGuiKey_PageDown},
      {" ", "Space", ImGuiKey_Space},
      {"a", "KeyA", ImGuiKey_A},
      {"A", "KeyA", ImGuiKey_A},
      {"q", "KeyA", ImGuiKey_Q},      // AZERTY: the key that types "q" is Q, wherever it sits
      {"z", "KeyY", ImGuiKey_Z},      // QWERTZ
      {"7", "Digit7", ImGuiKey_7},
      {"7", "Numpad7", ImGuiKey_Keypad7},
      {"-", "Minus", ImGuiKey_Minus},
      {"с", "KeyC", ImGuiKey_C},      // Cyrillic layout: Ctrl+C must still copy
      {"é", "Digit2", ImGuiKey_2},    // AZERTY's 2 key
      {"Control", "ControlLeft", ImGuiKey_LeftCtrl},
      {"Shift", "ShiftRight", ImGuiKey_RightShift},
      {"Meta", "MetaLeft", ImGuiKey_LeftSuper},
      {"Alt", "AltLeft", ImGuiKey_LeftAlt},
      {"F5", "F5", ImGuiKey_F5},
      {"Dead", "BracketLeft", ImGuiKey_None},  // a dead key: the composed character follows as text
      {"Process", "KeyA", ImGuiKey_None},      // an IME is composing
      {"Unidentified", "", ImGuiKey_None},     // a phone's soft keyboard
      {"€", "KeyE", ImGuiKey_E},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.key << " / " << row.code) {
      BOOST_TEST(imgui_key_from_dom(row.key, row.code) == row.expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(characters_are_single_code_points) {
  BOOST_TEST(is_character_key("a"));
  BOOST_TEST(is_character_key("é"));
  BOOST_TEST(is_character_key("€"));
  BOOST_TEST(!is_character_key("Enter"));
  BOOST_TEST(!is_character_key(""));
  BOOST_TEST(!is_character_key("Dead"));
}

BOOST_AUTO_TEST_CASE(typing_in_a_field_is_left_to_the_textarea) {
  for (const auto& event : {key("a", "KeyA"), key("A", "KeyA", false, true), key(" ", "Space"), key("é", "Digit2"),
                            key("@", "Digit0", true, false, true) /* AltGr on Windows */,
                            key("å", "KeyA", false, false, true, false) /* Option on a Mac */}) {
    BOOST_TEST_CONTEXT(event.key) {
      const KeyDecision decision = decide_keydown(event, true, false);
      BOOST_TEST(decision.key == ImGuiKey_None);  // the character comes from the input event
      BOOST_TEST(!decision.prevent_default);      // ... which only happens if the browser acts
    }
  }
}

BOOST_AUTO_TEST_CASE(editing_keys_go_to_imgui_and_not_to_the_page) {
  for (const auto& [event, moves_focus] : {std::pair{key("Backspace", "Backspace"), false},
                                           std::pair{key("ArrowLeft", "ArrowLeft", false, true), false},
                                           std::pair{key("Home", "Home"), false},
                                           std::pair{key("Tab", "Tab"), true},
                                           std::pair{key("Tab", "Tab", false, true), true},
                                           std::pair{key("Enter", "Enter"), true},
                                           std::pair{key("Escape", "Escape"), true}}) {
    BOOST_TEST_CONTEXT(event.key) {
      const KeyDecision decision = decide_keydown(event, true, false);
      BOOST_TEST(decision.key == imgui_key_from_dom(event.key, event.code));
      BOOST_TEST(decision.prevent_default);
      BOOST_TEST(decision.run_frames_now == moves_focus);  // focus moves inside the handler
    }
  }
}

BOOST_AUTO_TEST_CASE(copy_cut_and_paste_keep_the_browser_clipboard_events) {
  const KeyDecision copy = decide_keydown(key("c", "KeyC", true), true, false);
  BOOST_TEST(copy.key == ImGuiKey_C);
  BOOST_TEST(copy.copy_or_cut);
  BOOST_TEST(copy.run_frames_now);  // ImGui copies before the browser's copy event
  BOOST_TEST(!copy.prevent_default);
  const KeyDecision cut = decide_keydown(key("x", "KeyX", true), true, false);
  BOOST_TEST(cut.copy_or_cut);
  const KeyDecision paste = decide_keydown(key("v", "KeyV", true), true, false);
  BOOST_TEST(paste.key == ImGuiKey_None);  // ImGui pastes when the paste event brings the text
  BOOST_TEST(paste.paste);
  BOOST_TEST(!paste.prevent_default);
  // On a Mac the shortcut key is Cmd; Ctrl+C there is not a copy.
  BOOST_TEST(decide_keydown(key("c", "KeyC", false, false, false, true), true, true).copy_or_cut);
  BOOST_TEST(!decide_keydown(key("c", "KeyC", true), true, true).copy_or_cut);
  // A Cyrillic layout copies too.
  BOOST_TEST(decide_keydown(key("с", "KeyC", true), true, false).copy_or_cut);
  // Select all and undo are ImGui's, not the hidden textarea's.
  const KeyDecision select_all = decide_keydown(key("a", "KeyA", true), true, false);
  BOOST_TEST(select_all.key == ImGuiKey_A);
  BOOST_TEST(select_all.prevent_default);
  // Out of a field, the browser keeps its shortcuts (Ctrl+R reloads) and copies the page.
  BOOST_TEST(!decide_keydown(key("c", "KeyC", true), false, false).copy_or_cut);
  BOOST_TEST(!decide_keydown(key("r", "KeyR", true), false, false).prevent_default);
}

BOOST_AUTO_TEST_CASE(out_of_a_field_space_and_enter_press_the_focused_button) {
  for (const auto& event : {key(" ", "Space"), key("Enter", "Enter"), key("Tab", "Tab")}) {
    const KeyDecision decision = decide_keydown(event, false, false);
    BOOST_TEST(decision.key != ImGuiKey_None);
    BOOST_TEST(decision.prevent_default);  // no page scrolling, no leaving the canvas
    BOOST_TEST(decision.run_frames_now);
  }
  const KeyDecision letter = decide_keydown(key("k", "KeyK"), false, false);
  BOOST_TEST(letter.key == ImGuiKey_K);
  BOOST_TEST(!letter.prevent_default);
}

BOOST_AUTO_TEST_CASE(modifiers_become_imgui_mods) {
  BOOST_TEST(dom_modifiers(true, false, false, false) == ImGuiMod_Ctrl);
  BOOST_TEST(dom_modifiers(false, true, true, true) == (ImGuiMod_Shift | ImGuiMod_Alt | ImGuiMod_Super));
  BOOST_TEST(dom_modifiers(false, false, false, false) == ImGuiMod_None);
}

BOOST_AUTO_TEST_CASE(the_wheel_scrolls_the_right_way_by_a_few_lines_whatever_its_mode) {
  constexpr float line = 17.0f, page = 800.0f;
  // One notch down: 100 CSS pixels (Chrome), 3 lines (Firefox), or a page.
  const float pixels = imgui_wheel_from_dom(0, 100, DeltaMode::pixels, line, page).y;
  const float lines = imgui_wheel_from_dom(0, 3, DeltaMode::lines, line, page).y;
  const float pages = imgui_wheel_from_dom(0, 1, DeltaMode::pages, line, page).y;
  // Down in the DOM (positive) is down in ImGui (negative wheel).
  BOOST_TEST(pixels < 0.0f);
  BOOST_TEST(lines < 0.0f);
  BOOST_TEST(pages < 0.0f);
  // ImGui scrolls kLinesPerWheelUnit lines per unit: a notch is a few lines, not a page.
  const auto lines_scrolled = [](float wheel) { return -wheel * kLinesPerWheelUnit; };
  BOOST_TEST(lines_scrolled(pixels) == 100.0f / line, boost::test_tools::tolerance(1e-4f));
  BOOST_TEST(lines_scrolled(lines) == 3.0f, boost::test_tools::tolerance(1e-4f));
  BOOST_TEST(lines_scrolled(pages) * line == page * 0.875f, boost::test_tools::tolerance(1e-4f));
  BOOST_TEST(lines_scrolled(pixels) > 2.0f);
  BOOST_TEST(lines_scrolled(pixels) < 8.0f);
  // Up, and sideways (DOM right = ImGui negative x).
  BOOST_TEST(imgui_wheel_from_dom(0, -100, DeltaMode::pixels, line, page).y > 0.0f);
  BOOST_TEST(imgui_wheel_from_dom(40, 0, DeltaMode::pixels, line, page).x < 0.0f);
  BOOST_TEST(imgui_wheel_from_dom(40, 0, DeltaMode::pixels, line, page).y == 0.0f);
}

BOOST_AUTO_TEST_CASE(a_finger_taps_or_drags) {
  TouchGesture touch;
  touch.down(ImVec2(100, 200));
  BOOST_TEST(!touch.move(ImVec2(103, 204)).has_value());  // within the slop: still a tap
  BOOST_TEST(touch.up());

  touch.down(ImVec2(100, 200));
  const auto first = touch.move(ImVec2(100, 150));  // the finger goes up 50 px
  BOOST_REQUIRE(first.has_value());
  BOOST_TEST(first->y == 50.0f);  // the view scrolls down 50 px, as the wheel turned down would
  const auto second = touch.move(ImVec2(100, 170));
  BOOST_REQUIRE(second.has_value());
  BOOST_TEST(second->y == -20.0f);  // back down 20 px: scrolls up
  BOOST_TEST(touch.scrolling());
  BOOST_TEST(!touch.up());  // a drag is not a tap

  touch.down(ImVec2(10, 10));
  touch.cancel();
  BOOST_TEST(!touch.up());
}

namespace {
struct AppWithoutWakeups {};
struct AppWithWakeups {
  double wakeup_in_ms() const { return 1500.0; }
};
}  // namespace

BOOST_AUTO_TEST_CASE(the_platform_asks_the_app_for_a_later_frame_only_if_it_can_tell) {
  BOOST_TEST(app_wakeup_in_ms(AppWithWakeups{}) == 1500.0);
  BOOST_TEST(app_wakeup_in_ms(AppWithoutWakeups{}) == 0.0);  // no timer
}

BOOST_AUTO_TEST_CASE(the_wheel_turned_down_scrolls_a_long_screen_down) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.settle();
  BOOST_REQUIRE(driver.click("home.try_free"));
  // A phone held sideways: the sign-up form is taller than the display.
  ImGui::GetIO().DisplaySize = ImVec2(600.0f, 260.0f);
  driver.step(3);
  const auto top = driver.app().widget_rect("signup.submit");
  BOOST_REQUIRE(top.has_value());
  BOOST_TEST(top->y > 260.0f);  // below the display
  driver.scroll(ImVec2(300.0f, 150.0f), 3.0f);
  const auto down = driver.app().widget_rect("signup.submit");
  BOOST_TEST(down->y < top->y);  // the content moved up: the view went down
  BOOST_TEST(top->y - down->y == 3.0f * 17.0f, boost::test_tools::tolerance(0.5f));  // 3 lines of body text
  driver.scroll(ImVec2(300.0f, 150.0f), -3.0f);
  BOOST_TEST(driver.app().widget_rect("signup.submit")->y == top->y);
  // The driver's clicks scroll a widget below the display into view first, as a person would.
  BOOST_REQUIRE(driver.scroll_into_view("signup.submit"));
  const auto shown = driver.app().widget_rect("signup.submit");
  BOOST_TEST(shown->y >= 0.0f);
  BOOST_TEST(shown->y + shown->h <= 260.0f);
}

BOOST_AUTO_TEST_SUITE_END()
