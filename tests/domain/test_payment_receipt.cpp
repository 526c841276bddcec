// A bank transfer or a check as an admin records it (SPEC §1.6): the amount must be the
// order's, the day a real one and not after today, the reference given. One row per rule.
#include <boost/test/unit_test.hpp>

#include "tessera/payment_receipt.hpp"

using namespace tessera;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(payment_receipt)

namespace {
constexpr Cents kGross = 4'800;
const Date kToday{2026, 12, 2};

struct Row {
  const char* name;
  json body;
  const char* code;   // "" : accepted
  const char* field;
};
}  // namespace

BOOST_AUTO_TEST_CASE(each_rule_of_a_recorded_payment) {
  const Row rows[] = {
      {"the order's amount, today, a reference", {{"amount", kGross}, {"received_on", "2026-12-02"}, {"reference", " VIR 42 "}}, "", ""},
      {"an earlier day", {{"amount", kGross}, {"received_on", "2026-11-20"}, {"reference", "CHQ 1234567"}}, "", ""},
      {"another amount", {{"amount", kGross - 1}, {"received_on", "2026-12-02"}, {"reference", "x"}}, "payment_amount_mismatch", "amount"},
      {"no amount", {{"received_on", "2026-12-02"}, {"reference", "x"}}, "required", "amount"},
      {"an amount in euros as text", {{"amount", "48.00"}, {"received_on", "2026-12-02"}, {"reference", "x"}}, "invalid_type", "amount"},
      {"an amount of 2^64-1 cents", {{"amount", 18446744073709551615ULL}, {"received_on", "2026-12-02"}, {"reference", "x"}}, "invalid_value", "amount"},
      {"a fraction of a cent", {{"amount", 1.5}, {"received_on", "2026-12-02"}, {"reference", "x"}}, "invalid_type", "amount"},
      {"tomorrow", {{"amount", kGross}, {"received_on", "2026-12-03"}, {"reference", "x"}}, "date_in_future", "received_on"},
      {"no such day", {{"amount", kGross}, {"received_on", "2026-02-30"}, {"reference", "x"}}, "invalid_date", "received_on"},
      {"a blank reference", {{"amount", kGross}, {"received_on", "2026-12-02"}, {"reference", "   "}}, "required", "reference"},
      {"a reference too long", {{"amount", kGross}, {"received_on", "2026-12-02"}, {"reference", std::string(201, 'x')}}, "too_long", "reference"},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto receipt = parse_payment_receipt(row.body, kGross, kToday);
      if (std::string(row.code).empty()) {
        BOOST_TEST(receipt.ok());
      } else {
        BOOST_TEST_REQUIRE(!receipt.ok());
        BOOST_TEST(receipt.error().code == row.code);
        BOOST_TEST(receipt.error().field == row.field);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_mismatch_says_the_expected_amount_and_the_reference_is_trimmed) {
  const auto wrong = parse_payment_receipt({{"amount", 100}, {"received_on", "2026-12-01"}, {"reference", "x"}}, kGross, kToday);
  BOOST_TEST_REQUIRE(!wrong.ok());
  BOOST_TEST(wrong.error().params.at("expected") == "48.00");
  const auto right = parse_payment_receipt({{"amount", kGross}, {"received_on", "2026-12-01"}, {"reference", " VIR 42 "}}, kGross, kToday);
  BOOST_TEST_REQUIRE(right.ok());
  BOOST_TEST(right->reference == "VIR 42");
  BOOST_TEST(to_json(*right) == (json{{"amount", kGross}, {"received_on", "2026-12-01"}, {"reference", "VIR 42"}}));
}

BOOST_AUTO_TEST_SUITE_END()
