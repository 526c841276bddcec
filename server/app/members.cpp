// The account's people and credentials (see members.hpp).
#include "app/members.hpp"

#include <nlohmann/json.hpp>

#include "adapters/crypto.hpp"
#include "app/readers.hpp"
#include "app/sessions.hpp"
#include "tessera/ledger.hpp"

namespace tessera::server {

// [SECTION] Helpers
Result<Id> Members::owned_account(const UserRecord& user) {
  if (user.role != Role::customer || !user.account_id || store_.account_owner(*user.account_id) != user.id)
    return make_error("owner_only");
  return *user.account_id;
}

wire::InvitationView Members::view_of(const InvitationRecord& invitation, Instant at) const {
  wire::InvitationView view;
  view.id = invitation.id;
  view.email = invitation.email;
  view.scope = invitation.scope;
  view.state = invitation_state({invitation.created_at, invitation.accepted_at, invitation.revoked_at}, at);
  view.created_at = invitation.created_at;
  view.expires_at = invitation_expires_at(invitation.created_at);
  return view;
}

std::string Members::invitation_link(const std::string& token) const {
  return config_.public_url + "/#invitation=" + token;
}

// [SECTION] The owner's side
Result<wire::AccountPeople> Members::people(const UserRecord& owner) {
  const auto account = owned_account(owner);
  if (!account) return account.error();
  const Instant at = context_.now();
  wire::AccountPeople people;
  people.users.push_back(wire::AccountMember{owner.id, owner.name, owner.email, true, MemberScope{true, true},
                                             owner.created_at});
  for (const MemberRecord& member : store_.members_of_account(*account)) {
    if (member.removed_at) continue;
    const auto user = store_.user_by_id(member.user_id);
    if (!user) continue;
    people.users.push_back(wire::AccountMember{user->id, user->name, user->email, false, member.scope, member.added_at});
  }
  for (const InvitationRecord& invitation : store_.invitations_of_account(*account)) {
    wire::InvitationView view = view_of(invitation, at);
    if (view.state == InvitationState::pending) people.invitations.push_back(std::move(view));
  }
  people.subscription_user_limit = subscription_user_limit(context_.ledgers().load(*account));
  people.subscription_seats_used = seats(*account, at).used();
  return people;
}

Result<std::optional<wire::InvitationView>> Members::invite(const UserRecord& owner,
                                                          const wire::InvitationRequest& request) {
  const auto account = owned_account(owner);
  if (!account) return account.error();
  const bool mail_on = config_.smtp.enabled();
  const std::string token = random_token_hex();
  using Answer = std::optional<wire::InvitationView>;
  return atomically<Answer>(store_, [&]() -> Result<Answer> {
    const Instant at = context_.now();
    // A removed user of this account may be invited back; anyone else already has a login.
    std::optional<UserRecord> taken = store_.user_by_email(request.email);
    if (taken) {
      const auto member = store_.member(taken->id);
      if (member && member->account_id == *account && member->removed_at) taken.reset();
    }
    if (taken && !mail_on) return make_error("email_taken", "email");
    // A new invitation to the same email replaces the pending one (its seat is freed first).
    for (InvitationRecord pending : store_.invitations_of_account(*account))
      if (pending.email == request.email &&
          invitation_state({pending.created_at, pending.accepted_at, pending.revoked_at}, at) ==
              InvitationState::pending) {
        pending.revoked_at = at;
        store_.update_invitation(pending);
      }
    const std::int64_t limit = subscription_user_limit(context_.ledgers().load(*account));
    if (auto error = check_subscription_seats(seats(*account, at), request.scope.subscription ? 1 : 0, limit))
      return *error;
    InvitationRecord invitation;
    invitation.account_id = *account;
    invitation.email = request.email;
    // A taken email (mail on): the token is never issued, so no one can accept this one.
    invitation.token_hash = sha256_hex(taken ? random_token_hex() : token);
    invitation.scope = request.scope;
    invitation.invited_by = owner.id;
    invitation.created_at = at;
    invitation.id = store_.create_invitation(invitation);
    store_.audit(at, owner.id, "invitation_created",
                 nlohmann::json{{"invitation", invitation.id}, {"email", request.email}}.dump());
    // The invitee has no account, so no language yet: the owner's (who knows them).
    OutgoingMailRequest mail;
    mail.facts.inviter = owner.name;
    if (taken) {
      const std::string kind(to_string(MailKind::invitation_account_exists));
      if (taken->role != Role::system &&
          store_.mails_to_since(request.email, kind, at - 3600) < kTakenMailsPerEmailPerHour) {
        mail.kind = MailKind::invitation_account_exists;
        mail.facts.link = context_.mail().app_link("/login");
        context_.mail().to_user(*taken, std::move(mail));
      }
      return Answer{};
    }
    wire::InvitationView view = view_of(invitation, at);
    view.link = invitation_link(token);
    mail.kind = MailKind::invitation;
    mail.facts.link = view.link;
    mail.facts.date = at + kInvitationValiditySeconds;
    context_.mail().to_address(request.email, owner.language, std::move(mail));
    if (mail_on) return Answer{};  // the link goes by mail only
    return Answer{std::move(view)};
  });
}

Result<bool> Members::revoke_invitation(const UserRecord& owner, Id invitation_id) {
  const auto account = owned_account(owner);
  if (!account) return account.error();
  return atomically<bool>(store_, [&]() -> Result<bool> {
    auto invitation = store_.invitation(invitation_id);
    if (!invitation || invitation->account_id != *account) return make_error("not_found");
    const Instant at = context_.now();
    if (auto unusable = invitation_unusable({invitation->created_at, invitation->accepted_at, invitation->revoked_at}, at))
      return *unusable;
    invitation->revoked_at = at;
    store_.update_invitation(*invitation);
    store_.audit(at, owner.id, "invitation_revoked", nlohmann::json{{"invitation", invitation_id}}.dump());
    return true;
  });
}

Result<wire::AccountMember> Members::set_scope(const UserRecord& owner, Id user_id, const MemberScope& scope) {
  const auto account = owned_account(owner);
  if (!account) return account.error();
  return atomically<wire::AccountMember>(store_, [&]() -> Result<wire::AccountMember> {
    auto member = store_.member(user_id);
    if (!member || member->account_id != *account || member->removed_at) return make_error("not_found");
    const Instant at = context_.now();
    const std::int64_t limit = subscription_user_limit(context_.ledgers().load(*account));
    const bool takes_seat = scope.subscription && !member->scope.subscription;
    if (auto error = check_subscription_seats(seats(*account, at), takes_seat ? 1 : 0, limit)) return *error;
    member->scope = scope;
    store_.put_member(*member);
    store_.audit(at, owner.id, "member_scope_changed",
                 nlohmann::json{{"user", user_id}, {"subscription", scope.subscription}, {"pool", scope.pool}}.dump());
    const auto user = store_.user_by_id(user_id);
    return wire::AccountMember{user_id, user ? user->name : "", user ? user->email : "", false, scope, member->added_at};
  });
}

Result<bool> Members::remove(const UserRecord& owner, Id user_id) {
  const auto account = owned_account(owner);
  if (!account) return account.error();
  if (user_id == owner.id) return make_error("cannot_remove_owner");
  return atomically<bool>(store_, [&]() -> Result<bool> {
    auto member = store_.member(user_id);
    if (!member || member->account_id != *account || member->removed_at) return make_error("not_found");
    const Instant at = context_.now();
    member->removed_at = at;
    store_.put_member(*member);
    store_.set_password_hash(user_id, "!removed");  // never verifies: no log-in any more
    store_.delete_sessions_of_user(user_id, "");
    store_.audit(at, owner.id, "member_removed", nlohmann::json{{"user", user_id}}.dump());
    return true;
  });
}

// [SECTION] The invitee's side
Result<wire::InvitationPreview> Members::preview(const std::string& token) {
  const auto invitation = store_.invitation_by_token(sha256_hex(token));
  if (!invitation) return make_error("not_found");
  if (auto unusable =
          invitation_unusable({invitation->created_at, invitation->accepted_at, invitation->revoked_at}, context_.now()))
    return *unusable;
  const auto inviter = store_.user_by_id(invitation->invited_by);
  return wire::InvitationPreview{invitation->email, inviter ? inviter->name : "",
                                 invitation_expires_at(invitation->created_at)};
}

Result<SessionStart> Members::accept(const std::string& token, const wire::AcceptInvitationRequest& request) {
  const std::string password_hash = hash_password(request.password, config_.argon2_opslimit, config_.argon2_memlimit);
  const auto accepted = atomically<UserRecord>(store_, [&]() -> Result<UserRecord> {
    auto invitation = store_.invitation_by_token(sha256_hex(token));
    if (!invitation) return make_error("not_found");
    const Instant at = context_.now();
    if (auto unusable = invitation_unusable({invitation->created_at, invitation->accepted_at, invitation->revoked_at}, at))
      return *unusable;
    // The seat was counted while the invitation was pending; the limit may have dropped since.
    const std::int64_t limit = subscription_user_limit(context_.ledgers().load(invitation->account_id));
    SeatCount others = seats(invitation->account_id, at);
    if (invitation->scope.subscription) --others.pending_with_subscription;
    if (auto error = check_subscription_seats(others, invitation->scope.subscription ? 1 : 0, limit)) return *error;
    UserRecord user;
    if (const auto existing = store_.user_by_email(invitation->email)) {
      const auto member = store_.member(existing->id);
      if (!member || member->account_id != invitation->account_id || !member->removed_at)
        return make_error("email_taken", "email");
      user = *existing;  // a removed user invited back
      user.name = request.name;
      user.password_hash = password_hash;
      user.language = request.language;
      store_.update_user_profile(user.id, user.name, user.password_hash, user.language);
    } else {
      user.account_id = invitation->account_id;
      user.name = request.name;
      user.email = invitation->email;
      user.password_hash = password_hash;
      user.role = Role::customer;
      user.language = request.language;
      user.created_at = at;
      user.id = store_.create_user(user);
    }
    store_.put_member(MemberRecord{user.id, invitation->account_id, invitation->scope, at, std::nullopt});
    invitation->accepted_at = at;
    invitation->accepted_user_id = user.id;
    store_.update_invitation(*invitation);
    store_.audit(at, user.id, "invitation_accepted", nlohmann::json{{"invitation", invitation->id}}.dump());
    return user;
  });
  if (!accepted) return accepted.error();
  return open_session(context_, *accepted);
}

// [SECTION] Credentials
Result<bool> Members::change_password(const UserRecord& user, const std::string& session_token,
                                      const wire::PasswordChangeRequest& request) {
  if (!verify_password(user.password_hash, request.current_password))
    return make_error("wrong_password", "current_password");
  const std::string password_hash =
      hash_password(request.new_password, config_.argon2_opslimit, config_.argon2_memlimit);
  return atomically<bool>(store_, [&]() -> Result<bool> {
    store_.set_password_hash(user.id, password_hash);
    store_.delete_sessions_of_user(user.id, sha256_hex(session_token));  // this session stays
    store_.audit(context_.now(), user.id, "password_changed", "{}");
    return true;
  });
}

}  // namespace tessera::server
