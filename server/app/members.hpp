// The account's people (SPEC §1.3) and credentials: the owner invites authorized users with
// a one-time link, gives each a scope, removes them; anyone changes their password (which
// ends their other sessions). Rules come from shared/members.hpp; one transaction per call.
#pragma once
#include <string>

#include "adapters/config.hpp"
#include "app/context.hpp"
#include "app/readers.hpp"
#include "app/sessions.hpp"
#include "store/store.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::server {

class Members {
 public:
  Members(Store& store, Context& context, const Config& config) : store_(store), context_(context), config_(config) {}

  // [SECTION] The owner's side. Errors: owner_only (403) for anyone but the account's owner.
  Result<wire::AccountPeople> people(const UserRecord& owner);
  // no_subscription / user_limit_reached (409) when the subscription scope has no seat left.
  // A second invitation to the same email replaces the pending one (a new link).
  // Mail off: the invitation with its link (the owner passes it on), or email_taken (409) when
  // the email is a user already (of this or another account) — without mail nothing can tell
  // that user instead. Mail on: nullopt, the same for a new and a taken email (OWASP ASVS 5.0
  // V6.3.8): the link goes by mail only; a taken email gets a mail saying it already has an
  // account (at most 3 an hour), and an invitation no one can accept (its token is never
  // issued), so the owner's list of pending invitations does not tell them apart either.
  Result<std::optional<wire::InvitationView>> invite(const UserRecord& owner, const wire::InvitationRequest& request);
  static constexpr std::int64_t kTakenMailsPerEmailPerHour = 3;
  Result<bool> revoke_invitation(const UserRecord& owner, Id invitation_id);  // not_found
  Result<wire::AccountMember> set_scope(const UserRecord& owner, Id user_id, const MemberScope& scope);
  // The user can no longer log in (sessions end); their tickets stay with the account.
  Result<bool> remove(const UserRecord& owner, Id user_id);  // not_found, cannot_remove_owner

  // [SECTION] The invitee's side (no session): the link's token.
  // not_found, invitation_used / invitation_expired / invitation_revoked (410).
  Result<wire::InvitationPreview> preview(const std::string& token);
  Result<SessionStart> accept(const std::string& token, const wire::AcceptInvitationRequest& request);

  // [SECTION] Credentials. wrong_password (422, field current_password).
  Result<bool> change_password(const UserRecord& user, const std::string& session_token,
                               const wire::PasswordChangeRequest& request);

 private:
  Result<Id> owned_account(const UserRecord& user);
  SeatCount seats(Id account_id, Instant at) { return subscription_seats(store_, account_id, at); }
  wire::InvitationView view_of(const InvitationRecord& invitation, Instant at) const;
  std::string invitation_link(const std::string& token) const;

  Store& store_;
  Context& context_;
  const Config& config_;
};

}  // namespace tessera::server
