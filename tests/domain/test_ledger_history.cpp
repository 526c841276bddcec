// What a customer reads of the ledger (ledger_history.hpp): lots in the order they expire with
// what is left, the expired units the next pack takes, and the history of credits and debits
// with running balances — the SPEC §1.4 example, a worked ticket, and an overrun settled.
#include "ledger_fixture.hpp"
#include "tessera/ledger_history.hpp"

using namespace tessera;
using namespace tessera::testing;

namespace {
// "kind:change=balance" for each history line, in order.
std::vector<std::string> lines_of(const std::vector<LedgerEntry>& log) {
  std::vector<std::string> out;
  for (const HistoryLine& line : ledger_history(log))
    out.push_back(std::string(to_string(line.kind)) + ":" + std::to_string(line.change) + "=" + std::to_string(line.balance));
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ledger_history_for_customers)

BOOST_AUTO_TEST_CASE(spec_example_the_eight_expired_units_are_announced_then_join_the_new_pack) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
  for (Id ticket = 1; ticket <= 12; ++ticket) account.open_and_work(at(2026, 2, 1), ticket, {25});
  // Before buying again: the lot has expired, and its 8 unused units wait for the next pack.
  const auto before = lot_views(account.ledger, at(2027, 3, 1));
  BOOST_REQUIRE(before.size() == 1u);
  BOOST_TEST(before[0].expired);
  BOOST_TEST(before[0].left == 0);
  BOOST_TEST(before[0].expired_unused == 8);
  account.run(BuyPack{at(2027, 3, 1), kOwner, 2, pack(1, 6)});
  const auto after = lot_views(account.ledger, at(2027, 3, 1, 11));
  BOOST_REQUIRE(after.size() == 2u);
  BOOST_TEST(after[0].id == 2);  // the unexpired lot first
  BOOST_TEST(after[0].bought == 9);
  BOOST_TEST(after[0].rolled_in == 8);
  BOOST_TEST(after[0].left == 9);
  BOOST_TEST(after[1].expired_unused == 0);
  const auto lines = lines_of(account.log);
  // 12 tickets: each holds a unit (reserved), which becomes the used one; then the write-off,
  // the purchase and the rollover.
  BOOST_REQUIRE(lines.size() == 1u + 12u + 3u);
  BOOST_TEST(lines.front() == "lot_purchased:20=20");
  BOOST_TEST(lines[12] == "unit_reserved:-1=8");
  const std::vector<std::string> last(lines.end() - 3, lines.end());
  const std::vector<std::string> expected{"lot_expired:-8=0", "lot_purchased:1=1", "units_rolled_over:8=9"};
  BOOST_TEST(last == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(minutes_overrun_and_its_settlement_have_their_own_running_balances) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(60)});
  account.open_and_work(at(2026, 1, 11), 1, {50, 30});  // 80 minutes: 60 from the bank, 20 over
  account.run(BuyMinutes{at(2026, 1, 12), kOwner, 2, block(60)});  // settles the 20 first
  const auto history = ledger_history(account.log);
  std::vector<std::string> kinds;
  for (const auto& line : history)
    kinds.push_back(std::string(to_string(line.balance_kind)) + " " + std::to_string(line.change) + "=" + std::to_string(line.balance));
  const std::vector<std::string> expected{"bank_minutes 60=60", "bank_minutes -50=10", "bank_minutes -10=0", "overrun 20=20",
                                          "bank_minutes 60=60", "bank_minutes -20=40", "overrun -20=0"};
  BOOST_TEST(kinds == expected, boost::test_tools::per_element());
  for (const auto& line : history)
    if (line.kind == EntryKind::charged || line.kind == EntryKind::overrun_recorded) BOOST_TEST(line.ticket == 1);
}

BOOST_AUTO_TEST_SUITE_END()
