// The operator queue: open tickets in the operator's languages, most urgent first (the
// server orders them).
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_queue(App& app) {
  title(app, "queue.title");
  if (button(app, "queue.refresh", "common.refresh")) app.show_queue();
  ImGui::Spacing();
  if (app.state.queue.empty())
    ImGui::TextDisabled("%s", std::string(app.text("queue.empty")).c_str());
  else
    draw_ticket_table(app, app.state.queue, "queue.open.", true);
}

}  // namespace tessera::client::ui
