// Ledger throughput: applies one million commands (purchases, tickets opened, time logged,
// corrections, closings, subscription changes) to a thousand account ledgers with `execute`,
// and prints commands per second; then how fast stored entries replay (what the server does
// to load an account). Same source natively and in WebAssembly under Node; the
// printed fingerprint of the entries shows both computed the same thing.
// Usage: ledger_bench [commands]   (default 1000000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "tessera/ledger.hpp"

using namespace tessera;

namespace {

constexpr int kAccounts = 1000;
constexpr int kBatch = 20'000;  // commands generated ahead of each timed batch

constexpr int kReplayedAccounts = 100;  // their entries are kept to time `replay`

struct AccountState {
  AccountLedger ledger;
  std::vector<LedgerEntry> kept_entries;
  Id next_ticket = 1;
  Id next_order = 1;
  std::vector<Id> open_tickets;
};

LedgerCommand next_command(std::mt19937_64& dice, AccountState& account, Instant now) {
  const auto roll = dice() % 100;
  const UserScope owner{1, true, true};
  if (roll < 3) return BuyPack{now, 1, account.next_order++, PackOffer{"pool_20", 20, 12, true, 85000, true}};
  if (roll < 5) return BuyMinutes{now, 1, account.next_order++, MinuteBlockOffer{"minutes_180", 180, 12, 25000, true}};
  if (roll < 6) return ActivateSubscription{now, account.next_order++, 1, 0, PaymentMethod::paypal};
  if (roll < 7) return PayRenewal{now, account.next_order++};
  if (roll < 22 || account.open_tickets.empty()) {
    account.open_tickets.push_back(account.next_ticket);
    return OpenTicket{now, account.next_ticket++, owner, std::nullopt};
  }
  const Id ticket = account.open_tickets[dice() % account.open_tickets.size()];
  if (roll < 32) {
    std::erase(account.open_tickets, ticket);
    return CloseTicket{now, ticket};
  }
  if (roll < 34) return AdjustTime{now, ticket, -5, "correction"};
  return LogTime{now, ticket, static_cast<Minutes>(1 + dice() % 45), "work"};
}

std::uint64_t mix(std::uint64_t hash, std::int64_t value) {
  return (hash ^ static_cast<std::uint64_t>(value)) * 1099511628211ull;  // FNV-1a step
}

}  // namespace

int main(int argc, char** argv) {
  const long total = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  std::mt19937_64 dice(2026);
  std::vector<AccountState> accounts(kAccounts);
  for (int i = 0; i < kAccounts; ++i) {
    AccountState& account = accounts[static_cast<std::size_t>(i)];
    const auto granted = execute(account.ledger, GrantTrial{0, 1});
    if (granted.ok()) account.kept_entries = granted.value();
  }
  Instant now = 1'767'225'600;  // 2026-01-01
  long done = 0;
  long refused = 0;
  long entries = 0;
  std::uint64_t fingerprint = 14695981039346656037ull;
  std::chrono::steady_clock::duration elapsed{};
  std::vector<std::pair<int, LedgerCommand>> batch;
  std::vector<Result<std::vector<LedgerEntry>>> results;
  batch.reserve(kBatch);
  results.reserve(kBatch);
  while (done < total) {
    batch.clear();
    results.clear();
    for (int i = 0; i < kBatch && done + i < total; ++i) {
      const int account = static_cast<int>(dice() % kAccounts);
      now += 30;  // a command every 30 s: a million commands span about a year
      batch.emplace_back(account, next_command(dice, accounts[static_cast<std::size_t>(account)], now));
    }
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [account, command] : batch)
      results.push_back(execute(accounts[static_cast<std::size_t>(account)].ledger, command));
    elapsed += std::chrono::steady_clock::now() - start;
    for (std::size_t i = 0; i < batch.size(); ++i) {  // outside the timed part
      const auto& result = results[i];
      if (!result.ok()) {
        ++refused;
        continue;
      }
      entries += static_cast<long>(result.value().size());
      const int account = batch[i].first;
      auto& kept = accounts[static_cast<std::size_t>(account)].kept_entries;
      if (account < kReplayedAccounts) kept.insert(kept.end(), result.value().begin(), result.value().end());
      for (const LedgerEntry& entry : result.value())
        fingerprint =
            mix(mix(mix(mix(fingerprint, static_cast<int>(entry.kind)), entry.amount), entry.lot), entry.ticket);
    }
    done += static_cast<long>(batch.size());
  }
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::printf("ledger_bench: %ld commands on %d accounts in %.3f s: %.0f commands/s\n", done, kAccounts, seconds,
              static_cast<double>(done) / seconds);
  std::printf("ledger_bench: %ld entries written, %ld commands refused (no funding, closed ticket, ...)\n", entries,
              refused);
  std::printf("ledger_bench: fingerprint of the entries %llu\n", static_cast<unsigned long long>(fingerprint));

  long replayed = 0;
  std::int64_t check = 0;
  const auto replay_start = std::chrono::steady_clock::now();
  for (int account = 0; account < kReplayedAccounts; ++account) {
    const auto& kept = accounts[static_cast<std::size_t>(account)].kept_entries;
    const AccountLedger rebuilt = replay(LedgerRules{}, kept);
    check += static_cast<std::int64_t>(rebuilt.lots().size());
    replayed += static_cast<long>(kept.size());
  }
  const double replay_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - replay_start).count();
  std::printf("ledger_bench: replayed %ld stored entries of %d accounts in %.3f s: %.0f entries/s (%lld lots)\n",
              replayed, kReplayedAccounts, replay_seconds, static_cast<double>(replayed) / replay_seconds,
              static_cast<long long>(check));
  return 0;
}
