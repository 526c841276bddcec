// Client ticket screens, headless against a real server: a customer opens a ticket and sees
// it in My tickets; a missing subject is shown under its field; an operator takes the ticket
// from the queue, replies, writes an internal note and logs time, and the customer then sees
// the reply, the new status and what is left of the trial.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "net/api_httplib.hpp"
#include "tessera/texts.hpp"
#include "test_server.hpp"

using tessera::Language;
using tessera::tr;
using tessera::client::make_httplib_api;
using tessera::client::testing::FrameDriver;
using tessera::testing::TestServer;

namespace {

void sign_up(FrameDriver& driver, const std::string& email) {
  driver.settle();
  tessera::client::testing::fill_sign_up(driver, "Zoé Martín", email, "correct horse battery");
  BOOST_REQUIRE(driver.wait_until(
      [&] { return driver.app().screen() == "my_tickets" && !driver.app().busy(); }));
  driver.step();
}

void log_in_from_home(FrameDriver& driver, const std::string& email, const std::string& password) {
  driver.settle();
  BOOST_REQUIRE(driver.click("home.login"));
  BOOST_REQUIRE(driver.type("login.email", email));
  BOOST_REQUIRE(driver.type("login.password", password));
  BOOST_REQUIRE(driver.click("login.submit"));
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().signed_in() && !driver.app().busy(); }));
  driver.step();
}

// From My tickets: fills the new-ticket form and submits it; back on My tickets when done.
void open_ticket(FrameDriver& driver, const std::string& subject) {
  BOOST_REQUIRE(driver.click("tickets.new"));
  BOOST_REQUIRE(driver.state()["screen"] == "new_ticket");
  BOOST_REQUIRE(driver.type("ticket.subject", subject));
  BOOST_REQUIRE(driver.type("ticket.description", "Since this morning the printer says it is offline."));
  BOOST_REQUIRE(driver.click("ticket.category.network"));
  BOOST_REQUIRE(driver.click("ticket.criticality.critical"));
  BOOST_REQUIRE(driver.click("ticket.language.es"));
  BOOST_REQUIRE(driver.click("ticket.submit"));
  BOOST_REQUIRE(driver.wait_until(
      [&] { return driver.app().screen() == "my_tickets" && !driver.app().busy(); }));
  driver.step();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ticket_screens)

BOOST_AUTO_TEST_CASE(a_new_ticket_shows_in_my_tickets_with_status_new) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  sign_up(driver, "zoe@example.org");
  BOOST_TEST(driver.state()["texts"]["title"] == "My tickets");
  open_ticket(driver, "Printer offline");
  const auto state = driver.state();
  BOOST_REQUIRE_EQUAL(state["tickets"].size(), 1u);
  const auto& ticket = state["tickets"][0];
  BOOST_TEST(ticket["subject"] == "Printer offline");
  BOOST_TEST(ticket["status"] == "new");
  BOOST_TEST(ticket["category"] == "network");
  BOOST_TEST(ticket["criticality"] == "critical");
  BOOST_TEST(ticket["language"] == "es");
  BOOST_TEST(state["error"].is_null());
  const auto id = ticket["id"].get<tessera::Id>();
  BOOST_TEST(driver.app().widget_rect("tickets.open." + std::to_string(id)).has_value());
  // The form is empty again for the next issue.
  BOOST_TEST(driver.app().tickets.new_ticket.subject.empty());
  BOOST_TEST(driver.app().requests().outbox().size() <= 1u);  // at most the item just sent
}

BOOST_AUTO_TEST_CASE(a_missing_subject_is_shown_under_the_subject_field) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  sign_up(driver, "zoe@example.org");
  BOOST_REQUIRE(driver.click("tickets.new"));
  BOOST_REQUIRE(driver.type("ticket.description", "No subject on purpose."));
  BOOST_REQUIRE(driver.click("ticket.submit"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  const auto state = driver.state();
  BOOST_TEST(state["screen"] == "new_ticket");
  BOOST_TEST(state["error"]["code"] == "required");
  BOOST_TEST(state["error"]["field"] == "subject");
  BOOST_TEST(state["error"]["text"] == std::string(tr("error.required", Language::es)));
  BOOST_TEST(driver.app().record().error_shown);
  BOOST_TEST(state["fields"]["ticket.description"] == "No subject on purpose.");
}

BOOST_AUTO_TEST_CASE(an_operator_takes_replies_logs_time_and_the_customer_sees_it) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator");
  tessera::Id ticket_id = 0;
  {
    FrameDriver customer(make_httplib_api(server.base_url()));
    sign_up(customer, "zoe@example.org");
    open_ticket(customer, "Printer offline");
    ticket_id = customer.state()["tickets"][0]["id"].get<tessera::Id>();
    BOOST_REQUIRE(customer.click("nav.logout"));
    BOOST_TEST(customer.state()["screen"] == "home");
    BOOST_TEST(customer.state()["user"].is_null());
  }
  const auto open_id = std::to_string(ticket_id);
  {
    FrameDriver operator_(make_httplib_api(server.base_url()));
    log_in_from_home(operator_, "olga@example.org", "operator password");
    BOOST_TEST(operator_.state()["screen"] == "queue");
    BOOST_REQUIRE_EQUAL(operator_.state()["queue"].size(), 1u);
    BOOST_REQUIRE(operator_.click("queue.open." + open_id));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_TEST(operator_.state()["screen"] == "operator_ticket");
    BOOST_REQUIRE(operator_.click("op.take"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_TEST(operator_.state()["ticket"]["ticket"]["status"] == "in_progress");

    BOOST_REQUIRE(operator_.type("op.reply", "Please restart the printer."));
    BOOST_REQUIRE(operator_.click("op.send"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_REQUIRE(operator_.type("op.reply", "Customer sounds in a hurry."));
    BOOST_REQUIRE(operator_.click("op.internal"));
    BOOST_REQUIRE(operator_.click("op.send"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_REQUIRE(operator_.type("op.minutes", "10"));
    BOOST_REQUIRE(operator_.type("op.note", "Checked the print queue"));
    BOOST_REQUIRE(operator_.click("op.log_time"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    const auto state = operator_.state();
    BOOST_TEST(state["error"].is_null());
    BOOST_TEST(state["ticket"]["ticket"]["minutes_worked"] == 10);
    int messages = 0, notes = 0, time_entries = 0;
    for (const auto& entry : state["ticket"]["timeline"]) {
      messages += entry["kind"] == "message";
      notes += entry["kind"] == "internal_note";
      time_entries += entry["kind"] == "time_entry" && entry["minutes"] == 10;
    }
    BOOST_TEST(messages == 1);
    BOOST_TEST(notes == 1);
    BOOST_TEST(time_entries == 1);
    BOOST_TEST(state["fields"]["op.minutes"] == "");  // the time form is empty again
  }
  FrameDriver customer(make_httplib_api(server.base_url()), Language::fr);
  log_in_from_home(customer, "zoe@example.org", "correct horse battery");
  BOOST_REQUIRE(customer.settle());
  customer.step();
  auto state = customer.state();
  BOOST_TEST(state["screen"] == "my_tickets");
  BOOST_TEST(state["balances"]["trial_minutes_left"] == 5);
  BOOST_TEST(state["texts"]["balance"] == "Free trial: 5 minutes left");  // the account's language: en
  BOOST_TEST(state["tickets"][0]["status"] == "in_progress");
  BOOST_REQUIRE(customer.click("tickets.open." + open_id));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  state = customer.state();
  BOOST_TEST(state["screen"] == "ticket");
  bool reply_seen = false, note_seen = false;
  for (const auto& entry : state["ticket"]["timeline"]) {
    reply_seen = reply_seen || entry["body"] == "Please restart the printer.";
    note_seen = note_seen || entry["kind"] == "internal_note";
  }
  BOOST_TEST(reply_seen);
  BOOST_TEST(!note_seen);
  BOOST_REQUIRE(customer.click("lang.fr"));
  BOOST_TEST(customer.state()["texts"]["status"].get<std::string>().rfind("Statut : En cours", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ticket_lifecycle)

BOOST_AUTO_TEST_CASE(the_operator_resolves_and_the_customer_confirms) {
  TestServer server;
  server.create_staff("olga@example.org", "operator password", "Olga", "operator");
  std::string open_id;
  {
    FrameDriver customer(make_httplib_api(server.base_url()));
    sign_up(customer, "zoe@example.org");
    open_ticket(customer, "Printer offline");
    open_id = std::to_string(customer.state()["tickets"][0]["id"].get<tessera::Id>());
    BOOST_REQUIRE(customer.click("nav.logout"));
  }
  {
    FrameDriver operator_(make_httplib_api(server.base_url()));
    log_in_from_home(operator_, "olga@example.org", "operator password");
    BOOST_REQUIRE(operator_.click("queue.open." + open_id));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    // New: only "take" is offered.
    BOOST_TEST(operator_.app().widget_rect("op.take").has_value());
    BOOST_TEST(!operator_.app().widget_rect("op.resolve").has_value());
    BOOST_REQUIRE(operator_.click("op.take"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_TEST(!operator_.app().widget_rect("op.take").has_value());
    BOOST_REQUIRE(operator_.click("op.resolve"));
    BOOST_REQUIRE(operator_.settle());
    operator_.step();
    BOOST_TEST(operator_.state()["ticket"]["ticket"]["status"] == "resolved");
  }
  FrameDriver customer(make_httplib_api(server.base_url()));
  log_in_from_home(customer, "zoe@example.org", "correct horse battery");
  BOOST_REQUIRE(customer.click("tickets.open." + open_id));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  BOOST_TEST(customer.app().widget_rect("ticket.reject_resolution").has_value());
  BOOST_REQUIRE(customer.click("ticket.confirm_resolution"));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  BOOST_TEST(customer.state()["ticket"]["ticket"]["status"] == "closed");
  BOOST_TEST(!customer.app().widget_rect("ticket.reply").has_value());  // a closed ticket takes no message
}

BOOST_AUTO_TEST_CASE(a_customer_withdraws_a_ticket_before_any_work) {
  TestServer server;
  FrameDriver customer(make_httplib_api(server.base_url()));
  sign_up(customer, "zoe@example.org");
  open_ticket(customer, "Never mind");
  const auto id = std::to_string(customer.state()["tickets"][0]["id"].get<tessera::Id>());
  BOOST_REQUIRE(customer.click("tickets.open." + id));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  BOOST_TEST(!customer.app().widget_rect("ticket.confirm_resolution").has_value());
  BOOST_REQUIRE(customer.click("ticket.withdraw"));
  customer.step();
  // A confirmation first: Escape leaves the ticket as it is.
  BOOST_REQUIRE(customer.app().widget_rect("ticket.withdraw_yes").has_value());
  customer.press_escape();
  customer.step();
  BOOST_TEST(!customer.app().widget_rect("ticket.withdraw_yes").has_value());
  BOOST_TEST(customer.state()["ticket"]["ticket"]["status"] == "new");
  BOOST_REQUIRE(customer.click("ticket.withdraw"));
  customer.step();
  BOOST_REQUIRE(customer.click("ticket.withdraw_yes"));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  BOOST_TEST(customer.state()["ticket"]["ticket"]["status"] == "withdrawn");
  BOOST_TEST(!customer.app().widget_rect("ticket.withdraw").has_value());
  BOOST_REQUIRE(customer.click("ticket.back"));
  BOOST_REQUIRE(customer.settle());
  customer.step();
  BOOST_TEST(customer.state()["tickets"][0]["status"] == "withdrawn");
}

BOOST_AUTO_TEST_SUITE_END()
