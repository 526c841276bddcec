// Offline drafting (SPEC §2) through the whole App, against a real server: every edit is on
// the device within its frame and comes back after a reload; with no connection the app opens
// with the last-known data marked with its time; what is submitted offline waits in the
// outbox and is created once when the connection returns — even when the server's first
// answer is lost; a draft the server refuses is "failed" with its reason and its text kept;
// live updates fetch what changed. The network between app and server is a wrapper that can
// cut the connection or lose one answer.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"

using namespace tessera;
using namespace tessera::client;
using namespace tessera::client::testing;
using nlohmann::json;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;

namespace {

// The network: passes requests to the real server, unless it is cut (no answer at all), or
// the next request of a kind is to lose its answer (the server did the work; the app never
// hears of it).
class FlakyNetwork final : public Api {
 public:
  explicit FlakyNetwork(std::shared_ptr<Api> server) : server_(std::move(server)) {}
  void send(const std::string& method, const std::string& path, const std::string& body, const HttpHeaders& headers,
            ResponseHandler done) override {
    if (cut) {
      lost_.push_back(std::move(done));
      return;
    }
    ++sent[method + " " + path];
    const bool lose = !lose_next.empty() && lose_next == method + " " + path;
    if (lose) lose_next.clear();
    server_->send(method, path, body, headers, [this, lose, done = std::move(done)](HttpResponse answer) {
      if (lose) lost_.push_back(done);
      else done(std::move(answer));
    });
  }
  void poll() override {
    server_->poll();
    auto batch = std::move(lost_);
    lost_.clear();
    for (auto& done : batch) done(HttpResponse{0, {}});
  }
  bool cut = false;
  std::string lose_next;  // "POST /api/v1/tickets"
  std::map<std::string, int> sent;

 private:
  std::shared_ptr<Api> server_;
  std::vector<ResponseHandler> lost_;
};

struct OfflineFixture {
  TestServer server;
  ApiClient zoe = api_customer(server, "zoe@example.org");
  Device device;
  std::shared_ptr<Api> to_server = make_httplib_api(server.base_url());  // the browser's cookie jar
  std::shared_ptr<FlakyNetwork> network = std::make_shared<FlakyNetwork>(to_server);

  std::unique_ptr<FrameDriver> open_app() {
    auto driver = std::make_unique<FrameDriver>(network, Language::en, &device);
    driver->wait_until([&] { return !driver->app().session.starting && !driver->app().busy(); });
    driver->step(2);
    return driver;
  }
  void go_offline(FrameDriver& driver) {
    network->cut = true;
    device.browser.connected = false;
    driver.app().on_online_changed(false);
    driver.step();
  }
  void go_online(FrameDriver& driver) {
    network->cut = false;
    device.browser.connected = true;
    driver.app().on_online_changed(true);
  }
  std::size_t tickets_on_server() { return zoe.get("/api/v1/tickets").body["tickets"].size(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(offline, OfflineFixture)

BOOST_AUTO_TEST_CASE(every_edit_is_on_the_device_within_its_frame_and_survives_a_reload) {
  {
    auto app = open_app();
    log_in(*app, "zoe@example.org");
    BOOST_REQUIRE(app->click("tickets.new"));
    BOOST_REQUIRE(app->type("ticket.subject", "Wi-Fi drops"));
    const auto stored = json::parse(device.storage.values.at("u1/drafts"));
    BOOST_TEST(stored["new_ticket"]["subject"] == "Wi-Fi drops");
    BOOST_REQUIRE(app->type("ticket.description", "Every evening around 8."));
    BOOST_REQUIRE(app->click("ticket.criticality.critical"));
    BOOST_TEST(json::parse(device.storage.values.at("u1/drafts"))["new_ticket"]["criticality"] == "critical");
    BOOST_TEST(app->state()["draft_state"] == "draft");
  }
  auto reloaded = open_app();  // the page reloaded, or the browser restarted: the device remains
  BOOST_TEST(reloaded->state()["screen"] == "new_ticket");
  const auto state = reloaded->state();
  BOOST_TEST(state["fields"]["ticket.subject"] == "Wi-Fi drops");
  BOOST_TEST(state["fields"]["ticket.description"] == "Every evening around 8.");
  BOOST_TEST((reloaded->app().tickets.new_ticket.criticality == Criticality::critical));
}

BOOST_AUTO_TEST_CASE(offline_the_app_opens_with_the_last_known_data_marked_with_its_time) {
  const Id id = api_ticket(zoe, "Printer offline", "k1");
  {
    auto app = open_app();
    log_in(*app, "zoe@example.org");
    BOOST_REQUIRE(app->click("tickets.open." + std::to_string(id)));
    app->settle();
    BOOST_REQUIRE(app->back());
    app->settle();
  }
  device.browser.clock_ms += 3 * 3600 * 1000.0;
  network->cut = true;
  device.browser.connected = false;
  auto app = open_app();
  auto state = app->state();
  BOOST_TEST(state["screen"] == "my_tickets");
  BOOST_TEST(state["user"]["email"] == "zoe@example.org");
  BOOST_TEST(state["offline"] == true);
  BOOST_REQUIRE_EQUAL(state["tickets"].size(), 1u);
  BOOST_TEST(state["tickets"][0]["subject"] == "Printer offline");
  BOOST_TEST(state["tickets_stale"] == true);
  BOOST_TEST(state["texts"]["stale"].get<std::string>().rfind("Known on ", 0) == 0);
  BOOST_TEST(state["texts"].contains("banner.offline"));
  // The ticket opened before is readable too; one never opened here says so.
  BOOST_REQUIRE(app->click("tickets.open." + std::to_string(id)));
  state = app->state();
  BOOST_TEST(state["screen"] == "ticket");
  BOOST_TEST(state["ticket"]["ticket"]["subject"] == "Printer offline");
  BOOST_TEST(state["ticket_stale"] == true);
  BOOST_TEST(state["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(submitted_offline_it_waits_then_is_created_once_though_the_first_answer_is_lost) {
  auto app = open_app();
  log_in(*app, "zoe@example.org");
  go_offline(*app);
  BOOST_REQUIRE(app->click("tickets.new"));
  BOOST_REQUIRE(app->type("ticket.subject", "Laptop will not start"));
  BOOST_REQUIRE(app->type("ticket.description", "Black screen, fan spins."));
  BOOST_REQUIRE(app->click("ticket.submit"));
  app->step(3);
  auto state = app->state();
  BOOST_TEST(state["screen"] == "my_tickets");
  BOOST_REQUIRE_EQUAL(state["outbox"].size(), 1u);
  BOOST_TEST(state["outbox"][0]["state"] == "queued");
  BOOST_TEST(state["fields"].dump().find("Laptop") == std::string::npos);  // the form is free for the next one
  BOOST_TEST(tickets_on_server() == 0u);
  // Back online, the first answer is lost on the way: the server created it, the app retries.
  network->lose_next = "POST /api/v1/tickets";
  go_online(*app);
  app->step(3);
  BOOST_TEST(tickets_on_server() == 1u);
  BOOST_TEST(app->state()["outbox"][0]["state"] == "queued");  // no answer: try again later
  device.browser.clock_ms += 1000;
  BOOST_REQUIRE(app->wait_until([&] { return app->state()["outbox"][0]["state"] == "sent"; }));
  BOOST_TEST(network->sent["POST /api/v1/tickets"] == 2);  // sent twice...
  BOOST_TEST(tickets_on_server() == 1u);                      // ...created once
  app->settle();
  app->step();
  state = app->state();
  BOOST_TEST(state["tickets"][0]["subject"] == "Laptop will not start");
  BOOST_TEST(state["notice"].get<std::string>().find("sent") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_reply_written_offline_is_kept_across_a_reload_and_sent_once) {
  const Id id = api_ticket(zoe, "Printer offline", "k1");
  {
    auto app = open_app();
    log_in(*app, "zoe@example.org");
    BOOST_REQUIRE(app->click("tickets.open." + std::to_string(id)));
    app->settle();
    go_offline(*app);
    BOOST_REQUIRE(app->type("ticket.reply", "It shows error E-42."));
    BOOST_REQUIRE(app->click("ticket.send"));
    BOOST_TEST(app->state()["outbox"][0]["state"] == "queued");
  }
  auto app = open_app();  // reloaded, still offline
  BOOST_REQUIRE_EQUAL(app->state()["outbox"].size(), 1u);
  BOOST_TEST(app->state()["screen"] == "ticket");
  BOOST_TEST(app->state()["texts"].contains("outbox." + app->state()["outbox"][0]["id"].get<std::string>() + ".state"));
  go_online(*app);
  BOOST_REQUIRE(app->wait_until([&] { return app->state()["outbox"][0]["state"] == "sent"; }));
  app->settle();
  const auto timeline = zoe.get("/api/v1/tickets/" + std::to_string(id)).body["timeline"];
  BOOST_TEST(std::count_if(timeline.begin(), timeline.end(), [](const json& e) { return e["body"] == "It shows error E-42."; }) == 1);
  // The open ticket shows the reply the server has.
  const auto shown = app->state()["ticket"]["timeline"];
  BOOST_TEST(std::any_of(shown.begin(), shown.end(), [](const json& e) { return e["body"] == "It shows error E-42."; }));
}

BOOST_AUTO_TEST_CASE(a_draft_the_server_refuses_fails_with_the_reason_and_keeps_its_text) {
  auto app = open_app();
  log_in(*app, "zoe@example.org");
  go_offline(*app);
  BOOST_REQUIRE(app->click("tickets.new"));
  BOOST_REQUIRE(app->type("ticket.subject", "Second issue"));
  BOOST_REQUIRE(app->type("ticket.description", "Written on the train."));
  BOOST_REQUIRE(app->click("ticket.submit"));
  // Meanwhile the trial is used up on another ticket: nothing can fund a new one.
  const Id other = api_ticket(zoe, "First issue", "k1");
  ApiClient olga = api_staff(server, "olga@example.org");
  BOOST_REQUIRE(olga.post("/api/v1/tickets/" + std::to_string(other) + "/actions", {{"action", "take"}}).status == 200);
  BOOST_REQUIRE(olga.post("/api/v1/tickets/" + std::to_string(other) + "/time", {{"minutes", 15}, {"note", "Fixed"}}).status == 201);
  go_online(*app);
  BOOST_REQUIRE(app->wait_until([&] { return app->state()["outbox"][0]["state"] == "failed"; }));
  app->settle();
  app->step();
  auto state = app->state();
  const std::string id = state["outbox"][0]["id"];
  BOOST_TEST(state["outbox"][0]["error"] == "no_funding");
  BOOST_TEST(state["texts"]["outbox." + id + ".state"] ==
             std::string(tr("outbox.state.failed", Language::en)) + " — " + std::string(tr("error.no_funding", Language::en)));
  BOOST_TEST(!app->app().requests().next_retry_in_ms().has_value());  // not retried by itself
  BOOST_REQUIRE(app->click("outbox." + id + ".edit"));
  state = app->state();
  BOOST_TEST(state["screen"] == "new_ticket");
  BOOST_TEST(state["fields"]["ticket.subject"] == "Second issue");  // the text, back in the form
  BOOST_TEST(state["error"]["code"] == "no_funding");
  BOOST_TEST(state["outbox"].empty());
}

BOOST_AUTO_TEST_CASE(a_change_on_the_event_stream_updates_the_open_ticket_without_a_click) {
  const Id id = api_ticket(zoe, "Printer offline", "k1");
  auto app = open_app();
  log_in(*app, "zoe@example.org");
  BOOST_TEST(device.events.is_open());
  BOOST_REQUIRE(app->click("tickets.open." + std::to_string(id)));
  app->settle();
  ApiClient olga = api_staff(server, "olga@example.org");
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  BOOST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_REQUIRE(olga.post(path + "/messages", {{"body", "Try turning it off and on."}}).status == 201);
  device.events.push(StreamEvent{StreamEvent::Kind::ticket, id, "in_progress"});
  app->step();
  app->settle();
  const auto timeline = app->state()["ticket"]["timeline"];
  BOOST_TEST(std::any_of(timeline.begin(), timeline.end(), [](const json& e) { return e["body"] == "Try turning it off and on."; }));
  BOOST_TEST(app->state()["ticket"]["ticket"]["status"] == "in_progress");
  // A reconnect ("opened") refetches too; logging out closes the stream.
  BOOST_REQUIRE(app->click("nav.logout"));
  BOOST_TEST(!device.events.is_open());
}

BOOST_AUTO_TEST_CASE(an_idle_app_with_the_stream_open_asks_for_no_frame) {
  auto app = open_app();
  log_in(*app, "zoe@example.org");
  app->settle();
  app->step(3);
  app->app().take_redraw_request();
  app->step(3);
  BOOST_TEST(device.events.is_open());
  BOOST_TEST(!app->app().take_redraw_request());
  BOOST_TEST(app->app().wakeup_in_ms() <= 0);  // nor a timer
}

BOOST_AUTO_TEST_SUITE_END()
