// A month and more of the scheduler (SPEC §1.2, §1.4, §1.8): one driven clock walked day by
// day over 40 days, the scheduler run at every step, six accounts living their lives — a
// bank-transfer subscription renewed within its grace, a check subscription left unpaid
// (grace, suspension, paid, usable again), a PayPal subscription renewed through the
// customer's approval, a pack lot expiring then rolled into a new pack (the SPEC §1.4 numbers),
// a resolved ticket closed 7 days later, a cancelled subscription ending with its open ticket.
// Every phase is checked through the API, as the customer and the admin see it.
#include "fake_paypal.hpp"
#include "fixtures.hpp"
#include "tessera/dates.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
constexpr const char* kPassword = "correct horse battery";

struct MonthFixture {
  FakePayPal paypal;
  TestServer server{[this](server::Config& config) {
    config.paypal = paypal.config(2);
    config.auth_attempts_per_minute = 1000;  // many log-ins at one instant of the driven clock
  }};
  Instant walk_start = 0;
  int day = 0;
  int renewal_orders_created = 0;
  int tickets_auto_closed = 0;
  int tickets_closed_for_subscription_end = 0;

  ApiClient sign_up(const std::string& email, const std::string& name) {
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email, name)).status == 201);
    return api;
  }
  // Sessions end after 7 idle days: every check logs in afresh, as a returning user would.
  ApiClient as(const std::string& email, const std::string& password = kPassword) {
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", password}}).status == 200);
    return api;
  }
  ApiClient admin() { return as("boss@tessera.local", "operator password"); }
  ApiClient operator_olga() { return as("olga@tessera.local", "operator password"); }

  // One day at a time up to `target` (days since the walk began), the scheduler at each step.
  void walk_to(int target) {
    while (day < target) {
      server.advance_seconds(kSecondsPerDay);
      ++day;
      const auto report = server.server().scheduler().run_due_work();
      renewal_orders_created += report.renewal_orders_created;
      tickets_auto_closed += report.tickets_auto_closed;
      tickets_closed_for_subscription_end += report.tickets_closed_for_subscription_end;
    }
  }
  Instant day_at(int n) const { return walk_start + n * kSecondsPerDay; }

  Id order_subscription(ApiClient& api, const std::string& method, int extra_users = 0) {
    const auto created = api.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", method}, {"extra_users", extra_users}});
    BOOST_TEST_REQUIRE(created.status == 201);
    return created.body["id"].get<Id>();
  }
  void record_payment(Id order) {
    const auto paid = admin().post("/api/v1/admin/orders/" + std::to_string(order) + "/payment", json::object());
    BOOST_TEST_REQUIRE(paid.status == 200);
    BOOST_TEST(paid.body["status"] == "paid");
  }
  Id open_ticket(ApiClient& api, const std::string& key, const std::string& funding) {
    json body = ticket_body("Ticket " + key);
    body["funding"] = funding;
    const auto created = api.post("/api/v1/tickets", body, {{"Idempotency-Key", key}});
    BOOST_TEST_REQUIRE(created.status == 201);
    return created.body["ticket"]["id"].get<Id>();
  }
  template <class Client>  // a kept client, or one just logged in
  void act(Client&& api, Id ticket, const std::string& action) {
    BOOST_TEST_REQUIRE(api.post(ticket_path(ticket) + "/actions", {{"action", action}}).status == 200);
  }
  static std::string ticket_path(Id ticket) { return "/api/v1/tickets/" + std::to_string(ticket); }
  std::string status_of(const std::string& email, Id ticket) {
    return as(email).get(ticket_path(ticket)).body["ticket"]["status"].get<std::string>();
  }
  json balances(const std::string& email) { return as(email).get("/api/v1/me").body["balances"]; }
  json orders(const std::string& email) { return as(email).get("/api/v1/orders").body["orders"]; }
  json invoices(const std::string& email) { return as(email).get("/api/v1/invoices").body["invoices"]; }
  static std::string paypal_id_of(const json& order) {
    const std::string url = order["approve_url"];
    return url.substr(url.find("token=") + 6);
  }
};

json renewal_orders_of(const json& orders) {
  json found = json::array();
  for (const json& order : orders)
    if (order["kind"] == "renewal") found.push_back(order);
  return found;
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(scheduler_month, MonthFixture)

BOOST_AUTO_TEST_CASE(forty_days_of_renewals_grace_suspension_expiry_rollover_and_closing) {
  server.create_staff("olga@tessera.local", "operator password", "Olga Operator");
  server.create_staff("boss@tessera.local", "operator password", "Boss Admin", "admin");

  // [Before the walk] 2026-11-27: Pat buys 20 tickets (valid 12 months) and uses 12 of them.
  ApiClient pat = sign_up("pat@example.com", "Pat Pack");
  const auto pack = pat.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_20"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(pack.status == 201);
  record_payment(pack.body["id"].get<Id>());
  const Id pat_ticket = open_ticket(pat, "pat-1", "units");
  act(operator_olga(), pat_ticket, "take");
  BOOST_TEST_REQUIRE(operator_olga().post(ticket_path(pat_ticket) + "/time", {{"minutes", 360}, {"note", "rebuilt the NAS"}}).status == 201);
  act(operator_olga(), pat_ticket, "resolve");
  act(pat, pat_ticket, "confirm_resolution");
  BOOST_TEST(balances("pat@example.com")["units_available"] == 8);

  // The walk starts a week before Pat's lot expires: 2027-11-20 09:00 UTC.
  server.advance_seconds(358 * kSecondsPerDay);
  walk_start = server.now();
  BOOST_TEST_REQUIRE(to_iso_utc(walk_start) == "2027-11-20T09:00:00Z");
  const Instant pat_lot_expiry = balances("pat@example.com")["next_expiry"].get<Instant>();
  BOOST_TEST(to_iso_utc(pat_lot_expiry) == "2027-11-27T09:00:00Z");

  // [Day 0] Four subscriptions start; Rita tries the service with her free trial.
  ApiClient bea = sign_up("bea@example.com", "Bea Transfer");
  const Id bea_order = order_subscription(bea, "bank_transfer");
  record_payment(bea_order);
  ApiClient carl = sign_up("carl@example.com", "Carl Check");
  record_payment(order_subscription(carl, "check", 2));
  ApiClient ken = sign_up("ken@example.com", "Ken Cancels");
  record_payment(order_subscription(ken, "check"));
  ApiClient dina = sign_up("dina@example.com", "Dina PayPal");
  const auto dina_order = dina.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "paypal"}});
  BOOST_TEST_REQUIRE(dina_order.status == 201);
  BOOST_TEST_REQUIRE(paypal.approve(paypal_id_of(dina_order.body)));
  BOOST_TEST_REQUIRE(dina.post("/api/v1/orders/" + std::to_string(dina_order.body["id"].get<Id>()) + "/capture",
                               json::object()).body["status"] == "paid");
  ApiClient rita = sign_up("rita@example.com", "Rita Trial");
  const Id rita_ticket = open_ticket(rita, "rita-1", "trial");
  act(operator_olga(), rita_ticket, "take");
  for (const char* email : {"bea@example.com", "carl@example.com", "ken@example.com", "dina@example.com"}) {
    BOOST_TEST_CONTEXT(email) {
      const json now = balances(email);
      BOOST_TEST(now["subscription"] == "active");
      BOOST_TEST(to_iso_utc(now["subscription_period_end"].get<Instant>()) == "2027-12-20T09:00:00Z");
    }
  }
  BOOST_TEST(balances("carl@example.com")["subscription_user_limit"] == 3);

  // [Days 1-7] Ken opens a ticket then cancels; Carl opens one an operator takes and removes
  // an extra user from the next period; Pat's lot expires on day 7 (8 units written off).
  walk_to(2);
  const Id ken_ticket = open_ticket(ken, "ken-1", "subscription");
  walk_to(3);
  const auto cancelled = ken.post("/api/v1/subscription/cancel", json::object());
  BOOST_TEST_REQUIRE(cancelled.status == 200);
  BOOST_TEST(cancelled.body["balances"]["subscription"] == "cancelled");
  walk_to(5);
  const Id carl_ticket = open_ticket(carl, "carl-1", "subscription");
  act(operator_olga(), carl_ticket, "take");
  const auto removed = carl.post("/api/v1/subscription/users", {{"action", "remove"}, {"count", 1}});
  BOOST_TEST_REQUIRE(removed.status == 200);
  BOOST_TEST(removed.body["balances"]["subscription_extra_users"] == 2);       // paid for this period
  BOOST_TEST(removed.body["balances"]["subscription_extra_users_next"] == 1);  // from the next one
  walk_to(6);
  BOOST_TEST(balances("pat@example.com")["units_available"] == 8);
  walk_to(7);
  BOOST_TEST(server.now() == pat_lot_expiry);
  BOOST_TEST(balances("pat@example.com")["units_available"] == 0);
  BOOST_TEST(balances("pat@example.com")["next_expiry"] == 0);

  // [Day 12] Pat buys a 1-ticket pack (valid 6 months): the 8 expired units roll into it.
  walk_to(12);
  const auto one = as("pat@example.com").post("/api/v1/orders",
                                              json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(one.status == 201);
  record_payment(one.body["id"].get<Id>());
  const json pat_now = balances("pat@example.com");
  BOOST_TEST(pat_now["units_available"] == 9);
  BOOST_TEST(to_iso_utc(pat_now["next_expiry"].get<Instant>()) == "2028-06-02T09:00:00Z");

  // [Days 14-21] Rita's ticket is resolved on day 14 and closes itself 7 days later.
  walk_to(14);
  act(operator_olga(), rita_ticket, "resolve");
  walk_to(20);
  BOOST_TEST(status_of("rita@example.com", rita_ticket) == "resolved");
  BOOST_TEST(tickets_auto_closed == 0);
  walk_to(21);
  BOOST_TEST(status_of("rita@example.com", rita_ticket) == "closed");
  BOOST_TEST(tickets_auto_closed == 1);

  // [Day 29] The day before the period ends: no renewal yet; Ken's ticket still open.
  walk_to(29);
  BOOST_TEST(renewal_orders_created == 0);
  BOOST_TEST(status_of("ken@example.com", ken_ticket) == "new");

  // [Day 30] Periods end: one renewal order each for Bea, Carl and Dina — none for Ken, whose
  // subscription ends and closes its open ticket. Bank transfer and check: grace; PayPal: none.
  walk_to(30);
  BOOST_TEST(renewal_orders_created == 3);
  BOOST_TEST(server.server().scheduler().run_due_work().renewal_orders_created == 0);  // once per period
  BOOST_TEST(tickets_closed_for_subscription_end == 1);
  BOOST_TEST(status_of("ken@example.com", ken_ticket) == "closed_subscription_ended");
  BOOST_TEST(balances("ken@example.com")["subscription"] == "ended");
  BOOST_TEST(renewal_orders_of(orders("ken@example.com")).empty());
  const json bea_renewals = renewal_orders_of(orders("bea@example.com"));
  BOOST_TEST_REQUIRE(bea_renewals.size() == 1u);
  BOOST_TEST(bea_renewals[0]["status"] == "pending_payment");
  BOOST_TEST(bea_renewals[0]["method"] == "bank_transfer");
  BOOST_TEST(bea_renewals[0]["gross"] == 5880);  // 4900 + 20 % VAT
  BOOST_TEST(bea_renewals[0]["instructions"]["reference"] == bea_renewals[0]["reference"]);
  const json carl_renewals = renewal_orders_of(orders("carl@example.com"));
  BOOST_TEST_REQUIRE(carl_renewals.size() == 1u);
  BOOST_TEST(carl_renewals[0]["extra_users"] == 1);  // the removal took effect at the renewal
  BOOST_TEST(carl_renewals[0]["gross"] == 7680);     // (4900 + 1500) + 20 % VAT
  BOOST_TEST(carl_renewals[0]["method"] == "check");
  const json dina_renewals = renewal_orders_of(orders("dina@example.com"));
  BOOST_TEST_REQUIRE(dina_renewals.size() == 1u);
  BOOST_TEST(dina_renewals[0]["status"] == "awaiting_approval");
  BOOST_TEST(balances("bea@example.com")["subscription"] == "grace");
  BOOST_TEST(balances("carl@example.com")["subscription"] == "grace");
  BOOST_TEST(balances("dina@example.com")["subscription"] == "suspended");
  BOOST_TEST(admin().get("/api/v1/admin/orders").body["orders"].size() == 2u);  // Bea's and Carl's

  // Dina pays her renewal through PayPal: checkout, approval, capture — active again.
  ApiClient dina_back = as("dina@example.com");
  const std::string dina_renewal = "/api/v1/orders/" + std::to_string(dina_renewals[0]["id"].get<Id>());
  const auto checkout = dina_back.post(dina_renewal + "/paypal", json::object());
  BOOST_TEST_REQUIRE(checkout.status == 200);
  BOOST_TEST_REQUIRE(paypal.approve(paypal_id_of(checkout.body)));
  BOOST_TEST_REQUIRE(dina_back.post(dina_renewal + "/capture", json::object()).body["status"] == "paid");
  BOOST_TEST(balances("dina@example.com")["subscription"] == "active");
  BOOST_TEST(to_iso_utc(balances("dina@example.com")["subscription_period_end"].get<Instant>()) ==
             "2028-01-20T09:00:00Z");
  BOOST_TEST(invoices("dina@example.com").size() == 2u);

  // [Day 32] Bea's transfer arrives within the grace: renewed to the same day next month, invoiced.
  walk_to(32);
  BOOST_TEST(balances("bea@example.com")["subscription"] == "grace");
  record_payment(bea_renewals[0]["id"].get<Id>());
  BOOST_TEST(balances("bea@example.com")["subscription"] == "active");
  BOOST_TEST(to_iso_utc(balances("bea@example.com")["subscription_period_end"].get<Instant>()) == "2028-01-20T09:00:00Z");
  const json bea_invoices = invoices("bea@example.com");
  BOOST_TEST_REQUIRE(bea_invoices.size() == 2u);
  BOOST_TEST(bea_invoices[0]["gross"] == 5880);
  BOOST_TEST(bea_invoices[0]["order_id"] == bea_renewals[0]["id"]);

  // [Days 36-37] Carl has not paid: the service continues through day 36, suspended on day 37.
  walk_to(36);
  BOOST_TEST(balances("carl@example.com")["subscription"] == "grace");
  BOOST_TEST(as("carl@example.com").post("/api/v1/tickets", ticket_body("During grace"), {{"Idempotency-Key", "carl-2"}}).status == 201);
  walk_to(37);
  BOOST_TEST(balances("carl@example.com")["subscription"] == "suspended");
  BOOST_TEST(balances("carl@example.com")["funding_options"].empty());
  const auto refused = as("carl@example.com").post("/api/v1/tickets", ticket_body("Suspended"), {{"Idempotency-Key", "carl-3"}});
  BOOST_TEST(refused.status == 402);
  BOOST_TEST(refused.error_code() == "subscription_suspended");
  // Work on a ticket opened before the suspension is recorded as overrun: it waits for funding.
  BOOST_TEST_REQUIRE(operator_olga().post(ticket_path(carl_ticket) + "/time", {{"minutes", 20}, {"note", "checked the logs"}}).status == 201);
  BOOST_TEST(status_of("carl@example.com", carl_ticket) == "awaiting_funding");
  BOOST_TEST(balances("carl@example.com")["overrun_minutes"] == 20);

  // [Day 39] Carl's check arrives: the subscription resumes in its chain (to 2028-01-20), the
  // overrun is covered, the ticket goes on, and new tickets are funded again.
  walk_to(39);
  record_payment(carl_renewals[0]["id"].get<Id>());
  const json carl_now = balances("carl@example.com");
  BOOST_TEST(carl_now["subscription"] == "active");
  BOOST_TEST(to_iso_utc(carl_now["subscription_period_end"].get<Instant>()) == "2028-01-20T09:00:00Z");
  BOOST_TEST(carl_now["overrun_minutes"] == 0);
  BOOST_TEST(carl_now["subscription_extra_users"] == 1);
  BOOST_TEST(carl_now["subscription_user_limit"] == 2);
  BOOST_TEST(status_of("carl@example.com", carl_ticket) == "in_progress");
  BOOST_TEST(as("carl@example.com").post("/api/v1/tickets", ticket_body("Back"), {{"Idempotency-Key", "carl-4"}}).status == 201);
  BOOST_TEST(invoices("carl@example.com").size() == 2u);

  // [Day 40] Nothing more is due: no new renewal order, nothing else closed.
  walk_to(40);
  BOOST_TEST(renewal_orders_created == 3);
  BOOST_TEST(tickets_auto_closed == 1);
  BOOST_TEST(tickets_closed_for_subscription_end == 1);
  BOOST_TEST(admin().get("/api/v1/admin/orders").body["orders"].empty());
  BOOST_TEST(day_at(40) == server.now());
}

BOOST_AUTO_TEST_SUITE_END()
