// Parts shared by the screens that show what was written offline: an outbox item with its
// state (queued, sending, sent, failed with the server's reason), and the note that data
// shown came from the device.
#include "core/json_read.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

std::string outbox_subject(const OutboxItem& item) {
  const auto body = nlohmann::json::parse(item.request.body, nullptr, false);
  std::string text = read::text(body, "subject");
  if (text.empty()) text = read::text(body, "body");
  constexpr std::size_t kShown = 80;
  if (text.size() > kShown) {
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = text.substr(0, cut) + "…";
  }
  return text;
}

bool draw_outbox_item(App& app, const OutboxItem& item, std::string_view label_text) {
  const std::string id = "outbox." + item.id;
  const std::string state(to_string(item.state));
  Tone tone = Tone::info;
  std::string status = std::string(app.text("outbox.state." + state));
  if (item.state == OutboxState::failed) {
    tone = Tone::danger;
    if (item.error) status += " — " + app.error_text(*item.error);
  } else if (item.state == OutboxState::sent) {
    tone = Tone::success;
  } else if (item.state == OutboxState::queued && item.attempts > 0) {
    status = std::string(app.text(app.offline() ? "outbox.state.queued" : "outbox.state.retrying"));
  }
  ImGui::PushID(id.c_str());
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", std::string(label_text).c_str());
  notice_banner(app, id + ".state", status, tone);
  app.record().texts[id] = state;
  if (item.state == OutboxState::failed || item.state == OutboxState::queued) {
    if (button(app, id + ".edit", "outbox.edit")) {
      ImGui::PopID();
      tickets::edit_item(app, item.id);
      return true;
    }
    ImGui::SameLine();
    if (button(app, id + ".discard", "outbox.discard")) {
      ImGui::PopID();
      tickets::discard_item(app, item.id);
      return true;
    }
  }
  ImGui::PopID();
  ImGui::Spacing();
  return false;
}

void stale_note(App& app, bool fresh, double at_ms) {
  if (fresh && !app.offline()) return;
  const std::string text = at_ms > 0 ? app.format("stale.known_at", {{"time", app.local_time(static_cast<Instant>(at_ms / 1000))}})
                                     : std::string(app.text("stale.unknown"));
  notice_banner(app, "stale", text, Tone::warning);
}

}  // namespace tessera::client::ui
