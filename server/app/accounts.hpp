// Accounts and sessions: sign-up (with the free trial, once per person), log-in and log-out,
// the session check of every request, the user's own view (GET /me), and the staff accounts
// an admin manages. Rules from shared/ (wire.hpp validation, trial.hpp, email.hpp).
// With mail on, sign-up is confirmed by a one-time link, and its answer never tells whether
// the email has an account (OWASP ASVS 5.0 V6.3.8): the owner of a taken email is told by mail.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/context.hpp"
#include "app/sessions.hpp"
#include "tessera/wire.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::server {

// What a sign-up did: with mail off, the account and its session; with mail on, nothing the
// caller may tell apart (a confirmation mail for a new email, a warning to the owner of a
// taken one, or no mail beyond the per-email cap).
struct SignupOutcome {
  std::optional<SessionStart> session;  // empty: "confirmation_sent"
};

class Accounts {
 public:
  static constexpr std::int64_t kSignupLinkSeconds = 24 * 3600;
  static constexpr std::int64_t kSignupMailsPerEmailPerHour = 3;  // beyond: the same answer, no mail

  explicit Accounts(Context& context);

  // Mail off: the account at once (email_taken for a taken email). Mail on: see SignupOutcome.
  Result<SignupOutcome> signup(const wire::SignupRequest& request);
  // The confirmation link: creates the account with its trial as a sign-up with mail off does,
  // and opens a session. signup_link_unknown | signup_link_expired | signup_link_used (also
  // when the email got an account meanwhile).
  Result<SessionStart> confirm_signup(const wire::SignupConfirmRequest& request);
  Result<SessionStart> login(const wire::LoginRequest& request);
  // Ends this session, or with `everywhere` every session of its user.
  void logout(const std::string& token, bool everywhere = false);
  std::optional<UserRecord> authenticate(const std::string& token);
  // A new session for a user who just proved who they are (an accepted invitation).
  SessionStart start_session(const UserRecord& user) { return open_session(context_, user); }
  wire::Me me(const UserRecord& user) { return me_of(context_, user); }

  // Staff accounts (used by `tessera init`); fails with "email_taken".
  Result<UserRecord> create_staff(const std::string& name, const std::string& email, const std::string& password,
                                  Role role, const std::string& languages_spoken);
  // An admin sets a staff member's languages ("fr,en") and/or disables or enables them; a
  // disabled member can no longer log in and their sessions end at once (their tickets and
  // entries stay). Fails with not_found (no such staff member) and cannot_disable_yourself.
  Result<UserRecord> update_staff(const UserRecord& admin, Id staff_id, const std::optional<std::string>& languages_spoken,
                                  std::optional<bool> disabled);
  std::vector<UserRecord> staff() { return store_.staff_users(); }
  std::vector<AuditRecord> audit_entries(std::size_t limit) { return store_.audit_entries(limit); }

 private:
  struct NewCustomer {
    std::string name;
    std::string email;
    std::string password_hash;
    Language language = Language::en;
  };
  // Inside a transaction: the customer, their account, and the trial if the email never had one.
  UserRecord create_customer(const NewCustomer& customer);
  std::vector<LedgerEntry> record(Id account_id, AccountLedger& ledger, const LedgerCommand& command) {
    return context_.ledgers().record(account_id, ledger, command);
  }

  Context& context_;
  Store& store_;
  const Config& config_;
  std::string dummy_hash_;  // verified against for unknown emails, so timing does not tell

  // The sessions checked lately and their users, each as of the store's data_version() it
  // was read at: used while that has not moved (no commit since), so a session ended, a
  // user disabled or changed is read again at once. The last-seen time, written quietly
  // once a minute, is kept up to date here.
  struct KeptSession {
    SessionRecord session;
    UserRecord user;
    std::uint64_t data_version = 0;
  };
  static constexpr std::size_t kMaxKeptSessions = 100'000;
  std::mutex kept_sessions_mutex_;
  std::unordered_map<std::string, KeptSession> kept_sessions_;  // by the token's digest
};

}  // namespace tessera::server
