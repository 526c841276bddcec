// Administration settings and catalog editing (SPEC §1 defaults, §1.4, §1.6, §1.9): who may
// read and change them, field-level 422 errors that never overwrite what is stored, the audit
// log, and that every change takes effect where the value is used — the next sign-up's trial,
// the next order's VAT, the next invoice's seller, payment instructions, the board's open
// minutes and SLA verdicts, the public catalog — while orders already placed keep their prices.
#include <set>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// The audit log's entries, newest first (a value: the answer it comes from is gone).
json audit_entries(ApiClient& admin) { return admin.get("/api/v1/admin/audit").body["entries"]; }
constexpr const char* kSettings = "/api/v1/admin/settings";

json weekdays(const std::string& opens, const std::string& closes) {
  json weekly = json::object();
  for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"})
    weekly[day] = json::array({json{{"opens", opens}, {"closes", closes}}});
  return weekly;
}

json opening_hours(const std::string& zone, const json& closed_dates = json::array()) {
  return json{{"time_zone", zone}, {"weekly", weekdays("09:00", "18:00")}, {"closed_dates", closed_dates}};
}

// The last audit entry with this action, or null.
json last_audit(ApiClient& admin, const std::string& action) {
  for (const json& entry : audit_entries(admin))
    if (entry["action"] == action) return entry;
  return nullptr;
}

Id pay_order(ApiClient& admin, const json& order) {
  const Id id = order["id"].get<Id>();
  const auto paid = admin.post("/api/v1/admin/orders/" + std::to_string(id) + "/payment", json::object());
  BOOST_TEST_REQUIRE(paid.status == 200);
  return paid.body["invoice_id"].get<Id>();
}

json pack_order(const std::string& code = "pack_1", const std::string& method = "bank_transfer") {
  return {{"kind", "pack"}, {"offer_code", code}, {"method", method}};
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(settings, ServerFixture)

BOOST_AUTO_TEST_CASE(only_admins_read_and_change_settings_and_the_catalog) {
  ApiClient anonymous = new_client();
  ApiClient ana = customer("ana@example.com");
  ApiClient olga = staff("olga@tessera.local");
  ApiClient boss = staff("boss@tessera.local", "admin");
  const json vat{{"vat_rate", 1000}};
  BOOST_TEST(anonymous.get(kSettings).status == 401);
  BOOST_TEST(anonymous.put(std::string(kSettings) + "/vat", vat).status == 401);
  BOOST_TEST(anonymous.get("/api/v1/admin/catalog").status == 401);
  for (ApiClient* api : {&ana, &olga}) {
    BOOST_TEST(api->get(kSettings).status == 403);
    BOOST_TEST(api->get(std::string(kSettings) + "/vat").status == 403);
    BOOST_TEST(api->put(std::string(kSettings) + "/vat", vat).status == 403);
    BOOST_TEST(api->get("/api/v1/admin/catalog").status == 403);
    BOOST_TEST(api->put("/api/v1/admin/catalog", json::object()).status == 403);
  }
  BOOST_TEST(boss.get(std::string(kSettings) + "/colour").status == 404);
  BOOST_TEST(boss.put(std::string(kSettings) + "/colour", json::object()).status == 404);
  BOOST_TEST(boss.get(std::string(kSettings) + "/vat").body["vat_rate"] == 2000);  // nothing changed
}

BOOST_AUTO_TEST_CASE(the_defaults_of_the_spec_until_an_admin_changes_them) {
  const auto settings = staff("boss@tessera.local", "admin").get(kSettings);
  BOOST_TEST_REQUIRE(settings.status == 200);
  const json& body = settings.body;
  BOOST_TEST(body["opening_hours"]["time_zone"] == "Europe/Paris");
  BOOST_TEST(body["opening_hours"]["weekly"]["monday"] == json::array({{{"opens", "09:00"}, {"closes", "18:00"}}}));
  BOOST_TEST(body["opening_hours"]["weekly"]["saturday"].empty());
  BOOST_TEST(!body["opening_hours"].contains("zone"));  // the transitions stay inside
  BOOST_TEST(body["sla_targets"] == json({{"critical", 60}, {"high", 240}, {"normal", 720}, {"low", 1440}}));
  BOOST_TEST(body["trial"] == json({{"minutes", 15}, {"validity_days", 30}}));
  BOOST_TEST(body["vat"]["vat_rate"] == 2000);
  BOOST_TEST(body["seller"]["name"] == "Tessera Support");
  BOOST_TEST(body["bank"].contains("iban"));
  BOOST_TEST(body["check"].contains("payee"));
}

BOOST_AUTO_TEST_CASE(invalid_settings_answer_422_with_the_field_and_keep_what_is_stored) {
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto stored = boss.get(kSettings).body;
  struct Case {
    const char* part;
    json body;
    const char* code;
    const char* field;
  };
  json bad_window = opening_hours("Europe/Paris");
  bad_window["weekly"]["monday"] = json::array({{{"opens", "18:00"}, {"closes", "09:00"}}});
  json overlapping = opening_hours("Europe/Paris");
  overlapping["weekly"]["tuesday"] = json::array({{{"opens", "09:00"}, {"closes", "12:00"}}, {{"opens", "11:00"}, {"closes", "13:00"}}});
  const std::vector<Case> cases{
      {"opening_hours", opening_hours("Mars/Olympus_Mons"), "invalid_time_zone", "time_zone"},
      {"opening_hours", opening_hours(""), "invalid_time_zone", "time_zone"},
      {"opening_hours", json{{"weekly", weekdays("09:00", "18:00")}}, "required", "time_zone"},
      {"opening_hours", bad_window, "invalid_opening_window", "weekly.monday[0]"},
      {"opening_hours", overlapping, "overlapping_opening_windows", "weekly.tuesday"},
      {"opening_hours", opening_hours("Europe/Paris", {"2026-02-30"}), "invalid_date", "closed_dates[0]"},
      {"opening_hours", json{{"time_zone", "UTC"}, {"weekly", json::object()}}, "no_opening_hours", "weekly"},
      {"sla_targets", json{{"critical", 300}, {"high", 240}, {"normal", 720}, {"low", 1440}}, "invalid_sla_target", "high"},
      {"sla_targets", json{{"critical", 60}, {"high", "soon"}, {"normal", 720}, {"low", 1440}}, "invalid_type", "high"},
      {"trial", json{{"minutes", 0}, {"validity_days", 30}}, "out_of_range", "minutes"},
      {"trial", json{{"minutes", 15}, {"validity_days", 400}}, "out_of_range", "validity_days"},
      {"trial", json{{"minutes", 15}}, "required", "validity_days"},
      {"vat", json{{"vat_rate", 10'001}}, "invalid_vat_rate", "vat_rate"},
      {"vat", json{{"vat_rate", -1}}, "invalid_vat_rate", "vat_rate"},
      {"seller", json{{"name", "Tessera"}, {"address", "Paris"}, {"email", "not an email"}}, "invalid_email", "email"},
      {"seller", json{{"name", "  "}, {"address", "Paris"}, {"email", "a@b.fr"}}, "required", "name"},
      {"bank", json{{"holder", "Tessera"}, {"iban", "FR76 3000 6000 0112 3456 7890 188"}, {"bic", "BNPAFRPP"}}, "invalid_iban", "iban"},
      {"bank", json{{"holder", "Tessera"}, {"iban", "DE89 3704 0044 0532 0130 00"}, {"bic", "BNP1"}}, "invalid_bic", "bic"},
      {"check", json{{"payee", "Tessera"}}, "required", "address"},
  };
  for (const Case& bad : cases) {
    BOOST_TEST_CONTEXT(bad.part << " " << bad.body.dump()) {
      const auto answer = boss.put(std::string(kSettings) + "/" + bad.part, bad.body);
      BOOST_TEST(answer.status == 422);
      BOOST_TEST(answer.error_code() == bad.code);
      BOOST_TEST(answer.body["error"]["field"] == bad.field);
      BOOST_TEST(!answer.body["error"]["message"].get<std::string>().empty());
    }
  }
  const auto limits = boss.put(std::string(kSettings) + "/trial", json{{"minutes", 0}, {"validity_days", 30}});
  BOOST_TEST(limits.body["error"]["params"]["max"] == "600");
  BOOST_TEST(boss.put(std::string(kSettings) + "/vat", json::array({1})).error_code() == "invalid_json");
  BOOST_TEST(boss.get(kSettings).body == stored);  // nothing was overwritten
  BOOST_TEST(last_audit(boss, "settings_changed").is_null());
}

BOOST_AUTO_TEST_CASE(a_change_is_stored_answered_and_audit_logged_with_before_and_after) {
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto changed = boss.put(std::string(kSettings) + "/opening_hours",
                                opening_hours("America/New_York", {"2026-12-25", "2026-12-24"}));
  BOOST_TEST_REQUIRE(changed.status == 200);
  BOOST_TEST(changed.body["time_zone"] == "America/New_York");
  BOOST_TEST(changed.body["closed_dates"] == json::array({"2026-12-25", "2026-12-24"}));
  BOOST_TEST(boss.get(std::string(kSettings) + "/opening_hours").body == changed.body);

  const auto bank = boss.put(std::string(kSettings) + "/bank",
                             {{"holder", " Tessera SARL "}, {"iban", "fr7630006000011234567890189"}, {"bic", "bnpafrpp"}});
  BOOST_TEST_REQUIRE(bank.status == 200);
  BOOST_TEST(bank.body == json({{"holder", "Tessera SARL"}, {"iban", "FR76 3000 6000 0112 3456 7890 189"}, {"bic", "BNPAFRPP"}}));

  const json audit = last_audit(boss, "settings_changed");
  BOOST_TEST_REQUIRE(!audit.is_null());
  BOOST_TEST(audit["actor_id"] == boss.get("/api/v1/me").body["user"]["id"]);
  BOOST_TEST(audit["details"]["part"] == "bank");
  BOOST_TEST(audit["details"]["after"]["holder"] == "Tessera SARL");
  BOOST_TEST(audit["details"]["before"]["holder"] == "Tessera Support");
  std::set<std::string> parts;
  for (const json& entry : audit_entries(boss))
    if (entry["action"] == "settings_changed") parts.insert(entry["details"]["part"].get<std::string>());
  BOOST_TEST((parts == std::set<std::string>{"opening_hours", "bank"}));
}

BOOST_AUTO_TEST_CASE(a_new_trial_length_applies_to_the_next_sign_up_only) {
  ApiClient early = customer("early@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/trial", {{"minutes", 45}, {"validity_days", 10}}).status == 200);
  ApiClient late = customer("late@example.com");
  const auto balances = late.get("/api/v1/me").body["balances"];
  BOOST_TEST(balances["trial_minutes_granted"] == 45);
  BOOST_TEST(balances["trial_minutes_left"] == 45);
  BOOST_TEST(balances["trial_expires_at"] == server.now() + 10 * 86'400);
  BOOST_TEST(early.get("/api/v1/me").body["balances"]["trial_minutes_granted"] == 15);
}

BOOST_AUTO_TEST_CASE(a_new_vat_rate_prices_the_next_order_and_its_invoice_while_placed_orders_keep_theirs) {
  ApiClient ana = customer("ana@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto before = ana.post("/api/v1/orders", pack_order());
  BOOST_TEST_REQUIRE(before.status == 201);
  BOOST_TEST(before.body["vat"] == 900);

  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/vat", {{"vat_rate", 550}}).status == 200);
  BOOST_TEST(new_client().get("/api/v1/catalog").body["vat_rate"] == 550);
  const auto after = ana.post("/api/v1/orders", pack_order());
  BOOST_TEST_REQUIRE(after.status == 201);
  BOOST_TEST(after.body["vat"] == 248);  // 4500 × 5.5 % = 247.5, rounded half-up
  BOOST_TEST(after.body["gross"] == 4748);

  const Id new_invoice = pay_order(boss, after.body);
  const auto invoice = ana.get("/api/v1/invoices/" + std::to_string(new_invoice));
  BOOST_TEST(invoice.body["lines"][0]["vat_rate"] == 550);
  BOOST_TEST(invoice.body["vat"] == 248);
  const Id old_invoice = pay_order(boss, before.body);  // placed at 20 %: keeps its price
  BOOST_TEST(ana.get("/api/v1/invoices/" + std::to_string(old_invoice)).body["vat"] == 900);
}

BOOST_AUTO_TEST_CASE(the_seller_the_bank_and_the_check_payee_are_read_from_the_settings) {
  ApiClient ana = customer("ana@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/seller",
                              {{"name", "Atelier Numérique SARL"}, {"address", "3 quai Est\n69001 Lyon"},
                               {"vat_number", "FR12345678901"}, {"email", "Compta@Atelier.fr"}})
                         .status == 200);
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/bank",
                              {{"holder", "Atelier Numérique"}, {"iban", "GB82 WEST 1234 5698 7654 32"}, {"bic", "NWBKGB2L"}})
                         .status == 200);
  BOOST_TEST_REQUIRE(
      boss.put(std::string(kSettings) + "/check", {{"payee", "Atelier Numérique"}, {"address", "BP 12, 69001 Lyon"}}).status ==
      200);

  const auto transfer = ana.post("/api/v1/orders", pack_order("pack_1", "bank_transfer"));
  BOOST_TEST(transfer.body["instructions"]["iban"] == "GB82 WEST 1234 5698 7654 32");
  BOOST_TEST(transfer.body["instructions"]["bic"] == "NWBKGB2L");
  BOOST_TEST(transfer.body["instructions"]["holder"] == "Atelier Numérique");
  const auto check = ana.post("/api/v1/orders", pack_order("pack_1", "check"));
  BOOST_TEST(check.body["instructions"]["payee"] == "Atelier Numérique");
  BOOST_TEST(check.body["instructions"]["address"] == "BP 12, 69001 Lyon");

  const Id invoice_id = pay_order(boss, transfer.body);
  const auto invoice = ana.get("/api/v1/invoices/" + std::to_string(invoice_id));
  BOOST_TEST(invoice.body["seller"]["name"] == "Atelier Numérique SARL");
  BOOST_TEST(invoice.body["seller"]["vat_number"] == "FR12345678901");
  BOOST_TEST(invoice.body["seller"]["email"] == "compta@atelier.fr");
  const auto pdf = ana.get("/api/v1/invoices/" + std::to_string(invoice_id) + "/pdf");
  BOOST_TEST(pdf.status == 200);
}

BOOST_AUTO_TEST_CASE(closed_dates_and_sla_targets_change_the_board_arithmetic) {
  ApiClient boss = staff("boss@tessera.local", "admin");
  // UTC, Mon–Fri 09:00–18:00. The ticket comes on Friday 2026-11-27 at 09:00Z (the test
  // clock's start) and gets its first answer on Monday at 10:00Z: Friday's 540 open minutes
  // + Monday's 60.
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/opening_hours", opening_hours("UTC")).status == 200);
  ApiClient ana = customer("ana@example.com");
  const Id id = open_ticket(ana);  // high: 240 open minutes by default
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  server.advance_seconds((3 * 24 + 1) * 3600);
  BOOST_TEST_REQUIRE(olga.post(path + "/messages", {{"body", "Hello, let us look."}}).status == 201);
  olga.post(path + "/actions", {{"action", "resolve"}});
  BOOST_TEST_REQUIRE(ana.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);

  auto row = new_client().get("/api/v1/board").body["rows"][0];
  BOOST_TEST(row["first_response_minutes"] == 600);
  BOOST_TEST(row["within_sla"] == false);

  // Friday is a closed date: only Monday's hour counts, within the 240-minute target.
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/opening_hours", opening_hours("UTC", {"2026-11-27"})).status == 200);
  row = new_client().get("/api/v1/board").body["rows"][0];
  BOOST_TEST(row["first_response_minutes"] == 60);
  BOOST_TEST(row["within_sla"] == true);

  // A tighter promise: 30 open minutes for high tickets.
  BOOST_TEST_REQUIRE(boss.put(std::string(kSettings) + "/sla_targets",
                              {{"critical", 30}, {"high", 30}, {"normal", 720}, {"low", 1440}})
                         .status == 200);
  BOOST_TEST(new_client().get("/api/v1/board").body["rows"][0]["within_sla"] == false);
}

BOOST_AUTO_TEST_CASE(the_catalog_is_edited_with_the_domain_rules_and_placed_orders_keep_their_offer) {
  ApiClient ana = customer("ana@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto placed = ana.post("/api/v1/orders", pack_order("pack_1"));
  BOOST_TEST_REQUIRE(placed.status == 201);

  json catalog = boss.get("/api/v1/admin/catalog").body;
  BOOST_TEST(catalog == new_client().get("/api/v1/catalog").body);
  const json original = catalog;

  json too_short = catalog;
  too_short["packs"][0]["validity_months"] = 5;
  const auto refused = boss.put("/api/v1/admin/catalog", too_short);
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(refused.error_code() == "validity_too_short");
  BOOST_TEST(refused.body["error"]["field"] == "packs[0].validity_months");
  json small_pool = catalog;
  small_pool["packs"][2]["units"] = 10;
  BOOST_TEST(boss.put("/api/v1/admin/catalog", small_pool).error_code() == "multi_user_pack_too_small");
  json duplicate = catalog;
  duplicate["minute_blocks"][0]["code"] = "pack_1";
  BOOST_TEST(boss.put("/api/v1/admin/catalog", duplicate).error_code() == "duplicate_offer_code");
  json no_subscription = catalog;
  no_subscription.erase("subscription");
  BOOST_TEST(boss.put("/api/v1/admin/catalog", no_subscription).status == 422);
  BOOST_TEST(new_client().get("/api/v1/catalog").body == original);  // unchanged

  catalog["packs"][0]["price"] = 5000;
  catalog["packs"].push_back({{"code", "pack_5"}, {"units", 5}, {"validity_months", 9}, {"multi_user", false},
                              {"price", 21000}, {"active", true}});
  catalog["vat_rate"] = 0;  // not edited here: the "vat" settings part holds it
  const auto saved = boss.put("/api/v1/admin/catalog", catalog);
  BOOST_TEST_REQUIRE(saved.status == 200);
  BOOST_TEST(saved.body["vat_rate"] == 2000);
  const auto shown = new_client().get("/api/v1/catalog").body;
  BOOST_TEST(shown == saved.body);
  BOOST_TEST(shown["packs"].size() == 4u);
  BOOST_TEST(shown["packs"][0]["price"] == 5000);

  const json audit = last_audit(boss, "catalog_changed");
  BOOST_TEST_REQUIRE(!audit.is_null());
  BOOST_TEST(audit["details"]["before"]["packs"][0]["price"] == 4500);
  BOOST_TEST(audit["details"]["after"]["packs"][0]["price"] == 5000);

  BOOST_TEST(ana.post("/api/v1/orders", pack_order("pack_1")).body["net"] == 5000);
  BOOST_TEST(ana.post("/api/v1/orders", pack_order("pack_5")).body["net"] == 21000);
  const Id invoice = pay_order(boss, placed.body);  // placed at 45.00 net: keeps it
  BOOST_TEST(ana.get("/api/v1/invoices/" + std::to_string(invoice)).body["net"] == 4500);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
