// The audit log (the server keeps the last 500 entries, newest first): when, who (the actor's
// id; none for the scheduler or a PayPal webhook), what, and its details — filtered by actor,
// by action (the actions present) and by a range of days in the browser's time zone.
#include <set>
#include <string>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void filters(App& app) {
  auto& state = app.admin.audit;
  std::set<std::string> actions;
  for (const auto& entry : state.entries) actions.insert(entry.action);
  // Side by side on a desktop, one under the other on a phone.
  const bool compact = compact_layout() || !ImGui::BeginTable("##filters", 4, ImGuiTableFlags_SizingStretchSame);
  if (!compact) ImGui::TableNextColumn();
  text_field(app, "audit.actor", "admin.audit.actor", state.actor, "audit.actor", ImGuiInputTextFlags_CharsDecimal);
  if (!compact) ImGui::TableNextColumn();
  ImGui::TextUnformatted(std::string(app.text("admin.audit.action")).c_str());
  ImGui::SetNextItemWidth(-1.0f);
  const std::string shown = state.action.empty() ? std::string(app.text("admin.audit.any_action")) : state.action;
  if (ImGui::BeginCombo("##audit.action", shown.c_str())) {
    if (ImGui::Selectable(std::string(app.text("admin.audit.any_action")).c_str(), state.action.empty())) state.action.clear();
    for (const auto& action : actions) {
      if (ImGui::Selectable(label(action, "audit.action." + action).c_str(), state.action == action)) state.action = action;
      record_item(app, "audit.action." + action);
    }
    ImGui::EndCombo();
  }
  record_item(app, "audit.action");
  if (!compact) ImGui::TableNextColumn();
  text_field(app, "audit.from", "admin.audit.from", state.from, "audit.from");
  if (!compact) ImGui::TableNextColumn();
  text_field(app, "audit.to", "admin.audit.to", state.to, "audit.to");
  if (!compact) ImGui::EndTable();
}

}  // namespace

void draw_admin_audit(App& app) {
  title(app, "admin.audit.title");
  const auto& state = app.admin.audit;
  help_text(std::string(app.text("admin.audit.help")));
  if (button(app, "audit.refresh", "common.refresh")) admin::load_audit(app);
  ImGui::Spacing();
  if (!state.loaded) {
    ImGui::TextDisabled("%s", std::string(app.text(app.busy("admin.audit") ? "common.loading" : "admin.load_failed")).c_str());
    return;
  }
  filters(app);
  std::optional<Error> filter_error;
  const auto shown = admin::filtered_audit(state, app.browser().utc_offset_minutes(0), filter_error);
  if (filter_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::danger));
    ImGui::TextWrapped("%s", app.error_text(*filter_error).c_str());
    ImGui::PopStyleColor();
    return;
  }
  recorded_text(app, "audit.count", app.format("admin.audit.count", {{"shown", std::to_string(shown.size())},
                                                                     {"total", std::to_string(state.entries.size())}}));
  if (shown.empty()) {
    help_text(std::string(app.text(state.entries.empty() ? "admin.audit.empty" : "admin.audit.none_match")));
    return;
  }
  for (const auto& entry : shown) {
    const std::string who = entry.actor_id ? app.format("admin.audit.by", {{"id", std::to_string(entry.actor_id)}})
                                           : std::string(app.text("admin.audit.by_system"));
    ImGui::TextUnformatted(entry.action.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s", app.local_time(entry.at).c_str(), who.c_str());
    if (!entry.details.empty()) help_text(entry.details);
    ImGui::Separator();
  }
}

}  // namespace tessera::client::ui
