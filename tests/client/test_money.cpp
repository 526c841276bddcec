// Client money screens, headless against a real server (and the fake PayPal server): support
// time in its states (loading, error with Retry, empty, filled — lots with expiry, history with
// running balances, a ticket's cost statement), buying a pack by bank transfer (price with
// VAT, the instructions, pending until the admin records it, then 20 units), invoices and the
// PDF download, minutes by PayPal (activated; a declined capture says why), the subscription
// (pro-rata users priced before paying, cancel → usable until, restart refused with the date),
// the phone layout; and no text missing in any language.
#include <boost/test/unit_test.hpp>

#include <deque>

#include "client_fixtures.hpp"
#include "fake_paypal.hpp"
#include "scripted_api.hpp"
#include "tessera/texts.hpp"

using namespace tessera;
using namespace tessera::client::testing;
using tessera::client::HttpResponse;
using tessera::client::make_httplib_api;
using tessera::testing::ApiClient;
using tessera::testing::FakePayPal;
using tessera::testing::TestServer;
using nlohmann::json;

namespace {

std::string text_of(FrameDriver& driver, const std::string& id) {
  const auto texts = driver.state()["texts"];
  return texts.contains(id) ? texts[id].get<std::string>() : std::string();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void open(FrameDriver& driver, const std::string& address) {
  driver.app().navigate(address);
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
}

// A customer signed up through the API, logged in through the screens, the clock of the
// "browser" set to the server's.
void sign_in(FrameDriver& driver, TestServer& server, const std::string& email, const std::string& language = "en") {
  api_customer(server, email, language);
  driver.device().browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
  log_in(driver, email);
}

ApiClient admin(TestServer& server) {
  server.create_staff("boss@example.org", "operator password", "Boss", "admin");
  ApiClient api(server.port());
  BOOST_REQUIRE(api.post("/api/v1/auth/login", {{"email", "boss@example.org"}, {"password", "operator password"}}).status == 200);
  return api;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(money_screens)

BOOST_AUTO_TEST_CASE(support_time_of_a_new_customer_shows_the_trial_and_nothing_bought_yet) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::fr);
  sign_in(driver, server, "zoe@example.org", "fr");
  open(driver, "/time");
  BOOST_TEST(driver.state()["screen"] == "support_time");
  BOOST_TEST(text_of(driver, "title") == std::string(tr("money.time.title", Language::fr)));
  BOOST_TEST(contains(text_of(driver, "money.trial"), "15 min restantes sur 15"));
  BOOST_TEST(text_of(driver, "money.empty") == std::string(tr("money.time.nothing_bought", Language::fr)));
  BOOST_TEST(text_of(driver, "money.history.0") == "Essai gratuit accordé");
  BOOST_TEST(text_of(driver, "money.history.0.balance") == "15 min");
  BOOST_TEST(driver.app().widget_rect("money.empty.buy").has_value());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(support_time_shows_loading_then_an_error_with_retry_then_the_ledger) {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> answers;
  const json me{{"user", {{"id", 7}, {"account_id", 3}, {"name", "Zoé"}, {"email", "zoe@example.org"}, {"role", "customer"},
                          {"language", "en"}, {"account_owner", true}}},
                {"balances", {{"trial_minutes_granted", 15}, {"trial_minutes_left", 15}, {"trial_expires_at", 1798000000}}}};
  HttpResponse ledger_answer{500, R"({"error":{"code":"internal","message":"boom"}})"};
  auto api = std::make_shared<ScriptedApi>(sent, answers);
  api->respond = [&](const std::string& path) -> HttpResponse {
    if (path == "/api/v1/me") return {200, me.dump()};
    if (path == "/api/v1/account/ledger") return ledger_answer;
    return {404, R"({"error":{"code":"not_found"}})"};
  };
  api->hold_path = "/api/v1/account/ledger";  // the ledger's answer does not come yet
  Device device;
  device.browser.show_address("/time", true);
  FrameDriver driver(api, Language::en, &device);
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().signed_in() && !driver.app().session.starting; }));
  driver.step(2);
  // In flight: the screen says it is loading.
  BOOST_TEST(driver.state()["screen"] == "support_time");
  BOOST_REQUIRE(api->pending() > 0);
  BOOST_TEST(text_of(driver, "money.ledger.state") == "loading");
  BOOST_TEST(!driver.app().widget_rect("money.ledger.retry").has_value());
  // The ledger fails: the reason, translated, and Retry.
  api->hold_path.clear();
  driver.step(3);
  BOOST_TEST(driver.state()["money"]["ledger_error"] == "internal");
  BOOST_TEST(text_of(driver, "money.ledger.error") == std::string(tr("error.internal", Language::en)));
  BOOST_TEST(text_of(driver, "money.ledger.state").empty());
  // Retry, and this time the ledger comes.
  const json ledger{{"lots", json::array({{{"id", 1}, {"kind", "ticket_units"}, {"offer_code", "pack_20"}, {"starts_at", 1790000000},
                                           {"expires_at", 1821000000}, {"bought", 20}, {"used", 17}, {"left", 3}}})},
                    {"history", json::array({{{"at", 1790000000}, {"kind", "lot_purchased"}, {"balance_kind", "units"},
                                              {"change", 20}, {"balance", 20}, {"order", 4}}})}};
  ledger_answer = {200, ledger.dump()};
  const auto asked_before = sent.size();
  BOOST_REQUIRE(driver.click("money.ledger.retry"));
  driver.step(3);
  BOOST_TEST(sent.size() > asked_before);
  BOOST_TEST(driver.state()["money"]["ledger_error"].is_null());
  BOOST_TEST(!driver.app().widget_rect("money.ledger.retry").has_value());
  BOOST_TEST(text_of(driver, "money.lot.1.left") == "3 tickets");
  // 3 of 20 left: under 20 %, warned; and it is the next expiry.
  BOOST_TEST(contains(text_of(driver, "money.low.1"), "Less than 20 %"));
  BOOST_TEST(contains(text_of(driver, "money.next_expiry"), "3 tickets of \"Pack of 20 tickets\""));
  BOOST_TEST(text_of(driver, "money.history.0") == "Purchase paid (ORD-000004)");
  BOOST_TEST(text_of(driver, "money.history.0.change") == "+20 tickets");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_pack_bought_by_bank_transfer_is_pending_then_gives_20_units_with_expiry_and_an_invoice) {
  TestServer server;
  ApiClient boss = admin(server);
  FrameDriver driver(make_httplib_api(server.base_url()));
  sign_in(driver, server, "zoe@example.org");
  open(driver, "/buy");
  BOOST_TEST(driver.state()["screen"] == "buy");
  BOOST_REQUIRE(driver.click("buy.kind.pack"));
  BOOST_REQUIRE(driver.click("buy.offer.pack_20"));
  BOOST_REQUIRE(driver.click("buy.method.bank_transfer"));
  driver.step();
  BOOST_TEST(driver.state()["money"]["price"]["gross"] == 96000);  // 800.00 + 20 % VAT
  BOOST_TEST(text_of(driver, "buy.total") == "Total incl. VAT: €960.00");
  BOOST_REQUIRE(driver.click("buy.submit"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  auto state = driver.state();
  BOOST_TEST(state["screen"] == "order");
  const Id order_id = state["money"]["order"]["id"].get<Id>();
  const std::string reference = state["money"]["order"]["reference"];
  BOOST_TEST(state["money"]["order"]["status"] == "pending_payment");
  BOOST_TEST(contains(text_of(driver, "order.instructions"), reference));
  BOOST_TEST(contains(text_of(driver, "order.instructions"), "IBAN"));
  BOOST_TEST(contains(text_of(driver, "order.status"), "activation takes a few days"));

  // Nothing yet on the balance; the admin records the transfer.
  open(driver, "/time");
  BOOST_TEST(driver.state()["balances"]["units_available"] == 0);
  BOOST_REQUIRE(boss.post("/api/v1/admin/orders/" + std::to_string(order_id) + "/payment", json::object()).status == 200);
  open(driver, "/time");
  state = driver.state();
  BOOST_TEST(state["balances"]["units_available"] == 20);
  BOOST_TEST(text_of(driver, "money.units") == "20 tickets");
  const auto& lots = state["money"]["ledger"]["lots"];
  BOOST_REQUIRE(lots.size() == 2u);
  const auto pack = lots[1]["kind"] == "ticket_units" ? lots[1] : lots[0];
  const std::string lot = std::to_string(pack["id"].get<Id>());
  BOOST_TEST(text_of(driver, "money.lot." + lot + ".left") == "20 tickets");
  BOOST_TEST(text_of(driver, "money.lot." + lot + ".expires") == "27 Nov 2027");  // 12 months from 27 Nov 2026
  BOOST_TEST(text_of(driver, "money.empty").empty());

  // The invoice: number, amount, method, and its PDF downloaded.
  open(driver, "/invoices");
  state = driver.state();
  BOOST_REQUIRE(state["money"]["invoices"].size() == 1u);
  const std::string invoice = std::to_string(state["money"]["invoices"][0]["id"].get<Id>());
  BOOST_TEST(text_of(driver, "money.invoice." + invoice + ".number") == "2026-000001");
  BOOST_TEST(text_of(driver, "money.invoice." + invoice + ".amount") == "€960.00");
  BOOST_REQUIRE(driver.click("money.invoice." + invoice + ".pdf"));
  BOOST_REQUIRE(!driver.device().browser.downloads.empty());
  BOOST_TEST(driver.device().browser.downloads.back() == "/api/v1/invoices/" + invoice + "/pdf");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(minutes_bought_by_paypal_are_activated_and_a_declined_capture_says_why) {
  FakePayPal paypal;
  TestServer server([&](tessera::server::Config& config) {
    config.paypal = paypal.config();
    config.paypal.return_url = "http://127.0.0.1/#paypal-return";
    config.paypal.cancel_url = "http://127.0.0.1/#paypal-cancel";
  });
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  sign_in(driver, server, "zoe@example.org", "es");
  const auto buy_by_paypal = [&] {
    open(driver, "/buy");
    BOOST_REQUIRE(driver.click("buy.kind.minutes"));
    BOOST_REQUIRE(driver.click("buy.offer.minutes_60"));
    BOOST_REQUIRE(driver.click("buy.method.paypal"));
    BOOST_REQUIRE(driver.click("buy.submit"));
    BOOST_REQUIRE(driver.settle());
    driver.step();
    const auto& opened = driver.device().browser.opened_urls;
    BOOST_REQUIRE(!opened.empty());
    const std::string url = opened.back();
    BOOST_REQUIRE(contains(url, "token="));
    return url.substr(url.find("token=") + 6);
  };
  // Approved on PayPal, back on the return address: captured, activated.
  std::string token = buy_by_paypal();
  BOOST_TEST(driver.state()["money"]["paypal_pending"].get<Id>() > 0);
  BOOST_REQUIRE(paypal.approve(token));
  open(driver, "/paypal-return?token=" + token + "&PayerID=FAKEPAYER0001");
  BOOST_TEST(driver.state()["screen"] == "paypal_return");
  BOOST_TEST(driver.state()["money"]["paypal"]["paid"] == "paid");
  BOOST_TEST(contains(text_of(driver, "paypal.result"), "está activado"));
  BOOST_REQUIRE(driver.settle());
  BOOST_TEST(driver.state()["balances"]["bank_minutes_available"] == 60);

  // A second purchase whose capture PayPal declines: the reason, in Spanish, and Try again.
  token = buy_by_paypal();
  BOOST_REQUIRE(paypal.approve(token));
  paypal.decline_next_capture();
  driver.app().navigate("/paypal-return?token=" + token + "&PayerID=FAKEPAYER0001");
  // Entered again while the capture is in flight (as the browser's address event does): the
  // capture is asked once, not twice (a second one could be charged).
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().money.paypal.capturing || driver.app().money.paypal.declined; }));
  driver.app().reload_screen();
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(paypal.count_requests("POST", "/v2/checkout/orders/" + token + "/capture") == 1);
  BOOST_TEST(driver.state()["money"]["paypal"]["declined"] == "paypal_declined");
  BOOST_TEST(text_of(driver, "paypal.result") == std::string(tr("error.paypal_declined", Language::es)));
  BOOST_TEST(text_of(driver, "paypal.reason") == std::string(tr("money.paypal.issue.INSTRUMENT_DECLINED", Language::es)));
  BOOST_TEST(driver.app().widget_rect("paypal.retry").has_value());
  BOOST_TEST(driver.state()["balances"]["bank_minutes_available"] == 60);  // nothing more
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(subscription_users_priced_pro_rata_cancel_usable_until_and_restart_refused_with_the_date) {
  TestServer server;
  ApiClient boss = admin(server);
  FrameDriver driver(make_httplib_api(server.base_url()));
  sign_in(driver, server, "zoe@example.org");
  open(driver, "/subscription");
  BOOST_TEST(text_of(driver, "subscription.state") == "You have no subscription.");
  BOOST_REQUIRE(driver.click("subscription.subscribe"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["screen"] == "buy");
  BOOST_TEST(driver.state()["money"]["buy"]["kind"] == "subscription");
  BOOST_REQUIRE(driver.click("buy.method.bank_transfer"));
  BOOST_REQUIRE(driver.click("buy.submit"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  const Id order_id = driver.state()["money"]["order"]["id"].get<Id>();
  BOOST_REQUIRE(boss.post("/api/v1/admin/orders/" + std::to_string(order_id) + "/payment", json::object()).status == 200);

  // 15 days into the 30-day period: 2 users cost 2 × 15.00 × 15 / 30 = 15.00 + VAT.
  server.advance_seconds(15 * kSecondsPerDay);
  driver.device().browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
  log_in(driver, "zoe@example.org");
  open(driver, "/subscription");
  BOOST_TEST(contains(text_of(driver, "subscription.state"), "ends on 27 Dec 2026"));
  BOOST_REQUIRE(driver.click("subscription.add_count"));  // the field holds 1: select it, type 2
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);
  driver.type_text("2");
  driver.press_enter();
  driver.step(2);
  BOOST_TEST(driver.app().money.add_users == 2);
  BOOST_TEST(text_of(driver, "subscription.pro_rata") == "2 users until 27 Dec 2026: €15.00 + VAT €3.00 = €18.00");
  BOOST_REQUIRE(driver.click("subscription.method.bank_transfer"));
  BOOST_REQUIRE(driver.click("subscription.add"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "order");
  BOOST_TEST(driver.state()["money"]["order"]["gross"] == 1800);  // what the screen said

  // Cancel: what happens is said before, and after.
  open(driver, "/subscription");
  BOOST_TEST(contains(text_of(driver, "subscription.state"), "active"));
  BOOST_REQUIRE(driver.click("subscription.cancel"));
  driver.step(2);
  BOOST_REQUIRE(driver.click("subscription.cancel_yes"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(text_of(driver, "subscription.notice") == "Subscription cancelled: usable until 27 Dec 2026.");
  BOOST_TEST(driver.state()["balances"]["subscription"] == "cancelled");
  BOOST_TEST(contains(text_of(driver, "subscription.state"), "usable until 27 Dec 2026"));

  // A restart is refused with the date it becomes possible (3 months after cancelling), while
  // the period still runs and once it is over.
  BOOST_REQUIRE(driver.click("subscription.restart"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["error"]["code"] == "restart_too_early");
  BOOST_TEST(driver.state()["error"]["text"] == "You can start a subscription again from 12 Mar 2027 (3 months after cancelling).");
  server.advance_seconds(20 * kSecondsPerDay);
  driver.device().browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
  log_in(driver, "zoe@example.org");
  open(driver, "/subscription");
  BOOST_REQUIRE(driver.click("subscription.restart"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  const auto state = driver.state();
  BOOST_TEST(state["error"]["code"] == "restart_too_early");
  BOOST_TEST(state["error"]["text"] == "You can start a subscription again from 12 Mar 2027 (3 months after cancelling).");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_ticket_cost_statement_lists_every_time_entry_with_its_cost) {
  TestServer server;
  ApiClient boss = admin(server);
  ApiClient olga = api_staff(server, "olga@example.org");
  ApiClient zoe = api_customer(server, "zoe@example.org");
  const auto order = zoe.post("/api/v1/orders", {{"kind", "pack"}, {"offer_code", "pack_20"}, {"method", "check"}});
  BOOST_REQUIRE(order.status == 201);
  BOOST_REQUIRE(boss.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment", json::object()).status == 200);
  const auto created = zoe.post("/api/v1/tickets",
                                {{"subject", "Router"}, {"description", "Down."}, {"category", "network"}, {"criticality", "high"},
                                 {"language", "en"}, {"funding", "units"}},
                                {{"Idempotency-Key", "t1"}});
  BOOST_REQUIRE(created.status == 201);
  const std::string ticket = std::to_string(created.body["ticket"]["id"].get<Id>());
  BOOST_REQUIRE(olga.post("/api/v1/tickets/" + ticket + "/actions", {{"action", "take"}}).status == 200);
  BOOST_REQUIRE(olga.post("/api/v1/tickets/" + ticket + "/time", {{"minutes", 20}, {"note", "Reset the router"}}).status == 201);
  BOOST_REQUIRE(olga.post("/api/v1/tickets/" + ticket + "/time", {{"minutes", 22}, {"note", "Firmware"}}).status == 201);

  FrameDriver driver(make_httplib_api(server.base_url()));
  driver.device().browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
  log_in(driver, "zoe@example.org");
  open(driver, "/time");
  // Newest first: the last history line (row 4: the second unit charged) has the ticket's Cost button.
  const auto history = driver.state()["money"]["ledger"]["history"];
  BOOST_REQUIRE(history.size() == 4u);  // trial, pack, reserved, charged
  BOOST_TEST(text_of(driver, "money.history.3.balance") == "18 tickets");
  BOOST_REQUIRE(driver.click("money.history.3.cost"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["screen"] == "ticket_cost");
  BOOST_TEST(text_of(driver, "money.cost.total") == "Cost: " + describe_cost(Cost{.units = 2}, Language::en) + " (42 min worked)");
  BOOST_TEST(text_of(driver, "money.cost.entry.0.minutes") == "20 min");
  BOOST_TEST(text_of(driver, "money.cost.entry.0.cost") == describe_cost(Cost{.units = 1}, Language::en));
  BOOST_TEST(text_of(driver, "money.cost.entry.1.minutes") == "22 min");
  BOOST_TEST(text_of(driver, "money.cost.entry.1.cost") == describe_cost(Cost{.units = 1}, Language::en));

  // On a phone: one column, the same facts.
  ImGui::GetIO().DisplaySize = ImVec2(390.0f, 844.0f);
  driver.step(2);
  BOOST_TEST(text_of(driver, "money.cost.entry.1.cost") == describe_cost(Cost{.units = 1}, Language::en));
  open(driver, "/time");
  BOOST_TEST(text_of(driver, "money.history.3.change") == "-1 ticket");
  BOOST_TEST(driver.app().widget_rect("money.history.3.cost").has_value());
  const auto rect = driver.app().widget_rect("money.history.3.cost");
  BOOST_TEST(rect->x + rect->w <= 390.0f);
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(every_money_text_exists_in_the_three_languages) {
  for (const auto& entry : all_texts()) {
    if (entry.key.rfind("money.", 0) != 0) continue;
    BOOST_TEST(!entry.fr.empty(), entry.key);
    BOOST_TEST(!entry.en.empty(), entry.key);
    BOOST_TEST(!entry.es.empty(), entry.key);
  }
}

BOOST_AUTO_TEST_SUITE_END()
