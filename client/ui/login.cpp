// Log-in: email and password, for customers and staff alike; the role decides where it lands
// (or the page asked for before signing in). Enter in either field logs in. "Forgot your
// password?" leads to the reset link's request, with the email typed here.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_login(App& app) {
  auto& form = app.account.login;
  title(app, "login.title");
  if (!app.session.return_to.empty()) help_text(std::string(app.text("login.sign_in_to_continue")));
  bool submit = text_field(app, "login.email", "login.email", form.email, "email");
  submit |= text_field(app, "login.password", "login.password", form.password, "password",
                       ImGuiInputTextFlags_Password);
  submit |= submit_button(app, "login.submit", "login.submit", "account.login");
  if (submit && !app.busy("account.login")) account::submit_login(app);
  ImGui::Spacing();
  link_button(app, "login.forgot", "login.forgot", "/forgot-password");
  ImGui::Spacing();
  if (secondary_button(app, "login.signup", "home.try_free")) app.navigate("/signup");
}

}  // namespace tessera::client::ui
