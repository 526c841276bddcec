// Opening-hours arithmetic (see opening_hours.hpp). Each local day's windows are turned into
// UTC intervals with the zone's rules, so a day with a daylight-saving change has the real
// number of elapsed minutes inside its windows.
#include "tessera/opening_hours.hpp"

#include <algorithm>
#include <iterator>

namespace tessera {

// [SECTION] Time-zone rules
TimeZoneRules fixed_offset_zone(std::string name, std::int32_t offset_seconds) {
  return TimeZoneRules{std::move(name), offset_seconds, {}};
}

std::int32_t utc_offset_at(const TimeZoneRules& zone, Instant at) {
  const auto after = std::upper_bound(zone.transitions.begin(), zone.transitions.end(), at,
                                      [](Instant instant, const OffsetTransition& t) { return instant < t.at; });
  return after == zone.transitions.begin() ? zone.initial_offset_seconds : std::prev(after)->offset_seconds;
}

std::int64_t local_seconds(const TimeZoneRules& zone, Instant at) { return at + utc_offset_at(zone, at); }

Instant instant_of_local(const TimeZoneRules& zone, std::int64_t local) {
  // Real zones change offset at most once within a day around any instant: the offsets a
  // day before and a day after are the only candidates.
  const std::int32_t before = utc_offset_at(zone, local - kSecondsPerDay);
  const std::int32_t after = utc_offset_at(zone, local + kSecondsPerDay);
  const Instant with_before = local - before;
  const Instant with_after = local - after;
  const bool before_fits = utc_offset_at(zone, with_before) == before;
  const bool after_fits = utc_offset_at(zone, with_after) == after;
  if (before_fits && after_fits) return std::min(with_before, with_after);  // overlap: the first
  if (before_fits) return with_before;
  if (after_fits) return with_after;
  // Gap: the wall-clock time never happened; it maps to the instant the clocks jumped, so
  // that later local times never map to earlier instants (windows cannot overlap in UTC).
  const auto jump =
      std::upper_bound(zone.transitions.begin(), zone.transitions.end(), std::min(with_before, with_after),
                       [](Instant instant, const OffsetTransition& t) { return instant < t.at; });
  return jump != zone.transitions.end() ? jump->at : with_before;
}

Date local_date_of(const TimeZoneRules& zone, Instant at) {
  return date_from_days(floor_div(local_seconds(zone, at), kSecondsPerDay));
}

std::optional<Error> validate_time_zone(const TimeZoneRules& zone) {
  constexpr std::int32_t kMaxOffset = 18 * 3600;
  const auto bad_offset = [](std::int32_t offset) { return offset < -kMaxOffset || offset > kMaxOffset; };
  if (zone.name.empty() || bad_offset(zone.initial_offset_seconds)) return make_error("invalid_time_zone", "zone");
  for (std::size_t i = 0; i < zone.transitions.size(); ++i) {
    if (bad_offset(zone.transitions[i].offset_seconds) ||
        (i > 0 && zone.transitions[i].at <= zone.transitions[i - 1].at))
      return make_error("invalid_time_zone", "zone.transitions[" + std::to_string(i) + "]");
  }
  return std::nullopt;
}

// [SECTION] The schedule
OpeningHours default_opening_hours(TimeZoneRules zone) {
  OpeningHours hours;
  for (int day = 0; day < 5; ++day) hours.weekly[static_cast<std::size_t>(day)] = {OpeningWindow{9 * 60, 18 * 60}};
  hours.zone = std::move(zone);
  return hours;
}

std::optional<Error> validate_opening_hours(const OpeningHours& hours) {
  if (auto error = validate_time_zone(hours.zone)) return error;
  bool any_window = false;
  for (std::size_t day = 0; day < 7; ++day) {
    std::vector<OpeningWindow> windows = hours.weekly[day];
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const OpeningWindow& window = windows[i];
      if (window.opens_at_minute < 0 || window.closes_at_minute > 1440 ||
          window.opens_at_minute >= window.closes_at_minute)
        return make_error("invalid_opening_window", "weekly[" + std::to_string(day) + "][" + std::to_string(i) + "]");
    }
    std::sort(windows.begin(), windows.end(),
              [](const OpeningWindow& a, const OpeningWindow& b) { return a.opens_at_minute < b.opens_at_minute; });
    for (std::size_t i = 1; i < windows.size(); ++i)
      if (windows[i].opens_at_minute < windows[i - 1].closes_at_minute)
        return make_error("overlapping_opening_windows", "weekly[" + std::to_string(day) + "]");
    any_window = any_window || !windows.empty();
  }
  if (!any_window) return make_error("no_opening_hours", "weekly");
  for (std::size_t i = 0; i < hours.closed_dates.size(); ++i)
    if (!is_valid_date(hours.closed_dates[i]))
      return make_error("invalid_date", "closed_dates[" + std::to_string(i) + "]");
  return std::nullopt;
}

namespace {
struct Interval {
  Instant start = 0;
  Instant end = 0;
};

bool is_closed_date(const OpeningHours& hours, const Date& date) {
  return std::find(hours.closed_dates.begin(), hours.closed_dates.end(), date) != hours.closed_dates.end();
}

// The UTC intervals a local day is open, in order.
std::vector<Interval> open_intervals_of_day(const OpeningHours& hours, std::int64_t local_day) {
  std::vector<Interval> intervals;
  if (is_closed_date(hours, date_from_days(local_day))) return intervals;
  std::vector<OpeningWindow> windows = hours.weekly[static_cast<std::size_t>(weekday_of_days(local_day))];
  std::sort(windows.begin(), windows.end(),
            [](const OpeningWindow& a, const OpeningWindow& b) { return a.opens_at_minute < b.opens_at_minute; });
  const std::int64_t midnight = local_day * kSecondsPerDay;
  for (const OpeningWindow& window : windows) {
    const Instant start = instant_of_local(hours.zone, midnight + window.opens_at_minute * kSecondsPerMinute);
    const Instant end = instant_of_local(hours.zone, midnight + window.closes_at_minute * kSecondsPerMinute);
    if (end > start) intervals.push_back(Interval{start, end});
  }
  return intervals;
}

constexpr std::int64_t kSearchDays = 3660;  // ten years: beyond that, the schedule is empty
}  // namespace

bool is_open_at(const OpeningHours& hours, Instant at) {
  const std::int64_t day = floor_div(local_seconds(hours.zone, at), kSecondsPerDay);
  for (std::int64_t local_day = day - 1; local_day <= day + 1; ++local_day)
    for (const Interval& interval : open_intervals_of_day(hours, local_day))
      if (interval.start <= at && at < interval.end) return true;
  return false;
}

Minutes open_minutes_between(const OpeningHours& hours, Instant from, Instant to) {
  if (to <= from) return 0;
  std::int64_t seconds = 0;
  // A day before and after the local dates of the bounds, for windows a DST shift moves.
  const std::int64_t first_day = floor_div(local_seconds(hours.zone, from), kSecondsPerDay) - 1;
  const std::int64_t last_day = floor_div(local_seconds(hours.zone, to), kSecondsPerDay) + 1;
  for (std::int64_t day = first_day; day <= last_day; ++day)
    for (const Interval& interval : open_intervals_of_day(hours, day)) {
      const Instant start = std::max(interval.start, from);
      const Instant end = std::min(interval.end, to);
      if (end > start) seconds += end - start;
    }
  return seconds / kSecondsPerMinute;
}

Result<Instant> add_open_minutes(const OpeningHours& hours, Instant from, Minutes minutes) {
  if (minutes <= 0) return from;
  std::int64_t seconds_left = minutes * kSecondsPerMinute;
  const std::int64_t first_day = floor_div(local_seconds(hours.zone, from), kSecondsPerDay) - 1;
  for (std::int64_t day = first_day; day <= first_day + kSearchDays; ++day)
    for (const Interval& interval : open_intervals_of_day(hours, day)) {
      const Instant start = std::max(interval.start, from);
      if (interval.end <= start) continue;
      if (interval.end - start >= seconds_left) return start + seconds_left;
      seconds_left -= interval.end - start;
    }
  return make_error("no_opening_hours");
}

}  // namespace tessera
