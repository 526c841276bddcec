// Administration (issue 4): admins create operators with the languages they speak, list
// the staff, and read the audit log of admin actions and payment events. Others get 403.
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
    BOOST_TEST(api->post("/api/v1/admin/operators", {{"name", "X"}, {"email", "x@y.zz"}, {"password", "a good password"},
                                                     {"languages", {"fr"}}})
                   .status == 403);
  }
  BOOST_TEST(new_client().get("/api/v1/admin/audit").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
