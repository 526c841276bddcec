// GET /account/ledger (SPEC §1.4–1.7): the owner reads every lot with what is left and its
// expiry, and the history of credits and debits with running balances; authorized users and
// staff are refused.
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(account_ledger, ServerFixture)

BOOST_AUTO_TEST_CASE(a_bought_pack_and_a_worked_ticket_show_as_lots_and_history_with_running_balances) {
  ApiClient ana = customer("ana@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  ApiClient olga = staff("olga@tessera.local");
  const auto order = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_20"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  BOOST_TEST_REQUIRE(boss.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment", json::object()).status == 200);
  auto body = ticket_body();
  body["funding"] = "units";
  const auto opened = ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "k1"}});
  BOOST_TEST_REQUIRE(opened.status == 201);
  const std::string ticket = std::to_string(opened.body["ticket"]["id"].get<Id>());
  BOOST_TEST_REQUIRE(olga.post("/api/v1/tickets/" + ticket + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(olga.post("/api/v1/tickets/" + ticket + "/time", {{"minutes", 42}, {"note", "router"}}).status == 201);

  const auto answer = ana.get("/api/v1/account/ledger");
  BOOST_TEST_REQUIRE(answer.status == 200);
  const json& lots = answer.body["lots"];
  BOOST_TEST_REQUIRE(lots.size() == 2u);
  // The trial expires in 30 days, the pack in 12 months: the trial comes first.
  BOOST_TEST(lots[0]["kind"] == "trial_minutes");
  BOOST_TEST(lots[0]["left"] == 15);
  BOOST_TEST(lots[1]["kind"] == "ticket_units");
  BOOST_TEST(lots[1]["offer_code"] == "pack_20");
  BOOST_TEST(lots[1]["bought"] == 20);
  BOOST_TEST(lots[1]["used"] == 2);  // ceil(42 / 30)
  BOOST_TEST(lots[1]["left"] == 18);
  BOOST_TEST(lots[1]["expires_at"].get<Instant>() > server.now() + 360 * kSecondsPerDay);

  const json& history = answer.body["history"];
  std::vector<std::string> kinds;
  for (const auto& line : history) kinds.push_back(line["kind"].get<std::string>() + ":" + std::to_string(line["change"].get<long>()) + "=" + std::to_string(line["balance"].get<long>()));
  const std::vector<std::string> expected{"trial_granted:15=15", "lot_purchased:20=20", "unit_reserved:-1=19", "charged:-1=18"};
  BOOST_TEST(kinds == expected, boost::test_tools::per_element());
  BOOST_TEST(history[1]["order"] == order.body["id"]);
  BOOST_TEST(std::to_string(history[3]["ticket"].get<Id>()) == ticket);
}

BOOST_AUTO_TEST_CASE(staff_and_anonymous_callers_are_refused) {
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get("/api/v1/account/ledger").status == 403);
  BOOST_TEST(olga.get("/api/v1/account/ledger").body["error"]["code"] == "owner_only");
  ApiClient nobody = new_client();
  BOOST_TEST(nobody.get("/api/v1/account/ledger").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
