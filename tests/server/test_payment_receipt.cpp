// Recording a bank transfer or a check (SPEC §1.6): what arrived is checked against the order
// (amount, day, reference) before anything is paid, kept in the audit log, and the account's
// customers hear of it on their event stream (an `account` event) — no other account, no staff.
#include <chrono>
#include <future>
#include <thread>

#include "fixtures.hpp"
#include "tessera/dates.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {

std::string today_iso(TestServer& server) { return to_iso(utc_date_of(server.now())); }
}  // namespace

BOOST_FIXTURE_TEST_SUITE(payment_receipt, ServerFixture)

BOOST_AUTO_TEST_CASE(a_wrong_receipt_pays_nothing_and_a_right_one_is_audited) {
  ApiClient ana = customer("ana@example.com");
  const auto order = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  const Id id = order.body["id"].get<Id>();
  const Cents gross = order.body["gross"].get<Cents>();
  ApiClient boss = staff("boss@tessera.local", "admin");
  const std::string path = "/api/v1/admin/orders/" + std::to_string(id) + "/payment";

  const auto wrong_amount = boss.post(path, {{"amount", gross - 1}, {"received_on", today_iso(server)}, {"reference", "VIR 1"}});
  BOOST_TEST(wrong_amount.status == 400);
  BOOST_TEST(wrong_amount.error_code() == "payment_amount_mismatch");
  BOOST_TEST(wrong_amount.body["error"]["field"] == "amount");
  const auto future_day = boss.post(path, {{"amount", gross}, {"received_on", "2099-01-01"}, {"reference", "VIR 1"}});
  BOOST_TEST(future_day.error_code() == "date_in_future");
  const auto no_reference = boss.post(path, {{"amount", gross}, {"received_on", today_iso(server)}});
  BOOST_TEST(no_reference.error_code() == "required");
  BOOST_TEST(no_reference.body["error"]["field"] == "reference");
  // Nothing was paid: the order still waits, the account has no unit, no invoice.
  BOOST_TEST(boss.get("/api/v1/admin/orders").body["orders"].size() == 1u);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 0);
  BOOST_TEST(ana.get("/api/v1/invoices").body["invoices"].empty());

  const auto paid = boss.post(path, {{"amount", gross}, {"received_on", today_iso(server)}, {"reference", " VIR 2026-42 "}});
  BOOST_TEST_REQUIRE(paid.status == 200);
  BOOST_TEST(paid.body["status"] == "paid");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 1);
  bool audited = false;
  const auto audit = boss.get("/api/v1/admin/audit");
  for (const auto& entry : audit.body["entries"])
    if (entry["action"] == "payment_receipt")
      audited = entry["details"]["receipt"] == json{{"amount", gross}, {"received_on", today_iso(server)}, {"reference", "VIR 2026-42"}};
  BOOST_TEST(audited);
  BOOST_TEST(boss.post(path, json::object()).error_code() == "order_not_payable");
}

BOOST_AUTO_TEST_CASE(the_account_hears_of_its_payment_and_no_one_else_does) {
  ApiClient ana = customer("ana@example.com");
  ApiClient bob = customer("bob@example.com");
  ApiClient olga = staff("olga@tessera.local");
  const auto order = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "check"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  const Id account = ana.get("/api/v1/me").body["user"]["account_id"].get<Id>();
  const std::string wanted = "event: account\ndata: {\"account_id\":" + std::to_string(account);
  auto ana_stream = listen(server.port(), ana.cookie(), wanted, 10);
  auto bob_stream = listen(server.port(), bob.cookie(), wanted, 3);
  auto olga_stream = listen(server.port(), olga.cookie(), wanted, 3);
  for (int waited = 0; server.server().context().events().stream_count() < 3 && waited < 500; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  BOOST_TEST_REQUIRE(server.server().context().events().stream_count() == 3u);
  ApiClient boss = staff("boss@tessera.local", "admin");
  BOOST_TEST_REQUIRE(boss.post("/api/v1/admin/orders/" + order.body["id"].dump() + "/payment", json::object()).status == 200);
  BOOST_TEST(ana_stream.get().find(wanted) != std::string::npos);
  BOOST_TEST(bob_stream.get().find("event: account") == std::string::npos);
  BOOST_TEST(olga_stream.get().find("event: account") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(revenue_by_month_counts_the_invoices_issued) {
  ApiClient ana = customer("ana@example.com");
  ApiClient boss = staff("boss@tessera.local", "admin");
  BOOST_TEST(boss.get("/api/v1/admin/revenue").body["months"].empty());
  Cents gross = 0;
  for (int i = 0; i < 2; ++i) {
    const auto order = ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "check"}});
    BOOST_TEST_REQUIRE(order.status == 201);
    gross += order.body["gross"].get<Cents>();
    BOOST_TEST_REQUIRE(boss.post("/api/v1/admin/orders/" + order.body["id"].dump() + "/payment", json::object()).status == 200);
  }
  ana.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "check"}});  // unpaid: no invoice
  const auto revenue = boss.get("/api/v1/admin/revenue");
  BOOST_TEST_REQUIRE(revenue.status == 200);
  BOOST_TEST_REQUIRE(revenue.body["months"].size() == 1u);
  BOOST_TEST(revenue.body["months"][0]["month"] == to_iso(utc_date_of(server.now())).substr(0, 7));
  BOOST_TEST(revenue.body["months"][0]["invoices"] == 2);
  BOOST_TEST(revenue.body["months"][0]["gross"] == gross);
  BOOST_TEST(ana.get("/api/v1/admin/revenue").status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
