// SQLite store (see sqlite_store.hpp).
//
// [SECTION] Schema migrations: an ordered list; each applied once, in its own transaction,
// recorded in schema_migrations. Never edit a published migration: add a new one.
#include "sqlite_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <stdexcept>

#include "ledger_codec.hpp"

namespace tessera::server {

namespace {

constexpr std::array<const char*, 1> kMigrations{
    R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  language TEXT NOT NULL,
  languages_spoken TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
-- One trial per person, ever: rows are never deleted, even with the account.
CREATE TABLE trial_grants (
  email TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL,
  granted_at INTEGER NOT NULL
);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  opened_by INTEGER NOT NULL REFERENCES users(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL,
  criticality TEXT NOT NULL,
  triage TEXT,
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  funding TEXT NOT NULL,
  minutes_worked INTEGER NOT NULL DEFAULT 0,
  operator_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_by_account ON tickets(account_id, id);
CREATE INDEX tickets_by_opener ON tickets(opened_by, id);
CREATE INDEX tickets_by_status ON tickets(status);
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id),
  body TEXT NOT NULL DEFAULT '',
  minutes INTEGER NOT NULL DEFAULT 0,
  status_from TEXT,
  status_to TEXT
);
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, id);
-- The support-time ledger (shared/ledger.hpp): entries are never edited nor deleted.
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  entry TEXT NOT NULL
);
CREATE INDEX ledger_entries_by_account ON ledger_entries(account_id, id);
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);
)sql",
};

template <class Enum, class Parse>
Enum column_enum(const SQLite::Column& column, Parse parse, Enum fallback) {
  return parse(column.getString()).value_or(fallback);
}

std::optional<Id> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value) {
  if (value) statement.bind(index, static_cast<std::int64_t>(*value));
  else statement.bind(index);
}

void bind_optional_text(SQLite::Statement& statement, int index, std::optional<std::string_view> value) {
  if (value) statement.bind(index, std::string(*value));
  else statement.bind(index);
}

UserRecord read_user(SQLite::Statement& row) {
  UserRecord user;
  user.id = row.getColumn(0).getInt64();
  user.account_id = optional_id(row.getColumn(1));
  user.name = row.getColumn(2).getString();
  user.email = row.getColumn(3).getString();
  user.password_hash = row.getColumn(4).getString();
  user.role = column_enum(row.getColumn(5), parse_role, Role::customer);
  user.language = column_enum(row.getColumn(6), parse_language, Language::en);
  user.languages_spoken = row.getColumn(7).getString();
  user.created_at = row.getColumn(8).getInt64();
  return user;
}
constexpr const char* kUserColumns =
    "SELECT id, account_id, name, email, password_hash, role, language, languages_spoken, created_at FROM users ";

constexpr const char* kTicketColumns =
    "SELECT id, account_id, opened_by, subject, description, category, criticality, triage, language, status, "
    "funding, minutes_worked, operator_id, created_at, updated_at FROM tickets ";

TicketRecord read_ticket(SQLite::Statement& row) {
  TicketRecord ticket;
  ticket.id = row.getColumn(0).getInt64();
  ticket.account_id = row.getColumn(1).getInt64();
  ticket.opened_by = row.getColumn(2).getInt64();
  ticket.subject = row.getColumn(3).getString();
  ticket.description = row.getColumn(4).getString();
  ticket.category = column_enum(row.getColumn(5), parse_category, Category::other);
  ticket.criticality = column_enum(row.getColumn(6), parse_criticality, Criticality::normal);
  ticket.triage = row.getColumn(7).isNull() ? std::nullopt : parse_criticality(row.getColumn(7).getString());
  ticket.language = column_enum(row.getColumn(8), parse_language, Language::en);
  ticket.status = column_enum(row.getColumn(9), parse_ticket_status, TicketStatus::new_);
  ticket.funding = row.getColumn(10).getString();
  ticket.minutes_worked = row.getColumn(11).getInt64();
  ticket.operator_id = optional_id(row.getColumn(12));
  ticket.created_at = row.getColumn(13).getInt64();
  ticket.updated_at = row.getColumn(14).getInt64();
  return ticket;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
  db_.setBusyTimeout(5000);
  db_.exec("PRAGMA journal_mode=WAL");
  // NORMAL in WAL mode: a committed transaction survives a crash or kill -9 of the
  // process (the WAL is in the OS's hands); only an OS crash or power loss may roll back
  // the last transactions, never corrupt the file. FULL would add an fsync per commit.
  db_.exec("PRAGMA synchronous=NORMAL");
  db_.exec("PRAGMA foreign_keys=ON");
  migrate();
}

void SqliteStore::migrate() {
  std::lock_guard lock(mutex_);
  db_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const int current = schema_version();
  for (int version = current + 1; version <= static_cast<int>(kMigrations.size()); ++version) {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    db_.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
    SQLite::Statement record(db_, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%s','now'))");
    record.bind(1, version);
    record.exec();
    transaction.commit();
  }
}

int SqliteStore::schema_version() {
  std::lock_guard lock(mutex_);
  return db_.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
}

void SqliteStore::transaction(const std::function<void()>& work) {
  std::lock_guard lock(mutex_);
  if (transaction_depth_ > 0) {  // nested: part of the outer unit of work
    work();
    return;
  }
  db_.exec("BEGIN IMMEDIATE");
  ++transaction_depth_;
  try {
    work();
    db_.exec("COMMIT");
    --transaction_depth_;
  } catch (...) {
    --transaction_depth_;
    db_.exec("ROLLBACK");
    throw;
  }
}

// [SECTION] Accounts and users
Id SqliteStore::create_account(Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO accounts(created_at) VALUES (?)");
  insert.bind(1, static_cast<std::int64_t>(at));
  insert.exec();
  return db_.getLastInsertRowid();
}

void SqliteStore::set_account_owner(Id account_id, Id user_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_, "UPDATE accounts SET owner_id = ? WHERE id = ?");
  update.bind(1, static_cast<std::int64_t>(user_id));
  update.bind(2, static_cast<std::int64_t>(account_id));
  update.exec();
}

std::optional<Id> SqliteStore::account_owner(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT owner_id FROM accounts WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(account_id));
  if (!query.executeStep()) return std::nullopt;
  return optional_id(query.getColumn(0));
}

Id SqliteStore::create_user(const UserRecord& user) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO users(account_id, name, email, password_hash, role, language, "
                           "languages_spoken, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  bind_optional(insert, 1, user.account_id);
  insert.bind(2, user.name);
  insert.bind(3, user.email);
  insert.bind(4, user.password_hash);
  insert.bind(5, std::string(to_string(user.role)));
  insert.bind(6, std::string(to_string(user.language)));
  insert.bind(7, user.languages_spoken);
  insert.bind(8, static_cast<std::int64_t>(user.created_at));
  insert.exec();
  return db_.getLastInsertRowid();
}

std::optional<UserRecord> SqliteStore::user_by_id(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kUserColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_user(query);
}

std::optional<UserRecord> SqliteStore::user_by_email(const std::string& normalized_email) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kUserColumns) + "WHERE email = ?");
  query.bind(1, normalized_email);
  if (!query.executeStep()) return std::nullopt;
  return read_user(query);
}

bool SqliteStore::any_user_with_role(Role role) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT 1 FROM users WHERE role = ? LIMIT 1");
  query.bind(1, std::string(to_string(role)));
  return query.executeStep();
}

// [SECTION] Trials and charges
bool SqliteStore::email_had_trial(const std::string& normalized_email) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT 1 FROM trial_grants WHERE email = ?");
  query.bind(1, normalized_email);
  return query.executeStep();
}

void SqliteStore::record_trial(const std::string& normalized_email, Id account_id, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO trial_grants(email, account_id, granted_at) VALUES (?, ?, ?)");
  insert.bind(1, normalized_email);
  insert.bind(2, static_cast<std::int64_t>(account_id));
  insert.bind(3, static_cast<std::int64_t>(at));
  insert.exec();
}

std::vector<LedgerEntry> SqliteStore::ledger_entries(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT entry FROM ledger_entries WHERE account_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(account_id));
  std::vector<LedgerEntry> entries;
  while (query.executeStep()) {
    const auto decoded = decode_entry(nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false));
    if (!decoded) throw std::runtime_error("ledger entry of account " + std::to_string(account_id) + " is unreadable");
    entries.push_back(*decoded);
  }
  return entries;
}

void SqliteStore::append_ledger_entries(Id account_id, const std::vector<LedgerEntry>& entries) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO ledger_entries(account_id, entry) VALUES (?, ?)");
  for (const LedgerEntry& entry : entries) {
    insert.bind(1, static_cast<std::int64_t>(account_id));
    insert.bind(2, encode_entry(entry).dump());
    insert.exec();
    insert.reset();
  }
}

// [SECTION] Sessions
void SqliteStore::create_session(const std::string& token_hash, const SessionRecord& session) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO sessions(token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, token_hash);
  insert.bind(2, static_cast<std::int64_t>(session.user_id));
  insert.bind(3, static_cast<std::int64_t>(session.created_at));
  insert.bind(4, static_cast<std::int64_t>(session.last_seen_at));
  insert.exec();
}

std::optional<SessionRecord> SqliteStore::session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?");
  query.bind(1, token_hash);
  if (!query.executeStep()) return std::nullopt;
  return SessionRecord{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
}

void SqliteStore::touch_session(const std::string& token_hash, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
  update.bind(1, static_cast<std::int64_t>(at));
  update.bind(2, token_hash);
  update.exec();
}

void SqliteStore::delete_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  SQLite::Statement remove(db_, "DELETE FROM sessions WHERE token_hash = ?");
  remove.bind(1, token_hash);
  remove.exec();
}

// [SECTION] Tickets
Id SqliteStore::create_ticket(const TicketRecord& t) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO tickets(account_id, opened_by, subject, description, category, criticality, "
                           "triage, language, status, funding, minutes_worked, operator_id, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(t.account_id));
  insert.bind(2, static_cast<std::int64_t>(t.opened_by));
  insert.bind(3, t.subject);
  insert.bind(4, t.description);
  insert.bind(5, std::string(to_string(t.category)));
  insert.bind(6, std::string(to_string(t.criticality)));
  bind_optional_text(insert, 7, t.triage ? std::optional(to_string(*t.triage)) : std::nullopt);
  insert.bind(8, std::string(to_string(t.language)));
  insert.bind(9, std::string(to_string(t.status)));
  insert.bind(10, t.funding);
  insert.bind(11, static_cast<std::int64_t>(t.minutes_worked));
  bind_optional(insert, 12, t.operator_id);
  insert.bind(13, static_cast<std::int64_t>(t.created_at));
  insert.bind(14, static_cast<std::int64_t>(t.updated_at));
  insert.exec();
  return db_.getLastInsertRowid();
}

void SqliteStore::update_ticket(const TicketRecord& t) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_,
                           "UPDATE tickets SET triage = ?, status = ?, minutes_worked = ?, operator_id = ?, "
                           "updated_at = ?, funding = ? WHERE id = ?");
  bind_optional_text(update, 1, t.triage ? std::optional(to_string(*t.triage)) : std::nullopt);
  update.bind(2, std::string(to_string(t.status)));
  update.bind(3, static_cast<std::int64_t>(t.minutes_worked));
  bind_optional(update, 4, t.operator_id);
  update.bind(5, static_cast<std::int64_t>(t.updated_at));
  update.bind(6, t.funding);
  update.bind(7, static_cast<std::int64_t>(t.id));
  update.exec();
}

std::vector<TicketRecord> SqliteStore::query_tickets(const std::string& where_and_order, std::optional<Id> bind) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, kTicketColumns + where_and_order);
  if (bind) query.bind(1, static_cast<std::int64_t>(*bind));
  std::vector<TicketRecord> tickets;
  while (query.executeStep()) tickets.push_back(read_ticket(query));
  return tickets;
}

std::optional<TicketRecord> SqliteStore::ticket(Id id) {
  auto found = query_tickets("WHERE id = ?", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<TicketRecord> SqliteStore::tickets_of_account(Id account_id) {
  return query_tickets("WHERE account_id = ? ORDER BY id DESC", account_id);
}

std::vector<TicketRecord> SqliteStore::tickets_opened_by(Id user_id) {
  return query_tickets("WHERE opened_by = ? ORDER BY id DESC", user_id);
}

std::vector<TicketRecord> SqliteStore::all_tickets(std::size_t limit) {
  return query_tickets("ORDER BY id DESC LIMIT " + std::to_string(limit), std::nullopt);
}

std::vector<TicketRecord> SqliteStore::open_tickets() {
  return query_tickets("WHERE status IN ('new', 'in_progress', 'waiting_customer') ORDER BY id", std::nullopt);
}

Id SqliteStore::add_ticket_event(const TicketEventRecord& e) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO ticket_events(ticket_id, kind, at, author_id, body, minutes, status_from, "
                           "status_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(e.ticket_id));
  insert.bind(2, e.kind);
  insert.bind(3, static_cast<std::int64_t>(e.at));
  bind_optional(insert, 4, e.author_id);
  insert.bind(5, e.body);
  insert.bind(6, static_cast<std::int64_t>(e.minutes));
  bind_optional_text(insert, 7, e.status_from ? std::optional(to_string(*e.status_from)) : std::nullopt);
  bind_optional_text(insert, 8, e.status_to ? std::optional(to_string(*e.status_to)) : std::nullopt);
  insert.exec();
  return db_.getLastInsertRowid();
}

std::vector<TicketEventRecord> SqliteStore::ticket_events(Id ticket_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_,
                          "SELECT id, ticket_id, kind, at, author_id, body, minutes, status_from, status_to "
                          "FROM ticket_events WHERE ticket_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<TicketEventRecord> events;
  while (query.executeStep()) {
    TicketEventRecord e;
    e.id = query.getColumn(0).getInt64();
    e.ticket_id = query.getColumn(1).getInt64();
    e.kind = query.getColumn(2).getString();
    e.at = query.getColumn(3).getInt64();
    e.author_id = optional_id(query.getColumn(4));
    e.body = query.getColumn(5).getString();
    e.minutes = query.getColumn(6).getInt64();
    e.status_from = query.getColumn(7).isNull() ? std::nullopt : parse_ticket_status(query.getColumn(7).getString());
    e.status_to = query.getColumn(8).isNull() ? std::nullopt : parse_ticket_status(query.getColumn(8).getString());
    events.push_back(std::move(e));
  }
  return events;
}

std::optional<IdempotencyRecord> SqliteStore::idempotency(Id user_id, const std::string& key) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT request_hash, ticket_id FROM idempotency_keys WHERE user_id = ? AND key = ?");
  query.bind(1, static_cast<std::int64_t>(user_id));
  query.bind(2, key);
  if (!query.executeStep()) return std::nullopt;
  return IdempotencyRecord{query.getColumn(0).getString(), query.getColumn(1).getInt64()};
}

void SqliteStore::record_idempotency(Id user_id, const std::string& key, const IdempotencyRecord& record, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(
      db_, "INSERT INTO idempotency_keys(user_id, key, request_hash, ticket_id, created_at) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(user_id));
  insert.bind(2, key);
  insert.bind(3, record.request_hash);
  insert.bind(4, static_cast<std::int64_t>(record.ticket_id));
  insert.bind(5, static_cast<std::int64_t>(at));
  insert.exec();
}

}  // namespace tessera::server
