// Tessera's theme and text styles (see theme.hpp).
#include "ui/theme.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace tessera::client::ui {

namespace {

// [SECTION] Text styles: sizes in CSS pixels, in the atlas's order. The heading is the
// atlas's second font, where the screens written before the styles look for a title font.
struct StyleSize {
  TextStyle style;
  float css_px;
  const char* name;
};
constexpr std::array<StyleSize, 4> kAtlasOrder{{
    {TextStyle::body, 17.0f, "body"},
    {TextStyle::heading, 23.0f, "heading"},
    {TextStyle::small, 14.0f, "small"},
    {TextStyle::display, 30.0f, "display"},
}};

int atlas_index(TextStyle style) {
  for (std::size_t i = 0; i < kAtlasOrder.size(); ++i)
    if (kAtlasOrder[i].style == style) return static_cast<int>(i);
  return 0;
}

constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A
    0x2010, 0x203A,  // dashes, quotes, †, •, …, ‰, ‹ ›
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,  // ™
    0x2190, 0x2199,  // arrows
    0x2212, 0x2212,  // minus sign
    0x25B2, 0x25BF,  // ▲ ▶ ▸ ▼ ▾
    0x2713, 0x2718,  // ✓ ✔ ✕ ✖ ✗ ✘
    0,
};

constexpr ImVec4 rgb(unsigned value, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((value >> 16) & 0xFF) / 255.0f, static_cast<float>((value >> 8) & 0xFF) / 255.0f,
                static_cast<float>(value & 0xFF) / 255.0f, alpha);
}

// [SECTION] Colours: a light theme around the brand's blue (the web manifest's theme colour).
const Palette kPalette{
    .brand = rgb(0x2B5797),
    .brand_hovered = rgb(0x234A82),
    .brand_active = rgb(0x1B3C6B),
    .on_brand = rgb(0xFFFFFF),
    .brand_soft = rgb(0xE7EEF8),
    .background = rgb(0xF5F6F8),
    .surface = rgb(0xFFFFFF),
    .border = rgb(0xCDD3DB),
    .text = rgb(0x1C222A),
    .text_muted = rgb(0x5A6472),
    .text_disabled = rgb(0x98A1AC),
    .danger = rgb(0xB42318),
    .danger_soft = rgb(0xFDECEA),
    .warning = rgb(0xA15C07),
    .success = rgb(0x0F7B45),
    .success_soft = rgb(0xE6F5EC),
};

constexpr int kButtonColours = 5;

}  // namespace

float text_size(TextStyle style) { return kAtlasOrder[static_cast<std::size_t>(atlas_index(style))].css_px; }

const ImWchar* glyph_ranges() { return kGlyphRanges; }

void push_text_style(TextStyle style) {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const bool loaded = atlas->Fonts.Size == static_cast<int>(kAtlasOrder.size());
  ImGui::PushFont(loaded ? atlas->Fonts[atlas_index(style)] : ImGui::GetFont());
}

void pop_text_style() { ImGui::PopFont(); }

float load_text_styles(ImFontAtlas& atlas, std::span<const std::uint8_t> ttf, float pixel_ratio) {
  pixel_ratio = std::clamp(pixel_ratio, 1.0f, 4.0f);
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  for (const auto& [style, css_px, name] : kAtlasOrder) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    // Horizontal oversampling places glyphs between pixels at 1x; from 2x device pixels are
    // fine enough without it (and the atlas stays a quarter of the size).
    config.OversampleH = pixel_ratio < 2.0f ? 2 : 1;
    config.OversampleV = 1;
    config.SizePixels = css_px * pixel_ratio;
    std::snprintf(config.Name, sizeof config.Name, "%s %.0f px x%.2f", name, static_cast<double>(css_px),
                  static_cast<double>(pixel_ratio));
    if (ttf.empty())
      atlas.AddFontDefault(&config);
    else
      atlas.AddFontFromMemoryTTF(const_cast<std::uint8_t*>(ttf.data()), static_cast<int>(ttf.size()),
                                 config.SizePixels, &config, kGlyphRanges);
  }
  return 1.0f / pixel_ratio;
}

const Palette& palette() { return kPalette; }

void apply_theme() {
  const Palette& p = kPalette;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(12, 7);
  style.ItemSpacing = ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(8, 7);
  style.IndentSpacing = 20;
  style.ScrollbarSize = 12;
  style.GrabMinSize = 12;
  style.WindowRounding = 0;
  style.ChildRounding = 8;
  style.FrameRounding = 6;
  style.PopupRounding = 8;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.PopupBorderSize = 1;
  style.FrameBorderSize = 1;
  style.DisabledAlpha = 0.5f;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;  // TextDisabled() is the muted secondary text
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = rgb(0xF3F6FA);
  c[ImGuiCol_FrameBgActive] = p.surface;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface;
  c[ImGuiCol_TitleBgCollapsed] = p.surface;
  c[ImGuiCol_MenuBarBg] = p.surface;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb(0xC2C8D1);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xA9B1BC);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8F98A5);
  c[ImGuiCol_CheckMark] = p.brand;
  c[ImGuiCol_SliderGrab] = p.brand;
  c[ImGuiCol_SliderGrabActive] = p.brand_active;
  c[ImGuiCol_Button] = p.surface;  // a plain Button is secondary; push_button_style for the others
  c[ImGuiCol_ButtonHovered] = p.brand_soft;
  c[ImGuiCol_ButtonActive] = rgb(0xD3DFF0);
  c[ImGuiCol_Header] = p.brand_soft;
  c[ImGuiCol_HeaderHovered] = rgb(0xDCE6F4);
  c[ImGuiCol_HeaderActive] = rgb(0xCCDAEE);
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_SeparatorHovered] = p.brand;
  c[ImGuiCol_SeparatorActive] = p.brand_active;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Tab] = p.surface;
  c[ImGuiCol_TabHovered] = p.brand_soft;
  c[ImGuiCol_TabActive] = p.brand_soft;
  c[ImGuiCol_TabUnfocused] = p.surface;
  c[ImGuiCol_TabUnfocusedActive] = p.brand_soft;
  c[ImGuiCol_TableHeaderBg] = rgb(0xEDF0F4);
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = rgb(0xE3E7EC);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xFAFBFC);
  c[ImGuiCol_TextSelectedBg] = rgb(0x2B5797, 0.25f);
  c[ImGuiCol_DragDropTarget] = p.brand;
  c[ImGuiCol_NavHighlight] = p.brand;  // the keyboard focus ring
  c[ImGuiCol_NavWindowingHighlight] = p.brand;
  c[ImGuiCol_NavWindowingDimBg] = rgb(0x101828, 0.2f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x101828, 0.35f);
}

void push_button_style(ButtonStyle style) {
  const Palette& p = kPalette;
  switch (style) {
    case ButtonStyle::primary:
      ImGui::PushStyleColor(ImGuiCol_Button, p.brand);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.brand_hovered);
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.brand_active);
      ImGui::PushStyleColor(ImGuiCol_Text, p.on_brand);
      ImGui::PushStyleColor(ImGuiCol_Border, p.brand);
      break;
    case ButtonStyle::secondary:
      ImGui::PushStyleColor(ImGuiCol_Button, p.surface);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.brand_soft);
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(0xD3DFF0));
      ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
      ImGui::PushStyleColor(ImGuiCol_Border, p.border);
      break;
    case ButtonStyle::danger:
      ImGui::PushStyleColor(ImGuiCol_Button, p.danger);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb(0x962015));
      ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgb(0x7A1A11));
      ImGui::PushStyleColor(ImGuiCol_Text, p.on_brand);
      ImGui::PushStyleColor(ImGuiCol_Border, p.danger);
      break;
  }
}

void pop_button_style() { ImGui::PopStyleColor(kButtonColours); }

}  // namespace tessera::client::ui
