// Authorized users of an account (SPEC §1.3): the owner invites people by email with a
// one-time link valid 7 days, and gives each a scope (the subscription, the multi-user pack
// pool). The subscription's seats — the owner, every user holding the subscription scope and
// every pending invitation that would give it — may not exceed included + extra users.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

inline constexpr std::int64_t kInvitationValiditySeconds = 7 * kSecondsPerDay;

struct MemberScope {
  bool subscription = false;  // may open tickets funded by the subscription
  bool pool = false;          // may use the multi-user pack pool
  bool operator==(const MemberScope&) const = default;
};

enum class InvitationState { pending, accepted, expired, revoked };
std::string_view to_string(InvitationState state);

struct InvitationFacts {
  Instant created_at = 0;
  std::optional<Instant> accepted_at;
  std::optional<Instant> revoked_at;
};
Instant invitation_expires_at(Instant created_at);
InvitationState invitation_state(const InvitationFacts& invitation, Instant at);
// Why an invitation link cannot be used now: "invitation_used", "invitation_expired",
// "invitation_revoked"; nothing when it is pending.
std::optional<Error> invitation_unusable(const InvitationFacts& invitation, Instant at);

struct SeatCount {
  std::int64_t members_with_subscription = 0;      // authorized users (not the owner)
  std::int64_t pending_with_subscription = 0;      // invitations not yet accepted
  std::int64_t used() const { return 1 + members_with_subscription + pending_with_subscription; }
};
// Whether `extra` more subscription seats fit under `limit` (subscription_user_limit of the
// ledger: 0 when there is no subscription). Errors: "no_subscription" (field scope),
// "user_limit_reached" (field scope; params limit, used).
std::optional<Error> check_subscription_seats(const SeatCount& seats, std::int64_t extra, std::int64_t limit);

}  // namespace tessera
