// The SQLite store: accounts, users, sessions (see store.hpp's sections of the same names).
#include "store/sqlite_rows.hpp"

namespace tessera::server {

// [SECTION] Accounts and users
Id SqliteStore::create_account(Instant at) {
  return insert("INSERT INTO accounts(created_at) VALUES (?)", at);
}

void SqliteStore::set_account_owner(Id account_id, Id user_id) {
  write("UPDATE accounts SET owner_id = ? WHERE id = ?", user_id, account_id);
}

std::optional<Id> SqliteStore::account_owner(Id account_id) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT owner_id FROM accounts WHERE id = ?");
  bind_row(query, account_id);
  if (!query.executeStep()) return std::nullopt;
  return optional_id(query.getColumn(0));
}

Id SqliteStore::create_user(const UserRecord& user) {
  return insert(
      "INSERT INTO users(account_id, name, email, password_hash, role, language, languages_spoken, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      user.account_id, user.name, user.email, user.password_hash, user.role, user.language, user.languages_spoken,
      user.created_at);
}

std::optional<UserRecord> SqliteStore::user_by_id(Id id) {
  return leased_one(std::string(kUserColumns) + "WHERE id = ?", read_user, id);
}

std::optional<UserRecord> SqliteStore::user_by_email(const std::string& normalized_email) {
  return leased_one(std::string(kUserColumns) + "WHERE email = ?", read_user, normalized_email);
}

bool SqliteStore::any_user_with_role(Role role) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT 1 FROM users WHERE role = ? LIMIT 1");
  bind_row(query, role);
  return query.executeStep();
}

std::vector<UserRecord> SqliteStore::staff_users() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(std::string(kUserColumns) + "WHERE role IN ('operator', 'admin') ORDER BY id");
  return read_rows(query, read_user);
}

std::vector<Id> SqliteStore::account_ids() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT id FROM accounts ORDER BY id");
  std::vector<Id> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

void SqliteStore::update_user_profile(Id user_id, const std::string& name, const std::string& password_hash,
                                      Language language) {
  write(
      "UPDATE users SET name = ?, password_hash = ?, language = ? WHERE id = ?",
      name, password_hash, language, user_id);
}

void SqliteStore::set_password_hash(Id user_id, const std::string& password_hash) {
  write("UPDATE users SET password_hash = ? WHERE id = ?", password_hash, user_id);
}

void SqliteStore::update_staff(Id user_id, const std::string& languages_spoken, std::optional<Instant> disabled_at) {
  write(
      "UPDATE users SET languages_spoken = ?, disabled_at = ? WHERE id = ? AND role IN ('operator', 'admin')",
      languages_spoken, disabled_at, user_id);
}

void SqliteStore::delete_sessions_of_user(Id user_id, const std::string& keep) {
  write("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", user_id, keep);
}

// [SECTION] Sessions
void SqliteStore::create_session(const std::string& token_hash, const SessionRecord& session) {
  write(
      "INSERT INTO sessions(token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
      token_hash, session.user_id, session.created_at, session.last_seen_at);
}

std::optional<SessionRecord> SqliteStore::session(const std::string& token_hash) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?");
  bind_row(query, token_hash);
  if (!query.executeStep()) return std::nullopt;
  return SessionRecord{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
}

void SqliteStore::touch_session(const std::string& token_hash, Instant at) {
  std::lock_guard lock(mutex_);
  // Inside a transaction the commit counts anyway (it holds other writes too).
  const bool quiet = transaction_depth_ == 0;
  quiet_write_ = quiet;
  try {
    write("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", at, token_hash);
  } catch (...) {
    quiet_write_ = false;
    throw;
  }
  quiet_write_ = false;
}

void SqliteStore::delete_session(const std::string& token_hash) {
  write("DELETE FROM sessions WHERE token_hash = ?", token_hash);
}

// [SECTION] Reads in bulk
std::map<Id, std::string> SqliteStore::user_names(const std::vector<Id>& user_ids) {
  std::map<Id, std::string> names;
  constexpr std::size_t kBatch = 500;  // under SQLite's limit of bound parameters
  for (std::size_t first = 0; first < user_ids.size(); first += kBatch) {
    const std::size_t count = std::min(kBatch, user_ids.size() - first);
    std::string placeholders;
    for (std::size_t i = 0; i < count; ++i) placeholders += i ? ",?" : "?";
    const ReadLease db = reader();
    SQLite::Statement& query = db.prepare("SELECT id, name FROM users WHERE id IN (" + placeholders + ")");
    for (std::size_t i = 0; i < count; ++i) query.bind(static_cast<int>(i + 1), static_cast<std::int64_t>(user_ids[first + i]));
    while (query.executeStep()) names.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getString());
  }
  return names;
}

}  // namespace tessera::server
