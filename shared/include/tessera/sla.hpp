// Response-time promises (SPEC §1.8, §1.9): first-response targets in open minutes per
// criticality (defaults 60, 240, 720, 1440), the due instant of a ticket, first-response and
// resolution times in open minutes, whether a ticket met its target, and the auto-close of
// resolved tickets after 7 days (default). The queue order itself is in access.hpp.
#pragma once
#include <optional>

#include "tessera/opening_hours.hpp"
#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

struct SlaTargets {
  Minutes critical = 60;
  Minutes high = 240;
  Minutes normal = 720;
  Minutes low = 1440;
  bool operator==(const SlaTargets&) const = default;
};

Minutes sla_target(const SlaTargets& targets, Criticality criticality);
// Errors: "invalid_sla_target" (field: the criticality), each 1..100000 open minutes and
// never looser for a more critical level.
std::optional<Error> validate_sla_targets(const SlaTargets& targets);

// When the first response is due: `submitted_at` plus the target in open minutes.
Result<Instant> sla_due_at(const OpeningHours& hours, const SlaTargets& targets, Criticality criticality,
                           Instant submitted_at);

// Where a ticket stands against its first-response promise at `now` (the operator queue's
// "due in 1 h 20 (open time)"): the due instant and the open minutes from now to it; once
// `now` is past it, `overdue` and the open minutes since (negative). Closed hours do not count.
struct SlaStanding {
  Instant due_at = 0;
  Minutes open_minutes_left = 0;  // negative: overdue by that many open minutes
  bool overdue = false;           // now >= due_at (even when no open minute has passed since)
  bool operator==(const SlaStanding&) const = default;
};
Result<SlaStanding> sla_standing(const OpeningHours& hours, const SlaTargets& targets, Criticality criticality,
                                 Instant submitted_at, Instant now);

// Submission -> first operator message the customer sees; submission -> resolved. In open
// minutes; nothing while the event has not happened.
std::optional<Minutes> first_response_minutes(const OpeningHours& hours, Instant submitted_at,
                                              std::optional<Instant> first_response_at);
std::optional<Minutes> resolution_minutes(const OpeningHours& hours, Instant submitted_at,
                                          std::optional<Instant> resolved_at);

// Within the SLA when the first response came within the target; a ticket never answered is
// not within it.
bool within_sla(const SlaTargets& targets, Criticality criticality, std::optional<Minutes> first_response);

// [SECTION] Auto-close (SPEC §1.8): resolved without a customer reply for N days -> closed.
constexpr std::int64_t kDefaultAutoCloseDays = 7;
Instant auto_close_at(Instant resolved_at, std::int64_t days = kDefaultAutoCloseDays);
bool should_auto_close(TicketStatus status, Instant resolved_at, Instant now,
                       std::int64_t days = kDefaultAutoCloseDays);

}  // namespace tessera
