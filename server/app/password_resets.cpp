// Password reset by a one-time link (see password_resets.hpp).
#include "app/password_resets.hpp"

#include <nlohmann/json.hpp>

#include "adapters/crypto.hpp"

namespace tessera::server {

Result<bool> PasswordResets::request(const wire::PasswordResetRequest& request) {
  Store& store = context_.store();
  return atomically<bool>(store, [&]() -> Result<bool> {
    const auto user = store.user_by_email(request.email);
    if (!user || user->disabled_at || user->role == Role::system) return true;
    if (const auto member = store.member(user->id); member && member->removed_at) return true;
    const Instant now = context_.now();
    if (store.password_resets_since(user->id, now - kValiditySeconds) >= kMailsPerUserPerHour) return true;
    const std::string token = random_token_hex(32);
    store.add_password_reset(PasswordResetRecord{sha256_hex(token), user->id, now, now + kValiditySeconds, std::nullopt});
    OutgoingMailRequest mail;
    mail.kind = MailKind::password_reset;
    mail.facts.link = context_.mail().token_link("password-reset", token);
    mail.facts.date = now + kValiditySeconds;
    context_.mail().to_user(*user, std::move(mail));
    return true;
  });
}

Result<PasswordResetRecord> PasswordResets::usable(const std::string& token) {
  if (token.size() != 64) return make_error("reset_link_unknown");
  const auto reset = context_.store().password_reset(sha256_hex(token));
  if (!reset) return make_error("reset_link_unknown");
  if (reset->used_at) return make_error("reset_link_used");
  if (context_.now() >= reset->expires_at) return make_error("reset_link_expired");
  return *reset;
}

Result<Instant> PasswordResets::check(const std::string& token) {
  const auto reset = usable(token);
  if (!reset) return reset.error();
  return reset->expires_at;
}

Result<bool> PasswordResets::reset(const std::string& token, const wire::PasswordResetConfirm& request) {
  const Config& config = context_.config();
  if (!usable(token)) return usable(token).error();
  // Hashed outside the transaction (Argon2id takes tens of milliseconds; the writer waits for none).
  const std::string hash = hash_password(request.password, config.argon2_opslimit, config.argon2_memlimit);
  Store& store = context_.store();
  return atomically<bool>(store, [&]() -> Result<bool> {
    const auto reset = usable(token);  // again, inside: two uses at once, one wins
    if (!reset) return reset.error();
    const Instant now = context_.now();
    store.set_password_hash(reset->user_id, hash);
    store.use_password_resets(reset->user_id, now);
    store.delete_sessions_of_user(reset->user_id, "");
    context_.audit(reset->user_id, "password_reset", nlohmann::json{{"user", reset->user_id}}.dump());
    return true;
  });
}

}  // namespace tessera::server
