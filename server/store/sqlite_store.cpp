// SQLite store (see sqlite_store.hpp): the connection, the migrations (store/migrations/*.sql,
// embedded at build time), transactions. Each area's statements are in sqlite_<area>.cpp.
#include "store/sqlite_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <stdexcept>
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
  install_commit_hooks();
}

// data_version_ (sqlite_store.hpp): the commit hook runs as a commit begins, the WAL hook once
// it is written and visible. Setting a WAL hook replaces SQLite's automatic checkpoint, so
// the hook does what that one did: a passive checkpoint once the WAL holds 1,000 pages.
void SqliteStore::install_commit_hooks() {
  sqlite3* handle = db_.getHandle();
  sqlite3_commit_hook(
      handle,
      [](void* self) -> int {
        auto* store = static_cast<SqliteStore*>(self);
        if (!store->quiet_write_) store->data_version_.fetch_add(1, std::memory_order_acq_rel);
        return 0;  // go on with the commit
      },
      this);
  sqlite3_wal_hook(
      handle,
      [](void* self, sqlite3* db, const char* name, int pages) -> int {
        auto* store = static_cast<SqliteStore*>(self);
        if (!store->quiet_write_) store->data_version_.fetch_add(1, std::memory_order_acq_rel);
        if (pages >= 1000) sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
      },
      this);
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

// Transactions are committed in groups. Concurrent callers queue; the first in line (the
// leader) takes the writer and runs, in one SQLite transaction, its own work and the work of
// those queued behind it (at most kMaxGroup), each inside a SAVEPOINT of its own: a work that
// throws rolls back to its savepoint, and only its caller sees the exception. One COMMIT then
// makes the whole group durable (one pass of WAL writes instead of one per transaction), and
// every caller returns: as before, transaction() returns only once its work is committed, and
// throws if it is not. Alone in the queue, a transaction is a group of one.
void SqliteStore::transaction(const std::function<void()>& work) {
  if (in_transaction_on_this_thread()) {  // nested: part of the outer unit of work
    work();
    return;
  }
  QueuedWork mine;
  mine.work = &work;
  std::unique_lock queue(group_mutex_);
  group_queue_.push_back(&mine);
  mine.turn.wait(queue, [&] { return mine.done || (!group_leader_ && group_queue_.front() == &mine); });
  if (!mine.done) {  // first in line: lead the group
    group_leader_ = true;
    const std::size_t count = std::min(group_queue_.size(), kMaxGroup);
    const std::vector<QueuedWork*> group(group_queue_.begin(), group_queue_.begin() + static_cast<std::ptrdiff_t>(count));
    queue.unlock();
    run_group(group);
    queue.lock();
    group_queue_.erase(group_queue_.begin(), group_queue_.begin() + static_cast<std::ptrdiff_t>(count));
    group_leader_ = false;
    for (QueuedWork* queued : group) {
      queued->done = true;
      if (queued != &mine) queued->turn.notify_one();
    }
    if (!group_queue_.empty()) group_queue_.front()->turn.notify_one();  // the next leader
  }
  queue.unlock();
  if (mine.failure) std::rethrow_exception(mine.failure);
}

void SqliteStore::run_group(const std::vector<QueuedWork*>& group) {
  std::lock_guard lock(mutex_);
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (...) {
    for (QueuedWork* queued : group) queued->failure = std::current_exception();
    return;
  }
  ++transaction_depth_;
  const SqliteStore* outer = t_store_in_transaction;
  t_store_in_transaction = this;
  std::exception_ptr lost;  // SQLite rolled the whole transaction back (a full disk, an I/O error)
  for (QueuedWork* queued : group) {
    if (lost) {
      queued->failure = lost;
      continue;
    }
    std::map<Id, std::size_t> pending_before;  // this work's ledger entries, dropped if it fails
    for (const auto& [account_id, added] : pending_ledger_) pending_before[account_id] = added.size();
    try {
      db_.exec("SAVEPOINT work");
      (*queued->work)();
      db_.exec("RELEASE work");
    } catch (...) {
      queued->failure = std::current_exception();
      try {
        if (sqlite3_get_autocommit(db_.getHandle())) throw std::runtime_error("the transaction was rolled back");
        db_.exec("ROLLBACK TO work");
        db_.exec("RELEASE work");
      } catch (...) {
        lost = std::current_exception();
      }
      for (auto entry = pending_ledger_.begin(); entry != pending_ledger_.end();) {
        const auto before = pending_before.find(entry->first);
        if (before == pending_before.end()) {
          entry = pending_ledger_.erase(entry);
          continue;
        }
        entry->second.resize(before->second);
        ++entry;
      }
    }
  }
  const bool any_done = std::any_of(group.begin(), group.end(), [](const QueuedWork* queued) { return !queued->failure; });
  if (!lost && !any_done) {  // every work rolled back: nothing to commit (and nothing counted)
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
    }
  } else if (!lost) {
    try {
      db_.exec("COMMIT");
    } catch (...) {
      lost = std::current_exception();
    }
  }
  if (lost) {
    for (QueuedWork* queued : group)
      if (!queued->failure) queued->failure = lost;
    try {
      if (!sqlite3_get_autocommit(db_.getHandle())) db_.exec("ROLLBACK");
    } catch (...) {
    }
  }
  --transaction_depth_;
  t_store_in_transaction = outer;
  // Counted after COMMIT (still holding the writer): a reader that saw the old count may
  // have read the old data; one that sees the new count reads the new data.
  if (std::exchange(board_changed_in_transaction_, false)) ++board_version_;
  if (std::exchange(tickets_changed_in_transaction_, false)) ++tickets_version_;
  ledger_transaction_ended(!lost);
  // The mails written by this group are in the database now: the worker may send them.
  if (std::exchange(mail_added_in_transaction_, false) && !lost && mail_listener_) mail_listener_();
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
