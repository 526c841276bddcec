// Authorized users (SPEC §1.3): invitation links live 7 days and serve once; the
// subscription's seats count the owner, the users holding its scope and the pending invitations.
#include <boost/test/unit_test.hpp>

#include "tessera/members.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(members)

BOOST_AUTO_TEST_CASE(an_invitation_is_pending_for_seven_days_then_expires) {
  const Instant sent = 1'700'000'000;
  const InvitationFacts invitation{sent, std::nullopt, std::nullopt};
  BOOST_TEST(invitation_expires_at(sent) == sent + 7 * kSecondsPerDay);
  BOOST_TEST(to_string(invitation_state(invitation, sent)) == "pending");
  BOOST_TEST(to_string(invitation_state(invitation, sent + 7 * kSecondsPerDay - 1)) == "pending");
  BOOST_TEST(!invitation_unusable(invitation, sent + 7 * kSecondsPerDay - 1));
  BOOST_TEST(to_string(invitation_state(invitation, sent + 7 * kSecondsPerDay)) == "expired");
  BOOST_TEST(invitation_unusable(invitation, sent + 7 * kSecondsPerDay)->code == "invitation_expired");
}

BOOST_AUTO_TEST_CASE(an_invitation_serves_once_and_a_revoked_one_never) {
  const Instant sent = 1'700'000'000;
  const InvitationFacts used{sent, sent + 60, std::nullopt};
  BOOST_TEST(to_string(invitation_state(used, sent + 120)) == "accepted");
  BOOST_TEST(invitation_unusable(used, sent + 120)->code == "invitation_used");
  // Once accepted it stays accepted, even after the 7 days.
  BOOST_TEST(to_string(invitation_state(used, sent + 30 * kSecondsPerDay)) == "accepted");
  const InvitationFacts revoked{sent, std::nullopt, sent + 10};
  BOOST_TEST(invitation_unusable(revoked, sent + 20)->code == "invitation_revoked");
}

BOOST_AUTO_TEST_CASE(subscription_seats_count_owner_users_and_pending_invitations) {
  // Included 1 + 2 extra = 3 seats: the owner, one user, one pending invitation.
  const SeatCount seats{1, 1};
  BOOST_TEST(seats.used() == 3);
  BOOST_TEST(!check_subscription_seats(seats, 0, 3));  // nothing more asked
  const auto full = check_subscription_seats(seats, 1, 3);
  BOOST_REQUIRE(full);
  BOOST_TEST(full->code == "user_limit_reached");
  BOOST_TEST(full->field == "scope");
  BOOST_TEST(full->params.at("limit") == "3");
  BOOST_TEST(full->params.at("used") == "3");
  BOOST_TEST(!check_subscription_seats(seats, 1, 4));
  BOOST_TEST(check_subscription_seats(seats, 2, 4)->code == "user_limit_reached");
  // No subscription: the scope cannot be given at all.
  BOOST_TEST(check_subscription_seats(SeatCount{}, 1, 0)->code == "no_subscription");
  // Only the owner on a one-user subscription: no seat left.
  BOOST_TEST(check_subscription_seats(SeatCount{}, 1, 1)->code == "user_limit_reached");
}

BOOST_AUTO_TEST_SUITE_END()
