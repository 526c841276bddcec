// My tickets (customers): the trial balance, the tickets with their status, and the way to
// open a new one.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_my_tickets(App& app) {
  title(app, "tickets.title");
  if (app.state.me) {
    const auto& balances = app.state.me->balances;
    const auto text = balances.trial_minutes_granted > 0 || balances.trial_minutes_left > 0
                          ? format_text(app.text("balance.trial_left"),
                                        {{"minutes", std::to_string(balances.trial_minutes_left)}})
                          : std::string(app.text("balance.trial_none"));
    recorded_text(app, "balance", text);
  }
  ImGui::Spacing();
  if (button(app, "tickets.new", "nav.new_ticket")) app.go(Screen::new_ticket);
  ImGui::SameLine();
  if (button(app, "tickets.refresh", "common.refresh")) app.show_my_tickets();
  ImGui::Spacing();
  if (app.state.tickets.empty())
    ImGui::TextDisabled("%s", std::string(app.text("tickets.empty")).c_str());
  else
    draw_ticket_table(app, app.state.tickets, "tickets.open.", false);
}

}  // namespace tessera::client::ui
