// The top bar, on every screen: the product's name, the navigation for the signed-in role,
// the language switch (each language named in itself), who is signed in and log out. On a
// narrow screen everything but the name goes into a menu, so nothing is off-screen.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

struct NavEntry {
  const char* id;
  const char* key;
  const char* address;
};

// The signed-in role's places (each a screen of the table).
std::vector<NavEntry> nav_entries(const App& app) {
  if (!app.signed_in()) return {{"nav.home", "nav.home", "/"}, {"nav.login", "nav.login", "/login"}};
  if (app.is_staff()) return {{"nav.queue", "nav.queue", "/queue"}};
  return {{"nav.my_tickets", "nav.my_tickets", "/tickets"}, {"nav.new_ticket", "nav.new_ticket", "/tickets/new"}};
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

void signed_in_line(App& app) {
  const auto& user = app.session.me->user;
  const auto role = std::string(app.text("role." + std::string(to_string(user.role))));
  ImGui::TextUnformatted(app.format("nav.signed_in_as", {{"name", user.name}, {"role", role}}).c_str());
}

void wide_bar(App& app) {
  const float gap = 1.5f * ImGui::GetFontSize();
  for (const auto& entry : nav_entries(app)) {
    if (!app.signed_in() && app.screen() == "home" && std::string_view(entry.id) == "nav.home") continue;
    ImGui::SameLine(0.0f, gap);
    if (button(app, entry.id, entry.key)) app.navigate(entry.address);
  }
  // The rest at the right edge: languages, who is signed in, log out.
  ImGui::SameLine(0.0f, gap);
  languages(app, false);
  if (app.signed_in()) {
    ImGui::SameLine(0.0f, gap);
    signed_in_line(app);
    ImGui::SameLine();
    if (button(app, "nav.logout", "nav.logout")) account::logout(app);
  }
}

void compact_bar(App& app) {
  const char* menu_text_key = "nav.menu";
  const float width = ImGui::CalcTextSize(std::string(app.text(menu_text_key)).c_str()).x +
                      2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - width);
  if (button(app, "nav.menu", menu_text_key)) ImGui::OpenPopup("##menu");
  if (ImGui::BeginPopup("##menu")) {  // closes on Escape or a tap outside
    for (const auto& entry : nav_entries(app))
      if (button(app, entry.id, entry.key)) {
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
  if (compact_layout()) compact_bar(app);
  else wide_bar(app);
}

}  // namespace tessera::client::ui
