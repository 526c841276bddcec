// The ticket rules the server applies and the client repeats, from shared/ alone: which actions
// a request may ask for, which statuses are in the operator queue, the timeline's event kinds,
// an overrun sending a ticket to awaiting_funding (SPEC §1.7), the worked minutes as the ledger
// holds them, an admin's correction checked before it is recorded, and the JSON of the
// action and triage requests.
#include <set>

#include "ledger_fixture.hpp"
#include "tessera/wire.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_AUTO_TEST_SUITE(ticket_rules)

constexpr TicketAction kAllActions[] = {
    TicketAction::take,       TicketAction::ask_customer,       TicketAction::customer_replied,
    TicketAction::resolve,    TicketAction::confirm_resolution, TicketAction::reject_resolution,
    TicketAction::auto_close, TicketAction::withdraw,           TicketAction::funding_exhausted,
    TicketAction::funding_restored, TicketAction::subscription_ended};
constexpr TicketStatus kAllStatuses[] = {TicketStatus::new_,     TicketStatus::in_progress, TicketStatus::waiting_customer,
                                         TicketStatus::resolved, TicketStatus::closed,      TicketStatus::withdrawn,
                                         TicketStatus::awaiting_funding, TicketStatus::closed_subscription_ended};

BOOST_AUTO_TEST_CASE(a_client_may_ask_for_six_actions_and_never_for_the_systems) {
  const std::set<TicketAction> asked{TicketAction::take,    TicketAction::ask_customer,       TicketAction::resolve,
                                     TicketAction::confirm_resolution, TicketAction::reject_resolution,
                                     TicketAction::withdraw};
  for (TicketAction action : kAllActions)
    BOOST_TEST_CONTEXT(to_string(action)) { BOOST_TEST(client_may_request(action) == (asked.count(action) == 1)); }
}

BOOST_AUTO_TEST_CASE(the_queue_holds_new_in_progress_and_waiting_tickets_all_of_them_open) {
  const std::vector<TicketStatus> expected{TicketStatus::new_, TicketStatus::in_progress, TicketStatus::waiting_customer};
  BOOST_TEST((operator_queue_statuses() == expected));
  for (TicketStatus status : kAllStatuses)
    BOOST_TEST_CONTEXT(to_string(status)) {
      if (in_operator_queue(status)) BOOST_TEST(is_open(status));
    }
  BOOST_TEST(!in_operator_queue(TicketStatus::resolved));          // waits for the customer
  BOOST_TEST(!in_operator_queue(TicketStatus::awaiting_funding));  // waits for a payment
}

BOOST_AUTO_TEST_CASE(event_kinds_have_one_name_each_and_two_of_them_carry_minutes) {
  const TicketEventKind kinds[] = {TicketEventKind::message,         TicketEventKind::internal_note,
                                   TicketEventKind::status_change,   TicketEventKind::time_entry,
                                   TicketEventKind::time_adjustment, TicketEventKind::triage_change,
                                   TicketEventKind::attachment};
  std::set<std::string_view> names;
  for (TicketEventKind kind : kinds) {
    names.insert(to_string(kind));
    BOOST_TEST((parse_ticket_event_kind(to_string(kind)) == kind));
  }
  BOOST_TEST(names.size() == std::size(kinds));
  BOOST_TEST(to_string(TicketEventKind::internal_note) == "internal_note");
  BOOST_TEST(!parse_ticket_event_kind("note").has_value());
  BOOST_TEST(is_time_event(TicketEventKind::time_entry));
  BOOST_TEST(is_time_event(TicketEventKind::time_adjustment));
  BOOST_TEST(!is_time_event(TicketEventKind::message));
  BOOST_TEST(!is_time_event(TicketEventKind::status_change));
}

BOOST_AUTO_TEST_CASE(an_overrun_sends_an_open_ticket_to_awaiting_funding_and_nothing_else_does) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.run(OpenTicket{at(2026, 1, 10, 11), 1, owner_scope(), FundingSource::trial});
  const auto within = account.run(LogTime{at(2026, 1, 10, 12), 1, 10, "within the trial"});
  BOOST_TEST(!status_after_entries(TicketFacts{TicketStatus::in_progress, 10}, within).has_value());
  const auto beyond = account.run(LogTime{at(2026, 1, 10, 13), 1, 20, "beyond it"});  // 30 of 15 minutes
  BOOST_TEST((status_after_entries(TicketFacts{TicketStatus::in_progress, 30}, beyond) == TicketStatus::awaiting_funding));
  BOOST_TEST((status_after_entries(TicketFacts{TicketStatus::waiting_customer, 30}, beyond) ==
             TicketStatus::awaiting_funding));
  // A ticket whose status does not allow it (already waiting for funding, or closed) keeps it.
  BOOST_TEST(!status_after_entries(TicketFacts{TicketStatus::awaiting_funding, 30}, beyond).has_value());
  BOOST_TEST(!status_after_entries(TicketFacts{TicketStatus::closed, 30}, beyond).has_value());
}

BOOST_AUTO_TEST_CASE(worked_minutes_are_the_ledgers_with_corrections) {
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.run(OpenTicket{at(2026, 1, 10, 11), 1, owner_scope(), FundingSource::trial});
  BOOST_TEST(worked_minutes(account.ledger, 1) == 0);
  account.run(LogTime{at(2026, 1, 10, 12), 1, 12, "diagnosis"});
  account.run(LogTime{at(2026, 1, 10, 13), 1, 7, "fix"});
  BOOST_TEST(worked_minutes(account.ledger, 1) == 19);
  account.run(AdjustTime{at(2026, 1, 10, 14), 1, -4, "counted twice"});
  BOOST_TEST(worked_minutes(account.ledger, 1) == 15);
  BOOST_TEST(worked_minutes(account.ledger, 99) == 0);  // unknown ticket
}

BOOST_AUTO_TEST_CASE(an_adjustment_is_checked_as_the_ledger_records_it) {
  struct Row {
    const char* name;
    Minutes worked, minutes;
    std::string note;
    const char* code;  // "" accepted
    const char* field;
  };
  const std::string long_note(Limits::note_max + 1, 'x');
  const Row rows[] = {
      {"a correction down", 20, -5, "counted twice", "", ""},
      {"a correction up to the limit", 0, 480, "forgotten", "", ""},
      {"zero is no correction", 20, 0, "nothing", "adjustment_out_of_range", "minutes"},
      {"beyond +480", 20, 481, "too much", "adjustment_out_of_range", "minutes"},
      {"beyond -480", 600, -481, "too much", "adjustment_out_of_range", "minutes"},
      {"below zero worked", 10, -11, "too far", "adjustment_below_zero", "minutes"},
      {"a blank note", 10, 5, " \t\n", "note_required", "note"},
      {"a note too long", 10, 5, long_note, "too_long", "note"},
      {"a note that is not UTF-8", 10, 5, "caf\xe9", "invalid_value", "note"},
  };
  for (const Row& row : rows)
    BOOST_TEST_CONTEXT(row.name) {
      const auto error = check_time_adjustment(row.worked, row.minutes, row.note);
      BOOST_TEST((error ? error->code : std::string()) == row.code);
      if (error) BOOST_TEST(error->field == row.field);
    }
  const auto out_of_range = check_time_adjustment(0, 0, "x");
  BOOST_REQUIRE(out_of_range);
  BOOST_TEST(out_of_range->params.at("max") == "480");
  // The ledger refuses what the check refuses, with the same code.
  Account account;
  account.run(GrantTrial{at(2026, 1, 10), kOwner});
  account.run(OpenTicket{at(2026, 1, 10, 11), 1, owner_scope(), FundingSource::trial});
  account.run(LogTime{at(2026, 1, 10, 12), 1, 10, "work"});
  BOOST_TEST(account.refuse(AdjustTime{at(2026, 1, 10, 13), 1, -11, "too far"}).code == "adjustment_below_zero");
  BOOST_TEST(account.refuse(AdjustTime{at(2026, 1, 10, 13), 1, 5, " "}).code == "note_required");
}

BOOST_AUTO_TEST_CASE(action_and_triage_requests_are_read_from_their_json) {
  using nlohmann::json;
  BOOST_TEST((wire::parse_action_request(json{{"action", "take"}}).value() == TicketAction::take));
  BOOST_TEST((wire::parse_action_request(json{{"action", "withdraw"}}).value() == TicketAction::withdraw));
  BOOST_TEST(wire::parse_action_request(json::object()).error().code == "required");
  BOOST_TEST(wire::parse_action_request(json{{"action", 3}}).error().code == "invalid_value");
  BOOST_TEST(wire::parse_action_request(json{{"action", "fly"}}).error().code == "invalid_value");
  const auto system = wire::parse_action_request(json{{"action", "auto_close"}});  // the scheduler's
  BOOST_TEST(system.error().code == "invalid_value");
  BOOST_TEST(system.error().field == "action");
  BOOST_TEST((wire::parse_triage_request(json{{"criticality", "high"}}).value() == Criticality::high));
  BOOST_TEST(wire::parse_triage_request(json::object()).error().code == "required");
  BOOST_TEST(wire::parse_triage_request(json{{"criticality", 1}}).error().code == "required");
  BOOST_TEST(wire::parse_triage_request(json{{"criticality", "urgent"}}).error().code == "invalid_value");
}

BOOST_AUTO_TEST_SUITE_END()
