// The transparency board (SPEC §1.10): nearest-rank median and 90th percentile, share within
// SLA, rating average and distribution per criticality and per month, CSV.
#include <boost/test/unit_test.hpp>

#include "tessera/stats.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(stats)

BOOST_AUTO_TEST_CASE(nearest_rank_percentiles) {
  struct Row {
    const char* name;
    std::vector<Minutes> values;
    int percent;
    std::optional<Minutes> expected;
  };
  const Row rows[] = {
      {"no values", {}, 50, std::nullopt},
      {"one value is every percentile", {42}, 90, 42},
      {"median of five: the third", {50, 15, 40, 20, 35}, 50, 35},
      {"30th of five: rank ceil(1.5) = 2", {15, 20, 35, 40, 50}, 30, 20},
      {"median of four: rank 2, no averaging", {1, 2, 3, 4}, 50, 2},
      {"p90 of ten: rank 9", {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90, 9},
      {"p90 of eleven: rank ceil(9.9) = 10", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10},
      {"p100 is the maximum", {3, 1, 2}, 100, 3},
      {"p1 is the minimum", {3, 1, 2}, 1, 1},
      {"p0 is not a percentile", {3, 1, 2}, 0, std::nullopt},
  };
  for (const Row& row : rows)
    BOOST_TEST_CONTEXT(row.name) { BOOST_TEST((nearest_rank_percentile(row.values, row.percent) == row.expected)); }
  BOOST_TEST((nearest_rank_median({7, 1, 9}) == Minutes{7}));
}

BoardRow row(Criticality criticality, const char* month, std::optional<Minutes> response, bool within,
             std::optional<int> rating) {
  BoardRow board_row;
  board_row.reference = "T-1";
  board_row.criticality = criticality;
  board_row.month_opened = month;
  board_row.first_response_minutes = response;
  board_row.within_sla = within;
  board_row.rating = rating;
  return board_row;
}

BOOST_AUTO_TEST_CASE(aggregates_per_criticality_and_month) {
  const std::vector<BoardRow> rows = {
      row(Criticality::critical, "2026-03", 30, true, 5),
      row(Criticality::critical, "2026-03", 90, false, 3),
      row(Criticality::critical, "2026-04", 45, true, std::nullopt),
      row(Criticality::low, "2026-04", 600, true, 4),
      row(Criticality::low, "2026-03", std::nullopt, false, 1),
  };
  const auto by_criticality = aggregate_by_criticality(rows);
  BOOST_TEST_REQUIRE(by_criticality.size() == 2u);
  const BoardAggregate& critical = by_criticality[0];
  BOOST_TEST(critical.group == "critical");
  BOOST_TEST(critical.tickets == 3);
  BOOST_TEST((critical.median_first_response == Minutes{45}));
  BOOST_TEST((critical.p90_first_response == Minutes{90}));
  BOOST_TEST(critical.within_sla == 2);
  BOOST_TEST(critical.within_sla_per_mille == 667);  // 2/3 rounded half-up
  BOOST_TEST(critical.rated == 2);
  BOOST_TEST(critical.average_rating_hundredths == 400);
  BOOST_TEST((critical.rating_counts == std::array<std::int64_t, 5>{0, 0, 1, 0, 1}));
  BOOST_TEST(by_criticality[1].group == "low");
  BOOST_TEST((by_criticality[1].median_first_response == Minutes{600}));  // the unanswered one has no time
  const auto by_month = aggregate_by_month(rows);
  BOOST_TEST_REQUIRE(by_month.size() == 2u);
  BOOST_TEST(by_month[0].group == "2026-03");
  BOOST_TEST(by_month[0].tickets == 3);
  BOOST_TEST(by_month[0].average_rating_hundredths == 300);
  BOOST_TEST(by_month[1].group == "2026-04");
  BOOST_TEST(by_month[1].within_sla_per_mille == 1000);
  const BoardAggregate none = aggregate_board({}, "all");
  BOOST_TEST(none.tickets == 0);
  BOOST_TEST(!none.median_first_response.has_value());
  BOOST_TEST(none.average_rating_hundredths == 0);
}

BOOST_AUTO_TEST_CASE(csv_escapes_quotes_separators_and_formulas) {
  BOOST_TEST(csv_field("plain") == "plain");
  BOOST_TEST(csv_field("a,b") == "\"a,b\"");
  BOOST_TEST(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(csv_field("line\nbreak") == "\"line\nbreak\"");
  BOOST_TEST(csv_field("=HYPERLINK(1)") == "'=HYPERLINK(1)");
  BOOST_TEST(csv_field("-1+1") == "'-1+1");
  BoardRow published = row(Criticality::high, "2026-03", 12, true, 5);
  published.category = Category::network;
  published.language = Language::fr;
  published.resolution_minutes = 300;
  published.comment = "Rapide, merci !";
  const std::string csv = board_csv({published, row(Criticality::low, "2026-04", std::nullopt, false, std::nullopt)});
  BOOST_TEST(csv ==
             "reference,category,criticality,language,month_opened,first_response_minutes,resolution_minutes,"
             "within_sla,rating,comment\r\n"
             "T-1,network,high,fr,2026-03,12,300,yes,5,\"Rapide, merci !\"\r\n"
             "T-1,other,low,en,2026-04,,,no,,\r\n");
}

BOOST_AUTO_TEST_CASE(ratings_are_one_to_five) {
  BOOST_TEST(!is_valid_rating(0));
  BOOST_TEST(is_valid_rating(1));
  BOOST_TEST(is_valid_rating(5));
  BOOST_TEST(!is_valid_rating(6));
}

BOOST_AUTO_TEST_SUITE_END()
