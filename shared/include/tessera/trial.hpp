// The free trial (SPEC §1.1): a one-time credit of minutes (default 15) valid for a number
// of days (default 30), debited minute by minute with no minimum. Whatever a time entry
// needs beyond what is left (or after expiry) is overrun (SPEC §1.7).
#pragma once
#include "tessera/units.hpp"

namespace tessera {

struct TrialRules {
  Minutes minutes = 15;
  std::int64_t validity_days = 30;
};

struct TrialGrant {
  Minutes minutes = 0;
  Instant granted_at = 0;
  Instant expires_at = 0;
};

struct TrialCharge {
  Minutes charged = 0;  // taken from the trial
  Minutes overrun = 0;  // could not be funded by the trial
};

TrialGrant grant_trial(const TrialRules& rules, Instant now);

// Minutes still usable at `at` given the minutes already charged to the trial.
Minutes trial_minutes_left(const TrialGrant& grant, Minutes already_charged, Instant at);

// Charge `worked` minutes logged at `at`.
TrialCharge charge_trial(const TrialGrant& grant, Minutes already_charged, Minutes worked, Instant at);

}  // namespace tessera
