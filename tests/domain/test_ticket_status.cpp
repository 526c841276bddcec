// The ticket state machine (SPEC §1.8): every legal transition, and the errors of illegal ones.
#include <boost/test/unit_test.hpp>

#include "tessera/ticket.hpp"

using namespace tessera;
using S = TicketStatus;
using A = TicketAction;

BOOST_AUTO_TEST_SUITE(ticket_status)

struct Legal {
  S from;
  A action;
  Role role;
  S to;
};

BOOST_AUTO_TEST_CASE(every_legal_transition) {
  const Legal cases[] = {
      {S::new_, A::take, Role::operator_, S::in_progress},
      {S::new_, A::take, Role::admin, S::in_progress},
      {S::in_progress, A::ask_customer, Role::operator_, S::waiting_customer},
      {S::waiting_customer, A::customer_replied, Role::customer, S::in_progress},
      {S::in_progress, A::resolve, Role::operator_, S::resolved},
      {S::waiting_customer, A::resolve, Role::operator_, S::resolved},
      {S::resolved, A::confirm_resolution, Role::customer, S::closed},
      {S::resolved, A::reject_resolution, Role::customer, S::in_progress},
      {S::resolved, A::auto_close, Role::system, S::closed},
      {S::new_, A::withdraw, Role::customer, S::withdrawn},
      {S::in_progress, A::funding_exhausted, Role::system, S::awaiting_funding},
      {S::awaiting_funding, A::funding_restored, Role::system, S::in_progress},
      {S::waiting_customer, A::subscription_ended, Role::system, S::closed_subscription_ended},
  };
  for (const Legal& c : cases) {
    const auto result = apply_ticket_action(TicketFacts{c.from, 0}, c.action, c.role);
    BOOST_TEST_CONTEXT(to_string(c.from) << " --" << to_string(c.action) << "--> " << to_string(c.to)) {
      BOOST_TEST_REQUIRE(result.ok());
      BOOST_TEST((result.value() == c.to));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_customer_cannot_take_or_resolve) {
  BOOST_TEST(apply_ticket_action({S::new_, 0}, A::take, Role::customer).error().code == "forbidden_action");
  BOOST_TEST(apply_ticket_action({S::in_progress, 0}, A::resolve, Role::customer).error().code == "forbidden_action");
}

BOOST_AUTO_TEST_CASE(an_operator_cannot_confirm_for_the_customer) {
  BOOST_TEST(apply_ticket_action({S::resolved, 0}, A::confirm_resolution, Role::operator_).error().code ==
             "forbidden_action");
}

BOOST_AUTO_TEST_CASE(taking_twice_names_the_status) {
  const auto result = apply_ticket_action({S::in_progress, 0}, A::take, Role::operator_);
  BOOST_TEST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().code == "invalid_transition");
  BOOST_TEST(result.error().params.at("status") == "in_progress");
  BOOST_TEST(result.error().params.at("action") == "take");
}

BOOST_AUTO_TEST_CASE(withdraw_only_before_any_work) {
  BOOST_TEST(apply_ticket_action({S::in_progress, 0}, A::withdraw, Role::customer).ok());
  BOOST_TEST(apply_ticket_action({S::in_progress, 10}, A::withdraw, Role::customer).error().code ==
             "work_already_logged");
  BOOST_TEST(apply_ticket_action({S::closed, 0}, A::withdraw, Role::customer).error().code == "invalid_transition");
}

BOOST_AUTO_TEST_CASE(closed_tickets_are_final) {
  for (S closed : {S::closed, S::withdrawn, S::closed_subscription_ended}) {
    BOOST_TEST(!is_open(closed));
    BOOST_TEST(!accepts_messages(closed));
    BOOST_TEST(!accepts_time_entries(closed));
    for (A action : {A::take, A::resolve, A::reject_resolution, A::subscription_ended})
      BOOST_TEST(!apply_ticket_action({closed, 0}, action, action == A::subscription_ended ? Role::system
                                                                                            : Role::operator_)
                      .ok());
  }
}

BOOST_AUTO_TEST_CASE(time_is_logged_only_once_taken) {
  BOOST_TEST(!accepts_time_entries(S::new_));
  BOOST_TEST(accepts_time_entries(S::in_progress));
  BOOST_TEST(accepts_time_entries(S::waiting_customer));
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (S status : {S::new_, S::in_progress, S::waiting_customer, S::resolved, S::closed, S::withdrawn,
                   S::awaiting_funding, S::closed_subscription_ended})
    BOOST_TEST((parse_ticket_status(to_string(status)) == status));
  BOOST_TEST(to_string(S::new_) == "new");
  BOOST_TEST(!parse_category("printer").has_value());
  BOOST_TEST((parse_criticality("critical") == Criticality::critical));
  BOOST_TEST((parse_language("es") == Language::es));
}

BOOST_AUTO_TEST_CASE(triage_overrides_declared_criticality) {
  BOOST_TEST((effective_criticality(Criticality::low, Criticality::critical) == Criticality::critical));
  BOOST_TEST((effective_criticality(Criticality::high, std::nullopt) == Criticality::high));
}

BOOST_AUTO_TEST_SUITE_END()
