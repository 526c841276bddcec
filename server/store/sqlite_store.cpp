// SQLite store (see sqlite_store.hpp): the connection, the migrations (store/migrations/*.sql,
// embedded at build time), transactions. Each area's statements are in sqlite_<area>.cpp.
#include "store/sqlite_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <utility>

#include "store/migrations.hpp"
#include "store/sqlite_rows.hpp"

namespace tessera::server {

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
  const auto migrations = schema_migrations();
  for (int version = current + 1; version <= static_cast<int>(migrations.size()); ++version) {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    db_.exec(std::string(migrations[static_cast<std::size_t>(version - 1)]));
    SQLite::Statement record(db_, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%s','now'))");
    bind_row(record, version);
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
    // The mails written by this transaction are in the database now: the worker may send them.
    if (std::exchange(mail_added_in_transaction_, false) && mail_listener_) mail_listener_();
  } catch (...) {
    --transaction_depth_;
    t_store_in_transaction = outer;
    db_.exec("ROLLBACK");
    count_board_change();
    ledger_transaction_ended(false);
    mail_added_in_transaction_ = false;  // rolled back with the change: never sent
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

}  // namespace tessera::server
