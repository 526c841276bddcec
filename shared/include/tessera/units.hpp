// Units of the domain. All amounts are integers: money in cents, time in minutes,
// instants in UTC seconds since the Unix epoch. The names carry the unit.
#pragma once
#include <cstdint>

namespace tessera {

using Cents = std::int64_t;    // money, in euro cents
using Minutes = std::int64_t;  // support time, in whole minutes
using Instant = std::int64_t;  // a moment, UTC seconds since 1970-01-01T00:00:00Z
using Id = std::int64_t;       // a stored object's identifier

constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerDay = 86'400;

constexpr Instant add_days(Instant at, std::int64_t days) { return at + days * kSecondsPerDay; }
constexpr Instant add_minutes(Instant at, Minutes minutes) { return at + minutes * kSecondsPerMinute; }

}  // namespace tessera
