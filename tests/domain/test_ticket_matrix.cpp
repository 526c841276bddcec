// The ticket state machine (SPEC §1.8) checked exhaustively: every status × action × role,
// against a table written from the spec. Legal moves give the next status; a role that may
// never act gets forbidden_action; a legal role in the wrong status gets invalid_transition.
#include <boost/test/unit_test.hpp>

#include <map>
#include <tuple>

#include "tessera/ticket.hpp"

using namespace tessera;
using S = TicketStatus;
using A = TicketAction;

BOOST_AUTO_TEST_SUITE(ticket_matrix)

BOOST_AUTO_TEST_CASE(every_status_action_and_role) {
  // Who may do what (SPEC §1.8): operators and admins work tickets; the customer replies,
  // confirms, rejects, withdraws; the platform closes, suspends and restores.
  const std::map<A, std::vector<Role>> may = {
      {A::take, {Role::operator_, Role::admin}},
      {A::ask_customer, {Role::operator_, Role::admin}},
      {A::resolve, {Role::operator_, Role::admin}},
      {A::customer_replied, {Role::customer}},
      {A::confirm_resolution, {Role::customer}},
      {A::reject_resolution, {Role::customer}},
      {A::withdraw, {Role::customer}},
      {A::auto_close, {Role::system}},
      {A::funding_exhausted, {Role::system}},
      {A::funding_restored, {Role::system}},
      {A::subscription_ended, {Role::system}},
  };
  // From which statuses, to which status.
  const std::map<std::pair<S, A>, S> moves = {
      {{S::new_, A::take}, S::in_progress},
      {{S::in_progress, A::ask_customer}, S::waiting_customer},
      {{S::waiting_customer, A::customer_replied}, S::in_progress},
      {{S::in_progress, A::resolve}, S::resolved},
      {{S::waiting_customer, A::resolve}, S::resolved},
      {{S::resolved, A::confirm_resolution}, S::closed},
      {{S::resolved, A::auto_close}, S::closed},
      {{S::resolved, A::reject_resolution}, S::in_progress},
      {{S::new_, A::withdraw}, S::withdrawn},
      {{S::in_progress, A::withdraw}, S::withdrawn},
      {{S::waiting_customer, A::withdraw}, S::withdrawn},
      {{S::new_, A::funding_exhausted}, S::awaiting_funding},
      {{S::in_progress, A::funding_exhausted}, S::awaiting_funding},
      {{S::waiting_customer, A::funding_exhausted}, S::awaiting_funding},
      {{S::resolved, A::funding_exhausted}, S::awaiting_funding},
      {{S::awaiting_funding, A::funding_restored}, S::in_progress},
      {{S::new_, A::subscription_ended}, S::closed_subscription_ended},
      {{S::in_progress, A::subscription_ended}, S::closed_subscription_ended},
      {{S::waiting_customer, A::subscription_ended}, S::closed_subscription_ended},
      {{S::resolved, A::subscription_ended}, S::closed_subscription_ended},
      {{S::awaiting_funding, A::subscription_ended}, S::closed_subscription_ended},
  };
  const S statuses[] = {S::new_,   S::in_progress, S::waiting_customer,  S::resolved,
                        S::closed, S::withdrawn,   S::awaiting_funding, S::closed_subscription_ended};
  const Role roles[] = {Role::customer, Role::operator_, Role::admin, Role::system};
  int legal = 0;
  for (S status : statuses)
    for (const auto& [action, allowed] : may)
      for (Role role : roles) {
        BOOST_TEST_CONTEXT(to_string(status) << " " << to_string(action) << " by " << to_string(role)) {
          const auto result = apply_ticket_action(TicketFacts{status, 0}, action, role);
          const bool role_ok = std::find(allowed.begin(), allowed.end(), role) != allowed.end();
          const auto move = moves.find({status, action});
          if (!role_ok) {
            BOOST_TEST_REQUIRE(!result.ok());
            BOOST_TEST(result.error().code == "forbidden_action");
          } else if (move == moves.end()) {
            BOOST_TEST_REQUIRE(!result.ok());
            BOOST_TEST(result.error().code == "invalid_transition");
          } else {
            BOOST_TEST_REQUIRE(result.ok());
            BOOST_TEST((result.value() == move->second));
            ++legal;
          }
        }
      }
  BOOST_TEST(legal == 25);  // 21 moves; take, ask_customer and resolve (x2) also by an admin: +4
}

BOOST_AUTO_TEST_CASE(withdrawing_after_work_is_refused_in_every_open_status) {
  for (S status : {S::new_, S::in_progress, S::waiting_customer})
    BOOST_TEST(apply_ticket_action(TicketFacts{status, 1}, A::withdraw, Role::customer).error().code ==
               "work_already_logged");
}

BOOST_AUTO_TEST_SUITE_END()
