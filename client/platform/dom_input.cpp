// The browser's input translated for Dear ImGui (see dom_input.hpp): tables and pure rules.
#include "platform/dom_input.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace tessera::client::platform {

namespace {

// [SECTION] Named keys: KeyboardEvent.key values (and a few `code` values) to ImGuiKey
constexpr std::array<std::pair<std::string_view, ImGuiKey>, 38> kNamedKeys{{
    {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
    {"Enter", ImGuiKey_Enter},       {"Escape", ImGuiKey_Escape},       {"ContextMenu", ImGuiKey_Menu},
    {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock}, {"NumLock", ImGuiKey_NumLock},
    {"PrintScreen", ImGuiKey_PrintScreen}, {"Pause", ImGuiKey_Pause}, {"BrowserBack", ImGuiKey_AppBack},
    {"BrowserForward", ImGuiKey_AppForward}, {"F1", ImGuiKey_F1},       {"F2", ImGuiKey_F2},
    {"F3", ImGuiKey_F3},             {"F4", ImGuiKey_F4},               {"F5", ImGuiKey_F5},
    {"F6", ImGuiKey_F6},             {"F7", ImGuiKey_F7},               {"F8", ImGuiKey_F8},
    {"F9", ImGuiKey_F9},             {"F10", ImGuiKey_F10},             {"F11", ImGuiKey_F11},
    {"F12", ImGuiKey_F12},           {"Spacebar", ImGuiKey_Space},      {" ", ImGuiKey_Space},
    {"Esc", ImGuiKey_Escape},        {"OS", ImGuiKey_LeftSuper},
}};

// Modifier keys: left or right from `code`.
ImGuiKey modifier_key(std::string_view key, std::string_view code) {
  const bool right = code.ends_with("Right");
  if (key == "Control") return right ? ImGuiKey_RightCtrl : ImGuiKey_LeftCtrl;
  if (key == "Shift") return right ? ImGuiKey_RightShift : ImGuiKey_LeftShift;
  if (key == "Alt" || key == "AltGraph") return right ? ImGuiKey_RightAlt : ImGuiKey_LeftAlt;
  if (key == "Meta") return right ? ImGuiKey_RightSuper : ImGuiKey_LeftSuper;
  return ImGuiKey_None;
}

// The keypad, by `code` (its `key` is a digit or an operator, or a navigation key with NumLock off).
ImGuiKey keypad_key(std::string_view code) {
  if (!code.starts_with("Numpad")) return ImGuiKey_None;
  const std::string_view rest = code.substr(6);
  if (rest.size() == 1 && rest[0] >= '0' && rest[0] <= '9') return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (rest[0] - '0'));
  if (rest == "Decimal") return ImGuiKey_KeypadDecimal;
  if (rest == "Divide") return ImGuiKey_KeypadDivide;
  if (rest == "Multiply") return ImGuiKey_KeypadMultiply;
  if (rest == "Subtract") return ImGuiKey_KeypadSubtract;
  if (rest == "Add") return ImGuiKey_KeypadAdd;
  if (rest == "Enter") return ImGuiKey_KeypadEnter;
  if (rest == "Equal") return ImGuiKey_KeypadEqual;
  return ImGuiKey_None;
}

// An ASCII character of the US layout to its key.
ImGuiKey ascii_key(char c) {
  if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
  if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
  if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
  switch (c) {
    case ' ': return ImGuiKey_Space;
    case '\'': return ImGuiKey_Apostrophe;
    case ',': return ImGuiKey_Comma;
    case '-': return ImGuiKey_Minus;
    case '.': return ImGuiKey_Period;
    case '/': return ImGuiKey_Slash;
    case ';': return ImGuiKey_Semicolon;
    case '=': return ImGuiKey_Equal;
    case '[': return ImGuiKey_LeftBracket;
    case '\\': return ImGuiKey_Backslash;
    case ']': return ImGuiKey_RightBracket;
    case '`': return ImGuiKey_GraveAccent;
    default: return ImGuiKey_None;
  }
}

// The physical key, for characters of other layouts: "KeyQ", "Digit7", "Minus"...
ImGuiKey physical_key(std::string_view code) {
  if (code.size() == 4 && code.starts_with("Key")) return ascii_key(code[3]);
  if (code.size() == 6 && code.starts_with("Digit")) return ascii_key(code[5]);
  constexpr std::array<std::pair<std::string_view, ImGuiKey>, 11> kCodes{{
      {"Quote", ImGuiKey_Apostrophe}, {"Comma", ImGuiKey_Comma}, {"Minus", ImGuiKey_Minus},
      {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon},
      {"Equal", ImGuiKey_Equal}, {"BracketLeft", ImGuiKey_LeftBracket}, {"Backslash", ImGuiKey_Backslash},
      {"BracketRight", ImGuiKey_RightBracket}, {"Backquote", ImGuiKey_GraveAccent},
  }};
  for (const auto& [name, key] : kCodes)
    if (name == code) return key;
  return ImGuiKey_None;
}

// Keys whose press may move ImGui's focus into or out of a text field, or press a button.
bool moves_focus(ImGuiKey key) {
  return key == ImGuiKey_Tab || key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter || key == ImGuiKey_Escape ||
         key == ImGuiKey_Space;
}

// Keys the browser would act on in the page (focus, scrolling, the textarea's editing).
bool is_editing_or_navigation(ImGuiKey key) {
  return key == ImGuiKey_Tab || key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter || key == ImGuiKey_Escape ||
         key == ImGuiKey_Space || key == ImGuiKey_Backspace || key == ImGuiKey_Delete || key == ImGuiKey_LeftArrow ||
         key == ImGuiKey_RightArrow || key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow || key == ImGuiKey_Home ||
         key == ImGuiKey_End || key == ImGuiKey_PageUp || key == ImGuiKey_PageDown;
}

}  // namespace

void configure_io(ImGuiIO& io) {
  io.IniFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
}

// [SECTION] Keys

bool is_character_key(std::string_view key) {
  if (key.empty()) return false;
  const auto lead = static_cast<unsigned char>(key[0]);
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  return length != 0 && key.size() == length;
}

ImGuiKey imgui_key_from_dom(std::string_view key, std::string_view code) {
  if (key == "Dead" || key == "Process" || key == "Unidentified" || key.empty()) return ImGuiKey_None;
  if (const ImGuiKey modifier = modifier_key(key, code); modifier != ImGuiKey_None) return modifier;
  if (const ImGuiKey keypad = keypad_key(code); keypad != ImGuiKey_None) return keypad;
  for (const auto& [name, named] : kNamedKeys)
    if (name == key) return named;
  if (key.size() == 1) {
    if (const ImGuiKey ascii = ascii_key(key[0]); ascii != ImGuiKey_None) return ascii;
  }
  if (is_character_key(key)) return physical_key(code);  // "é", "ы", "ß": where the key is
  return ImGuiKey_None;
}

ImGuiKeyChord dom_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
  return (ctrl ? ImGuiMod_Ctrl : 0) | (shift ? ImGuiMod_Shift : 0) | (alt ? ImGuiMod_Alt : 0) |
         (meta ? ImGuiMod_Super : 0);
}

KeyDecision decide_keydown(const DomKeyEvent& event, bool text_input, bool mac) {
  KeyDecision decision;
  decision.key = imgui_key_from_dom(event.key, event.code);
  if (decision.key == ImGuiKey_None) return decision;  // a composition starts, or a key ImGui lacks
  const bool shortcut = (mac ? event.meta && !event.ctrl : event.ctrl && !event.meta) && !event.alt;
  const bool character = is_character_key(event.key);

  if (text_input) {
    if (shortcut && (decision.key == ImGuiKey_C || decision.key == ImGuiKey_X)) {
      decision.copy_or_cut = true;  // ImGui copies now; the browser's copy/cut event that follows takes it
      decision.run_frames_now = true;
      return decision;
    }
    if (shortcut && decision.key == ImGuiKey_V) {
      decision.key = ImGuiKey_None;  // the paste event brings the clipboard's text, then ImGui pastes it
      decision.paste = true;
      return decision;
    }
    // Typing (Shift, Option on a Mac, AltGr - Ctrl+Alt on Windows - included): the character
    // arrives through the textarea's input or composition events, not as a key.
    if (character && ((!event.ctrl && !event.meta) || (event.ctrl && event.alt))) {
      decision.key = ImGuiKey_None;
      return decision;
    }
    // Undo, redo and select-all are ImGui's, not the hidden textarea's.
    if (shortcut && (decision.key == ImGuiKey_Z || decision.key == ImGuiKey_Y || decision.key == ImGuiKey_A))
      decision.prevent_default = true;
  }
  if (is_editing_or_navigation(decision.key)) decision.prevent_default = true;
  decision.run_frames_now = moves_focus(decision.key);
  return decision;
}

// [SECTION] Wheel

float wheel_pixels(double delta, DeltaMode mode, float line_px, float page_px) {
  switch (mode) {
    case DeltaMode::pixels: return static_cast<float>(delta);
    case DeltaMode::lines: return static_cast<float>(delta) * line_px;
    case DeltaMode::pages: return static_cast<float>(delta) * page_px * 0.875f;
  }
  return 0.0f;
}

float imgui_wheel_from_pixels(float pixels, float line_px) {
  return line_px > 0.0f ? -pixels / (kLinesPerWheelUnit * line_px) : 0.0f;
}

ImVec2 imgui_wheel_from_dom(double delta_x, double delta_y, DeltaMode mode, float line_px, float page_px) {
  return ImVec2(imgui_wheel_from_pixels(wheel_pixels(delta_x, mode, line_px, page_px), line_px),
                imgui_wheel_from_pixels(wheel_pixels(delta_y, mode, line_px, page_px), line_px));
}

// [SECTION] Touch

void TouchGesture::down(ImVec2 at) {
  active_ = true;
  scrolling_ = false;
  start_ = last_ = at;
}

std::optional<ImVec2> TouchGesture::move(ImVec2 at) {
  if (!active_) return std::nullopt;
  if (!scrolling_) {
    const float dx = at.x - start_.x, dy = at.y - start_.y;
    if (std::sqrt(dx * dx + dy * dy) < kSlopPx) return std::nullopt;
    scrolling_ = true;
  }
  const ImVec2 scroll(last_.x - at.x, last_.y - at.y);  // the finger up: the view scrolls down
  last_ = at;
  return scroll;
}

bool TouchGesture::up() {
  const bool tap = active_ && !scrolling_;
  active_ = false;
  scrolling_ = false;
  return tap;
}

}  // namespace tessera::client::platform
