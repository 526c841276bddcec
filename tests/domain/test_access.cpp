// Access rules and the operator queue order (SPEC §1.3, §1.8, §3).
#include <boost/test/unit_test.hpp>

#include "tessera/access.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(access_rules)

BOOST_AUTO_TEST_CASE(who_sees_a_ticket) {
  const TicketOwnership ticket{10, 100};
  BOOST_TEST(may_see_ticket(Viewer{100, Role::customer, 10, false}, ticket));   // the opener
  BOOST_TEST(may_see_ticket(Viewer{101, Role::customer, 10, true}, ticket));    // the owner
  BOOST_TEST(!may_see_ticket(Viewer{102, Role::customer, 10, false}, ticket));  // another user of the account
  BOOST_TEST(!may_see_ticket(Viewer{200, Role::customer, 20, true}, ticket));   // another account's owner
  BOOST_TEST(!may_see_ticket(Viewer{100, Role::customer, std::nullopt, false}, ticket));
  BOOST_TEST(may_see_ticket(Viewer{1, Role::operator_, std::nullopt, false}, ticket));
  BOOST_TEST(may_see_ticket(Viewer{2, Role::admin, std::nullopt, false}, ticket));
  BOOST_TEST(!may_see_internal_notes(Viewer{100, Role::customer, 10, true}));
  BOOST_TEST(may_see_internal_notes(Viewer{1, Role::operator_, std::nullopt, false}));
}

BOOST_AUTO_TEST_CASE(queue_orders_by_effective_criticality_then_age) {
  using C = Criticality;
  const std::vector<QueueItem> items{
      {1, C::low, std::nullopt, Language::fr, TicketStatus::new_, 100},
      {2, C::normal, std::nullopt, Language::fr, TicketStatus::new_, 50},
      {3, C::low, C::critical, Language::fr, TicketStatus::in_progress, 300},  // triaged up
      {4, C::normal, std::nullopt, Language::fr, TicketStatus::new_, 40},
      {5, C::critical, C::low, Language::fr, TicketStatus::new_, 10},          // triaged down
      {6, C::critical, std::nullopt, Language::es, TicketStatus::new_, 10},      // not spoken
      {7, C::high, std::nullopt, Language::en, TicketStatus::closed, 1},       // not waiting
  };
  const auto queue = operator_queue(items, {Language::fr, Language::en});
  std::vector<Id> order;
  for (const auto& item : queue) order.push_back(item.ticket_id);
  BOOST_TEST(order == (std::vector<Id>{3, 4, 2, 5, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
