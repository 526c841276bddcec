// A ticket's cost statement (SPEC §1.7): how it is funded, what it cost in all ("1 ticket +
// 12 min"), and every time entry with its minutes, its note and what that entry cost.
#include "tessera/ledger.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_ticket_cost(App& app) {
  if (secondary_button(app, "money.cost.back", "money.cost.back")) app.navigate("/time");
  ImGui::Spacing();
  title(app, "money.cost.title");
  const auto& slot = app.money.ticket;
  const Id wanted = app.route().params.id("id").value_or(0);
  if (!fetch_state(app, "money.cost", slot.ready() && slot.value->ticket.id == wanted, slot.error, app.busy("money.ticket"),
                   [&app, wanted] { money::open_ticket_cost(app, wanted); }))
    return;
  const auto detail = *slot.value;
  const auto& ticket = detail.ticket;
  recorded_text(app, "money.cost.ticket", ticket.reference + " · " + ticket.subject, true);
  const std::string funding(app.text("money.funding." + ticket.funding));
  ImGui::TextDisabled("%s", app.format("money.cost.funded_by", {{"funding", funding}}).c_str());
  with_title_font([&] {
    recorded_text(app, "money.cost.total", app.format("money.cost.total", {{"cost", describe_cost(detail.cost, app.language)},
                                                                           {"minutes", std::to_string(ticket.minutes_worked)}}));
  });
  if (detail.cost.minimum_applied) help_text(std::string(app.text("money.cost.minimum_help")));
  if (detail.cost.overrun_minutes > 0)
    notice_banner(app, "money.cost.overrun",
                  app.format("money.cost.overrun", {{"minutes", std::to_string(detail.cost.overrun_minutes)}}), Tone::danger);
  ImGui::Spacing();
  ImGui::TextUnformatted(std::string(app.text("money.cost.entries")).c_str());
  int shown = 0;
  const bool compact = compact_layout();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##entries", compact ? 2 : 4, kFlags)) {
    ImGui::TableSetupColumn(std::string(app.text("money.cost.column.when")).c_str());
    if (!compact) ImGui::TableSetupColumn(std::string(app.text("money.cost.column.note")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("money.cost.column.minutes")).c_str());
    if (!compact) ImGui::TableSetupColumn(std::string(app.text("money.cost.column.cost")).c_str());
    ImGui::TableHeadersRow();
    for (const auto& entry : detail.timeline) {
      if (!is_time_event(entry.kind)) continue;
      const std::string row = std::to_string(shown++);
      const std::string cost = entry.cost ? describe_cost(*entry.cost, app.language) : std::string("-");
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.local_time(entry.at).c_str());
      ImGui::TextDisabled("%s", entry.author_name.c_str());
      if (compact) ImGui::TextWrapped("%s", entry.body.c_str());
      if (!compact) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", entry.body.c_str());
      }
      ImGui::TableNextColumn();
      const std::string minutes = entry.kind == TicketEventKind::time_adjustment
                                      ? app.format("money.cost.adjustment", {{"minutes", (entry.minutes > 0 ? "+" : "") + std::to_string(entry.minutes)}})
                                      : app.format("money.amount.minutes", {{"minutes", std::to_string(entry.minutes)}});
      recorded_text(app, "money.cost.entry." + row + ".minutes", minutes);
      if (!compact) ImGui::TableNextColumn();
      recorded_text(app, "money.cost.entry." + row + ".cost", cost, true);
    }
    ImGui::EndTable();
  }
  if (shown == 0) help_text(std::string(app.text("money.cost.no_entries")));
  ImGui::Spacing();
  if (secondary_button(app, "money.cost.open_ticket", "money.cost.open_ticket")) app.navigate("/tickets/" + std::to_string(ticket.id));
}

}  // namespace tessera::client::ui
