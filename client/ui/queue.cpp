// The operator queue: open tickets in the operator's languages, most urgent first (the
// server orders them); it follows the event stream, so no Refresh is needed.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_queue(App& app) {
  title(app, "queue.title");
  stale_note(app, app.staff.queue_fresh, app.staff.queue_at_ms);
  if (app.staff.queue.empty() && app.busy("staff.queue") && !app.staff.queue_fresh)
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
  else if (app.staff.queue.empty())
    help_text(std::string(app.text("queue.empty")));
  else
    draw_ticket_table(app, app.staff.queue, "queue.open.", true);
}

}  // namespace tessera::client::ui
