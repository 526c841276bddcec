// The SQLite store: the mail outbox, password-reset links, sign-ups waiting for their
// confirmation link and each user's choice of mails.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

namespace {
constexpr const char* kMailColumns =
    "SELECT id, kind, recipient, user_id, language, subject, message_id, dedupe_key, state, attempts, "
    "next_attempt_at, last_error, created_at, sent_at FROM mail_outbox ";

MailRecord read_mail(SQLite::Statement& row) {
  MailRecord mail;
  read_columns(row, 0, mail.id, mail.kind, mail.recipient, mail.user_id);
  mail.language = column_enum(row.getColumn(4), parse_language, Language::en);
  const auto& dedupe = row.getColumn(7);
  if (!dedupe.isNull()) mail.dedupe_key = dedupe.getString();
  read_columns(row, 5, mail.subject, mail.message_id);
  read_columns(row, 8, mail.state, mail.attempts, mail.next_attempt_at, mail.last_error, mail.created_at,
               mail.sent_at);
  return mail;
}

MailRecord read_mail_with_message(SQLite::Statement& row) {
  MailRecord mail = read_mail(row);
  const auto& message = row.getColumn(14);
  mail.message.assign(static_cast<const char*>(message.getBlob()), static_cast<std::size_t>(message.getBytes()));
  return mail;
}

PasswordResetRecord read_reset(SQLite::Statement& row) {
  PasswordResetRecord reset;
  read_columns(row, 0, reset.token_hash, reset.user_id, reset.created_at, reset.expires_at, reset.used_at);
  return reset;
}
}  // namespace

bool SqliteStore::add_mail(const MailRecord& m) {
  std::lock_guard lock(mutex_);
  if (!m.dedupe_key.empty() &&
      writer_one("SELECT id FROM mail_outbox WHERE dedupe_key = ?", [](SQLite::Statement& row) {
        return row.getColumn(0).getInt64();
      }, m.dedupe_key))
    return false;
  const std::optional<std::string> dedupe =
      m.dedupe_key.empty() ? std::nullopt : std::optional<std::string>(m.dedupe_key);
  write(
      "INSERT INTO mail_outbox(kind, recipient, user_id, language, subject, message_id, message, dedupe_key, state, "
      "attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, '', ?)",
      m.kind, m.recipient, m.user_id, m.language, m.subject, m.message_id, Blob{m.message}, dedupe,
      m.next_attempt_at, m.created_at);
  if (transaction_depth_ > 0) mail_added_in_transaction_ = true;
  else if (mail_listener_) mail_listener_();
  return true;
}

std::vector<MailRecord> SqliteStore::due_mails(Instant now, std::size_t limit) {
  return leased_rows(std::string("SELECT id, kind, recipient, user_id, language, subject, message_id, dedupe_key, "
                                 "state, attempts, next_attempt_at, last_error, created_at, sent_at, message "
                                 "FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                                 "ORDER BY next_attempt_at, id LIMIT ?"),
                     read_mail_with_message, now, static_cast<std::int64_t>(limit));
}

void SqliteStore::update_mail(const MailRecord& m) {
  write("UPDATE mail_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ? WHERE id = ?",
        m.state, m.attempts, m.next_attempt_at, m.last_error, m.sent_at, m.id);
}

void SqliteStore::erase_mail_message(Id mail_id) {
  write("UPDATE mail_outbox SET message = X'' WHERE id = ?", mail_id);
}

std::optional<MailRecord> SqliteStore::mail(Id id) {
  return leased_one(std::string(kMailColumns) + "WHERE id = ?", read_mail, id);
}

std::vector<MailRecord> SqliteStore::mails(const std::string& state, std::size_t limit) {
  if (state.empty())
    return leased_rows(std::string(kMailColumns) + "ORDER BY id DESC LIMIT ?", read_mail,
                       static_cast<std::int64_t>(limit));
  return leased_rows(std::string(kMailColumns) + "WHERE state = ? ORDER BY id DESC LIMIT ?", read_mail, state,
                     static_cast<std::int64_t>(limit));
}

std::map<std::string, std::int64_t> SqliteStore::mail_counts() {
  std::map<std::string, std::int64_t> counts{{"pending", 0}, {"sent", 0}, {"failed", 0}};
  for (const auto& [state, count] :
       leased_rows("SELECT state, COUNT(*) FROM mail_outbox GROUP BY state", [](SQLite::Statement& row) {
         return std::pair<std::string, std::int64_t>(row.getColumn(0).getString(), row.getColumn(1).getInt64());
       }))
    counts[state] = count;
  return counts;
}

void SqliteStore::set_mail_listener(std::function<void()> listener) {
  std::lock_guard lock(mutex_);
  mail_listener_ = std::move(listener);
}

void SqliteStore::add_password_reset(const PasswordResetRecord& r) {
  write("INSERT INTO password_resets(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", r.token_hash,
        r.user_id, r.created_at, r.expires_at);
}

std::optional<PasswordResetRecord> SqliteStore::password_reset(const std::string& token_hash) {
  return writer_one("SELECT token_hash, user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = ?",
                    read_reset, token_hash);
}

void SqliteStore::use_password_resets(Id user_id, Instant at) {
  write("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL", at, user_id);
}

std::int64_t SqliteStore::password_resets_since(Id user_id, Instant since) {
  return writer_one("SELECT COUNT(*) FROM password_resets WHERE user_id = ? AND created_at >= ?",
                    [](SQLite::Statement& row) { return row.getColumn(0).getInt64(); }, user_id, since)
      .value_or(0);
}

std::int64_t SqliteStore::mails_to_since(const std::string& recipient, const std::string& kind, Instant since) {
  return writer_one("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = ? AND created_at >= ?",
                    [](SQLite::Statement& row) { return row.getColumn(0).getInt64(); }, recipient, kind, since)
      .value_or(0);
}

void SqliteStore::add_pending_signup(const PendingSignupRecord& p) {
  write("INSERT INTO pending_signups(token_hash, email, name, language, password_hash, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        p.token_hash, p.email, p.name, p.language, p.password_hash, p.created_at, p.expires_at);
}

std::optional<PendingSignupRecord> SqliteStore::pending_signup(const std::string& token_hash) {
  return writer_one(
      "SELECT token_hash, email, name, language, password_hash, created_at, expires_at, used_at FROM pending_signups "
      "WHERE token_hash = ?",
      [](SQLite::Statement& row) {
        PendingSignupRecord p;
        read_columns(row, 0, p.token_hash, p.email, p.name);
        p.language = column_enum(row.getColumn(3), parse_language, Language::en);
        read_columns(row, 4, p.password_hash, p.created_at, p.expires_at, p.used_at);
        return p;
      },
      token_hash);
}

void SqliteStore::use_pending_signups(const std::string& normalized_email, Instant at) {
  write("UPDATE pending_signups SET used_at = ? WHERE email = ? AND used_at IS NULL", at, normalized_email);
}

MailPreferences SqliteStore::mail_preferences(Id user_id) {
  return writer_one("SELECT mail_tickets, mail_commerce FROM users WHERE id = ?",
                    [](SQLite::Statement& row) {
                      return MailPreferences{row.getColumn(0).getInt() != 0, row.getColumn(1).getInt() != 0};
                    }, user_id)
      .value_or(MailPreferences{});
}

void SqliteStore::set_mail_preferences(Id user_id, const MailPreferences& p) {
  write("UPDATE users SET mail_tickets = ?, mail_commerce = ? WHERE id = ?", p.tickets ? 1 : 0, p.commerce ? 1 : 0,
        user_id);
}

}  // namespace tessera::server
