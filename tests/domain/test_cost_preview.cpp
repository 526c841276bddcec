// The cost of a time entry before it is logged (SPEC §1.4, §1.5, §1.7): what the operator is
// told ("this entry uses 1 more ticket"), computed by the ledger's own rules, one row per case.
#include <boost/test/unit_test.hpp>

#include "tessera/ledger.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(cost_preview)

BOOST_AUTO_TEST_CASE(what_the_next_entry_costs_per_funding_source) {
  const struct {
    const char* name;
    FundingSource source;
    Minutes worked;
    Minutes minutes;
    Cost expected;
  } rows[] = {
      {"units: the first 20 minutes use the reserved ticket", FundingSource::units, 0, 20, Cost{.units = 1}},
      {"units: 10 more within the first 30 use nothing more", FundingSource::units, 20, 10, Cost{}},
      {"units: 25 more past 30 use 1 more ticket", FundingSource::units, 20, 25, Cost{.units = 1}},
      {"units: 70 minutes at once use 3 tickets", FundingSource::units, 0, 70, Cost{.units = 3}},
      {"units: past 480 already (two entries), 1 minute more", FundingSource::units, 510, 1, Cost{.units = 1}},
      {"minutes: the first 12 cost the 30-minute minimum", FundingSource::minutes, 0, 12,
       Cost{.bank_minutes = 30, .minimum_applied = true}},
      {"minutes: within the minimum already paid", FundingSource::minutes, 12, 10, Cost{}},
      {"minutes: past the minimum, minute by minute", FundingSource::minutes, 25, 20, Cost{.bank_minutes = 15}},
      {"trial: minute by minute, no minimum", FundingSource::trial, 0, 7, Cost{.trial_minutes = 7}},
      {"subscription: covered", FundingSource::subscription, 40, 50, Cost{.subscription_minutes = 50}},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto cost = time_entry_cost_preview(row.source, row.worked, row.minutes);
      BOOST_TEST_REQUIRE(cost.ok());
      BOOST_TEST(cost.value().units == row.expected.units);
      BOOST_TEST(cost.value().bank_minutes == row.expected.bank_minutes);
      BOOST_TEST(cost.value().trial_minutes == row.expected.trial_minutes);
      BOOST_TEST(cost.value().subscription_minutes == row.expected.subscription_minutes);
      BOOST_TEST(cost.value().overrun_minutes == 0);
      BOOST_TEST(cost.value().minimum_applied == row.expected.minimum_applied);
    }
  }
}

BOOST_AUTO_TEST_CASE(entries_outside_1_to_480_minutes_are_refused_as_when_logged) {
  for (const Minutes minutes : {Minutes{0}, Minutes{-5}, Minutes{481}}) {
    const auto cost = time_entry_cost_preview(FundingSource::units, 0, minutes);
    BOOST_TEST_REQUIRE(!cost.ok());
    BOOST_TEST(cost.error().code == "minutes_out_of_range");
    BOOST_TEST(cost.error().field == "minutes");
  }
}

BOOST_AUTO_TEST_SUITE_END()
