// Home (visitors): what Tessera is, the free-trial offer ("Try 15 minutes free") and log-in.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_home(App& app) {
  title(app, "app.name");
  recorded_text(app, "tagline", std::string(app.text("app.tagline")), true);
  ImGui::Spacing();
  ImGui::Spacing();
  if (submit_button(app, "home.try_free", "home.try_free")) app.navigate("/signup");
  help_text(std::string(app.text("home.try_free_note")));
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("home.have_account")).c_str());
  ImGui::SameLine();
  if (secondary_button(app, "home.login", "nav.login")) app.navigate("/login");
}

}  // namespace tessera::client::ui
