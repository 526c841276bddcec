// Calendar arithmetic on civil (proleptic Gregorian) dates and UTC instants: leap years,
// days in a month, adding months clamped to the month's last day (Jan 31 + 1 month = Feb 28
// or 29), ISO-8601 text. Pure integer arithmetic (Howard Hinnant's days_from_civil), no
// time-zone: local time lives in opening_hours.hpp.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/units.hpp"

namespace tessera {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month
  auto operator<=>(const Date&) const = default;
};

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(const Date& date);

// Days since 1970-01-01 (negative before), and back.
std::int64_t days_since_epoch(const Date& date);
Date date_from_days(std::int64_t days_since_epoch);
Weekday weekday_of_days(std::int64_t days_since_epoch);
Weekday weekday_of(const Date& date);

Date add_days(const Date& date, std::int64_t days);
std::int64_t days_between(const Date& from, const Date& to);  // to - from, in days

// The same day `months` later (or earlier when negative), clamped to the last day of the
// target month: 2026-01-31 + 1 = 2026-02-28; 2028-01-31 + 1 = 2028-02-29.
Date add_months_clamped(const Date& date, int months);

// UTC calendar of an instant: the date, and midnight UTC of a date.
std::int64_t floor_div(std::int64_t numerator, std::int64_t denominator);
Date utc_date_of(Instant at);
Instant utc_midnight(const Date& date);
Instant utc_instant(const Date& date, int hour, int minute, int second = 0);

// An instant `months` later on the UTC calendar, same time of day, day clamped.
Instant add_months_clamped(Instant at, int months);

// "2027-01-10"; "2026-03" for the month key of the transparency board.
std::string to_iso(const Date& date);
std::string month_key(const Date& date);
std::optional<Date> parse_iso_date(std::string_view text);
// "2026-03-29T01:00:00Z"
std::string to_iso_utc(Instant at);

}  // namespace tessera
