// Sign-up: name, email, password and language; success opens the session and lands on
// My tickets with the free trial.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_signup(App& app) {
  auto& form = app.state.signup;
  title(app, "signup.title");
  text_field(app, "signup.name", "signup.name", form.name, "name");
  text_field(app, "signup.email", "signup.email", form.email, "email");
  text_field(app, "signup.password", "signup.password", form.password, "password", ImGuiInputTextFlags_Password);
  const auto chosen = form.language;
  radio_row(app, "signup.language", "signup.language", "language.", form.language,
            {Language::fr, Language::en, Language::es}, "language");
  if (form.language != chosen) form.language_chosen = true;
  if (submit_button(app, "signup.submit", "signup.submit")) app.submit_signup();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("home.have_account")).c_str());
  ImGui::SameLine();
  if (button(app, "signup.login", "nav.login")) app.go(Screen::login);
}

}  // namespace tessera::client::ui
