// A customer's ticket: header, description, timeline, the actions its status allows (confirm
// or reject a resolution, withdraw before any work), and a reply box while it accepts messages.
#include <tuple>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_ticket(App& app) {
  if (button(app, "ticket.back", "common.back")) app.show_my_tickets();
  ImGui::SameLine();
  if (app.state.ticket && button(app, "ticket.refresh", "common.refresh")) app.open_ticket(app.state.ticket->ticket.id);
  ImGui::Spacing();
  if (!app.state.ticket) {
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    return;
  }
  const auto& detail = *app.state.ticket;
  draw_timeline(app, detail);
  // What the customer may do now (the domain's state machine decides).
  bool first = true;
  for (const auto& [action, id, key] :
       {std::tuple{TicketAction::confirm_resolution, "ticket.confirm_resolution", "ticket.confirm_resolution"},
        std::tuple{TicketAction::reject_resolution, "ticket.reject_resolution", "ticket.reject_resolution"},
        std::tuple{TicketAction::withdraw, "ticket.withdraw", "ticket.withdraw"}}) {
    if (!app.may(action)) continue;
    if (!first) ImGui::SameLine();
    first = false;
    if (submit_button(app, id, key)) app.ticket_action(action);
  }
  if (!first) ImGui::Spacing();
  if (accepts_messages(detail.ticket.status)) {
    multiline_field(app, "ticket.reply", "ticket.reply", app.state.reply.body, "body", 3.0f);
    if (submit_button(app, "ticket.send", "ticket.send")) app.send_reply();
  }
}

}  // namespace tessera::client::ui
