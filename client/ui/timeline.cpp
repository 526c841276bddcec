// A ticket's header (subject, reference, status), its description and its timeline:
// messages, internal notes (staff only ever receive them), status changes and time entries.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string status_text(App& app, TicketStatus status) {
  return std::string(app.text("status." + std::string(to_string(status))));
}

void draw_entry(App& app, const wire::TimelineEntry& entry) {
  const auto role = std::string(app.text("role." + std::string(to_string(entry.author_role))));
  ImGui::TextDisabled("%s · %s", entry.author_name.c_str(), role.c_str());
  if (entry.kind == TicketEventKind::message) {
    ImGui::TextWrapped("%s", entry.body.c_str());
  } else if (entry.kind == TicketEventKind::internal_note) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.35f, 0.0f, 1.0f));
    ImGui::TextWrapped("%s: %s", std::string(app.text("timeline.internal_note")).c_str(), entry.body.c_str());
    ImGui::PopStyleColor();
  } else if (entry.kind == TicketEventKind::status_change && !entry.status_from) {
    ImGui::TextWrapped("%s", std::string(app.text("ticket.opened")).c_str());
  } else if (entry.kind == TicketEventKind::status_change) {
    const auto from = entry.status_from ? status_text(app, *entry.status_from) : std::string("-");
    const auto to = entry.status_to ? status_text(app, *entry.status_to) : std::string("-");
    ImGui::TextWrapped("%s", format_text(app.text("ticket.status_changed"), {{"from", from}, {"to", to}}).c_str());
  } else if (entry.kind == TicketEventKind::attachment) {
    ImGui::TextWrapped("%s", format_text(app.text("timeline.attachment"), {{"name", entry.body}}).c_str());
  } else if (entry.kind == TicketEventKind::time_entry) {
    ImGui::TextWrapped("%s", format_text(app.text("ticket.time_entry"),
                                         {{"minutes", std::to_string(entry.minutes)}, {"note", entry.body}})
                                 .c_str());
  }
  ImGui::Spacing();
}

}  // namespace

void draw_timeline(App& app, const wire::TicketDetail& detail) {
  const auto& ticket = detail.ticket;
  with_title_font([&] { recorded_text(app, "title", ticket.subject, true); });
  ImGui::TextDisabled("%s %s · %s", std::string(app.text("ticket.reference")).c_str(), ticket.reference.c_str(),
                      std::string(app.text("category." + std::string(to_string(ticket.category)))).c_str());
  recorded_text(app, "status",
                format_text(app.text("ticket.status_line"), {{"status", status_text(app, ticket.status)}}) + " · " +
                    format_text(app.text("ticket.minutes_worked"),
                                {{"minutes", std::to_string(ticket.minutes_worked)}}));
  ImGui::Spacing();
  ImGui::TextDisabled("%s", std::string(app.text("ticket.description")).c_str());
  ImGui::TextWrapped("%s", detail.description.c_str());
  ImGui::Spacing();
  draw_attachments(app, detail);
  ImGui::Separator();
  ImGui::TextUnformatted(std::string(app.text("ticket.timeline")).c_str());
  ImGui::Spacing();
  if (detail.timeline.empty()) ImGui::TextDisabled("%s", std::string(app.text("ticket.timeline_empty")).c_str());
  for (const auto& entry : detail.timeline) draw_entry(app, entry);
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace tessera::client::ui
