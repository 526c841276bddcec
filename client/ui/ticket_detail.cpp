// A customer's ticket: header, description, timeline, the actions its status allows (confirm
// or reject a resolution, withdraw before any work — after a confirmation), and the reply
// box while it accepts messages.
#include <tuple>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {
// "Withdraw this ticket?" — Escape or No closes it.
void withdraw_dialog(App& app) {
  if (!ImGui::BeginPopupModal("##withdraw", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return;
  ImGui::TextUnformatted(std::string(app.text("ticket.withdraw_confirm")).c_str());
  ImGui::Spacing();
  if (submit_button(app, "ticket.withdraw_yes", "ticket.withdraw", "tickets.action")) {
    tickets::act(app, TicketAction::withdraw);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (secondary_button(app, "ticket.withdraw_no", "common.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}
}  // namespace

void draw_ticket(App& app) {
  if (secondary_button(app, "ticket.back", "common.back")) app.navigate("/tickets");
  ImGui::Spacing();
  const auto& area = app.tickets;
  if (area.detail_missing) {
    help_text(std::string(app.text("ticket.not_found")));
    return;
  }
  if (!area.detail) {
    ImGui::TextDisabled("%s", std::string(app.text(app.offline() ? "ticket.not_on_device" : "common.loading")).c_str());
    return;
  }
  stale_note(app, area.detail_fresh, area.detail_at_ms);
  const auto detail = *area.detail;  // a copy: an action's answer may replace it mid-frame
  draw_timeline(app, detail);
  bool first = true;
  for (const auto& [action, id, key] :
       {std::tuple{TicketAction::confirm_resolution, "ticket.confirm_resolution", "ticket.confirm_resolution"},
        std::tuple{TicketAction::reject_resolution, "ticket.reject_resolution", "ticket.reject_resolution"}}) {
    if (!tickets::may(app, action)) continue;
    if (!first) ImGui::SameLine();
    first = false;
    if (submit_button(app, id, key, "tickets.action")) tickets::act(app, action);
  }
  if (tickets::may(app, TicketAction::withdraw)) {
    if (!first) ImGui::SameLine();
    first = false;
    if (secondary_button(app, "ticket.withdraw", "ticket.withdraw")) ImGui::OpenPopup("##withdraw");
  }
  withdraw_dialog(app);
  if (!first) ImGui::Spacing();
  if (accepts_messages(detail.ticket.status)) draw_reply_box(app, detail.ticket.id, false);
}

}  // namespace tessera::client::ui
