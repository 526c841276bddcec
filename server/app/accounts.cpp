// Accounts and sessions (see accounts.hpp). Each use case is one store transaction.
#include "app/accounts.hpp"

#include "adapters/crypto.hpp"
#include "app/readers.hpp"
#include "tessera/email.hpp"
#include "tessera/trial.hpp"

namespace tessera::server {

namespace {
constexpr std::int64_t kSessionTouchSeconds = 60;  // last_seen_at is written at most once a minute
}  // namespace

Accounts::Accounts(Context& context)
    : context_(context), store_(context.store()), config_(context.config()),
      dummy_hash_(hash_password("not a real password", config_.argon2_opslimit, config_.argon2_memlimit)) {}

// [SECTION] Sign-up
UserRecord Accounts::create_customer(const NewCustomer& customer) {
  const Instant at = context_.now();
  UserRecord user;
  user.account_id = store_.create_account(at);
  user.name = customer.name;
  user.email = customer.email;
  user.password_hash = customer.password_hash;
  user.role = Role::customer;
  user.language = customer.language;
  user.created_at = at;
  user.id = store_.create_user(user);
  store_.set_account_owner(*user.account_id, user.id);
  if (!store_.email_had_trial(customer.email)) {  // one trial per person, ever (SPEC §1.1)
    store_.record_trial(customer.email, *user.account_id, at);
    // The trial's length is an admin setting (settings.cpp), read at each sign-up.
    LedgerRules rules = ledger_rules_of(config_);
    rules.trial = stored_trial_rules(store_).value_or(config_.trial);
    AccountLedger ledger = replay(rules, store_.ledger_entries(*user.account_id));
    record(*user.account_id, ledger, GrantTrial{at, user.id});
  }
  return user;
}

Result<SignupOutcome> Accounts::signup(const wire::SignupRequest& request) {
  // Hashed in every branch, taken email or not, so the answer takes as long (and outside the
  // transaction: Argon2id takes tens of milliseconds; the writer waits for none).
  const std::string password_hash = hash_password(request.password, config_.argon2_opslimit, config_.argon2_memlimit);
  const NewCustomer customer{request.name, request.email, password_hash, request.language};
  if (!config_.smtp.enabled()) {
    // Without mail there is no channel to tell the owner of a taken email: the answer says it
    // (docs/operations.md: configure mail to close this enumeration).
    const auto created = atomically<UserRecord>(store_, [&]() -> Result<UserRecord> {
      if (store_.user_by_email(request.email)) return make_error("email_taken", "email");
      return create_customer(customer);
    });
    if (!created) return created.error();
    return SignupOutcome{open_session(context_, *created)};
  }
  const std::string token = random_token_hex(32);
  return atomically<SignupOutcome>(store_, [&]() -> Result<SignupOutcome> {
    const Instant now = context_.now();
    const auto existing = store_.user_by_email(request.email);
    const MailKind kind = existing ? MailKind::signup_account_exists : MailKind::signup_confirmation;
    const std::string kind_name(to_string(kind));
    if (store_.mails_to_since(request.email, kind_name, now - 3600) >= kSignupMailsPerEmailPerHour) return SignupOutcome{};
    OutgoingMailRequest mail;
    mail.kind = kind;
    if (existing) {
      if (existing->role == Role::system) return SignupOutcome{};
      mail.facts.link = context_.mail().app_link("/forgot-password");
      context_.mail().to_user(*existing, std::move(mail));
      return SignupOutcome{};
    }
    store_.add_pending_signup(PendingSignupRecord{sha256_hex(token), request.email, request.name, request.language,
                                                  password_hash, now, now + kSignupLinkSeconds, std::nullopt});
    mail.facts.recipient_name = request.name;
    mail.facts.link = context_.mail().token_link("signup-confirm", token);
    mail.facts.date = now + kSignupLinkSeconds;
    context_.mail().to_address(request.email, request.language, std::move(mail));
    return SignupOutcome{};
  });
}

Result<SessionStart> Accounts::confirm_signup(const wire::SignupConfirmRequest& request) {
  const auto created = atomically<UserRecord>(store_, [&]() -> Result<UserRecord> {
    const auto pending = store_.pending_signup(sha256_hex(request.token));
    if (!pending) return make_error("signup_link_unknown");
    if (pending->used_at) return make_error("signup_link_used");
    const Instant now = context_.now();
    if (now >= pending->expires_at) return make_error("signup_link_expired");
    store_.use_pending_signups(pending->email, now);  // this link and any other of the email
    // The email got an account meanwhile (another link, an invitation): said as a used link.
    if (store_.user_by_email(pending->email)) return make_error("signup_link_used");
    return create_customer(NewCustomer{pending->name, pending->email, pending->password_hash, pending->language});
  });
  if (!created) return created.error();
  return open_session(context_, *created);
}

// [SECTION] Log-in, sessions
Result<SessionStart> Accounts::login(const wire::LoginRequest& request) {
  const auto user = store_.user_by_email(request.email);
  if (!user) {
    verify_password(dummy_hash_, request.password);  // same work as a real check
    return make_error("invalid_credentials");
  }
  if (!verify_password(user->password_hash, request.password)) return make_error("invalid_credentials");
  if (user->disabled_at) return make_error("account_disabled");  // said only to who knows the password
  return open_session(context_, *user);
}

void Accounts::logout(const std::string& token, bool everywhere) {
  const std::string digest = sha256_hex(token);
  if (everywhere) {
    if (const auto session = store_.session(digest)) return store_.delete_sessions_of_user(session->user_id, "");
  }
  store_.delete_session(digest);
}

std::optional<UserRecord> Accounts::authenticate(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const std::string digest = sha256_hex(token);
  std::optional<SessionRecord> session;
  std::optional<UserRecord> user;
  const std::uint64_t version = store_.data_version();  // before reading
  {
    std::lock_guard lock(kept_sessions_mutex_);
    if (const auto kept = kept_sessions_.find(digest); kept != kept_sessions_.end() && kept->second.data_version == version) {
      session = kept->second.session;
      user = kept->second.user;
    }
  }
  if (!session) {
    session = store_.session(digest);
    if (!session) return std::nullopt;
    user = store_.user_by_id(session->user_id);
    if (user && store_.data_version() == version) {  // both read from one committed state
      std::lock_guard lock(kept_sessions_mutex_);
      if (kept_sessions_.size() >= kMaxKeptSessions) kept_sessions_.clear();
      kept_sessions_[digest] = KeptSession{*session, *user, version};
    }
  }
  const Instant at = context_.now();
  if (at - session->last_seen_at >= config_.session_idle_seconds ||
      at - session->created_at >= config_.session_absolute_seconds) {
    store_.delete_session(digest);
    return std::nullopt;
  }
  if (at - session->last_seen_at >= kSessionTouchSeconds) {
    store_.touch_session(digest, at);
    std::lock_guard lock(kept_sessions_mutex_);
    if (const auto kept = kept_sessions_.find(digest); kept != kept_sessions_.end()) kept->second.session.last_seen_at = at;
  }
  if (user && user->disabled_at) {  // disabling ends the sessions; a session left over ends here
    store_.delete_session(digest);
    return std::nullopt;
  }
  return user;
}

Result<UserRecord> Accounts::create_staff(const std::string& name, const std::string& email,
                                         const std::string& password, Role role,
                                         const std::string& languages_spoken) {
  UserRecord user;
  user.name = name;
  user.email = normalize_email(email);
  user.password_hash = hash_password(password, config_.argon2_opslimit, config_.argon2_memlimit);
  user.role = role;
  user.language = Language::en;
  user.languages_spoken = languages_spoken;
  user.created_at = context_.now();
  bool taken = false;
  store_.transaction([&] {
    if (store_.user_by_email(user.email)) {
      taken = true;
      return;
    }
    user.id = store_.create_user(user);
  });
  if (taken) return make_error("email_taken", "email");
  return user;
}

Result<UserRecord> Accounts::update_staff(const UserRecord& admin, Id staff_id,
                                         const std::optional<std::string>& languages_spoken, std::optional<bool> disabled) {
  if (disabled && *disabled && staff_id == admin.id) return make_error("cannot_disable_yourself", "disabled");
  auto member = store_.user_by_id(staff_id);
  if (!member || (member->role != Role::operator_ && member->role != Role::admin)) return make_error("not_found");
  const UserRecord before = *member;
  if (languages_spoken) member->languages_spoken = *languages_spoken;
  if (disabled) member->disabled_at = *disabled ? std::optional<Instant>(before.disabled_at.value_or(context_.now())) : std::nullopt;
  store_.transaction([&] {
    store_.update_staff(member->id, member->languages_spoken, member->disabled_at);
    if (member->disabled_at) store_.delete_sessions_of_user(member->id, "");
    store_.audit(context_.now(), admin.id, "staff_changed",
                 nlohmann::json{{"user", member->id},
                      {"before", {{"languages", before.languages_spoken}, {"disabled", before.disabled_at.has_value()}}},
                      {"after", {{"languages", member->languages_spoken}, {"disabled", member->disabled_at.has_value()}}}}
                     .dump());
  });
  return *member;
}

}  // namespace tessera::server
