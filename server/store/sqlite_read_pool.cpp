// The SQLite store's read connections (see sqlite_store.hpp: ReadLease).
#include "store/sqlite_rows.hpp"

namespace tessera::server {

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

}  // namespace tessera::server
