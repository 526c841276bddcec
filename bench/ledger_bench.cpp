// Ledger throughput: applies one million commands (purchases, tickets opened, time logged,
// corrections, closings, subscription changes) to a thousand account ledgers with `execute`,
// and prints commands per second. Same source natively and in WebAssembly under Node; the
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

struct AccountState {
  AccountLedger ledger;
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
    (void)execute(accounts[static_cast<std::size_t>(i)].ledger, GrantTrial{0, 1});
  }
  Instant now = 1'767'225'600;  // 2026-01-01
  long done = 0;
  long refused = 0;
  long entries = 0;
  std::uint64_t fingerprint = 14695981039346656037ull;
  std::chrono::steady_clock::duration elapsed{};
  std::vector<std::pair<int, LedgerCommand>> batch;
  batch.reserve(kBatch);
  while (done < total) {
    batch.clear();
    for (int i = 0; i < kBatch && done + i < total; ++i) {
      const int account = static_cast<int>(dice() % kAccounts);
      now += 30;  // a command every 30 s: a million commands span about a year
      batch.emplace_back(account, next_command(dice, accounts[static_cast<std::size_t>(account)], now));
    }
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [account, command] : batch) {
      const auto result = execute(accounts[static_cast<std::size_t>(account)].ledger, command);
      if (!result.ok()) {
        ++refused;
        continue;
      }
      entries += static_cast<long>(result.value().size());
      for (const LedgerEntry& entry : result.value())
        fingerprint = mix(mix(mix(mix(fingerprint, static_cast<int>(entry.kind)), entry.amount), entry.lot), entry.ticket);
    }
    elapsed += std::chrono::steady_clock::now() - start;
    done += static_cast<long>(batch.size());
  }
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::printf("ledger_bench: %ld commands on %d accounts in %.3f s: %.0f commands/s\n", done, kAccounts, seconds,
              static_cast<double>(done) / seconds);
  std::printf("ledger_bench: %ld entries written, %ld commands refused (no funding, closed ticket, ...)\n", entries,
              refused);
  std::printf("ledger_bench: fingerprint of the entries %llu\n", static_cast<unsigned long long>(fingerprint));
  return 0;
}
