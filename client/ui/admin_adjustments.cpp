// Signed time adjustments on a ticket (SPEC §1.7): entries are never edited nor deleted, so
// an admin corrects worked time with a new entry — minutes with a sign and a reason. The
// screen finds a ticket by its reference, shows its time entries and what they cost, and the
// correction's form; the ledger re-charges the ticket.
#include <string>

#include "tessera/ledger.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void lookup(App& app) {
  auto& state = app.admin.adjustment;
  help_text(std::string(app.text("admin.adjust.lookup_help")));
  const bool entered = text_field(app, "adjust.lookup", "admin.adjust.lookup", state.lookup, "adjustment.lookup");
  if (submit_button(app, "adjust.find", "admin.adjust.find") || entered) admin::find_ticket(app);
}

void time_entries(App& app, const wire::TicketDetail& detail) {
  bool any = false;
  for (const auto& entry : detail.timeline) {
    if (!is_time_event(entry.kind)) continue;
    any = true;
    const bool adjustment = entry.kind == TicketEventKind::time_adjustment;
    const std::string minutes = (adjustment && entry.minutes > 0 ? "+" : "") + std::to_string(entry.minutes);
    ImGui::TextWrapped("%s", app.format(adjustment ? "admin.adjust.adjustment_line" : "admin.adjust.entry_line",
                                        {{"minutes", minutes}, {"who", entry.author_name}, {"date", app.local_time(entry.at)}})
                                 .c_str());
    if (!entry.body.empty()) help_text(entry.body);
  }
  if (!any) help_text(std::string(app.text("admin.adjust.no_time")));
}

}  // namespace

void draw_admin_adjustments(App& app) {
  title(app, "admin.adjust.title");
  auto& state = app.admin.adjustment;
  if (state.ticket_id == 0) {
    lookup(app);
    return;
  }
  if (secondary_button(app, "adjust.back", "admin.adjust.other")) app.navigate("/admin/adjustments");
  ImGui::Spacing();
  if (state.missing) {
    help_text(std::string(app.text("ticket.not_found")));
    return;
  }
  if (!state.detail) {
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    return;
  }
  const auto detail = *state.detail;  // a copy: the answer replaces it
  with_title_font([&] {
    recorded_text(app, "adjust.ticket", detail.ticket.reference + " · " + detail.ticket.subject, true);
  });
  recorded_text(app, "adjust.worked",
                app.format("admin.adjust.worked", {{"minutes", std::to_string(detail.ticket.minutes_worked)},
                                                   {"cost", describe_cost(detail.cost, app.language)}}),
                true);
  ImGui::Spacing();
  time_entries(app, detail);
  ImGui::Separator();
  ImGui::Spacing();
  help_text(app.format("admin.adjust.help", {{"max", std::to_string(LedgerRules{}.maximum_time_entry)}}));
  text_field(app, "adjust.minutes", "admin.adjust.minutes", state.minutes, "adjustment.minutes");
  multiline_field(app, "adjust.note", "admin.adjust.note", state.note, "adjustment.note", 3);
  if (submit_button(app, "adjust.submit", "admin.adjust.submit", "admin.adjust")) admin::adjust_time(app);
  if (state.saved) {
    ImGui::SameLine();
    notice_banner(app, "adjust.saved", std::string(app.text("admin.adjust.saved")), Tone::success);
  }
}

}  // namespace tessera::client::ui
