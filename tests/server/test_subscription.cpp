// The subscription's seats and renewal orders over HTTP (SPEC §1.2): extra users bought pro
// rata and removed from the next period, their errors; the renewal order of a period (once,
// not cancellable, cancelled when the subscription is); a restart 3 months after cancelling;
// extra users by PayPal never charged once their period is over.
#include <SQLiteCpp/Database.h>

#include "fake_paypal.hpp"
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
struct SubscriptionFixture : ServerFixture {
  ApiClient subscriber(const std::string& email, int extra_users = 0) {
    ApiClient api = customer(email);
    const auto order =
        api.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "bank_transfer"}, {"extra_users", extra_users}});
    BOOST_TEST_REQUIRE(order.status == 201);
    pay(order.body["id"].get<Id>());
    return api;
  }
  // The admin records a transfer (logged in afresh: sessions end after 7 idle days).
  void pay(Id order) {
    if (!admin_created) server.create_staff("boss@tessera.local", "operator password", "Boss Admin", "admin");
    admin_created = true;
    ApiClient boss = new_client();
    BOOST_TEST_REQUIRE(boss.post("/api/v1/auth/login", {{"email", "boss@tessera.local"}, {"password", "operator password"}}).status == 200);
    const auto paid = boss.post("/api/v1/admin/orders/" + std::to_string(order) + "/payment", json::object());
    BOOST_TEST_REQUIRE(paid.status == 200);
  }
  void log_in_again(ApiClient& api, const std::string& email) {
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "correct horse battery"}}).status == 200);
  }
  bool admin_created = false;
};

json users(const std::string& action, int count) { return {{"action", action}, {"count", count}}; }
}  // namespace

BOOST_FIXTURE_TEST_SUITE(subscription_seats_and_renewals, SubscriptionFixture)

BOOST_AUTO_TEST_CASE(extra_users_are_bought_pro_rata_and_removed_from_the_next_period) {
  ApiClient ana = subscriber("ana@example.com");  // 2026-11-27 .. 2026-12-27: 30 days
  server.advance_seconds(15 * kSecondsPerDay);    // 15 days left
  log_in_again(ana, "ana@example.com");
  const auto order = ana.post("/api/v1/subscription/users", users("add", 2));
  BOOST_TEST_REQUIRE(order.status == 201);
  BOOST_TEST(order.body["kind"] == "extra_users");
  BOOST_TEST(order.body["extra_users"] == 2);
  BOOST_TEST(order.body["method"] == "bank_transfer");  // the subscription's own method by default
  BOOST_TEST(order.body["status"] == "pending_payment");
  BOOST_TEST(order.body["net"] == 1500);  // 2 x 1500 x 15 / 30
  BOOST_TEST(order.body["gross"] == 1800);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription_user_limit"] == 1);  // not paid yet
  pay(order.body["id"].get<Id>());
  json balances = ana.get("/api/v1/me").body["balances"];
  BOOST_TEST(balances["subscription_included_users"] == 1);
  BOOST_TEST(balances["subscription_extra_users"] == 2);
  BOOST_TEST(balances["subscription_user_limit"] == 3);
  const auto invoices = ana.get("/api/v1/invoices").body["invoices"];
  BOOST_TEST_REQUIRE(invoices.size() == 2u);
  BOOST_TEST(invoices[0]["gross"] == 1800);

  const auto removed = ana.post("/api/v1/subscription/users", users("remove", 1));
  BOOST_TEST_REQUIRE(removed.status == 200);
  BOOST_TEST(removed.body["balances"]["subscription_extra_users"] == 2);
  BOOST_TEST(removed.body["balances"]["subscription_extra_users_next"] == 1);
  BOOST_TEST(removed.body["balances"]["subscription_user_limit"] == 3);  // until the period ends
  const auto too_many = ana.post("/api/v1/subscription/users", users("remove", 2));
  BOOST_TEST(too_many.status == 409);
  BOOST_TEST(too_many.error_code() == "too_many_users_removed");

  // The renewal is priced with the next period's users, and then the limit follows it.
  server.advance_seconds(15 * kSecondsPerDay);
  BOOST_TEST(server.server().scheduler().run_due_work().renewal_orders_created == 1);
  log_in_again(ana, "ana@example.com");
  const json renewal = ana.get("/api/v1/orders").body["orders"][0];
  BOOST_TEST(renewal["kind"] == "renewal");
  BOOST_TEST(renewal["extra_users"] == 1);
  BOOST_TEST(renewal["net"] == 4900 + 1500);
  pay(renewal["id"].get<Id>());
  balances = ana.get("/api/v1/me").body["balances"];
  BOOST_TEST(balances["subscription_extra_users"] == 1);
  BOOST_TEST(balances["subscription_user_limit"] == 2);
}

BOOST_AUTO_TEST_CASE(seat_changes_are_refused_with_reasons) {
  ApiClient ana = customer("ana@example.com");
  BOOST_TEST(ana.post("/api/v1/subscription/users", users("add", 1)).error_code() == "no_subscription");
  BOOST_TEST(ana.post("/api/v1/subscription/users", users("remove", 1)).error_code() == "no_subscription");
  BOOST_TEST(ana.post("/api/v1/subscription/users", users("add", 0)).status == 400);
  BOOST_TEST(ana.post("/api/v1/subscription/users", {{"action", "sell"}, {"count", 1}}).body["error"]["field"] == "action");
  BOOST_TEST(staff("olga@tessera.local").post("/api/v1/subscription/users", users("add", 1)).status == 403);
  BOOST_TEST(new_client().post("/api/v1/subscription/users", users("add", 1)).status == 401);
  // Not through POST /orders.
  BOOST_TEST(ana.post("/api/v1/orders", json{{"kind", "extra_users"}, {"method", "check"}}).body["error"]["field"] == "kind");

  ApiClient bob = subscriber("bob@example.com");
  const auto none_to_remove = bob.post("/api/v1/subscription/users", users("remove", 1));
  BOOST_TEST(none_to_remove.status == 409);
  BOOST_TEST(none_to_remove.error_code() == "too_many_users_removed");
  bob.post("/api/v1/subscription/cancel", json::object());
  const auto cancelled = bob.post("/api/v1/subscription/users", users("add", 1));
  BOOST_TEST(cancelled.status == 409);
  BOOST_TEST(cancelled.error_code() == "subscription_cancelled");
}

BOOST_AUTO_TEST_CASE(the_renewal_order_is_made_once_is_not_cancellable_and_goes_with_the_subscription) {
  ApiClient ana = subscriber("ana@example.com", 1);
  server.advance_seconds(30 * kSecondsPerDay);  // 2026-12-27: the period ends
  auto& scheduler = server.server().scheduler();
  BOOST_TEST(scheduler.run_due_work().renewal_orders_created == 1);
  BOOST_TEST(scheduler.run_due_work().renewal_orders_created == 0);
  log_in_again(ana, "ana@example.com");
  const json renewal = ana.get("/api/v1/orders").body["orders"][0];
  BOOST_TEST(renewal["kind"] == "renewal");
  const std::string path = "/api/v1/orders/" + std::to_string(renewal["id"].get<Id>());
  BOOST_TEST(ana.post(path + "/cancel", json::object()).error_code() == "renewal_order_not_cancellable");
  BOOST_TEST(ana.post(path + "/paypal", json::object()).error_code() == "paypal_checkout_not_needed");  // a bank transfer
  const auto pending = ana.post("/api/v1/subscription/users", users("remove", 1));
  BOOST_TEST(pending.status == 409);
  BOOST_TEST(pending.error_code() == "renewal_pending");
  // Another account sees none of it.
  ApiClient eve = customer("eve@example.com");
  BOOST_TEST(eve.post(path + "/paypal", json::object()).status == 404);
  BOOST_TEST(eve.get(path).status == 404);

  // Cancelling during the grace ends the subscription; its renewal order goes with it.
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription"] == "grace");
  BOOST_TEST_REQUIRE(ana.post("/api/v1/subscription/cancel", json::object()).status == 200);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription"] == "ended");
  const auto report = scheduler.run_due_work();
  BOOST_TEST(report.unpaid_orders_cancelled == 1);
  BOOST_TEST(report.renewal_orders_created == 0);
  BOOST_TEST(ana.get(path).body["status"] == "cancelled");
}

BOOST_AUTO_TEST_CASE(a_restart_is_refused_before_3_months_and_works_after) {
  ApiClient ana = subscriber("ana@example.com");
  BOOST_TEST_REQUIRE(ana.post("/api/v1/subscription/cancel", json::object()).status == 200);  // 2026-11-27
  server.advance_seconds(89 * kSecondsPerDay);  // 2027-02-24
  log_in_again(ana, "ana@example.com");
  const auto early = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "check"}});
  BOOST_TEST(early.status == 409);
  BOOST_TEST(early.error_code() == "restart_too_early");
  BOOST_TEST(early.body["error"]["params"]["date"] == "2027-02-27");
  server.advance_seconds(3 * kSecondsPerDay);  // 2027-02-27
  const auto restart = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "check"}});
  BOOST_TEST_REQUIRE(restart.status == 201);
  pay(restart.body["id"].get<Id>());
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription"] == "active");
}

BOOST_AUTO_TEST_CASE(extra_users_paid_days_later_cost_what_the_invoice_says) {
  ApiClient ana = subscriber("ana@example.com");  // 2026-11-27 .. 2026-12-27: 30 days
  server.advance_seconds(15 * kSecondsPerDay);
  log_in_again(ana, "ana@example.com");
  const auto order = ana.post("/api/v1/subscription/users", users("add", 2));  // 15 days left: 1500
  BOOST_TEST_REQUIRE(order.body["net"] == 1500);
  server.advance_seconds(5 * kSecondsPerDay);  // the transfer arrives 5 days later
  pay(order.body["id"].get<Id>());
  // The ledger records what the invoice charged, not a pro rata of the 10 days left (1000).
  SQLite::Database db(server.db_path(), SQLite::OPEN_READONLY);
  SQLite::Statement added(db, "SELECT entry FROM ledger_entries WHERE json_extract(entry, '$.kind') = 'extra_users_added'");
  BOOST_TEST_REQUIRE(added.executeStep());
  BOOST_TEST(json::parse(added.getColumn(0).getString())["cents"] == 1500);
  SQLite::Statement invoice(db, "SELECT invoice_json FROM invoices ORDER BY id DESC LIMIT 1");
  BOOST_TEST_REQUIRE(invoice.executeStep());
  BOOST_TEST(json::parse(invoice.getColumn(0).getString())["net"] == 1500);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
struct PayPalSeatsFixture {
  FakePayPal paypal;
  TestServer server{[this](server::Config& config) { config.paypal = paypal.config(2); }};
  static std::string paypal_id_of(const json& order) {
    const std::string url = order["approve_url"];
    return url.substr(url.find("token=") + 6);
  }
  void log_in_again(ApiClient& api) {
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 200);
  }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(subscription_seats_paypal, PayPalSeatsFixture)

BOOST_AUTO_TEST_CASE(extra_users_are_not_charged_once_their_period_is_over) {
  ApiClient ana(server.port());
  BOOST_TEST_REQUIRE(ana.post("/api/v1/auth/signup", signup_body("ana@example.com")).status == 201);
  const auto subscription = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "paypal"}});
  BOOST_TEST_REQUIRE(paypal.approve(paypal_id_of(subscription.body)));
  BOOST_TEST_REQUIRE(ana.post("/api/v1/orders/" + std::to_string(subscription.body["id"].get<Id>()) + "/capture",
                              json::object()).status == 200);
  server.advance_seconds(25 * kSecondsPerDay);  // 5 of 30 days left
  log_in_again(ana);
  const auto seats = ana.post("/api/v1/subscription/users", users("add", 1));
  BOOST_TEST_REQUIRE(seats.status == 201);
  BOOST_TEST(seats.body["method"] == "paypal");
  BOOST_TEST(seats.body["net"] == 250);  // 1500 x 5 / 30
  BOOST_TEST_REQUIRE(paypal.approve(paypal_id_of(seats.body)));
  const std::string path = "/api/v1/orders/" + std::to_string(seats.body["id"].get<Id>());

  // The period ends before the capture: PayPal has no grace, the users cannot be delivered.
  server.advance_seconds(5 * kSecondsPerDay);
  log_in_again(ana);
  const auto refused = ana.post(path + "/capture", json::object());
  BOOST_TEST(refused.status == 409);
  BOOST_TEST(refused.error_code() == "subscription_not_usable");
  BOOST_TEST(paypal.captures_performed() == 1);  // the subscription only
  const auto report = server.server().scheduler().run_due_work();
  BOOST_TEST(report.renewal_orders_created == 1);
  BOOST_TEST(report.unpaid_orders_cancelled == 1);
  BOOST_TEST(ana.get(path).body["status"] == "cancelled");
  BOOST_TEST(ana.post(path + "/capture", json::object()).error_code() == "order_not_payable");
  BOOST_TEST(paypal.captures_performed() == 1);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["subscription_user_limit"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
