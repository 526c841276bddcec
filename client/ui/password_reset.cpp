// A new password from the mail's one-time link (a visitor): until when the link works, the
// new password twice with its rules; a link unknown, expired or already used says so and
// offers a new one; once changed, every session has ended and log-in is the next step.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {
void ask_again(App& app) {
  if (submit_button(app, "reset.ask_again", "reset.ask_again")) app.navigate("/forgot-password");
}
}  // namespace

void draw_password_reset(App& app) {
  auto& reset = app.mail.reset;
  title(app, "reset.title");
  if (reset.done) {
    notice_banner(app, "reset.done", std::string(app.text("reset.done")), Tone::success);
    ImGui::Spacing();
    if (submit_button(app, "reset.to_login", "reset.to_login")) app.navigate("/login");
    return;
  }
  if (reset.link_error) {
    notice_banner(app, "reset.link_error", app.error_text(*reset.link_error), Tone::danger);
    help_text(std::string(app.text("reset.ask_again_help")));
    ask_again(app);
    return;
  }
  if (!reset.expires_at) {  // asking, or no answer came (offline, the server down): Try again
    const bool asking = app.busy("mail.check");
    recorded_text(app, "reset.loading", std::string(app.text(asking ? "common.loading" : "people.needs_connection")));
    if (!asking && button(app, "reset.retry", "mail.retry")) mail::check_reset_link(app);
    return;
  }
  recorded_text(app, "reset.valid_until", app.format("reset.valid_until", {{"date", app.local_time(*reset.expires_at)}}),
                true);
  help_text(std::string(app.text("reset.what_happens")));
  ImGui::Spacing();
  bool submit = text_field(app, "reset.password", "reset.password", reset.password, "password",
                           ImGuiInputTextFlags_Password);
  submit |= text_field(app, "reset.confirmation", "reset.confirmation", reset.confirmation, "confirmation",
                       ImGuiInputTextFlags_Password);
  help_text(app.format("reset.password_rules", {{"min", std::to_string(wire::Limits::password_min)},
                                                {"max", std::to_string(wire::Limits::password_max)}}));
  const bool offline = !app.browser().online();  // an unanswered request does not lock the form: Try again
  if (offline) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(offline);
  submit |= submit_button(app, "reset.submit", "reset.submit", "mail.reset");
  ImGui::EndDisabled();
  if (submit && !app.busy("mail.reset") && !offline) mail::set_new_password(app);
}

}  // namespace tessera::client::ui
