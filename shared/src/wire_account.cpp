// JSON encoding and request validation of the account's people (see wire_account.hpp).
#include "tessera/wire_account.hpp"

#include "tessera/email.hpp"
#include "tessera/wire.hpp"
#include "wire_fields.hpp"

namespace tessera {
void to_json(nlohmann::json& out, const MemberScope& v) {
  out = nlohmann::json{{"subscription", v.subscription}, {"pool", v.pool}};
}
void from_json(const nlohmann::json& in, MemberScope& v) {
  v.subscription = in.value("subscription", false);
  v.pool = in.value("pool", false);
}
}  // namespace tessera

namespace tessera::wire {

using nlohmann::json;
using namespace fields;

// [SECTION] Requests
Result<MemberScope> parse_member_scope(const json& body) {
  if (auto error = require_object(body)) return *error;
  MemberScope scope;
  if (auto error = read_flag(body, "subscription", scope.subscription)) return *error;
  if (auto error = read_flag(body, "pool", scope.pool)) return *error;
  return scope;
}

Result<InvitationRequest> parse_invitation_request(const json& body) {
  if (auto error = require_object(body)) return *error;
  InvitationRequest request;
  std::string email;
  if (auto error = read_text(body, "email", 254, email)) return *error;
  request.email = normalize_email(email);
  if (!is_valid_email(request.email)) return field_error("invalid_email", "email");
  const auto scope = body.find("scope");
  if (scope == body.end() || scope->is_null()) return request;  // no scope: tickets with what they buy themselves
  if (!scope->is_object()) return field_error("invalid_type", "scope");
  const auto parsed = parse_member_scope(*scope);
  if (!parsed) {
    Error error = parsed.error();
    error.field = "scope." + error.field;
    return error;
  }
  request.scope = *parsed;
  return request;
}

Result<AcceptInvitationRequest> parse_accept_invitation(const json& body) {
  if (auto error = require_object(body)) return *error;
  AcceptInvitationRequest request;
  if (auto error = read_text(body, "name", Limits::name_max, request.name)) return *error;
  if (auto error = read_new_password(body, "password", Limits::password_min, Limits::password_max, request.password))
    return *error;
  if (auto error = read_enum(body, "language", parse_language, request.language, std::optional(Language::en)))
    return *error;
  return request;
}

Result<PasswordChangeRequest> parse_password_change(const json& body) {
  if (auto error = require_object(body)) return *error;
  PasswordChangeRequest request;
  if (auto error = read_text(body, "current_password", Limits::password_max, request.current_password, false))
    return *error;
  if (auto error = read_new_password(body, "new_password", Limits::password_min, Limits::password_max,
                                     request.new_password))
    return *error;
  return request;
}

// [SECTION] Responses
void to_json(json& out, const AccountMember& v) {
  out = json{{"id", v.id},       {"name", v.name},   {"email", v.email},
             {"owner", v.owner}, {"scope", v.scope}, {"added_at", v.added_at}};
}
void from_json(const json& in, AccountMember& v) {
  v.id = in.value<Id>("id", 0);
  v.name = in.value("name", std::string());
  v.email = in.value("email", std::string());
  v.owner = in.value("owner", false);
  if (const auto scope = in.find("scope"); scope != in.end() && scope->is_object()) v.scope = scope->get<MemberScope>();
  v.added_at = in.value<Instant>("added_at", 0);
}

void to_json(json& out, const InvitationView& v) {
  out = json{{"id", v.id},
             {"email", v.email},
             {"scope", v.scope},
             {"state", std::string(to_string(v.state))},
             {"created_at", v.created_at},
             {"expires_at", v.expires_at}};
  if (!v.link.empty()) out["link"] = v.link;
}
void from_json(const json& in, InvitationView& v) {
  v.id = in.value<Id>("id", 0);
  v.email = in.value("email", std::string());
  if (const auto scope = in.find("scope"); scope != in.end() && scope->is_object()) v.scope = scope->get<MemberScope>();
  const std::string state = in.value("state", std::string("pending"));
  for (InvitationState candidate : {InvitationState::pending, InvitationState::accepted, InvitationState::expired,
                                    InvitationState::revoked})
    if (to_string(candidate) == state) v.state = candidate;
  v.created_at = in.value<Instant>("created_at", 0);
  v.expires_at = in.value<Instant>("expires_at", 0);
  v.link = in.value("link", std::string());
}

void to_json(json& out, const AccountPeople& v) {
  out = json{{"users", v.users},
             {"invitations", v.invitations},
             {"subscription_user_limit", v.subscription_user_limit},
             {"subscription_seats_used", v.subscription_seats_used}};
}
void from_json(const json& in, AccountPeople& v) {
  v.users = in.value("users", std::vector<AccountMember>{});
  v.invitations = in.value("invitations", std::vector<InvitationView>{});
  v.subscription_user_limit = in.value<std::int64_t>("subscription_user_limit", 0);
  v.subscription_seats_used = in.value<std::int64_t>("subscription_seats_used", 0);
}

void to_json(json& out, const InvitationPreview& v) {
  out = json{{"email", v.email}, {"invited_by", v.invited_by}, {"expires_at", v.expires_at}};
}
void from_json(const json& in, InvitationPreview& v) {
  v.email = in.value("email", std::string());
  v.invited_by = in.value("invited_by", std::string());
  v.expires_at = in.value<Instant>("expires_at", 0);
}

// [SECTION] Mail
Result<PasswordResetRequest> parse_password_reset_request(const json& body) {
  if (auto error = require_object(body)) return *error;
  PasswordResetRequest request;
  std::string email;
  if (auto error = read_text(body, "email", 254, email)) return *error;
  request.email = normalize_email(email);
  if (!is_valid_email(request.email)) return field_error("invalid_email", "email");
  return request;
}

Result<PasswordResetConfirm> parse_password_reset_confirm(const json& body) {
  if (auto error = require_object(body)) return *error;
  PasswordResetConfirm request;
  if (auto error = read_new_password(body, "password", Limits::password_min, Limits::password_max, request.password))
    return *error;
  return request;
}

Result<SignupConfirmRequest> parse_signup_confirm(const json& body) {
  if (auto error = require_object(body)) return *error;
  SignupConfirmRequest request;
  if (auto error = read_text(body, "token", 128, request.token)) return *error;
  const bool hex = request.token.size() == 64 &&
                   request.token.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!hex) return make_error("signup_link_unknown");
  return request;
}

Result<MailPreferences> parse_mail_preferences(const json& body) {
  if (auto error = require_object(body)) return *error;
  MailPreferences preferences;
  for (const char* field : {"tickets", "commerce"}) {
    const auto found = body.find(field);
    if (found == body.end() || found->is_null()) return field_error("required", field);
  }
  if (auto error = read_flag(body, "tickets", preferences.tickets)) return *error;
  if (auto error = read_flag(body, "commerce", preferences.commerce)) return *error;
  return preferences;
}

json mail_preferences_json(const MailPreferences& preferences) {
  return json{{"tickets", preferences.tickets}, {"commerce", preferences.commerce}};
}

}  // namespace tessera::wire
