// Live updates (SPEC §3): a customer's open event stream hears about changes to their
// tickets, and only theirs.
#include <chrono>
#include <future>
#include <thread>

#include "fixtures.hpp"

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
