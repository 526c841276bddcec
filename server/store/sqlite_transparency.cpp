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
  return leased_rows(std::string(kEventColumns) + "JOIN tickets t ON t.id = e.ticket_id WHERE t.status = ? "
                     "ORDER BY e.ticket_id, e.id", read_event, status);
}

Id SqliteStore::add_contact_message(const ContactRecord& m) {
  return insert(
      "INSERT INTO contact_messages(name, email, message, at) VALUES (?, ?, ?, ?)",
      m.name, m.email, m.message, m.at);
}

std::vector<ContactRecord> SqliteStore::contact_messages(std::size_t limit) {
  const auto read_message = [](SQLite::Statement& row) {
    ContactRecord message;
    read_columns(row, 0, message.id, message.name, message.email, message.message, message.at);
    return message;
  };
  return leased_rows("SELECT id, name, email, message, at FROM contact_messages ORDER BY id DESC LIMIT ?", read_message,
                     limit);
}

}  // namespace tessera::server
