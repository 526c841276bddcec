// Opening hours and response times (SPEC §1.9, §1.8): open minutes added and counted in
// Europe/Paris, both daylight-saving changes inside and outside opening hours, closed dates,
// instants exactly at opening and closing; SLA due times; auto-close after 7 days.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"

using namespace tessera;

namespace {

// Europe/Paris as the adapters supply it: CET (+1 h), CEST (+2 h) from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
Date last_sunday(int year, int month) {
  Date day{year, month, days_in_month(year, month)};
  while (weekday_of(day) != Weekday::sunday) day = add_days(day, -1);
  return day;
}

TimeZoneRules paris() {
  TimeZoneRules zone{"Europe/Paris", 3600, {}};
  for (int year = 2020; year <= 2032; ++year) {
    zone.transitions.push_back({utc_instant(last_sunday(year, 3), 1, 0), 7200});
    zone.transitions.push_back({utc_instant(last_sunday(year, 10), 1, 0), 3600});
  }
  return zone;
}

// A local wall-clock time in Paris.
Instant paris_time(int year, int month, int day, int hour, int minute = 0) {
  return instant_of_local(paris(),
                          days_since_epoch(Date{year, month, day}) * kSecondsPerDay + hour * 3600 + minute * 60);
}

std::string local_text(Instant at) {
  const std::int64_t local = local_seconds(paris(), at);
  return to_iso_utc(local).substr(0, 16);  // "2026-03-30T10:00", read as local time
}

OpeningHours office() { return default_opening_hours(paris()); }

Instant add(const OpeningHours& hours, Instant from, Minutes minutes) {
  const auto result = add_open_minutes(hours, from, minutes);
  BOOST_REQUIRE(result.ok());
  return result.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(opening_hours)

BOOST_AUTO_TEST_CASE(the_paris_rules_used_by_the_tests_are_right) {
  BOOST_TEST(to_iso(last_sunday(2026, 3)) == "2026-03-29");
  BOOST_TEST(to_iso(last_sunday(2026, 10)) == "2026-10-25");
  BOOST_TEST(utc_offset_at(paris(), utc_instant({2026, 3, 29}, 0, 59, 59)) == 3600);
  BOOST_TEST(utc_offset_at(paris(), utc_instant({2026, 3, 29}, 1, 0)) == 7200);
  BOOST_TEST(utc_offset_at(paris(), utc_instant({2019, 6, 1}, 0, 0)) == 3600);  // before the table: initial
}

BOOST_AUTO_TEST_CASE(local_times_in_the_gap_and_the_overlap) {
  const TimeZoneRules zone = paris();
  const std::int64_t spring_midnight = days_since_epoch(Date{2026, 3, 29}) * kSecondsPerDay;
  // 02:30 never happens on 2026-03-29: it maps to the jump, 03:00 CEST = 01:00 UTC.
  BOOST_TEST(to_iso_utc(instant_of_local(zone, spring_midnight + 2 * 3600 + 1800)) == "2026-03-29T01:00:00Z");
  BOOST_TEST(to_iso_utc(instant_of_local(zone, spring_midnight + 2 * 3600)) == "2026-03-29T01:00:00Z");
  BOOST_TEST(to_iso_utc(instant_of_local(zone, spring_midnight + 2 * 3600 - 60)) == "2026-03-29T00:59:00Z");
  BOOST_TEST(to_iso_utc(instant_of_local(zone, spring_midnight + 3 * 3600)) == "2026-03-29T01:00:00Z");
  const std::int64_t fall_midnight = days_since_epoch(Date{2026, 10, 25}) * kSecondsPerDay;
  // 02:30 happens twice on 2026-10-25: the first one, 00:30 UTC.
  BOOST_TEST(to_iso_utc(instant_of_local(zone, fall_midnight + 2 * 3600 + 1800)) == "2026-10-25T00:30:00Z");
  BOOST_TEST(to_iso_utc(instant_of_local(zone, fall_midnight + 3 * 3600)) == "2026-10-25T02:00:00Z");
  BOOST_TEST(to_iso(local_date_of(zone, utc_instant({2026, 7, 1}, 22, 30))) == "2026-07-02");
}

struct AddRow {
  const char* name;
  Instant from;
  Minutes minutes;
  const char* expected_local;
};

BOOST_AUTO_TEST_CASE(adding_open_minutes) {
  const AddRow rows[] = {
      {"inside a day", paris_time(2026, 3, 2, 10, 0), 60, "2026-03-02T11:00"},
      {"exactly at opening, zero minutes", paris_time(2026, 3, 2, 9, 0), 0, "2026-03-02T09:00"},
      {"exactly at opening", paris_time(2026, 3, 2, 9, 0), 60, "2026-03-02T10:00"},
      {"before opening waits for it", paris_time(2026, 3, 2, 7, 0), 60, "2026-03-02T10:00"},
      {"exactly at closing continues next day", paris_time(2026, 3, 2, 18, 0), 60, "2026-03-03T10:00"},
      {"reaching closing exactly stays at closing", paris_time(2026, 3, 2, 17, 0), 60, "2026-03-02T18:00"},
      {"Friday evening to Monday", paris_time(2026, 3, 6, 17, 30), 60, "2026-03-09T09:30"},
      {"a weekend submission", paris_time(2026, 3, 7, 12, 0), 240, "2026-03-09T13:00"},
      {"low: 1440 open minutes is 2 days 6 hours", paris_time(2026, 3, 2, 9, 0), 1440, "2026-03-04T15:00"},
      {"spring forward on the weekend, outside hours", paris_time(2026, 3, 27, 17, 0), 120, "2026-03-30T10:00"},
      {"fall back on the weekend, outside hours", paris_time(2026, 10, 23, 17, 0), 120, "2026-10-26T10:00"},
  };
  for (const AddRow& row : rows)
    BOOST_TEST_CONTEXT(row.name) { BOOST_TEST(local_text(add(office(), row.from, row.minutes)) == row.expected_local); }
}

BOOST_AUTO_TEST_CASE(counting_open_minutes) {
  const OpeningHours hours = office();
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 2, 9, 0), paris_time(2026, 3, 2, 9, 0)) == 0);
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 2, 18, 0), paris_time(2026, 3, 3, 9, 0)) == 0);
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 2, 8, 0), paris_time(2026, 3, 2, 19, 0)) == 540);
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 2, 0, 0), paris_time(2026, 3, 9, 0, 0)) == 5 * 540);
  // A week across each change still holds five 9-hour days.
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 26, 0, 0), paris_time(2026, 4, 2, 0, 0)) == 5 * 540);
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 10, 22, 0, 0), paris_time(2026, 10, 29, 0, 0)) == 5 * 540);
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 3, 0, 0), paris_time(2026, 3, 2, 0, 0)) == 0);
  // Seconds are summed, then floored to whole minutes.
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 3, 2, 9, 0), paris_time(2026, 3, 2, 9, 0) + 119) == 1);
}

BOOST_AUTO_TEST_CASE(daylight_saving_changes_inside_opening_hours) {
  // A night service on Sundays 00:00–06:00: 5 real hours on the spring day, 7 in the autumn.
  OpeningHours night = office();
  night.weekly[static_cast<std::size_t>(Weekday::sunday)] = {OpeningWindow{0, 6 * 60}};
  BOOST_TEST(open_minutes_between(night, paris_time(2026, 3, 28, 12, 0), paris_time(2026, 3, 29, 12, 0)) == 300);
  BOOST_TEST(open_minutes_between(night, paris_time(2026, 10, 24, 12, 0), paris_time(2026, 10, 25, 12, 0)) == 420);
  BOOST_TEST(open_minutes_between(night, paris_time(2026, 3, 21, 12, 0), paris_time(2026, 3, 22, 12, 0)) == 360);
  // 180 open minutes from midnight on the spring day end at 04:00 CEST (02:00 UTC).
  BOOST_TEST(to_iso_utc(add(night, paris_time(2026, 3, 29, 0, 0), 180)) == "2026-03-29T02:00:00Z");
  // ... and on the autumn day at 02:00 CET, the second 02:00 (01:00 UTC).
  BOOST_TEST(to_iso_utc(add(night, paris_time(2026, 10, 25, 0, 0), 180)) == "2026-10-25T01:00:00Z");
  // A window opening inside the gap opens when the clocks jump: 02:30–05:00 is 03:00–05:00.
  OpeningHours gap = office();
  gap.weekly[static_cast<std::size_t>(Weekday::sunday)] = {OpeningWindow{150, 300}};
  BOOST_TEST(open_minutes_between(gap, paris_time(2026, 3, 29, 0, 0), paris_time(2026, 3, 29, 12, 0)) == 120);
  BOOST_TEST(is_open_at(night, paris_time(2026, 3, 29, 3, 30)));
  BOOST_TEST(!is_open_at(night, paris_time(2026, 3, 29, 6, 0)));
}

BOOST_AUTO_TEST_CASE(windows_with_an_edge_in_the_gap_never_count_twice) {
  // Sunday 00:00–02:30 and 03:00–06:00 on the spring day: 02:00–03:00 never happens, so the
  // first window really ends at the jump and the second begins there: 2 h + 3 h.
  OpeningHours split = office();
  split.weekly[static_cast<std::size_t>(Weekday::sunday)] = {OpeningWindow{0, 150}, OpeningWindow{180, 360}};
  BOOST_TEST(open_minutes_between(split, paris_time(2026, 3, 28, 12, 0), paris_time(2026, 3, 29, 12, 0)) == 300);
  BOOST_TEST(to_iso_utc(add(split, paris_time(2026, 3, 29, 0, 0), 120)) == "2026-03-29T01:00:00Z");
  BOOST_TEST(to_iso_utc(add(split, paris_time(2026, 3, 29, 0, 0), 121)) == "2026-03-29T01:01:00Z");
  // A window entirely inside the gap never opens.
  OpeningHours ghost = office();
  ghost.weekly[static_cast<std::size_t>(Weekday::sunday)] = {OpeningWindow{130, 170}};
  BOOST_TEST(open_minutes_between(ghost, paris_time(2026, 3, 28, 12, 0), paris_time(2026, 3, 29, 12, 0)) == 0);
  BOOST_TEST(open_minutes_between(ghost, paris_time(2026, 3, 21, 12, 0), paris_time(2026, 3, 22, 12, 0)) == 40);
}

BOOST_AUTO_TEST_CASE(closed_dates_are_skipped) {
  OpeningHours hours = office();
  hours.closed_dates = {Date{2026, 5, 25}};  // Whit Monday
  BOOST_TEST(local_text(add(hours, paris_time(2026, 5, 22, 17, 30), 60)) == "2026-05-26T09:30");
  BOOST_TEST(open_minutes_between(hours, paris_time(2026, 5, 25, 0, 0), paris_time(2026, 5, 26, 0, 0)) == 0);
  BOOST_TEST(!is_open_at(hours, paris_time(2026, 5, 25, 10, 0)));
}

BOOST_AUTO_TEST_CASE(open_at_opening_closed_at_closing) {
  const OpeningHours hours = office();
  BOOST_TEST(is_open_at(hours, paris_time(2026, 3, 2, 9, 0)));
  BOOST_TEST(!is_open_at(hours, paris_time(2026, 3, 2, 9, 0) - 1));
  BOOST_TEST(is_open_at(hours, paris_time(2026, 3, 2, 18, 0) - 1));
  BOOST_TEST(!is_open_at(hours, paris_time(2026, 3, 2, 18, 0)));
  BOOST_TEST(!is_open_at(hours, paris_time(2026, 3, 7, 10, 0)));  // Saturday
}

BOOST_AUTO_TEST_CASE(windows_running_to_midnight_join_the_next_day) {
  OpeningHours always = office();
  for (auto& day : always.weekly) day = {OpeningWindow{0, 1440}};
  BOOST_TEST(local_text(add(always, paris_time(2026, 3, 2, 23, 30), 60)) == "2026-03-03T00:30");
  BOOST_TEST(open_minutes_between(always, paris_time(2026, 3, 28, 0, 0), paris_time(2026, 3, 30, 0, 0)) == 47 * 60);
}

BOOST_AUTO_TEST_CASE(adding_then_counting_gives_back_the_minutes) {
  std::mt19937_64 engine(7);
  const OpeningHours hours = office();
  const Instant base = paris_time(2026, 1, 1, 0, 0);
  for (int i = 0; i < 400; ++i) {
    const Instant from = base + static_cast<Instant>(engine() % (400 * 1440)) * 60;
    const Minutes minutes = static_cast<Minutes>(engine() % 3000);
    const Instant due = add(hours, from, minutes);
    BOOST_TEST_REQUIRE(open_minutes_between(hours, from, due) == minutes);
    const Instant end = due + 86400;
    const Instant middle =
        from + static_cast<Instant>(engine() % static_cast<std::uint64_t>((end - from) / 60 + 1)) * 60;
    BOOST_TEST_REQUIRE(open_minutes_between(hours, from, end) ==
                       open_minutes_between(hours, from, middle) + open_minutes_between(hours, middle, end));
  }
}

BOOST_AUTO_TEST_CASE(schedules_are_validated) {
  BOOST_TEST(!validate_opening_hours(office()).has_value());
  OpeningHours empty = office();
  for (auto& day : empty.weekly) day.clear();
  BOOST_TEST(validate_opening_hours(empty)->code == "no_opening_hours");
  BOOST_TEST(add_open_minutes(empty, paris_time(2026, 3, 2, 9, 0), 10).error().code == "no_opening_hours");
  OpeningHours reversed = office();
  reversed.weekly[2] = {OpeningWindow{18 * 60, 9 * 60}};
  BOOST_TEST(validate_opening_hours(reversed)->field == "weekly[2][0]");
  OpeningHours overlapping = office();
  overlapping.weekly[0] = {OpeningWindow{14 * 60, 18 * 60}, OpeningWindow{9 * 60, 15 * 60}};
  BOOST_TEST(validate_opening_hours(overlapping)->code == "overlapping_opening_windows");
  OpeningHours bad_date = office();
  bad_date.closed_dates = {Date{2026, 2, 30}};
  BOOST_TEST(validate_opening_hours(bad_date)->field == "closed_dates[0]");
  OpeningHours bad_zone = office();
  std::swap(bad_zone.zone.transitions[0], bad_zone.zone.transitions[1]);
  BOOST_TEST(validate_opening_hours(bad_zone)->code == "invalid_time_zone");
  BOOST_TEST(validate_time_zone(fixed_offset_zone("Far/Away", 20 * 3600))->code == "invalid_time_zone");
  BOOST_TEST(!validate_time_zone(fixed_offset_zone("UTC", 0)).has_value());
}

BOOST_AUTO_TEST_CASE(sla_due_times_per_criticality) {
  const SlaTargets targets;
  const Instant monday_ten = paris_time(2026, 3, 2, 10, 0);
  const struct {
    Criticality criticality;
    const char* due_local;
  } rows[] = {
      {Criticality::critical, "2026-03-02T11:00"},
      {Criticality::high, "2026-03-02T14:00"},
      {Criticality::normal, "2026-03-03T13:00"},   // 720 = 8 h today + 4 h tomorrow
      {Criticality::low, "2026-03-04T16:00"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(to_string(row.criticality)) {
      const auto due = sla_due_at(office(), targets, row.criticality, monday_ten);
      BOOST_TEST_REQUIRE(due.ok());
      BOOST_TEST(local_text(due.value()) == row.due_local);
    }
  }
}

BOOST_AUTO_TEST_CASE(sla_standing_counts_open_minutes_to_and_past_the_due_time) {
  const SlaTargets targets;  // critical: 60 open minutes
  const Instant friday_17 = paris_time(2026, 3, 6, 17, 0);  // due Friday 18:00
  const struct {
    const char* name;
    Instant now;
    Minutes left;
    bool overdue;
  } rows[] = {
      {"at submission", friday_17, 60, false},
      {"twenty minutes later", paris_time(2026, 3, 6, 17, 20), 40, false},
      {"at the due time", paris_time(2026, 3, 6, 18, 0), 0, true},
      {"over the closed weekend: overdue, no open minute past", paris_time(2026, 3, 8, 12, 0), 0, true},
      {"Monday 09:30: 30 open minutes late", paris_time(2026, 3, 9, 9, 30), -30, true},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto standing = sla_standing(office(), targets, Criticality::critical, friday_17, row.now);
      BOOST_TEST_REQUIRE(standing.ok());
      BOOST_TEST(local_text(standing.value().due_at) == "2026-03-06T18:00");
      BOOST_TEST(standing.value().open_minutes_left == row.left);
      BOOST_TEST(standing.value().overdue == row.overdue);
    }
  }
  // Submitted on Saturday: the hour starts on Monday at opening.
  const auto weekend = sla_standing(office(), targets, Criticality::critical, paris_time(2026, 3, 7, 11, 0),
                                    paris_time(2026, 3, 7, 11, 5));
  BOOST_TEST_REQUIRE(weekend.ok());
  BOOST_TEST(local_text(weekend.value().due_at) == "2026-03-09T10:00");
  BOOST_TEST(weekend.value().open_minutes_left == 60);
}

BOOST_AUTO_TEST_CASE(response_times_and_within_sla) {
  const SlaTargets targets;
  const Instant friday = paris_time(2026, 3, 6, 17, 30);
  const auto response = first_response_minutes(office(), friday, paris_time(2026, 3, 9, 9, 15));
  BOOST_TEST(response.value() == 45);  // 30 minutes on Friday, 15 on Monday
  BOOST_TEST(first_response_minutes(office(), friday, paris_time(2026, 3, 9, 9, 45)).value() == 75);
  BOOST_TEST(within_sla(targets, Criticality::critical, response));
  BOOST_TEST(!within_sla(targets, Criticality::critical, Minutes{61}));
  BOOST_TEST(within_sla(targets, Criticality::critical, Minutes{60}));
  BOOST_TEST(!within_sla(targets, Criticality::low, std::nullopt));
  BOOST_TEST(!first_response_minutes(office(), friday, std::nullopt).has_value());
  BOOST_TEST(resolution_minutes(office(), friday, paris_time(2026, 3, 10, 9, 0)).value() == 30 + 540);
  BOOST_TEST(sla_target(targets, Criticality::normal) == 720);
}

BOOST_AUTO_TEST_CASE(sla_targets_are_validated) {
  BOOST_TEST(!validate_sla_targets(SlaTargets{}).has_value());
  BOOST_TEST(validate_sla_targets(SlaTargets{0, 240, 720, 1440})->field == "critical");
  BOOST_TEST(validate_sla_targets(SlaTargets{300, 240, 720, 1440})->field == "high");
  BOOST_TEST(validate_sla_targets(SlaTargets{60, 240, 720, 200'000})->code == "invalid_sla_target");
}

BOOST_AUTO_TEST_CASE(resolved_tickets_close_themselves_after_seven_days) {
  const Instant resolved = utc_instant({2026, 3, 2}, 15, 0);
  BOOST_TEST(to_iso_utc(auto_close_at(resolved)) == "2026-03-09T15:00:00Z");
  BOOST_TEST(!should_auto_close(TicketStatus::resolved, resolved, auto_close_at(resolved) - 1));
  BOOST_TEST(should_auto_close(TicketStatus::resolved, resolved, auto_close_at(resolved)));
  BOOST_TEST(!should_auto_close(TicketStatus::in_progress, resolved, auto_close_at(resolved) + 99));
  BOOST_TEST(should_auto_close(TicketStatus::resolved, resolved, add_days(resolved, 3), 3));
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] Properties over synthetic zones: any offsets (30-minute shifts, southern
// hemisphere, changes at local midnight) and any windows, including edges inside the gap
// and the overlap. Open time never exceeds elapsed time; adding then counting gives back
// the minutes; counting is additive.
BOOST_AUTO_TEST_SUITE(opening_hours_properties)

BOOST_AUTO_TEST_CASE(open_minutes_behave_in_any_zone_and_schedule) {
  std::mt19937_64 engine(99);
  const auto below = [&engine](std::uint64_t bound) { return static_cast<std::int64_t>(engine() % bound); };
  const Instant base = utc_instant({2026, 1, 1}, 0, 0);
  for (int zone_number = 0; zone_number < 40; ++zone_number) {
    TimeZoneRules zone{
        "Synthetic/" + std::to_string(zone_number), static_cast<std::int32_t>(below(29) - 12) * 1800, {}};
    Instant when = base;
    std::int32_t offset = zone.initial_offset_seconds;
    for (int change = 0; change < 8; ++change) {
      when += (20 + below(60)) * kSecondsPerDay + below(48) * 1800;
      const std::int32_t shift = static_cast<std::int32_t>(below(2) == 0 ? 1 : -1) * (below(2) == 0 ? 3600 : 1800);
      offset = std::clamp(offset + shift, -12 * 3600, 14 * 3600);
      zone.transitions.push_back({when, offset});
    }
    OpeningHours hours;
    hours.zone = zone;
    for (auto& day : hours.weekly) {
      // Edges every 10 minutes: windows open at midnight, end inside a gap, start right after.
      int minute = static_cast<int>(below(4)) * 10;
      while (minute < 1440 && below(4) != 0) {
        const int opens = minute;
        const int closes = std::min(1440, opens + 10 + static_cast<int>(below(40)) * 10);
        day.push_back(OpeningWindow{opens, closes});
        minute = closes + static_cast<int>(below(4)) * 10;
      }
    }
    // Local wall-clock time maps to UTC without ever going backwards, gaps and overlaps
    // included: so the UTC intervals of a day's windows cannot overlap.
    for (const OffsetTransition& change : zone.transitions) {
      const std::int64_t local_at_change = change.at + change.offset_seconds;
      for (std::int64_t step = -7200; step < 7200; step += 600)
        BOOST_TEST_REQUIRE(instant_of_local(zone, local_at_change + step) <=
                           instant_of_local(zone, local_at_change + step + 600));
    }
    hours.weekly[2] = {OpeningWindow{0, 1440}};  // at least one window
    BOOST_TEST_REQUIRE(!validate_opening_hours(hours).has_value());
    for (int sample = 0; sample < 60; ++sample) {
      const Instant from = base + below(500) * kSecondsPerDay + below(86400);
      const Minutes minutes = below(4000);
      const Instant due = add(hours, from, minutes);
      const Instant end = due + below(3 * 86400);
      const Instant middle = from + below(static_cast<std::uint64_t>(end - from + 1));
      BOOST_TEST_CONTEXT(zone.name << " from " << to_iso_utc(from) << " + " << minutes) {
        BOOST_TEST_REQUIRE(open_minutes_between(hours, from, due) == minutes);
        BOOST_TEST_REQUIRE(open_minutes_between(hours, from, end) * 60 <= end - from);
        const std::int64_t whole = open_minutes_between(hours, from, end);
        const std::int64_t parts = open_minutes_between(hours, from, middle) + open_minutes_between(hours, middle, end);
        BOOST_TEST_REQUIRE((whole == parts || whole == parts + 1));  // whole minutes: one may straddle `middle`
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
