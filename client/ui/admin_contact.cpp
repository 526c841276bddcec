// The messages left with the public contact form (SPEC §1.12), newest first: who, their email
// (to answer from the admin's own mail), when, and what they wrote.
#include <algorithm>
#include <string>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_admin_contact(App& app) {
  title(app, "admin.contact.title");
  const auto& state = app.admin.contact;
  if (button(app, "contact.refresh", "common.refresh")) admin::load_contact(app);
  ImGui::Spacing();
  if (!draw_list_state(app, state.loaded, "admin.contact", state.messages.empty(), "admin.contact.empty")) return;
  auto messages = state.messages;
  std::sort(messages.begin(), messages.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
  for (const auto& message : messages) {
    with_title_font([&] { recorded_text(app, "contact." + std::to_string(message.id) + ".name", message.name); });
    ImGui::TextDisabled("%s · %s", message.email.c_str(), app.local_time(message.at).c_str());
    ImGui::TextWrapped("%s", message.message.c_str());
    ImGui::Spacing();
    ImGui::Separator();
  }
}

}  // namespace tessera::client::ui
