// Home: what Tessera is, the free-trial offer ("Try 15 minutes free") and log-in.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_home(App& app) {
  title(app, "app.name");
  recorded_text(app, "tagline", std::string(app.text("app.tagline")), true);
  ImGui::Spacing();
  ImGui::Spacing();
  if (button(app, "home.try_free", "home.try_free")) app.go(Screen::signup);
  ImGui::TextWrapped("%s", std::string(app.text("home.try_free_note")).c_str());
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("home.have_account")).c_str());
  ImGui::SameLine();
  if (button(app, "home.login", "nav.login")) app.go(Screen::login);
}

}  // namespace tessera::client::ui
