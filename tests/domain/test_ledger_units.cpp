// Ticket packs (SPEC §1.4): reservation at opening, ceil(worked / 30) units per ticket, lots
// used expiring-first, single-user lots vs the multi-user pool, expiry at the exact instant,
// and expired units rolled into the next pack (the SPEC's 20 − 12 = 8 → 9 example).
#include "ledger_fixture.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_AUTO_TEST_SUITE(ledger_units)

BOOST_AUTO_TEST_CASE(spec_example_eight_expired_units_join_a_new_single_ticket_pack) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
  for (Id ticket = 1; ticket <= 12; ++ticket) account.open_and_work(at(2026, 2, 1), ticket, {25});
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2027, 1, 10, 9, 59)) == 8);
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2027, 1, 10)) == 0);  // bought at 10:00
  account.run(BuyPack{at(2027, 3, 1), kOwner, 2, pack(1, 6)});
  const Lot& new_lot = account.ledger.lots().back();
  BOOST_TEST(new_lot.unused() == 9);
  BOOST_TEST(to_iso(utc_date_of(new_lot.expires_at)) == "2027-09-01");
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2027, 3, 1, 11)) == 9);
  BOOST_TEST(account.ledger.lots().front().expired_not_rolled() == 0);
}

struct UnitsRow {
  const char* name;
  std::vector<Minutes> entries;
  std::int64_t units_used;
};

BOOST_AUTO_TEST_CASE(a_ticket_uses_ceil_of_worked_over_30_units) {
  const UnitsRow rows[] = {
      {"one minute uses the reserved unit", {1}, 1},
      {"exactly 30 minutes is one unit", {30}, 1},
      {"31 minutes is two units", {31}, 2},
      {"12 then 18 stays at one unit", {12, 18}, 1},
      {"12, 18 then 1 becomes two units", {12, 18, 1}, 2},
      {"a long session of 480 minutes is 16 units", {480}, 16},
      {"many small entries add up: 7 x 10 = 70 -> 3", {10, 10, 10, 10, 10, 10, 10}, 3},
  };
  for (const UnitsRow& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      Account account;
      account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
      account.open_and_work(at(2026, 1, 11), 7, row.entries);
      BOOST_TEST(account.ticket(7).units_used == row.units_used);
      BOOST_TEST(account.ticket(7).overrun == 0);
      BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 20 - row.units_used);
    }
  }
}

BOOST_AUTO_TEST_CASE(opening_reserves_one_unit_and_closing_without_work_releases_it) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), FundingSource::units});
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 11)) == 0);
  BOOST_TEST(account_balances(account.ledger, at(2026, 1, 11)).units_reserved == 1);
  // The only unit is held: a second ticket cannot be funded by units.
  const Error error = account.refuse(OpenTicket{at(2026, 1, 11), 2, owner_scope(), FundingSource::units});
  BOOST_TEST(error.code == "funding_unavailable");
  BOOST_TEST(error.params.at("source") == "units");
  account.run(CloseTicket{at(2026, 1, 12), 1});
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 12)) == 1);
  BOOST_TEST(account_balances(account.ledger, at(2026, 1, 12)).units_reserved == 0);
}

BOOST_AUTO_TEST_CASE(a_reservation_released_after_its_lot_expired_expires_at_once_and_can_roll_over) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), FundingSource::units});
  account.run(CloseTicket{at(2026, 8, 1), 1});  // the lot expired on 2026-07-10
  BOOST_TEST(account.ledger.lots().front().expired_not_rolled() == 1);
  account.run(BuyPack{at(2026, 9, 1), kOwner, 2, pack(1, 6)});
  BOOST_TEST(account.ledger.lots().back().unused() == 2);
}

BOOST_AUTO_TEST_CASE(a_reserved_unit_is_still_usable_after_its_lot_expires) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.run(OpenTicket{at(2026, 7, 9), 1, owner_scope(), FundingSource::units});
  account.run(LogTime{at(2026, 7, 20), 1, 20, "after the lot's expiry"});
  BOOST_TEST(account.ticket(1).units_used == 1);
  BOOST_TEST(account.ticket(1).overrun == 0);
}

BOOST_AUTO_TEST_CASE(units_come_from_the_lot_that_expires_first) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});  // expires 2027-01-10
  account.run(BuyPack{at(2026, 3, 1), kOwner, 2, pack(1, 6)});    // expires 2026-09-01: first
  account.open_and_work(at(2026, 3, 2), 1, {45});
  BOOST_TEST(account.ledger.lot(2)->used == 1);
  BOOST_TEST(account.ledger.lot(1)->used == 1);  // the second unit, once lot 2 ran dry
  BOOST_TEST(account.ledger.lot(1)->unused() == 19);
}

BOOST_AUTO_TEST_CASE(expiry_happens_at_the_exact_instant) {
  Account account;
  const Instant bought = at(2026, 1, 31, 15, 30);
  account.run(BuyPack{bought, kOwner, 1, pack(1, 6)});
  const Instant expiry = account.ledger.lots().front().expires_at;
  BOOST_TEST(to_iso_utc(expiry) == "2026-07-31T15:30:00Z");
  BOOST_TEST(units_available(account.ledger, owner_scope(), expiry - 1) == 1);
  BOOST_TEST(units_available(account.ledger, owner_scope(), expiry) == 0);
  BOOST_TEST(account.refuse(OpenTicket{expiry, 1, owner_scope(), FundingSource::units}).code == "funding_unavailable");
  account.run(ExpireLots{expiry});
  BOOST_TEST((account.log.back().kind == EntryKind::lot_expired));
  BOOST_TEST(account.log.back().amount == 1);
}

BOOST_AUTO_TEST_CASE(validity_is_clamped_to_the_month_end_in_leap_and_common_years) {
  Account account;
  account.run(BuyPack{at(2027, 8, 31), kOwner, 1, pack(1, 6)});
  BOOST_TEST(to_iso(utc_date_of(account.ledger.lots().back().expires_at)) == "2028-02-29");
  account.run(BuyPack{at(2028, 8, 31), kOwner, 2, pack(1, 6)});
  BOOST_TEST(to_iso(utc_date_of(account.ledger.lots().back().expires_at)) == "2029-02-28");
}

BOOST_AUTO_TEST_CASE(units_expired_long_before_the_new_purchase_still_roll_over) {
  Account account;
  account.run(BuyPack{at(2020, 1, 10), kOwner, 1, pack(20, 12)});
  account.run(BuyPack{at(2021, 6, 1), kOwner, 2, pack(1, 6)});  // receives the 20 of 2020
  BOOST_TEST(account.ledger.lots().back().unused() == 21);
  account.run(BuyPack{at(2026, 6, 1), kOwner, 3, pack(1, 6)});  // 21 expired in 2021-12: they follow
  BOOST_TEST(account.ledger.lots().back().unused() == 22);
  BOOST_TEST(to_iso(utc_date_of(account.ledger.lots().back().expires_at)) == "2026-12-01");
}

BOOST_AUTO_TEST_CASE(buying_minutes_does_not_roll_expired_units) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.run(BuyMinutes{at(2026, 9, 1), kOwner, 2, block(60)});
  BOOST_TEST(account.ledger.lots().front().expired_not_rolled() == 1);
  BOOST_TEST(account.ledger.lots().back().unused() == 60);
}

BOOST_AUTO_TEST_CASE(a_single_user_lot_serves_only_its_buyer) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12)});
  const UserScope colleague{kColleague, true, true};
  BOOST_TEST(units_available(account.ledger, colleague, at(2026, 1, 11)) == 0);
  BOOST_TEST(account.refuse(OpenTicket{at(2026, 1, 11), 1, colleague, FundingSource::units}).code ==
             "funding_unavailable");
  BOOST_TEST(account.refuse(OpenTicket{at(2026, 1, 11), 1, colleague, std::nullopt}).code == "no_funding");
}

BOOST_AUTO_TEST_CASE(a_multi_user_pool_is_used_by_two_users) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12, true)});
  const UserScope alice{11, false, true};
  const UserScope bob{12, false, true};
  const UserScope outsider{13, false, false};  // not given the pool by the owner
  account.open_and_work(at(2026, 1, 11), 1, {45}, alice);
  account.open_and_work(at(2026, 1, 12), 2, {20}, bob);
  BOOST_TEST(account.ticket(1).units_used == 2);
  BOOST_TEST(account.ticket(2).units_used == 1);
  BOOST_TEST(units_available(account.ledger, alice, at(2026, 1, 13)) == 17);
  BOOST_TEST(units_available(account.ledger, bob, at(2026, 1, 13)) == 17);
  BOOST_TEST(units_available(account.ledger, outsider, at(2026, 1, 13)) == 0);
  BOOST_TEST(units_available(account.ledger, owner_scope(), at(2026, 1, 13)) == 17);
}

BOOST_AUTO_TEST_CASE(a_multi_user_offer_below_20_units_is_refused) {
  Account account;
  const Error error = account.refuse(BuyPack{at(2026, 1, 10), kOwner, 1, pack(19, 12, true)});
  BOOST_TEST(error.code == "multi_user_pack_too_small");
  BOOST_TEST(error.field == "offer.units");
  const Error short_validity = account.refuse(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 5)});
  BOOST_TEST(short_validity.code == "validity_too_short");
  BOOST_TEST(short_validity.field == "offer.validity_months");
  BOOST_TEST(account.refuse(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(0)}).code == "invalid_minutes");
}

BOOST_AUTO_TEST_CASE(the_last_unit_runs_out_mid_ticket_the_rest_is_overrun) {
  Account account;
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(1, 6)});
  account.open_and_work(at(2026, 1, 11), 1, {42});
  BOOST_TEST(account.ticket(1).units_used == 1);
  BOOST_TEST(account.ticket(1).overrun == 12);
  BOOST_TEST(tickets_awaiting_funding(account.ledger) == std::vector<Id>{1});
}

BOOST_AUTO_TEST_SUITE_END()
