// An operator's ticket: take it, ask the customer, propose the resolution, reply or write an
// internal note, and log the minutes worked with a note.
#include <tuple>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_operator_ticket(App& app) {
  if (button(app, "op.back", "common.back")) app.show_queue();
  ImGui::SameLine();
  if (app.state.ticket && button(app, "op.refresh", "common.refresh")) app.open_ticket(app.state.ticket->ticket.id);
  ImGui::Spacing();
  if (!app.state.ticket) {
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    return;
  }
  const auto& ticket = app.state.ticket->ticket;
  ImGui::TextDisabled("%s: %s", std::string(app.text("ticket.customer")).c_str(), ticket.customer_name.c_str());
  // The actions the ticket's status allows (the domain's state machine decides).
  for (const auto& [action, id, key] : {std::tuple{TicketAction::take, "op.take", "ticket.take"},
                                        std::tuple{TicketAction::ask_customer, "op.ask_customer", "ticket.ask_customer"},
                                        std::tuple{TicketAction::resolve, "op.resolve", "ticket.resolve"}}) {
    if (!app.may(action)) continue;
    ImGui::SameLine();
    if (submit_button(app, id, key)) app.ticket_action(action);
  }
  draw_timeline(app, *app.state.ticket);
  const auto status = app.state.ticket->ticket.status;
  if (accepts_messages(status)) {
    multiline_field(app, "op.reply", "ticket.reply", app.state.reply.body, "body", 3.0f);
    checkbox(app, "op.internal", "ticket.internal_note", app.state.reply.internal);
    ImGui::SameLine();
    if (submit_button(app, "op.send", "ticket.send")) app.send_reply();
    ImGui::Spacing();
  }
  if (accepts_time_entries(status)) {
    ImGui::Separator();
    ImGui::TextUnformatted(std::string(app.text("ticket.log_time")).c_str());
    ImGui::PushItemWidth(120.0f);
    text_field(app, "op.minutes", "ticket.minutes", app.state.time.minutes, "minutes",
               ImGuiInputTextFlags_CharsDecimal);
    ImGui::PopItemWidth();
    text_field(app, "op.note", "ticket.note", app.state.time.note, "note");
    if (submit_button(app, "op.log_time", "ticket.log_time")) app.log_time();
  }
}

}  // namespace tessera::client::ui
