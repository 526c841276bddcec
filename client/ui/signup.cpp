// Sign-up: name, email, password and language; Enter in any field submits. With mail off,
// success opens the session and lands on My tickets with the free trial; with mail on, the
// server mails a link and the screen says to check the mail — the same words for any address,
// as the server's answer is the same (the owner of a taken address gets a mail instead).
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_signup(App& app) {
  auto& form = app.account.signup;
  auto& fields = form.fields;
  title(app, "signup.title");
  if (!form.sent_to.empty()) {
    notice_banner(app, "signup.sent", app.format("signup.sent", {{"email", form.sent_to}}), Tone::success);
    help_text(std::string(app.text("signup.sent_help")));
    ImGui::Spacing();
    if (submit_button(app, "signup.to_login", "nav.login")) app.navigate("/login");
    ImGui::SameLine();
    if (secondary_button(app, "signup.again", "signup.again")) account::signup_again(app);
    return;
  }
  bool submit = false;
  submit |= text_field(app, "signup.name", "signup.name", fields.name, "name");
  submit |= text_field(app, "signup.email", "signup.email", fields.email, "email");
  submit |= text_field(app, "signup.password", "signup.password", fields.password, "password",
                       ImGuiInputTextFlags_Password);
  const auto chosen = fields.language;
  radio_row(app, "signup.language", "signup.language", "language.", fields.language,
            {Language::fr, Language::en, Language::es}, "language");
  if (fields.language != chosen) form.language_chosen = true;
  submit |= submit_button(app, "signup.submit", "signup.submit", "account.signup");
  if (submit && !app.busy("account.signup")) account::submit_signup(app);
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("home.have_account")).c_str());
  ImGui::SameLine();
  if (secondary_button(app, "signup.login", "nav.login")) app.navigate("/login");
}

}  // namespace tessera::client::ui
