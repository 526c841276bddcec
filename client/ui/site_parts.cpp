// Parts of the public screens (see screens.hpp): the state of what a screen fetches —
// loading, or why it failed with Try again — and a bordered card that grows with its content.
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

bool draw_fetch_state(App& app, const FetchState& fetch, bool have_data, std::string_view id, std::string_view error_key) {
  const std::string state_id = std::string(id) + ".state";
  if (fetch.loading && !have_data) {
    recorded_text(app, state_id, std::string(app.text("common.loading")));
    return false;
  }
  if (!fetch.error) return false;
  // The data shown (if any) is the last received; say that it could not be refreshed, and why.
  notice_banner(app, state_id, std::string(app.text(error_key)) + " " + app.error_text(*fetch.error),
                have_data ? Tone::warning : Tone::danger);
  return button(app, std::string(id) + ".retry", "site.retry");
}

void draw_card(App& app, std::string_view id, const std::function<void()>& body) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().surface);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 6.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f, 12.0f));
  ImGui::BeginChild(label("", id).c_str(), ImVec2(0, 0),
                    ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  body();
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
  record_item(app, id);
}

void link_button(App& app, std::string_view id, std::string_view key, std::string_view address) {
  if (button(app, id, key)) app.navigate(address);
}

}  // namespace tessera::client::ui
