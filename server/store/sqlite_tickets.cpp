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
  return leased_one(std::string(kTicketColumns) + "WHERE id = ?", read_ticket, id);
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
  return insert(
      "INSERT INTO ticket_events(ticket_id, kind, at, author_id, body, minutes, status_from, status_to) VALUES (?, "
      "?, ?, ?, ?, ?, ?, ?)",
      e.ticket_id, e.kind, e.at, e.author_id, e.body, e.minutes, e.status_from, e.status_to);
}

std::vector<TicketEventRecord> SqliteStore::ticket_events(Id ticket_id) {
  return leased_rows(std::string(kEventColumns) + "WHERE e.ticket_id = ? ORDER BY e.id", read_event, ticket_id);
}

// [SECTION] Attachments of tickets
Id SqliteStore::add_attachment(const AttachmentRecord& a) {
  return insert(
      "INSERT INTO attachments(ticket_id, uploaded_by, filename, content_type, size, sha256, data, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      a.ticket_id, a.uploaded_by, a.filename, a.content_type, a.size, a.sha256, Blob{a.data}, a.created_at);
}

namespace {
AttachmentRecord read_attachment(SQLite::Statement& row) {  // without its bytes
  AttachmentRecord a;
  read_columns(row, 0, a.id, a.ticket_id, a.uploaded_by, a.filename, a.content_type, a.size, a.sha256, a.created_at);
  return a;
}

AttachmentRecord read_attachment_with_data(SQLite::Statement& row) {
  AttachmentRecord a = read_attachment(row);
  const SQLite::Column data = row.getColumn(8);
  a.data.assign(static_cast<const char*>(data.getBlob()), static_cast<std::size_t>(data.getBytes()));
  return a;
}
}  // namespace

std::optional<AttachmentRecord> SqliteStore::attachment(Id id) {
  return writer_one(
      "SELECT id, ticket_id, uploaded_by, filename, content_type, size, sha256, created_at, data FROM attachments "
      "WHERE id = ?",
      read_attachment_with_data, id);
}

std::vector<AttachmentRecord> SqliteStore::attachments_of_ticket(Id ticket_id) {
  return writer_rows(
      "SELECT id, ticket_id, uploaded_by, filename, content_type, size, sha256, created_at FROM attachments "
      "WHERE ticket_id = ? ORDER BY id",
      read_attachment, ticket_id);
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
