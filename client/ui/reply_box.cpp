// The reply box of a ticket, for customers and staff: the replies written and not yet on the
// server (queued, sending, failed with the reason), then the draft — kept on the device as
// it is typed — and Send. Ctrl+Enter sends. Staff can mark it an internal note.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_reply_box(App& app, Id ticket_id, bool staff) {
  const std::string prefix = staff ? "op." : "ticket.";
  for (const OutboxItem* item : tickets::reply_items(app, ticket_id))
    if (draw_outbox_item(app, *item, outbox_subject(*item))) break;
  auto& draft = app.tickets.replies[ticket_id];
  multiline_field(app, prefix + "reply", "ticket.reply", draft.body, "body", 3.0f);
  const bool shortcut = ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter);
  if (staff) {
    checkbox(app, "op.internal", "ticket.internal_note", draft.internal);
    ImGui::SameLine();
  }
  if (submit_button(app, prefix + "send", draft.internal ? "ticket.add_note" : "ticket.send") || shortcut)
    tickets::send_reply(app);
  // Below the button, so its appearing moves nothing the user is aiming at.
  if (tickets::draft_state(app, ticket_id) == "draft") help_text(std::string(app.text("draft.saved_on_device")));
  ImGui::Spacing();
}

}  // namespace tessera::client::ui
