// The minute bank (SPEC §1.5: max(30, worked) per ticket, expiring-first), the trial as a
// funding source (§1.1), the choice of funding with its default order (§1.7), overrun and
// its settlement by each kind of purchase, corrections, and the per-ticket cost statement.
#include "ledger_fixture.hpp"
#include "tessera/texts.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_AUTO_TEST_SUITE(ledger_minutes_trial_overrun)

struct MinutesRow {
  const char* name;
  std::vector<Minutes> entries;
  Minutes charged;
};

BOOST_AUTO_TEST_CASE(a_ticket_is_charged_max_30_worked_minutes) {
  const MinutesRow rows[] = {
      {"no work costs nothing", {}, 0},
      {"one minute costs the indivisible 30", {1}, 30},
      {"exactly 30", {30}, 30},
      {"31 is charged minute by minute", {31}, 31},
      {"12 then 25: 37", {12, 25}, 37},
      {"10, 10, 5: still the minimum 30", {10, 10, 5}, 30},
      {"10, 10, 10, 1: 31", {10, 10, 10, 1}, 31},
  };
  for (const MinutesRow& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      Account account;
      account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(180)});
      account.open_and_work(at(2026, 1, 11), 1, row.entries);
      BOOST_TEST(account.ticket(1).bank_minutes == row.charged);
      BOOST_TEST(bank_minutes_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 180 - row.charged);
    }
  }
}

BOOST_AUTO_TEST_CASE(minutes_come_from_the_block_that_expires_first) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(60, 12)});  // expires 2027-01-10
  account.run(BuyMinutes{at(2026, 2, 10), kOwner, 2, block(20, 6)});   // expires 2026-08-10: first
  account.open_and_work(at(2026, 2, 11), 1, {45});
  BOOST_TEST(account.ledger.lot(2)->used == 20);
  BOOST_TEST(account.ledger.lot(1)->used == 25);
}

BOOST_AUTO_TEST_CASE(the_trial_funds_minute_by_minute_and_the_rest_is_overrun) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  BOOST_TEST(account.refuse(GrantTrial{at(2026, 1, 11), kOwner}).code == "trial_already_granted");
  account.open_and_work(at(2026, 1, 11), 1, {10});
  BOOST_TEST(account.ticket(1).trial_minutes == 10);
  account.run(LogTime{at(2026, 1, 11, 11), 1, 12, "more"});
  BOOST_TEST(account.ticket(1).trial_minutes == 15);
  BOOST_TEST(account.ticket(1).overrun == 7);
  BOOST_TEST(overrun_outstanding(account.ledger) == 7);
}

BOOST_AUTO_TEST_CASE(trial_minutes_expire_after_30_days_to_the_second) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  const Instant expiry = at(2026, 2, 9);
  BOOST_TEST(trial_minutes_available(account.ledger, owner_scope(), expiry - 1) == 15);
  BOOST_TEST(trial_minutes_available(account.ledger, owner_scope(), expiry) == 0);
  account.run(OpenTicket{expiry - 60, 1, owner_scope(), FundingSource::trial});
  account.run(LogTime{expiry, 1, 5, "too late"});
  BOOST_TEST(account.ticket(1).trial_minutes == 0);
  BOOST_TEST(account.ticket(1).overrun == 5);
}

BOOST_AUTO_TEST_CASE(funding_defaults_to_subscription_then_units_then_minutes_then_trial) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  const auto source_of_next_ticket = [&](Id ticket, Instant when) {
    account.run(OpenTicket{when, ticket, owner_scope(), std::nullopt});
    return account.ticket(ticket).source;
  };
  BOOST_TEST((source_of_next_ticket(1, at(2026, 1, 11)) == FundingSource::trial));
  account.run(BuyMinutes{at(2026, 1, 12), kOwner, 1, block(60)});
  BOOST_TEST((source_of_next_ticket(2, at(2026, 1, 12)) == FundingSource::minutes));
  account.run(BuyPack{at(2026, 1, 13), kOwner, 2, pack(1, 6)});
  BOOST_TEST((source_of_next_ticket(3, at(2026, 1, 13)) == FundingSource::units));
  account.run(ActivateSubscription{at(2026, 1, 14), 3, 1, 0, PaymentMethod::paypal});
  BOOST_TEST((source_of_next_ticket(4, at(2026, 1, 14)) == FundingSource::subscription));
  // A user without the subscription in their scope falls back to what they hold.
  const UserScope no_subscription{kOwner, false, true};
  BOOST_TEST((funding_options(account.ledger, no_subscription, at(2026, 1, 14)) ==
              std::vector<FundingSource>{FundingSource::minutes, FundingSource::trial}));
  // The customer may pick any available source instead of the default.
  account.run(OpenTicket{at(2026, 1, 15), 5, owner_scope(), FundingSource::trial});
  BOOST_TEST((account.ticket(5).source == FundingSource::trial));
}

BOOST_AUTO_TEST_CASE(nothing_to_fund_a_ticket_is_a_clear_error) {
  Account account;
  BOOST_TEST(account.refuse(OpenTicket{at(2026, 1, 10), 1, owner_scope(), std::nullopt}).code == "no_funding");
  const Error error = account.refuse(OpenTicket{at(2026, 1, 10), 1, owner_scope(), FundingSource::minutes});
  BOOST_TEST(error.code == "funding_unavailable");
  BOOST_TEST(error.params.at("source") == "minutes");
}

BOOST_AUTO_TEST_CASE(overrun_of_a_trial_ticket_settled_by_a_pack_takes_ceil_units) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.open_and_work(at(2026, 1, 11), 1, {15, 40});  // 40 minutes of overrun
  account.run(BuyPack{at(2026, 1, 12), kOwner, 1, pack(20, 12)});
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(1).units_used == 2);
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 18);
  BOOST_TEST(tickets_awaiting_funding(account.ledger).empty());
}

BOOST_AUTO_TEST_CASE(overrun_settled_by_a_minute_block_is_taken_minute_for_minute) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(20)});
  account.open_and_work(at(2026, 1, 11), 1, {25});  // due 30, 20 held: overrun 10
  BOOST_TEST(account.ticket(1).overrun == 10);
  account.run(BuyMinutes{at(2026, 1, 12), kOwner, 2, block(60)});
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(1).bank_minutes == 30);
  BOOST_TEST(bank_minutes_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 50);
}

BOOST_AUTO_TEST_CASE(overrun_settled_by_a_subscription_is_covered) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.open_and_work(at(2026, 1, 11), 1, {50});
  BOOST_TEST(account.ticket(1).overrun == 20);
  account.run(ActivateSubscription{at(2026, 1, 12), 2, 1, 0, PaymentMethod::bank_transfer});
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(1).subscription_minutes == 20);
}

BOOST_AUTO_TEST_CASE(a_small_purchase_settles_part_of_the_overrun_oldest_ticket_first) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.run(OpenTicket{at(2026, 1, 11), 2, owner_scope(), FundingSource::trial});
  BOOST_TEST(account.refuse(OpenTicket{at(2026, 1, 11), 2, owner_scope(), std::nullopt}).code == "ticket_already_open");
  account.open_and_work(at(2026, 1, 11), 1, {15, 20});  // overrun 20
  account.run(LogTime{at(2026, 1, 11), 2, 30, "work"});  // overrun 30
  account.run(BuyMinutes{at(2026, 1, 12), kOwner, 1, block(40)});
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(2).overrun == 10);
  BOOST_TEST(bank_minutes_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 0);
}

BOOST_AUTO_TEST_CASE(time_entries_are_1_to_480_minutes_with_a_note) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(600)});
  account.run(OpenTicket{at(2026, 1, 10), 1, owner_scope(), std::nullopt});
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 0, "x"}).code == "minutes_out_of_range");
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 481, "x"}).field == "minutes");
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 10, "  "}).code == "note_required");
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 10, std::string(1001, 'x')}).code == "too_long");
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 10, "caf\xE9"}).code == "invalid_value");  // Latin-1
  BOOST_TEST(account.refuse(AdjustTime{at(2026, 1, 10), 1, 5, "\xC0\xAF"}).field == "note");     // overlong
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 1, 10, "\xED\xA0\x80"}).code == "invalid_value");  // surrogate
  account.run(LogTime{at(2026, 1, 10), 1, 1, "réglé 👍"});
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 10), 9, 10, "x"}).code == "unknown_ticket");
  account.run(LogTime{at(2026, 1, 10), 1, 480, "long session"});
  account.run(CloseTicket{at(2026, 1, 11), 1});
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 11), 1, 10, "x"}).code == "ticket_closed");
  BOOST_TEST(account.refuse(CloseTicket{at(2026, 1, 11), 1}).code == "ticket_closed");
  BOOST_TEST(account.refuse(LogTime{at(2026, 1, 9), 1, 10, "x"}).code == "command_out_of_order");
}

BOOST_AUTO_TEST_CASE(a_negative_adjustment_gives_back_whole_units) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
  account.open_and_work(at(2026, 1, 11), 1, {75});  // 3 units
  account.run(AdjustTime{at(2026, 1, 12), 1, -40, "timer left running"});  // 35 -> 2 units
  BOOST_TEST(account.ticket(1).worked == 35);
  BOOST_TEST(account.ticket(1).units_used == 2);
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 18);
  BOOST_TEST(account.refuse(AdjustTime{at(2026, 1, 12), 1, -36, "too much"}).code == "adjustment_below_zero");
  BOOST_TEST(account.refuse(AdjustTime{at(2026, 1, 12), 1, 0, "nothing"}).code == "adjustment_out_of_range");
  account.run(AdjustTime{at(2026, 1, 12), 1, 10, "forgot a call"});  // 45 -> 2 units still
  BOOST_TEST(account.ticket(1).units_used == 2);
}

BOOST_AUTO_TEST_CASE(a_negative_adjustment_forgives_overrun_first_then_refunds_minutes) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(60)});
  account.open_and_work(at(2026, 1, 11), 1, {50, 30});  // due 80: 60 charged, 20 overrun
  BOOST_TEST(account.ticket(1).overrun == 20);
  account.run(AdjustTime{at(2026, 1, 12), 1, -45, "duplicate entry"});  // due 35
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(1).bank_minutes == 35);
  account.run(AdjustTime{at(2026, 1, 12), 1, -30, "nothing was done"});  // due max(30, 5) = 30
  BOOST_TEST(account.ticket(1).bank_minutes == 30);
}

BOOST_AUTO_TEST_CASE(cost_statement_reads_one_ticket_plus_12_min) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), std::nullopt});
  account.run(LogTime{at(2026, 1, 11), 1, 30, "diagnosis"});
  account.run(LogTime{at(2026, 1, 11, 11), 1, 12, "fix"});  // no unit left: 12 min overrun
  account.run(BuyMinutes{at(2026, 1, 12), kOwner, 2, block(60)});
  const TicketCostStatement statement = cost_statement(account.log, 1);
  BOOST_TEST(statement.worked == 42);
  BOOST_TEST_REQUIRE(statement.lines.size() == 3u);
  BOOST_TEST(describe_cost(statement.lines[0].cost, Language::en) == "1 ticket");
  BOOST_TEST(describe_cost(statement.lines[1].cost, Language::en) == "12 min not yet funded");
  BOOST_TEST((statement.lines[2].kind == EntryKind::lot_purchased));
  BOOST_TEST(describe_cost(statement.total, Language::en) == "1 ticket + 12 min");
  BOOST_TEST(describe_cost(statement.total, Language::fr) == "1 ticket + 12 min");
}

BOOST_AUTO_TEST_CASE(cost_statement_shows_the_30_minute_minimum_and_the_subscription) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(60)});
  account.open_and_work(at(2026, 1, 11), 1, {12});
  const TicketCostStatement minutes = cost_statement(account.log, 1);
  BOOST_TEST(minutes.total.minimum_applied);
  BOOST_TEST(describe_cost(minutes.total, Language::en) == "30 min (30-minute minimum)");
  account.run(ActivateSubscription{at(2026, 1, 12), 2, 1, 0, PaymentMethod::paypal});
  account.open_and_work(at(2026, 1, 12), 2, {95});
  BOOST_TEST(describe_cost(cost_statement(account.log, 2).total, Language::en) == "subscription");
  BOOST_TEST(describe_cost(Cost{}, Language::es) == tr("cost.nothing", Language::es));
  BOOST_TEST(describe_cost(Cost{3, 0, 0, 0, 0, false}, Language::en) == "3 tickets");
  BOOST_TEST(describe_cost(Cost{0, 0, 5, 0, 0, false}, Language::en) == "5 min of free trial");
}

BOOST_AUTO_TEST_CASE(decide_changes_nothing_and_matches_execute) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), std::nullopt});
  const LedgerCommand command = LogTime{at(2026, 1, 11), 1, 61, "work"};
  const auto decided = decide(account.ledger, command);
  BOOST_TEST_REQUIRE(decided.ok());
  BOOST_TEST(account.ticket(1).worked == 0);
  const auto executed = account.run(command);
  BOOST_TEST((decided.value() == executed));
  BOOST_TEST(account.ticket(1).units_used == 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ledger_overrun_ownership)

BOOST_AUTO_TEST_CASE(a_single_user_pack_settles_only_its_buyers_overrun) {
  Account account;
  const UserScope colleague{kColleague, false, true};
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12, true)});
  account.run(OpenTicket{at(2026, 1, 10), 1, colleague, FundingSource::units});
  account.run(LogTime{at(2026, 1, 10), 1, 480, "a long day"});
  account.run(LogTime{at(2026, 1, 11), 1, 120, "more"});  // 600 minutes: the 20 units of the pool
  account.run(LogTime{at(2026, 1, 11), 1, 60, "still more"});
  BOOST_TEST(account.ticket(1).overrun == 60);
  // The owner's own single-user pack does not pay for the colleague's ticket ...
  const auto own = account.run(BuyPack{at(2026, 1, 12), kOwner, 2, pack(20, 12)});
  BOOST_TEST(account.ticket(1).overrun > 0);
  BOOST_TEST(tickets_funding_restored(account.ledger, own).empty());
  // ... a new pool does, and the ticket leaves awaiting_funding.
  const auto pool = account.run(BuyPack{at(2026, 1, 13), kOwner, 3, pack(20, 12, true)});
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(tickets_funding_restored(account.ledger, pool) == std::vector<Id>{1});
  BOOST_TEST(tickets_awaiting_funding(account.ledger).empty());
}

BOOST_AUTO_TEST_SUITE_END()
