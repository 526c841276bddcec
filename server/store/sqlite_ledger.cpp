// The SQLite store: trials, the ledger's entries, and the decoded entries kept in memory.
#include "store/sqlite_rows.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/storage_codec.hpp"

namespace tessera::server {

// [SECTION] Trials and charges
bool SqliteStore::email_had_trial(const std::string& normalized_email) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT 1 FROM trial_grants WHERE email = ?");
  bind_row(query, normalized_email);
  return query.executeStep();
}

void SqliteStore::record_trial(const std::string& normalized_email, Id account_id, Instant at) {
  write("INSERT INTO trial_grants(email, account_id, granted_at) VALUES (?, ?, ?)", normalized_email, account_id, at);
}

std::vector<LedgerEntry> SqliteStore::stored_ledger_entries(Id account_id) {
  const ReadLease db = reader();
  SQLite::Statement& query = db.prepare("SELECT entry FROM ledger_entries WHERE account_id = ? ORDER BY id");
  bind_row(query, account_id);
  std::vector<LedgerEntry> entries;
  while (query.executeStep()) {
    const auto decoded = codec::decode_ledger_entry(nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false));
    if (!decoded) throw std::runtime_error("ledger entry of account " + std::to_string(account_id) + " is unreadable");
    entries.push_back(decoded.value());
  }
  return entries;
}

void SqliteStore::append_ledger_entries(Id account_id, const std::vector<LedgerEntry>& entries) {
  std::lock_guard lock(mutex_);
  for (const LedgerEntry& entry : entries)
    write("INSERT INTO ledger_entries(account_id, entry) VALUES (?, ?)", account_id, codec::encode(entry).dump());
  ledger_entries_appended(account_id, entries);
}

std::vector<Id> SqliteStore::accounts_with_ledger_entry(const std::string& kind) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT DISTINCT account_id FROM ledger_entries WHERE json_extract(entry, '$.kind') = ? "
                               "ORDER BY account_id");
  bind_row(query, kind);
  std::vector<Id> accounts;
  while (query.executeStep()) accounts.push_back(query.getColumn(0).getInt64());
  return accounts;
}

// [SECTION] Ledger entries kept in memory
// Decoding an account's entries (JSON) is most of the cost of loading its ledger, and every
// use case that touches the ledger loads it. The decoded entries of recently used accounts
// are kept; only committed entries reach them:
// - inside a transaction, appended entries wait in pending_ledger_ (read back with the kept
//   ones by that transaction) and join the kept ones at COMMIT; ROLLBACK drops them;
// - a read outside a transaction keeps what it decoded only if no commit that appended
//   entries happened since it started (ledger_generation_), so it cannot keep an old state.
std::vector<LedgerEntry> SqliteStore::ledger_entries(Id account_id) {
  if (in_transaction_on_this_thread()) {
    std::lock_guard writer(mutex_);
    const auto pending = pending_ledger_.find(account_id);
    if (auto kept = kept_ledger_entries(account_id)) {
      std::vector<LedgerEntry> entries = *kept;
      if (pending != pending_ledger_.end()) entries.insert(entries.end(), pending->second.begin(), pending->second.end());
      return entries;
    }
    std::vector<LedgerEntry> entries = stored_ledger_entries(account_id);  // committed + this transaction's
    const std::size_t committed = entries.size() - (pending == pending_ledger_.end() ? 0 : pending->second.size());
    // Holding the writer, nobody else can commit: the committed part is current.
    keep_ledger_entries(account_id, std::vector<LedgerEntry>(entries.begin(), entries.begin() + committed),
                        current_ledger_generation());
    return entries;
  }
  if (auto kept = kept_ledger_entries(account_id)) return *kept;
  const std::uint64_t generation = current_ledger_generation();  // before reading
  std::vector<LedgerEntry> entries = stored_ledger_entries(account_id);
  keep_ledger_entries(account_id, entries, generation);
  return entries;
}

std::shared_ptr<const std::vector<LedgerEntry>> SqliteStore::kept_ledger_entries(Id account_id) {
  std::lock_guard lock(ledger_cache_mutex_);
  const auto found = kept_ledgers_.find(account_id);
  if (found == kept_ledgers_.end()) return nullptr;
  ledger_use_order_.splice(ledger_use_order_.begin(), ledger_use_order_, found->second.use);  // most recent first
  return found->second.entries;
}

std::uint64_t SqliteStore::current_ledger_generation() {
  std::lock_guard lock(ledger_cache_mutex_);
  return ledger_generation_;
}

void SqliteStore::keep_ledger_entries(Id account_id, std::vector<LedgerEntry> entries, std::uint64_t read_at_generation) {
  std::lock_guard lock(ledger_cache_mutex_);
  if (read_at_generation != ledger_generation_ || kept_ledgers_.count(account_id)) return;
  kept_entry_count_ += entries.size();
  ledger_use_order_.push_front(account_id);
  kept_ledgers_.emplace(account_id,
                        KeptLedger{std::make_shared<const std::vector<LedgerEntry>>(std::move(entries)),
                                   ledger_use_order_.begin()});
  while (kept_entry_count_ > kMaxKeptEntries && ledger_use_order_.size() > 1) forget_ledger(ledger_use_order_.back());
}

void SqliteStore::forget_ledger(Id account_id) {  // holding ledger_cache_mutex_
  const auto found = kept_ledgers_.find(account_id);
  if (found == kept_ledgers_.end()) return;
  kept_entry_count_ -= found->second.entries->size();
  ledger_use_order_.erase(found->second.use);
  kept_ledgers_.erase(found);
}

void SqliteStore::ledger_entries_appended(Id account_id, const std::vector<LedgerEntry>& entries) {
  if (transaction_depth_ > 0) {
    auto& pending = pending_ledger_[account_id];
    pending.insert(pending.end(), entries.begin(), entries.end());
    return;
  }
  std::lock_guard lock(ledger_cache_mutex_);  // autocommit: committed already; read again next time
  ++ledger_generation_;
  forget_ledger(account_id);
}

void SqliteStore::ledger_transaction_ended(bool committed) {
  if (pending_ledger_.empty()) return;
  if (committed) {
    std::lock_guard lock(ledger_cache_mutex_);
    ++ledger_generation_;
    for (auto& [account_id, added] : pending_ledger_) {
      const auto found = kept_ledgers_.find(account_id);
      if (found == kept_ledgers_.end()) continue;
      auto extended = std::make_shared<std::vector<LedgerEntry>>(*found->second.entries);
      extended->insert(extended->end(), added.begin(), added.end());
      found->second.entries = std::move(extended);
      kept_entry_count_ += added.size();
    }
  }
  pending_ledger_.clear();
}

}  // namespace tessera::server
