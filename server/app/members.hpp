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
  // email_taken (409): the email is a user already (of this or another account);
  // no_subscription / user_limit_reached (409) when the subscription scope has no seat left.
  // A second invitation to the same email replaces the pending one (a new link).
  Result<wire::InvitationView> invite(const UserRecord& owner, const wire::InvitationRequest& request);
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
