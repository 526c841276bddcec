// The periodic work with a driven clock (SPEC §1.2, §1.4, §1.8): auto-close 7 days after
// resolution, lot expiry, and tickets of an ended subscription.
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// Sessions end after 7 idle days: a customer coming back weeks later logs in again.
void log_in_again(ApiClient& api, const std::string& email) {
  BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "correct horse battery"}}).status == 200);
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(scheduler, ServerFixture)

BOOST_AUTO_TEST_CASE(a_resolved_ticket_closes_itself_after_7_days_without_a_reply) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  server.advance_seconds(7 * kSecondsPerDay - 60);
  BOOST_TEST(server.server().scheduler().run_due_work().tickets_auto_closed == 0);
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "resolved");
  server.advance_seconds(60);
  BOOST_TEST(server.server().scheduler().run_due_work().tickets_auto_closed == 1);
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "closed");
  BOOST_TEST(ana.post(path + "/evaluation", {{"rating", 5}}).status == 201);  // now it can be rated
  BOOST_TEST(server.server().scheduler().run_due_work().tickets_auto_closed == 0);  // once
}

BOOST_AUTO_TEST_CASE(the_trial_expires_after_30_days) {
  ApiClient ana = customer("ana@example.com");
  server.advance_seconds(30 * kSecondsPerDay);
  const auto report = server.server().scheduler().run_due_work();
  BOOST_TEST(report.accounts_expired == 1);
  log_in_again(ana, "ana@example.com");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["trial_minutes_left"] == 0);
  BOOST_TEST(ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "late"}}).error_code() == "no_funding");
}

BOOST_AUTO_TEST_CASE(a_cancelled_subscription_serves_until_the_period_ends_then_closes_its_tickets) {
  ApiClient ana = customer("ana@example.com");
  const Id order = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "check"}}).body["id"].get<Id>();
  ApiClient admin = staff("boss@tessera.local", "admin");
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order) + "/payment", json::object()).status == 200);
  json body = ticket_body();
  body["funding"] = "subscription";
  const auto created = ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "s1"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  const std::string path = "/api/v1/tickets/" + std::to_string(created.body["ticket"]["id"].get<Id>());

  const auto cancelled = ana.post("/api/v1/subscription/cancel", json::object());
  BOOST_TEST_REQUIRE(cancelled.status == 200);
  BOOST_TEST(cancelled.body["balances"]["subscription"] == "cancelled");
  const Instant period_end = cancelled.body["balances"]["subscription_period_end"].get<Instant>();
  BOOST_TEST(period_end > server.now());
  server.advance_seconds(period_end - server.now() - 60);
  BOOST_TEST(server.server().scheduler().run_due_work().tickets_closed_for_subscription_end == 0);
  log_in_again(ana, "ana@example.com");
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "new");  // still usable
  server.advance_seconds(120);
  BOOST_TEST(server.server().scheduler().run_due_work().tickets_closed_for_subscription_end == 1);
  // A restart before 3 months after the cancellation is refused with the date it becomes possible.
  const auto restart = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "check"}});
  BOOST_TEST(restart.status == 409);
  BOOST_TEST(restart.error_code() == "restart_too_early");
  BOOST_TEST(restart.body["error"]["params"]["date"] == "2027-02-27");
  const auto after = ana.get(path);
  BOOST_TEST(after.status == 200);  // still readable
  BOOST_TEST(after.body["ticket"]["status"] == "closed_subscription_ended");
}

BOOST_AUTO_TEST_CASE(only_the_owner_cancels_and_only_a_subscription) {
  ApiClient ana = customer("ana@example.com");
  const auto none = ana.post("/api/v1/subscription/cancel", json::object());
  BOOST_TEST(none.status == 409);
  BOOST_TEST(none.error_code() == "no_subscription");
  BOOST_TEST(staff("olga@tessera.local").post("/api/v1/subscription/cancel", json::object()).error_code() == "owner_only");
}

BOOST_AUTO_TEST_SUITE_END()
