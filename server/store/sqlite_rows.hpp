// What the SQLite store's area files share (store/ only): reading a column as a domain value,
// the row readers used by more than one area, and the row binder — a statement's parameters
// bound in one call, `bind_row(statement, a, b, c)`, each value by its type (integers, text,
// enums by their stored names, std::nullopt as NULL).
#pragma once
#include <SQLiteCpp/Statement.h>

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/sqlite_store.hpp"

namespace tessera::server {

// [SECTION] The row binder
inline void bind_value(SQLite::Statement& statement, int index, const std::string& value) { statement.bind(index, value); }
inline void bind_value(SQLite::Statement& statement, int index, std::string_view value) {
  statement.bind(index, std::string(value));
}
inline void bind_value(SQLite::Statement& statement, int index, const char* value) { statement.bind(index, std::string(value)); }
// Bytes stored as a BLOB (not as text).
struct Blob {
  std::string_view bytes;
};
inline void bind_value(SQLite::Statement& statement, int index, Blob blob) {
  statement.bind(index, blob.bytes.data(), static_cast<int>(blob.bytes.size()));
}
template <std::integral T>
void bind_value(SQLite::Statement& statement, int index, T value) {
  statement.bind(index, static_cast<std::int64_t>(value));
}
template <class Enum>
  requires std::is_enum_v<Enum>
void bind_value(SQLite::Statement& statement, int index, Enum value) {
  statement.bind(index, std::string(to_string(value)));  // the enum's stored name
}
template <class T>
void bind_value(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) bind_value(statement, index, *value);
  else statement.bind(index);  // NULL
}

// Binds the values to parameters 1, 2, … in order.
template <class... Values>
void bind_row(SQLite::Statement& statement, const Values&... values) {
  int index = 0;
  (bind_value(statement, ++index, values), ...);
}

// [SECTION] Reading rows
// Columns into values by the value's type: integers, text, flags (0/1), optional ids (NULL).
inline void column_value(const SQLite::Column& column, std::int64_t& out) { out = column.getInt64(); }
inline void column_value(const SQLite::Column& column, int& out) { out = column.getInt(); }
inline void column_value(const SQLite::Column& column, bool& out) { out = column.getInt() != 0; }
inline void column_value(const SQLite::Column& column, std::string& out) { out = column.getString(); }
inline void column_value(const SQLite::Column& column, std::optional<std::int64_t>& out) {
  out = column.isNull() ? std::nullopt : std::optional<std::int64_t>(column.getInt64());
}
// Reads columns `first`, `first` + 1, … into `values`, in order: the row binder's mirror.
template <class... Values>
void read_columns(SQLite::Statement& row, int first, Values&... values) {
  int index = first;
  (column_value(row.getColumn(index++), values), ...);
}
// Every row the statement gives, each read with `read_row(statement)`.
template <class Read>
auto read_rows(SQLite::Statement& query, Read read_row) -> std::vector<decltype(read_row(query))> {
  std::vector<decltype(read_row(query))> rows;
  while (query.executeStep()) rows.push_back(read_row(query));
  return rows;
}
// The first row the statement gives, if any.
template <class Read>
auto read_one(SQLite::Statement& query, Read read_row) -> std::optional<decltype(read_row(query))> {
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

// [SECTION] Statements in one call (SqliteStore's private helpers)
template <class... Values>
int SqliteStore::write(const std::string& sql, const Values&... values) {
  std::lock_guard lock(mutex_);
  // Kept prepared (preparing costs more than running most of these statements).
  auto& kept = writer_statements_[sql];
  if (!kept) kept = std::make_unique<SQLite::Statement>(db_, sql);
  SQLite::Statement& statement = *kept;
  try {
    bind_row(statement, values...);
    const int changed = statement.exec();
    statement.tryReset();
    statement.clearBindings();
    return changed;
  } catch (...) {
    statement.tryReset();  // ready for the next use; the error is the caller's
    statement.clearBindings();
    throw;
  }
}

template <class... Values>
Id SqliteStore::insert(const std::string& sql, const Values&... values) {
  std::lock_guard lock(mutex_);  // the row id is this connection's last insert: read it before another
  write(sql, values...);
  return db_.getLastInsertRowid();
}

template <class Read, class... Values>
auto SqliteStore::writer_rows(const std::string& sql, Read read_row, const Values&... values) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, sql);
  bind_row(query, values...);
  return read_rows(query, read_row);
}

template <class Read, class... Values>
auto SqliteStore::writer_one(const std::string& sql, Read read_row, const Values&... values) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, sql);
  bind_row(query, values...);
  return read_one(query, read_row);
}

template <class Read, class... Values>
auto SqliteStore::leased_rows(const std::string& sql, Read read_row, const Values&... values) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(sql);
  bind_row(query, values...);
  return read_rows(query, read_row);
}

template <class Read, class... Values>
auto SqliteStore::leased_one(const std::string& sql, Read read_row, const Values&... values) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(sql);
  bind_row(query, values...);
  return read_one(query, read_row);
}

// [SECTION] Columns and rows
template <class Enum, class Parse>
inline Enum column_enum(const SQLite::Column& column, Parse parse, Enum fallback) {
  return parse(column.getString()).value_or(fallback);
}

inline std::optional<Id> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

inline void bind_optional(SQLite::Statement& statement, int index, std::optional<Id> value) {
  if (value) statement.bind(index, static_cast<std::int64_t>(*value));
  else statement.bind(index);
}

inline void bind_optional_text(SQLite::Statement& statement, int index, std::optional<std::string_view> value) {
  if (value) statement.bind(index, std::string(*value));
  else statement.bind(index);
}

inline UserRecord read_user(SQLite::Statement& row) {
  UserRecord user;
  read_columns(row, 0, user.id, user.account_id, user.name, user.email, user.password_hash);
  user.role = column_enum(row.getColumn(5), parse_role, Role::customer);
  user.language = column_enum(row.getColumn(6), parse_language, Language::en);
  read_columns(row, 7, user.languages_spoken, user.created_at, user.disabled_at);
  return user;
}
inline constexpr const char* kUserColumns =
    "SELECT id, account_id, name, email, password_hash, role, language, languages_spoken, created_at, disabled_at "
    "FROM users ";

inline constexpr const char* kTicketColumns =
    "SELECT id, account_id, opened_by, subject, description, category, criticality, triage, language, status, "
    "funding, minutes_worked, operator_id, created_at, updated_at FROM tickets ";

inline constexpr const char* kEventColumns =
    "SELECT e.id, e.ticket_id, e.kind, e.at, e.author_id, e.body, e.minutes, e.status_from, e.status_to "
    "FROM ticket_events e ";

// Columns: id, ticket_id, kind, at, author_id, body, minutes, status_from, status_to.
inline TicketEventRecord read_event(SQLite::Statement& row) {
  TicketEventRecord e;
  e.id = row.getColumn(0).getInt64();
  e.ticket_id = row.getColumn(1).getInt64();
  e.kind = column_enum(row.getColumn(2), parse_ticket_event_kind, TicketEventKind::message);
  read_columns(row, 3, e.at, e.author_id, e.body, e.minutes);
  e.status_from = row.getColumn(7).isNull() ? std::nullopt : parse_ticket_status(row.getColumn(7).getString());
  e.status_to = row.getColumn(8).isNull() ? std::nullopt : parse_ticket_status(row.getColumn(8).getString());
  return e;
}

inline TicketRecord read_ticket(SQLite::Statement& row) {
  TicketRecord ticket;
  read_columns(row, 0, ticket.id, ticket.account_id, ticket.opened_by, ticket.subject, ticket.description);
  ticket.category = column_enum(row.getColumn(5), parse_category, Category::other);
  ticket.criticality = column_enum(row.getColumn(6), parse_criticality, Criticality::normal);
  ticket.triage = row.getColumn(7).isNull() ? std::nullopt : parse_criticality(row.getColumn(7).getString());
  ticket.language = column_enum(row.getColumn(8), parse_language, Language::en);
  ticket.status = column_enum(row.getColumn(9), parse_ticket_status, TicketStatus::new_);
  read_columns(row, 10, ticket.funding, ticket.minutes_worked, ticket.operator_id, ticket.created_at,
               ticket.updated_at);
  return ticket;
}

}  // namespace tessera::server
