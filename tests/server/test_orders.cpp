// Buying over HTTP (SPEC §1.4–1.7): the public catalog, bank-transfer and check orders that
// wait for an admin, activation in the ledger, invoices with gapless yearly numbers, and an
// overrun settled by the next purchase.
#include <SQLiteCpp/Database.h>

#include <set>
#include <memory>
#include <thread>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
json pack_order(const std::string& code = "pack_1", const std::string& method = "bank_transfer") {
  return {{"kind", "pack"}, {"offer_code", code}, {"method", method}};
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(orders, ServerFixture)

BOOST_AUTO_TEST_CASE(the_catalog_is_public) {
  ApiClient visitor = new_client();
  const auto catalog = visitor.get("/api/v1/catalog");
  BOOST_TEST_REQUIRE(catalog.status == 200);
  BOOST_TEST(catalog.body["packs"].size() == 3u);
  BOOST_TEST(catalog.body["minute_blocks"].size() == 3u);
  BOOST_TEST(catalog.body.contains("subscription"));
}

BOOST_AUTO_TEST_CASE(a_bank_transfer_waits_then_the_admin_records_it_and_it_is_invoiced) {
  ApiClient ana = customer("ana@example.com");
  const auto created = ana.post("/api/v1/orders", pack_order());
  BOOST_TEST_REQUIRE(created.status == 201);
  BOOST_TEST(created.body["status"] == "pending_payment");
  BOOST_TEST(created.body["net"] == 4500);
  BOOST_TEST(created.body["vat"] == 900);
  BOOST_TEST(created.body["gross"] == 5400);
  const std::string reference = created.body["reference"];
  BOOST_TEST(reference.rfind("ORD-", 0) == 0u);
  BOOST_TEST(created.body["instructions_key"] == "payment.bank_transfer_instructions");
  BOOST_TEST(created.body["instructions"]["reference"] == reference);
  BOOST_TEST(created.body["instructions"]["amount"] == "54.00");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["units_available"] == 0);  // not before payment

  ApiClient admin = staff("boss@tessera.local", "admin");
  const auto pending = admin.get("/api/v1/admin/orders");
  BOOST_TEST_REQUIRE(pending.body["orders"].size() == 1u);
  const Id order_id = created.body["id"].get<Id>();
  const auto paid = admin.post("/api/v1/admin/orders/" + std::to_string(order_id) + "/payment", json::object());
  BOOST_TEST_REQUIRE(paid.status == 200);
  BOOST_TEST(paid.body["status"] == "paid");
  BOOST_TEST(paid.body["paid_at"] == server.now());
  BOOST_TEST(admin.get("/api/v1/admin/orders").body["orders"].empty());

  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["units_available"] == 1);
  BOOST_TEST(me.body["balances"]["funding_options"] == json::array({"units", "trial"}));
  const auto invoices = ana.get("/api/v1/invoices");
  BOOST_TEST_REQUIRE(invoices.body["invoices"].size() == 1u);
  BOOST_TEST(invoices.body["invoices"][0]["number"] == "2026-000001");
  const Id invoice_id = invoices.body["invoices"][0]["id"].get<Id>();
  const auto invoice = ana.get("/api/v1/invoices/" + std::to_string(invoice_id));
  BOOST_TEST_REQUIRE(invoice.status == 200);
  BOOST_TEST(invoice.body["gross"] == 5400);
  BOOST_TEST(invoice.body["vat"] == 900);
  BOOST_TEST(invoice.body["payment_method"] == "bank_transfer");
  BOOST_TEST(invoice.body["buyer"]["email"] == "ana@example.com");
  BOOST_TEST(invoice.body["lines"][0]["description"] == "Pack of 1 ticket, valid 6 months");

  const auto pdf = ana.get("/api/v1/invoices/" + std::to_string(invoice_id) + "/pdf");
  BOOST_TEST(pdf.status == 200);
  BOOST_TEST(pdf.raw.rfind("%PDF-", 0) == 0u);
  BOOST_TEST(pdf.headers.find("Content-Type")->second == "application/pdf");
  BOOST_TEST(pdf.headers.find("Content-Disposition")->second.find("invoice-2026-000001.pdf") != std::string::npos);
  BOOST_TEST(customer("eve@example.com").get("/api/v1/invoices/" + std::to_string(invoice_id) + "/pdf").status == 404);

  const auto again = admin.post("/api/v1/admin/orders/" + std::to_string(order_id) + "/payment", json::object());
  BOOST_TEST(again.status == 409);  // paid once only
  BOOST_TEST(again.error_code() == "order_not_payable");
}

BOOST_AUTO_TEST_CASE(invoice_lines_are_in_the_buyers_language) {
  ApiClient lea = new_client();
  BOOST_TEST_REQUIRE(lea.post("/api/v1/auth/signup", signup_body("lea@example.fr", "Léa", "fr")).status == 201);
  const auto created = lea.post("/api/v1/orders", json{{"kind", "minutes"}, {"offer_code", "minutes_60"}, {"method", "check"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  BOOST_TEST(created.body["instructions_key"] == "payment.check_instructions");
  ApiClient admin = staff("boss@tessera.local", "admin");
  admin.post("/api/v1/admin/orders/" + std::to_string(created.body["id"].get<Id>()) + "/payment", json::object());
  const auto invoices = lea.get("/api/v1/invoices");
  const auto invoice = lea.get("/api/v1/invoices/" + std::to_string(invoices.body["invoices"][0]["id"].get<Id>()));
  BOOST_TEST(invoice.body["lines"][0]["description"] == "Banque de 60 minutes, valable 12 mois");
  BOOST_TEST(lea.get("/api/v1/me").body["balances"]["bank_minutes_available"] == 60);
}

BOOST_AUTO_TEST_CASE(orders_and_invoices_are_private_to_their_account) {
  ApiClient ana = customer("ana@example.com");
  const auto created = ana.post("/api/v1/orders", pack_order());
  const std::string order_id = std::to_string(created.body["id"].get<Id>());
  const std::string order_path = "/api/v1/orders/" + order_id;
  ApiClient admin = staff("boss@tessera.local", "admin");
  admin.post("/api/v1/admin/orders/" + order_id + "/payment", json::object());
  const Id invoice_id = ana.get("/api/v1/invoices").body["invoices"][0]["id"].get<Id>();

  ApiClient bob = customer("bob@example.com");
  BOOST_TEST(bob.get(order_path).status == 404);
  BOOST_TEST(bob.post(order_path + "/cancel", json::object()).status == 404);
  BOOST_TEST(bob.get("/api/v1/invoices/" + std::to_string(invoice_id)).status == 404);
  BOOST_TEST(bob.get("/api/v1/invoices").body["invoices"].empty());
  BOOST_TEST(bob.get("/api/v1/orders").body["orders"].empty());
  // Customers and operators cannot record payments or see what waits for one.
  BOOST_TEST(bob.post("/api/v1/admin/orders/1/payment", json::object()).status == 403);
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get("/api/v1/admin/orders").status == 403);
  BOOST_TEST(olga.post("/api/v1/admin/orders/1/payment", json::object()).status == 403);
  BOOST_TEST(new_client().get("/api/v1/invoices").status == 401);
}

BOOST_AUTO_TEST_CASE(bad_orders_get_field_errors_and_store_nothing) {
  ApiClient ana = customer("ana@example.com");
  const auto unknown = ana.post("/api/v1/orders", pack_order("pack_999"));
  BOOST_TEST(unknown.status == 400);
  BOOST_TEST(unknown.error_code() == "unknown_offer");
  BOOST_TEST(unknown.body["error"]["field"] == "offer_code");
  const auto method = ana.post("/api/v1/orders", pack_order("pack_1", "cash"));
  BOOST_TEST(method.status == 400);
  BOOST_TEST(method.body["error"]["field"] == "method");
  const auto users = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"extra_users", -1}, {"method", "check"}});
  BOOST_TEST(users.error_code() == "invalid_user_count");
  BOOST_TEST(ana.get("/api/v1/orders").body["orders"].empty());
}

BOOST_AUTO_TEST_CASE(a_cancelled_order_cannot_be_paid) {
  ApiClient ana = customer("ana@example.com");
  const Id id = ana.post("/api/v1/orders", pack_order()).body["id"].get<Id>();
  BOOST_TEST(ana.post("/api/v1/orders/" + std::to_string(id) + "/cancel", json::object()).body["status"] == "cancelled");
  ApiClient admin = staff("boss@tessera.local", "admin");
  BOOST_TEST(admin.post("/api/v1/admin/orders/" + std::to_string(id) + "/payment", json::object()).status == 409);
  BOOST_TEST(ana.get("/api/v1/invoices").body["invoices"].empty());
}

BOOST_AUTO_TEST_CASE(a_subscription_is_activated_and_a_second_one_refused_before_payment) {
  ApiClient ana = customer("ana@example.com");
  const auto created = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"extra_users", 2}, {"method", "check"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  BOOST_TEST(created.body["net"] == 4900 + 2 * 1500);
  ApiClient admin = staff("boss@tessera.local", "admin");
  admin.post("/api/v1/admin/orders/" + std::to_string(created.body["id"].get<Id>()) + "/payment", json::object());
  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["subscription"] == "active");
  BOOST_TEST(me.body["balances"]["funding_options"][0] == "subscription");
  const auto second = ana.post("/api/v1/orders", json{{"kind", "subscription"}, {"method", "check"}});
  BOOST_TEST(second.status == 409);
  BOOST_TEST(second.error_code() == "subscription_already_active");
}

BOOST_AUTO_TEST_CASE(a_purchase_settles_the_overrun_and_the_ticket_resumes) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  BOOST_TEST(olga.post(path + "/time", {{"minutes", 25}, {"note", "long"}}).body["ticket"]["status"] == "awaiting_funding");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["overrun_minutes"] == 10);
  const Id order = ana.post("/api/v1/orders", json{{"kind", "minutes"}, {"offer_code", "minutes_60"}, {"method", "check"}})
                       .body["id"].get<Id>();
  ApiClient admin = staff("boss@tessera.local", "admin");
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order) + "/payment", json::object()).status == 200);
  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["overrun_minutes"] == 0);
  BOOST_TEST(me.body["balances"]["bank_minutes_available"] < 60);  // the purchase paid the overrun first
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "in_progress");
}

BOOST_AUTO_TEST_CASE(twenty_concurrent_payments_get_twenty_consecutive_invoice_numbers) {
  std::vector<Id> orders;
  for (int i = 0; i < 20; ++i) {
    ApiClient buyer = customer("buyer" + std::to_string(i) + "@example.com");
    orders.push_back(buyer.post("/api/v1/orders", pack_order()).body["id"].get<Id>());
  }
  ApiClient admin = staff("boss@tessera.local", "admin");
  const std::string cookie = admin.cookie();
  // Every payer connects first (the listen backlog is small), then all pay at the same moment.
  std::vector<std::unique_ptr<ApiClient>> payers_clients;
  for (std::size_t i = 0; i < orders.size(); ++i) {
    auto payer = std::make_unique<ApiClient>(server.port());
    payer->set_keep_alive(true);
    payer->set_cookie(cookie);
    BOOST_TEST_REQUIRE(payer->get("/api/v1/health").status == 200);
    payers_clients.push_back(std::move(payer));
  }
  std::vector<std::thread> payers;
  std::atomic<int> paid{0};
  std::atomic<bool> go{false};
  std::vector<int> statuses(orders.size(), 0);
  for (std::size_t i = 0; i < orders.size(); ++i)
    payers.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      statuses[i] = payers_clients[i]->post("/api/v1/admin/orders/" + std::to_string(orders[i]) + "/payment",
                                            json::object()).status;
      if (statuses[i] == 200) ++paid;
    });
  go = true;
  for (auto& payer : payers) payer.join();
  for (std::size_t i = 0; i < orders.size(); ++i) BOOST_TEST(statuses[i] == 200, "payment " << i);
  BOOST_TEST(paid.load() == 20);
  SQLite::Database db(server.db_path(), SQLite::OPEN_READONLY);
  SQLite::Statement numbers(db, "SELECT number FROM invoices ORDER BY sequence");
  std::vector<std::string> seen;
  while (numbers.executeStep()) seen.push_back(numbers.getColumn(0).getString());
  BOOST_TEST_REQUIRE(seen.size() == 20u);
  for (int i = 0; i < 20; ++i) {
    char expected[16];
    std::snprintf(expected, sizeof expected, "2026-%06d", i + 1);
    BOOST_TEST(seen[static_cast<std::size_t>(i)] == expected);
  }
}

BOOST_AUTO_TEST_CASE(stored_invoices_cannot_be_changed) {
  ApiClient ana = customer("ana@example.com");
  const Id id = ana.post("/api/v1/orders", pack_order()).body["id"].get<Id>();
  ApiClient admin = staff("boss@tessera.local", "admin");
  admin.post("/api/v1/admin/orders/" + std::to_string(id) + "/payment", json::object());
  SQLite::Database db(server.db_path(), SQLite::OPEN_READWRITE);
  BOOST_CHECK_THROW(db.exec("UPDATE invoices SET gross = 1"), SQLite::Exception);
  BOOST_CHECK_THROW(db.exec("DELETE FROM invoices"), SQLite::Exception);
  BOOST_TEST(db.execAndGet("SELECT gross FROM invoices").getInt64() == 5400);
}

BOOST_AUTO_TEST_SUITE_END()
