// Live updates (SPEC §3): a customer's open event stream hears about changes to their
// tickets, and only theirs; many streams at once (300 of them hear one change while ordinary
// connections are still admitted), the caps on streams in all and per user, and the end of
// every stream when the server stops.
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "fixtures.hpp"
#include "raw_http.hpp"

using namespace tessera;
using namespace tessera::testing;


BOOST_FIXTURE_TEST_SUITE(events, ServerFixture)

BOOST_AUTO_TEST_CASE(a_customer_hears_about_their_ticket_and_not_about_others) {
  ApiClient ana = customer("ana@example.com");
  ApiClient bob = customer("bob@example.com");
  const Id id = open_ticket(ana);
  const std::string wanted = "\"id\":" + std::to_string(id) + ",\"status\":\"in_progress\"";
  auto ana_stream = listen(server.port(), ana.cookie(), wanted, 10);
  auto bob_stream = listen(server.port(), bob.cookie(), wanted, 3);
  for (int waited = 0; server.server().context().events().stream_count() < 2 && waited < 500; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // both streams are open
  BOOST_TEST_REQUIRE(server.server().context().events().stream_count() == 2u);
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST_REQUIRE(olga.post("/api/v1/tickets/" + std::to_string(id) + "/actions", {{"action", "take"}}).status == 200);
  const std::string heard = ana_stream.get();
  BOOST_TEST(heard.find("event: ticket") != std::string::npos);
  BOOST_TEST(heard.find(wanted) != std::string::npos);
  BOOST_TEST(bob_stream.get().find("\"id\":" + std::to_string(id)) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_stream_needs_a_session) {
  ApiClient visitor = new_client();
  const auto refused = visitor.get("/api/v1/events");
  BOOST_TEST(refused.status == 401);
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] Many streams (issue 13 item 4)
// Streams are counted apart from ordinary connections: with room for 16 ordinary connections
// and 300 streams, 300 held streams still leave the 16 ordinary places free. The per-user
// quota (4) holds whatever the cap in all.
namespace {

struct ManyStreamsFixture {
  TestServer server{[](server::Config& config) {
    config.max_connections = 16;
    config.max_streams = 300;
  }};

  ApiClient customer(const std::string& email) {
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email)).status == 201);
    return api;
  }
  ApiClient staff(const std::string& email) {
    server.create_staff(email, "operator password", "Olga Operator");
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "operator password"}}).status == 200);
    return api;
  }
  // A stream from loopback address 127.0.4.<n> (100 streams per address: under the per-address cap).
  RawConnection open_stream(const std::string& cookie, std::size_t index) {
    RawConnection stream(server.port(), "127.0.4." + std::to_string(1 + index / 100));
    stream.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\n\r\n");
    return stream;
  }
  std::size_t streams_held() { return server.server().context().events().stream_count(); }
  // Waits (up to 30 s) until the server has released every ordinary connection closed by its client.
  bool no_ordinary_connection_left() {
    for (int waited = 0; server.server().guard().open_connections() > 0 && waited < 3000; ++waited)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return server.server().guard().open_connections() == 0;
  }
};

// What the stream sends until `wanted` appears, it closes, or 30 s pass.
std::string read_until(RawConnection& stream, const std::string& wanted) {
  std::string heard;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (heard.find(wanted) == std::string::npos && !stream.closed() && std::chrono::steady_clock::now() < deadline)
    heard += stream.drain(100);
  return heard;
}

std::string error_code_in(const std::string& answer) {
  const auto body = answer.find("\r\n\r\n");
  if (body == std::string::npos) return "";
  const auto parsed = nlohmann::json::parse(answer.substr(body + 4), nullptr, false);
  return parsed.is_object() && parsed.contains("error") ? parsed["error"].value("code", "") : "";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(many_streams, ManyStreamsFixture)

BOOST_AUTO_TEST_CASE(three_hundred_streams_hear_a_change_while_ordinary_connections_are_still_admitted) {
  // 70 operators (staff hear every ticket) and 5 customers, 4 streams each.
  std::vector<ApiClient> operators, customers;
  for (int i = 0; i < 70; ++i) operators.push_back(staff("operator" + std::to_string(i) + "@tessera.local"));
  for (int i = 0; i < 5; ++i) customers.push_back(customer("customer" + std::to_string(i) + "@example.com"));
  // One after another: until its stream is admitted a connection counts as an ordinary one,
  // and there are 16 ordinary places.
  std::vector<RawConnection> staff_streams, customer_streams;
  int opened = 0;
  const auto open_into = [&](std::vector<RawConnection>& streams, const ApiClient& who) {
    streams.push_back(open_stream(who.cookie(), staff_streams.size() + customer_streams.size()));
    opened += status_of(streams.back().read_head()) == 200;
  };
  for (const auto& op : operators)
    for (int i = 0; i < 4; ++i) open_into(staff_streams, op);
  for (const auto& someone : customers)
    for (int i = 0; i < 4; ++i) open_into(customer_streams, someone);
  BOOST_TEST_REQUIRE(opened == 300);
  BOOST_TEST(streams_held() == 300u);
  BOOST_TEST(server.server().guard().open_streams() == 300u);

  // The ordinary places are all free: 16 connections at once, each answered (once the
  // sign-ups' and log-ins' connections are gone).
  BOOST_TEST_REQUIRE(no_ordinary_connection_left());
  std::vector<RawConnection> ordinary;
  for (int i = 0; i < 16; ++i) ordinary.emplace_back(server.port());
  for (auto& connection : ordinary) connection.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
  int answered = 0;
  for (auto& connection : ordinary) answered += status_of(connection.read_answer()) == 200;
  BOOST_TEST(answered == 16);
  ordinary.clear();
  BOOST_TEST_REQUIRE(no_ordinary_connection_left());  // the 16 places are free again

  // The first customer's new ticket: every staff stream and that customer's 4 streams hear it.
  const auto created = customers[0].post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "many-1"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  const std::string wanted = "\"id\":" + std::to_string(created.body["ticket"]["id"].get<Id>()) + ",";
  int heard = 0;
  for (auto& stream : staff_streams) heard += read_until(stream, wanted).find(wanted) != std::string::npos;
  BOOST_TEST(heard == 280);
  heard = 0;
  for (std::size_t i = 0; i < 4; ++i) heard += read_until(customer_streams[i], wanted).find(wanted) != std::string::npos;
  BOOST_TEST(heard == 4);
  // The other customers' streams, still open, were not told (everyone who should hear has).
  for (std::size_t i = 4; i < customer_streams.size(); ++i) {
    BOOST_TEST(customer_streams[i].drain(20).find(wanted) == std::string::npos);
    BOOST_TEST(!customer_streams[i].closed());
  }
  BOOST_TEST(streams_held() == 300u);
}

BOOST_AUTO_TEST_CASE(past_the_cap_in_all_a_stream_is_refused_and_a_user_still_gets_four_at_most) {
  TestServer small{[](server::Config& config) { config.max_streams = 8; }};
  const auto sign_up = [&](const std::string& email) {
    ApiClient api(small.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email)).status == 201);
    return api;
  };
  ApiClient ana = sign_up("ana@example.com"), bob = sign_up("bob@example.com"), cleo = sign_up("cleo@example.com");
  const auto open = [&](const ApiClient& who, int address) {
    RawConnection stream(small.port(), "127.0.4." + std::to_string(address));
    stream.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + who.cookie() + "\r\n\r\n");
    return stream;
  };
  std::vector<RawConnection> held;
  for (int i = 0; i < 4; ++i) held.push_back(open(ana, 1));
  for (auto& stream : held) BOOST_TEST_REQUIRE(status_of(stream.read_head()) == 200);
  // Ana's fifth: the per-user quota, with room left in all.
  RawConnection fifth = open(ana, 2);
  const std::string over_quota = fifth.read_answer();
  BOOST_TEST(status_of(over_quota) == 429);
  BOOST_TEST(error_code_in(over_quota) == "too_many_user_streams");
  for (int i = 0; i < 4; ++i) held.push_back(open(bob, 1));
  for (std::size_t i = 4; i < held.size(); ++i) BOOST_TEST_REQUIRE(status_of(held[i].read_head()) == 200);
  BOOST_TEST(small.server().context().events().stream_count() == 8u);
  // Cleo's first: past the cap in all.
  RawConnection ninth = open(cleo, 2);
  const std::string full = ninth.read_answer();
  BOOST_TEST(status_of(full) == 503);
  BOOST_TEST(error_code_in(full) == "too_many_streams");
  BOOST_TEST(small.server().context().events().stream_count() == 8u);
  // Ordinary requests still answer, Cleo's included.
  BOOST_TEST(cleo.get("/api/v1/tickets").status == 200);
  BOOST_TEST(ApiClient(small.port()).get("/api/v1/health").status == 200);
}

BOOST_AUTO_TEST_CASE(stopping_the_server_ends_every_stream) {
  auto running = std::make_unique<TestServer>();
  std::vector<RawConnection> streams;
  for (int user = 0; user < 10; ++user) {
    ApiClient api(running->port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body("user" + std::to_string(user) + "@example.com")).status == 201);
    for (int i = 0; i < 4; ++i) {
      streams.emplace_back(running->port(), "127.0.4." + std::to_string(1 + user));
      streams.back().send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + api.cookie() + "\r\n\r\n");
    }
  }
  for (auto& stream : streams) BOOST_TEST_REQUIRE(status_of(stream.read_head()) == 200);
  BOOST_TEST(running->server().context().events().stream_count() == 40u);
  running.reset();  // stop() and join: returns only once every stream's thread has
  int ended = 0;
  for (auto& stream : streams) {
    stream.drain(10'000);  // until the server's close (or 10 s)
    ended += stream.closed();
  }
  BOOST_TEST(ended == 40);
}

BOOST_AUTO_TEST_SUITE_END()
