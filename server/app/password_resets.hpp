// Password reset by a one-time link (SPEC §1.13): "forgot password" writes a mail with a link
// carrying a 256-bit token (only its SHA-256 is stored), valid one hour, used once; using it
// sets the new password and ends every session of the user. The answer to a request never
// says whether the email has an account: the same answer, and a mail only when it has one.
#pragma once
#include <string>

#include "app/context.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::server {

class PasswordResets {
 public:
  static constexpr std::int64_t kValiditySeconds = 3600;
  static constexpr std::int64_t kMailsPerUserPerHour = 3;  // beyond: the same answer, no mail

  explicit PasswordResets(Context& context) : context_(context) {}

  // Always ok (an unknown email, a disabled account or too many requests write no mail).
  Result<bool> request(const wire::PasswordResetRequest& request);
  // When the link may be used: its expiry; reset_link_unknown | reset_link_expired | reset_link_used.
  Result<Instant> check(const std::string& token);
  // Sets the password, uses the link (and every other one of the user), ends the user's sessions.
  Result<bool> reset(const std::string& token, const wire::PasswordResetConfirm& request);

 private:
  Result<PasswordResetRecord> usable(const std::string& token);
  Context& context_;
};

}  // namespace tessera::server
