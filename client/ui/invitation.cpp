// The invitation page, public: a guest opens the one-time link the account's owner shared
// ("…/#invitation=<token>"), sees who invited them and until when the link works, and joins
// with their name and a password. A used, expired, withdrawn or unknown link says so.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_invitation(App& app) {
  title(app, "invitation.title");
  auto& area = app.people;
  if (area.preview_error) {
    notice_banner(app, "invitation.error", app.error_text(*area.preview_error), Tone::danger);
    help_text(std::string(app.text("invitation.ask_again")));
    if (button(app, "invitation.home", "nav.home")) app.navigate("/");
    return;
  }
  if (!area.preview) {
    ImGui::TextDisabled("%s", std::string(app.text(app.offline() ? "people.needs_connection" : "common.loading")).c_str());
    return;
  }
  const auto& preview = *area.preview;
  recorded_text(app, "invitation.who",
                app.format("invitation.invited_by", {{"name", preview.invited_by}, {"email", preview.email}}), true);
  help_text(app.format("invitation.expires", {{"date", app.local_time(preview.expires_at)}}));
  help_text(std::string(app.text("invitation.what_it_gives")));
  ImGui::Spacing();
  bool submit = text_field(app, "invitation.name", "signup.name", area.accept.name, "name");
  submit |= text_field(app, "invitation.password", "signup.password", area.accept.password, "password",
                       ImGuiInputTextFlags_Password);
  help_text(app.format("account.password_rules", {{"min", std::to_string(wire::Limits::password_min)}}));
  submit |= submit_button(app, "invitation.accept", "invitation.accept", "people.accept");
  if (submit && !app.busy("people.accept")) people::accept_invitation(app);
}

}  // namespace tessera::client::ui
