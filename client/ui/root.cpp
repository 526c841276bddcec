// The root window: fills the display, shows the top bar, then the current screen in a
// centred column, then any error no field has shown.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

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

  // About 90 characters wide, in font units so it scales with the screen's pixel density.
  const float column_width = 45.0f * ImGui::GetFontSize();
  const float available = ImGui::GetContentRegionAvail().x;
  const float width = std::min(column_width, available);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (available - width) * 0.5f));
  ImGui::BeginChild("##column", ImVec2(width, 0.0f), false);
  switch (app.state.screen) {
    case Screen::loading: ImGui::TextUnformatted(std::string(app.text("common.loading")).c_str()); break;
    case Screen::home: draw_home(app); break;
    case Screen::signup: draw_signup(app); break;
    case Screen::login: draw_login(app); break;
    case Screen::my_tickets: draw_my_tickets(app); break;
    case Screen::new_ticket: draw_new_ticket(app); break;
    case Screen::ticket: draw_ticket(app); break;
    case Screen::queue: draw_queue(app); break;
    case Screen::operator_ticket: draw_operator_ticket(app); break;
  }
  ImGui::Spacing();
  error_banner(app);
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace tessera::client::ui
