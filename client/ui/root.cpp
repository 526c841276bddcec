// The shell around every screen: the window filling the display, the top bar, the banners
// (offline, a new version ready, storage that may be cleared), the current screen in a
// centred column (the whole width on a phone), then any error no field has shown.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

bool compact_layout() { return ImGui::GetIO().DisplaySize.x < 44.0f * ImGui::GetFontSize(); }

namespace {
void banners(App& app) {
  if (app.session.update_available) {
    notice_banner(app, "banner.update", std::string(app.text("banner.update_ready")), Tone::info);
    ImGui::SameLine();
    if (button(app, "banner.reload", "banner.reload")) app.browser().apply_update();
  }
  if (app.offline() && !app.session.starting)
    notice_banner(app, "banner.offline", std::string(app.text("banner.offline")), Tone::warning);
}
}  // namespace

void draw_root(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##root", nullptr, kRootFlags);
  draw_top_bar(app);
  ImGui::Separator();
  ImGui::Spacing();

  // About 90 characters wide, in font units so it scales with the text; all of it on a phone.
  // A wide screen (the operator's desk) takes up to about 150 characters.
  const bool wide = app.route().screen && app.route().screen->wide;
  const float column_width = (wide ? 75.0f : 45.0f) * ImGui::GetFontSize();
  const float available = ImGui::GetContentRegionAvail().x;
  const float width = std::min(column_width, available);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (available - width) * 0.5f));
  ImGui::BeginChild("##column", ImVec2(width, 0.0f), false);
  banners(app);
  const auto& route = app.route();
  const ScreenDrawer draw = route.screen ? screen_drawer(route.screen->id) : nullptr;
  if (app.session.starting || !draw)
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
  else
    draw(app);
  ImGui::Spacing();
  error_banner(app);
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace tessera::client::ui
