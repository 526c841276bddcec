// New ticket: subject, description, category, criticality and language. Submitting sends
// it with an Idempotency-Key made at that moment, then shows My tickets.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_new_ticket(App& app) {
  auto& form = app.state.new_ticket;
  title(app, "ticket.new_title");
  text_field(app, "ticket.subject", "ticket.subject", form.subject, "subject");
  multiline_field(app, "ticket.description", "ticket.description", form.description, "description", 5.0f);
  radio_row(app, "ticket.category", "ticket.category", "category.", form.category,
            {Category::hardware, Category::software, Category::network, Category::account, Category::other},
            "category");
  radio_row(app, "ticket.criticality", "ticket.criticality", "criticality.", form.criticality,
            {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}, "criticality");
  radio_row(app, "ticket.language", "ticket.language", "language.", form.language,
            {Language::fr, Language::en, Language::es}, "language");
  if (submit_button(app, "ticket.submit", "ticket.submit")) app.submit_ticket();
  ImGui::SameLine();
  if (button(app, "ticket.back", "common.back")) app.show_my_tickets();
}

}  // namespace tessera::client::ui
