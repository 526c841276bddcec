// The browser's input, translated for Dear ImGui — the pure part of the web platform, with
// no Emscripten in it, so native tests check it: DOM key names to ImGuiKey, what a keydown
// does (sent to ImGui, left to the browser for typing, copy, cut and paste, run at once),
// wheel deltas in pixels, lines or pages to ImGui's wheel, and a finger's tap or drag.
// web_main.cpp and web_input.js (the DOM listeners) use it in the browser.
#pragma once
#include <imgui.h>

#include <optional>
#include <string_view>

namespace tessera::client::platform {

// [SECTION] ImGui's settings, the same in the browser and in the native frame tests: no
// .ini file, no blinking cursor (it would need frames for ever), keyboard navigation (Tab
// through fields, buttons and choices; Space and Enter press; Escape leaves).
void configure_io(ImGuiIO& io);

// [SECTION] Keys
// The ImGuiKey for a DOM KeyboardEvent's `key` (what the layout produced: "a", "Enter",
// "ArrowLeft") and `code` (the physical key: "KeyA"); letters and digits of other scripts
// fall back to the physical key, so Ctrl+C still copies on a Cyrillic layout. None for keys
// ImGui does not know and for "Dead", "Process", "Unidentified" (composition: text follows).
ImGuiKey imgui_key_from_dom(std::string_view key, std::string_view code);

// True when `key` is one character (UTF-8): the key types text rather than naming a key.
bool is_character_key(std::string_view key);

struct DomKeyEvent {
  std::string_view key;
  std::string_view code;
  bool ctrl = false, shift = false, alt = false, meta = false;
};

// What a keydown does.
struct KeyDecision {
  ImGuiKey key = ImGuiKey_None;  // sent to ImGui (None: not sent)
  bool prevent_default = false;  // the browser must not act on it (Tab would leave the page)
  bool run_frames_now = false;   // run ImGui in the handler: focus may move (Tab, Enter...) or
                                 // ImGui must copy before the browser's copy/cut event
  bool copy_or_cut = false;      // the browser's copy/cut event follows: give it ImGui's text
  bool paste = false;            // the browser's paste event follows with the clipboard's text
};

// `text_input`: an ImGui text field is active (the hidden textarea has the focus).
// `mac`: Cmd is the shortcut key (io.ConfigMacOSXBehaviors).
KeyDecision decide_keydown(const DomKeyEvent& event, bool text_input, bool mac);

// The ImGuiMod_ flags of a DOM event's modifier state.
ImGuiKeyChord dom_modifiers(bool ctrl, bool shift, bool alt, bool meta);

// [SECTION] Wheel
enum class DeltaMode { pixels = 0, lines = 1, pages = 2 };
// One ImGui wheel unit scrolls 5 lines of the window's font (Dear ImGui 1.90).
inline constexpr float kLinesPerWheelUnit = 5.0f;

// A DOM WheelEvent's delta in CSS pixels, whatever its deltaMode: a line is one line of the
// body text (`line_px`), a page most of the visible height (`page_px`).
float wheel_pixels(double delta, DeltaMode mode, float line_px, float page_px);
// CSS pixels to scroll (positive: down or right, as the DOM's) to ImGui's wheel units
// (positive: up or left).
float imgui_wheel_from_pixels(float pixels, float line_px);
// Both at once, for a WheelEvent's (deltaX, deltaY): ImGui's (wheel_x, wheel_y).
ImVec2 imgui_wheel_from_dom(double delta_x, double delta_y, DeltaMode mode, float line_px, float page_px);

// [SECTION] Touch: a tap is a click, a drag scrolls
class TouchGesture {
 public:
  // A finger that moves less than this (CSS pixels) is still tapping.
  static constexpr float kSlopPx = 8.0f;

  void down(ImVec2 at);
  // The CSS pixels to scroll for this move, in the DOM wheel's sense (positive: the view
  // scrolls down - the finger moved up, dragging the content with it), once the finger has
  // left the slop; nullopt while it may still be a tap.
  std::optional<ImVec2> move(ImVec2 at);
  // True when the touch ended as a tap (never scrolled).
  bool up();
  void cancel() { active_ = false; }
  bool active() const { return active_; }
  bool scrolling() const { return scrolling_; }

 private:
  bool active_ = false;
  bool scrolling_ = false;
  ImVec2 start_{0, 0};
  ImVec2 last_{0, 0};
};

}  // namespace tessera::client::platform
