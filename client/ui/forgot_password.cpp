// Forgot password (a visitor, from the log-in screen's link): the account's email, prefilled
// with what was typed on log-in; once sent, the same text for any address — the server never
// says whether an account uses it — with when the link works and where to look for it.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_forgot_password(App& app) {
  auto& forgot = app.mail.forgot;
  title(app, "forgot.title");
  if (forgot.sent) {
    notice_banner(app, "forgot.sent", std::string(app.text("forgot.sent")), Tone::success);
    ImGui::Spacing();
    if (button(app, "forgot.to_login", "forgot.to_login")) app.navigate("/login");
    return;
  }
  help_text(std::string(app.text("forgot.help")));
  const bool submit = text_field(app, "forgot.email", "login.email", forgot.email, "email");
  // Only the browser's own "offline" disables it: after a request with no answer, Send again tries again.
  const bool offline = !app.browser().online();
  if (offline) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(offline);
  const bool pressed = submit_button(app, "forgot.submit", "forgot.submit", "mail.forgot");
  ImGui::EndDisabled();
  if ((submit || pressed) && !app.busy("mail.forgot") && !offline) mail::ask_reset_link(app);
  ImGui::Spacing();
  if (secondary_button(app, "forgot.to_login", "forgot.to_login")) app.navigate("/login");
}

}  // namespace tessera::client::ui
