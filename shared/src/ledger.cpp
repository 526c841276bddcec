// The support-time ledger (see ledger.hpp). Sections: names, folding entries into the state,
// queries, deciding commands (validate first, then emit: an error never leaves entries
// behind), what entries change in a ticket's status. The cost statement: cost_statement.cpp.
#include "tessera/ledger.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "tessera/texts.hpp"

namespace tessera {

// [SECTION] Names
namespace {
template <class Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<LotKind, 3> kLotKinds{{{LotKind::trial_minutes, "trial_minutes"},
                                       {LotKind::ticket_units, "ticket_units"},
                                       {LotKind::bank_minutes, "bank_minutes"}}};
constexpr Names<FundingSource, 4> kSources{{{FundingSource::subscription, "subscription"},
                                            {FundingSource::units, "units"},
                                            {FundingSource::minutes, "minutes"},
                                            {FundingSource::trial, "trial"}}};
constexpr Names<SubscriptionPhase, 6> kPhases{{{SubscriptionPhase::none, "none"},
                                               {SubscriptionPhase::active, "active"},
                                               {SubscriptionPhase::cancelled, "cancelled"},
                                               {SubscriptionPhase::grace, "grace"},
                                               {SubscriptionPhase::suspended, "suspended"},
                                               {SubscriptionPhase::ended, "ended"}}};
constexpr Names<EntryKind, 22> kEntryKinds{{{EntryKind::trial_granted, "trial_granted"},
                                            {EntryKind::lot_purchased, "lot_purchased"},
                                            {EntryKind::units_rolled_over, "units_rolled_over"},
                                            {EntryKind::lot_expired, "lot_expired"},
                                            {EntryKind::ticket_opened, "ticket_opened"},
                                            {EntryKind::unit_reserved, "unit_reserved"},
                                            {EntryKind::reservation_released, "reservation_released"},
                                            {EntryKind::reservation_used, "reservation_used"},
                                            {EntryKind::time_logged, "time_logged"},
                                            {EntryKind::time_adjusted, "time_adjusted"},
                                            {EntryKind::charged, "charged"},
                                            {EntryKind::refunded, "refunded"},
                                            {EntryKind::covered_by_subscription, "covered_by_subscription"},
                                            {EntryKind::overrun_recorded, "overrun_recorded"},
                                            {EntryKind::overrun_settled, "overrun_settled"},
                                            {EntryKind::overrun_cancelled, "overrun_cancelled"},
                                            {EntryKind::ticket_closed, "ticket_closed"},
                                            {EntryKind::subscription_activated, "subscription_activated"},
                                            {EntryKind::subscription_renewed, "subscription_renewed"},
                                            {EntryKind::extra_users_added, "extra_users_added"},
                                            {EntryKind::extra_users_removed, "extra_users_removed"},
                                            {EntryKind::subscription_cancelled, "subscription_cancelled"}}};

template <class Enum, std::size_t N>
std::string_view name_in(const Names<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names)
    if (candidate == value) return name;
  return "?";
}
template <class Enum, std::size_t N>
std::optional<Enum> parse_in(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [candidate, name] : names)
    if (name == text) return candidate;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(LotKind kind) { return name_in(kLotKinds, kind); }
std::string_view to_string(FundingSource source) { return name_in(kSources, source); }
std::string_view to_string(SubscriptionPhase phase) { return name_in(kPhases, phase); }
std::string_view to_string(EntryKind kind) { return name_in(kEntryKinds, kind); }
std::optional<FundingSource> parse_funding_source(std::string_view text) { return parse_in(kSources, text); }
std::optional<EntryKind> parse_entry_kind(std::string_view text) { return parse_in(kEntryKinds, text); }

bool is_usable(SubscriptionPhase phase) {
  return phase == SubscriptionPhase::active || phase == SubscriptionPhase::cancelled ||
         phase == SubscriptionPhase::grace;
}

// [SECTION] Folding entries into the state
namespace {
Minutes minutes_funded_by(LotKind kind, std::int64_t amount) {
  return kind == LotKind::ticket_units ? amount * kMinutesPerTicketUnit : amount;
}
}  // namespace

AccountLedger::AccountLedger(LedgerRules rules) : rules_(std::move(rules)) {}

const Lot* AccountLedger::lot(Id id) const {
  return id >= 1 && id <= static_cast<Id>(lots_.size()) ? &lots_[static_cast<std::size_t>(id - 1)] : nullptr;
}
Lot* AccountLedger::mutable_lot(Id id) { return const_cast<Lot*>(std::as_const(*this).lot(id)); }

const TicketAccount* AccountLedger::ticket(Id id) const {
  const auto found = tickets_.find(id);
  return found == tickets_.end() ? nullptr : &found->second;
}

void AccountLedger::apply(const LedgerEntry& entry) {
  using K = EntryKind;
  ++entry_count_;
  last_at_ = std::max(last_at_, entry.at);
  Lot* lot = mutable_lot(entry.lot);
  TicketAccount* ticket = nullptr;
  if (entry.ticket != 0) {
    const auto found = tickets_.find(entry.ticket);
    if (found != tickets_.end()) ticket = &found->second;
  }
  switch (entry.kind) {
    case K::trial_granted:
    case K::lot_purchased: {
      Lot added;
      added.id = static_cast<Id>(lots_.size()) + 1;
      added.kind = entry.kind == K::trial_granted ? LotKind::trial_minutes : entry.lot_kind;
      added.owner = entry.user;
      added.multi_user = entry.multi_user;
      added.starts_at = entry.at;
      added.expires_at = entry.expires_at;
      added.order = entry.order;
      added.offer_code = entry.offer_code;
      added.credited = entry.amount;
      lots_.push_back(std::move(added));
      if (entry.kind == K::trial_granted) trial_granted_ = true;
      break;
    }
    case K::units_rolled_over:
      if (Lot* from = mutable_lot(entry.from_lot)) from->rolled_out += entry.amount;
      if (lot) lot->rolled_in += entry.amount;
      break;
    case K::lot_expired:
      if (lot) lot->expired += entry.amount;
      break;
    case K::ticket_opened: {
      TicketAccount opened;
      opened.ticket = entry.ticket;
      opened.user = entry.user;
      opened.pool = entry.pool;
      opened.source = entry.source;
      opened.opened_at = entry.at;
      tickets_[entry.ticket] = std::move(opened);
      break;
    }
    case K::unit_reserved:
      if (lot) lot->reserved += 1;
      if (ticket) ticket->reserved_lot = entry.lot;
      break;
    case K::reservation_released:
      if (lot) lot->reserved -= 1;
      if (ticket) ticket->reserved_lot = 0;
      break;
    case K::reservation_used:
      if (lot) {
        lot->reserved -= 1;
        lot->used += 1;
      }
      if (ticket) {
        ticket->reserved_lot = 0;
        ticket->units_used += 1;
        ticket->funded += kMinutesPerTicketUnit;
        ticket->charges.push_back(Charge{entry.lot, 1});
      }
      break;
    case K::time_logged:
    case K::time_adjusted:
      if (ticket) ticket->worked += entry.amount;
      break;
    case K::charged:
    case K::refunded: {
      const std::int64_t sign = entry.kind == K::charged ? 1 : -1;
      if (lot) lot->used += sign * entry.amount;
      if (ticket && lot) {
        ticket->funded += sign * minutes_funded_by(lot->kind, entry.amount);
        switch (lot->kind) {
          case LotKind::ticket_units: ticket->units_used += sign * entry.amount; break;
          case LotKind::bank_minutes: ticket->bank_minutes += sign * entry.amount; break;
          case LotKind::trial_minutes: ticket->trial_minutes += sign * entry.amount; break;
        }
        if (sign > 0) {
          ticket->charges.push_back(Charge{entry.lot, entry.amount});
        } else {
          // Refunds take back from the most recent charges of that lot.
          std::int64_t left = entry.amount;
          for (auto it = ticket->charges.rbegin(); it != ticket->charges.rend() && left > 0; ++it) {
            if (it->lot != entry.lot) continue;
            const std::int64_t taken = std::min(left, it->amount);
            it->amount -= taken;
            left -= taken;
          }
          std::erase_if(ticket->charges, [](const Charge& charge) { return charge.amount == 0; });
        }
      }
      break;
    }
    case K::covered_by_subscription:
      if (ticket) {
        ticket->funded += entry.amount;
        ticket->subscription_minutes += entry.amount;
        if (entry.amount > 0) {
          ticket->charges.push_back(Charge{0, entry.amount});
        } else {
          std::int64_t left = -entry.amount;
          for (auto it = ticket->charges.rbegin(); it != ticket->charges.rend() && left > 0; ++it) {
            if (it->lot != 0) continue;
            const std::int64_t taken = std::min(left, it->amount);
            it->amount -= taken;
            left -= taken;
          }
          std::erase_if(ticket->charges, [](const Charge& charge) { return charge.amount == 0; });
        }
      }
      break;
    case K::overrun_recorded:
    case K::overrun_settled:
    case K::overrun_cancelled:
      if (ticket) {
        ticket->overrun += entry.kind == K::overrun_recorded ? entry.amount : -entry.amount;
        if (ticket->overrun > 0) tickets_with_overrun_.insert(ticket->ticket);
        else tickets_with_overrun_.erase(ticket->ticket);
      }
      break;
    case K::ticket_closed:
      if (ticket) ticket->closed = true;
      break;
    case K::subscription_activated:
      subscription_.activated = true;
      subscription_.anchor = entry.period_start;
      subscription_.periods = 1;
      subscription_.period_start = entry.period_start;
      subscription_.period_end = entry.period_end;
      subscription_.included_users = entry.amount;
      subscription_.extra_users = entry.users;
      subscription_.extra_users_next = entry.users;
      subscription_.method = entry.method;
      subscription_.cancelled = false;
      break;
    case K::subscription_renewed:
      if (entry.period_start != subscription_.period_end) {  // paid too late: a new chain
        subscription_.anchor = entry.period_start;
        subscription_.periods = 0;
      }
      subscription_.periods += 1;
      subscription_.period_start = entry.period_start;
      subscription_.period_end = entry.period_end;
      subscription_.extra_users = entry.users;
      subscription_.extra_users_next = entry.users;
      break;
    case K::extra_users_added:
      subscription_.extra_users += entry.amount;
      subscription_.extra_users_next += entry.amount;
      break;
    case K::extra_users_removed:
      subscription_.extra_users_next -= entry.amount;
      break;
    case K::subscription_cancelled:
      subscription_.cancelled = true;
      subscription_.ever_cancelled = true;
      subscription_.cancelled_at = entry.at;
      subscription_.restart_on = entry.restart_on;
      break;
  }
}

AccountLedger replay(const LedgerRules& rules, std::span<const LedgerEntry> entries) {
  AccountLedger ledger(rules);
  for (const LedgerEntry& entry : entries) ledger.apply(entry);
  return ledger;
}

// [SECTION] Queries
SubscriptionPhase subscription_phase(const AccountLedger& ledger, Instant at) {
  const SubscriptionState& subscription = ledger.subscription();
  if (!subscription.activated) return SubscriptionPhase::none;
  if (subscription.cancelled)
    return at < subscription.period_end ? SubscriptionPhase::cancelled : SubscriptionPhase::ended;
  if (at < subscription.period_end) return SubscriptionPhase::active;
  if (at < renewal_grace_end(ledger)) return SubscriptionPhase::grace;
  return SubscriptionPhase::suspended;
}

bool renewal_due(const AccountLedger& ledger, Instant at) {
  const SubscriptionState& subscription = ledger.subscription();
  return subscription.activated && !subscription.cancelled && at >= subscription.period_end;
}

Period next_period(const AccountLedger& ledger) {
  const SubscriptionState& subscription = ledger.subscription();
  return Period{subscription.period_end,
                add_months_clamped(subscription.anchor, static_cast<int>(subscription.periods + 1))};
}

Instant renewal_grace_end(const AccountLedger& ledger) {
  const SubscriptionState& subscription = ledger.subscription();
  if (subscription.method == PaymentMethod::paypal) return subscription.period_end;  // charged by PayPal: no grace
  return add_days(subscription.period_end, ledger.rules().renewal_grace_days);
}

Cents renewal_price(const AccountLedger& ledger, const SubscriptionOffer& offer) {
  return subscription_period_price(offer, ledger.subscription().extra_users_next);
}

std::int64_t subscription_user_limit(const AccountLedger& ledger) {
  const SubscriptionState& subscription = ledger.subscription();
  return subscription.activated ? subscription.included_users + subscription.extra_users : 0;
}

namespace {
bool lot_serves(const Lot& lot, LotKind kind, const UserScope& scope) {
  if (lot.kind != kind) return false;
  if (lot.owner == scope.user) return true;
  return lot.multi_user && scope.pool;
}

// The eligible lot that expires first (ties: the older lot), with something usable at `at`.
const Lot* first_expiring_lot(const AccountLedger& ledger, LotKind kind, const UserScope& scope, Instant at) {
  const Lot* best = nullptr;
  for (const Lot& lot : ledger.lots()) {
    if (!lot_serves(lot, kind, scope) || lot.usable_at(at) <= 0) continue;
    if (!best || lot.expires_at < best->expires_at) best = &lot;
  }
  return best;
}

std::int64_t usable_total(const AccountLedger& ledger, LotKind kind, const UserScope& scope, Instant at) {
  std::int64_t total = 0;
  for (const Lot& lot : ledger.lots())
    if (lot_serves(lot, kind, scope)) total += lot.usable_at(at);
  return total;
}
}  // namespace

std::int64_t units_available(const AccountLedger& ledger, const UserScope& scope, Instant at) {
  return usable_total(ledger, LotKind::ticket_units, scope, at);
}
Minutes bank_minutes_available(const AccountLedger& ledger, const UserScope& scope, Instant at) {
  return usable_total(ledger, LotKind::bank_minutes, scope, at);
}
Minutes trial_minutes_available(const AccountLedger& ledger, const UserScope& scope, Instant at) {
  return usable_total(ledger, LotKind::trial_minutes, scope, at);
}

Minutes overrun_outstanding(const AccountLedger& ledger) {
  Minutes total = 0;
  for (Id id : ledger.tickets_with_overrun()) total += ledger.ticket(id)->overrun;
  return total;
}

std::vector<FundingSource> funding_options(const AccountLedger& ledger, const UserScope& scope, Instant at) {
  std::vector<FundingSource> options;
  if (scope.subscription && is_usable(subscription_phase(ledger, at))) options.push_back(FundingSource::subscription);
  if (units_available(ledger, scope, at) > 0) options.push_back(FundingSource::units);
  if (bank_minutes_available(ledger, scope, at) > 0) options.push_back(FundingSource::minutes);
  if (trial_minutes_available(ledger, scope, at) > 0) options.push_back(FundingSource::trial);
  return options;
}

AccountBalances account_balances(const AccountLedger& ledger, Instant at) {
  AccountBalances balances;
  balances.subscription = subscription_phase(ledger, at);
  balances.subscription_period_end = ledger.subscription().period_end;
  if (ledger.subscription().activated) {
    balances.subscription_included_users = ledger.subscription().included_users;
    balances.subscription_extra_users = ledger.subscription().extra_users;
    balances.subscription_extra_users_next = ledger.subscription().extra_users_next;
  }
  balances.subscription_user_limit = subscription_user_limit(ledger);
  for (const Lot& lot : ledger.lots()) {
    const std::int64_t usable = lot.usable_at(at);
    switch (lot.kind) {
      case LotKind::ticket_units: balances.units_available += usable; break;
      case LotKind::bank_minutes: balances.bank_minutes_available += usable; break;
      case LotKind::trial_minutes: balances.trial_minutes_available += usable; break;
    }
    balances.units_reserved += lot.reserved;
    if (usable > 0 && (!balances.next_expiry || lot.expires_at < *balances.next_expiry))
      balances.next_expiry = lot.expires_at;
  }
  balances.overrun = overrun_outstanding(ledger);
  return balances;
}

std::vector<Id> tickets_to_close_for_subscription_end(const AccountLedger& ledger, Instant at) {
  std::vector<Id> ids;
  if (subscription_phase(ledger, at) != SubscriptionPhase::ended) return ids;
  for (const auto& [id, ticket] : ledger.tickets())
    if (!ticket.closed && ticket.source == FundingSource::subscription) ids.push_back(id);
  return ids;
}

std::vector<Id> tickets_funding_restored(const AccountLedger& ledger, std::span<const LedgerEntry> new_entries) {
  std::vector<Id> ids;
  for (const LedgerEntry& entry : new_entries) {
    if (entry.kind != EntryKind::overrun_settled && entry.kind != EntryKind::overrun_cancelled) continue;
    const TicketAccount* ticket = ledger.ticket(entry.ticket);
    if (ticket && !ticket->closed && ticket->overrun == 0 &&
        std::find(ids.begin(), ids.end(), entry.ticket) == ids.end())
      ids.push_back(entry.ticket);
  }
  return ids;
}

std::vector<Id> tickets_awaiting_funding(const AccountLedger& ledger) {
  std::vector<Id> ids;
  for (Id id : ledger.tickets_with_overrun())
    if (!ledger.ticket(id)->closed) ids.push_back(id);
  return ids;
}

// [SECTION] Deciding commands
namespace {

Error error_with(std::string code, std::string field, std::map<std::string, std::string> params = {}) {
  Error error = make_error(std::move(code), std::move(field));
  error.params = std::move(params);
  return error;
}

// Emits entries and applies each one to a working ledger at once, so that later steps see
// the effect of earlier ones. Every check that can fail runs before the first emit.
class Emitter {
 public:
  Emitter(AccountLedger& working, Instant at) : working_(working), at_(at) {}
  const AccountLedger& ledger() const { return working_; }
  Instant at() const { return at_; }
  LedgerEntry make(EntryKind kind) const {
    LedgerEntry entry;
    entry.kind = kind;
    entry.at = at_;
    return entry;
  }
  void emit(LedgerEntry entry) {
    working_.apply(entry);
    entries_.push_back(std::move(entry));
  }
  std::vector<LedgerEntry> take() { return std::move(entries_); }

  // Write off whatever has expired by now and is still unused.
  void expire_due_lots() {
    for (const Lot& lot : working_.lots()) {
      if (at_ < lot.expires_at || lot.unused() <= 0) continue;
      LedgerEntry entry = make(EntryKind::lot_expired);
      entry.at = std::max(lot.expires_at, working_.last_at());
      entry.lot = lot.id;
      entry.amount = lot.unused();
      emit(std::move(entry));
    }
  }

  // Give units/minutes back to a lot; if the lot has expired meanwhile they expire at once.
  void give_back(EntryKind kind, Id lot_id, Id ticket, std::int64_t amount) {
    LedgerEntry entry = make(kind);
    entry.lot = lot_id;
    entry.ticket = ticket;
    entry.amount = amount;
    emit(std::move(entry));
    const Lot* lot = working_.lot(lot_id);
    if (lot && at_ >= lot->expires_at && lot->unused() > 0) {
      LedgerEntry expiry = make(EntryKind::lot_expired);
      expiry.lot = lot_id;
      expiry.amount = lot->unused();
      emit(std::move(expiry));
    }
  }

 private:
  AccountLedger& working_;
  Instant at_;
  std::vector<LedgerEntry> entries_;
};

UserScope scope_of(const TicketAccount& ticket) { return UserScope{ticket.user, false, ticket.pool}; }

// Well-formed UTF-8 (shortest forms, no surrogates): notes are stored and sent as JSON.
bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0) return false;
    static constexpr std::uint32_t kLeadBits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    std::uint32_t code = byte & kLeadBits[length];
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 0x2) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// A time entry's note: required, at most 1000 bytes of UTF-8.
std::optional<Error> check_note(const std::string& note) {
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) return make_error("note_required", "note");
  if (note.size() > Limits::note_max) {
    Error error = make_error("too_long", "note");
    error.params = {{"max", std::to_string(Limits::note_max)}};
    return error;
  }
  if (!is_utf8(note)) return make_error("invalid_value", "note");
  return std::nullopt;
}

// What the ticket's own source charges for `worked` minutes, in minutes (SPEC §1.4, §1.5).
Minutes minutes_due(const AccountLedger& ledger, const TicketAccount& ticket) {
  if (ticket.worked <= 0) return 0;
  if (ticket.source == FundingSource::minutes) return std::max(ledger.rules().minute_bank_minimum, ticket.worked);
  return ticket.worked;  // units round up by whole units as they are taken
}

Minutes ceil_units(Minutes minutes) { return (minutes + kMinutesPerTicketUnit - 1) / kMinutesPerTicketUnit; }

// Fund `gap` more minutes of a ticket from its own source; the rest becomes overrun.
void fund_from_source(Emitter& out, Id ticket_id, Minutes gap) {
  const TicketAccount& ticket = *out.ledger().ticket(ticket_id);
  const UserScope scope = scope_of(ticket);
  switch (ticket.source) {
    case FundingSource::subscription:
      if (is_usable(subscription_phase(out.ledger(), out.at()))) {
        LedgerEntry entry = out.make(EntryKind::covered_by_subscription);
        entry.ticket = ticket_id;
        entry.amount = gap;
        out.emit(std::move(entry));
        gap = 0;
      }
      break;
    case FundingSource::units:
      if (ticket.reserved_lot != 0 && ticket.worked > 0) {
        LedgerEntry entry = out.make(EntryKind::reservation_used);
        entry.ticket = ticket_id;
        entry.lot = ticket.reserved_lot;
        entry.amount = 1;
        out.emit(std::move(entry));
        gap -= kMinutesPerTicketUnit;
      }
      while (gap > 0) {
        const Lot* lot = first_expiring_lot(out.ledger(), LotKind::ticket_units, scope, out.at());
        if (!lot) break;
        const std::int64_t units = std::min(ceil_units(gap), lot->usable_at(out.at()));
        LedgerEntry entry = out.make(EntryKind::charged);
        entry.ticket = ticket_id;
        entry.lot = lot->id;
        entry.amount = units;
        out.emit(std::move(entry));
        gap -= units * kMinutesPerTicketUnit;
      }
      break;
    case FundingSource::trial:
      // The trial's own rule (trial.hpp): minute by minute, nothing from the expiry instant.
      if (const Lot* lot = first_expiring_lot(out.ledger(), LotKind::trial_minutes, scope, out.at())) {
        const TrialGrant grant{lot->credited, lot->starts_at, lot->expires_at};
        const TrialCharge charge = charge_trial(grant, lot->used, gap, out.at());
        LedgerEntry entry = out.make(EntryKind::charged);
        entry.ticket = ticket_id;
        entry.lot = lot->id;
        entry.amount = charge.charged;
        out.emit(std::move(entry));
        gap = charge.overrun;
      }
      break;
    case FundingSource::minutes: {
      while (gap > 0) {
        const Lot* lot = first_expiring_lot(out.ledger(), LotKind::bank_minutes, scope, out.at());
        if (!lot) break;
        const Minutes taken = std::min(gap, lot->usable_at(out.at()));
        LedgerEntry entry = out.make(EntryKind::charged);
        entry.ticket = ticket_id;
        entry.lot = lot->id;
        entry.amount = taken;
        out.emit(std::move(entry));
        gap -= taken;
      }
      break;
    }
  }
  if (gap > 0) {
    LedgerEntry entry = out.make(EntryKind::overrun_recorded);
    entry.ticket = ticket_id;
    entry.amount = gap;
    out.emit(std::move(entry));
  }
}

// After a negative adjustment: forgive overrun first, then give back whole charges, last
// first, as long as what stays funded still covers what is due.
void unfund(Emitter& out, Id ticket_id, Minutes excess) {
  const TicketAccount* ticket = out.ledger().ticket(ticket_id);
  const Minutes forgiven = std::min(excess, ticket->overrun);
  if (forgiven > 0) {
    LedgerEntry entry = out.make(EntryKind::overrun_cancelled);
    entry.ticket = ticket_id;
    entry.amount = forgiven;
    out.emit(std::move(entry));
    excess -= forgiven;
  }
  while (excess > 0) {
    ticket = out.ledger().ticket(ticket_id);
    if (ticket->charges.empty()) break;
    const Charge last = ticket->charges.back();
    const Lot* lot = out.ledger().lot(last.lot);
    const Minutes per_item = lot ? minutes_funded_by(lot->kind, 1) : 1;
    const std::int64_t items = std::min(last.amount, excess / per_item);
    if (items <= 0) break;
    if (last.lot == 0) {
      LedgerEntry entry = out.make(EntryKind::covered_by_subscription);
      entry.ticket = ticket_id;
      entry.amount = -items;
      out.emit(std::move(entry));
    } else {
      out.give_back(EntryKind::refunded, last.lot, ticket_id, items);
    }
    excess -= items * per_item;
    if (items < last.amount) break;
  }
}

// Bring a ticket's funding in line with its worked minutes.
void settle_ticket(Emitter& out, Id ticket_id) {
  const TicketAccount& ticket = *out.ledger().ticket(ticket_id);
  const Minutes gap = minutes_due(out.ledger(), ticket) - ticket.funded - ticket.overrun;
  if (gap > 0) fund_from_source(out, ticket_id, gap);
  if (gap < 0) unfund(out, ticket_id, -gap);
}

// A purchase settles the account's overrun first, under its own rules (SPEC §1.7): oldest
// ticket first, from the new lot (units: ceil(overrun / 30) each) or by the subscription.
// A lot only settles tickets it could have funded: a single-user lot its buyer's tickets,
// a multi-user lot also the tickets of users given the pool.
void settle_overruns(Emitter& out, Id new_lot, bool by_subscription) {
  std::vector<Id> owing;
  const Lot* lot = by_subscription ? nullptr : out.ledger().lot(new_lot);
  for (Id id : out.ledger().tickets_with_overrun())
    if (by_subscription || lot_serves(*lot, lot->kind, scope_of(*out.ledger().ticket(id)))) owing.push_back(id);
  for (Id ticket_id : owing) {
    const Minutes overrun = out.ledger().ticket(ticket_id)->overrun;
    Minutes settled = 0;
    LedgerEntry funding = out.make(by_subscription ? EntryKind::covered_by_subscription : EntryKind::charged);
    funding.ticket = ticket_id;
    funding.settlement = true;
    if (by_subscription) {
      funding.amount = overrun;
      settled = overrun;
    } else {
      const std::int64_t usable = lot->usable_at(out.at());  // lots are never moved while settling
      if (usable <= 0) break;
      funding.lot = new_lot;
      if (lot->kind == LotKind::ticket_units) {
        funding.amount = std::min(ceil_units(overrun), usable);
        settled = std::min(overrun, funding.amount * kMinutesPerTicketUnit);
      } else {
        funding.amount = std::min(overrun, usable);
        settled = funding.amount;
      }
    }
    out.emit(std::move(funding));
    LedgerEntry entry = out.make(EntryKind::overrun_settled);
    entry.ticket = ticket_id;
    entry.amount = settled;
    out.emit(std::move(entry));
  }
}

struct Decider {
  Emitter& out;

  Result<bool> operator()(const GrantTrial& command) {
    if (out.ledger().trial_granted()) return make_error("trial_already_granted");
    out.expire_due_lots();
    const TrialGrant grant = grant_trial(out.ledger().rules().trial, command.at);
    LedgerEntry entry = out.make(EntryKind::trial_granted);
    entry.user = command.user;
    entry.lot_kind = LotKind::trial_minutes;
    entry.amount = grant.minutes;
    entry.expires_at = grant.expires_at;
    out.emit(std::move(entry));
    return true;
  }

  Result<bool> operator()(const BuyPack& command) {
    if (auto error = validate_pack_offer(command.offer, "offer.")) return *error;
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::lot_purchased);
    entry.user = command.user;
    entry.order = command.order;
    entry.lot_kind = LotKind::ticket_units;
    entry.multi_user = command.offer.multi_user;
    entry.amount = command.offer.units;
    entry.expires_at = add_months_clamped(command.at, command.offer.validity_months);
    entry.offer_code = command.offer.code;
    out.emit(std::move(entry));
    const Id new_lot = static_cast<Id>(out.ledger().lots().size());
    // SPEC §1.4: every expired, unused unit of the account joins the new pack.
    std::vector<std::pair<Id, std::int64_t>> expired;
    for (const Lot& lot : out.ledger().lots())
      if (lot.kind == LotKind::ticket_units && lot.id != new_lot && lot.expired_not_rolled() > 0)
        expired.emplace_back(lot.id, lot.expired_not_rolled());
    for (const auto& [from, amount] : expired) {
      LedgerEntry rollover = out.make(EntryKind::units_rolled_over);
      rollover.lot = new_lot;
      rollover.from_lot = from;
      rollover.amount = amount;
      out.emit(std::move(rollover));
    }
    settle_overruns(out, new_lot, false);
    return true;
  }

  Result<bool> operator()(const BuyMinutes& command) {
    if (auto error = validate_minute_block_offer(command.offer, "offer.")) return *error;
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::lot_purchased);
    entry.user = command.user;
    entry.order = command.order;
    entry.lot_kind = LotKind::bank_minutes;
    entry.amount = command.offer.minutes;
    entry.expires_at = add_months_clamped(command.at, command.offer.validity_months);
    entry.offer_code = command.offer.code;
    out.emit(std::move(entry));
    settle_overruns(out, static_cast<Id>(out.ledger().lots().size()), false);
    return true;
  }

  Result<bool> operator()(const ActivateSubscription& command) {
    const SubscriptionState& subscription = out.ledger().subscription();
    const SubscriptionPhase phase = subscription_phase(out.ledger(), command.at);
    // Cancelled, even if still usable until the period's end: a restart waits 3 months, and the
    // answer gives the date (SPEC 1.5); "already active" is for a subscription not cancelled.
    if (subscription.ever_cancelled && command.at < utc_midnight(subscription.restart_on))
      return error_with("restart_too_early", {}, {{"date", to_iso(subscription.restart_on)}});
    if (is_usable(phase)) return make_error("subscription_already_active");
    if (command.included_users < 1) return make_error("invalid_user_count", "included_users");
    if (command.extra_users < 0) return make_error("invalid_user_count", "extra_users");
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::subscription_activated);
    entry.order = command.order;
    entry.period_start = command.at;
    entry.period_end = add_months_clamped(command.at, 1);
    entry.amount = command.included_users;
    entry.users = command.extra_users;
    entry.method = command.method;
    out.emit(std::move(entry));
    settle_overruns(out, 0, true);
    return true;
  }

  Result<bool> operator()(const PayRenewal& command) {
    const SubscriptionState& subscription = out.ledger().subscription();
    if (!subscription.activated) return make_error("no_subscription");
    if (subscription.cancelled) return make_error("subscription_cancelled");
    if (command.at < subscription.period_end) return make_error("renewal_not_due");
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::subscription_renewed);
    entry.order = command.order;
    const Period next = next_period(out.ledger());
    entry.period_start = next.start;
    entry.period_end = next.end;
    if (command.at >= entry.period_end) {  // so late that the next period is over too: start afresh
      entry.period_start = command.at;
      entry.period_end = add_months_clamped(command.at, 1);
    }
    entry.users = subscription.extra_users_next;
    entry.method = subscription.method;
    out.emit(std::move(entry));
    settle_overruns(out, 0, true);
    return true;
  }

  Result<bool> operator()(const AddExtraUsers& command) {
    const SubscriptionState& subscription = out.ledger().subscription();
    const SubscriptionPhase phase = subscription_phase(out.ledger(), command.at);
    if (phase == SubscriptionPhase::none) return make_error("no_subscription");
    if (subscription.cancelled) return make_error("subscription_cancelled");
    if (phase != SubscriptionPhase::active) return make_error("subscription_not_usable");
    if (command.count < 1 || command.count > 1000) return make_error("invalid_user_count", "count");
    out.expire_due_lots();
    const Date today = utc_date_of(command.at);
    const std::int64_t days_left = days_between(today, utc_date_of(subscription.period_end));
    const std::int64_t days_in_period =
        days_between(utc_date_of(subscription.period_start), utc_date_of(subscription.period_end));
    LedgerEntry entry = out.make(EntryKind::extra_users_added);
    entry.amount = command.count;
    entry.cents = command.charged_cents.value_or(
        prorate_cents(command.extra_user_monthly_price * command.count, days_left, days_in_period));
    entry.period_end = subscription.period_end;
    out.emit(std::move(entry));
    return true;
  }

  Result<bool> operator()(const RemoveExtraUsers& command) {
    const SubscriptionState& subscription = out.ledger().subscription();
    if (!subscription.activated) return make_error("no_subscription");
    if (command.count < 1) return make_error("invalid_user_count", "count");
    if (command.count > subscription.extra_users_next) return make_error("too_many_users_removed", "count");
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::extra_users_removed);
    entry.amount = command.count;
    entry.period_end = subscription.period_end;  // effective from the next period
    out.emit(std::move(entry));
    return true;
  }

  Result<bool> operator()(const CancelSubscription& command) {
    const SubscriptionState& subscription = out.ledger().subscription();
    if (!subscription.activated) return make_error("no_subscription");
    if (subscription.cancelled) return make_error("subscription_cancelled");
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::subscription_cancelled);
    entry.period_end = subscription.period_end;
    entry.restart_on = add_months_clamped(utc_date_of(command.at), out.ledger().rules().restart_delay_months);
    out.emit(std::move(entry));
    return true;
  }

  Result<bool> operator()(const OpenTicket& command) {
    if (command.ticket <= 0) return make_error("unknown_ticket", "ticket");
    if (out.ledger().ticket(command.ticket)) return make_error("ticket_already_open", "ticket");
    const std::vector<FundingSource> options = funding_options(out.ledger(), command.scope, command.at);
    FundingSource source = FundingSource::subscription;
    // A suspended subscription (renewal unpaid after its grace) says so, rather than "no funding".
    const bool suspended = command.scope.subscription &&
                           subscription_phase(out.ledger(), command.at) == SubscriptionPhase::suspended;
    if (suspended && (command.choice == FundingSource::subscription || (!command.choice && options.empty())))
      return make_error("subscription_suspended", "funding");
    if (command.choice) {
      if (std::find(options.begin(), options.end(), *command.choice) == options.end())
        return error_with("funding_unavailable", "funding", {{"source", std::string(to_string(*command.choice))}});
      source = *command.choice;
    } else {
      if (options.empty()) return make_error("no_funding", "funding");
      source = options.front();
    }
    out.expire_due_lots();
    LedgerEntry entry = out.make(EntryKind::ticket_opened);
    entry.ticket = command.ticket;
    entry.user = command.scope.user;
    entry.pool = command.scope.pool;
    entry.source = source;
    out.emit(std::move(entry));
    if (source == FundingSource::units) {
      const Lot* lot = first_expiring_lot(out.ledger(), LotKind::ticket_units, command.scope, command.at);
      LedgerEntry reservation = out.make(EntryKind::unit_reserved);
      reservation.ticket = command.ticket;
      reservation.lot = lot->id;
      reservation.amount = 1;
      out.emit(std::move(reservation));
    }
    return true;
  }

  Result<bool> operator()(const LogTime& command) {
    const TicketAccount* ticket = out.ledger().ticket(command.ticket);
    if (!ticket) return make_error("unknown_ticket", "ticket");
    if (ticket->closed) return make_error("ticket_closed", "ticket");
    if (command.minutes < 1 || command.minutes > out.ledger().rules().maximum_time_entry)
      return error_with("minutes_out_of_range", "minutes",
                        {{"max", std::to_string(out.ledger().rules().maximum_time_entry)}});
    if (auto error = check_note(command.note)) return *error;
    return record_time(EntryKind::time_logged, command.ticket, command.minutes, command.note);
  }

  Result<bool> operator()(const AdjustTime& command) {
    const TicketAccount* ticket = out.ledger().ticket(command.ticket);
    if (!ticket) return make_error("unknown_ticket", "ticket");
    if (auto error = check_time_adjustment(ticket->worked, command.minutes, command.note, out.ledger().rules()))
      return *error;
    return record_time(EntryKind::time_adjusted, command.ticket, command.minutes, command.note);
  }

  // A time entry or a correction, checked already: the entry, then what it changes in funding.
  Result<bool> record_time(EntryKind kind, Id ticket, Minutes minutes, const std::string& note) {
    out.expire_due_lots();
    LedgerEntry entry = out.make(kind);
    entry.ticket = ticket;
    entry.amount = minutes;
    entry.note = note;
    out.emit(std::move(entry));
    settle_ticket(out, ticket);
    return true;
  }

  Result<bool> operator()(const CloseTicket& command) {
    const TicketAccount* ticket = out.ledger().ticket(command.ticket);
    if (!ticket) return make_error("unknown_ticket", "ticket");
    if (ticket->closed) return make_error("ticket_closed", "ticket");
    out.expire_due_lots();
    if (ticket->reserved_lot != 0 && ticket->worked == 0)
      out.give_back(EntryKind::reservation_released, ticket->reserved_lot, command.ticket, 1);
    LedgerEntry entry = out.make(EntryKind::ticket_closed);
    entry.ticket = command.ticket;
    out.emit(std::move(entry));
    return true;
  }

  Result<bool> operator()(const ExpireLots&) {
    out.expire_due_lots();
    return true;
  }
};

Instant command_instant(const LedgerCommand& command) {
  return std::visit([](const auto& concrete) { return concrete.at; }, command);
}

Result<std::vector<LedgerEntry>> decide_in_place(AccountLedger& working, const LedgerCommand& command) {
  const Instant at = command_instant(command);
  if (at < working.last_at()) return make_error("command_out_of_order");
  Emitter out(working, at);
  const Result<bool> decided = std::visit(Decider{out}, command);
  if (!decided) return decided.error();
  return out.take();
}
}  // namespace

std::optional<Error> check_time_adjustment(Minutes worked, Minutes minutes, const std::string& note,
                                           const LedgerRules& rules) {
  const Minutes limit = rules.maximum_time_entry;
  if (minutes == 0 || minutes > limit || minutes < -limit)
    return error_with("adjustment_out_of_range", "minutes", {{"max", std::to_string(limit)}});
  if (worked + minutes < 0) return make_error("adjustment_below_zero", "minutes");
  return check_note(note);
}

Result<std::vector<LedgerEntry>> decide(const AccountLedger& ledger, const LedgerCommand& command) {
  AccountLedger working = ledger;
  return decide_in_place(working, command);
}

Result<std::vector<LedgerEntry>> execute(AccountLedger& ledger, const LedgerCommand& command) {
  // Every check runs before the first entry is applied, so an error leaves `ledger` as it was.
  return decide_in_place(ledger, command);
}

// [SECTION] What a ticket's entries change in its status
std::optional<TicketStatus> status_after_entries(const TicketFacts& ticket, std::span<const LedgerEntry> entries) {
  const bool overrun = std::any_of(entries.begin(), entries.end(),
                                   [](const LedgerEntry& entry) { return entry.kind == EntryKind::overrun_recorded; });
  if (!overrun) return std::nullopt;
  const auto next = apply_ticket_action(ticket, TicketAction::funding_exhausted, Role::system);
  if (!next) return std::nullopt;
  return next.value();
}

Minutes worked_minutes(const AccountLedger& ledger, Id ticket_id) {
  const TicketAccount* ticket = ledger.ticket(ticket_id);
  return ticket ? ticket->worked : 0;
}

}  // namespace tessera
