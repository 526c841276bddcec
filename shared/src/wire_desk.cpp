// JSON of the operator queue's entries (see wire_desk.hpp).
#include "tessera/wire_desk.hpp"

namespace tessera::wire {

using nlohmann::json;

void to_json(json& out, const QueueEntry& value) {
  out = value.ticket;
  out["sla"] = value.sla ? json{{"due_at", value.sla->due_at},
                                {"open_minutes_left", value.sla->open_minutes_left},
                                {"overdue", value.sla->overdue}}
                         : json();
}

void from_json(const json& in, QueueEntry& value) {
  value.ticket = in.get<TicketSummary>();
  value.sla.reset();
  const auto sla = in.find("sla");
  if (sla == in.end() || !sla->is_object()) return;
  SlaStanding standing;
  if (const auto due = sla->find("due_at"); due != sla->end() && due->is_number_integer()) standing.due_at = due->get<Instant>();
  if (const auto left = sla->find("open_minutes_left"); left != sla->end() && left->is_number_integer())
    standing.open_minutes_left = left->get<Minutes>();
  if (const auto overdue = sla->find("overdue"); overdue != sla->end() && overdue->is_boolean()) standing.overdue = overdue->get<bool>();
  value.sla = standing;
}

}  // namespace tessera::wire
