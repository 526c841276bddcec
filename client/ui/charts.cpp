// Bar charts with the draw list (see charts.hpp).
#include "ui/charts.hpp"

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string recorded_values(const std::vector<ChartBar>& bars) {
  std::string out;
  for (const auto& bar : bars) {
    if (!out.empty()) out += ';';
    out += bar.label + "=" + (bar.value_text.empty() ? std::to_string(bar.value) : bar.value_text);
  }
  return out;
}

double largest(const std::vector<ChartBar>& bars, double max_value) {
  double top = max_value;
  for (const auto& bar : bars) top = std::max(top, bar.value);
  return top > 0 ? top : 1.0;
}

ImU32 colour(const ImVec4& value) { return ImGui::ColorConvertFloat4ToU32(value); }

}  // namespace

void bar_chart(App& app, std::string_view id, const std::vector<ChartBar>& bars, float height,
               const std::string& empty_text, double max_value) {
  if (bars.empty()) {
    help_text(empty_text);
    record_item(app, id);
    app.record().texts[std::string(id)] = "";
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float plot_height = std::max(height - 2.5f * line, line);
  const float slot = width / static_cast<float>(bars.size());
  const float bar_width = std::max(4.0f, slot * 0.6f);
  const double top = largest(bars, max_value);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float base_y = origin.y + line * 1.2f + plot_height;
  draw->AddLine(ImVec2(origin.x, base_y), ImVec2(origin.x + width, base_y), colour(palette().border));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const float centre = origin.x + slot * (static_cast<float>(i) + 0.5f);
    const float bar_height = static_cast<float>(bar.value / top) * plot_height;
    const ImVec2 low(centre - bar_width * 0.5f, base_y - bar_height);
    draw->AddRectFilled(low, ImVec2(centre + bar_width * 0.5f, base_y), colour(palette().brand), 2.0f);
    if (!bar.value_text.empty()) {
      const ImVec2 size = ImGui::CalcTextSize(bar.value_text.c_str());
      draw->AddText(ImVec2(centre - size.x * 0.5f, low.y - line * 1.1f), colour(palette().text), bar.value_text.c_str());
    }
    const ImVec2 label_size = ImGui::CalcTextSize(bar.label.c_str());
    draw->AddText(ImVec2(centre - label_size.x * 0.5f, base_y + line * 0.2f), colour(palette().text_muted),
                  bar.label.c_str());
  }
  ImGui::Dummy(ImVec2(width, height));
  record_item(app, id);
  app.record().texts[std::string(id)] = recorded_values(bars);
}

void horizontal_bars(App& app, std::string_view id, const std::vector<ChartBar>& bars, const std::string& empty_text,
                     double max_value) {
  if (bars.empty()) {
    help_text(empty_text);
    record_item(app, id);
    app.record().texts[std::string(id)] = "";
    return;
  }
  float label_width = 0;
  float value_width = 0;
  for (const auto& bar : bars) {
    label_width = std::max(label_width, ImGui::CalcTextSize(bar.label.c_str()).x);
    value_width = std::max(value_width, ImGui::CalcTextSize(bar.value_text.c_str()).x);
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float plot_width = std::max(width - label_width - value_width - 3 * gap, 10.0f);
  const double top = largest(bars, max_value);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const float y = origin.y + line * static_cast<float>(i);
    draw->AddText(ImVec2(origin.x, y), colour(palette().text), bar.label.c_str());
    const float x = origin.x + label_width + gap;
    const float length = static_cast<float>(bar.value / top) * plot_width;
    const float text_height = ImGui::GetTextLineHeight();
    draw->AddRectFilled(ImVec2(x, y + text_height * 0.15f), ImVec2(x + plot_width, y + text_height * 0.85f),
                        colour(palette().brand_soft), 2.0f);
    if (length > 0)
      draw->AddRectFilled(ImVec2(x, y + text_height * 0.15f), ImVec2(x + length, y + text_height * 0.85f),
                          colour(palette().brand), 2.0f);
    draw->AddText(ImVec2(x + plot_width + gap, y), colour(palette().text_muted), bar.value_text.c_str());
  }
  ImGui::Dummy(ImVec2(width, line * static_cast<float>(bars.size())));
  record_item(app, id);
  app.record().texts[std::string(id)] = recorded_values(bars);
}

}  // namespace tessera::client::ui
