// The SQLite store: evaluations, what the board reads, contact messages.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

// [SECTION] Evaluations, board, contact
namespace {
EvaluationRecord read_evaluation(SQLite::Statement& row) {
  return EvaluationRecord{row.getColumn(0).getInt64(), row.getColumn(1).getInt(), row.getColumn(2).getString(),
                          row.getColumn(3).getInt() != 0, row.getColumn(4).getInt64()};
}
}  // namespace

void SqliteStore::save_evaluation(const EvaluationRecord& e) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO evaluations(ticket_id, rating, comment, publish_comment, at) VALUES (?, ?, ?, ?, ?)",
      e.ticket_id, e.rating, e.comment, e.publish_comment ? 1 : 0, e.at);
  board_changed();
}

std::optional<EvaluationRecord> SqliteStore::evaluation(Id ticket_id) {
  return leased_one(
      "SELECT ticket_id, rating, comment, publish_comment, at FROM evaluations WHERE ticket_id = ?",
      read_evaluation, ticket_id);
}

std::vector<EvaluationRecord> SqliteStore::all_evaluations() {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT ticket_id, rating, comment, publish_comment, at FROM evaluations");
  return read_rows(query, read_evaluation);
}

std::vector<TicketRecord> SqliteStore::tickets_with_status(TicketStatus status) {
  return leased_rows(std::string(kTicketColumns) + "WHERE status = ? ORDER BY id", read_ticket, status);
}

std::vector<TicketEventRecord> SqliteStore::events_of_tickets_with_status(TicketStatus status) {
  return leased_rows(
      "SELECT e.id, e.ticket_id, e.kind, e.at, e.author_id, e.body, e.minutes, e.status_from, e.status_to FROM "
      "ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.status = ? ORDER BY e.ticket_id, e.id",
      read_event, status);
}

Id SqliteStore::add_contact_message(const ContactRecord& m) {
  std::lock_guard lock(mutex_);  // through what follows (a recursive mutex)
  write(
      "INSERT INTO contact_messages(name, email, message, at) VALUES (?, ?, ?, ?)",
      m.name, m.email, m.message, m.at);
  return db_.getLastInsertRowid();
}

std::vector<ContactRecord> SqliteStore::contact_messages(std::size_t limit) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT id, name, email, message, at FROM contact_messages ORDER BY id DESC LIMIT ?");
  bind_row(query, limit);
  std::vector<ContactRecord> messages;
  while (query.executeStep())
    messages.push_back(ContactRecord{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                                     query.getColumn(2).getString(), query.getColumn(3).getString(),
                                     query.getColumn(4).getInt64()});
  return messages;
}

}  // namespace tessera::server
