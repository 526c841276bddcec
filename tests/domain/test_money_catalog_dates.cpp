// Money, invoices, the catalog and calendar arithmetic (SPEC §1.2, §1.4–1.6): VAT per line
// rounded half-up, gapless invoice numbers, catalog rules, leap years and clamped months.
#include <boost/test/unit_test.hpp>

#include "tessera/catalog.hpp"
#include "tessera/dates.hpp"
#include "tessera/invoice.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(money_catalog_dates)

BOOST_AUTO_TEST_CASE(rounding_half_up) {
  BOOST_TEST(divide_rounding_half_up(5, 10) == 1);
  BOOST_TEST(divide_rounding_half_up(4, 10) == 0);
  BOOST_TEST(divide_rounding_half_up(15, 10) == 2);
  BOOST_TEST(divide_rounding_half_up(-15, 10) == -2);  // half away from zero
  BOOST_TEST(vat_cents(1005, 2000) == 201);  // 201.0
  BOOST_TEST(vat_cents(1, 2000) == 0);       // 0.2
  BOOST_TEST(vat_cents(3, 2000) == 1);       // 0.6
  BOOST_TEST(vat_cents(1234, 550) == 68);    // 67.87
  BOOST_TEST(vat_cents(1230, 550) == 68);    // 67.65
  BOOST_TEST(vat_cents(1218, 550) == 67);    // 66.99
  BOOST_TEST(vat_cents(10, 2500) == 3);      // 2.5 -> 3
  BOOST_TEST(prorate_cents(1500, 0, 31) == 0);
  BOOST_TEST(prorate_cents(1500, 40, 31) == 1500);
  BOOST_TEST(prorate_cents(1000, 1, 3) == 333);
  BOOST_TEST(prorate_cents(1000, 2, 3) == 667);
  BOOST_TEST(format_cents(123456) == "1234.56");
  BOOST_TEST(format_cents(5) == "0.05");
  BOOST_TEST(format_cents(-250) == "-2.50");
}

BOOST_AUTO_TEST_CASE(vat_is_rounded_per_line_then_summed) {
  const std::vector<InvoiceLine> lines = {
      {"Pack of 1 ticket", 1, 4503, 2000},       // VAT 900.6 -> 901
      {"Extra user, pro rata", 1, 774, 2000},    // VAT 154.8 -> 155
      {"Minutes 60", 3, 1, 2000},                // net 3, VAT 0.6 -> 1
  };
  const InvoiceTotals totals = invoice_totals(lines);
  BOOST_TEST(totals.lines[0].vat == 901);
  BOOST_TEST(totals.lines[1].vat == 155);
  BOOST_TEST(totals.lines[2].net == 3);
  BOOST_TEST(totals.lines[2].vat == 1);
  BOOST_TEST(totals.net == 5280);
  BOOST_TEST(totals.vat == 1057);  // not round(5280 * 20 %) = 1056: VAT is per line
  BOOST_TEST(totals.gross == 6337);
}

BOOST_AUTO_TEST_CASE(invoice_numbers_are_gapless_per_year) {
  BOOST_TEST(format_invoice_number(2026, 1) == "2026-000001");
  BOOST_TEST(format_invoice_number(2026, 999999) == "2026-999999");
  BOOST_TEST(next_invoice_sequence(0) == 1);
  BOOST_TEST(next_invoice_sequence(41) == 42);
  InvoiceRequest request;
  request.seller = Party{"Tessera SARL", "1 rue de Paris", "FR00123456789", "billing@tessera.example"};
  request.buyer = Party{"Alice", "2 avenue", "", "alice@example.com"};
  request.lines = {InvoiceLine{"Subscription, 1 month", 1, 4900, 2000}};
  request.payment_method = PaymentMethod::bank_transfer;
  request.order_id = 7;
  const auto invoice = build_invoice(request, 41, utc_instant({2026, 12, 31}, 23, 59));
  BOOST_TEST_REQUIRE(invoice.ok());
  BOOST_TEST(invoice->number == "2026-000042");
  BOOST_TEST(invoice->totals.gross == 5880);
  BOOST_TEST(invoice->buyer.name == "Alice");
  // The first invoice of a new year starts at 1 (the caller passes that year's last: 0).
  BOOST_TEST(build_invoice(request, 0, utc_instant({2027, 1, 1}, 0, 0))->number == "2027-000001");
  BOOST_TEST(build_invoice(request, 999999, 0).error().code == "invoice_sequence_exhausted");
  // 00:30 on 1 January in Paris is still the 31st in UTC: the caller passes the local year.
  const Instant new_year_in_paris = utc_instant({2026, 12, 31}, 23, 30);
  BOOST_TEST(build_invoice(request, 0, new_year_in_paris)->number == "2026-000001");
  BOOST_TEST(build_invoice(request, 0, new_year_in_paris, 2027)->number == "2027-000001");
  BOOST_TEST(build_invoice(request, 0, new_year_in_paris, 0).error().field == "year");
}

BOOST_AUTO_TEST_CASE(invoice_requests_are_validated) {
  InvoiceRequest request;
  BOOST_TEST(build_invoice(request, 0, 0).error().code == "invoice_without_lines");
  request.lines = {InvoiceLine{"x", 0, 100, 2000}};
  BOOST_TEST(build_invoice(request, 0, 0).error().field == "lines[0].quantity");
  request.lines = {InvoiceLine{"x", 1, 100, 2000}, InvoiceLine{"y", 1, -1, 2000}};
  BOOST_TEST(build_invoice(request, 0, 0).error().field == "lines[1].unit_price_net");
  request.lines = {InvoiceLine{"x", 1, 100, 10'001}};
  BOOST_TEST(build_invoice(request, 0, 0).error().code == "invalid_vat_rate");
}

BOOST_AUTO_TEST_CASE(payment_method_names) {
  for (PaymentMethod method : {PaymentMethod::paypal, PaymentMethod::bank_transfer, PaymentMethod::check})
    BOOST_TEST((parse_payment_method(to_string(method)) == method));
  BOOST_TEST(!parse_payment_method("cash").has_value());
}

BOOST_AUTO_TEST_CASE(the_default_catalog_follows_the_spec) {
  const Catalog catalog = default_catalog();
  BOOST_TEST(validate_catalog(catalog).ok());
  const PackOffer* single = find_pack(catalog, "pack_1");
  BOOST_TEST_REQUIRE(single != nullptr);
  BOOST_TEST(single->units == 1);
  BOOST_TEST(single->validity_months == 6);
  BOOST_TEST(find_pack(catalog, "pack_20")->validity_months == 12);
  BOOST_TEST(find_pack(catalog, "pool_20")->multi_user);
  BOOST_TEST(find_minute_block(catalog, "minutes_600")->minutes == 600);
  BOOST_TEST(find_pack(catalog, "nope") == nullptr);
  BOOST_TEST(find_minute_block(catalog, "nope") == nullptr);
  BOOST_TEST(catalog.subscription.included_users == 1);
  BOOST_TEST(subscription_period_price(catalog.subscription, 2) == 4900 + 2 * 1500);
  BOOST_TEST(catalog.vat_rate == 2000);
}

BOOST_AUTO_TEST_CASE(catalog_edits_are_refused_with_the_field_at_fault) {
  struct Row {
    const char* name;
    void (*edit)(Catalog&);
    const char* code;
    const char* field;
  };
  const Row rows[] = {
      {"validity under 6 months", [](Catalog& c) { c.packs[0].validity_months = 5; }, "validity_too_short",
       "packs[0].validity_months"},
      {"minutes valid 3 months", [](Catalog& c) { c.minute_blocks[1].validity_months = 3; }, "validity_too_short",
       "minute_blocks[1].validity_months"},
      {"multi-user pack of 19", [](Catalog& c) { c.packs[2].units = 19; }, "multi_user_pack_too_small",
       "packs[2].units"},
      {"zero units", [](Catalog& c) { c.packs[1].units = 0; }, "invalid_units", "packs[1].units"},
      {"zero minutes", [](Catalog& c) { c.minute_blocks[0].minutes = 0; }, "invalid_minutes",
       "minute_blocks[0].minutes"},
      {"negative pack price", [](Catalog& c) { c.packs[0].price = -1; }, "invalid_price", "packs[0].price"},
      {"negative minutes price", [](Catalog& c) { c.minute_blocks[2].price = -1; }, "invalid_price",
       "minute_blocks[2].price"},
      {"negative subscription", [](Catalog& c) { c.subscription.monthly_price = -1; }, "invalid_price",
       "subscription.monthly_price"},
      {"negative extra user", [](Catalog& c) { c.subscription.extra_user_monthly_price = -5; }, "invalid_price",
       "subscription.extra_user_monthly_price"},
      {"no included user", [](Catalog& c) { c.subscription.included_users = 0; }, "invalid_users",
       "subscription.included_users"},
      {"VAT over 100 %", [](Catalog& c) { c.vat_rate = 10'001; }, "invalid_vat_rate", "vat_rate"},
      {"same code twice", [](Catalog& c) { c.packs[1].code = "pack_1"; }, "duplicate_offer_code", "packs[1].code"},
      {"code shared with minutes", [](Catalog& c) { c.minute_blocks[0].code = "pack_1"; }, "duplicate_offer_code",
       "minute_blocks[0].code"},
      {"empty code", [](Catalog& c) { c.packs[0].code.clear(); }, "missing_offer_code", "packs[0].code"},
      {"empty minutes code", [](Catalog& c) { c.minute_blocks[0].code.clear(); }, "missing_offer_code",
       "minute_blocks[0].code"},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      Catalog catalog = default_catalog();
      row.edit(catalog);
      const auto result = validate_catalog(catalog);
      BOOST_TEST_REQUIRE(!result.ok());
      BOOST_TEST(result.error().code == row.code);
      BOOST_TEST(result.error().field == row.field);
    }
  }
}

BOOST_AUTO_TEST_CASE(leap_years_and_month_lengths) {
  BOOST_TEST(is_leap_year(2024));
  BOOST_TEST(!is_leap_year(2026));
  BOOST_TEST(!is_leap_year(2100));
  BOOST_TEST(is_leap_year(2000));
  BOOST_TEST(days_in_month(2028, 2) == 29);
  BOOST_TEST(days_in_month(2026, 2) == 28);
  BOOST_TEST(days_in_month(2026, 4) == 30);
  BOOST_TEST(days_in_month(2026, 13) == 0);
  BOOST_TEST(!is_valid_date({2026, 2, 29}));
  BOOST_TEST(is_valid_date({2028, 2, 29}));
  BOOST_TEST(!is_valid_date({2026, 0, 1}));
}

BOOST_AUTO_TEST_CASE(adding_months_clamps_to_the_last_day) {
  struct Row {
    Date from;
    int months;
    const char* expected;
  };
  const Row rows[] = {
      {{2026, 1, 31}, 1, "2026-02-28"}, {{2028, 1, 31}, 1, "2028-02-29"}, {{2026, 1, 31}, 2, "2026-03-31"},
      {{2026, 3, 31}, 1, "2026-04-30"}, {{2026, 12, 15}, 1, "2027-01-15"}, {{2026, 1, 10}, 12, "2027-01-10"},
      {{2028, 2, 29}, 12, "2029-02-28"}, {{2026, 3, 31}, -1, "2026-02-28"}, {{2026, 1, 15}, -1, "2025-12-15"},
      {{2027, 3, 1}, 6, "2027-09-01"},
  };
  for (const Row& row : rows)
    BOOST_TEST_CONTEXT(to_iso(row.from) << " + " << row.months) {
      BOOST_TEST(to_iso(add_months_clamped(row.from, row.months)) == row.expected);
    }
  BOOST_TEST(to_iso_utc(add_months_clamped(utc_instant({2026, 1, 31}, 15, 30, 5), 1)) == "2026-02-28T15:30:05Z");
}

BOOST_AUTO_TEST_CASE(days_round_trip_and_weekdays) {
  BOOST_TEST(days_since_epoch({1970, 1, 1}) == 0);
  BOOST_TEST(days_since_epoch({2026, 1, 10}) == 20463);
  BOOST_TEST(to_iso(date_from_days(-1)) == "1969-12-31");
  for (std::int64_t day = -800'000; day <= 800'000; day += 997)
    BOOST_TEST_REQUIRE(days_since_epoch(date_from_days(day)) == day);
  BOOST_TEST((weekday_of({2026, 11, 27}) == Weekday::friday));
  BOOST_TEST((weekday_of({1970, 1, 1}) == Weekday::thursday));
  BOOST_TEST((weekday_of({1969, 12, 29}) == Weekday::monday));
  BOOST_TEST(days_between({2026, 1, 25}, {2026, 2, 10}) == 16);
  BOOST_TEST(to_iso(add_days(Date{2028, 2, 28}, 1)) == "2028-02-29");
  BOOST_TEST(to_iso(utc_date_of(-1)) == "1969-12-31");
  BOOST_TEST(floor_div(-7, 2) == -4);
  BOOST_TEST(floor_div(7, 2) == 3);
}

BOOST_AUTO_TEST_CASE(iso_text) {
  BOOST_TEST(to_iso({2026, 3, 5}) == "2026-03-05");
  BOOST_TEST(month_key({2026, 3, 5}) == "2026-03");
  BOOST_TEST((parse_iso_date("2028-02-29") == Date{2028, 2, 29}));
  BOOST_TEST(!parse_iso_date("2026-02-29").has_value());
  BOOST_TEST(!parse_iso_date("2026-2-01").has_value());
  BOOST_TEST(!parse_iso_date("2026-0a-01").has_value());
  BOOST_TEST(!parse_iso_date("").has_value());
  BOOST_TEST(to_iso_utc(utc_instant({2026, 3, 29}, 1, 0)) == "2026-03-29T01:00:00Z");
  BOOST_TEST(to_iso_utc(0) == "1970-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_SUITE_END()
