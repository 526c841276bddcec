// The sign-up's confirmation link (a visitor, from the mail "…/#signup-confirm=<token>"): the
// link is sent at once; the answer opens the session and lands on My tickets with the free
// trial. A link unknown, expired or already used says so and offers sign-up again or log-in;
// no answer (offline, the server down) says so with Try again.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_signup_confirm(App& app) {
  auto& confirm = app.account.confirm;
  title(app, "signup_confirm.title");
  if (confirm.link_error) {
    notice_banner(app, "signup_confirm.error", app.error_text(*confirm.link_error), Tone::danger);
    help_text(std::string(app.text("signup_confirm.what_now")));
    ImGui::Spacing();
    if (submit_button(app, "signup_confirm.to_login", "nav.login")) app.navigate("/login");
    ImGui::SameLine();
    if (secondary_button(app, "signup_confirm.signup", "signup_confirm.signup_again")) app.navigate("/signup");
    return;
  }
  const bool confirming = app.busy("account.signup_confirm") || app.session.starting;
  if (confirming || !confirm.unanswered) {
    recorded_text(app, "signup_confirm.working", std::string(app.text("signup_confirm.working")));
    return;
  }
  recorded_text(app, "signup_confirm.unanswered", std::string(app.text("people.needs_connection")));
  if (button(app, "signup_confirm.retry", "mail.retry")) account::confirm_signup(app);
}

}  // namespace tessera::client::ui
