// The top bar, on every screen: the product's name, the navigation for the signed-in role,
// the language switch (each language named in itself), who is signed in and log out. On a
// narrow screen everything but the name goes into a menu, so nothing is off-screen.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

struct NavEntry {
  std::string id;  // "nav.<screen id>"
  std::string_view key;
  std::string address;
  bool current = false;
};

// The user's places: the screens of the tables that have a navigation key, for this audience.
// The pages open to everyone (the FAQ, the board) are a visitor's places; a signed-in user's bar
// keeps to their own work (the pages stay reachable by their addresses and links).
std::vector<NavEntry> nav_entries(const App& app) {
  std::vector<NavEntry> entries;
  for (const auto& screen : app.router().screens())
    if (!screen.nav_key.empty() && (screen.audience != Audience::anyone || !app.signed_in()) &&
        audience_includes(screen.audience, app.role()))
      entries.push_back({"nav." + std::string(screen.id), screen.nav_key, std::string(screen.pattern),
                         app.screen() == screen.id});
  return entries;
}

// Whether the wide bar fits in the window (measured as wide_bar draws it), with the signed-in
// name or without it.
bool wide_bar_fits(App& app, const std::vector<NavEntry>& entries, bool with_name) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = 1.5f * ImGui::GetFontSize();
  const auto text_width = [](std::string_view text) { return ImGui::CalcTextSize(std::string(text).c_str()).x; };
  const auto button_width = [&](std::string_view text) { return text_width(text) + 2 * style.FramePadding.x; };
  float needed = text_width(app.text("app.name")) * 1.4f;  // the name, in the heading style
  for (const auto& entry : entries) needed += button_width(app.text(entry.key)) + style.ItemSpacing.x;
  needed += gap;
  for (const Language language : {Language::fr, Language::en, Language::es})
    needed += ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
              text_width(tr("language." + std::string(to_string(language)), language)) + style.ItemSpacing.x;
  if (app.signed_in()) {
    const auto& user = app.session.me->user;
    const auto role = std::string(app.text("role." + std::string(to_string(user.role))));
    if (with_name) needed += text_width(app.format("nav.signed_in_as", {{"name", user.name}, {"role", role}})) + style.ItemSpacing.x;
    needed += gap + button_width(app.text("nav.logout"));
  }
  return needed <= ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
}

void languages(App& app, bool same_line) {
  bool first = true;
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    if (same_line || !first) ImGui::SameLine();
    first = false;
    const auto name = std::string(to_string(language));
    const auto id = "lang." + name;
    // "Français", "English", "Español": each language in its own words.
    if (ImGui::RadioButton(label(tr("language." + name, language), id).c_str(), app.language == language))
      app.set_language(language);
    record_item(app, id);
  }
}

std::string signed_in_text(App& app) {
  const auto& user = app.session.me->user;
  const auto role = std::string(app.text("role." + std::string(to_string(user.role))));
  return app.format("nav.signed_in_as", {{"name", user.name}, {"role", role}});
}

void signed_in_line(App& app) { ImGui::TextUnformatted(signed_in_text(app).c_str()); }

bool nav_button(App& app, const NavEntry& entry) {
  if (entry.current) push_button_style(ButtonStyle::primary);
  const bool pressed = button(app, entry.id, entry.key);
  if (entry.current) pop_button_style();
  return pressed;
}

void wide_bar(App& app, const std::vector<NavEntry>& entries, bool with_name) {
  const float gap = 1.5f * ImGui::GetFontSize();
  bool first = true;
  for (const auto& entry : entries) {
    ImGui::SameLine(0.0f, first ? gap : -1.0f);
    first = false;
    if (nav_button(app, entry)) app.navigate(entry.address);
  }
  // The rest at the right edge: languages, who is signed in, log out.
  ImGui::SameLine(0.0f, gap);
  languages(app, false);
  if (app.signed_in()) {
    ImGui::SameLine(0.0f, gap);
    if (with_name) {
      signed_in_line(app);
      ImGui::SameLine();
    }
    if (button(app, "nav.logout", "nav.logout")) account::logout(app);
    // Without room for the name, it is said on hovering Log out.
    if (!with_name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", signed_in_text(app).c_str());
  }
}

void compact_bar(App& app, const std::vector<NavEntry>& entries) {
  const char* menu_text_key = "nav.menu";
  const float width = ImGui::CalcTextSize(std::string(app.text(menu_text_key)).c_str()).x +
                      2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - width);
  if (button(app, "nav.menu", menu_text_key)) ImGui::OpenPopup("##menu");
  if (ImGui::BeginPopup("##menu")) {  // closes on Escape or a tap outside
    for (const auto& entry : entries)
      if (nav_button(app, entry)) {
        app.navigate(entry.address);
        ImGui::CloseCurrentPopup();
      }
    ImGui::Separator();
    languages(app, false);
    if (app.signed_in()) {
      ImGui::Separator();
      signed_in_line(app);
      if (button(app, "nav.logout", "nav.logout")) {
        ImGui::CloseCurrentPopup();
        account::logout(app);
      }
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void draw_top_bar(App& app) {
  ImGui::AlignTextToFramePadding();
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text("app.name")).c_str()); });
  const auto entries = nav_entries(app);
  // Wide with the name; else wide without it (said on hovering Log out); else the menu.
  if (compact_layout()) return compact_bar(app, entries);
  if (wide_bar_fits(app, entries, true)) return wide_bar(app, entries, true);
  if (wide_bar_fits(app, entries, false)) return wide_bar(app, entries, false);
  compact_bar(app, entries);
}

}  // namespace tessera::client::ui
