// Wire types of the account's people (SPEC §1.3) and of password changes: the owner's list
// of authorized users and invitations, the requests to invite, scope, accept an invitation,
// and change one's password. Shared by the server and the client (see wire.hpp).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tessera/mail.hpp"
#include "tessera/members.hpp"
#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera::wire {

struct AccountMember {
  Id id = 0;
  std::string name;
  std::string email;
  bool owner = false;
  MemberScope scope;  // the owner holds every scope
  Instant added_at = 0;
};

struct InvitationView {
  Id id = 0;
  std::string email;
  MemberScope scope;
  InvitationState state = InvitationState::pending;
  Instant created_at = 0;
  Instant expires_at = 0;
  std::string link;  // only in the answer that creates it: the token is never shown again
};

struct AccountPeople {
  std::vector<AccountMember> users;
  std::vector<InvitationView> invitations;  // pending ones
  std::int64_t subscription_user_limit = 0; // included + extra users (0: no subscription)
  std::int64_t subscription_seats_used = 0; // owner + users and pending invitations with the scope
};

// What the public invitation page shows before the invitee chooses a password.
struct InvitationPreview {
  std::string email;
  std::string invited_by;  // the owner's name
  Instant expires_at = 0;
};

struct InvitationRequest {
  std::string email;  // normalized
  MemberScope scope;
};

struct AcceptInvitationRequest {
  std::string name;
  std::string password;
  Language language = Language::en;
};

struct PasswordChangeRequest {
  std::string current_password;
  std::string new_password;
};

// Errors are field-level (required, invalid_type, invalid_email, too_long, password_too_short).
Result<InvitationRequest> parse_invitation_request(const nlohmann::json& body);
Result<MemberScope> parse_member_scope(const nlohmann::json& body);  // {"subscription":bool,"pool":bool}
Result<AcceptInvitationRequest> parse_accept_invitation(const nlohmann::json& body);
Result<PasswordChangeRequest> parse_password_change(const nlohmann::json& body);

// [SECTION] Mail (SPEC §1.13)
struct PasswordResetRequest {  // "forgot password": {email}
  std::string email;  // normalized
};
struct PasswordResetConfirm {  // the new password, with the link's token in the address
  std::string password;
};
Result<PasswordResetRequest> parse_password_reset_request(const nlohmann::json& body);
Result<PasswordResetConfirm> parse_password_reset_confirm(const nlohmann::json& body);
// A sign-up's confirmation link (mail on): {token}, the 64 hex digits of "#signup-confirm=<token>".
// A token of another shape is refused as signup_link_unknown, as an unknown one is.
struct SignupConfirmRequest {
  std::string token;
};
Result<SignupConfirmRequest> parse_signup_confirm(const nlohmann::json& body);
// {"tickets": bool, "commerce": bool}, both required.
Result<MailPreferences> parse_mail_preferences(const nlohmann::json& body);
nlohmann::json mail_preferences_json(const MailPreferences& preferences);

}  // namespace tessera::wire

namespace tessera {
void to_json(nlohmann::json& out, const MemberScope& value);
void from_json(const nlohmann::json& in, MemberScope& value);
}  // namespace tessera

namespace tessera::wire {
void to_json(nlohmann::json& out, const AccountMember& value);
void from_json(const nlohmann::json& in, AccountMember& value);
void to_json(nlohmann::json& out, const InvitationView& value);
void from_json(const nlohmann::json& in, InvitationView& value);
void to_json(nlohmann::json& out, const AccountPeople& value);
void from_json(const nlohmann::json& in, AccountPeople& value);
void to_json(nlohmann::json& out, const InvitationPreview& value);
void from_json(const nlohmann::json& in, InvitationPreview& value);
}  // namespace tessera::wire
