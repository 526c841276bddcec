// The public transparency board (SPEC §1.10): one anonymous row per closed ticket, and the
// aggregates per criticality and per month — median and 90th percentile of first-response
// times, share within SLA, average rating and rating distribution — plus CSV. Percentiles
// use the NEAREST-RANK method: the p-th percentile of n sorted values is the value at rank
// ceil(p × n / 100) (1-based), always one of the observed values, never interpolated.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

struct BoardRow {
  std::string reference;  // public reference, never a name or an email
  Category category = Category::other;
  Criticality criticality = Criticality::normal;  // effective (triage, else declared)
  Language language = Language::en;
  std::string month_opened;  // "2026-03"
  std::optional<Minutes> first_response_minutes;
  std::optional<Minutes> resolution_minutes;
  bool within_sla = false;
  std::optional<int> rating;         // 1..5
  std::optional<std::string> comment;  // only when its author allowed publishing it
  bool operator==(const BoardRow&) const = default;
};

// Nearest-rank percentile (0 < percent <= 100) of unsorted values; nothing for no values.
std::optional<Minutes> nearest_rank_percentile(std::vector<Minutes> values, int percent);
std::optional<Minutes> nearest_rank_median(std::vector<Minutes> values);

struct BoardAggregate {
  std::string group;  // the criticality name, the month "2026-03", or "all"
  std::int64_t tickets = 0;
  std::optional<Minutes> median_first_response;
  std::optional<Minutes> p90_first_response;
  std::int64_t within_sla = 0;
  std::int64_t within_sla_per_mille = 0;   // share within SLA, in ‰ rounded half-up
  std::int64_t rated = 0;
  std::int64_t average_rating_hundredths = 0;  // 4.67 -> 467, rounded half-up; 0 if none rated
  std::array<std::int64_t, 5> rating_counts{};  // index 0 = rating 1
  bool operator==(const BoardAggregate&) const = default;
};

BoardAggregate aggregate_board(const std::vector<BoardRow>& rows, std::string group);
// One aggregate per criticality (critical..low, those with tickets), per month (ascending).
std::vector<BoardAggregate> aggregate_by_criticality(const std::vector<BoardRow>& rows);
std::vector<BoardAggregate> aggregate_by_month(const std::vector<BoardRow>& rows);

// RFC 4180 CSV: a header line then one line per row, CRLF line ends. A text starting with
// = + - @ is prefixed with ' so that a spreadsheet never runs it as a formula.
std::string board_csv(const std::vector<BoardRow>& rows);
std::string csv_field(std::string_view text);

// Ratings are 1..5 (error "invalid_rating"); the comment is kept only if publishing is allowed.
bool is_valid_rating(int rating);

}  // namespace tessera
