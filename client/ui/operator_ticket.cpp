// An operator's ticket: take it, ask the customer, propose the resolution, reply or write an
// internal note, and log the minutes worked with a note.
#include <tuple>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_operator_ticket(App& app) {
  if (secondary_button(app, "op.back", "common.back")) app.navigate("/queue");
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
  ImGui::TextDisabled("%s: %s", std::string(app.text("ticket.customer")).c_str(), detail.ticket.customer_name.c_str());
  // The actions the ticket's status allows (the domain's state machine decides).
  for (const auto& [action, id, key] : {std::tuple{TicketAction::take, "op.take", "ticket.take"},
                                        std::tuple{TicketAction::ask_customer, "op.ask_customer", "ticket.ask_customer"},
                                        std::tuple{TicketAction::resolve, "op.resolve", "ticket.resolve"}}) {
    if (!tickets::may(app, action)) continue;
    ImGui::SameLine();
    if (submit_button(app, id, key, "tickets.action")) tickets::act(app, action);
  }
  draw_timeline(app, detail);
  const auto status = detail.ticket.status;
  if (accepts_messages(status)) draw_reply_box(app, detail.ticket.id, true);
  if (accepts_time_entries(status)) {
    ImGui::Separator();
    ImGui::TextUnformatted(std::string(app.text("ticket.log_time")).c_str());
    ImGui::PushItemWidth(120.0f);
    bool submit = text_field(app, "op.minutes", "ticket.minutes", app.staff.time.minutes, "minutes",
                             ImGuiInputTextFlags_CharsDecimal);
    ImGui::PopItemWidth();
    submit |= text_field(app, "op.note", "ticket.note", app.staff.time.note, "note");
    submit |= submit_button(app, "op.log_time", "ticket.log_time", "staff.time");
    if (submit && !app.busy("staff.time")) staff::log_time(app);
  }
}

}  // namespace tessera::client::ui
