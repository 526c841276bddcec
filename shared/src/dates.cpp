// Civil-date arithmetic (see dates.hpp). days_from_civil / civil_from_days follow Howard
// Hinnant's public-domain algorithms (http://howardhinnant.github.io/date_algorithms.html).
#include "tessera/dates.hpp"

#include <algorithm>

namespace tessera {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(const Date& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

std::int64_t floor_div(std::int64_t numerator, std::int64_t denominator) {
  const std::int64_t quotient = numerator / denominator;
  return (numerator % denominator != 0 && ((numerator < 0) != (denominator < 0))) ? quotient - 1 : quotient;
}

std::int64_t days_since_epoch(const Date& date) {
  const std::int64_t year = date.month <= 2 ? date.year - 1 : date.year;
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + day_of_era - 719'468;
}

Date date_from_days(std::int64_t days) {
  days += 719'468;
  const std::int64_t era = floor_div(days, 146'097);
  const std::int64_t day_of_era = days - era * 146'097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const std::int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

Weekday weekday_of_days(std::int64_t days) {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const std::int64_t index = days + 3 - floor_div(days + 3, 7) * 7;
  return static_cast<Weekday>(index);
}

Weekday weekday_of(const Date& date) { return weekday_of_days(days_since_epoch(date)); }

Date add_days(const Date& date, std::int64_t days) { return date_from_days(days_since_epoch(date) + days); }

std::int64_t days_between(const Date& from, const Date& to) { return days_since_epoch(to) - days_since_epoch(from); }

Date add_months_clamped(const Date& date, int months) {
  const int month_index = date.year * 12 + (date.month - 1) + months;
  const int year = static_cast<int>(floor_div(month_index, 12));
  const int month = month_index - year * 12 + 1;
  return Date{year, month, std::min(date.day, days_in_month(year, month))};
}

Date utc_date_of(Instant at) { return date_from_days(floor_div(at, kSecondsPerDay)); }

Instant utc_midnight(const Date& date) { return days_since_epoch(date) * kSecondsPerDay; }

Instant utc_instant(const Date& date, int hour, int minute, int second) {
  return utc_midnight(date) + hour * 3600 + minute * 60 + second;
}

Instant add_months_clamped(Instant at, int months) {
  const Instant midnight = floor_div(at, kSecondsPerDay) * kSecondsPerDay;
  return utc_midnight(add_months_clamped(utc_date_of(at), months)) + (at - midnight);
}

namespace {
void append_number(std::string& out, std::int64_t value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (value < 0) out += '-';
  if (static_cast<int>(digits.size()) < width) out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  out += digits;
}

std::optional<int> parse_digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}
}  // namespace

std::string to_iso(const Date& date) {
  std::string out;
  append_number(out, date.year, 4);
  out += '-';
  append_number(out, date.month, 2);
  out += '-';
  append_number(out, date.day, 2);
  return out;
}

std::string month_key(const Date& date) { return to_iso(date).substr(0, 7); }

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_digits(text.substr(0, 4));
  const auto month = parse_digits(text.substr(5, 2));
  const auto day = parse_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const Date date{*year, *month, *day};
  if (!is_valid_date(date)) return std::nullopt;
  return date;
}

std::string to_iso_utc(Instant at) {
  const std::int64_t days = floor_div(at, kSecondsPerDay);
  const std::int64_t second_of_day = at - days * kSecondsPerDay;
  std::string out = to_iso(date_from_days(days));
  out += 'T';
  append_number(out, second_of_day / 3600, 2);
  out += ':';
  append_number(out, second_of_day / 60 % 60, 2);
  out += ':';
  append_number(out, second_of_day % 60, 2);
  out += 'Z';
  return out;
}

}  // namespace tessera
