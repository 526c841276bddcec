// One use case = one store transaction: `atomically` runs the work and commits, or rolls
// everything back when the work returns an Error or a ledger command is refused.
// AccountLedgers loads an account's support-time ledger and records new entries.
#pragma once
#include <optional>
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
  AccountLedger load(Id account_id) const { return replay(rules_, store_.ledger_entries(account_id)); }
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
  Store& store_;
  LedgerRules rules_;
};

}  // namespace tessera::server
