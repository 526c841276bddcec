// Authorized users: invitation states and the subscription's seats (see members.hpp).
#include "tessera/members.hpp"

#include <string>

namespace tessera {

std::string_view to_string(InvitationState state) {
  switch (state) {
    case InvitationState::pending: return "pending";
    case InvitationState::accepted: return "accepted";
    case InvitationState::expired: return "expired";
    case InvitationState::revoked: return "revoked";
  }
  return "pending";
}

Instant invitation_expires_at(Instant created_at) { return created_at + kInvitationValiditySeconds; }

InvitationState invitation_state(const InvitationFacts& invitation, Instant at) {
  if (invitation.accepted_at) return InvitationState::accepted;
  if (invitation.revoked_at) return InvitationState::revoked;
  if (at >= invitation_expires_at(invitation.created_at)) return InvitationState::expired;
  return InvitationState::pending;
}

std::optional<Error> invitation_unusable(const InvitationFacts& invitation, Instant at) {
  switch (invitation_state(invitation, at)) {
    case InvitationState::pending: return std::nullopt;
    case InvitationState::accepted: return make_error("invitation_used");
    case InvitationState::expired: return make_error("invitation_expired");
    case InvitationState::revoked: return make_error("invitation_revoked");
  }
  return std::nullopt;
}

std::optional<Error> check_subscription_seats(const SeatCount& seats, std::int64_t extra, std::int64_t limit) {
  if (extra <= 0) return std::nullopt;
  if (limit <= 0) return make_error("no_subscription", "scope");
  if (seats.used() + extra > limit)
    return Error{"user_limit_reached", "scope", {{"limit", std::to_string(limit)}, {"used", std::to_string(seats.used())}}};
  return std::nullopt;
}

}  // namespace tessera
