// A ticket's attachments, for customers and staff: name, type, size, who added it and when,
// and a Download button per file (the server sends it as an attachment in a sandbox).
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {
std::string size_text(const App& app, std::int64_t bytes) {
  if (bytes >= 1024 * 1024)
    return app.format("attachments.size_mb", {{"size", std::to_string(bytes / (1024 * 1024)) + "." +
                                                           std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024))}});
  if (bytes >= 1024) return app.format("attachments.size_kb", {{"size", std::to_string((bytes + 1023) / 1024)}});
  return app.format("attachments.size_b", {{"size", std::to_string(bytes)}});
}
}  // namespace

void draw_attachments(App& app, const wire::TicketDetail& detail) {
  if (detail.attachments.empty()) return;
  ImGui::TextUnformatted(std::string(app.text("attachments.title")).c_str());
  for (const auto& file : detail.attachments) {
    const std::string id = "attachment." + std::to_string(file.id);
    ImGui::PushID(id.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", file.filename.c_str());
    help_text(app.format("attachments.line", {{"type", file.content_type},
                                              {"size", size_text(app, file.size)},
                                              {"who", file.uploaded_by},
                                              {"when", app.local_time(file.at)}}));
    if (button(app, id + ".download", "attachments.download"))
      app.browser().download(std::string(wire::kApiPrefix) + "/tickets/" + std::to_string(detail.ticket.id) +
                             "/attachments/" + std::to_string(file.id));
    ImGui::PopID();
  }
  ImGui::Spacing();
}

}  // namespace tessera::client::ui
