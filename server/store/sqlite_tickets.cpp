// The SQLite store: tickets, their events, attachments and idempotency keys.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

namespace {
// The queue's statuses (shared/ticket.hpp) as an SQL list: 'new', 'in_progress', …
std::string queue_status_list() {
  std::string list;
  for (TicketStatus status : operator_queue_statuses())
    list += (list.empty() ? "'" : ", '") + std::string(to_string(status)) + "'";
  return list;
}
}  // namespace

// [SECTION] Tickets
Id SqliteStore::create_ticket(const TicketRecord& t) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO tickets(account_id, opened_by, subject, description, category, criticality, triage, language, "
      "status, funding, minutes_worked, operator_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?)",
      t.account_id, t.opened_by, t.subject, t.description, t.category, t.criticality, t.triage, t.language,
      t.status, t.funding, t.minutes_worked, t.operator_id, t.created_at, t.updated_at);
  if (t.status == TicketStatus::closed) board_changed();
  tickets_changed();
  return db_.getLastInsertRowid();
}

void SqliteStore::update_ticket(const TicketRecord& t) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "UPDATE tickets SET triage = ?, status = ?, minutes_worked = ?, operator_id = ?, updated_at = ?, funding = ? "
      "WHERE id = ?",
      t.triage, t.status, t.minutes_worked, t.operator_id, t.updated_at, t.funding, t.id);
  if (t.status == TicketStatus::closed) board_changed();
  tickets_changed();
}

std::vector<TicketRecord> SqliteStore::query_tickets(const std::string& where_and_order, std::optional<Id> bind) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare(kTicketColumns + where_and_order);
  if (bind) query.bind(1, static_cast<std::int64_t>(*bind));
  return read_rows(query, read_ticket);
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
    return query_tickets("WHERE status IN (" + queue_status_list() + ") ORDER BY id", std::nullopt);
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
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO ticket_events(ticket_id, kind, at, author_id, body, minutes, status_from, status_to) VALUES (?, "
      "?, ?, ?, ?, ?, ?, ?)",
      e.ticket_id, e.kind, e.at, e.author_id, e.body, e.minutes, e.status_from, e.status_to);
  return db_.getLastInsertRowid();
}

std::vector<TicketEventRecord> SqliteStore::ticket_events(Id ticket_id) {
  return leased_rows(
      "SELECT id, ticket_id, kind, at, author_id, body, minutes, status_from, status_to FROM ticket_events WHERE "
      "ticket_id = ? ORDER BY id",
      read_event, ticket_id);
}

// [SECTION] Attachments of tickets
Id SqliteStore::add_attachment(const AttachmentRecord& a) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO attachments(ticket_id, uploaded_by, filename, content_type, size, sha256, data, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      a.ticket_id, a.uploaded_by, a.filename, a.content_type, a.size, a.sha256, Blob{a.data}, a.created_at);
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
  bind_row(query, id);
  if (!query.executeStep()) return std::nullopt;
  return read_attachment(query, true);
}

std::vector<AttachmentRecord> SqliteStore::attachments_of_ticket(Id ticket_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_,
                          "SELECT id, ticket_id, uploaded_by, filename, content_type, size, sha256, created_at "
                          "FROM attachments WHERE ticket_id = ? ORDER BY id");
  bind_row(query, ticket_id);
  std::vector<AttachmentRecord> attachments;
  while (query.executeStep()) attachments.push_back(read_attachment(query, false));
  return attachments;
}

// [SECTION] Idempotency keys
std::optional<IdempotencyRecord> SqliteStore::idempotency(Id user_id, const std::string& key) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT request_hash, ticket_id FROM idempotency_keys WHERE user_id = ? AND key = ?");
  bind_row(query, user_id, key);
  if (!query.executeStep()) return std::nullopt;
  return IdempotencyRecord{query.getColumn(0).getString(), query.getColumn(1).getInt64()};
}

void SqliteStore::record_idempotency(Id user_id, const std::string& key, const IdempotencyRecord& record, Instant at) {
  std::lock_guard lock(mutex_);
  SQLite::Statement insert(
      db_, "INSERT INTO idempotency_keys(user_id, key, request_hash, ticket_id, created_at) VALUES (?, ?, ?, ?, ?)");
  bind_row(insert, user_id, key, record.request_hash, record.ticket_id, at);
  insert.exec();
}

}  // namespace tessera::server
