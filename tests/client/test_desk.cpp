// The operator's desk, headless against a real server: the queue in the operator's languages,
// most critical first, with due times, filters, the language switches, pages and the
// keyboard; its loading, empty, error and filled states; a ticket worked with the timer kept
// across a reload, the minutes proposed and their cost shown before logging, an internal note
// the customer never receives, triage, and the phone layout. No text may be missing.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "tessera/texts.hpp"

using namespace tessera::client::testing;
using tessera::Id;
using tessera::Language;
using tessera::tr;
using tessera::client::make_httplib_api;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;
using nlohmann::json;

namespace {

Id ticket_in(ApiClient& api, const std::string& subject, const std::string& language, const std::string& criticality,
             const std::string& category = "software") {
  static int key = 0;
  const auto answer = api.post("/api/v1/tickets",
                               {{"subject", subject}, {"description", "Since this morning."}, {"category", category},
                                {"criticality", criticality}, {"language", language}},
                               {{"Idempotency-Key", "desk-" + std::to_string(++key)}});
  BOOST_TEST_REQUIRE(answer.status == 201);
  return answer.body["ticket"]["id"].get<Id>();
}

std::vector<std::string> queue_subjects(const json& state) {
  std::vector<std::string> subjects;
  for (const auto& ticket : state["queue"]) subjects.push_back(ticket["subject"].get<std::string>());
  return subjects;
}

void settle(FrameDriver& driver) {
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
}

// An Api that answers the queue with 503 while `fail_queue` is set, and passes the rest on.
class FlakyQueueApi final : public tessera::client::Api {
 public:
  explicit FlakyQueueApi(std::shared_ptr<Api> inner) : inner_(std::move(inner)) {}
  void send(const std::string& method, const std::string& path, const std::string& body,
            const tessera::client::HttpHeaders& headers, tessera::client::ResponseHandler done) override {
    if (fail_queue && path.find("/api/v1/queue") == 0) {
      failed_.push_back(std::move(done));
      return;
    }
    inner_->send(method, path, body, headers, std::move(done));
  }
  void poll() override {
    inner_->poll();
    auto failed = std::move(failed_);
    failed_.clear();
    for (auto& done : failed) done(tessera::client::HttpResponse{503, R"({"error":{"code":"internal","message":"down"}})"});
  }
  bool fail_queue = false;

 private:
  std::shared_ptr<Api> inner_;
  std::vector<tessera::client::ResponseHandler> failed_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(desk)

BOOST_AUTO_TEST_CASE(a_spanish_speaker_sees_only_spanish_tickets_most_critical_first_and_opens_one_by_keyboard) {
  TestServer server;
  server.create_staff("sofia@example.org", "operator password", "Sofía", "operator", "es");
  ApiClient customer = api_customer(server, "ana@example.org", "es");
  ticket_in(customer, "Correo lento", "es", "low");
  ticket_in(customer, "Printer on fire", "en", "critical");
  ticket_in(customer, "Sin red", "es", "critical", "network");
  ticket_in(customer, "Imprimante", "fr", "high");
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  log_in(driver, "sofia@example.org", "operator password");
  driver.app().set_language(Language::es);  // (made by the test server in English)
  settle(driver);
  auto state = driver.state();
  BOOST_TEST(state["screen"] == "queue");
  BOOST_TEST(queue_subjects(state) == (std::vector<std::string>{"Sin red", "Correo lento"}), boost::test_tools::per_element());
  BOOST_TEST(state["texts"]["queue.state"] == "2 tickets abiertos");
  // The critical one is due within its 60 open minutes, or overdue if the office is closed now.
  const auto& first = state["queue"][0];
  BOOST_TEST((first["overdue"] == true || first["open_minutes_left"].get<tessera::Minutes>() <= 60));
  // Only the operator's language to switch: Spanish, on.
  BOOST_TEST(driver.app().widget_rect("queue.lang.es").has_value());
  BOOST_TEST(!driver.app().widget_rect("queue.lang.fr").has_value());
  // The keyboard: ↓ chooses the second row, Enter opens it.
  BOOST_TEST(state["queue_selected"] == 0);
  driver.press_key(ImGuiKey_DownArrow);
  driver.step(2);
  BOOST_TEST(driver.state()["queue_selected"] == 1);
  driver.press_key(ImGuiKey_DownArrow);  // the last row stays chosen
  driver.step(2);
  BOOST_TEST(driver.state()["queue_selected"] == 1);
  driver.press_enter();
  settle(driver);
  state = driver.state();
  BOOST_TEST(state["screen"] == "operator_ticket");
  BOOST_TEST(state["ticket"]["ticket"]["subject"] == "Correo lento");
  BOOST_TEST(state["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(filters_language_switches_pages_and_the_empty_and_error_states) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator", "fr,es");
  ApiClient customer = api_customer(server, "ana@example.org");
  ticket_in(customer, "Imprimante bloquée", "fr", "high", "hardware");
  for (int i = 0; i < 21; ++i) ticket_in(customer, "Correo " + std::to_string(i), "es", "normal");
  auto flaky = std::make_shared<FlakyQueueApi>(make_httplib_api(server.base_url()));
  FrameDriver driver(flaky, Language::fr);
  log_in(driver, "olga@example.org", "operator password");
  driver.app().set_language(Language::fr);
  settle(driver);
  auto state = driver.state();
  BOOST_TEST(state["queue_total"] == 22);
  BOOST_TEST(state["queue"].size() == 20u);  // one page
  BOOST_TEST(state["queue"][0]["subject"] == "Imprimante bloquée");
  BOOST_TEST(state["texts"]["queue.page"] == "1–20 sur 22");
  BOOST_REQUIRE(driver.click("queue.next"));
  settle(driver);
  BOOST_TEST(driver.state()["queue"].size() == 2u);
  BOOST_TEST(driver.state()["queue_offset"] == 20);
  driver.press_key(ImGuiKey_PageUp);  // back to the first page from the keyboard
  settle(driver);
  BOOST_TEST(driver.state()["queue_offset"] == 0);

  // Spanish off: only the French ticket, and the choice is on the device.
  BOOST_REQUIRE(driver.click("queue.lang.es"));
  settle(driver);
  state = driver.state();
  BOOST_TEST(queue_subjects(state) == std::vector<std::string>{"Imprimante bloquée"}, boost::test_tools::per_element());
  BOOST_TEST(state["queue_languages"] == json::array({"fr"}));
  BOOST_REQUIRE(driver.click("queue.lang.fr"));  // the last one cannot go: it stays on
  settle(driver);
  BOOST_TEST(driver.state()["queue_languages"] == json::array({"fr"}));
  BOOST_REQUIRE(driver.click("queue.lang.es"));
  settle(driver);
  BOOST_TEST(driver.state()["queue_languages"].empty());  // every language again
  BOOST_TEST(driver.state()["queue_total"] == 22);

  // The category filter, then text nobody wrote: the empty state, and Clear the filters.
  BOOST_REQUIRE(driver.click("queue.category"));
  driver.step(2);
  BOOST_REQUIRE(driver.click("queue.category.hardware"));
  settle(driver);
  BOOST_TEST(queue_subjects(driver.state()) == std::vector<std::string>{"Imprimante bloquée"}, boost::test_tools::per_element());
  BOOST_REQUIRE(driver.type("queue.search", "zzz"));
  settle(driver);
  state = driver.state();
  BOOST_TEST(state["queue"].empty());
  BOOST_TEST(state["texts"]["queue.state"] == std::string(tr("desk.empty_filtered", Language::fr)));
  BOOST_TEST(state["fields"]["queue.search"] == "zzz");
  BOOST_REQUIRE(driver.click("queue.clear_filters"));
  settle(driver);
  BOOST_TEST(driver.state()["queue_total"] == 22);

  // The server cannot answer: the error, with Try again; it answers again: the queue.
  flaky->fail_queue = true;
  driver.app().reload_screen();
  settle(driver);
  state = driver.state();
  BOOST_TEST(state["queue_error"] == "internal");
  BOOST_TEST(state["texts"]["queue.state"] == std::string(tr("error.internal", Language::fr)));
  flaky->fail_queue = false;
  BOOST_REQUIRE(driver.click("queue.retry"));
  settle(driver);
  BOOST_TEST(driver.state()["queue_error"].is_null());
  BOOST_TEST(driver.state()["queue"].size() == 20u);
  BOOST_TEST(driver.state()["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(an_operator_with_nothing_to_do_sees_the_empty_queue) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator", "en");
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "olga@example.org", "operator password");
  settle(driver);
  BOOST_TEST(driver.state()["texts"]["queue.state"] == std::string(tr("queue.empty", Language::en)));
  BOOST_TEST(driver.state()["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(the_timer_survives_a_reload_proposes_rounded_up_minutes_and_shows_the_cost) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator", "en");
  ApiClient customer = api_customer(server, "ana@example.org");
  const Id id = ticket_in(customer, "Mail is slow", "en", "normal");
  const std::string address = "/tickets/" + std::to_string(id);
  std::shared_ptr<tessera::client::Api> api = make_httplib_api(server.base_url());  // one cookie jar: one browser
  Device device;
  {
    FrameDriver driver(api, Language::en, &device);
    log_in(driver, "olga@example.org", "operator password");
    driver.app().navigate(address);
    settle(driver);
    BOOST_TEST(!driver.app().widget_rect("op.timer.start").has_value());  // not taken: no time to log yet
    BOOST_REQUIRE(driver.click("op.take"));
    settle(driver);
    BOOST_REQUIRE(driver.click("op.timer.start"));
    driver.step(2);
    BOOST_TEST(driver.state()["timer"]["running"] == true);
    // While it runs on screen, a frame each second; nothing else.
    const double wakeup = driver.app().wakeup_in_ms();
    BOOST_TEST((wakeup > 0 && wakeup <= 1000));
    device.browser.clock_ms += 65'000;
    driver.step();
    BOOST_TEST(driver.state()["texts"]["op.timer.clock"] == "0:01:05");
    BOOST_REQUIRE(driver.click("op.timer.pause"));
    driver.step(2);
    device.browser.clock_ms += 600'000;  // a pause does not count
    driver.step();
    BOOST_TEST(driver.state()["texts"]["op.timer.clock"] == "0:01:05");
    BOOST_TEST(driver.app().wakeup_in_ms() <= 0);  // paused: no frames
    BOOST_REQUIRE(driver.click("op.timer.start"));  // resume
    driver.step(2);
    device.browser.clock_ms += 61'000;
    driver.step(2);
  }  // the page reloads
  FrameDriver driver(api, Language::en, &device);
  settle(driver);
  auto state = driver.state();
  BOOST_TEST(state["screen"] == "operator_ticket");
  BOOST_TEST(state["timer"]["running"] == true);
  BOOST_TEST(state["timer"]["elapsed_ms"].get<double>() >= 126'000);
  BOOST_TEST(state["texts"]["op.timer.clock"] == "0:02:06");
  BOOST_REQUIRE(driver.click("op.timer.stop"));
  driver.step(2);
  state = driver.state();
  BOOST_TEST(state["timer"].is_null());
  BOOST_TEST(state["fields"]["op.minutes"] == "3");  // 2 min 6 s, rounded up
  BOOST_TEST(state["time_form"]["proposed"] == true);
  // The cost before logging, by the ledger's rules: the trial, minute by minute.
  BOOST_TEST(state["texts"]["op.cost_preview"] ==
             driver.app().format("desk.entry_costs",
                                 {{"cost", tessera::describe_cost(tessera::Cost{.trial_minutes = 3}, Language::en)}}));
  BOOST_TEST(state["texts"]["op.funding"] == std::string(tr("desk.funding.trial", Language::en)));
  // No note: said at the field, nothing sent, the minutes kept.
  BOOST_REQUIRE(driver.click("op.log_time"));
  settle(driver);
  state = driver.state();
  BOOST_TEST(state["error"]["field"] == "note");
  BOOST_TEST(state["fields"]["op.minutes"] == "3");
  BOOST_REQUIRE(driver.type("op.note", "Cleared the mailbox"));
  BOOST_REQUIRE(driver.click("op.log_time"));
  settle(driver);
  state = driver.state();
  BOOST_TEST(state["error"].is_null());
  BOOST_TEST(state["ticket"]["ticket"]["minutes_worked"] == 3);
  BOOST_TEST(state["fields"]["op.minutes"] == "");
  BOOST_TEST(state["texts"]["desk.notice"] == "3 min logged.");
  BOOST_TEST(driver.app().wakeup_in_ms() <= 0);  // nothing runs: an idle page draws nothing
  BOOST_TEST(state["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(an_internal_note_is_marked_and_never_reaches_the_customer_and_triage_reorders) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator", "en");
  ApiClient customer = api_customer(server, "ana@example.org");
  const Id id = ticket_in(customer, "Mail is slow", "en", "low");
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "olga@example.org", "operator password");
  driver.app().navigate("/tickets/" + std::to_string(id));
  settle(driver);
  BOOST_REQUIRE(driver.click("op.take"));
  settle(driver);
  BOOST_TEST(!driver.app().widget_rect("op.note_warning").has_value());
  BOOST_REQUIRE(driver.click("op.internal"));
  driver.step(2);
  BOOST_TEST(driver.state()["texts"]["op.note_warning"] == std::string(tr("desk.note_hidden", Language::en)));
  BOOST_REQUIRE(driver.type("op.reply", "Customer mentioned a VPN"));
  BOOST_REQUIRE(driver.click("op.send"));
  settle(driver);
  bool noted = false;
  const auto noted_state = driver.state();
  for (const auto& entry : noted_state["ticket"]["timeline"])
    noted = noted || (entry["kind"] == "internal_note" && entry["body"] == "Customer mentioned a VPN");
  BOOST_TEST(noted);
  const auto seen = customer.get("/api/v1/tickets/" + std::to_string(id));
  for (const auto& entry : seen.body["timeline"]) BOOST_TEST(entry["kind"] != "internal_note");
  // Triage: critical, kept beside the customer's "low".
  BOOST_REQUIRE(driver.click("op.triage.critical"));
  settle(driver);
  BOOST_TEST(driver.state()["ticket"]["ticket"]["triage"] == "critical");
  BOOST_TEST(driver.state()["ticket"]["ticket"]["criticality"] == "low");
  BOOST_TEST(driver.state()["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(the_desk_on_a_phone_is_one_column_in_every_language) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator", "fr,en,es");
  ApiClient customer = api_customer(server, "ana@example.org");
  const Id id = ticket_in(customer, "Mail is slow", "en", "high");
  FrameDriver driver(make_httplib_api(server.base_url()));
  ImGui::GetIO().DisplaySize = ImVec2(390.0f, 844.0f);
  log_in(driver, "olga@example.org", "operator password");
  settle(driver);
  const auto open = driver.app().widget_rect("queue.open." + std::to_string(id));
  BOOST_REQUIRE(open.has_value());
  BOOST_TEST(open->x + open->w <= 390.0f);
  BOOST_REQUIRE(driver.click("queue.open." + std::to_string(id)));
  settle(driver);
  BOOST_REQUIRE(driver.click("op.take"));
  settle(driver);
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    driver.app().set_language(language);
    driver.step(2);
    const auto start = driver.app().widget_rect("op.timer.start");
    const auto send = driver.app().widget_rect("op.send");
    BOOST_REQUIRE(start.has_value());
    BOOST_REQUIRE(send.has_value());
    BOOST_TEST(start->x + start->w <= 390.0f);
    BOOST_TEST(send->y > start->y);  // one column: the timer first, the answer below
  }
  driver.app().navigate("/queue");
  settle(driver);
  BOOST_TEST(driver.state()["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(proposed_minutes_are_rounded_up_and_kept_within_one_entry) {
  using tessera::client::staff::proposed_minutes;
  BOOST_TEST(proposed_minutes(0) == 1);
  BOOST_TEST(proposed_minutes(1) == 1);
  BOOST_TEST(proposed_minutes(60'000) == 1);
  BOOST_TEST(proposed_minutes(60'001) == 2);
  BOOST_TEST(proposed_minutes(9.0 * 3600'000) == 480);
}

BOOST_AUTO_TEST_SUITE_END()
