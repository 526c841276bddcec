// The monthly subscription (SPEC §1.2, §1.3): periods from activation to the same day next
// month, clamped; pro-rata extra users; removal at the next period; cancel, restart 3
// months later; renewal, grace for bank transfer and check, suspension.
#include "ledger_fixture.hpp"
#include "tessera/invoice.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_AUTO_TEST_SUITE(ledger_subscription)

std::string period_end_date(const Account& account) {
  return to_iso(utc_date_of(account.ledger.subscription().period_end));
}

BOOST_AUTO_TEST_CASE(periods_run_to_the_same_day_next_month_clamped) {
  struct Row {
    const char* name;
    Date activation;
    std::vector<std::string> period_ends;
  };
  const Row rows[] = {
      {"Jan 31 in a common year", {2026, 1, 31}, {"2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"}},
      {"Jan 31 in a leap year", {2028, 1, 31}, {"2028-02-29", "2028-03-31"}},
      {"the 30th", {2026, 1, 30}, {"2026-02-28", "2026-03-30"}},
      {"the 15th over a year end", {2026, 12, 15}, {"2027-01-15", "2027-02-15"}},
      {"Feb 29 to Mar 29", {2028, 2, 29}, {"2028-03-29", "2028-04-29"}},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      Account account;
      account.run(ActivateSubscription{utc_instant(row.activation, 9, 0), 1, 1, 0, PaymentMethod::paypal});
      BOOST_TEST(period_end_date(account) == row.period_ends.front());
      for (std::size_t i = 1; i < row.period_ends.size(); ++i) {
        account.run(PayRenewal{account.ledger.subscription().period_end, static_cast<Id>(i + 1)});
        BOOST_TEST(period_end_date(account) == row.period_ends[i]);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(extra_users_are_charged_pro_rata_for_the_days_left_half_up) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::paypal});  // to Feb 10: 31 days
  const auto added = account.run(AddExtraUsers{at(2026, 1, 25), 1, 1500});  // 16 days left
  BOOST_TEST(added.back().cents == 774);  // 1500 * 16 / 31 = 774.19
  BOOST_TEST(subscription_user_limit(account.ledger) == 2);
  const auto two_more = account.run(AddExtraUsers{at(2026, 2, 9), 2, 1000});  // 1 day left
  BOOST_TEST(two_more.back().cents == 65);  // 2000 * 1 / 31 = 64.5 -> 65
  BOOST_TEST(prorate_cents(1500, 31, 31) == 1500);
  BOOST_TEST(account.refuse(AddExtraUsers{at(2026, 2, 9), 0, 1000}).code == "invalid_user_count");
}

BOOST_AUTO_TEST_CASE(extra_users_paid_later_record_what_their_order_charged) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::check});  // to Feb 10: 31 days
  // Ordered on Jan 25 (16 days left: 774), the check arrives on Feb 1: the entry keeps 774.
  const auto added = account.run(AddExtraUsers{at(2026, 2, 1), 1, 1500, Cents{774}});
  BOOST_TEST(added.back().cents == 774);
  BOOST_TEST(subscription_user_limit(account.ledger) == 2);
}

BOOST_AUTO_TEST_CASE(removing_users_takes_effect_at_the_next_period) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 2, PaymentMethod::paypal});
  BOOST_TEST(subscription_user_limit(account.ledger) == 3);
  account.run(RemoveExtraUsers{at(2026, 1, 20), 1});
  BOOST_TEST(subscription_user_limit(account.ledger) == 3);
  BOOST_TEST(account.refuse(RemoveExtraUsers{at(2026, 1, 20), 2}).code == "too_many_users_removed");
  BOOST_TEST(renewal_price(account.ledger, SubscriptionOffer{4900, 1, 1500}) == 6400);
  account.run(PayRenewal{at(2026, 2, 10), 2});
  BOOST_TEST(subscription_user_limit(account.ledger) == 2);
}

BOOST_AUTO_TEST_CASE(cancel_keeps_the_service_to_the_period_end_then_closes_its_tickets) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::paypal});
  account.open_and_work(at(2026, 1, 12), 1, {200});
  account.run(CancelSubscription{at(2026, 1, 20)});
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 10, 9, 59)) == SubscriptionPhase::cancelled));
  account.run(LogTime{at(2026, 2, 10, 9, 59), 1, 60, "still covered"});
  BOOST_TEST(account.ticket(1).subscription_minutes == 260);
  BOOST_TEST(tickets_to_close_for_subscription_end(account.ledger, at(2026, 2, 10, 9, 59)).empty());
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 10)) == SubscriptionPhase::ended));
  BOOST_TEST(tickets_to_close_for_subscription_end(account.ledger, at(2026, 2, 10)) == std::vector<Id>{1});
  BOOST_TEST(account.refuse(CancelSubscription{at(2026, 2, 11)}).code == "subscription_cancelled");
  BOOST_TEST(account.refuse(PayRenewal{at(2026, 2, 11), 2}).code == "subscription_cancelled");
}

BOOST_AUTO_TEST_CASE(restart_is_possible_three_calendar_months_after_cancelling) {
  struct Row {
    const char* name;
    Date cancelled;
    const char* first_restart;
  };
  const Row rows[] = {
      {"mid-month", {2026, 1, 20}, "2026-04-20"},
      {"Nov 30 to Feb 28", {2026, 11, 30}, "2027-02-28"},
      {"Nov 30 to Feb 29 in a leap year", {2027, 11, 30}, "2028-02-29"},
      {"May 31 to Aug 31", {2026, 5, 31}, "2026-08-31"},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      Account account;
      account.run(ActivateSubscription{utc_instant(add_days(row.cancelled, -5), 8, 0), 1, 1, 0, PaymentMethod::paypal});
      account.run(CancelSubscription{utc_instant(row.cancelled, 12, 0)});
      const Date first = *parse_iso_date(row.first_restart);
      // Still usable until the period's end, yet cancelled: the answer is the date, not "active".
      const Error within = account.refuse(ActivateSubscription{utc_instant(row.cancelled, 13, 0), 2, 1, 0, PaymentMethod::paypal});
      BOOST_TEST(within.code == "restart_too_early");
      BOOST_TEST(within.params.at("date") == row.first_restart);
      const Error error = account.refuse(
          ActivateSubscription{utc_instant(add_days(first, -1), 23, 59), 2, 1, 0, PaymentMethod::paypal});
      BOOST_TEST(error.code == "restart_too_early");
      BOOST_TEST(error.params.at("date") == row.first_restart);
      account.run(ActivateSubscription{utc_instant(first, 0, 0), 2, 1, 0, PaymentMethod::paypal});
      BOOST_TEST((subscription_phase(account.ledger, utc_instant(first, 1, 0)) == SubscriptionPhase::active));
    }
  }
}

BOOST_AUTO_TEST_CASE(bank_transfer_renewals_get_seven_days_of_grace_then_suspension) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::bank_transfer});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), std::nullopt});
  BOOST_TEST(account.refuse(PayRenewal{at(2026, 2, 9), 2}).code == "renewal_not_due");
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 10)) == SubscriptionPhase::grace));
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 17, 9, 59)) == SubscriptionPhase::grace));
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 17)) == SubscriptionPhase::suspended));
  account.run(LogTime{at(2026, 2, 16), 1, 20, "during grace"});
  BOOST_TEST(account.ticket(1).subscription_minutes == 20);
  account.run(LogTime{at(2026, 2, 18), 1, 25, "while suspended"});
  BOOST_TEST(account.ticket(1).overrun == 25);
  BOOST_TEST(account.refuse(AddExtraUsers{at(2026, 2, 18), 1, 1500}).code == "subscription_not_usable");
  account.run(PayRenewal{at(2026, 2, 20), 2});  // late, but the chain keeps its day
  BOOST_TEST(period_end_date(account) == "2026-03-10");
  BOOST_TEST(account.ticket(1).overrun == 0);
  BOOST_TEST(account.ticket(1).subscription_minutes == 45);
}

BOOST_AUTO_TEST_CASE(a_renewal_is_due_at_the_period_end_for_the_next_period) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 31), 1, 1, 0, PaymentMethod::paypal});
  BOOST_TEST(!renewal_due(account.ledger, at(2026, 2, 28, 9, 59)));
  BOOST_TEST(renewal_due(account.ledger, at(2026, 2, 28)));
  BOOST_TEST(to_iso_utc(next_period(account.ledger).start) == "2026-02-28T10:00:00Z");
  BOOST_TEST(to_iso_utc(next_period(account.ledger).end) == "2026-03-31T10:00:00Z");
  account.run(CancelSubscription{at(2026, 2, 1)});
  BOOST_TEST(!renewal_due(account.ledger, at(2026, 3, 1)));
  BOOST_TEST(!renewal_due(Account{}.ledger, at(2026, 3, 1)));
}

BOOST_AUTO_TEST_CASE(paypal_renewals_have_no_grace_and_a_very_late_payment_starts_afresh) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::paypal});
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 2, 10)) == SubscriptionPhase::suspended));
  account.run(PayRenewal{at(2026, 4, 2), 2});
  BOOST_TEST(to_iso_utc(account.ledger.subscription().period_start) == "2026-04-02T10:00:00Z");
  BOOST_TEST(period_end_date(account) == "2026-05-02");
}

BOOST_AUTO_TEST_CASE(subscription_errors) {
  Account account;
  BOOST_TEST(account.refuse(PayRenewal{at(2026, 1, 1), 1}).code == "no_subscription");
  BOOST_TEST(account.refuse(CancelSubscription{at(2026, 1, 1)}).code == "no_subscription");
  BOOST_TEST(account.refuse(AddExtraUsers{at(2026, 1, 1), 1, 1}).code == "no_subscription");
  BOOST_TEST(account.refuse(RemoveExtraUsers{at(2026, 1, 1), 1}).code == "no_subscription");
  BOOST_TEST((subscription_phase(account.ledger, at(2026, 1, 1)) == SubscriptionPhase::none));
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::check});
  BOOST_TEST(account.refuse(ActivateSubscription{at(2026, 1, 11), 2, 1, 0, PaymentMethod::check}).code ==
             "subscription_already_active");
  BOOST_TEST(renewal_grace_end(account.ledger) == at(2026, 2, 17));
  BOOST_TEST(account.refuse(ActivateSubscription{at(2026, 3, 11), 2, 0, 0, PaymentMethod::check}).field ==
             "included_users");
  BOOST_TEST(account.refuse(RemoveExtraUsers{at(2026, 1, 12), 0}).code == "invalid_user_count");
  account.run(CancelSubscription{at(2026, 1, 12)});
  BOOST_TEST(account.refuse(AddExtraUsers{at(2026, 1, 13), 1, 1}).code == "subscription_cancelled");
}

BOOST_AUTO_TEST_SUITE_END()
