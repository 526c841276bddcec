// The free trial's rules (see trial.hpp).
#include "tessera/trial.hpp"

#include <algorithm>

namespace tessera {

TrialGrant grant_trial(const TrialRules& rules, Instant now) {
  return TrialGrant{rules.minutes, now, add_days(now, rules.validity_days)};
}

Minutes trial_minutes_left(const TrialGrant& grant, Minutes already_charged, Instant at) {
  if (at >= grant.expires_at) return 0;  // valid up to, not including, the expiry instant
  return std::max<Minutes>(0, grant.minutes - already_charged);
}

TrialCharge charge_trial(const TrialGrant& grant, Minutes already_charged, Minutes worked, Instant at) {
  const Minutes left = trial_minutes_left(grant, already_charged, at);
  const Minutes charged = std::min(left, std::max<Minutes>(0, worked));
  return TrialCharge{charged, std::max<Minutes>(0, worked) - charged};
}

}  // namespace tessera
