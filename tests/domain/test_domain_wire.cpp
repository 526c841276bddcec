// JSON forms of the domain values: every value survives encode -> decode unchanged, and bad
// input is refused with the field at fault, never with an exception.
#include "ledger_fixture.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/storage_codec.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// A good document edited one way, and the error it must give.
struct EditRow {
  const char* name;
  void (*edit)(json&);
  const char* code;
  const char* field;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(domain_wire)

BOOST_AUTO_TEST_CASE(the_catalog_round_trips) {
  const Catalog catalog = default_catalog();
  const auto decoded = codec::decode_catalog(codec::encode(catalog));
  BOOST_TEST_REQUIRE(decoded.ok());
  BOOST_TEST((decoded.value() == catalog));
  BOOST_TEST(codec::encode(catalog)["packs"][2]["multi_user"] == true);
}

BOOST_AUTO_TEST_CASE(catalog_input_errors_name_the_field) {
  const EditRow rows[] = {
      {"not an object", [](json& j) { j = json::array(); }, "invalid_json", ""},
      {"no subscription", [](json& j) { j.erase("subscription"); }, "required", "subscription"},
      {"price as text", [](json& j) { j["subscription"]["monthly_price"] = "49"; }, "invalid_type",
       "subscription.monthly_price"},
      {"packs not a list", [](json& j) { j["packs"] = 3; }, "invalid_type", "packs"},
      {"pack without units", [](json& j) { j["packs"][1].erase("units"); }, "required", "packs[1].units"},
      {"pack valid 2 months", [](json& j) { j["packs"][0]["validity_months"] = 2; }, "validity_too_short",
       "packs[0].validity_months"},
      {"pool of 5", [](json& j) { j["packs"][2]["units"] = 5; }, "multi_user_pack_too_small", "packs[2].units"},
      {"minutes as float", [](json& j) { j["minute_blocks"][0]["minutes"] = 1.5; }, "invalid_type",
       "minute_blocks[0].minutes"},
      {"negative price", [](json& j) { j["minute_blocks"][1]["price"] = -1; }, "invalid_price",
       "minute_blocks[1].price"},
      {"code too long", [](json& j) { j["packs"][0]["code"] = std::string(65, 'x'); }, "too_long", "packs[0].code"},
      {"duplicate code", [](json& j) { j["minute_blocks"][0]["code"] = "pack_1"; }, "duplicate_offer_code",
       "minute_blocks[0].code"},
  };
  for (const EditRow& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      json body = codec::encode(default_catalog());
      row.edit(body);
      const auto decoded = codec::decode_catalog(body);
      BOOST_TEST_REQUIRE(!decoded.ok());
      BOOST_TEST(decoded.error().code == row.code);
      BOOST_TEST(decoded.error().field == row.field);
    }
  }
  BOOST_TEST(codec::decode_pack_offer(codec::encode(default_catalog().packs[0])).ok());
  BOOST_TEST(
      codec::decode_minute_block_offer(json{{"code", "m"}, {"minutes", 60}, {"validity_months", 12}, {"price", 1}})
          .ok());
  BOOST_TEST(codec::decode_minute_block_offer(json{{"code", "m"}}).error().field == "minutes");
}

BOOST_AUTO_TEST_CASE(every_ledger_entry_round_trips_and_replays_the_same) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.run(BuyPack{at(2026, 1, 10), kOwner, 1, pack(20, 12, true)});
  account.run(BuyMinutes{at(2026, 1, 11), kOwner, 2, block(60)});
  account.open_and_work(at(2026, 1, 12), 1, {45, 20});
  account.open_and_work(at(2026, 1, 12), 2, {10}, owner_scope(), FundingSource::minutes);
  account.run(AdjustTime{at(2026, 1, 13), 2, -5, "typo"});
  account.run(CloseTicket{at(2026, 1, 13), 1});
  account.run(ActivateSubscription{at(2026, 1, 14), 3, 1, 1, PaymentMethod::check});
  account.run(AddExtraUsers{at(2026, 1, 20), 1, 1500});
  account.run(CancelSubscription{at(2026, 1, 21)});
  account.run(BuyPack{at(2028, 1, 1), kOwner, 4, pack(1, 6)});  // rolls the expired units over
  std::vector<LedgerEntry> decoded;
  for (const LedgerEntry& entry : account.log) {
    const json encoded = codec::encode(entry);
    const auto back = codec::decode_ledger_entry(json::parse(encoded.dump()));
    BOOST_TEST_REQUIRE(back.ok(), encoded.dump());
    BOOST_TEST_REQUIRE((back.value() == entry), encoded.dump());
    decoded.push_back(back.value());
  }
  const AccountLedger rebuilt = replay(LedgerRules{}, decoded);
  BOOST_TEST(rebuilt.lots().back().unused() == account.ledger.lots().back().unused());
  BOOST_TEST(
      codec::encode(account.log.front()).dump() ==
      R"({"amount":15,"at":1768039200,"expires_at":1770631200,"kind":"trial_granted","lot_kind":"trial_minutes","user":1})");
}

BOOST_AUTO_TEST_CASE(bad_ledger_entries_are_refused) {
  BOOST_TEST(codec::decode_ledger_entry(json::array()).error().code == "invalid_json");
  BOOST_TEST(codec::decode_ledger_entry(json{{"at", 1}}).error().field == "kind");
  BOOST_TEST(codec::decode_ledger_entry(json{{"kind", "teleported"}, {"at", 1}}).error().code == "invalid_value");
  BOOST_TEST(codec::decode_ledger_entry(json{{"kind", "charged"}, {"at", "noon"}}).error().code == "invalid_type");
  BOOST_TEST(codec::decode_ledger_entry(json{{"kind", "charged"}, {"at", 1}, {"lot", -1}}).error().field == "lot");
  BOOST_TEST(codec::decode_ledger_entry(json{{"kind", "charged"}, {"at", 1}, {"source", "gold"}}).error().field ==
             "source");
  BOOST_TEST(codec::decode_ledger_entry(json{{"kind", "charged"}, {"at", 1}, {"restart_on", "2026-02-30"}})
                 .error()
                 .code == "invalid_date");
}

BOOST_AUTO_TEST_CASE(balances_and_cost_statements_for_the_client) {
  Account account;
  account.run(BuyMinutes{at(2026, 1, 10), kOwner, 1, block(60)});
  account.open_and_work(at(2026, 1, 11), 1, {12});
  const json balances = codec::encode(account_balances(account.ledger, at(2026, 1, 12)));
  BOOST_TEST(balances["bank_minutes_available"] == 30);
  BOOST_TEST(balances["subscription"] == "none");
  BOOST_TEST(balances["next_expiry"] == at(2027, 1, 10));
  const json statement = codec::encode(cost_statement(account.log, 1), Language::fr);
  BOOST_TEST(statement["total"]["text"] == "30 min (minimum de 30 minutes)");
  BOOST_TEST(statement["lines"][0]["minutes"] == 12);
  BOOST_TEST(statement["funding"] == "minutes");
}

TimeZoneRules two_transitions() {
  return TimeZoneRules{"Europe/Paris", 3600, {{1774746000, 7200}, {1792890000, 3600}}};
}

BOOST_AUTO_TEST_CASE(opening_hours_round_trip_with_their_zone) {
  OpeningHours hours = default_opening_hours(two_transitions());
  hours.weekly[5] = {OpeningWindow{9 * 60, 12 * 60}, OpeningWindow{14 * 60, 24 * 60}};
  hours.closed_dates = {Date{2026, 5, 25}, Date{2026, 12, 25}};
  const json encoded = codec::encode(hours);
  BOOST_TEST(encoded["weekly"]["monday"][0]["opens"] == "09:00");
  BOOST_TEST(encoded["weekly"]["saturday"][1]["closes"] == "24:00");
  const auto decoded = codec::decode_opening_hours(json::parse(encoded.dump()));
  BOOST_TEST_REQUIRE(decoded.ok());
  BOOST_TEST((decoded.value() == hours));
}

BOOST_AUTO_TEST_CASE(opening_hours_input_errors_name_the_field) {
  const json good = codec::encode(default_opening_hours(two_transitions()));
  const EditRow rows[] = {
      {"no zone", [](json& j) { j.erase("zone"); }, "required", "zone"},
      {"zone offset too big", [](json& j) { j["zone"]["initial_offset_seconds"] = 90000; }, "invalid_value",
       "zone.initial_offset_seconds"},
      {"transitions backwards", [](json& j) { j["zone"]["transitions"][1][0] = 0; }, "invalid_time_zone",
       "zone.transitions[1]"},
      {"transition not a pair", [](json& j) { j["zone"]["transitions"][0] = 5; }, "invalid_type",
       "zone.transitions[0]"},
      {"closing before opening", [](json& j) { j["weekly"]["tuesday"][0]["closes"] = "08:00"; },
       "invalid_opening_window", "weekly.tuesday[0]"},
      {"25 o'clock", [](json& j) { j["weekly"]["monday"][0]["closes"] = "25:00"; }, "invalid_opening_window",
       "weekly.monday[0]"},
      {"overlap", [](json& j) { j["weekly"]["friday"].push_back(json{{"opens", "17:00"}, {"closes", "19:00"}}); },
       "overlapping_opening_windows", "weekly.friday"},
      {"no window at all", [](json& j) { j["weekly"] = json::object(); }, "no_opening_hours", "weekly"},
      {"bad closed date", [](json& j) { j["closed_dates"] = json::array({"2026-13-01"}); }, "invalid_date",
       "closed_dates[0]"},
      {"window without opens", [](json& j) { j["weekly"]["monday"][0].erase("opens"); }, "required",
       "weekly.monday[0].opens"},
  };
  for (const EditRow& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      json body = good;
      row.edit(body);
      const auto decoded = codec::decode_opening_hours(body);
      BOOST_TEST_REQUIRE(!decoded.ok());
      BOOST_TEST(decoded.error().code == row.code);
      BOOST_TEST(decoded.error().field == row.field);
    }
  }
  BOOST_TEST(!codec::parse_clock("9:00").has_value());
  BOOST_TEST(!codec::parse_clock("09:60").has_value());
  BOOST_TEST((codec::parse_clock("24:00") == 1440));
  BOOST_TEST(codec::format_clock(545) == "09:05");
}

BOOST_AUTO_TEST_CASE(sla_targets_round_trip_and_validate) {
  const SlaTargets targets{30, 120, 600, 1200};
  BOOST_TEST((codec::decode_sla_targets(codec::encode(targets)).value() == targets));
  BOOST_TEST(codec::decode_sla_targets(json{{"critical", 60}}).error().field == "high");
  BOOST_TEST(codec::decode_sla_targets(json{{"critical", 600}, {"high", 60}, {"normal", 720}, {"low", 1440}})
                 .error()
                 .code == "invalid_sla_target");
}

BOOST_AUTO_TEST_CASE(board_rows_round_trip_and_aggregates_encode) {
  BoardRow row;
  row.reference = "T-000042";
  row.category = Category::network;
  row.criticality = Criticality::high;
  row.language = Language::es;
  row.month_opened = "2026-03";
  row.first_response_minutes = 42;
  row.within_sla = true;
  row.rating = 5;
  row.comment = "¡Genial!";
  BOOST_TEST((codec::decode_board_row(json::parse(codec::encode(row).dump())).value() == row));
  BoardRow bare = row;
  bare.first_response_minutes.reset();
  bare.rating.reset();
  bare.comment.reset();
  BOOST_TEST((codec::decode_board_row(codec::encode(bare)).value() == bare));
  json bad = codec::encode(row);
  bad["rating"] = 6;
  BOOST_TEST(codec::decode_board_row(bad).error().code == "invalid_rating");
  const json aggregate = codec::encode(aggregate_board({row}, "high"));
  BOOST_TEST(aggregate["median_first_response_minutes"] == 42);
  BOOST_TEST(aggregate["rating_counts"][4] == 1);
}

BOOST_AUTO_TEST_CASE(invoices_encode_every_amount) {
  InvoiceRequest request;
  request.lines = {InvoiceLine{"Pack of 20 tickets", 1, 80000, 2000}};
  request.payment_method = PaymentMethod::check;
  const json invoice = codec::encode(build_invoice(request, 3, at(2026, 4, 1)).value());
  BOOST_TEST(invoice["number"] == "2026-000004");
  BOOST_TEST(invoice["lines"][0]["vat"] == 16000);
  BOOST_TEST(invoice["gross"] == 96000);
  BOOST_TEST(invoice["payment_method"] == "check");
}

BOOST_AUTO_TEST_CASE(a_stored_invoice_reads_back_unchanged) {
  InvoiceRequest request;
  request.seller = Party{"Tessera", "1 rue de Paris\n75001 Paris", "FR00123456789", "billing@tessera.example"};
  request.buyer = Party{"Élodie", "", "", "elodie@example.com"};
  request.lines = {InvoiceLine{"Pack de 20 tickets", 1, 80000, 2000}, InvoiceLine{"Utilisateur en plus", 2, 774, 2000}};
  request.payment_method = PaymentMethod::bank_transfer;
  request.paid_at = at(2026, 4, 1);
  request.order_id = 12;
  const Invoice invoice = build_invoice(request, 41, at(2026, 4, 2)).value();
  const auto decoded = codec::decode_invoice(json::parse(codec::encode(invoice).dump()));
  BOOST_TEST_REQUIRE(decoded.ok());
  BOOST_TEST(decoded->number == "2026-000042");
  BOOST_TEST(decoded->year == 2026);
  BOOST_TEST(decoded->sequence == 42);
  BOOST_TEST((decoded->lines == invoice.lines));
  BOOST_TEST((decoded->seller == invoice.seller));
  BOOST_TEST((decoded->buyer == invoice.buyer));
  BOOST_TEST(decoded->totals.gross == invoice.totals.gross);
  BOOST_TEST(decoded->paid_at == invoice.paid_at);
  BOOST_TEST(decoded->order_id == 12);
  json tampered = codec::encode(invoice);
  tampered["gross"] = 1;
  BOOST_TEST(codec::decode_invoice(tampered).error().field == "gross");
  json bad_number = codec::encode(invoice);
  bad_number["number"] = "2026-00004x";
  BOOST_TEST(codec::decode_invoice(bad_number).error().field == "number");
  BOOST_TEST(codec::decode_invoice(json{{"number", "2026-000001"}}).error().field == "issued_at");
}

BOOST_AUTO_TEST_SUITE_END()
