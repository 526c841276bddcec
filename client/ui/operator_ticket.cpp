// An operator's ticket: on a desktop two columns — the timeline and the answer on the left;
// on the right the work timer, the minutes to log with what they will cost the customer, the
// ticket's funding, the triage, and the account's contacts and work environment from its
// startup conference. On a phone one column in the order of the work. The actions the ticket's
// status allows (take, ask the customer, propose the resolution) head both.
//
// [SECTION] Side panel parts  [SECTION] The answer box  [SECTION] The screen
#include <tuple>

#include "tessera/ledger.hpp"
#include "ui/desk_parts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void heading(App& app, std::string_view key) {
  ImGui::Spacing();
  push_text_style(TextStyle::small);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(std::string(app.text(key)).c_str());
  ImGui::PopStyleColor();
  pop_text_style();
}

void listed(App& app, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
  ImGui::TextWrapped("%s: %s", std::string(app.text(key)).c_str(), joined.c_str());
}

// [SECTION] Side panel parts
void timer_part(App& app, const wire::TicketDetail& detail) {
  heading(app, "desk.timer");
  const WorkTimer* timer = staff::timer(app, detail.ticket.id);
  const double elapsed = timer ? timer->elapsed_ms(app.browser().now_ms()) : 0.0;
  push_text_style(TextStyle::display);
  if (timer && timer->running()) ImGui::PushStyleColor(ImGuiCol_Text, palette().brand);
  else ImGui::PushStyleColor(ImGuiCol_Text, timer ? palette().text : palette().text_muted);
  recorded_text(app, "op.timer.clock", clock_text(elapsed));
  ImGui::PopStyleColor();
  pop_text_style();
  if (!timer || !timer->running()) {
    if (submit_button(app, "op.timer.start", timer ? "desk.timer_resume" : "desk.timer_start")) staff::start_timer(app);
  } else if (secondary_button(app, "op.timer.pause", "desk.timer_pause")) {
    staff::pause_timer(app);
  }
  if (timer) {
    ImGui::SameLine();
    if (secondary_button(app, "op.timer.stop", "desk.timer_stop")) staff::stop_timer(app);
  }
  help_text(std::string(app.text(timer ? "desk.timer_kept" : "desk.timer_help")));
}

// What the entry typed will cost, by the ledger's rules ("This entry uses 1 more ticket").
void cost_preview(App& app, const wire::TicketDetail& detail, const TimeForm& form) {
  const auto source = parse_funding_source(detail.ticket.funding);
  Minutes minutes = 0;
  bool whole = !form.minutes.empty();
  for (const char c : form.minutes) whole = whole && c >= '0' && c <= '9';
  if (whole && form.minutes.size() <= 4) minutes = std::stoll(form.minutes);
  const auto cost = source ? time_entry_cost_preview(*source, detail.ticket.minutes_worked, minutes) : Result<Cost>(make_error("internal"));
  if (!cost) {
    help_text(std::string(app.text("desk.cost_type_minutes")));
    return;
  }
  std::string text;
  if (*source == FundingSource::units)
    text = cost.value().units == 0 ? std::string(app.text("desk.entry_uses_no_ticket"))
           : cost.value().units == 1
               ? std::string(app.text("desk.entry_uses_one_ticket"))
               : app.format("desk.entry_uses_tickets", {{"count", std::to_string(cost.value().units)}});
  else
    text = app.format("desk.entry_costs", {{"cost", describe_cost(cost.value(), app.language)}});
  notice_banner(app, "op.cost_preview", text, Tone::info);
  help_text(std::string(app.text("desk.overrun_rule")));
}

void log_part(App& app, const wire::TicketDetail& detail) {
  heading(app, "ticket.log_time");
  auto& form = staff::time_form(app, detail.ticket.id);
  if (form.proposed) help_text(std::string(app.text("desk.minutes_proposed")));
  ImGui::PushItemWidth(8.0f * ImGui::GetFontSize());
  const std::string before = form.minutes;
  bool submit = text_field(app, "op.minutes", "ticket.minutes", form.minutes, "minutes", ImGuiInputTextFlags_CharsDecimal);
  ImGui::PopItemWidth();
  if (form.minutes != before) form.proposed = false;
  submit |= text_field(app, "op.note", "ticket.note", form.note, "note");
  cost_preview(app, detail, form);
  submit |= submit_button(app, "op.log_time", "ticket.log_time", "staff.time");
  if (submit && !app.busy("staff.time")) staff::log_time(app);
  if (!app.staff.notice.empty()) notice_banner(app, "desk.notice", app.staff.notice, Tone::success);
}

void funding_part(App& app, const wire::TicketDetail& detail) {
  heading(app, "desk.funding");
  const std::string source = detail.ticket.funding.empty() ? "none" : detail.ticket.funding;
  recorded_text(app, "op.funding", std::string(app.text("desk.funding." + source)), true);
  help_text(std::string(app.text("desk.funding_rule." + source)));
  recorded_text(app, "op.cost_so_far",
                app.format("desk.cost_so_far", {{"minutes", std::to_string(detail.ticket.minutes_worked)},
                                                {"cost", describe_cost(detail.cost, app.language)}}),
                true);
}

void triage_part(App& app, const wire::TicketDetail& detail) {
  heading(app, "desk.triage");
  const auto& ticket = detail.ticket;
  help_text(app.format("desk.declared", {{"criticality", std::string(app.text(
                                                             "criticality." + std::string(to_string(ticket.criticality))))}}));
  const auto effective = effective_criticality(ticket.criticality, ticket.triage);
  const bool open = accepts_messages(ticket.status);
  ImGui::BeginDisabled(!open || app.busy("staff.triage"));
  bool first = true;
  for (const Criticality level : {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}) {
    if (!first) ImGui::SameLine();
    first = false;
    const std::string id = "op.triage." + std::string(to_string(level));
    ImGui::PushStyleColor(ImGuiCol_Text, criticality_colour(level));
    if (ImGui::RadioButton(label(std::string(app.text("criticality." + std::string(to_string(level)))), id).c_str(),
                           effective == level) &&
        effective != level)
      staff::triage(app, level);
    ImGui::PopStyleColor();
    record_item(app, id);
  }
  ImGui::EndDisabled();
  help_text(std::string(app.text("desk.triage_help")));
}

void customer_part(App& app, const wire::TicketDetail& detail) {
  heading(app, "desk.customer");
  ImGui::TextWrapped("%s", detail.ticket.customer_name.c_str());
  if (detail.contacts) {
    const auto& contacts = *detail.contacts;
    listed(app, "desk.phones", contacts.phones);
    listed(app, "desk.emails", contacts.emails);
    if (!contacts.preferred_hours.empty())
      ImGui::TextWrapped("%s: %s", std::string(app.text("desk.preferred_hours")).c_str(), contacts.preferred_hours.c_str());
  }
  heading(app, "desk.environment");
  if (!detail.work_environment) {
    help_text(std::string(app.text("desk.no_environment")));
    return;
  }
  const auto& environment = *detail.work_environment;
  listed(app, "desk.devices", environment.devices);
  listed(app, "desk.systems", environment.operating_systems);
  if (!environment.network.empty())
    ImGui::TextWrapped("%s: %s", std::string(app.text("desk.network")).c_str(), environment.network.c_str());
  listed(app, "desk.software", environment.key_software);
}

// [SECTION] The answer box: a reply the customer reads, or an internal note they never see.
void answer_box(App& app, Id ticket_id) {
  for (const OutboxItem* item : tickets::reply_items(app, ticket_id))
    if (draw_outbox_item(app, *item, outbox_subject(*item))) break;
  auto& draft = app.tickets.replies[ticket_id];
  const auto mode = [&](std::string_view id, std::string_view key, bool internal) {
    push_button_style(draft.internal == internal ? ButtonStyle::primary : ButtonStyle::secondary);
    if (ImGui::Button(label(std::string(app.text(key)), id).c_str())) draft.internal = internal;
    pop_button_style();
    record_item(app, id);
  };
  mode("op.mode.reply", "desk.mode_reply", false);
  ImGui::SameLine();
  mode("op.internal", "desk.mode_note", true);
  if (draft.internal) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().danger_soft);
    notice_banner(app, "op.note_warning", std::string(app.text("desk.note_hidden")), Tone::warning);
  }
  multiline_field(app, "op.reply", draft.internal ? "desk.note_label" : "desk.reply_label", draft.body, "body", 4.0f);
  if (draft.internal) ImGui::PopStyleColor();
  const bool shortcut = ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter);
  if (submit_button(app, "op.send", draft.internal ? "ticket.add_note" : "ticket.send") || shortcut) tickets::send_reply(app);
  if (tickets::draft_state(app, ticket_id) == "draft") help_text(std::string(app.text("draft.saved_on_device")));
}

void actions(App& app) {
  bool first = true;
  for (const auto& [action, id, key] : {std::tuple{TicketAction::take, "op.take", "ticket.take"},
                                        std::tuple{TicketAction::ask_customer, "op.ask_customer", "ticket.ask_customer"},
                                        std::tuple{TicketAction::resolve, "op.resolve", "ticket.resolve"}}) {
    if (!tickets::may(app, action)) continue;
    if (!first) ImGui::SameLine();
    first = false;
    const bool main = action == TicketAction::take;
    if (main ? submit_button(app, id, key, "tickets.action") : secondary_button(app, id, key)) tickets::act(app, action);
  }
  if (!first) ImGui::Spacing();
}

}  // namespace

// [SECTION] The screen
void draw_operator_ticket(App& app) {
  if (draw_ticket_top(app, "op.back", "desk.back_to_queue", "/queue")) return;
  const auto& area = app.tickets;
  if (!area.detail) {
    ImGui::TextDisabled("%s", std::string(app.text(app.offline() ? "ticket.not_on_device" : "common.loading")).c_str());
    return;
  }
  stale_note(app, area.detail_fresh, area.detail_at_ms);
  const auto detail = *area.detail;  // a copy: an action's answer may replace it mid-frame
  const auto status = detail.ticket.status;
  const auto main_column = [&] {
    draw_timeline(app, detail);
    if (accepts_messages(status)) answer_box(app, detail.ticket.id);
  };
  const auto work_parts = [&] {
    if (accepts_time_entries(status)) {
      timer_part(app, detail);
      log_part(app, detail);
    } else if (staff::timer(app, detail.ticket.id)) {
      timer_part(app, detail);  // a timer left running: it can still be stopped
    }
  };
  if (compact_layout()) {
    actions(app);
    work_parts();
    ImGui::Separator();
    main_column();
    ImGui::Separator();
    triage_part(app, detail);
    funding_part(app, detail);
    customer_part(app, detail);
    return;
  }
  if (!ImGui::BeginTable("##desk", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("##timeline", ImGuiTableColumnFlags_WidthStretch, 0.62f);
  ImGui::TableSetupColumn("##side", ImGuiTableColumnFlags_WidthStretch, 0.38f);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  actions(app);
  main_column();
  ImGui::TableNextColumn();
  work_parts();
  triage_part(app, detail);
  funding_part(app, detail);
  customer_part(app, detail);
  ImGui::EndTable();
}

}  // namespace tessera::client::ui
