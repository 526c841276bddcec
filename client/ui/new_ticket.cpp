// New ticket: subject, description, category, criticality and language. What is typed is a
// draft kept on the device (it survives a reload, or the browser closing); submitting checks
// it as the server will, then queues it in the outbox, which sends it now or once online.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_new_ticket(App& app) {
  auto& form = app.tickets.new_ticket;
  title(app, "ticket.new_title");
  bool submit = text_field(app, "ticket.subject", "ticket.subject", form.subject, "subject");
  multiline_field(app, "ticket.description", "ticket.description", form.description, "description", 5.0f);
  radio_row(app, "ticket.category", "ticket.category", "category.", form.category,
            {Category::hardware, Category::software, Category::network, Category::account, Category::other},
            "category");
  radio_row(app, "ticket.criticality", "ticket.criticality", "criticality.", form.criticality,
            {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}, "criticality");
  radio_row(app, "ticket.language", "ticket.language", "language.", form.language,
            {Language::fr, Language::en, Language::es}, "language");
  if (app.offline()) help_text(std::string(app.text("draft.offline_submit")));
  submit |= submit_button(app, "ticket.submit", "ticket.submit");
  if (submit) tickets::submit_new(app);
  ImGui::SameLine();
  if (secondary_button(app, "ticket.back", "common.back")) app.navigate("/tickets");
  // Below the buttons, so its appearing moves nothing the user is aiming at.
  if (tickets::draft_state(app, 0) == "draft")
    notice_banner(app, "ticket.draft_state", std::string(app.text("draft.saved_on_device")), Tone::info);
}

}  // namespace tessera::client::ui
