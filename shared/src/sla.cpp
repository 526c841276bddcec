// SLA targets, response times and auto-close (see sla.hpp).
#include "tessera/sla.hpp"

namespace tessera {

Minutes sla_target(const SlaTargets& targets, Criticality criticality) {
  switch (criticality) {
    case Criticality::critical: return targets.critical;
    case Criticality::high: return targets.high;
    case Criticality::normal: return targets.normal;
    case Criticality::low: return targets.low;
  }
  return targets.low;
}

std::optional<Error> validate_sla_targets(const SlaTargets& targets) {
  const std::pair<Minutes, const char*> levels[] = {
      {targets.critical, "critical"}, {targets.high, "high"}, {targets.normal, "normal"}, {targets.low, "low"}};
  Minutes previous = 0;
  for (const auto& [minutes, field] : levels) {
    if (minutes < 1 || minutes > 100'000 || minutes < previous) return make_error("invalid_sla_target", field);
    previous = minutes;
  }
  return std::nullopt;
}

Result<Instant> sla_due_at(const OpeningHours& hours, const SlaTargets& targets, Criticality criticality,
                           Instant submitted_at) {
  return add_open_minutes(hours, submitted_at, sla_target(targets, criticality));
}

Result<SlaStanding> sla_standing(const OpeningHours& hours, const SlaTargets& targets, Criticality criticality,
                                 Instant submitted_at, Instant now) {
  const auto due = sla_due_at(hours, targets, criticality, submitted_at);
  if (!due) return due.error();
  SlaStanding standing;
  standing.due_at = due.value();
  standing.overdue = now >= standing.due_at;
  standing.open_minutes_left = standing.overdue ? -open_minutes_between(hours, standing.due_at, now)
                                                : open_minutes_between(hours, now, standing.due_at);
  return standing;
}

std::optional<Minutes> first_response_minutes(const OpeningHours& hours, Instant submitted_at,
                                              std::optional<Instant> first_response_at) {
  if (!first_response_at) return std::nullopt;
  return open_minutes_between(hours, submitted_at, *first_response_at);
}

std::optional<Minutes> resolution_minutes(const OpeningHours& hours, Instant submitted_at,
                                          std::optional<Instant> resolved_at) {
  if (!resolved_at) return std::nullopt;
  return open_minutes_between(hours, submitted_at, *resolved_at);
}

bool within_sla(const SlaTargets& targets, Criticality criticality, std::optional<Minutes> first_response) {
  return first_response.has_value() && *first_response <= sla_target(targets, criticality);
}

Instant auto_close_at(Instant resolved_at, std::int64_t days) { return add_days(resolved_at, days); }

bool should_auto_close(TicketStatus status, Instant resolved_at, Instant now, std::int64_t days) {
  return status == TicketStatus::resolved && now >= auto_close_at(resolved_at, days);
}

}  // namespace tessera
