// The request layer on its own, with a scripted Api, storage in memory and a clock the test
// moves: the headers every call gets, per-kind busy state, GETs not sent twice, answers of an
// ended session dropped, and the outbox's state machine (queued → sending → sent / failed,
// retries with backoff and the same key, order, offline, and a reload from the storage).
#include <boost/test/unit_test.hpp>

#include "core/requests.hpp"
#include "ports/memory_ports.hpp"
#include "scripted_api.hpp"

using namespace tessera::client;
using tessera::client::testing::ScriptedApi;
using tessera::client::testing::SentRequest;
using nlohmann::json;

namespace tessera::client {
std::ostream& operator<<(std::ostream& out, OutboxState state) { return out << to_string(state); }
}  // namespace tessera::client

namespace {

struct QueueFixture {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> answers;
  ScriptedApi api{sent, answers};
  MemoryStorage storage;
  MemoryBrowser browser;
  RequestQueue queue{api, storage, browser, 7};
  std::vector<std::pair<std::string, int>> handled;  // kind, status

  QueueFixture() {
    for (const char* kind : {"tickets.create", "tickets.reply", "tickets.list"})
      queue.on(kind, [this](const Request& request, const HttpResponse& answer) {
        handled.emplace_back(request.kind, answer.status);
      });
    bool loaded = false;
    queue.load_outbox("u1", [&] { loaded = true; });
    storage.poll();
    BOOST_REQUIRE(loaded);
  }
  void deliver() {
    api.poll();
    storage.poll();
  }
  Request ticket(const std::string& subject) {
    return Request{.kind = "tickets.create", .method = "POST", .path = "/tickets",
                   .body = json{{"subject", subject}}.dump()};
  }
  json stored() const { return json::parse(storage.values.at("u1/outbox")); }
  const OutboxItem& only() const {
    BOOST_REQUIRE_EQUAL(queue.outbox().size(), 1u);
    return queue.outbox().front();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(request_queue, QueueFixture)

BOOST_AUTO_TEST_CASE(writes_carry_the_csrf_header_and_reads_do_not) {
  queue.send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets"});
  queue.send(Request{.kind = "tickets.reply", .method = "POST", .path = "/tickets/3/messages", .body = "{}",
                     .idempotency_key = "k1"});
  BOOST_REQUIRE_EQUAL(sent.size(), 2u);
  BOOST_TEST(sent[0].path == "/api/v1/tickets");
  BOOST_TEST(sent[0].header("X-Tessera-Request").empty());
  BOOST_TEST(sent[0].header("Idempotency-Key").empty());
  BOOST_TEST(sent[1].header("X-Tessera-Request") == "1");
  BOOST_TEST(sent[1].header("Content-Type") == "application/json");
  BOOST_TEST(sent[1].header("Idempotency-Key") == "k1");
}

BOOST_AUTO_TEST_CASE(busy_is_per_kind_and_answers_go_to_their_kind) {
  queue.send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets"});
  BOOST_TEST(queue.busy("tickets.list"));
  BOOST_TEST(!queue.busy("tickets.reply"));  // other buttons stay enabled
  answers.push_back({200, R"({"tickets":[]})"});
  deliver();
  BOOST_TEST(!queue.busy("tickets.list"));
  BOOST_TEST(!queue.busy());
  BOOST_REQUIRE_EQUAL(handled.size(), 1u);
  BOOST_TEST(handled[0].first == "tickets.list");
  BOOST_TEST(handled[0].second == 200);
}

BOOST_AUTO_TEST_CASE(a_get_already_in_flight_is_sent_again_once_after_its_answer) {
  for (int i = 0; i < 3; ++i) queue.send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets"});
  BOOST_TEST(sent.size() == 1u);  // not three at once
  answers.push_back({200, R"({"tickets":[]})"});
  answers.push_back({200, R"({"tickets":[]})"});
  api.poll();
  BOOST_TEST(sent.size() == 2u);  // the newest state, once
  api.poll();
  BOOST_TEST(sent.size() == 2u);
  BOOST_TEST(handled.size() == 2u);
}

BOOST_AUTO_TEST_CASE(answers_of_an_ended_session_are_dropped_and_counted_out) {
  queue.send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets"});
  queue.end_session();
  BOOST_TEST(!queue.busy());
  queue.send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets?status=open"});
  answers.push_back({200, R"({"tickets":[]})"});
  api.hold = true;
  BOOST_TEST(queue.busy());
  api.hold = false;
  api.poll();  // the first answer belongs to the ended session: dropped; the second counts
  BOOST_TEST(handled.size() == 1u);
  BOOST_TEST(!queue.busy());
}

BOOST_AUTO_TEST_CASE(an_item_is_stored_before_it_is_sent_then_sent_once) {
  api.hold = true;
  const auto id = queue.enqueue(ticket("Printer"));
  BOOST_TEST(stored()["items"].size() == 1u);
  BOOST_TEST(stored()["items"][0]["state"] == "queued");  // on the device before the first try
  BOOST_TEST(only().state == OutboxState::sending);
  BOOST_REQUIRE_EQUAL(sent.size(), 1u);
  BOOST_TEST(sent[0].header("Idempotency-Key") == id);
  BOOST_TEST(id.size() == 32u);
  answers.push_back({201, "{}"});
  api.hold = false;
  deliver();
  BOOST_TEST(only().state == OutboxState::sent);
  BOOST_TEST(stored()["items"].empty());  // sent: no longer on the device
  BOOST_REQUIRE_EQUAL(handled.size(), 1u);
  BOOST_TEST(handled[0].second == 201);
}

BOOST_AUTO_TEST_CASE(no_answer_or_a_5xx_retries_later_with_the_same_key_and_a_growing_wait) {
  const auto id = queue.enqueue(ticket("Printer"));
  answers.push_back({0, ""});
  deliver();
  BOOST_TEST(only().state == OutboxState::queued);
  BOOST_TEST(only().attempts == 1);
  BOOST_TEST(only().error->code == "network");
  BOOST_TEST(*queue.next_retry_in_ms() == 1000.0);
  queue.tick();
  BOOST_TEST(sent.size() == 1u);  // not before its time
  browser.clock_ms += 999;
  queue.tick();
  BOOST_TEST(sent.size() == 1u);
  browser.clock_ms += 1;
  queue.tick();
  BOOST_REQUIRE_EQUAL(sent.size(), 2u);
  BOOST_TEST(sent[1].header("Idempotency-Key") == id);
  answers.push_back({503, R"({"error":{"code":"internal"}})"});
  deliver();
  BOOST_TEST(only().state == OutboxState::queued);
  BOOST_TEST(*queue.next_retry_in_ms() == 2000.0);
  browser.clock_ms += 2000;
  queue.tick();
  answers.push_back({200, "{}"});  // a replay: the server had created it already
  deliver();
  BOOST_TEST(only().state == OutboxState::sent);
  BOOST_TEST(sent.size() == 3u);
  for (const auto& request : sent) BOOST_TEST(request.header("Idempotency-Key") == id);
}

BOOST_AUTO_TEST_CASE(the_wait_doubles_up_to_a_minute) {
  BOOST_TEST(RequestQueue::backoff_ms(1) == 1000.0);
  BOOST_TEST(RequestQueue::backoff_ms(2) == 2000.0);
  BOOST_TEST(RequestQueue::backoff_ms(3) == 4000.0);
  BOOST_TEST(RequestQueue::backoff_ms(6) == 32000.0);
  BOOST_TEST(RequestQueue::backoff_ms(7) == 60000.0);
  BOOST_TEST(RequestQueue::backoff_ms(50) == 60000.0);
}

BOOST_AUTO_TEST_CASE(a_4xx_fails_the_item_keeps_its_text_and_the_next_one_goes) {
  queue.enqueue(ticket("Too long"));
  queue.enqueue(ticket("Fine"));
  answers.push_back({402, R"({"error":{"code":"funding_unavailable","field":"funding","params":{"source":"trial"}}})"});
  answers.push_back({201, "{}"});
  deliver();
  deliver();
  BOOST_REQUIRE_EQUAL(queue.outbox().size(), 2u);
  const auto& failed = queue.outbox()[0];
  BOOST_TEST(failed.state == OutboxState::failed);
  BOOST_TEST(failed.error->code == "funding_unavailable");
  BOOST_TEST(failed.error->field == "funding");
  BOOST_TEST(failed.error->params.at("source") == "trial");
  BOOST_TEST(queue.outbox()[1].state == OutboxState::sent);
  BOOST_TEST(!queue.next_retry_in_ms().has_value());  // a failed item waits for the user, not for time
  BOOST_TEST(stored()["items"].size() == 1u);
  BOOST_TEST(stored()["items"][0]["error"]["code"] == "funding_unavailable");
  const auto back = queue.take_back(failed.id);
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(json::parse(back->body)["subject"] == "Too long");
  BOOST_TEST(stored()["items"].empty());
}

BOOST_AUTO_TEST_CASE(items_go_in_order_one_at_a_time) {
  queue.enqueue(ticket("First"));
  queue.enqueue(ticket("Second"));
  BOOST_TEST(sent.size() == 1u);
  answers.push_back({0, ""});
  deliver();
  BOOST_TEST(sent.size() == 1u);  // the second waits behind the first
  browser.clock_ms += 1000;
  queue.tick();
  answers.push_back({201, "{}"});
  answers.push_back({201, "{}"});
  deliver();
  deliver();
  BOOST_REQUIRE_EQUAL(sent.size(), 3u);
  BOOST_TEST(json::parse(sent[1].body)["subject"] == "First");
  BOOST_TEST(json::parse(sent[2].body)["subject"] == "Second");
}

BOOST_AUTO_TEST_CASE(offline_nothing_is_sent_until_the_connection_returns) {
  browser.connected = false;
  queue.enqueue(ticket("On the train"));
  BOOST_TEST(sent.empty());
  BOOST_TEST(only().state == OutboxState::queued);
  BOOST_TEST(!queue.next_retry_in_ms().has_value());  // the online event flushes, no timer needed
  browser.connected = true;
  queue.flush();
  BOOST_TEST(sent.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_401_keeps_the_item_for_after_the_next_sign_in) {
  queue.enqueue(ticket("Session expired"));
  answers.push_back({401, R"({"error":{"code":"unauthenticated"}})"});
  deliver();
  BOOST_TEST(only().state == OutboxState::queued);
}

BOOST_AUTO_TEST_CASE(a_reload_sends_what_was_sending_again_with_the_same_key) {
  api.hold = true;
  const auto id = queue.enqueue(ticket("Printer"));
  queue.enqueue(ticket("Scanner"));
  BOOST_TEST(stored()["items"].size() == 2u);
  // The page closes while the first is on its way: a new queue reads the device.
  std::vector<SentRequest> sent_after;
  std::deque<HttpResponse> answers_after{{201, "{}"}, {201, "{}"}};
  ScriptedApi api_after(sent_after, answers_after);
  RequestQueue reloaded(api_after, storage, browser, 8);
  bool loaded = false;
  reloaded.load_outbox("u1", [&] { loaded = true; });
  storage.poll();
  BOOST_REQUIRE(loaded);
  BOOST_REQUIRE_EQUAL(reloaded.outbox().size(), 2u);
  BOOST_TEST(reloaded.outbox()[0].state == OutboxState::queued);
  reloaded.flush();
  api_after.poll();
  api_after.poll();
  BOOST_REQUIRE_EQUAL(sent_after.size(), 2u);
  BOOST_TEST(sent_after[0].header("Idempotency-Key") == id);
  BOOST_TEST(reloaded.outbox()[1].state == OutboxState::sent);
}

BOOST_AUTO_TEST_CASE(an_outbox_written_by_another_version_is_ignored_not_fatal) {
  storage.values["u2/outbox"] = R"({"version": 99, "items": [{"id": 5}]})";
  storage.values["u3/outbox"] = R"(not json)";
  storage.values["u4/outbox"] = R"({"version": 1, "items": [{"id": "x", "request": {"kind": 3}}, 7]})";
  for (const char* owner : {"u2", "u3", "u4"}) {
    RequestQueue other(api, storage, browser, 9);
    bool loaded = false;
    other.load_outbox(owner, [&] { loaded = true; });
    storage.poll();
    BOOST_TEST(loaded);
    BOOST_TEST(other.outbox().empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()
