// The SQLite store: onboarding slots and each account's startup step.
#include "store/sqlite_rows.hpp"

namespace tessera::server {

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
  read_columns(row, 2, record.slot_id, record.details_json, record.done, record.done_at, record.done_by,
               record.operator_notes, record.updated_at);
  return record;
}
}  // namespace

Id SqliteStore::add_onboarding_slot(const OnboardingSlotRecord& slot) {
  return insert(
      "INSERT INTO onboarding_slots(starts_at, length_minutes, account_id, created_at) VALUES (?, ?, ?, ?)",
      slot.starts_at, slot.length, slot.account_id, slot.created_at);
}

std::vector<OnboardingSlotRecord> SqliteStore::onboarding_slots() {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kSlotColumns) + "ORDER BY starts_at, id");
  return read_rows(query, read_slot);
}

std::optional<OnboardingSlotRecord> SqliteStore::onboarding_slot(Id id) {
  return writer_one(std::string(kSlotColumns) + "WHERE id = ?", read_slot, id);
}

bool SqliteStore::delete_free_onboarding_slot(Id id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement remove(db_, "DELETE FROM onboarding_slots WHERE id = ? AND account_id IS NULL");
  bind_row(remove, id);
  return remove.exec() == 1;
}

bool SqliteStore::claim_onboarding_slot(Id slot_id, Id account_id) {
  std::lock_guard lock(mutex_);
  SQLite::Statement claim(db_, "UPDATE onboarding_slots SET account_id = ? WHERE id = ? AND account_id IS NULL");
  bind_row(claim, account_id, slot_id);
  return claim.exec() == 1;
}

void SqliteStore::release_onboarding_slots(Id account_id) {
  write("UPDATE onboarding_slots SET account_id = NULL WHERE account_id = ?", account_id);
}

std::optional<OnboardingRecord> SqliteStore::onboarding(Id account_id) {
  return writer_one(std::string(kOnboardingColumns) + "WHERE account_id = ?", read_onboarding, account_id);
}

void SqliteStore::save_onboarding(const OnboardingRecord& o) {
  write(
      "INSERT OR REPLACE INTO onboarding(account_id, choice, slot_id, details, done, done_at, done_by, "
      "operator_notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      o.account_id, o.choice, o.slot_id, o.details_json, o.done ? 1 : 0, o.done_at, o.done_by, o.operator_notes,
      o.updated_at);
}

std::vector<OnboardingRecord> SqliteStore::onboarding_records() {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, std::string(kOnboardingColumns) + "ORDER BY account_id");
  return read_rows(query, read_onboarding);
}

}  // namespace tessera::server
