// My tickets (customers): the balance, the tickets with their status — filtered by status,
// category, criticality and text —, what is waiting in the outbox (written offline, or being
// sent), and the way to open a new one. Loading, empty, filtered-out and error states each
// say what is happening.
#include <initializer_list>
#include <utility>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

// A filter as a combo: "Any" and the choices, each recorded under "<id>.<value>" ("<id>.any").
using Choices = std::vector<std::pair<std::string, std::string>>;  // value, text key

// The choices `names`, each shown with the text "<prefix>.<name>" ("status.new").
Choices named(std::string_view prefix, std::initializer_list<std::string_view> names) {
  Choices choices;
  for (std::string_view name : names) choices.emplace_back(name, std::string(prefix) + "." + std::string(name));
  return choices;
}

void filter_combo(App& app, std::string_view id, std::string_view key, std::string& value, const Choices& choices,
                  float width) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(std::string(app.text(key)).c_str());
  std::string shown(app.text("tickets.filter.any"));
  for (const auto& [choice, text_key] : choices)
    if (choice == value) shown = std::string(app.text(text_key));
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label("", id).c_str(), shown.c_str())) {
    if (ImGui::Selectable(label(app.text("tickets.filter.any"), std::string(id) + ".any").c_str(), value.empty()))
      value.clear();
    record_item(app, std::string(id) + ".any");
    for (const auto& [choice, text_key] : choices) {
      const std::string item_id = std::string(id) + "." + std::string(choice);
      if (ImGui::Selectable(label(app.text(text_key), item_id).c_str(), value == choice)) value = choice;
      record_item(app, item_id);
    }
    ImGui::EndCombo();
  }
  record_item(app, id);
  ImGui::EndGroup();
}

void filters(App& app) {
  auto& form = app.tickets.filter;
  const bool compact = compact_layout();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = compact ? -1.0f : (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3;
  Choices statuses = named("status", {"new", "in_progress", "waiting_customer", "resolved", "awaiting_funding",
                                      "closed", "withdrawn", "closed_subscription_ended"});
  statuses.insert(statuses.begin(), {"open", "tickets.filter.open"});
  filter_combo(app, "tickets.filter.status", "ticket.status", form.status, statuses, width);
  if (!compact) ImGui::SameLine();
  filter_combo(app, "tickets.filter.category", "ticket.category", form.category,
               named("category", {"hardware", "software", "network", "account", "other"}), width);
  if (!compact) ImGui::SameLine();
  filter_combo(app, "tickets.filter.criticality", "ticket.criticality", form.criticality,
               named("criticality", {"critical", "high", "normal", "low"}), width);
  text_field(app, "tickets.filter.text", "tickets.filter.text", form.text, "q");
}

bool filtering(const TicketFilterForm& form) {
  return !form.status.empty() || !form.category.empty() || !form.criticality.empty() || !form.text.empty();
}

}  // namespace

void draw_my_tickets(App& app) {
  title(app, "tickets.title");
  if (app.session.me) {
    const auto& balances = app.session.me->balances;
    const auto text = balances.trial_minutes_granted > 0 || balances.trial_minutes_left > 0
                          ? app.format("balance.trial_left", {{"minutes", std::to_string(balances.trial_minutes_left)}})
                          : std::string(app.text("balance.trial_none"));
    recorded_text(app, "balance", text);
  }
  if (app.people.onboarding && app.people.onboarding->required) {
    notice_banner(app, "tickets.onboarding", std::string(app.text("onboarding.state_pending")), Tone::warning);
    if (button(app, "tickets.onboarding_open", "account.open_onboarding")) app.navigate("/account/onboarding");
  }
  ImGui::Spacing();
  if (submit_button(app, "tickets.new", "nav.new_ticket")) app.navigate("/tickets/new");
  if (!app.tickets.notice.empty()) notice_banner(app, "tickets.notice", app.tickets.notice, Tone::success);
  ImGui::Spacing();

  // Written on this device and not yet on the server (or just sent).
  const auto items = tickets::new_ticket_items(app);
  if (!items.empty()) {
    ImGui::TextUnformatted(std::string(app.text("outbox.title")).c_str());
    for (const OutboxItem* item : items)
      if (draw_outbox_item(app, *item, outbox_subject(*item))) break;
    ImGui::Separator();
    ImGui::Spacing();
  }
  if (app.session.storage_persistent == false) help_text(std::string(app.text("outbox.not_persistent")));

  stale_note(app, app.tickets.list_fresh, app.tickets.list_at_ms);
  const auto& list = app.tickets.list;
  if (list.empty() && app.busy("tickets.list") && !app.tickets.list_fresh) {
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    return;
  }
  if (list.empty() && !app.tickets.list_fresh && app.error) {  // nothing known, and the server refused
    if (button(app, "tickets.retry", "people.retry")) {
      app.clear_error();
      tickets::show_list(app);
    }
    return;
  }
  if (list.empty()) {
    help_text(std::string(app.text("tickets.empty")));
    return;
  }
  filters(app);
  std::optional<Error> filter_error;
  const auto shown = tickets::filtered(app, filter_error);
  if (filter_error) app.error = filter_error;
  else if (app.error && app.error->field == "q") app.clear_error();
  if (shown.empty()) {
    help_text(std::string(app.text("tickets.filter_empty")));
  } else {
    if (filtering(app.tickets.filter))
      help_text(app.format("tickets.filter_count", {{"shown", std::to_string(shown.size())},
                                                     {"total", std::to_string(list.size())}}));
    draw_ticket_table(app, shown, "tickets.open.", false);
  }
  if (filtering(app.tickets.filter) && button(app, "tickets.filter.clear", "tickets.filter.clear")) {
    app.tickets.filter = TicketFilterForm{};
    if (app.error && app.error->field == "q") app.clear_error();
  }
}

}  // namespace tessera::client::ui
