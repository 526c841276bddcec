// A customer's ticket: header, description, timeline, and a reply box while the ticket
// accepts messages.
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
  if (accepts_messages(detail.ticket.status)) {
    multiline_field(app, "ticket.reply", "ticket.reply", app.state.reply.body, "body", 3.0f);
    if (submit_button(app, "ticket.send", "ticket.send")) app.send_reply();
  }
}

}  // namespace tessera::client::ui
