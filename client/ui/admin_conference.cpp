// The startup conference (SPEC §1.2): the admin's availability (slots customers book, each
// free one removable), and every account's step — booked call, by email, or still to choose —
// with its contacts and work environment; a step is marked done with the call's notes.
#include <string>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void slots(App& app) {
  auto& state = app.admin.conference;
  with_title_font([&] { recorded_text(app, "conference.slots", std::string(app.text("admin.conference.slots"))); });
  help_text(std::string(app.text("admin.conference.slots_help")));
  if (!state.slots_loaded) {
    ImGui::TextDisabled("%s", std::string(app.text(app.busy("admin.slots") ? "common.loading" : "admin.load_failed")).c_str());
  } else if (state.slots.empty()) {
    help_text(std::string(app.text("admin.conference.no_slots")));
  }
  for (const auto& slot : std::vector<ConferenceSlot>(state.slots)) {
    const std::string id = "slot." + std::to_string(slot.id);
    ImGui::TextUnformatted(app.format("admin.conference.slot_line", {{"date", app.local_time(slot.starts_at)},
                                                                     {"minutes", std::to_string(slot.length_minutes)}})
                               .c_str());
    ImGui::SameLine();
    if (slot.booked) {
      ImGui::TextDisabled("%s", std::string(app.text("admin.conference.booked")).c_str());
    } else if (danger_button(app, id + ".remove", "admin.remove", "admin.slot_remove")) {
      admin::remove_slot(app, slot.id);
    }
  }
  ImGui::Spacing();
  text_field(app, "slot.date", "admin.conference.slot_date", state.slot_date, "slot.date");
  text_field(app, "slot.time", "admin.conference.slot_time", state.slot_time, "slot.time");
  text_field(app, "slot.length", "admin.conference.slot_length", state.slot_length, "slot.length",
             ImGuiInputTextFlags_CharsDecimal);
  if (submit_button(app, "slot.add", "admin.conference.add_slot", "admin.slot_add")) admin::add_slot(app);
  field_error(app, "slot.starts_at");
}

void steps(App& app) {
  auto& state = app.admin.conference;
  with_title_font([&] { recorded_text(app, "conference.steps", std::string(app.text("admin.conference.steps"))); });
  if (!state.done_for.empty())
    notice_banner(app, "conference.done", app.format("admin.conference.marked_done", {{"name", state.done_for}}), Tone::success);
  if (!draw_list_state(app, state.steps_loaded, "admin.steps", state.steps.empty(), "admin.conference.no_steps")) return;
  for (const auto& step : std::vector<ConferenceStep>(state.steps)) {
    const std::string id = "step." + std::to_string(step.account_id);
    ImGui::PushID(id.c_str());
    recorded_text(app, id + ".owner", step.owner_name + " · " + step.owner_email, true);
    std::string choice(app.text("admin.conference.choice." + step.choice));
    if (step.choice == "call_booked") choice += " · " + app.local_time(step.call_at);
    ImGui::TextDisabled("%s", choice.c_str());
    if (!step.contacts.empty()) ImGui::TextWrapped("%s", app.format("admin.conference.contacts", {{"list", step.contacts}}).c_str());
    if (!step.environment.empty())
      ImGui::TextWrapped("%s", app.format("admin.conference.environment", {{"list", step.environment}}).c_str());
    if (step.done) {
      notice_banner(app, id + ".done", std::string(app.text("admin.conference.done")), Tone::success);
      if (!step.operator_notes.empty()) help_text(step.operator_notes);
    } else if (step.choice != "pending") {
      multiline_field(app, id + ".notes", "admin.conference.notes", state.notes[step.account_id], id + ".notes", 3);
      if (submit_button(app, id + ".complete", "admin.conference.mark_done", "admin.step_done"))
        admin::complete_step(app, step.account_id);
    }
    ImGui::PopID();
    ImGui::Separator();
  }
}

}  // namespace

void draw_admin_conference(App& app) {
  title(app, "admin.conference.title");
  slots(app);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  steps(app);
}

}  // namespace tessera::client::ui
