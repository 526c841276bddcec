// The operator queue: open tickets in the operator's languages (switchable), most critical
// first, then the earliest first-response due time, then the oldest (the server orders them,
// SPEC §1.8); filters (status, category, text), pages of 20, each ticket's due time in open
// time with the overdue ones in red. It follows the event stream (no Refresh needed) and the
// keyboard: ↑ ↓ choose a row, Enter opens it, Page Up / Page Down turn the pages.
// States: loading, error (with Retry), empty (none at all, or none matching), filled.
#include <imgui_internal.h>  // key ownership: the arrows move the queue's row, not ImGui's focus

#include <algorithm>

#include "ui/desk_parts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

constexpr TicketStatus kOpenStatuses[] = {TicketStatus::new_, TicketStatus::in_progress, TicketStatus::waiting_customer};
constexpr Category kCategories[] = {Category::hardware, Category::software, Category::network, Category::account,
                                    Category::other};

// [SECTION] Filters
void language_switches(App& app) {
  auto& area = app.staff;
  if (area.languages_spoken.empty()) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("desk.languages")).c_str());
  for (Language language : area.languages_spoken) {
    ImGui::SameLine();
    const auto& shown = area.filters.languages;
    bool on = shown.empty() || std::find(shown.begin(), shown.end(), language) != shown.end();
    const std::string id = "queue.lang." + std::string(to_string(language));
    const std::string name(app.text("language." + std::string(to_string(language))));
    if (ImGui::Checkbox(label(name, id).c_str(), &on)) {
      QueueFilters next = area.filters;
      if (next.languages.empty()) next.languages = area.languages_spoken;
      if (on) next.languages.push_back(language);
      else std::erase(next.languages, language);
      if (next.languages.empty()) next.languages = {language};  // never none: at least the one clicked stays
      // Every language spoken again: the same as no choice (a new language given later shows too).
      bool all = true;
      for (Language spoken : area.languages_spoken)
        all = all && std::find(next.languages.begin(), next.languages.end(), spoken) != next.languages.end();
      if (all) next.languages.clear();
      staff::set_filters(app, std::move(next));
    }
    record_item(app, id);
  }
}

template <class Enum, std::size_t N>
void choice_combo(App& app, std::string_view id, std::string_view all_key, std::string_view prefix,
                  std::optional<Enum> current, const Enum (&choices)[N], std::optional<Enum>& chosen, bool& changed) {
  const std::string preview = current ? std::string(app.text(std::string(prefix) + std::string(to_string(*current))))
                                      : std::string(app.text(all_key));
  if (ImGui::BeginCombo(label("", id).c_str(), preview.c_str())) {
    if (ImGui::Selectable(label(std::string(app.text(all_key)), std::string(id) + ".all").c_str(), !current)) {
      chosen.reset();
      changed = true;
    }
    record_item(app, std::string(id) + ".all");
    for (const Enum choice : choices) {
      const std::string item_id = std::string(id) + "." + std::string(to_string(choice));
      const std::string text(app.text(std::string(prefix) + std::string(to_string(choice))));
      if (ImGui::Selectable(label(text, item_id).c_str(), current == choice)) {
        chosen = choice;
        changed = true;
      }
      record_item(app, item_id);
    }
    ImGui::EndCombo();
  }
  record_item(app, id);
}

void filters(App& app) {
  auto& area = app.staff;
  QueueFilters next = area.filters;
  bool changed = false;
  const bool compact = compact_layout();
  const float width = compact ? ImGui::GetContentRegionAvail().x : 14.5f * ImGui::GetFontSize();  // "Todos los tickets abiertos" fits
  ImGui::PushItemWidth(width);
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", std::string(app.text("desk.filter_status")).c_str());
  choice_combo(app, "queue.status", "desk.all_open", "desk.status.", area.filters.status, kOpenStatuses, next.status, changed);
  ImGui::EndGroup();
  if (!compact) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", std::string(app.text("desk.filter_category")).c_str());
  choice_combo(app, "queue.category", "desk.all_categories", "category.", area.filters.category, kCategories,
               next.category, changed);
  ImGui::EndGroup();
  ImGui::PopItemWidth();
  if (!compact) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushItemWidth(compact ? ImGui::GetContentRegionAvail().x : 16.0f * ImGui::GetFontSize());
  text_field(app, "queue.search", "desk.search", next.text, "q");
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (next.text != area.filters.text) changed = true;  // each letter narrows the list (GETs are not sent twice)
  if (changed) staff::set_filters(app, std::move(next));
  language_switches(app);
}

bool any_filter(const QueueFilters& filters) { return filters.status || filters.category || !filters.text.empty(); }

// [SECTION] Rows
void criticality_badge(App& app, const wire::TicketSummary& ticket) {
  const auto criticality = effective_criticality(ticket.criticality, ticket.triage);
  ImGui::PushStyleColor(ImGuiCol_Text, criticality_colour(criticality));
  ImGui::TextUnformatted(std::string(app.text("criticality." + std::string(to_string(criticality)))).c_str());
  ImGui::PopStyleColor();
  if (ticket.triage && *ticket.triage != ticket.criticality && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", app.format("desk.triaged_from", {{"declared", std::string(app.text(
                                                                 "criticality." + std::string(to_string(ticket.criticality))))}})
                                .c_str());
}

void due_cell(App& app, const wire::QueueEntry& entry) {
  if (!entry.sla) {
    ImGui::TextDisabled("-");
    return;
  }
  const auto& sla = *entry.sla;
  ImGui::PushStyleColor(ImGuiCol_Text, sla.overdue ? palette().danger : palette().text);
  ImGui::TextWrapped("%s", due_text(app, sla).c_str());
  ImGui::PopStyleColor();
  ImGui::TextDisabled("%s", app.format("desk.due_at", {{"when", app.local_time(sla.due_at)}}).c_str());
}

void table(App& app, Id& to_open) {
  auto& area = app.staff;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##queue", 6, kFlags)) return;
  const auto header = [&](std::string_view key, float weight) {
    ImGui::TableSetupColumn(std::string(app.text(key)).c_str(), ImGuiTableColumnFlags_WidthStretch, weight);
  };
  header("ticket.criticality", 1.0f);
  header("ticket.subject", 3.2f);
  header("ticket.status", 1.3f);
  header("desk.first_response", 1.8f);
  header("desk.language", 0.7f);
  ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (std::size_t row = 0; row < area.queue.size(); ++row) {
    const auto& entry = area.queue[row];
    const auto& ticket = entry.ticket;
    ImGui::TableNextRow();
    if (row == area.selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(palette().brand_soft));
    if (entry.sla && entry.sla->overdue && row != area.selected)
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(palette().danger_soft));
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    criticality_badge(app, ticket);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", ticket.subject.c_str());
    ImGui::TextDisabled("%s · %s · %s", ticket.reference.c_str(), ticket.customer_name.c_str(),
                        std::string(app.text("category." + std::string(to_string(ticket.category)))).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", std::string(app.text("desk.status." + std::string(to_string(ticket.status)))).c_str());
    if (!ticket.operator_name.empty()) ImGui::TextDisabled("%s", ticket.operator_name.c_str());
    ImGui::TableNextColumn();
    due_cell(app, entry);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(to_string(ticket.language)).c_str());
    ImGui::TableNextColumn();
    if (button(app, "queue.open." + std::to_string(ticket.id), "common.open")) to_open = ticket.id;
    if (row == area.selected && area.reveal_selected) ImGui::SetScrollHereY(0.5f);  // the keyboard moved it
  }
  ImGui::EndTable();
}

// A phone: one card per ticket, the due time on the first line.
void cards(App& app, Id& to_open) {
  auto& area = app.staff;
  for (std::size_t row = 0; row < area.queue.size(); ++row) {
    const auto& entry = area.queue[row];
    const auto& ticket = entry.ticket;
    ImGui::PushID(static_cast<int>(ticket.id));
    const bool overdue = entry.sla && entry.sla->overdue;
    const ImVec4 background = row == area.selected ? palette().brand_soft : overdue ? palette().danger_soft : palette().surface;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    ImGui::BeginChild("##card", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    criticality_badge(app, ticket);
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s", ticket.reference.c_str(), std::string(to_string(ticket.language)).c_str());
    ImGui::TextWrapped("%s", ticket.subject.c_str());
    ImGui::TextDisabled("%s · %s", ticket.customer_name.c_str(),
                        std::string(app.text("desk.status." + std::string(to_string(ticket.status)))).c_str());
    if (entry.sla) {
      ImGui::PushStyleColor(ImGuiCol_Text, overdue ? palette().danger : palette().text);
      ImGui::TextWrapped("%s", due_text(app, *entry.sla).c_str());
      ImGui::PopStyleColor();
    }
    if (button(app, "queue.open." + std::to_string(ticket.id), "common.open")) to_open = ticket.id;
    ImGui::EndChild();
    if (row == area.selected && area.reveal_selected) ImGui::SetScrollHereY(0.5f);
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

void pager(App& app) {
  auto& area = app.staff;
  if (area.total <= StaffArea::kPageSize && area.offset == 0) return;
  const std::size_t first = area.offset + 1;
  const std::size_t last = std::min(area.total, area.offset + area.queue.size());
  ImGui::BeginDisabled(area.offset == 0);
  if (secondary_button(app, "queue.previous", "desk.previous"))
    staff::show_page(app, area.offset >= StaffArea::kPageSize ? area.offset - StaffArea::kPageSize : 0);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  recorded_text(app, "queue.page", app.format("desk.page", {{"first", std::to_string(first)},
                                                           {"last", std::to_string(last)},
                                                           {"total", std::to_string(area.total)}}));
  ImGui::SameLine();
  ImGui::BeginDisabled(area.offset + StaffArea::kPageSize >= area.total);
  if (secondary_button(app, "queue.next", "desk.next")) staff::show_page(app, area.offset + StaffArea::kPageSize);
  ImGui::EndDisabled();
}

// ↑ ↓ choose, Enter opens, Page Up / Page Down: the arrows are taken from ImGui's keyboard
// navigation while the queue is shown and no field is being typed in; Enter only when ImGui's
// own focus is not showing (then Enter belongs to the focused button, as Tab users expect).
void keyboard(App& app, Id& to_open) {
  auto& area = app.staff;
  const ImGuiIO& io = ImGui::GetIO();
  area.reveal_selected = false;
  if (io.WantTextInput || area.queue.empty()) return;
  const std::size_t before = area.selected;
  const ImGuiID owner = ImGui::GetID("##queue-keys");
  for (ImGuiKey key : {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_PageUp, ImGuiKey_PageDown})
    ImGui::SetKeyOwner(key, owner);
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, owner, ImGuiInputFlags_Repeat) && area.selected + 1 < area.queue.size())
    ++area.selected;
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, owner, ImGuiInputFlags_Repeat) && area.selected > 0) --area.selected;
  if (ImGui::IsKeyPressed(ImGuiKey_PageDown, owner) && area.offset + StaffArea::kPageSize < area.total)
    staff::show_page(app, area.offset + StaffArea::kPageSize);
  if (ImGui::IsKeyPressed(ImGuiKey_PageUp, owner) && area.offset > 0)
    staff::show_page(app, area.offset >= StaffArea::kPageSize ? area.offset - StaffArea::kPageSize : 0);
  if (!io.NavVisible && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) &&
      area.selected < area.queue.size())
    to_open = area.queue[area.selected].ticket.id;
  area.reveal_selected = area.selected != before;
}

}  // namespace

void draw_queue(App& app) {
  auto& area = app.staff;
  staff::refresh_queue_if_due(app);
  title(app, "queue.title");
  stale_note(app, area.queue_fresh, area.queue_at_ms);
  filters(app);
  help_text(std::string(app.text("desk.queue_order")));
  ImGui::Spacing();
  Id to_open = 0;
  if (!area.queue_loaded && area.queue.empty()) {
    recorded_text(app, "queue.state", std::string(app.text("common.loading")));
  } else if (area.queue_error && area.queue_error->field.empty()) {
    notice_banner(app, "queue.state", app.error_text(*area.queue_error), Tone::danger);
    if (button(app, "queue.retry", "desk.retry")) staff::show_queue(app);
  } else if (area.queue.empty()) {
    const bool filtered = any_filter(area.filters) || !area.filters.languages.empty();
    recorded_text(app, "queue.state", std::string(app.text(filtered ? "desk.empty_filtered" : "queue.empty")), true);
    if (filtered && button(app, "queue.clear_filters", "desk.clear_filters")) staff::set_filters(app, QueueFilters{});
  } else {
    recorded_text(app, "queue.state", app.format("desk.count", {{"count", std::to_string(area.total)}}));
    record_item(app, "queue.state");
    keyboard(app, to_open);
    if (compact_layout()) cards(app, to_open);
    else table(app, to_open);
    pager(app);
    help_text(std::string(app.text("desk.keys")));
  }
  if (!area.notice.empty()) notice_banner(app, "desk.notice", area.notice, Tone::success);
  if (to_open != 0) app.navigate("/tickets/" + std::to_string(to_open));
}

}  // namespace tessera::client::ui
