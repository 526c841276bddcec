// One use case = one store transaction: `atomically` runs the work and commits, or rolls
// everything back when the work returns an Error or a ledger command is refused.
// AccountLedgers loads an account's support-time ledger and records new entries.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "store/store.hpp"
#include "tessera/ledger.hpp"

namespace tessera::server {

// Thrown inside a transaction to roll it back with a domain error.
struct DomainFailure {
  Error error;
};

template <class T, class Work>
Result<T> atomically(Store& store, Work work) {
  std::optional<Result<T>> result;
  try {
    store.transaction([&] {
      result.emplace(work());
      if (!result->ok()) throw DomainFailure{result->error()};
    });
  } catch (const DomainFailure& failure) {
    return failure.error;
  }
  return std::move(*result);
}

class AccountLedgers {
 public:
  AccountLedgers(Store& store, LedgerRules rules) : store_(store), rules_(std::move(rules)) {}
  // The account's ledger as of its stored entries (inside a transaction, with that
  // transaction's own). Replaying every entry is most of a read's cost (GET /me, a ticket's
  // detail, a creation): the states replayed outside transactions are kept, and a load
  // starts from the kept state and applies only the entries stored after it. The ledger is
  // append-only, so a state replayed from committed entries stays a true prefix of them.
  AccountLedger load(Id account_id) const {
    const std::vector<LedgerEntry> stored = store_.ledger_entries(account_id);
    std::shared_ptr<const AccountLedger> start;
    {
      std::lock_guard lock(kept_mutex_);
      if (const auto found = kept_.find(account_id); found != kept_.end()) start = found->second;
    }
    if (start && static_cast<std::size_t>(start->entry_count()) <= stored.size()) {
      AccountLedger ledger = *start;
      for (std::size_t i = static_cast<std::size_t>(start->entry_count()); i < stored.size(); ++i) ledger.apply(stored[i]);
      if (ledger.entry_count() != start->entry_count()) keep(account_id, ledger);
      return ledger;
    }
    AccountLedger ledger = replay(rules_, stored);
    keep(account_id, ledger);
    return ledger;
  }
  std::vector<LedgerEntry> entries(Id account_id) const { return store_.ledger_entries(account_id); }
  AccountLedger replay_entries(std::span<const LedgerEntry> entries) const { return replay(rules_, entries); }
  // Decide and apply `command`, store the new entries; throws DomainFailure when refused.
  std::vector<LedgerEntry> record(Id account_id, AccountLedger& ledger, const LedgerCommand& command) const {
    auto entries = execute(ledger, command);
    if (!entries) throw DomainFailure{entries.error()};
    store_.append_ledger_entries(account_id, *entries);
    return std::move(entries).value();
  }
  // The ledger refuses commands dated before its last entry; a clock stepping back a little
  // (NTP) must not refuse work, so time never goes backwards for an account.
  static Instant not_before_last(const AccountLedger& ledger, Instant now) { return std::max(now, ledger.last_at()); }

 private:
  // Only a state of committed entries is kept (a transaction's own may yet roll back).
  void keep(Id account_id, const AccountLedger& ledger) const {
    if (store_.in_transaction()) return;
    auto kept = std::make_shared<const AccountLedger>(ledger);
    std::lock_guard lock(kept_mutex_);
    if (kept_.size() >= kMaxKept && !kept_.count(account_id)) kept_.clear();  // bounded: start again
    auto& slot = kept_[account_id];
    if (!slot || slot->entry_count() < kept->entry_count()) slot = std::move(kept);
  }

  static constexpr std::size_t kMaxKept = 4'000;  // some 10-20 KB each (an account's tickets)
  Store& store_;
  LedgerRules rules_;
  mutable std::mutex kept_mutex_;
  mutable std::unordered_map<Id, std::shared_ptr<const AccountLedger>> kept_;
};

}  // namespace tessera::server
