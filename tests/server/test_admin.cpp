// Administration (issue 4): admins create operators with the languages they speak, list
// the staff, change their languages, disable and enable them, and read the audit log of admin
// actions and payment events. Others get 403.
#include <set>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(administration, ServerFixture)

BOOST_AUTO_TEST_CASE(an_admin_creates_an_operator_who_works_in_their_languages) {
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto created = boss.post("/api/v1/admin/operators", {{"name", "Pablo"}, {"email", "Pablo@Tessera.local"},
                                                             {"password", "a good password"}, {"languages", {"es"}}});
  BOOST_TEST_REQUIRE(created.status == 201);
  BOOST_TEST(created.body["email"] == "pablo@tessera.local");
  BOOST_TEST(created.body["role"] == "operator");
  BOOST_TEST(created.body["languages"] == json::array({"es"}));

  ApiClient ana = customer("ana@example.com");
  json spanish = ticket_body("Mi impresora");
  spanish["language"] = "es";
  ana.post("/api/v1/tickets", spanish, {{"Idempotency-Key", "es"}});
  ana.post("/api/v1/tickets", ticket_body("My printer"), {{"Idempotency-Key", "en"}});
  ApiClient pablo = new_client();
  BOOST_TEST_REQUIRE(pablo.post("/api/v1/auth/login", {{"email", "pablo@tessera.local"}, {"password", "a good password"}}).status == 200);
  const auto queue = pablo.get("/api/v1/queue");
  BOOST_TEST_REQUIRE(queue.body["tickets"].size() == 1u);
  BOOST_TEST(queue.body["tickets"][0]["subject"] == "Mi impresora");

  const auto staff_list = boss.get("/api/v1/admin/operators");
  BOOST_TEST(staff_list.body["operators"].size() == 2u);  // the admin and Pablo
  const auto again = boss.post("/api/v1/admin/operators", {{"name", "P"}, {"email", "pablo@tessera.local"},
                                                           {"password", "a good password"}, {"languages", {"es"}}});
  BOOST_TEST(again.error_code() == "email_taken");
  const auto no_language = boss.post("/api/v1/admin/operators", {{"name", "Q"}, {"email", "q@tessera.local"},
                                                                 {"password", "a good password"}, {"languages", {"de"}}});
  BOOST_TEST(no_language.status == 400);
  BOOST_TEST(no_language.body["error"]["field"] == "languages");
}

BOOST_AUTO_TEST_CASE(an_admin_changes_an_operators_languages_then_disables_and_enables_them) {
  ApiClient boss = staff("boss@tessera.local", "admin");
  const Id pablo_id = boss.post("/api/v1/admin/operators", {{"name", "Pablo"}, {"email", "pablo@tessera.local"},
                                                            {"password", "a good password"}, {"languages", {"es"}}})
                          .body["id"].get<Id>();
  const std::string path = "/api/v1/admin/operators/" + std::to_string(pablo_id);
  ApiClient ana = customer("ana@example.com");
  ana.post("/api/v1/tickets", ticket_body("My printer"), {{"Idempotency-Key", "en"}});
  ApiClient pablo = new_client();
  const json credentials{{"email", "pablo@tessera.local"}, {"password", "a good password"}};
  BOOST_TEST_REQUIRE(pablo.post("/api/v1/auth/login", credentials).status == 200);
  BOOST_TEST(pablo.get("/api/v1/queue").body["tickets"].size() == 0u);  // Spanish only

  // English too: the English ticket reaches his queue.
  const auto changed = boss.put(path, {{"languages", {"es", "en"}}});
  BOOST_TEST_REQUIRE(changed.status == 200);
  BOOST_TEST(changed.body["languages"] == json::array({"es", "en"}));
  BOOST_TEST(changed.body["disabled"] == false);
  BOOST_TEST(pablo.get("/api/v1/queue").body["tickets"].size() == 1u);

  // Bad bodies change nothing.
  BOOST_TEST(boss.put(path, {{"languages", {"de"}}}).body["error"]["field"] == "languages");
  BOOST_TEST(boss.put(path, {{"languages", json::array()}}).body["error"]["field"] == "languages");
  BOOST_TEST(boss.put(path, {{"disabled", "yes"}}).body["error"]["field"] == "disabled");
  BOOST_TEST(boss.put(path, json::object()).status == 400);
  BOOST_TEST(boss.put("/api/v1/admin/operators/" + std::to_string(ana.get("/api/v1/me").body["user"]["id"].get<Id>()),
                      {{"disabled", true}})
                 .error_code() == "not_found");  // a customer is no staff member
  BOOST_TEST(boss.put("/api/v1/admin/operators/999999", {{"disabled", true}}).error_code() == "not_found");
  BOOST_TEST(boss.get("/api/v1/admin/operators").body["operators"][1]["languages"] == json::array({"es", "en"}));

  // Disabled: his session ends at once, and he cannot log in again (said only with the password).
  const auto disabled = boss.put(path, {{"disabled", true}});
  BOOST_TEST_REQUIRE(disabled.status == 200);
  BOOST_TEST(disabled.body["disabled"] == true);
  BOOST_TEST(pablo.get("/api/v1/queue").status == 401);
  BOOST_TEST(new_client().post("/api/v1/auth/login", credentials).error_code() == "account_disabled");
  BOOST_TEST(new_client().post("/api/v1/auth/login", {{"email", "pablo@tessera.local"}, {"password", "a wrong password"}})
                 .error_code() == "invalid_credentials");
  // An admin cannot disable themselves (nobody could then administer).
  const Id boss_id = boss.get("/api/v1/me").body["user"]["id"].get<Id>();
  BOOST_TEST(boss.put("/api/v1/admin/operators/" + std::to_string(boss_id), {{"disabled", true}}).error_code() ==
             "cannot_disable_yourself");
  BOOST_TEST(boss.get("/api/v1/me").status == 200);

  // Enabled again: he logs in, with his languages kept.
  BOOST_TEST(boss.put(path, {{"disabled", false}}).body["disabled"] == false);
  ApiClient again = new_client();
  BOOST_TEST_REQUIRE(again.post("/api/v1/auth/login", credentials).status == 200);
  BOOST_TEST(again.get("/api/v1/queue").body["tickets"].size() == 1u);
  const auto audit = boss.get("/api/v1/admin/audit");
  int changes = 0;
  for (const auto& entry : audit.body["entries"]) changes += entry["action"] == "staff_changed" ? 1 : 0;
  BOOST_TEST(changes == 3);  // languages, disabled, enabled
}

BOOST_AUTO_TEST_CASE(the_audit_log_records_admin_actions_and_payments) {
  ApiClient ana = customer("ana@example.com");
  const Id order = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "check"}})
                       .body["id"].get<Id>();
  ApiClient boss = staff("boss@tessera.local", "admin");
  boss.post("/api/v1/admin/orders/" + std::to_string(order) + "/payment", json::object());
  const auto audit = boss.get("/api/v1/admin/audit");
  BOOST_TEST_REQUIRE(audit.status == 200);
  std::set<std::string> actions;
  for (const auto& entry : audit.body["entries"]) actions.insert(entry["action"].get<std::string>());
  BOOST_TEST(actions.count("order_created") == 1u);
  BOOST_TEST(actions.count("payment_recorded") == 1u);
  BOOST_TEST(audit.body["entries"][0]["details"]["invoice"] == "2026-000001");
}

BOOST_AUTO_TEST_CASE(only_admins_administer) {
  ApiClient ana = customer("ana@example.com");
  ApiClient olga = staff("olga@tessera.local");
  for (ApiClient* api : {&ana, &olga}) {
    BOOST_TEST(api->get("/api/v1/admin/operators").status == 403);
    BOOST_TEST(api->get("/api/v1/admin/audit").status == 403);
    BOOST_TEST(api->put("/api/v1/admin/operators/1", {{"disabled", true}}).status == 403);
    BOOST_TEST(api->post("/api/v1/admin/operators", {{"name", "X"}, {"email", "x@y.zz"}, {"password", "a good password"},
                                                     {"languages", {"fr"}}})
                   .status == 403);
  }
  BOOST_TEST(new_client().get("/api/v1/admin/audit").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
