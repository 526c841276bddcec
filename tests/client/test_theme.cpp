// The theme's text styles (client/ui/theme.hpp): DejaVu Sans loaded at every style's size,
// rasterised at the screen's pixel ratio (1, 2, 3) so text is sharp, measured in CSS pixels
// whatever the ratio (layouts do not move), rebuilt in place when the ratio changes, with
// the glyphs the screens use; Dear ImGui's own font at the same sizes without a font file.
#include <boost/test/unit_test.hpp>
#include <imgui.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <vector>

#include "ui/theme.hpp"

using namespace tessera::client::ui;

namespace {

std::vector<std::uint8_t> font_bytes(const char* path = TESSERA_TEST_FONT) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// A context of its own, with the text styles loaded at `ratio` and the atlas built.
struct Context {
  explicit Context(std::span<const std::uint8_t> ttf, float ratio) : context(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    io.FontGlobalScale = load_text_styles(*io.Fonts, ttf, ratio);
    build();
  }
  ~Context() { ImGui::DestroyContext(context); }
  void build() {
    unsigned char* pixels = nullptr;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  // The size and the width of `text` in `style`, in CSS pixels, measured in a frame.
  ImVec2 measure(TextStyle style, const char* text) {
    ImGui::NewFrame();
    push_text_style(style);
    const ImVec2 size(ImGui::GetFontSize(), ImGui::CalcTextSize(text).x);
    pop_text_style();
    ImGui::EndFrame();
    return size;
  }
  ImGuiContext* context;
  int width = 0, height = 0;
};

constexpr TextStyle kStyles[] = {TextStyle::body, TextStyle::small, TextStyle::heading, TextStyle::display};

}  // namespace

BOOST_AUTO_TEST_SUITE(theme)

BOOST_AUTO_TEST_CASE(text_is_rasterised_at_the_pixel_ratio_and_measured_in_css_pixels) {
  const auto ttf = font_bytes();
  BOOST_REQUIRE(ttf.size() > 10'000u);  // the cut web font (26 KB), not an empty file
  const char* sample = "Bonjour Zoé, voilà votre ticket n° 2026-000042 → 15 min";
  float width_at_1 = 0;
  int texels_at_1 = 0;
  for (const float ratio : {1.0f, 2.0f, 3.0f}) {
    BOOST_TEST_CONTEXT("pixel ratio " << ratio) {
      Context context(ttf, ratio);
      const ImGuiIO& io = ImGui::GetIO();
      BOOST_REQUIRE_EQUAL(io.Fonts->Fonts.Size, 4);
      BOOST_TEST(io.FontGlobalScale == 1.0f / ratio);
      for (const TextStyle style : kStyles) {
        const ImVec2 measured = context.measure(style, sample);
        BOOST_TEST(measured.x == text_size(style), boost::test_tools::tolerance(1e-3f));  // CSS pixels
      }
      // Glyphs rasterised with `ratio` device pixels per CSS pixel.
      BOOST_TEST(io.Fonts->Fonts[0]->FontSize == text_size(TextStyle::body) * ratio);
      const float width = context.measure(TextStyle::body, sample).y;
      const int texels = context.width * context.height;
      if (ratio == 1.0f) {
        width_at_1 = width;
        texels_at_1 = texels;
      } else {
        // The same line is (nearly) as wide in CSS pixels: layouts do not move with the ratio.
        BOOST_TEST(std::abs(width - width_at_1) / width_at_1 < 0.03f, width << " vs " << width_at_1);
        BOOST_TEST(texels > texels_at_1);  // more device pixels per glyph
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_styles_hold_the_glyphs_the_screens_use) {
  const auto ttf = font_bytes();
  Context context(ttf, 2.0f);
  const char32_t wanted[] = {U'A', U'z', U'é', U'à', U'ç', U'ñ', U'¿', U'ü', U'ß', U'Œ', U'œ', U'Ł', U'ő', U'Ž',
                             U'€', U'•', U'…', U'–', U'—', U'«', U'»', U'“', U'”', U'’', U'→', U'←', U'✓', U'✗',
                             U'▸', U'▾', U'™', U'°', U'\u00A0'};
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const char32_t c : wanted) {
      BOOST_TEST_CONTEXT(font->GetDebugName() << " U+" << std::hex << static_cast<unsigned>(c)) {
        BOOST_TEST(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
      }
    }
}

// The web font is DejaVu Sans cut down at build time to glyph_ranges() (client/CMakeLists.txt):
// every character of those ranges that the whole font draws, the cut one draws too, and the
// cut one is a small part of the whole.
BOOST_AUTO_TEST_CASE(the_cut_web_font_keeps_every_glyph_of_the_atlas_ranges) {
  const auto whole_ttf = font_bytes(TESSERA_FULL_FONT);
  const auto cut_ttf = font_bytes();
  BOOST_TEST(cut_ttf.size() < whole_ttf.size() / 10);
  std::vector<ImWchar> whole_has;
  {
    Context whole(whole_ttf, 1.0f);
    for (const ImWchar* range = glyph_ranges(); range[0] != 0; range += 2)
      for (unsigned c = range[0]; c <= range[1]; ++c)
        if (ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c))) whole_has.push_back(static_cast<ImWchar>(c));
  }
  BOOST_TEST(whole_has.size() > 350u);  // 395 code points in the ranges; DejaVu Sans draws them all
  Context cut(cut_ttf, 1.0f);
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImWchar c : whole_has) {
      BOOST_TEST_CONTEXT(font->GetDebugName() << " U+" << std::hex << static_cast<unsigned>(c)) {
        BOOST_TEST(font->FindGlyphNoFallback(c) != nullptr);
      }
    }
}

BOOST_AUTO_TEST_CASE(a_ratio_change_rebuilds_the_same_atlas_in_place) {
  const auto ttf = font_bytes();
  Context context(ttf, 1.0f);
  ImGuiIO& io = ImGui::GetIO();
  const int width_at_1 = context.width * context.height;
  io.FontGlobalScale = load_text_styles(*io.Fonts, ttf, 2.0f);  // the screen changed
  BOOST_TEST(!io.Fonts->IsBuilt());  // the renderer must upload a new texture
  context.build();
  BOOST_TEST(io.Fonts->Fonts.Size == 4);  // replaced, not added
  BOOST_TEST(io.Fonts->Fonts[0]->FontSize == 2.0f * text_size(TextStyle::body));
  BOOST_TEST(context.width * context.height > width_at_1);
  BOOST_TEST(context.measure(TextStyle::heading, "x").x == text_size(TextStyle::heading),
             boost::test_tools::tolerance(1e-3f));
}

BOOST_AUTO_TEST_CASE(without_a_font_file_imguis_own_font_at_the_same_sizes) {
  Context context({}, 1.0f);
  BOOST_REQUIRE_EQUAL(ImGui::GetIO().Fonts->Fonts.Size, 4);
  for (const TextStyle style : kStyles)
    BOOST_TEST(context.measure(style, "Tessera").x == text_size(style), boost::test_tools::tolerance(1e-3f));
  BOOST_TEST(text_size(TextStyle::small) < text_size(TextStyle::body));
  BOOST_TEST(text_size(TextStyle::body) < text_size(TextStyle::heading));
  BOOST_TEST(text_size(TextStyle::heading) < text_size(TextStyle::display));
}

BOOST_AUTO_TEST_CASE(primary_and_secondary_buttons_look_different) {
  Context context({}, 1.0f);
  apply_theme();
  ImGui::NewFrame();
  const ImVec4 plain = ImGui::GetStyleColorVec4(ImGuiCol_Button);
  push_button_style(ButtonStyle::primary);
  const ImVec4 primary = ImGui::GetStyleColorVec4(ImGuiCol_Button);
  const ImVec4 primary_text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  pop_button_style();
  push_button_style(ButtonStyle::secondary);
  const ImVec4 secondary = ImGui::GetStyleColorVec4(ImGuiCol_Button);
  pop_button_style();
  ImGui::EndFrame();
  const auto same = [](ImVec4 a, ImVec4 b) { return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w; };
  BOOST_TEST(same(primary, palette().brand));
  BOOST_TEST(same(primary_text, palette().on_brand));
  BOOST_TEST(same(secondary, palette().surface));
  BOOST_TEST(same(plain, secondary));  // a plain button is a secondary one
  BOOST_TEST(same(ImGui::GetStyleColorVec4(ImGuiCol_Button), plain));  // popped
}

BOOST_AUTO_TEST_SUITE_END()
