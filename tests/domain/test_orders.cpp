// Order pricing (SPEC §1.6): catalog prices are net, VAT per line rounded half-up; each
// kind of order becomes the ledger command that delivers it once paid.
#include <boost/test/unit_test.hpp>

#include "tessera/orders.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(order_pricing)

BOOST_AUTO_TEST_CASE(a_pack_is_one_line_with_vat) {
  const auto priced = price_order(default_catalog(), OrderRequest{OrderKind::pack, "pack_20", 0, PaymentMethod::check});
  BOOST_TEST_REQUIRE(priced.ok());
  BOOST_TEST_REQUIRE(priced->lines.size() == 1u);
  BOOST_TEST(priced->totals.net == 80000);
  BOOST_TEST(priced->totals.vat == 16000);
  BOOST_TEST(priced->totals.gross == 96000);
  const auto lines = invoice_lines(*priced, Language::es);
  BOOST_TEST(lines[0].description == "Paquete de 20 tickets, válido 12 meses");
}

BOOST_AUTO_TEST_CASE(a_subscription_with_extra_users_has_a_line_per_kind) {
  const auto priced =
      price_order(default_catalog(), OrderRequest{OrderKind::subscription, "", 3, PaymentMethod::paypal});
  BOOST_TEST_REQUIRE(priced.ok());
  BOOST_TEST_REQUIRE(priced->lines.size() == 2u);
  BOOST_TEST(priced->lines[1].quantity == 3);
  BOOST_TEST(priced->totals.net == 4900 + 3 * 1500);
  BOOST_TEST(priced->totals.vat == 980 + 900);  // VAT per line: 20 % of 4900, of 4500
}

BOOST_AUTO_TEST_CASE(vat_is_rounded_half_up_per_line) {
  Catalog catalog = default_catalog();
  catalog.minute_blocks[0].price = 1003;  // 20 % = 200.6 -> 201
  catalog.packs[0].price = 1002;          // 20 % = 200.4 -> 200
  const auto minutes = price_order(catalog, OrderRequest{OrderKind::minutes, "minutes_60", 0, PaymentMethod::check});
  const auto pack = price_order(catalog, OrderRequest{OrderKind::pack, "pack_1", 0, PaymentMethod::check});
  BOOST_TEST(minutes->totals.vat == 201);
  BOOST_TEST(pack->totals.vat == 200);
}

BOOST_AUTO_TEST_CASE(refusals_name_their_field) {
  Catalog catalog = default_catalog();
  catalog.packs[1].active = false;
  BOOST_TEST(price_order(catalog, OrderRequest{OrderKind::pack, "nope", 0, PaymentMethod::check}).error().field ==
             "offer_code");
  BOOST_TEST(price_order(catalog, OrderRequest{OrderKind::pack, "pack_20", 0, PaymentMethod::check}).error().code ==
             "offer_inactive");
  BOOST_TEST(price_order(catalog, OrderRequest{OrderKind::subscription, "", -1, PaymentMethod::check}).error().code ==
             "invalid_user_count");
  BOOST_TEST(price_order(catalog, OrderRequest{OrderKind::minutes, "pack_1", 0, PaymentMethod::check}).error().code ==
             "unknown_offer");
}

BOOST_AUTO_TEST_CASE(a_paid_order_becomes_its_ledger_command) {
  const Catalog catalog = default_catalog();
  const auto pack = activation_command(catalog, OrderRequest{OrderKind::pack, "pool_20", 0, PaymentMethod::check}, 7, 3, 100);
  BOOST_TEST_REQUIRE(std::holds_alternative<BuyPack>(pack));
  BOOST_TEST(std::get<BuyPack>(pack).offer.multi_user);
  BOOST_TEST(std::get<BuyPack>(pack).order == 7);
  const auto minutes =
      activation_command(catalog, OrderRequest{OrderKind::minutes, "minutes_180", 0, PaymentMethod::check}, 8, 3, 100);
  BOOST_TEST(std::get<BuyMinutes>(minutes).offer.minutes == 180);
  const auto subscription =
      activation_command(catalog, OrderRequest{OrderKind::subscription, "", 2, PaymentMethod::bank_transfer}, 9, 3, 100);
  BOOST_TEST(std::get<ActivateSubscription>(subscription).extra_users == 2);
  BOOST_TEST((std::get<ActivateSubscription>(subscription).method == PaymentMethod::bank_transfer));
}

BOOST_AUTO_TEST_CASE(names_and_references) {
  BOOST_TEST(order_reference(42) == "ORD-000042");
  for (auto kind : {OrderKind::subscription, OrderKind::pack, OrderKind::minutes})
    BOOST_TEST((parse_order_kind(to_string(kind)) == kind));
  for (auto status : {OrderStatus::awaiting_approval, OrderStatus::pending_payment, OrderStatus::paid,
                      OrderStatus::cancelled, OrderStatus::failed})
    BOOST_TEST((parse_order_status(to_string(status)) == status));
  BOOST_TEST(!parse_order_kind("gift").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
