// A table of ticket summaries (My tickets, the queue): reference, subject, status, time
// worked (and customer and criticality for staff), with an Open button per row whose test id
// is the prefix followed by the ticket's id ("tickets.open.12").
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_ticket_table(App& app, const std::vector<wire::TicketSummary>& tickets, std::string_view id_prefix,
                       bool for_staff) {
  const int columns = for_staff ? 7 : 5;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##tickets", columns, kFlags)) return;
  const auto header = [&](std::string_view key) {
    ImGui::TableSetupColumn(std::string(app.text(key)).c_str());
  };
  header("ticket.reference");
  header("ticket.subject");
  if (for_staff) {
    header("ticket.customer");
    header("ticket.criticality");
  }
  header("ticket.status");
  header("ticket.worked");
  ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  Id to_open = 0;
  // Each cell's text sits on the baseline of the row's Open button.
  const auto next_cell = [] {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
  };
  for (const auto& ticket : tickets) {
    ImGui::TableNextRow();
    next_cell();
    ImGui::TextUnformatted(ticket.reference.c_str());
    next_cell();
    ImGui::TextWrapped("%s", ticket.subject.c_str());
    if (for_staff) {
      next_cell();
      ImGui::TextUnformatted(ticket.customer_name.c_str());
      next_cell();
      const auto criticality = effective_criticality(ticket.criticality, ticket.triage);
      ImGui::TextUnformatted(std::string(app.text("criticality." + std::string(to_string(criticality)))).c_str());
    }
    next_cell();
    ImGui::TextUnformatted(std::string(app.text("status." + std::string(to_string(ticket.status)))).c_str());
    next_cell();
    ImGui::TextUnformatted(
        format_text(app.text("ticket.minutes_worked"), {{"minutes", std::to_string(ticket.minutes_worked)}}).c_str());
    next_cell();
    if (button(app, std::string(id_prefix) + std::to_string(ticket.id), "common.open")) to_open = ticket.id;
  }
  ImGui::EndTable();
  if (to_open != 0) app.navigate("/tickets/" + std::to_string(to_open));
}

}  // namespace tessera::client::ui
