// The customer's reading of the ledger (see ledger_history.hpp): lots with what is left, and
// the history of credits and debits with running balances, replayed from the entries.
#include "tessera/ledger_history.hpp"

#include <algorithm>
#include <map>

namespace tessera {

std::string_view to_string(BalanceKind kind) {
  switch (kind) {
    case BalanceKind::units: return "units";
    case BalanceKind::bank_minutes: return "bank_minutes";
    case BalanceKind::trial_minutes: return "trial_minutes";
    case BalanceKind::overrun: return "overrun";
    case BalanceKind::subscription: return "subscription";
  }
  return "units";
}

std::vector<LotView> lot_views(const AccountLedger& ledger, Instant at) {
  std::vector<LotView> views;
  for (const Lot& lot : ledger.lots()) {
    LotView view;
    view.id = lot.id;
    view.kind = lot.kind;
    view.offer_code = lot.offer_code;
    view.multi_user = lot.multi_user;
    view.starts_at = lot.starts_at;
    view.expires_at = lot.expires_at;
    view.bought = lot.credited + lot.rolled_in;
    view.rolled_in = lot.rolled_in;
    view.used = lot.used;
    view.reserved = lot.reserved;
    view.left = lot.usable_at(at);
    view.expired = at >= lot.expires_at;
    if (lot.kind == LotKind::ticket_units)
      view.expired_unused = lot.expired_not_rolled() + (view.expired ? lot.unused() : 0);
    views.push_back(std::move(view));
  }
  std::stable_sort(views.begin(), views.end(), [](const LotView& a, const LotView& b) {
    if (a.expired != b.expired) return !a.expired;
    return a.expires_at < b.expires_at;
  });
  return views;
}

namespace {

BalanceKind balance_of(LotKind kind) {
  switch (kind) {
    case LotKind::ticket_units: return BalanceKind::units;
    case LotKind::bank_minutes: return BalanceKind::bank_minutes;
    case LotKind::trial_minutes: return BalanceKind::trial_minutes;
  }
  return BalanceKind::units;
}

}  // namespace

std::vector<HistoryLine> ledger_history(std::span<const LedgerEntry> entries) {
  using K = EntryKind;
  std::vector<HistoryLine> lines;
  std::vector<LotKind> lot_kinds;  // lot id = index + 1, in the order lots were made
  std::map<BalanceKind, std::int64_t> balances;
  const auto kind_of_lot = [&](Id lot) {
    return lot >= 1 && static_cast<std::size_t>(lot) <= lot_kinds.size() ? lot_kinds[lot - 1] : LotKind::ticket_units;
  };
  for (const LedgerEntry& entry : entries) {
    HistoryLine line;
    line.at = entry.at;
    line.kind = entry.kind;
    line.lot = entry.lot;
    line.ticket = entry.ticket;
    line.order = entry.order;
    line.offer_code = entry.offer_code;
    bool shown = true;
    switch (entry.kind) {
      case K::trial_granted:
      case K::lot_purchased: {
        const LotKind kind = entry.kind == K::trial_granted ? LotKind::trial_minutes : entry.lot_kind;
        lot_kinds.push_back(kind);
        line.lot = static_cast<Id>(lot_kinds.size());
        line.balance_kind = balance_of(kind);
        line.change = entry.amount;
        break;
      }
      case K::units_rolled_over:
        line.balance_kind = balance_of(kind_of_lot(entry.lot));
        line.change = entry.amount;
        break;
      case K::lot_expired:
        line.balance_kind = balance_of(kind_of_lot(entry.lot));
        line.change = -entry.amount;
        break;
      case K::unit_reserved:
        line.balance_kind = BalanceKind::units;
        line.change = -1;
        break;
      case K::reservation_released:
        line.balance_kind = BalanceKind::units;
        line.change = 1;
        break;
      case K::charged:
      case K::refunded:
        line.balance_kind = balance_of(kind_of_lot(entry.lot));
        line.change = entry.kind == K::charged ? -entry.amount : entry.amount;
        break;
      case K::overrun_recorded:
        line.balance_kind = BalanceKind::overrun;
        line.change = entry.amount;
        break;
      case K::overrun_settled:
      case K::overrun_cancelled:
        line.balance_kind = BalanceKind::overrun;
        line.change = -entry.amount;
        break;
      case K::subscription_activated:
      case K::subscription_renewed:
      case K::subscription_cancelled:
        line.balance_kind = BalanceKind::subscription;
        line.users = entry.users;
        line.period_start = entry.period_start;
        line.period_end = entry.period_end;
        break;
      case K::extra_users_added:
      case K::extra_users_removed:
        line.balance_kind = BalanceKind::subscription;
        line.users = entry.amount;
        break;
      case K::ticket_opened:
      case K::reservation_used:
      case K::time_logged:
      case K::time_adjusted:
      case K::covered_by_subscription:
      case K::ticket_closed:
        shown = false;
        break;
    }
    if (!shown || (line.balance_kind != BalanceKind::subscription && line.change == 0)) continue;
    if (line.balance_kind != BalanceKind::subscription) {
      balances[line.balance_kind] += line.change;
      line.balance = balances[line.balance_kind];
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace tessera
