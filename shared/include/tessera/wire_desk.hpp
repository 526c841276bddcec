// Wire types of the operator's desk: one entry of the operator queue (GET /queue) — the
// ticket's summary and where it stands against its first-response promise, computed by the
// server with the business's opening hours (the client has no time-zone data). Shared by the
// server and the client (see wire.hpp).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "tessera/sla.hpp"
#include "tessera/wire.hpp"

namespace tessera::wire {

struct QueueEntry {
  TicketSummary ticket;
  std::optional<SlaStanding> sla;  // none when the opening hours give no due time
};

// {…TicketSummary, "sla": {due_at, open_minutes_left, overdue} | null}
void to_json(nlohmann::json& out, const QueueEntry& value);
void from_json(const nlohmann::json& in, QueueEntry& value);

}  // namespace tessera::wire
