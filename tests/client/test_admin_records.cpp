// The back office's records, headless against a real server: a signed time adjustment found
// by the ticket's reference (below zero and without a reason refused at their fields), the
// numbers (open tickets, the board, revenue from invoices) drawn as charts, the conference's
// slots added and removed, the contact messages and the audit log with its filters.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "tessera/dates.hpp"

using namespace tessera;
using namespace tessera::client::testing;
using tessera::client::make_httplib_api;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;
using nlohmann::json;

namespace {

constexpr const char* kAdminPassword = "admin password 1";

struct Office {
  TestServer server;
  Device device;
  std::unique_ptr<FrameDriver> driver;
  Office() {
    server.create_staff("boss@tessera.local", kAdminPassword, "Béatrice", "admin");
    device.browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
    driver = std::make_unique<FrameDriver>(make_httplib_api(server.base_url()), Language::en, &device);
    log_in(*driver, "boss@tessera.local", kAdminPassword);
  }
  FrameDriver& d() { return *driver; }
  json admin() { return d().state()["admin"]; }
  void open(const std::string& address, const std::string& screen) {
    d().app().navigate(address);
    BOOST_REQUIRE(d().wait_until([&] { return d().app().screen() == screen && !d().app().busy(); }));
    d().step(2);
  }
};

void replace(FrameDriver& driver, const std::string& id, const std::string& text) {
  BOOST_REQUIRE(driver.type(id, ""));
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);
  driver.type_text(text);
  driver.step();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_records)

BOOST_AUTO_TEST_CASE(a_signed_adjustment_with_a_reason_corrects_the_time_worked) {
  Office office;
  ApiClient zoe = api_customer(office.server, "zoe@example.org");
  const Id id = api_ticket(zoe, "Printer offline", "adjust-1");
  ApiClient olga = api_staff(office.server, "olga@tessera.local");
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(olga.post(path + "/time", {{"minutes", 10}, {"note", "drivers"}}, {{"Idempotency-Key", "t-1"}}).status == 201);

  office.open("/admin/adjustments", "admin_adjustments_find");
  BOOST_REQUIRE(office.d().type("adjust.lookup", "T-" + std::string(6 - std::to_string(id).size(), '0') + std::to_string(id)));
  BOOST_REQUIRE(office.d().click("adjust.find"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.d().app().screen() == "admin_adjustments" && office.admin()["adjustment"]["loaded"] == true; }));
  office.d().step();
  BOOST_TEST(office.admin()["adjustment"]["minutes_worked"] == 10);
  BOOST_TEST(office.d().state()["address"] == "/admin/tickets/" + std::to_string(id) + "/adjustments");

  BOOST_REQUIRE(office.d().type("adjust.minutes", "-11"));
  BOOST_REQUIRE(office.d().type("adjust.note", "logged twice"));
  BOOST_REQUIRE(office.d().click("adjust.submit"));
  office.d().step();
  BOOST_TEST(office.d().state()["error"]["code"] == "adjustment_below_zero");
  BOOST_TEST(office.d().state()["error"]["field"] == "adjustment.minutes");
  replace(office.d(), "adjust.minutes", "-4");
  replace(office.d(), "adjust.note", "   ");
  BOOST_REQUIRE(office.d().click("adjust.submit"));
  office.d().step();
  BOOST_TEST(office.d().state()["error"]["code"] == "note_required");
  BOOST_TEST(office.d().state()["error"]["field"] == "adjustment.note");
  replace(office.d(), "adjust.note", "the driver download counted twice");
  BOOST_REQUIRE(office.d().click("adjust.submit"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.admin()["adjustment"]["saved"] == true; }));
  BOOST_TEST(office.admin()["adjustment"]["minutes_worked"] == 6);
  BOOST_TEST(zoe.get(path).body["ticket"]["minutes_worked"] == 6);
  no_missing_texts(office.d());
}

BOOST_AUTO_TEST_CASE(an_unknown_ticket_says_so) {
  Office office;
  office.open("/admin/tickets/999/adjustments", "admin_adjustments");
  BOOST_TEST(office.admin()["adjustment"]["missing"] == true);
  office.open("/admin/adjustments", "admin_adjustments_find");
  BOOST_REQUIRE(office.d().type("adjust.lookup", "printer"));
  BOOST_REQUIRE(office.d().click("adjust.find"));
  office.d().step();
  BOOST_TEST(office.d().state()["error"]["field"] == "adjustment.lookup");
  no_missing_texts(office.d());
}

BOOST_AUTO_TEST_CASE(the_numbers_chart_open_tickets_and_revenue) {
  Office office;
  office.open("/admin/numbers", "admin_numbers");
  // The empty state: nothing open, nothing invoiced.
  BOOST_TEST(office.admin()["numbers"]["open_total"] == 0);
  BOOST_TEST(office.admin()["numbers"]["revenue_months"] == 0);
  BOOST_TEST(office.d().state()["texts"]["numbers.revenue_chart"] == "");
  ApiClient zoe = api_customer(office.server, "zoe@example.org");
  api_ticket(zoe, "Printer offline", "numbers-1");  // high
  const auto order = zoe.post("/api/v1/orders", {{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "check"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  ApiClient boss(office.server.port());
  BOOST_TEST_REQUIRE(boss.post("/api/v1/auth/login", {{"email", "boss@tessera.local"}, {"password", kAdminPassword}}).status == 200);
  BOOST_TEST_REQUIRE(boss.post("/api/v1/admin/orders/" + order.body["id"].dump() + "/payment", json::object()).status == 200);
  BOOST_REQUIRE(office.d().click("numbers.refresh"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.admin()["numbers"]["revenue_months"] == 1 && !office.d().app().busy(); }));
  office.d().step();
  BOOST_TEST(office.admin()["numbers"]["open_total"] == 1);
  const std::string open_chart = office.d().state()["texts"]["numbers.open_chart"];
  BOOST_TEST(open_chart.find("High=1") != std::string::npos, open_chart);
  const std::string revenue_chart = office.d().state()["texts"]["numbers.revenue_chart"];
  BOOST_TEST(revenue_chart.find("Nov 26=") != std::string::npos, revenue_chart);
  no_missing_texts(office.d());
}

BOOST_AUTO_TEST_CASE(conference_slots_are_added_and_removed) {
  Office office;
  office.open("/admin/conference", "admin_conference");
  BOOST_TEST(office.admin()["slots"].empty());
  BOOST_TEST(office.admin()["steps"].empty());
  const Date tomorrow = add_days(utc_date_of(office.server.now()), 1);
  BOOST_REQUIRE(office.d().type("slot.date", "2020-01-01"));
  BOOST_REQUIRE(office.d().type("slot.time", "10:00"));
  BOOST_REQUIRE(office.d().click("slot.add"));
  BOOST_REQUIRE(office.d().wait_until([&] { return !office.d().state()["error"].is_null(); }));
  BOOST_TEST(office.d().state()["error"]["code"] == "slot_in_past");
  BOOST_TEST(office.d().state()["error"]["field"] == "slot.starts_at");
  replace(office.d(), "slot.date", to_iso(tomorrow));
  BOOST_REQUIRE(office.d().click("slot.add"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.admin()["slots"].size() == 1u && !office.d().app().busy(); }));
  office.d().step();
  BOOST_TEST(office.admin()["slots"][0]["starts_at"] == utc_instant(tomorrow, 10, 0));
  const auto slot = office.admin()["slots"][0]["id"].get<Id>();
  BOOST_REQUIRE(office.d().click("slot." + std::to_string(slot) + ".remove"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.admin()["slots"].empty() && !office.d().app().busy(); }));
  no_missing_texts(office.d());
}

BOOST_AUTO_TEST_CASE(contact_messages_and_the_filtered_audit_log) {
  Office office;
  office.open("/admin/contact", "admin_contact");
  BOOST_TEST(office.admin()["contact_messages"] == 0);
  ApiClient visitor(office.server.port());
  BOOST_TEST_REQUIRE(visitor.post("/api/v1/contact", {{"name", "Zoé"}, {"email", "zoe@example.com"}, {"message", "Do you do Macs?"}}).status == 201);
  BOOST_REQUIRE(office.d().click("contact.refresh"));
  BOOST_REQUIRE(office.d().wait_until([&] { return office.admin()["contact_messages"] == 1; }));

  ApiClient boss(office.server.port());
  BOOST_TEST_REQUIRE(boss.post("/api/v1/auth/login", {{"email", "boss@tessera.local"}, {"password", kAdminPassword}}).status == 200);
  BOOST_TEST_REQUIRE(boss.post("/api/v1/admin/operators", {{"name", "Pablo"}, {"email", "pablo@tessera.local"},
                                                           {"password", "a good password"}, {"languages", {"es"}}}).status == 201);
  office.open("/admin/audit", "admin_audit");
  const auto all = office.admin()["audit_shown"].get<std::size_t>();
  BOOST_TEST(all >= 1u);
  office.d().app().admin.audit.action = "staff_created";  // the combo's choice
  office.d().step();
  BOOST_TEST(office.admin()["audit_shown"] == 1);
  BOOST_REQUIRE(office.d().type("audit.from", "2099-01-01"));
  BOOST_TEST(office.admin()["audit_shown"] == 0);
  replace(office.d(), "audit.from", to_iso(utc_date_of(office.server.now())));
  BOOST_TEST(office.admin()["audit_shown"] == 1);
  replace(office.d(), "audit.actor", "424242");
  BOOST_TEST(office.admin()["audit_shown"] == 0);
  no_missing_texts(office.d());
}

BOOST_AUTO_TEST_SUITE_END()
