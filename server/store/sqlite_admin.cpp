// The SQLite store: settings, the audit log, PayPal webhook events.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

// [SECTION] Settings, audit, webhook events
std::optional<std::string> SqliteStore::setting(const std::string& key) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT value FROM settings WHERE key = ?");
  bind_row(query, key);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void SqliteStore::put_setting(const std::string& key, const std::string& value) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      key, value);
  board_changed();  // opening hours and SLA targets are settings
}

void SqliteStore::audit(Instant at, std::optional<Id> actor, const std::string& action, const std::string& details) {
  write("INSERT INTO audit_log(at, actor_id, action, details) VALUES (?, ?, ?, ?)", at, actor, action, details);
}

std::vector<AuditRecord> SqliteStore::audit_entries(std::size_t limit) {
  const auto read_entry = [](SQLite::Statement& row) {
    AuditRecord entry;
    read_columns(row, 0, entry.id, entry.at, entry.actor_id, entry.action, entry.details);
    return entry;
  };
  return leased_rows("SELECT id, at, actor_id, action, details FROM audit_log ORDER BY id DESC LIMIT ?", read_entry, limit);
}

bool SqliteStore::remember_webhook_event(const std::string& event_id, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(db_, "INSERT OR IGNORE INTO paypal_events(event_id, received_at) VALUES (?, ?)");
  bind_row(insert, event_id, at);
  return insert.exec() == 1;
}

}  // namespace tessera::server
