// My account: who is signed in, the account's places for its owner (authorized users, the
// startup conference and its state), the password change (other sessions end), a customer's
// mail preferences and logging out everywhere (every browser and device).
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {
void heading(App& app, std::string_view key) {
  ImGui::Spacing();
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text(key)).c_str()); });
}

void owner_places(App& app) {
  heading(app, "people.title");
  help_text(std::string(app.text("account.people_help")));
  if (button(app, "account.open_people", "account.open_people")) app.navigate("/account/users");
  heading(app, "onboarding.title");
  const auto& step = app.people.onboarding;
  if (step && step->required)
    notice_banner(app, "account.onboarding_state", std::string(app.text("onboarding.state_pending")), Tone::warning);
  else if (step && step->done)
    notice_banner(app, "account.onboarding_state",
                  app.format("onboarding.state_done", {{"date", app.local_time(step->done_at)}}), Tone::success);
  else if (step && !step->available)
    help_text(std::string(app.text("onboarding.not_available")));
  if (step && step->available)
    if (button(app, "account.open_onboarding", "account.open_onboarding")) app.navigate("/account/onboarding");
}
// A checkbox whose long label wraps beside it (a phone's width would cut ImGui's own label).
void wrapped_checkbox(App& app, std::string_view id, std::string_view key, bool& value) {
  ImGui::Checkbox(label("", id).c_str(), &value);
  record_item(app, id);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", std::string(app.text(key)).c_str());
}

// Which mails the customer receives: the non-security ones can be turned off (SPEC §1.13).
void mail_preferences(App& app) {
  heading(app, "mail_prefs.heading");
  auto& state = app.mail.preferences;
  if (!state.loaded) {
    if (state.error) {
      notice_banner(app, "mail_prefs.error", app.error_text(*state.error), Tone::danger);
      if (button(app, "mail_prefs.retry", "mail.retry")) mail::load_preferences(app);
    } else {
      recorded_text(app, "mail_prefs.loading",
                    std::string(app.text(app.offline() ? "people.needs_connection" : "common.loading")));
    }
    return;
  }
  const MailPreferences before = state.form;
  wrapped_checkbox(app, "mail_prefs.tickets", "mail_prefs.tickets", state.form.tickets);
  help_text(std::string(app.text("mail_prefs.tickets_help")));
  wrapped_checkbox(app, "mail_prefs.commerce", "mail_prefs.commerce", state.form.commerce);
  help_text(std::string(app.text("mail_prefs.commerce_help")));
  if (!(state.form == before)) state.saved = false;  // a change since the last save
  recorded_text(app, "mail_prefs.security", std::string(app.text("mail_prefs.security")), true);
  ImGui::BeginDisabled(app.offline());
  const bool save = submit_button(app, "mail_prefs.save", "mail_prefs.save", "mail.preferences_save");
  ImGui::EndDisabled();
  if (save && !app.offline()) mail::save_preferences(app);
  if (state.error) notice_banner(app, "mail_prefs.error", app.error_text(*state.error), Tone::danger);
  else if (state.saved) notice_banner(app, "mail_prefs.saved", std::string(app.text("mail_prefs.saved")), Tone::success);
}
}  // namespace

void draw_account(App& app) {
  title(app, "account.title");
  if (!app.session.me) return;
  const auto& user = app.session.me->user;
  recorded_text(app, "account.who", app.format("account.who", {{"name", user.name}, {"email", user.email}}), true);
  if (user.role == Role::customer && user.account_owner) owner_places(app);
  else if (user.role == Role::customer) help_text(std::string(app.text("account.member_help")));

  heading(app, "account.password_heading");
  auto& form = app.people.password;
  bool submit = text_field(app, "account.current_password", "account.current_password", form.current_password,
                           "current_password", ImGuiInputTextFlags_Password);
  submit |= text_field(app, "account.new_password", "account.new_password", form.new_password, "new_password",
                       ImGuiInputTextFlags_Password);
  help_text(app.format("account.password_rules", {{"min", std::to_string(wire::Limits::password_min)}}));
  if (app.offline()) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(app.offline());
  submit |= submit_button(app, "account.change_password", "account.change_password", "people.password");
  ImGui::EndDisabled();
  if (submit && !app.busy("people.password") && !app.offline()) people::change_password(app);
  if (app.people.password_changed)
    notice_banner(app, "account.password_changed", std::string(app.text("account.password_changed")), Tone::success);

  if (user.role == Role::customer) mail_preferences(app);

  heading(app, "account.sessions_heading");
  help_text(std::string(app.text("account.logout_everywhere_help")));
  ImGui::BeginDisabled(app.offline());
  if (danger_button(app, "account.logout_everywhere", "account.logout_everywhere")) people::log_out_everywhere(app);
  ImGui::EndDisabled();
}

}  // namespace tessera::client::ui
