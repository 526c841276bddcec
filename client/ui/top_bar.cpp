// The top bar, on every screen: the product's name, the language switch (each language
// named in itself), the navigation for the signed-in role, who is signed in, log out, and
// a busy note while a request runs.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_top_bar(App& app) {
  const float gap = 1.5f * ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("app.name")).c_str());
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    ImGui::SameLine();
    const auto name = std::string(to_string(language));
    const auto id = "lang." + name;
    // "Français", "English", "Español": each language in its own words.
    if (ImGui::RadioButton(label(tr("language." + name, language), id).c_str(), app.state.language == language))
      app.set_language(language);
    record_item(app, id);
  }

  if (app.signed_in()) {
    ImGui::SameLine(0.0f, gap);
    if (app.is_staff()) {
      if (button(app, "nav.queue", "nav.queue")) app.show_queue();
    } else {
      if (button(app, "nav.my_tickets", "nav.my_tickets")) app.show_my_tickets();
      ImGui::SameLine();
      if (button(app, "nav.new_ticket", "nav.new_ticket")) app.go(Screen::new_ticket);
    }
    ImGui::SameLine(0.0f, gap);
    const auto& user = app.state.me->user;
    const auto role = std::string(app.text("role." + std::string(to_string(user.role))));
    ImGui::TextUnformatted(
        format_text(app.text("nav.signed_in_as"), {{"name", user.name}, {"role", role}}).c_str());
    ImGui::SameLine();
    if (button(app, "nav.logout", "nav.logout")) app.logout();
  } else if (app.state.screen != Screen::home && app.state.screen != Screen::loading) {
    ImGui::SameLine(0.0f, gap);
    if (button(app, "nav.home", "nav.home")) app.go(Screen::home);
  }
  if (app.busy()) {
    ImGui::SameLine(0.0f, gap);
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
  }
}

}  // namespace tessera::client::ui
