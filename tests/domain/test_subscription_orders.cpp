// The subscription's own orders (SPEC §1.2): the renewal order priced from the catalog with
// the users of the next period, extra users priced pro rata for the days left, the ledger
// commands they become once paid, and the clear error of a suspended subscription.
#include "ledger_fixture.hpp"
#include "tessera/orders.hpp"
#include "tessera/wire.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_AUTO_TEST_SUITE(subscription_orders)

BOOST_AUTO_TEST_CASE(a_renewal_is_priced_now_with_the_users_of_the_next_period) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 3, PaymentMethod::bank_transfer});
  account.run(RemoveExtraUsers{at(2026, 1, 20), 1});
  Catalog catalog = default_catalog();
  BOOST_TEST(price_renewal(catalog, account.ledger, at(2026, 2, 10, 9, 59)).error().code == "renewal_not_due");
  catalog.subscription.monthly_price = 5900;  // the price at the renewal, not at the activation
  const auto renewal = price_renewal(catalog, account.ledger, at(2026, 2, 10));
  BOOST_TEST_REQUIRE(renewal.ok());
  BOOST_TEST((renewal->request.kind == OrderKind::renewal));
  BOOST_TEST(renewal->request.extra_users == 2);  // the removal took effect at the renewal
  BOOST_TEST((renewal->request.method == PaymentMethod::bank_transfer));
  BOOST_TEST(renewal->period.start == at(2026, 2, 10));
  BOOST_TEST(renewal->period.end == at(2026, 3, 10));
  BOOST_TEST(renewal->priced.totals.net == 5900 + 2 * 1500);
  BOOST_TEST(renewal->priced.totals.gross == (5900 + 2 * 1500) * 12 / 10);
  const auto lines = invoice_lines(renewal->priced, Language::en);
  BOOST_TEST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0].description == "Subscription renewal from 2026-02-10 to 2026-03-10 (1 user included)");
  BOOST_TEST(lines[1].description == "Extra user from 2026-02-10 to 2026-03-10");
  BOOST_TEST(lines[1].quantity == 2);
}

BOOST_AUTO_TEST_CASE(no_renewal_without_a_running_subscription) {
  Account account;
  BOOST_TEST(price_renewal(default_catalog(), account.ledger, at(2026, 2, 10)).error().code == "no_subscription");
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::check});
  account.run(CancelSubscription{at(2026, 1, 11)});
  BOOST_TEST(price_renewal(default_catalog(), account.ledger, at(2026, 2, 10)).error().code ==
             "subscription_cancelled");
}

BOOST_AUTO_TEST_CASE(extra_users_are_priced_pro_rata_as_the_ledger_charges_them) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::paypal});  // to Feb 10: 31 days
  const auto priced = price_extra_users(default_catalog(), account.ledger, 2, at(2026, 1, 25));  // 16 days left
  BOOST_TEST_REQUIRE(priced.ok());
  BOOST_TEST(priced->totals.net == 1548);  // 3000 * 16 / 31 = 1548.39
  BOOST_TEST(priced->totals.vat == 310);   // 20 %, half-up
  BOOST_TEST(invoice_lines(*priced, Language::fr)[0].description ==
             "2 utilisateurs supplémentaires jusqu'au 2026-02-10 (prorata)");
  BOOST_TEST(price_extra_users(default_catalog(), account.ledger, 0, at(2026, 1, 25)).error().code ==
             "invalid_user_count");
  BOOST_TEST(price_extra_users(default_catalog(), account.ledger, 1, at(2026, 2, 11)).error().code ==
             "subscription_not_usable");  // PayPal: no grace, suspended
  BOOST_TEST(price_extra_users(default_catalog(), Account{}.ledger, 1, at(2026, 1, 25)).error().code ==
             "no_subscription");
}

BOOST_AUTO_TEST_CASE(the_subscription_orders_become_their_ledger_commands) {
  const Catalog catalog = default_catalog();
  const auto renewal =
      activation_command(catalog, OrderRequest{OrderKind::renewal, "", 2, PaymentMethod::check}, 12, 3, 100);
  BOOST_TEST_REQUIRE(std::holds_alternative<PayRenewal>(renewal));
  BOOST_TEST(std::get<PayRenewal>(renewal).order == 12);
  BOOST_TEST(std::get<PayRenewal>(renewal).at == 100);
  const auto users =
      activation_command(catalog, OrderRequest{OrderKind::extra_users, "", 3, PaymentMethod::check}, 13, 3, 100);
  BOOST_TEST_REQUIRE(std::holds_alternative<AddExtraUsers>(users));
  BOOST_TEST(std::get<AddExtraUsers>(users).count == 3);
  BOOST_TEST(std::get<AddExtraUsers>(users).extra_user_monthly_price == catalog.subscription.extra_user_monthly_price);
  // They are never priced from a bare request, nor ordered through POST /orders.
  BOOST_TEST(price_order(catalog, OrderRequest{OrderKind::renewal, "", 0, PaymentMethod::check}).error().field == "kind");
  BOOST_TEST(wire::parse_order_request({{"kind", "extra_users"}, {"method", "check"}}).error().field == "kind");
  for (auto kind : {OrderKind::renewal, OrderKind::extra_users}) BOOST_TEST((parse_order_kind(to_string(kind)) == kind));
}

BOOST_AUTO_TEST_CASE(a_suspended_subscription_refuses_new_tickets_with_a_clear_error) {
  Account account;
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::check});
  account.run(OpenTicket{at(2026, 1, 11), 1, owner_scope(), std::nullopt});
  // Grace (7 days for a check) keeps the service; then suspended.
  account.run(OpenTicket{at(2026, 2, 16), 2, owner_scope(), FundingSource::subscription});
  const Error chosen = account.refuse(OpenTicket{at(2026, 2, 17), 3, owner_scope(), FundingSource::subscription});
  BOOST_TEST(chosen.code == "subscription_suspended");
  BOOST_TEST(chosen.field == "funding");
  BOOST_TEST(account.refuse(OpenTicket{at(2026, 2, 17), 3, owner_scope(), std::nullopt}).code == "subscription_suspended");
  // Another source still funds a ticket; paying the renewal gives the subscription back.
  account.run(BuyMinutes{at(2026, 2, 18), kOwner, 5, block(60)});
  const auto opened = account.run(OpenTicket{at(2026, 2, 18), 3, owner_scope(), std::nullopt});
  BOOST_TEST((opened.back().source == FundingSource::minutes));
  account.run(PayRenewal{at(2026, 2, 19), 6});
  account.run(OpenTicket{at(2026, 2, 19), 4, owner_scope(), FundingSource::subscription});
  // A user not given the subscription in scope gets the usual answer.
  Account other;
  other.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 0, PaymentMethod::check});
  BOOST_TEST(other.refuse(OpenTicket{at(2026, 2, 17), 1, UserScope{kColleague, false, false}, std::nullopt}).code ==
             "no_funding");
}

BOOST_AUTO_TEST_CASE(the_balances_show_the_paid_seats) {
  Account account;
  BOOST_TEST(account_balances(account.ledger, at(2026, 1, 1)).subscription_user_limit == 0);
  account.run(ActivateSubscription{at(2026, 1, 10), 1, 1, 2, PaymentMethod::check});
  account.run(RemoveExtraUsers{at(2026, 1, 12), 1});
  const AccountBalances balances = account_balances(account.ledger, at(2026, 1, 12));
  BOOST_TEST(balances.subscription_included_users == 1);
  BOOST_TEST(balances.subscription_extra_users == 2);
  BOOST_TEST(balances.subscription_extra_users_next == 1);
  BOOST_TEST(balances.subscription_user_limit == 3);
}

BOOST_AUTO_TEST_CASE(the_users_request_is_validated) {
  const auto add = wire::parse_subscription_users_request({{"action", "add"}, {"count", 2}, {"method", "check"}});
  BOOST_TEST_REQUIRE(add.ok());
  BOOST_TEST(add->add);
  BOOST_TEST((add->method == PaymentMethod::check));
  const auto remove = wire::parse_subscription_users_request({{"action", "remove"}, {"count", 1}});
  BOOST_TEST_REQUIRE(remove.ok());
  BOOST_TEST(!remove->add);
  BOOST_TEST(!remove->method.has_value());
  BOOST_TEST(wire::parse_subscription_users_request({{"action", "swap"}, {"count", 1}}).error().field == "action");
  BOOST_TEST(wire::parse_subscription_users_request({{"action", "add"}}).error().code == "required");
  BOOST_TEST(wire::parse_subscription_users_request({{"action", "add"}, {"count", 0}}).error().code ==
             "invalid_user_count");
  BOOST_TEST(wire::parse_subscription_users_request({{"action", "add"}, {"count", "2"}}).error().code == "invalid_type");
  BOOST_TEST(wire::parse_subscription_users_request({{"action", "add"}, {"count", 1}, {"method", "cash"}}).error().field ==
             "method");
}

BOOST_AUTO_TEST_SUITE_END()
