// SQLite store (see sqlite_store.hpp).
//
// [SECTION] Schema migrations: an ordered list; each applied once, in its own transaction,
// recorded in schema_migrations. Never edit a published migration: add a new one.
#include "sqlite_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <stdexcept>

#include "tessera/domain_wire.hpp"

namespace tessera::server {

namespace {

constexpr std::array<const char*, 7> kMigrations{
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
    // 2: buying — orders, invoices, settings, the audit log, PayPal webhook events.
    R"sql(
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  offer_code TEXT NOT NULL DEFAULT '',
  extra_users INTEGER NOT NULL DEFAULT 0,
  method TEXT NOT NULL,
  status TEXT NOT NULL,
  offer_json TEXT NOT NULL,
  lines_json TEXT NOT NULL,
  net INTEGER NOT NULL,
  vat INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  paypal_order_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  paid_at INTEGER NOT NULL DEFAULT 0,
  invoice_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_account ON orders(account_id, id);
CREATE INDEX orders_by_status ON orders(status);
CREATE INDEX orders_by_paypal ON orders(paypal_order_id);
-- Invoices are immutable: written once, never updated. (year, sequence) is gapless.
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  language TEXT NOT NULL,
  gross INTEGER NOT NULL,
  invoice_json TEXT NOT NULL,
  UNIQUE (year, sequence)
);
CREATE INDEX invoices_by_account ON invoices(account_id, id);
CREATE TRIGGER invoices_are_immutable BEFORE UPDATE ON invoices
  BEGIN SELECT RAISE(ABORT, 'invoices are immutable'); END;
CREATE TRIGGER invoices_are_kept BEFORE DELETE ON invoices
  BEGIN SELECT RAISE(ABORT, 'invoices are kept'); END;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  details TEXT NOT NULL
);
CREATE TABLE paypal_events (
  event_id TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL
);
)sql",
    // 3: evaluations of closed tickets, contact messages.
    R"sql(
CREATE TABLE evaluations (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  publish_comment INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL
);
CREATE TABLE contact_messages (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  message TEXT NOT NULL,
  at INTEGER NOT NULL
);
)sql",
    // 4: authorized users of accounts, invitation links, attachments of tickets
    R"sql(
CREATE TABLE account_members (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  scope_subscription INTEGER NOT NULL DEFAULT 0,
  scope_pool INTEGER NOT NULL DEFAULT 0,
  added_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE INDEX account_members_by_account ON account_members(account_id);
CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope_subscription INTEGER NOT NULL DEFAULT 0,
  scope_pool INTEGER NOT NULL DEFAULT 0,
  invited_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_user_id INTEGER REFERENCES users(id),
  revoked_at INTEGER
);
CREATE INDEX invitations_by_account ON invitations(account_id);
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_by_ticket ON attachments(ticket_id);
)sql",
    // 5: subscription renewals: at most one renewal order per account and period (the scheduler
    // is idempotent: a second run finds the order of the period and creates none).
    R"sql(
CREATE TABLE renewal_orders (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  period_start INTEGER NOT NULL,
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
  PRIMARY KEY (account_id, period_start)
);
)sql",
    // 6: onboarding — the admin's availability slots (a slot is booked by one account at
    // most, an account books one slot at most) and each account's startup step.
    R"sql(
CREATE TABLE onboarding_slots (
  id INTEGER PRIMARY KEY,
  starts_at INTEGER NOT NULL UNIQUE,
  length_minutes INTEGER NOT NULL,
  account_id INTEGER REFERENCES accounts(id),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX onboarding_slots_one_per_account ON onboarding_slots(account_id) WHERE account_id IS NOT NULL;
CREATE TABLE onboarding (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
  choice TEXT NOT NULL,
  slot_id INTEGER REFERENCES onboarding_slots(id),
  details TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  done_at INTEGER NOT NULL DEFAULT 0,
  done_by INTEGER REFERENCES users(id),
  operator_notes TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
)sql",
    // 7: staff an admin disabled (NULL: active).
    R"sql(
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
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
  user.disabled_at = optional_id(row.getColumn(9));
  return user;
}
constexpr const char* kUserColumns =
    "SELECT id, account_id, name, email, password_hash, role, language, languages_spoken, created_at, disabled_at "
    "FROM users ";

constexpr const char* kTicketColumns =
    "SELECT id, account_id, opened_by, subject, description, category, criticality, triage, language, status, "
    "funding, minutes_worked, operator_id, created_at, updated_at FROM tickets ";

// Columns: id, ticket_id, kind, at, author_id, body, minutes, status_from, status_to.
TicketEventRecord read_event(SQLite::Statement& row) {
  TicketEventRecord e;
  e.id = row.getColumn(0).getInt64();
  e.ticket_id = row.getColumn(1).getInt64();
  e.kind = row.getColumn(2).getString();
  e.at = row.getColumn(3).getInt64();
  e.author_id = optional_id(row.getColumn(4));
  e.body = row.getColumn(5).getString();
  e.minutes = row.getColumn(6).getInt64();
  e.status_from = row.getColumn(7).isNull() ? std::nullopt : parse_ticket_status(row.getColumn(7).getString());
  e.status_to = row.getColumn(8).isNull() ? std::nullopt : parse_ticket_status(row.getColumn(8).getString());
  return e;
}

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
    : path_(path), db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
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

namespace {
// The store whose transaction this thread is running, if any: its reads go to the writer.
thread_local const SqliteStore* t_store_in_transaction = nullptr;
}  // namespace

bool SqliteStore::in_transaction_on_this_thread() const { return t_store_in_transaction == this; }

void SqliteStore::transaction(const std::function<void()>& work) {
  std::lock_guard lock(mutex_);
  if (transaction_depth_ > 0) {  // nested: part of the outer unit of work
    work();
    return;
  }
  db_.exec("BEGIN IMMEDIATE");
  ++transaction_depth_;
  const SqliteStore* outer = t_store_in_transaction;
  t_store_in_transaction = this;
  // Counted after COMMIT (still holding the writer): a reader that saw the old count may
  // have read the old data; one that sees the new count reads the new data.
  const auto count_board_change = [this] {
    if (board_changed_in_transaction_) ++board_version_;
    board_changed_in_transaction_ = false;
    if (tickets_changed_in_transaction_) ++tickets_version_;
    tickets_changed_in_transaction_ = false;
  };
  try {
    work();
    db_.exec("COMMIT");
    --transaction_depth_;
    t_store_in_transaction = outer;
    count_board_change();
    ledger_transaction_ended(true);
  } catch (...) {
    --transaction_depth_;
    t_store_in_transaction = outer;
    db_.exec("ROLLBACK");
    count_board_change();
    ledger_transaction_ended(false);
    throw;
  }
}

void SqliteStore::board_changed() {
  if (transaction_depth_ > 0) board_changed_in_transaction_ = true;
  else ++board_version_;  // autocommit: the statement has committed
}

void SqliteStore::tickets_changed() {
  if (transaction_depth_ > 0) tickets_changed_in_transaction_ = true;
  else ++tickets_version_;
}

// [SECTION] Connections for reads
SqliteStore::ReaderConnection::ReaderConnection(const std::string& path)
    : db(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX) {
  db.setBusyTimeout(5000);
}

SqliteStore::ReadLease::ReadLease(SqliteStore& store) : store_(store) {
  if (store.in_transaction_on_this_thread() || store.path_.empty() || store.path_.front() == ':') {
    writer_ = std::unique_lock(store.mutex_);  // in-memory databases have one connection
    return;
  }
  std::unique_lock lock(store.readers_mutex_);
  store.reader_returned_.wait(lock, [&] { return !store.idle_readers_.empty() || store.readers_open_ < kMaxReaders; });
  if (!store.idle_readers_.empty()) {
    pooled_ = std::move(store.idle_readers_.back());
    store.idle_readers_.pop_back();
    return;
  }
  ++store.readers_open_;
  lock.unlock();
  try {
    pooled_ = std::make_unique<ReaderConnection>(store.path_);
  } catch (...) {
    lock.lock();
    --store.readers_open_;
    store.reader_returned_.notify_one();
    throw;
  }
}

SQLite::Statement& SqliteStore::ReadLease::prepare(const std::string& sql) const {
  auto& statements = pooled_ ? pooled_->statements : store_.writer_read_statements_;  // the latter: holding mutex_
  auto& kept = statements[sql];
  if (!kept) kept = std::make_unique<SQLite::Statement>(pooled_ ? pooled_->db : store_.db_, sql);
  used_.push_back(kept.get());
  return *kept;
}

SqliteStore::ReadLease::~ReadLease() {
  if (!pooled_) {  // the writer, still held
    for (SQLite::Statement* statement : used_) {
      try {
        statement->reset();  // reports the last step's error again: already thrown to the reader
      } catch (const std::exception&) {
      }
      statement->clearBindings();
    }
    return;
  }
  for (SQLite::Statement* statement : used_) {  // ends the read, so the WAL can be checkpointed
    try {
      statement->reset();
      statement->clearBindings();
    } catch (const std::exception&) {
      pooled_.reset();  // a connection in doubt is closed, not given back
    }
    if (!pooled_) break;
  }
  std::lock_guard lock(store_.readers_mutex_);
  if (pooled_) store_.idle_readers_.push_back(std::move(pooled_));
  else --store_.readers_open_;
  store_.reader_returned_.notify_one();
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
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT owner_id FROM accounts WHERE id = ?");
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
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(std::string(kUserColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_user(query);
}

std::optional<UserRecord> SqliteStore::user_by_email(const std::string& normalized_email) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(std::string(kUserColumns) + "WHERE email = ?");
  query.bind(1, normalized_email);
  if (!query.executeStep()) return std::nullopt;
  return read_user(query);
}

bool SqliteStore::any_user_with_role(Role role) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT 1 FROM users WHERE role = ? LIMIT 1");
  query.bind(1, std::string(to_string(role)));
  return query.executeStep();
}

std::vector<UserRecord> SqliteStore::staff_users() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(std::string(kUserColumns) + "WHERE role IN ('operator', 'admin') ORDER BY id");
  std::vector<UserRecord> users;
  while (query.executeStep()) users.push_back(read_user(query));
  return users;
}

std::vector<Id> SqliteStore::account_ids() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT id FROM accounts ORDER BY id");
  std::vector<Id> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

// [SECTION] Trials and charges
bool SqliteStore::email_had_trial(const std::string& normalized_email) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT 1 FROM trial_grants WHERE email = ?");
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

std::vector<LedgerEntry> SqliteStore::stored_ledger_entries(Id account_id) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT entry FROM ledger_entries WHERE account_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(account_id));
  std::vector<LedgerEntry> entries;
  while (query.executeStep()) {
    const auto decoded = codec::decode_ledger_entry(nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false));
    if (!decoded) throw std::runtime_error("ledger entry of account " + std::to_string(account_id) + " is unreadable");
    entries.push_back(decoded.value());
  }
  return entries;
}

void SqliteStore::append_ledger_entries(Id account_id, const std::vector<LedgerEntry>& entries) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO ledger_entries(account_id, entry) VALUES (?, ?)");
  for (const LedgerEntry& entry : entries) {
    insert.bind(1, static_cast<std::int64_t>(account_id));
    insert.bind(2, codec::encode(entry).dump());
    insert.exec();
    insert.reset();
  }
  ledger_entries_appended(account_id, entries);
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
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?");
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
  if (t.status == TicketStatus::closed) board_changed();
  tickets_changed();
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
  if (t.status == TicketStatus::closed) board_changed();
  tickets_changed();
}

std::vector<TicketRecord> SqliteStore::query_tickets(const std::string& where_and_order, std::optional<Id> bind) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(kTicketColumns + where_and_order);
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

// Outside a transaction the open tickets come from memory while no ticket was written since
// they were read (the version is read before the data: a commit meanwhile makes them stale).
std::vector<TicketRecord> SqliteStore::open_tickets() {
  const auto read = [this] {
    return query_tickets("WHERE status IN ('new', 'in_progress', 'waiting_customer') ORDER BY id", std::nullopt);
  };
  if (in_transaction_on_this_thread()) return read();  // it may hold its own writes
  const std::uint64_t version = tickets_version_.load();
  {
    std::lock_guard lock(open_tickets_mutex_);
    if (kept_open_tickets_.tickets && kept_open_tickets_.version == version) return *kept_open_tickets_.tickets;
  }
  auto tickets = std::make_shared<const std::vector<TicketRecord>>(read());
  std::lock_guard lock(open_tickets_mutex_);
  if (!kept_open_tickets_.tickets || kept_open_tickets_.version <= version) kept_open_tickets_ = {version, tickets};
  return *tickets;
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
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(
                          "SELECT id, ticket_id, kind, at, author_id, body, minutes, status_from, status_to "
                          "FROM ticket_events WHERE ticket_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<TicketEventRecord> events;
  while (query.executeStep()) events.push_back(read_event(query));
  return events;
}

// [SECTION] Orders
namespace {
constexpr const char* kOrderColumns =
    "SELECT id, account_id, user_id, kind, offer_code, extra_users, method, status, offer_json, lines_json, net, vat, "
    "gross, paypal_order_id, created_at, paid_at, invoice_id FROM orders ";

OrderRecord read_order(SQLite::Statement& row) {
  OrderRecord order;
  order.id = row.getColumn(0).getInt64();
  order.account_id = row.getColumn(1).getInt64();
  order.user_id = row.getColumn(2).getInt64();
  order.request.kind = parse_order_kind(row.getColumn(3).getString()).value_or(OrderKind::pack);
  order.request.offer_code = row.getColumn(4).getString();
  order.request.extra_users = row.getColumn(5).getInt64();
  order.request.method = parse_payment_method(row.getColumn(6).getString()).value_or(PaymentMethod::paypal);
  order.status = parse_order_status(row.getColumn(7).getString()).value_or(OrderStatus::failed);
  order.offer_json = row.getColumn(8).getString();
  order.lines_json = row.getColumn(9).getString();
  order.net = row.getColumn(10).getInt64();
  order.vat = row.getColumn(11).getInt64();
  order.gross = row.getColumn(12).getInt64();
  order.paypal_order_id = row.getColumn(13).getString();
  order.created_at = row.getColumn(14).getInt64();
  order.paid_at = row.getColumn(15).getInt64();
  order.invoice_id = row.getColumn(16).getInt64();
  return order;
}

constexpr const char* kInvoiceColumns =
    "SELECT id, order_id, account_id, number, year, sequence, issued_at, language, gross, invoice_json FROM invoices ";

InvoiceRecord read_invoice(SQLite::Statement& row) {
  InvoiceRecord invoice;
  invoice.id = row.getColumn(0).getInt64();
  invoice.order_id = row.getColumn(1).getInt64();
  invoice.account_id = row.getColumn(2).getInt64();
  invoice.number = row.getColumn(3).getString();
  invoice.year = row.getColumn(4).getInt();
  invoice.sequence = row.getColumn(5).getInt64();
  invoice.issued_at = row.getColumn(6).getInt64();
  invoice.language = parse_language(row.getColumn(7).getString()).value_or(Language::en);
  invoice.gross = row.getColumn(8).getInt64();
  invoice.invoice_json = row.getColumn(9).getString();
  return invoice;
}
}  // namespace

Id SqliteStore::create_order(const OrderRecord& o) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO orders(account_id, user_id, kind, offer_code, extra_users, method, status, "
                           "offer_json, lines_json, net, vat, gross, paypal_order_id, created_at, paid_at, invoice_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(o.account_id));
  insert.bind(2, static_cast<std::int64_t>(o.user_id));
  insert.bind(3, std::string(to_string(o.request.kind)));
  insert.bind(4, o.request.offer_code);
  insert.bind(5, static_cast<std::int64_t>(o.request.extra_users));
  insert.bind(6, std::string(to_string(o.request.method)));
  insert.bind(7, std::string(to_string(o.status)));
  insert.bind(8, o.offer_json);
  insert.bind(9, o.lines_json);
  insert.bind(10, static_cast<std::int64_t>(o.net));
  insert.bind(11, static_cast<std::int64_t>(o.vat));
  insert.bind(12, static_cast<std::int64_t>(o.gross));
  insert.bind(13, o.paypal_order_id);
  insert.bind(14, static_cast<std::int64_t>(o.created_at));
  insert.bind(15, static_cast<std::int64_t>(o.paid_at));
  insert.bind(16, static_cast<std::int64_t>(o.invoice_id));
  insert.exec();
  return db_.getLastInsertRowid();
}

void SqliteStore::update_order(const OrderRecord& o) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_,
                           "UPDATE orders SET status = ?, paypal_order_id = ?, paid_at = ?, invoice_id = ? WHERE id = ?");
  update.bind(1, std::string(to_string(o.status)));
  update.bind(2, o.paypal_order_id);
  update.bind(3, static_cast<std::int64_t>(o.paid_at));
  update.bind(4, static_cast<std::int64_t>(o.invoice_id));
  update.bind(5, static_cast<std::int64_t>(o.id));
  update.exec();
}

std::vector<OrderRecord> SqliteStore::query_orders(const std::string& where, const std::string& bind) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(kOrderColumns + where);
  query.bind(1, bind);
  std::vector<OrderRecord> orders;
  while (query.executeStep()) orders.push_back(read_order(query));
  return orders;
}

std::optional<OrderRecord> SqliteStore::order(Id id) {
  auto found = query_orders("WHERE id = CAST(? AS INTEGER)", std::to_string(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<OrderRecord> SqliteStore::order_by_paypal_id(const std::string& paypal_order_id) {
  if (paypal_order_id.empty()) return std::nullopt;
  auto found = query_orders("WHERE paypal_order_id = ?", paypal_order_id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<OrderRecord> SqliteStore::orders_of_account(Id account_id) {
  return query_orders("WHERE account_id = CAST(? AS INTEGER) ORDER BY id DESC", std::to_string(account_id));
}

std::vector<OrderRecord> SqliteStore::orders_with_status(OrderStatus status) {
  return query_orders("WHERE status = ? ORDER BY id", std::string(to_string(status)));
}

// [SECTION] Invoices
std::int64_t SqliteStore::last_invoice_sequence(int year) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT COALESCE(MAX(sequence), 0) FROM invoices WHERE year = ?");
  query.bind(1, year);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

Id SqliteStore::add_invoice(const InvoiceRecord& i) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO invoices(order_id, account_id, number, year, sequence, issued_at, language, "
                           "gross, invoice_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(i.order_id));
  insert.bind(2, static_cast<std::int64_t>(i.account_id));
  insert.bind(3, i.number);
  insert.bind(4, i.year);
  insert.bind(5, static_cast<std::int64_t>(i.sequence));
  insert.bind(6, static_cast<std::int64_t>(i.issued_at));
  insert.bind(7, std::string(to_string(i.language)));
  insert.bind(8, static_cast<std::int64_t>(i.gross));
  insert.bind(9, i.invoice_json);
  insert.exec();
  return db_.getLastInsertRowid();
}

std::vector<InvoiceRecord> SqliteStore::query_invoices(const std::string& where, Id bind) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(kInvoiceColumns + where);
  query.bind(1, static_cast<std::int64_t>(bind));
  std::vector<InvoiceRecord> invoices;
  while (query.executeStep()) invoices.push_back(read_invoice(query));
  return invoices;
}

std::optional<InvoiceRecord> SqliteStore::invoice(Id id) {
  auto found = query_invoices("WHERE id = ?", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<InvoiceRecord> SqliteStore::invoices_of_account(Id account_id) {
  return query_invoices("WHERE account_id = ? ORDER BY id DESC", account_id);
}

// [SECTION] Settings, audit, webhook events
std::optional<std::string> SqliteStore::setting(const std::string& key) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT value FROM settings WHERE key = ?");
  query.bind(1, key);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void SqliteStore::put_setting(const std::string& key, const std::string& value) {
  std::lock_guard lock(mutex_);
  SQLite::Statement upsert(db_, "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, key);
  upsert.bind(2, value);
  upsert.exec();
  board_changed();  // opening hours and SLA targets are settings
}

void SqliteStore::audit(Instant at, std::optional<Id> actor, const std::string& action, const std::string& details) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO audit_log(at, actor_id, action, details) VALUES (?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(at));
  bind_optional(insert, 2, actor);
  insert.bind(3, action);
  insert.bind(4, details);
  insert.exec();
}

std::vector<AuditRecord> SqliteStore::audit_entries(std::size_t limit) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT id, at, actor_id, action, details FROM audit_log ORDER BY id DESC LIMIT ?");
  query.bind(1, static_cast<std::int64_t>(limit));
  std::vector<AuditRecord> entries;
  while (query.executeStep())
    entries.push_back(AuditRecord{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                                  optional_id(query.getColumn(2)), query.getColumn(3).getString(),
                                  query.getColumn(4).getString()});
  return entries;
}

bool SqliteStore::remember_webhook_event(const std::string& event_id, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT OR IGNORE INTO paypal_events(event_id, received_at) VALUES (?, ?)");
  insert.bind(1, event_id);
  insert.bind(2, static_cast<std::int64_t>(at));
  return insert.exec() == 1;
}

// [SECTION] Evaluations, board, contact
namespace {
EvaluationRecord read_evaluation(SQLite::Statement& row) {
  return EvaluationRecord{row.getColumn(0).getInt64(), row.getColumn(1).getInt(), row.getColumn(2).getString(),
                          row.getColumn(3).getInt() != 0, row.getColumn(4).getInt64()};
}
}  // namespace

void SqliteStore::save_evaluation(const EvaluationRecord& e) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO evaluations(ticket_id, rating, comment, publish_comment, at) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(e.ticket_id));
  insert.bind(2, e.rating);
  insert.bind(3, e.comment);
  insert.bind(4, e.publish_comment ? 1 : 0);
  insert.bind(5, static_cast<std::int64_t>(e.at));
  insert.exec();
  board_changed();
}

std::optional<EvaluationRecord> SqliteStore::evaluation(Id ticket_id) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT ticket_id, rating, comment, publish_comment, at FROM evaluations WHERE ticket_id = ?");
  query.bind(1, static_cast<std::int64_t>(ticket_id));
  if (!query.executeStep()) return std::nullopt;
  return read_evaluation(query);
}

std::vector<EvaluationRecord> SqliteStore::all_evaluations() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT ticket_id, rating, comment, publish_comment, at FROM evaluations");
  std::vector<EvaluationRecord> evaluations;
  while (query.executeStep()) evaluations.push_back(read_evaluation(query));
  return evaluations;
}

std::vector<TicketRecord> SqliteStore::tickets_with_status(TicketStatus status) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(std::string(kTicketColumns) + "WHERE status = ? ORDER BY id");
  query.bind(1, std::string(to_string(status)));
  std::vector<TicketRecord> tickets;
  while (query.executeStep()) tickets.push_back(read_ticket(query));
  return tickets;
}

std::vector<TicketEventRecord> SqliteStore::events_of_tickets_with_status(TicketStatus status) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(
                          "SELECT e.id, e.ticket_id, e.kind, e.at, e.author_id, e.body, e.minutes, e.status_from, "
                          "e.status_to FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.status = ? "
                          "ORDER BY e.ticket_id, e.id");
  query.bind(1, std::string(to_string(status)));
  std::vector<TicketEventRecord> events;
  while (query.executeStep()) events.push_back(read_event(query));
  return events;
}

Id SqliteStore::add_contact_message(const ContactRecord& m) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO contact_messages(name, email, message, at) VALUES (?, ?, ?, ?)");
  insert.bind(1, m.name);
  insert.bind(2, m.email);
  insert.bind(3, m.message);
  insert.bind(4, static_cast<std::int64_t>(m.at));
  insert.exec();
  return db_.getLastInsertRowid();
}

std::vector<ContactRecord> SqliteStore::contact_messages(std::size_t limit) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT id, name, email, message, at FROM contact_messages ORDER BY id DESC LIMIT ?");
  query.bind(1, static_cast<std::int64_t>(limit));
  std::vector<ContactRecord> messages;
  while (query.executeStep())
    messages.push_back(ContactRecord{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                                     query.getColumn(2).getString(), query.getColumn(3).getString(),
                                     query.getColumn(4).getInt64()});
  return messages;
}

std::optional<IdempotencyRecord> SqliteStore::idempotency(Id user_id, const std::string& key) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT request_hash, ticket_id FROM idempotency_keys WHERE user_id = ? AND key = ?");
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

// [SECTION] Authorized users, invitations, passwords
namespace {
MemberRecord read_member(SQLite::Statement& row) {
  MemberRecord member;
  member.user_id = row.getColumn(0).getInt64();
  member.account_id = row.getColumn(1).getInt64();
  member.scope = MemberScope{row.getColumn(2).getInt() != 0, row.getColumn(3).getInt() != 0};
  member.added_at = row.getColumn(4).getInt64();
  member.removed_at = optional_id(row.getColumn(5));
  return member;
}
constexpr const char* kMemberColumns =
    "SELECT user_id, account_id, scope_subscription, scope_pool, added_at, removed_at FROM account_members ";

InvitationRecord read_invitation(SQLite::Statement& row) {
  InvitationRecord invitation;
  invitation.id = row.getColumn(0).getInt64();
  invitation.account_id = row.getColumn(1).getInt64();
  invitation.email = row.getColumn(2).getString();
  invitation.token_hash = row.getColumn(3).getString();
  invitation.scope = MemberScope{row.getColumn(4).getInt() != 0, row.getColumn(5).getInt() != 0};
  invitation.invited_by = row.getColumn(6).getInt64();
  invitation.created_at = row.getColumn(7).getInt64();
  invitation.accepted_at = optional_id(row.getColumn(8));
  invitation.accepted_user_id = optional_id(row.getColumn(9));
  invitation.revoked_at = optional_id(row.getColumn(10));
  return invitation;
}
constexpr const char* kInvitationColumns =
    "SELECT id, account_id, email, token_hash, scope_subscription, scope_pool, invited_by, created_at, accepted_at, "
    "accepted_user_id, revoked_at FROM invitations ";
}  // namespace

void SqliteStore::put_member(const MemberRecord& m) {
  std::lock_guard lock(mutex_);
  SQLite::Statement upsert(db_,
                           "INSERT OR REPLACE INTO account_members(user_id, account_id, scope_subscription, scope_pool, "
                           "added_at, removed_at) VALUES (?, ?, ?, ?, ?, ?)");
  upsert.bind(1, static_cast<std::int64_t>(m.user_id));
  upsert.bind(2, static_cast<std::int64_t>(m.account_id));
  upsert.bind(3, m.scope.subscription ? 1 : 0);
  upsert.bind(4, m.scope.pool ? 1 : 0);
  upsert.bind(5, static_cast<std::int64_t>(m.added_at));
  bind_optional(upsert, 6, m.removed_at);
  upsert.exec();
}

std::optional<MemberRecord> SqliteStore::member(Id user_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kMemberColumns) + "WHERE user_id = ?");
  query.bind(1, static_cast<std::int64_t>(user_id));
  if (!query.executeStep()) return std::nullopt;
  return read_member(query);
}

std::vector<MemberRecord> SqliteStore::members_of_account(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kMemberColumns) + "WHERE account_id = ? ORDER BY added_at, user_id");
  query.bind(1, static_cast<std::int64_t>(account_id));
  std::vector<MemberRecord> members;
  while (query.executeStep()) members.push_back(read_member(query));
  return members;
}

Id SqliteStore::create_invitation(const InvitationRecord& i) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO invitations(account_id, email, token_hash, scope_subscription, scope_pool, "
                           "invited_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(i.account_id));
  insert.bind(2, i.email);
  insert.bind(3, i.token_hash);
  insert.bind(4, i.scope.subscription ? 1 : 0);
  insert.bind(5, i.scope.pool ? 1 : 0);
  insert.bind(6, static_cast<std::int64_t>(i.invited_by));
  insert.bind(7, static_cast<std::int64_t>(i.created_at));
  insert.exec();
  return db_.getLastInsertRowid();
}

void SqliteStore::update_invitation(const InvitationRecord& i) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_,
                           "UPDATE invitations SET accepted_at = ?, accepted_user_id = ?, revoked_at = ? WHERE id = ?");
  bind_optional(update, 1, i.accepted_at);
  bind_optional(update, 2, i.accepted_user_id);
  bind_optional(update, 3, i.revoked_at);
  update.bind(4, static_cast<std::int64_t>(i.id));
  update.exec();
}

std::optional<InvitationRecord> SqliteStore::invitation(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kInvitationColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_invitation(query);
}

std::optional<InvitationRecord> SqliteStore::invitation_by_token(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kInvitationColumns) + "WHERE token_hash = ?");
  query.bind(1, token_hash);
  if (!query.executeStep()) return std::nullopt;
  return read_invitation(query);
}

std::vector<InvitationRecord> SqliteStore::invitations_of_account(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kInvitationColumns) + "WHERE account_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(account_id));
  std::vector<InvitationRecord> invitations;
  while (query.executeStep()) invitations.push_back(read_invitation(query));
  return invitations;
}

void SqliteStore::update_user_profile(Id user_id, const std::string& name, const std::string& password_hash,
                                      Language language) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_, "UPDATE users SET name = ?, password_hash = ?, language = ? WHERE id = ?");
  update.bind(1, name);
  update.bind(2, password_hash);
  update.bind(3, std::string(to_string(language)));
  update.bind(4, static_cast<std::int64_t>(user_id));
  update.exec();
}

void SqliteStore::set_password_hash(Id user_id, const std::string& password_hash) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_, "UPDATE users SET password_hash = ? WHERE id = ?");
  update.bind(1, password_hash);
  update.bind(2, static_cast<std::int64_t>(user_id));
  update.exec();
}

void SqliteStore::update_staff(Id user_id, const std::string& languages_spoken, std::optional<Instant> disabled_at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement update(db_, "UPDATE users SET languages_spoken = ?, disabled_at = ? WHERE id = ? AND role IN ('operator', 'admin')");
  update.bind(1, languages_spoken);
  bind_optional(update, 2, disabled_at);
  update.bind(3, static_cast<std::int64_t>(user_id));
  update.exec();
}

void SqliteStore::delete_sessions_of_user(Id user_id, const std::string& keep) {
  std::lock_guard lock(mutex_);
  SQLite::Statement remove(db_, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
  remove.bind(1, static_cast<std::int64_t>(user_id));
  remove.bind(2, keep);
  remove.exec();
}

// [SECTION] Attachments of tickets
Id SqliteStore::add_attachment(const AttachmentRecord& a) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_,
                           "INSERT INTO attachments(ticket_id, uploaded_by, filename, content_type, size, sha256, data, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(a.ticket_id));
  insert.bind(2, static_cast<std::int64_t>(a.uploaded_by));
  insert.bind(3, a.filename);
  insert.bind(4, a.content_type);
  insert.bind(5, static_cast<std::int64_t>(a.size));
  insert.bind(6, a.sha256);
  insert.bind(7, a.data.data(), static_cast<int>(a.data.size()));
  insert.bind(8, static_cast<std::int64_t>(a.created_at));
  insert.exec();
  return db_.getLastInsertRowid();
}

namespace {
AttachmentRecord read_attachment(SQLite::Statement& row, bool with_data) {
  AttachmentRecord a;
  a.id = row.getColumn(0).getInt64();
  a.ticket_id = row.getColumn(1).getInt64();
  a.uploaded_by = row.getColumn(2).getInt64();
  a.filename = row.getColumn(3).getString();
  a.content_type = row.getColumn(4).getString();
  a.size = row.getColumn(5).getInt64();
  a.sha256 = row.getColumn(6).getString();
  a.created_at = row.getColumn(7).getInt64();
  if (with_data) {
    const SQLite::Column data = row.getColumn(8);
    a.data.assign(static_cast<const char*>(data.getBlob()), static_cast<std::size_t>(data.getBytes()));
  }
  return a;
}
}  // namespace

std::optional<AttachmentRecord> SqliteStore::attachment(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_,
                          "SELECT id, ticket_id, uploaded_by, filename, content_type, size, sha256, created_at, data "
                          "FROM attachments WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_attachment(query, true);
}

std::vector<AttachmentRecord> SqliteStore::attachments_of_ticket(Id ticket_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_,
                          "SELECT id, ticket_id, uploaded_by, filename, content_type, size, sha256, created_at "
                          "FROM attachments WHERE ticket_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<AttachmentRecord> attachments;
  while (query.executeStep()) attachments.push_back(read_attachment(query, false));
  return attachments;
}

// [SECTION] Subscription renewals
std::optional<Id> SqliteStore::renewal_order_for(Id account_id, Instant period_start) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT order_id FROM renewal_orders WHERE account_id = ? AND period_start = ?");
  query.bind(1, static_cast<std::int64_t>(account_id));
  query.bind(2, static_cast<std::int64_t>(period_start));
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

void SqliteStore::record_renewal_order(Id account_id, Instant period_start, Id order_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO renewal_orders(account_id, period_start, order_id) VALUES (?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(account_id));
  insert.bind(2, static_cast<std::int64_t>(period_start));
  insert.bind(3, static_cast<std::int64_t>(order_id));
  insert.exec();
}

// [SECTION] Onboarding
namespace {
constexpr const char* kSlotColumns = "SELECT id, starts_at, length_minutes, account_id, created_at FROM onboarding_slots ";
constexpr const char* kOnboardingColumns =
    "SELECT account_id, choice, slot_id, details, done, done_at, done_by, operator_notes, updated_at FROM onboarding ";

OnboardingSlotRecord read_slot(SQLite::Statement& row) {
  return OnboardingSlotRecord{row.getColumn(0).getInt64(), row.getColumn(1).getInt64(), row.getColumn(2).getInt64(),
                              optional_id(row.getColumn(3)), row.getColumn(4).getInt64()};
}

OnboardingRecord read_onboarding(SQLite::Statement& row) {
  OnboardingRecord record;
  record.account_id = row.getColumn(0).getInt64();
  record.choice = column_enum(row.getColumn(1), parse_onboarding_choice, OnboardingChoice::pending);
  record.slot_id = optional_id(row.getColumn(2));
  record.details_json = row.getColumn(3).getString();
  record.done = row.getColumn(4).getInt() != 0;
  record.done_at = row.getColumn(5).getInt64();
  record.done_by = optional_id(row.getColumn(6));
  record.operator_notes = row.getColumn(7).getString();
  record.updated_at = row.getColumn(8).getInt64();
  return record;
}
}  // namespace

Id SqliteStore::add_onboarding_slot(const OnboardingSlotRecord& slot) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT INTO onboarding_slots(starts_at, length_minutes, account_id, created_at) "
                                "VALUES (?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(slot.starts_at));
  insert.bind(2, static_cast<std::int64_t>(slot.length));
  bind_optional(insert, 3, slot.account_id);
  insert.bind(4, static_cast<std::int64_t>(slot.created_at));
  insert.exec();
  return db_.getLastInsertRowid();
}

std::vector<OnboardingSlotRecord> SqliteStore::onboarding_slots() {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kSlotColumns) + "ORDER BY starts_at, id");
  std::vector<OnboardingSlotRecord> slots;
  while (query.executeStep()) slots.push_back(read_slot(query));
  return slots;
}

std::optional<OnboardingSlotRecord> SqliteStore::onboarding_slot(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kSlotColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_slot(query);
}

bool SqliteStore::delete_free_onboarding_slot(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement remove(db_, "DELETE FROM onboarding_slots WHERE id = ? AND account_id IS NULL");
  remove.bind(1, static_cast<std::int64_t>(id));
  return remove.exec() == 1;
}

bool SqliteStore::claim_onboarding_slot(Id slot_id, Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement claim(db_, "UPDATE onboarding_slots SET account_id = ? WHERE id = ? AND account_id IS NULL");
  claim.bind(1, static_cast<std::int64_t>(account_id));
  claim.bind(2, static_cast<std::int64_t>(slot_id));
  return claim.exec() == 1;
}

void SqliteStore::release_onboarding_slots(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement release(db_, "UPDATE onboarding_slots SET account_id = NULL WHERE account_id = ?");
  release.bind(1, static_cast<std::int64_t>(account_id));
  release.exec();
}

std::optional<OnboardingRecord> SqliteStore::onboarding(Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kOnboardingColumns) + "WHERE account_id = ?");
  query.bind(1, static_cast<std::int64_t>(account_id));
  if (!query.executeStep()) return std::nullopt;
  return read_onboarding(query);
}

void SqliteStore::save_onboarding(const OnboardingRecord& o) {
  std::lock_guard lock(mutex_);
  SQLite::Statement upsert(db_,
                           "INSERT OR REPLACE INTO onboarding(account_id, choice, slot_id, details, done, done_at, "
                           "done_by, operator_notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  upsert.bind(1, static_cast<std::int64_t>(o.account_id));
  upsert.bind(2, std::string(to_string(o.choice)));
  bind_optional(upsert, 3, o.slot_id);
  upsert.bind(4, o.details_json);
  upsert.bind(5, o.done ? 1 : 0);
  upsert.bind(6, static_cast<std::int64_t>(o.done_at));
  bind_optional(upsert, 7, o.done_by);
  upsert.bind(8, o.operator_notes);
  upsert.bind(9, static_cast<std::int64_t>(o.updated_at));
  upsert.exec();
}

std::vector<OnboardingRecord> SqliteStore::onboarding_records() {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kOnboardingColumns) + "ORDER BY account_id");
  std::vector<OnboardingRecord> records;
  while (query.executeStep()) records.push_back(read_onboarding(query));
  return records;
}

std::vector<Id> SqliteStore::accounts_with_ledger_entry(const std::string& kind) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT DISTINCT account_id FROM ledger_entries WHERE json_extract(entry, '$.kind') = ? "
                               "ORDER BY account_id");
  query.bind(1, kind);
  std::vector<Id> accounts;
  while (query.executeStep()) accounts.push_back(query.getColumn(0).getInt64());
  return accounts;
}

// [SECTION] Ledger entries kept in memory
// Decoding an account's entries (JSON) is most of the cost of loading its ledger, and every
// use case that touches the ledger loads it. The decoded entries of recently used accounts
// are kept; only committed entries reach them:
// - inside a transaction, appended entries wait in pending_ledger_ (read back with the kept
//   ones by that transaction) and join the kept ones at COMMIT; ROLLBACK drops them;
// - a read outside a transaction keeps what it decoded only if no commit that appended
//   entries happened since it started (ledger_generation_), so it cannot keep an old state.
std::vector<LedgerEntry> SqliteStore::ledger_entries(Id account_id) {
  if (in_transaction_on_this_thread()) {
    std::lock_guard writer(mutex_);
    const auto pending = pending_ledger_.find(account_id);
    if (auto kept = kept_ledger_entries(account_id)) {
      std::vector<LedgerEntry> entries = *kept;
      if (pending != pending_ledger_.end()) entries.insert(entries.end(), pending->second.begin(), pending->second.end());
      return entries;
    }
    std::vector<LedgerEntry> entries = stored_ledger_entries(account_id);  // committed + this transaction's
    const std::size_t committed = entries.size() - (pending == pending_ledger_.end() ? 0 : pending->second.size());
    // Holding the writer, nobody else can commit: the committed part is current.
    keep_ledger_entries(account_id, std::vector<LedgerEntry>(entries.begin(), entries.begin() + committed),
                        current_ledger_generation());
    return entries;
  }
  if (auto kept = kept_ledger_entries(account_id)) return *kept;
  const std::uint64_t generation = current_ledger_generation();  // before reading
  std::vector<LedgerEntry> entries = stored_ledger_entries(account_id);
  keep_ledger_entries(account_id, entries, generation);
  return entries;
}

std::shared_ptr<const std::vector<LedgerEntry>> SqliteStore::kept_ledger_entries(Id account_id) {
  std::lock_guard lock(ledger_cache_mutex_);
  const auto found = kept_ledgers_.find(account_id);
  if (found == kept_ledgers_.end()) return nullptr;
  ledger_use_order_.splice(ledger_use_order_.begin(), ledger_use_order_, found->second.use);  // most recent first
  return found->second.entries;
}

std::uint64_t SqliteStore::current_ledger_generation() {
  std::lock_guard lock(ledger_cache_mutex_);
  return ledger_generation_;
}

void SqliteStore::keep_ledger_entries(Id account_id, std::vector<LedgerEntry> entries, std::uint64_t read_at_generation) {
  std::lock_guard lock(ledger_cache_mutex_);
  if (read_at_generation != ledger_generation_ || kept_ledgers_.count(account_id)) return;
  kept_entry_count_ += entries.size();
  ledger_use_order_.push_front(account_id);
  kept_ledgers_.emplace(account_id,
                        KeptLedger{std::make_shared<const std::vector<LedgerEntry>>(std::move(entries)),
                                   ledger_use_order_.begin()});
  while (kept_entry_count_ > kMaxKeptEntries && ledger_use_order_.size() > 1) forget_ledger(ledger_use_order_.back());
}

void SqliteStore::forget_ledger(Id account_id) {  // holding ledger_cache_mutex_
  const auto found = kept_ledgers_.find(account_id);
  if (found == kept_ledgers_.end()) return;
  kept_entry_count_ -= found->second.entries->size();
  ledger_use_order_.erase(found->second.use);
  kept_ledgers_.erase(found);
}

void SqliteStore::ledger_entries_appended(Id account_id, const std::vector<LedgerEntry>& entries) {
  if (transaction_depth_ > 0) {
    auto& pending = pending_ledger_[account_id];
    pending.insert(pending.end(), entries.begin(), entries.end());
    return;
  }
  std::lock_guard lock(ledger_cache_mutex_);  // autocommit: committed already; read again next time
  ++ledger_generation_;
  forget_ledger(account_id);
}

void SqliteStore::ledger_transaction_ended(bool committed) {
  if (pending_ledger_.empty()) return;
  if (committed) {
    std::lock_guard lock(ledger_cache_mutex_);
    ++ledger_generation_;
    for (auto& [account_id, added] : pending_ledger_) {
      const auto found = kept_ledgers_.find(account_id);
      if (found == kept_ledgers_.end()) continue;
      auto extended = std::make_shared<std::vector<LedgerEntry>>(*found->second.entries);
      extended->insert(extended->end(), added.begin(), added.end());
      found->second.entries = std::move(extended);
      kept_entry_count_ += added.size();
    }
  }
  pending_ledger_.clear();
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
