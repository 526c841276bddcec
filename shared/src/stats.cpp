// Transparency statistics (see stats.hpp). Nearest-rank percentiles, integer shares.
#include "tessera/stats.hpp"

#include <algorithm>
#include <map>

#include "tessera/invoice.hpp"

namespace tessera {

std::optional<Minutes> nearest_rank_percentile(std::vector<Minutes> values, int percent) {
  if (values.empty() || percent <= 0 || percent > 100) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto count = static_cast<std::int64_t>(values.size());
  const std::int64_t rank = (percent * count + 99) / 100;  // ceil(p × n / 100), 1-based
  return values[static_cast<std::size_t>(std::max<std::int64_t>(rank, 1) - 1)];
}

std::optional<Minutes> nearest_rank_median(std::vector<Minutes> values) {
  return nearest_rank_percentile(std::move(values), 50);
}

BoardAggregate aggregate_board(const std::vector<BoardRow>& rows, std::string group) {
  BoardAggregate aggregate;
  aggregate.group = std::move(group);
  std::vector<Minutes> responses;
  std::int64_t rating_sum = 0;
  for (const BoardRow& row : rows) {
    ++aggregate.tickets;
    if (row.first_response_minutes) responses.push_back(*row.first_response_minutes);
    if (row.within_sla) ++aggregate.within_sla;
    if (row.rating && is_valid_rating(*row.rating)) {
      ++aggregate.rated;
      rating_sum += *row.rating;
      ++aggregate.rating_counts[static_cast<std::size_t>(*row.rating - 1)];
    }
  }
  aggregate.median_first_response = nearest_rank_median(responses);
  aggregate.p90_first_response = nearest_rank_percentile(responses, 90);
  if (aggregate.tickets > 0)
    aggregate.within_sla_per_mille = divide_rounding_half_up(aggregate.within_sla * 1000, aggregate.tickets);
  if (aggregate.rated > 0)
    aggregate.average_rating_hundredths = divide_rounding_half_up(rating_sum * 100, aggregate.rated);
  return aggregate;
}

std::vector<BoardAggregate> aggregate_by_criticality(const std::vector<BoardRow>& rows) {
  std::vector<BoardAggregate> aggregates;
  for (Criticality level : {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}) {
    std::vector<BoardRow> subset;
    std::copy_if(rows.begin(), rows.end(), std::back_inserter(subset),
                 [level](const BoardRow& row) { return row.criticality == level; });
    if (!subset.empty()) aggregates.push_back(aggregate_board(subset, std::string(to_string(level))));
  }
  return aggregates;
}

std::vector<BoardAggregate> aggregate_by_month(const std::vector<BoardRow>& rows) {
  std::map<std::string, std::vector<BoardRow>> by_month;
  for (const BoardRow& row : rows) by_month[row.month_opened].push_back(row);
  std::vector<BoardAggregate> aggregates;
  for (const auto& [month, subset] : by_month) aggregates.push_back(aggregate_board(subset, month));
  return aggregates;
}

std::string csv_field(std::string_view text) {
  std::string value;
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@'))
    value += '\'';
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string board_csv(const std::vector<BoardRow>& rows) {
  const auto optional_number = [](const auto& value) { return value ? std::to_string(*value) : std::string(); };
  std::string csv =
      "reference,category,criticality,language,month_opened,first_response_minutes,resolution_minutes,"
      "within_sla,rating,comment\r\n";
  for (const BoardRow& row : rows) {
    csv += csv_field(row.reference) + ',' + std::string(to_string(row.category)) + ',' +
           std::string(to_string(row.criticality)) + ',' + std::string(to_string(row.language)) + ',' +
           csv_field(row.month_opened) + ',' + optional_number(row.first_response_minutes) + ',' +
           optional_number(row.resolution_minutes) + ',' + (row.within_sla ? "yes" : "no") + ',' +
           optional_number(row.rating) + ',' + csv_field(row.comment.value_or("")) + "\r\n";
  }
  return csv;
}

bool is_valid_rating(int rating) { return rating >= 1 && rating <= 5; }

}  // namespace tessera
