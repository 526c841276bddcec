// What a customer reads of their support-time ledger (SPEC §1.4–1.7): every lot with what is
// left and when it expires, and the history of every credit and debit with the running
// balance of what it moved (ticket units, bank minutes, trial minutes, overrun owed).
// Pure queries over the entries the server stores; the client draws them as they are.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "tessera/ledger.hpp"

namespace tessera {

// One lot as the customer sees it at `at`.
struct LotView {
  Id id = 0;
  LotKind kind = LotKind::ticket_units;
  std::string offer_code;
  bool multi_user = false;
  Instant starts_at = 0;
  Instant expires_at = 0;
  std::int64_t bought = 0;     // credited + rolled in (units or minutes)
  std::int64_t rolled_in = 0;  // expired units of older lots that joined this one
  std::int64_t used = 0;
  std::int64_t reserved = 0;
  std::int64_t left = 0;       // usable now (0 once expired)
  bool expired = false;        // at or past expires_at
  // Ticket units that expired unused and have not joined a newer lot yet: the next pack
  // takes them (SPEC §1.4). 0 for minute lots.
  std::int64_t expired_unused = 0;
};
// Every lot (trial, units, minutes) in the order they expire, the next first; expired
// ones after the others.
std::vector<LotView> lot_views(const AccountLedger& ledger, Instant at);

// Which balance an entry moves.
enum class BalanceKind { units, bank_minutes, trial_minutes, overrun, subscription };
std::string_view to_string(BalanceKind kind);

// One credit (+) or debit (−) of the ledger, with the balance of its kind after it.
// Subscription events (activation, renewal, users, cancellation) have change 0 and carry
// their own values (users, period_end).
struct HistoryLine {
  Instant at = 0;
  EntryKind kind = EntryKind::lot_purchased;
  BalanceKind balance_kind = BalanceKind::units;
  std::int64_t change = 0;
  std::int64_t balance = 0;
  Id lot = 0;
  Id ticket = 0;
  Id order = 0;
  std::string offer_code;
  std::int64_t users = 0;      // subscription: extra users (activation, renewal) or users added/removed
  Instant period_start = 0;    // subscription: the period's start (activation, renewal)
  Instant period_end = 0;      // subscription: the period's end (cancellation: usable until)
};

// Every entry that moves a balance or changes the subscription, in order. Internal steps
// (a ticket opened or closed, a reserved unit becoming used, time logged, minutes covered by
// the subscription) are left out: they move no balance.
std::vector<HistoryLine> ledger_history(std::span<const LedgerEntry> entries);

}  // namespace tessera
