// A customer's ticket: header, description, timeline, the actions its status allows (confirm
// or reject a resolution, withdraw before any work — after a confirmation), files to attach
// while it is open (chosen from the device, checked before sending), the reply box while it
// accepts messages, and once closed the evaluation (1–5, a comment, whether it may be
// published on the transparency board).
#include <tuple>

#include "tessera/attachments.hpp"
#include "tessera/evaluation.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
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

void actions(App& app, const wire::TicketDetail& detail) {
  bool first = true;
  if (detail.ticket.status == TicketStatus::resolved) help_text(std::string(app.text("ticket.resolution_help")));
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
    help_text(std::string(app.text("ticket.withdraw_help")));
  }
  withdraw_dialog(app);
  if (!first) ImGui::Spacing();
}

void attach(App& app, const wire::TicketDetail& detail) {
  const bool full = detail.attachments.size() >= kMaxAttachmentsPerTicket;
  const bool sending = app.busy("tickets.attach");
  ImGui::BeginDisabled(app.offline() || full || sending);
  if (button(app, "ticket.attach", "ticket.attach")) tickets::choose_attachment(app);
  ImGui::EndDisabled();
  if (sending)
    notice_banner(app, "ticket.attaching", app.format("ticket.attaching", {{"name", app.tickets.attaching}}), Tone::info);
  help_text(app.format("ticket.attach_rules", {{"mb", std::to_string(kMaxAttachmentBytes / (1024 * 1024))},
                                               {"count", std::to_string(kMaxAttachmentsPerTicket)}}));
  if (app.offline()) help_text(std::string(app.text("people.needs_connection")));
  field_error(app, "attachment");
  ImGui::Spacing();
}

void evaluation(App& app, const wire::TicketDetail& detail) {
  const Id id = detail.ticket.id;
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text("ticket.evaluation_heading")).c_str()); });
  if (const auto rated = app.tickets.rated.find(id); rated != app.tickets.rated.end()) {
    const std::string text = rated->second > 0
                                 ? app.format("ticket.rated", {{"rating", std::to_string(rated->second)}})
                                 : std::string(app.text("ticket.rated_before"));
    notice_banner(app, "ticket.rated", text, Tone::success);
    return;
  }
  help_text(std::string(app.text("ticket.evaluation_help")));
  auto& draft = app.tickets.evaluations[id];
  ImGui::TextUnformatted(std::string(app.text("ticket.rating")).c_str());
  for (int rating = 1; rating <= 5; ++rating) {
    if (rating > 1) ImGui::SameLine();
    const std::string item = "ticket.rating." + std::to_string(rating);
    if (ImGui::RadioButton(label(std::to_string(rating), item).c_str(), draft.rating == rating)) draft.rating = rating;
    record_item(app, item);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", std::string(app.text("ticket.rating_scale")).c_str());
  field_error(app, "rating");
  multiline_field(app, "ticket.evaluation_comment", "ticket.evaluation_comment", draft.comment, "comment", 3.0f);
  help_text(app.format("ticket.evaluation_comment_help", {{"max", std::to_string(kMaxEvaluationComment)}}));
  checkbox(app, "ticket.evaluation_publish", "ticket.evaluation_publish", draft.publish);
  help_text(std::string(app.text("ticket.evaluation_publish_help")));
  if (app.offline()) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(app.offline());
  if (submit_button(app, "ticket.evaluate", "ticket.evaluate", "tickets.evaluate")) tickets::evaluate(app);
  ImGui::EndDisabled();
  ImGui::Spacing();
}
}  // namespace

bool draw_ticket_top(App& app, std::string_view back_id, std::string_view back_key, std::string_view back_to) {
  if (secondary_button(app, back_id, back_key)) app.navigate(back_to);
  ImGui::Spacing();
  if (!app.tickets.detail_missing) return false;
  help_text(std::string(app.text("ticket.not_found")));
  return true;
}

void draw_ticket(App& app) {
  if (draw_ticket_top(app, "ticket.back", "common.back", "/tickets")) return;
  const auto& area = app.tickets;
  if (!area.detail) {
    if (app.error && !app.busy("tickets.detail")) {
      if (button(app, "ticket.retry", "people.retry")) {
        const Id id = app.route().params.id("id").value_or(0);
        app.clear_error();
        if (id > 0) tickets::open(app, id);
      }
      return;
    }
    ImGui::TextDisabled("%s", std::string(app.text(app.offline() ? "ticket.not_on_device" : "common.loading")).c_str());
    return;
  }
  stale_note(app, area.detail_fresh, area.detail_at_ms);
  const auto detail = *area.detail;  // a copy: an action's answer may replace it mid-frame
  draw_timeline(app, detail);
  actions(app, detail);
  if (is_open(detail.ticket.status)) attach(app, detail);
  if (accepts_messages(detail.ticket.status)) draw_reply_box(app, detail.ticket.id, false);
  if (detail.ticket.status == TicketStatus::closed) evaluation(app, detail);
}

}  // namespace tessera::client::ui
