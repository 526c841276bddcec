// Log-in: email and password, for customers and staff alike; the role decides where it lands.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_login(App& app) {
  auto& form = app.state.login;
  title(app, "login.title");
  // Enter in either field logs in, like the button.
  bool submit = text_field(app, "login.email", "login.email", form.email, "email");
  submit |= text_field(app, "login.password", "login.password", form.password, "password",
                       ImGuiInputTextFlags_Password);
  submit |= submit_button(app, "login.submit", "login.submit");
  if (submit && !app.busy()) app.submit_login();
  ImGui::Spacing();
  if (button(app, "login.signup", "home.try_free")) app.go(Screen::signup);
}

}  // namespace tessera::client::ui
