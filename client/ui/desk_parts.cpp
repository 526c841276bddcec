// Parts of the operator's desk (see desk_parts.hpp).
#include "ui/desk_parts.hpp"

#include <cstdio>
#include <cstdlib>

#include "ui/theme.hpp"

namespace tessera::client::ui {

ImVec4 criticality_colour(Criticality criticality) {
  switch (criticality) {
    case Criticality::critical: return palette().danger;
    case Criticality::high: return palette().warning;
    case Criticality::normal: return palette().text;
    case Criticality::low: return palette().text_muted;
  }
  return palette().text;
}

std::string open_duration_text(App& app, Minutes minutes) {
  minutes = std::llabs(minutes);
  if (minutes < 60) return app.format("desk.duration_minutes", {{"minutes", std::to_string(minutes)}});
  char rest[4];
  std::snprintf(rest, sizeof rest, "%02d", static_cast<int>(minutes % 60));
  return app.format("desk.duration_hours", {{"hours", std::to_string(minutes / 60)}, {"minutes", rest}});
}

std::string due_text(App& app, const SlaStanding& sla) {
  if (!sla.overdue) return app.format("desk.due_in", {{"duration", open_duration_text(app, sla.open_minutes_left)}});
  if (sla.open_minutes_left == 0) return std::string(app.text("desk.due_now"));
  return app.format("desk.overdue_by", {{"duration", open_duration_text(app, sla.open_minutes_left)}});
}

std::string clock_text(double elapsed_ms) {
  const auto seconds = static_cast<long long>(elapsed_ms / 1000.0);
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return text;
}

}  // namespace tessera::client::ui
