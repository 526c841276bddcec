// Ticket lists filtered by the query (status, category, criticality, text).
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(ticket_list, ServerFixture)

BOOST_AUTO_TEST_CASE(a_customer_filters_the_list_and_bad_parameters_are_named) {
  ApiClient ana = customer("ana@example.com");
  open_ticket(ana, "k1", "Printer jams");
  const Id mail = open_ticket(ana, "k2", "Mail bounces");
  BOOST_TEST(ana.post("/api/v1/tickets/" + std::to_string(mail) + "/actions", {{"action", "withdraw"}}).status == 200);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 2);
  const auto open = ana.get("/api/v1/tickets?status=open");
  BOOST_TEST_REQUIRE(open.body["tickets"].size() == 1);
  BOOST_TEST(open.body["tickets"][0]["subject"] == "Printer jams");
  BOOST_TEST(ana.get("/api/v1/tickets?status=withdrawn").body["tickets"][0]["id"] == mail);
  BOOST_TEST(ana.get("/api/v1/tickets?q=mail").body["tickets"].size() == 1);
  BOOST_TEST(ana.get("/api/v1/tickets?category=network").body["tickets"].empty());
  BOOST_TEST(ana.get("/api/v1/tickets?criticality=high&category=hardware").body["tickets"].size() == 2);
  const auto bad = ana.get("/api/v1/tickets?status=lost");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.error_code() == "invalid_value");
  BOOST_TEST(bad.body["error"]["field"] == "status");
}

BOOST_AUTO_TEST_CASE(the_operator_reads_the_queue_by_pages_in_queue_order) {
  ApiClient ana = customer("ana@example.com");
  for (const char* criticality : {"low", "critical", "normal"}) {
    json body = ticket_body(std::string("Issue ") + criticality);
    body["criticality"] = criticality;
    BOOST_TEST_REQUIRE(ana.post("/api/v1/tickets", body, {{"Idempotency-Key", criticality}}).status == 201);
  }
  ApiClient olga = staff("olga@tessera.test");
  const auto first = olga.get("/api/v1/queue?limit=2");
  BOOST_TEST_REQUIRE(first.status == 200);
  BOOST_TEST(first.body["total"] == 3);
  BOOST_TEST_REQUIRE(first.body["tickets"].size() == 2u);
  BOOST_TEST(first.body["tickets"][0]["criticality"] == "critical");
  BOOST_TEST(first.body["tickets"][1]["criticality"] == "normal");
  const auto rest = olga.get("/api/v1/queue?offset=2&limit=2");
  BOOST_TEST_REQUIRE(rest.body["tickets"].size() == 1u);
  BOOST_TEST(rest.body["tickets"][0]["criticality"] == "low");
  BOOST_TEST(rest.body["tickets"][0]["customer_name"] == "Ana Customer");
  BOOST_TEST(olga.get("/api/v1/queue").body["tickets"].size() == 3u);  // default page: 50
  const auto bad = olga.get("/api/v1/queue?limit=1000");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.body["error"]["field"] == "limit");
}

BOOST_AUTO_TEST_SUITE_END()
