// Tessera's look: a light theme with a brand accent (colours, spacing, rounding, in CSS
// pixels), the palette screens use for primary and secondary buttons and for states, and the
// text styles - one font (DejaVu Sans) loaded at a few sizes into the atlas, rasterised for
// the screen's pixel ratio. Used by the browser platform and the native frame driver alike.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>

namespace tessera::client::ui {

// [SECTION] Text styles
enum class TextStyle { body, small, heading, display };

// The size of a style's text in CSS pixels.
float text_size(TextStyle style);

// Draws the following text in `style` until pop_text_style(). Falls back to the default
// font when the atlas was not loaded by load_text_styles.
void push_text_style(TextStyle style);
void pop_text_style();

// The glyphs loaded: Latin, Latin-1, Latin Extended-A, general punctuation (dashes, quotes,
// •, …), €, ™, arrows, ▲ ▸ ▾ ▼ and ✓ ✔ ✗ ✘ (all in DejaVu Sans). Zero-terminated pairs.
const ImWchar* glyph_ranges();

// Loads every text style into `atlas` (cleared first), rasterised at `pixel_ratio` device
// pixels per CSS pixel, from the TrueType bytes `ttf` - which must stay alive until the atlas
// is built (the atlas does not own them) - or, when `ttf` is empty, from Dear ImGui's own
// font at the same sizes (native tests: same layout rules, no font file). Returns the
// io.FontGlobalScale that makes the fonts' sizes CSS pixels again (1 / pixel_ratio).
float load_text_styles(ImFontAtlas& atlas, std::span<const std::uint8_t> ttf, float pixel_ratio);

// [SECTION] Colours
struct Palette {
  ImVec4 brand;          // the accent: primary buttons, links, focus, checked choices
  ImVec4 brand_hovered;
  ImVec4 brand_active;
  ImVec4 on_brand;       // text on the accent
  ImVec4 brand_soft;     // a light tint of the accent: selected rows, hovered secondary buttons
  ImVec4 background;     // the page
  ImVec4 surface;        // fields, cards, secondary buttons
  ImVec4 border;
  ImVec4 text;
  ImVec4 text_muted;     // hints, secondary information
  ImVec4 text_disabled;
  ImVec4 danger;         // errors, destructive actions
  ImVec4 danger_soft;
  ImVec4 warning;
  ImVec4 success;
  ImVec4 success_soft;
};

const Palette& palette();

// Colours, spacing and rounding of the current ImGui context (in CSS pixels).
void apply_theme();

// Buttons: primary (filled with the accent: the one main action of a screen), secondary
// (outlined: the others), danger (destructive). Push before ImGui::Button, pop after.
enum class ButtonStyle { primary, secondary, danger };
void push_button_style(ButtonStyle style);
void pop_button_style();

}  // namespace tessera::client::ui
