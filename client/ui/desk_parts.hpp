// Small parts of the operator's desk used by the queue and the ticket screen: the colour of a
// criticality, open-time durations ("1 h 20"), the first-response line ("Due in 1 h 20 (open
// time)", "Overdue by 35 min (open time)") and a running timer's clock ("0:12:05").
#pragma once
#include <imgui.h>

#include <string>

#include "app.hpp"

namespace tessera::client::ui {

ImVec4 criticality_colour(Criticality criticality);
std::string open_duration_text(App& app, Minutes minutes);  // "45 min", "1 h 20", "26 h 05"
std::string due_text(App& app, const SlaStanding& sla);
std::string clock_text(double elapsed_ms);                  // "0:12:05"

}  // namespace tessera::client::ui
