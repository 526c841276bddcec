// Client ticket screens completed, headless against a real server: the FAQ answers offered
// while the subject is typed; the funding choices with what each costs, and the one chosen
// kept by the ticket; a file chosen on the device attached (and a wrong type or size said
// before sending); the filters of My tickets; a resolution confirmed, then the evaluation
// (1–5, comment, publish) that reaches the public board; each state with no text missing.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "tessera/texts.hpp"

using tessera::Id;
using tessera::Language;
using tessera::tr;
using tessera::client::ChosenFile;
using tessera::client::make_httplib_api;
using namespace tessera::client::testing;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;

namespace {


const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0');

// The operator's side through the API: take, log `minutes`, propose the resolution.
void work_and_resolve(ApiClient& operator_, Id ticket, int minutes) {
  const std::string path = "/api/v1/tickets/" + std::to_string(ticket);
  BOOST_TEST_REQUIRE(operator_.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(operator_.post(path + "/messages", {{"body", "Fixed: the driver was reinstalled."}, {"internal", false}}).status == 201);
  BOOST_TEST_REQUIRE(operator_.post(path + "/time", {{"minutes", minutes}, {"note", "Driver reinstalled"}}).status == 201);
  BOOST_TEST_REQUIRE(operator_.post(path + "/actions", {{"action", "resolve"}}).status == 200);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ticket_completion_screens)

BOOST_AUTO_TEST_CASE(faq_answers_are_offered_while_the_subject_is_typed) {
  TestServer server;
  api_customer(server, "zoe@example.org");
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "zoe@example.org");
  go(driver, "/tickets/new");
  BOOST_TEST(driver.state()["texts"]["ticket.faq"] == "0");  // nothing typed, nothing offered
  BOOST_REQUIRE(driver.type("ticket.subject", "How do I cancel my subscription?"));
  driver.step();
  BOOST_TEST(driver.state()["texts"]["ticket.faq"] != "0");
  BOOST_REQUIRE(driver.app().widget_rect("ticket.faq.9").has_value());  // "How do I cancel?"
  BOOST_REQUIRE(driver.click("ticket.faq.9"));
  driver.step();
  BOOST_TEST(driver.state()["texts"]["ticket.faq_heading"] == std::string(tr("ticket.faq_heading", Language::en)));
  driver.app().tickets.new_ticket.subject.clear();
  BOOST_REQUIRE(driver.type("ticket.subject", "Printer offline since Monday"));
  driver.step();
  BOOST_TEST(driver.state()["texts"]["ticket.faq"] == "0");  // an issue of its own: no FAQ in the way
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(the_funding_choices_say_what_each_costs_and_the_choice_is_kept) {
  TestServer server;
  ApiClient customer = api_customer(server, "zoe@example.org");
  server.create_staff("ada@example.org", "admin password", "Ada", "admin");
  ApiClient admin(server.port());
  BOOST_TEST_REQUIRE(admin.post("/api/v1/auth/login", {{"email", "ada@example.org"}, {"password", "admin password"}}).status == 200);
  const auto order = customer.post("/api/v1/orders", {{"kind", "minutes"}, {"offer_code", "minutes_60"}, {"method", "check"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment",
                                nlohmann::json::object()).status == 200);
  FrameDriver driver(make_httplib_api(server.base_url()), Language::fr);
  log_in(driver, "zoe@example.org");
  go(driver, "/tickets/new");
  // The minute bank first (the default order), then the trial; each with its cost.
  BOOST_REQUIRE(driver.app().widget_rect("ticket.funding.minutes").has_value());
  BOOST_REQUIRE(driver.app().widget_rect("ticket.funding.trial").has_value());
  BOOST_TEST(!driver.app().widget_rect("ticket.funding.subscription").has_value());
  BOOST_TEST(driver.app().widget_rect("ticket.funding.minutes")->y < driver.app().widget_rect("ticket.funding.trial")->y);
  BOOST_REQUIRE(driver.type("ticket.subject", "Imprimante hors ligne"));
  BOOST_REQUIRE(driver.type("ticket.description", "Depuis ce matin."));
  BOOST_REQUIRE(driver.click("ticket.funding.trial"));
  BOOST_REQUIRE(driver.click("ticket.submit"));
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().screen() == "my_tickets" && !driver.app().busy(); }));
  driver.step(2);
  const auto tickets = customer.get("/api/v1/tickets").body["tickets"];
  BOOST_REQUIRE_EQUAL(tickets.size(), 1u);
  BOOST_TEST(tickets[0]["funding"] == "trial");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_file_chosen_on_the_device_is_attached_and_bad_ones_are_said_before_sending) {
  TestServer server;
  ApiClient customer = api_customer(server, "zoe@example.org");
  const Id ticket = api_ticket(customer, "Screen flickers", "key-1");
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  log_in(driver, "zoe@example.org");
  go(driver, "/tickets/" + std::to_string(ticket));
  auto& browser = driver.device().browser;
  // Not an image, PDF nor text: refused here, nothing sent.
  BOOST_REQUIRE(driver.click("ticket.attach"));
  BOOST_TEST(browser.file_accept.find("image/png") != std::string::npos);
  BOOST_REQUIRE(browser.pick_file(ChosenFile{"setup.exe", std::string("MZ\x90\0\x03\0\0\0", 8)}));
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "unsupported_attachment_type");
  BOOST_TEST(driver.state()["error"]["field"] == "attachment");
  BOOST_TEST(driver.app().record().error_shown);
  BOOST_TEST(!driver.app().busy("tickets.attach"));
  // Too large: refused here too.
  BOOST_REQUIRE(driver.click("ticket.attach"));
  BOOST_REQUIRE(browser.pick_file(ChosenFile{"huge.log", std::string(5 * 1024 * 1024 + 1, 'a')}));
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "attachment_too_large");
  // Cancelling the chooser changes nothing.
  BOOST_REQUIRE(driver.click("ticket.attach"));
  BOOST_REQUIRE(browser.pick_file(std::nullopt));
  driver.step();
  BOOST_TEST(driver.state()["ticket"]["attachments"].empty());
  // A screenshot: sent, then listed with its Download.
  BOOST_REQUIRE(driver.click("ticket.attach"));
  BOOST_REQUIRE(browser.pick_file(ChosenFile{"captura de pantalla.png", kPng}));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  const auto state = driver.state();
  BOOST_TEST(state["error"].is_null());
  BOOST_REQUIRE_EQUAL(state["ticket"]["attachments"].size(), 1u);
  BOOST_TEST(state["ticket"]["attachments"][0]["content_type"] == "image/png");
  BOOST_TEST(state["ticket"]["attachments"][0]["filename"] == "captura de pantalla.png");
  const auto file_id = state["ticket"]["attachments"][0]["id"].get<Id>();
  BOOST_TEST(driver.app().widget_rect("attachment." + std::to_string(file_id) + ".download").has_value());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(my_tickets_are_filtered_by_status_category_criticality_and_text) {
  TestServer server;
  ApiClient customer = api_customer(server, "zoe@example.org");
  const Id printer = api_ticket(customer, "Printer offline", "key-1");  // hardware, high
  const auto second = customer.post("/api/v1/tickets",
                                    {{"subject", "Mail password"}, {"description", "Forgotten."}, {"category", "account"},
                                     {"criticality", "low"}, {"language", "en"}},
                                    {{"Idempotency-Key", "key-2"}});
  BOOST_TEST_REQUIRE(second.status == 201);
  const Id mail = second.body["ticket"]["id"].get<Id>();
  BOOST_TEST_REQUIRE(customer.post("/api/v1/tickets/" + std::to_string(mail) + "/actions", {{"action", "withdraw"}}).status == 200);
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "zoe@example.org");
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"].size() == 2u);
  BOOST_REQUIRE(driver.click("tickets.filter.category"));
  driver.step();
  BOOST_REQUIRE(driver.click("tickets.filter.category.account"));
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"] == nlohmann::json::array({mail}));
  BOOST_REQUIRE(driver.click("tickets.filter.status"));
  driver.step();
  BOOST_REQUIRE(driver.click("tickets.filter.status.open"));
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"].empty());  // the mail ticket was withdrawn
  BOOST_TEST(driver.app().widget_rect("tickets.filter.clear").has_value());
  BOOST_REQUIRE(driver.click("tickets.filter.clear"));
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"].size() == 2u);
  BOOST_REQUIRE(driver.click("tickets.filter.criticality"));
  driver.step();
  BOOST_REQUIRE(driver.click("tickets.filter.criticality.high"));
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"] == nlohmann::json::array({printer}));
  BOOST_REQUIRE(driver.click("tickets.filter.clear"));
  BOOST_REQUIRE(driver.type("tickets.filter.text", "PRINTER"));
  driver.step();
  BOOST_TEST(driver.state()["tickets_shown"] == nlohmann::json::array({printer}));
  driver.app().tickets.filter.text.clear();
  BOOST_REQUIRE(driver.type("tickets.filter.text", std::string(201, 'x')));  // past 200 bytes
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "too_long");
  BOOST_TEST(driver.state()["error"]["field"] == "q");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_resolution_is_confirmed_then_rated_and_the_comment_reaches_the_board) {
  TestServer server;
  ApiClient customer = api_customer(server, "zoe@example.org");
  ApiClient operator_ = api_staff(server, "olga@example.org");
  const Id ticket = api_ticket(customer, "Printer offline", "key-1");
  work_and_resolve(operator_, ticket, 12);
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "zoe@example.org");
  go(driver, "/tickets/" + std::to_string(ticket));
  BOOST_TEST(driver.state()["ticket"]["ticket"]["status"] == "resolved");
  BOOST_TEST(driver.app().widget_rect("ticket.reject_resolution").has_value());
  BOOST_TEST(!driver.app().widget_rect("ticket.withdraw").has_value());  // work was logged
  BOOST_REQUIRE(driver.click("ticket.confirm_resolution"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["ticket"]["ticket"]["status"] == "closed");
  BOOST_TEST(!driver.app().widget_rect("ticket.attach").has_value());  // closed: no more files
  // No rating chosen: said at the rating.
  BOOST_REQUIRE(driver.click("ticket.evaluate"));
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_rating");
  BOOST_TEST(driver.app().record().error_shown);
  BOOST_REQUIRE(driver.click("ticket.rating.4"));
  BOOST_REQUIRE(driver.type("ticket.evaluation_comment", "Quick and kind, thank you!"));
  BOOST_TEST(driver.state()["drafts"]["evaluations"][std::to_string(ticket)]["rating"] == 4);  // kept on the device
  BOOST_REQUIRE(driver.click("ticket.evaluation_publish"));
  BOOST_REQUIRE(driver.click("ticket.evaluate"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["error"].is_null());
  BOOST_TEST(driver.state()["rated"][std::to_string(ticket)] == 4);
  BOOST_TEST(driver.state()["texts"]["ticket.rated"] == "Thank you: you gave 4/5.");
  BOOST_TEST(!driver.app().widget_rect("ticket.evaluate").has_value());
  const auto board = ApiClient(server.port()).get("/api/v1/board");
  BOOST_REQUIRE_EQUAL(board.body["rows"].size(), 1u);
  BOOST_TEST(board.body["rows"][0]["rating"] == 4);
  BOOST_TEST(board.body["rows"][0]["comment"] == "Quick and kind, thank you!");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_rejected_resolution_goes_back_to_work_and_a_new_ticket_can_be_withdrawn) {
  TestServer server;
  ApiClient customer = api_customer(server, "zoe@example.org");
  ApiClient operator_ = api_staff(server, "olga@example.org");
  const Id worked = api_ticket(customer, "Printer offline", "key-1");
  work_and_resolve(operator_, worked, 5);
  const Id untouched = api_ticket(customer, "Wi-Fi drops", "key-2");
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "zoe@example.org");
  go(driver, "/tickets/" + std::to_string(worked));
  BOOST_REQUIRE(driver.click("ticket.reject_resolution"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["ticket"]["ticket"]["status"] == "in_progress");
  go(driver, "/tickets/" + std::to_string(untouched));
  BOOST_REQUIRE(driver.click("ticket.withdraw"));
  driver.step(2);
  BOOST_REQUIRE(driver.click("ticket.withdraw_yes"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["ticket"]["ticket"]["status"] == "withdrawn");
  BOOST_TEST(!driver.app().widget_rect("ticket.evaluate").has_value());  // withdrawn: nothing to rate
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_SUITE_END()
