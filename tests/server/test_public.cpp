// Public pages and evaluations (SPEC §1.10, §1.12, §5): the FAQ in three languages, the
// contact form, a customer's rating of a closed ticket, and the transparency board, which
// counts open minutes (Europe/Paris, Mon–Fri 09:00–18:00) and names nobody.
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// Opens a ticket at 09:00 Paris time (08:00Z), answers it `answer_after` minutes later,
// resolves it and has the customer confirm. Returns the ticket's path.
struct ClosedTicket {
  std::string path;
  Id id = 0;
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(public_pages, ServerFixture)

BOOST_AUTO_TEST_CASE(the_faq_exists_in_three_languages) {
  const auto faq = new_client().get("/api/v1/faq");
  BOOST_TEST_REQUIRE(faq.status == 200);
  const std::size_t count = faq.body["fr"].size();
  BOOST_TEST(count >= 10u);
  BOOST_TEST(faq.body["en"].size() == count);
  BOOST_TEST(faq.body["es"].size() == count);
  for (const char* language : {"fr", "en", "es"})
    for (const auto& entry : faq.body[language]) {
      BOOST_TEST(!entry["question"].get<std::string>().empty());
      BOOST_TEST(!entry["answer"].get<std::string>().empty());
    }
}

BOOST_AUTO_TEST_CASE(contact_messages_are_stored_for_admins) {
  ApiClient visitor = new_client();
  const auto sent = visitor.post("/api/v1/contact", {{"name", "Zoé"}, {"email", "zoe@example.com"}, {"message", "Do you do Macs?"}});
  BOOST_TEST(sent.status == 201);
  const auto bad = visitor.post("/api/v1/contact", {{"name", "Zoé"}, {"email", "zoe"}, {"message", "x"}});
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.body["error"]["field"] == "email");
  BOOST_TEST(visitor.post("/api/v1/contact", {{"name", "Zoé"}, {"email", "zoe@example.com"}}).error_code() == "required");
  BOOST_TEST(customer("ana@example.com").get("/api/v1/admin/contact").status == 403);
  const auto listed = staff("boss@tessera.local", "admin").get("/api/v1/admin/contact");
  BOOST_TEST_REQUIRE(listed.body["messages"].size() == 1u);
  BOOST_TEST(listed.body["messages"][0]["message"] == "Do you do Macs?");
}

BOOST_AUTO_TEST_CASE(a_closed_ticket_is_rated_once_and_shown_on_the_board_without_names) {
  server.advance_seconds(3 * 3600);  // 08:00Z = 09:00 in Paris, a Friday: the office opens
  ApiClient ana = customer("ana.secret@example.com");
  const Id id = open_ticket(ana);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  server.advance_seconds(90 * 60);
  olga.post(path + "/messages", {{"body", "Try this"}});
  server.advance_seconds(30 * 60);
  olga.post(path + "/actions", {{"action", "resolve"}});

  const auto early = ana.post(path + "/evaluation", {{"rating", 5}});
  BOOST_TEST(early.status == 409);
  BOOST_TEST(early.error_code() == "ticket_not_closed");
  BOOST_TEST(ana.post(path + "/actions", {{"action", "confirm_resolution"}}).body["ticket"]["status"] == "closed");
  BOOST_TEST(ana.post(path + "/evaluation", {{"rating", 6}}).error_code() == "invalid_rating");
  BOOST_TEST(customer("bob@example.com").post(path + "/evaluation", {{"rating", 1}}).status == 404);
  const auto rated = ana.post(path + "/evaluation", {{"rating", 4}, {"comment", "Quick and kind"}, {"publish_comment", true}});
  BOOST_TEST(rated.status == 201);
  BOOST_TEST(ana.post(path + "/evaluation", {{"rating", 1}}).error_code() == "already_rated");

  const auto board = new_client().get("/api/v1/board");
  BOOST_TEST_REQUIRE(board.status == 200);
  BOOST_TEST_REQUIRE(board.body["rows"].size() == 1u);
  const json& row = board.body["rows"][0];
  BOOST_TEST(row["reference"] == "T-" + std::string(6 - std::to_string(id).size(), '0') + std::to_string(id));
  BOOST_TEST(row["first_response_minutes"] == 90);
  BOOST_TEST(row["resolution_minutes"] == 120);
  BOOST_TEST(row["within_sla"] == true);  // high: 240 open minutes
  BOOST_TEST(row["rating"] == 4);
  BOOST_TEST(row["comment"] == "Quick and kind");
  BOOST_TEST(board.body["all"]["tickets"] == 1);
  const auto csv = new_client().get("/api/v1/board.csv");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(csv.raw.find("Quick and kind") != std::string::npos);
  for (const std::string& published : {board.raw, csv.raw}) {
    BOOST_TEST(published.find("ana.secret") == std::string::npos);
    BOOST_TEST(published.find("Ana Customer") == std::string::npos);
    BOOST_TEST(published.find("Olga") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_comment_not_allowed_for_publication_stays_private) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  ana.post(path + "/actions", {{"action", "confirm_resolution"}});
  ana.post(path + "/evaluation", {{"rating", 2}, {"comment", "Private remark"}, {"publish_comment", false}});
  const auto board = new_client().get("/api/v1/board");
  BOOST_TEST(board.body["rows"][0]["rating"] == 2);
  BOOST_TEST(board.raw.find("Private remark") == std::string::npos);
  BOOST_TEST(board.body["rows"][0]["within_sla"] == false);  // never answered by a message
}

BOOST_AUTO_TEST_CASE(the_board_is_read_by_pages_and_downloaded_whole) {
  // Three tickets withdrawn before any work are not on the board; three closed ones are.
  ApiClient ana = customer("ana@example.com");
  ApiClient olga = staff("olga@tessera.local");
  std::vector<std::string> references;
  for (int n = 0; n < 3; ++n) {
    const Id id = open_ticket(ana, "key-" + std::to_string(n), "Issue " + std::to_string(n));
    const std::string path = "/api/v1/tickets/" + std::to_string(id);
    olga.post(path + "/actions", {{"action", "take"}});
    olga.post(path + "/actions", {{"action", "resolve"}});
    BOOST_TEST_REQUIRE(ana.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);
    references.push_back(ana.get(path).body["ticket"]["reference"].get<std::string>());
  }
  ApiClient visitor = new_client();
  const auto first = visitor.get("/api/v1/board?limit=2");
  BOOST_TEST_REQUIRE(first.status == 200);
  BOOST_TEST(first.body["total"] == 3);
  BOOST_TEST(first.body["offset"] == 0);
  BOOST_TEST(first.body["limit"] == 2);
  BOOST_TEST_REQUIRE(first.body["rows"].size() == 2u);
  BOOST_TEST(first.body["rows"][0]["reference"] == references[0]);
  BOOST_TEST(first.body["all"]["tickets"] == 3);  // the aggregates cover every row, whatever the page
  const auto second = visitor.get("/api/v1/board?offset=2&limit=2");
  BOOST_TEST_REQUIRE(second.body["rows"].size() == 1u);
  BOOST_TEST(second.body["rows"][0]["reference"] == references[2]);
  BOOST_TEST(visitor.get("/api/v1/board?offset=9").body["rows"].empty());
  BOOST_TEST(visitor.get("/api/v1/board").body["limit"] == 50);  // the default page
  const auto whole = visitor.get("/api/v1/board.json");
  BOOST_TEST(whole.status == 200);
  BOOST_TEST(whole.body["rows"].size() == 3u);
  BOOST_TEST(whole.body["all"] == first.body["all"]);
  BOOST_TEST(whole.headers.find("Content-Disposition")->second == "attachment; filename=\"tessera-board.json\"");
  for (const std::string bad : {"limit=501", "limit=-1", "offset=x", "limit="}) {
    const auto refused = visitor.get("/api/v1/board?" + bad);
    BOOST_TEST(refused.status == 400, bad);
    BOOST_TEST(refused.error_code() == "invalid_value", bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(the_contact_form_is_rate_limited) {
  TestServer server([](server::Config& config) { config.auth_attempts_per_minute = 2; });
  ApiClient visitor(server.port());
  const json message{{"name", "Spam"}, {"email", "spam@example.com"}, {"message", "Buy now"}};
  BOOST_TEST(visitor.post("/api/v1/contact", message).status == 201);
  BOOST_TEST(visitor.post("/api/v1/contact", message).status == 201);
  const auto limited = visitor.post("/api/v1/contact", message);
  BOOST_TEST(limited.status == 429);
  BOOST_TEST(limited.headers.count("Retry-After") == 1u);
}
