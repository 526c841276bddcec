// Charts drawn with Dear ImGui's draw list, for the transparency board and the admin's
// numbers: vertical bars (one value per label, e.g. the median response per month) and
// horizontal bars (a distribution, e.g. the ratings 1-5). Each value's text is drawn with
// it, so the chart reads without colours, and the chart is recorded for the tests: its
// rectangle under `id` and its values in texts[id] ("Jan=42;Feb=37").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace tessera::client::ui {

struct ChartBar {
  std::string label;       // under the bar (vertical) or before it (horizontal)
  double value = 0;        // its length, in the chart's own unit
  std::string value_text;  // shown with the bar ("42 min", "61 %"); empty: none
};

// Bars side by side, `height` CSS pixels tall; the tallest fills it (or `max_value` does).
// An empty `bars` draws `empty_text` instead.
void bar_chart(App& app, std::string_view id, const std::vector<ChartBar>& bars, float height,
               const std::string& empty_text, double max_value = 0);

// One bar per line, labels in a column on the left, values after the bars.
void horizontal_bars(App& app, std::string_view id, const std::vector<ChartBar>& bars, const std::string& empty_text,
                     double max_value = 0);

}  // namespace tessera::client::ui
