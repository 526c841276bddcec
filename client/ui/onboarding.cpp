// The startup conference (the account's owner, after the subscription's first activation):
// the step's state, a slot to book from the admin's availability or "by email instead", and
// the details that stay editable — every way to reach the customer and their work
// environment, which the technicians see on every ticket. What is typed is kept on the device.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void heading(App& app, std::string_view key) {
  ImGui::Spacing();
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text(key)).c_str()); });
}

void state_banner(App& app, const OnboardingStep& step) {
  if (step.done)
    notice_banner(app, "onboarding.state", app.format("onboarding.state_done", {{"date", app.local_time(step.done_at)}}),
                  Tone::success);
  else if (step.choice == OnboardingChoice::call_booked)
    notice_banner(app, "onboarding.state",
                  app.format("onboarding.state_call", {{"date", app.local_time(step.call_at)},
                                                       {"minutes", std::to_string(step.call_length)}}),
                  Tone::info);
  else if (step.choice == OnboardingChoice::by_email)
    notice_banner(app, "onboarding.state", std::string(app.text("onboarding.state_email")), Tone::info);
  else
    notice_banner(app, "onboarding.state", std::string(app.text("onboarding.state_pending")), Tone::warning);
}

void choice(App& app, const OnboardingStep& step) {
  heading(app, "onboarding.choose_heading");
  help_text(std::string(app.text("onboarding.choose_help")));
  ImGui::BeginDisabled(app.offline() || app.busy("onboarding.book"));
  if (step.free_slots.empty()) help_text(std::string(app.text("onboarding.no_slots")));
  for (const auto& slot : step.free_slots) {
    const std::string id = "onboarding.book." + std::to_string(slot.id);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.format("onboarding.slot", {{"date", app.local_time(slot.starts_at)},
                                                          {"minutes", std::to_string(slot.length)}})
                               .c_str());
    ImGui::SameLine();
    if (button(app, id, "onboarding.book")) people::book_slot(app, slot.id);
  }
  field_error(app, "slot_id");
  ImGui::EndDisabled();
  ImGui::Spacing();
  ImGui::BeginDisabled(app.offline() || step.choice == OnboardingChoice::by_email);
  if (secondary_button(app, "onboarding.by_email", "onboarding.by_email") && !app.busy("onboarding.by_email"))
    people::choose_by_email(app);
  ImGui::EndDisabled();
}

void details(App& app) {
  auto& form = app.people.onboarding_form;
  const OnboardingForm before = form;
  heading(app, "onboarding.contacts_heading");
  help_text(std::string(app.text("onboarding.one_per_line")));
  multiline_field(app, "onboarding.phones", "onboarding.phones", form.phones, "contacts.phones", 2.0f);
  multiline_field(app, "onboarding.emails", "onboarding.emails", form.emails, "contacts.emails", 2.0f);
  text_field(app, "onboarding.preferred_hours", "onboarding.preferred_hours", form.preferred_hours,
             "contacts.preferred_hours");
  heading(app, "onboarding.environment_heading");
  help_text(std::string(app.text("onboarding.environment_help")));
  multiline_field(app, "onboarding.devices", "onboarding.devices", form.devices, "environment.devices", 2.0f);
  multiline_field(app, "onboarding.operating_systems", "onboarding.operating_systems", form.operating_systems,
                  "environment.operating_systems", 2.0f);
  text_field(app, "onboarding.network", "onboarding.network", form.network, "environment.network");
  multiline_field(app, "onboarding.key_software", "onboarding.key_software", form.key_software,
                  "environment.key_software", 2.0f);
  if (!(form == before)) {
    form.edited = true;
    app.people.onboarding_saved = false;
  }
  if (form.edited) help_text(std::string(app.text("draft.saved_on_device")));
  if (app.offline()) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(app.offline());
  if (submit_button(app, "onboarding.save", "onboarding.save", "onboarding.details")) people::save_onboarding_details(app);
  ImGui::EndDisabled();
  if (app.people.onboarding_saved)
    notice_banner(app, "onboarding.saved", std::string(app.text("onboarding.saved")), Tone::success);
}

}  // namespace

void draw_onboarding(App& app) {
  if (secondary_button(app, "onboarding.back", "common.back")) app.navigate("/account");
  ImGui::Spacing();
  title(app, "onboarding.title");
  help_text(std::string(app.text("onboarding.intro")));
  const auto& area = app.people;
  if (area.onboarding_owner_only) {
    help_text(std::string(app.text("onboarding.owner_only")));
    return;
  }
  if (!area.onboarding) {
    if (app.busy("onboarding.get") || !app.error) {
      ImGui::TextDisabled("%s", std::string(app.text(app.offline() ? "people.needs_connection" : "common.loading")).c_str());
    } else if (button(app, "onboarding.retry", "people.retry")) {
      app.clear_error();
      people::load_onboarding(app);
    }
    return;
  }
  const OnboardingStep step = *area.onboarding;  // a copy: an answer may replace it mid-frame
  if (!step.available) {
    help_text(std::string(app.text("onboarding.not_available")));
    return;
  }
  state_banner(app, step);
  if (!step.done) choice(app, step);
  details(app);
}

}  // namespace tessera::client::ui
