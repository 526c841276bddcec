// My tickets (customers): the balance, the tickets with their status, what is waiting in the
// outbox (written offline, or being sent), and the way to open a new one.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_my_tickets(App& app) {
  title(app, "tickets.title");
  if (app.session.me) {
    const auto& balances = app.session.me->balances;
    const auto text = balances.trial_minutes_granted > 0 || balances.trial_minutes_left > 0
                          ? app.format("balance.trial_left", {{"minutes", std::to_string(balances.trial_minutes_left)}})
                          : std::string(app.text("balance.trial_none"));
    recorded_text(app, "balance", text);
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
  if (app.tickets.list.empty() && app.busy("tickets.list") && !app.tickets.list_fresh)
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
  else if (app.tickets.list.empty())
    help_text(std::string(app.text("tickets.empty")));
  else
    draw_ticket_table(app, app.tickets.list, "tickets.open.", false);
}

}  // namespace tessera::client::ui
