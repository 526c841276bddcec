// Opening hours (SPEC §1.9): a weekly schedule of local-time windows in one IANA time zone,
// plus closed dates; adding N open minutes to an instant and counting the open minutes
// between two instants, correct across daylight-saving changes. The zone's rules are an
// input (a list of UTC-offset transitions) that the adapters supply: the server from the
// system's tz data, the browser from the server. Nothing here reads a file.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tessera/dates.hpp"
#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

// [SECTION] Time-zone rules
struct OffsetTransition {
  Instant at = 0;                     // from this instant on ...
  std::int32_t offset_seconds = 0;    // ... local time = UTC + offset
  bool operator==(const OffsetTransition&) const = default;
};

struct TimeZoneRules {
  std::string name = "UTC";           // IANA name, e.g. "Europe/Paris"
  std::int32_t initial_offset_seconds = 0;  // before the first transition
  std::vector<OffsetTransition> transitions;  // strictly increasing `at`
  bool operator==(const TimeZoneRules&) const = default;
};

TimeZoneRules fixed_offset_zone(std::string name, std::int32_t offset_seconds);
std::int32_t utc_offset_at(const TimeZoneRules& zone, Instant at);
// Local wall-clock seconds since 1970-01-01T00:00 local.
std::int64_t local_seconds(const TimeZoneRules& zone, Instant at);
// The UTC instant of a local wall-clock time. A time in a spring-forward gap maps to the
// instant of the change (02:30 that never happened -> 03:00, when the clocks jumped); in a
// fall-back overlap, the first of the two occurrences. Later local times never map to
// earlier instants, so a day's windows never overlap once in UTC.
Instant instant_of_local(const TimeZoneRules& zone, std::int64_t local_seconds_since_epoch);
Date local_date_of(const TimeZoneRules& zone, Instant at);

// Errors: "invalid_time_zone" (transitions not increasing, offsets beyond ±18 h).
std::optional<Error> validate_time_zone(const TimeZoneRules& zone);

// [SECTION] The schedule
struct OpeningWindow {
  int opens_at_minute = 9 * 60;    // minutes after local midnight, 0..1439
  int closes_at_minute = 18 * 60;  // exclusive, 1..1440 (1440 = midnight at the day's end)
  bool operator==(const OpeningWindow&) const = default;
};

struct OpeningHours {
  std::array<std::vector<OpeningWindow>, 7> weekly;  // index: Weekday (monday = 0)
  std::vector<Date> closed_dates;                    // local dates, any order
  TimeZoneRules zone;
  bool operator==(const OpeningHours&) const = default;
};

// Mon–Fri 09:00–18:00 in `zone` (SPEC default, Europe/Paris supplied by the adapter).
OpeningHours default_opening_hours(TimeZoneRules zone);

// Errors: "invalid_opening_window" (field "weekly[d][i]"), "overlapping_opening_windows",
// "no_opening_hours", "invalid_date" (field "closed_dates[i]"), "invalid_time_zone".
std::optional<Error> validate_opening_hours(const OpeningHours& hours);

bool is_open_at(const OpeningHours& hours, Instant at);

// Open minutes in [from, to), counted in whole minutes (seconds summed, then floored);
// 0 when to <= from.
Minutes open_minutes_between(const OpeningHours& hours, Instant from, Instant to);

// The instant at which `minutes` open minutes have passed since `from`: adding 0 gives
// `from`; adding 60 at 17:30 on a Friday gives Monday 09:30. Error "no_opening_hours" when
// the schedule has no opening in the next 10 years.
Result<Instant> add_open_minutes(const OpeningHours& hours, Instant from, Minutes minutes);

}  // namespace tessera
