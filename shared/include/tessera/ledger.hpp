// The support-time ledger of one account (SPEC §1.1–1.7): what the customer holds (trial,
// subscription periods, ticket-unit lots, minute lots) and what each ticket consumed, as an
// append-only list of immutable entries. `decide` turns a command into new entries (or a
// precise Error) without touching anything; `AccountLedger::apply` folds an entry into the
// state; `execute` does both. Replaying stored entries rebuilds the same state.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tessera/catalog.hpp"
#include "tessera/dates.hpp"
#include "tessera/invoice.hpp"
#include "tessera/limits.hpp"
#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/trial.hpp"
#include "tessera/units.hpp"

// [SECTION] A tour
//   AccountLedger ledger = replay(rules, stored_entries);           // or AccountLedger(rules)
//   auto added = execute(ledger, BuyPack{now, user, order_id, *find_pack(catalog, "pack_20")});
//   if (!added) return added.error();                               // e.g. validity_too_short
//   store(added.value());                                           // append, in order
//   execute(ledger, OpenTicket{now, ticket_id, UserScope{user, true, true}, std::nullopt});
//   execute(ledger, LogTime{now, ticket_id, 42, "replaced the router"});
//   account_balances(ledger, now);          // what is left; cost_statement(entries, ticket_id)
//
// How a ticket is charged. Each ticket keeps `worked` (minutes logged), `funded` (minutes
// paid for, a unit counting 30) and `overrun` (minutes owed). After every time entry the
// ticket's own source brings funded + overrun up to what is due: units take ceil(gap / 30)
// units (the reserved one first), expiring-first; the minute bank takes max(30, worked) in
// total; the trial and the subscription take minute for minute. What the source cannot give
// is overrun, which the next purchase settles before anything else: a pack in units
// (ceil(overrun / 30)), a minute block minute for minute, a subscription by covering it.
// A negative correction forgives overrun first, then gives back whole charges, last first.

namespace tessera {

// [SECTION] Settings and names

struct LedgerRules {
  TrialRules trial;                           // 15 minutes, 30 days (defaults)
  std::int64_t renewal_grace_days = 7;        // bank transfer and check renewals
  int restart_delay_months = 3;               // after a cancellation
  Minutes minute_bank_minimum = 30;           // first 30 minutes of a ticket are indivisible
  Minutes maximum_time_entry = Limits::time_entry_max;  // a time entry is 1..480 minutes
};

enum class LotKind { trial_minutes, ticket_units, bank_minutes };
enum class FundingSource { subscription, units, minutes, trial };  // the default order

std::string_view to_string(LotKind kind);
std::string_view to_string(FundingSource source);
std::optional<FundingSource> parse_funding_source(std::string_view text);

// [SECTION] Entries

enum class EntryKind {
  trial_granted,            // lot: new trial lot of `amount` minutes, expires_at
  lot_purchased,            // lot: new lot of `amount` units or minutes, expires_at, order
  units_rolled_over,        // `amount` expired units of `from_lot` join `lot`
  lot_expired,              // `amount` unused units/minutes of `lot` expire
  ticket_opened,            // ticket funded by `source` for `user` (pool: may use the pool)
  unit_reserved,            // 1 unit of `lot` held for `ticket`
  reservation_released,     // the held unit goes back to `lot` (ticket closed with no work)
  reservation_used,         // the held unit becomes the ticket's first used unit
  time_logged,              // `amount` minutes worked on `ticket` (note)
  time_adjusted,            // signed `amount` minutes corrected by an admin (note)
  charged,                  // `amount` units/minutes of `lot` used by `ticket`
  refunded,                 // `amount` units/minutes given back to `lot` by `ticket`
  covered_by_subscription,  // `amount` minutes of `ticket` covered (negative: uncovered)
  overrun_recorded,         // `amount` minutes of `ticket` that nothing funded
  overrun_settled,          // `amount` overrun minutes of `ticket` funded by a purchase
  overrun_cancelled,        // `amount` overrun minutes no longer owed (negative adjustment)
  ticket_closed,
  subscription_activated,   // period_start..period_end, `users` extra users, order, method
  subscription_renewed,     // next period_start..period_end, `users` extra users, order
  extra_users_added,        // `amount` users, `cents` pro rata for the rest of the period
  extra_users_removed,      // `amount` users fewer from the next period
  subscription_cancelled,   // usable until period_end; restart possible from restart_on
};
std::string_view to_string(EntryKind kind);
std::optional<EntryKind> parse_entry_kind(std::string_view text);

struct LedgerEntry {
  EntryKind kind = EntryKind::time_logged;
  Instant at = 0;
  Id lot = 0;
  Id from_lot = 0;
  Id ticket = 0;
  Id user = 0;
  Id order = 0;
  std::int64_t amount = 0;  // units for unit lots, minutes otherwise; users for user changes
  LotKind lot_kind = LotKind::ticket_units;
  bool multi_user = false;
  bool settlement = false;  // charged/covered entries that settle an overrun
  FundingSource source = FundingSource::subscription;
  bool pool = false;
  Instant expires_at = 0;
  Instant period_start = 0;
  Instant period_end = 0;
  std::int64_t users = 0;
  Cents cents = 0;
  PaymentMethod method = PaymentMethod::paypal;
  Date restart_on;
  std::string offer_code;
  std::string note;
  bool operator==(const LedgerEntry&) const = default;
};

// [SECTION] State

struct Lot {
  Id id = 0;
  LotKind kind = LotKind::ticket_units;
  Id owner = 0;             // the user who bought it (or got the trial)
  bool multi_user = false;  // a pool for every authorized user with pool scope
  Instant starts_at = 0;
  Instant expires_at = 0;   // usable up to, not including, this instant
  Id order = 0;
  std::string offer_code;
  std::int64_t credited = 0;
  std::int64_t rolled_in = 0;
  std::int64_t used = 0;
  std::int64_t reserved = 0;
  std::int64_t expired = 0;     // written off at expiry (some may have rolled out since)
  std::int64_t rolled_out = 0;  // expired units moved into a newer lot
  std::int64_t unused() const { return credited + rolled_in - used - reserved - expired; }
  std::int64_t usable_at(Instant at) const { return at < expires_at ? unused() : 0; }
  std::int64_t expired_not_rolled() const { return expired - rolled_out; }
};

struct Charge {
  Id lot = 0;  // 0: covered by the subscription
  std::int64_t amount = 0;
};

struct TicketAccount {
  Id ticket = 0;
  Id user = 0;
  bool pool = false;
  FundingSource source = FundingSource::subscription;
  Instant opened_at = 0;
  bool closed = false;
  Minutes worked = 0;       // all minutes logged, adjustments included
  Minutes funded = 0;       // minute-equivalent paid for (a unit funds 30)
  Minutes overrun = 0;      // outstanding: worked but not yet funded
  Id reserved_lot = 0;      // the lot holding this ticket's reserved unit, if any
  std::int64_t units_used = 0;
  Minutes bank_minutes = 0;
  Minutes trial_minutes = 0;
  Minutes subscription_minutes = 0;
  std::vector<Charge> charges;  // in order, for corrections (refunds are last-in first-out)
};

enum class SubscriptionPhase { none, active, cancelled, grace, suspended, ended };
std::string_view to_string(SubscriptionPhase phase);
bool is_usable(SubscriptionPhase phase);  // active, cancelled (until the period's end), grace

struct SubscriptionState {
  bool activated = false;
  Instant anchor = 0;          // activation instant: periods end at anchor + k months, clamped
  std::int64_t periods = 0;    // periods paid since the anchor
  Instant period_start = 0;
  Instant period_end = 0;
  std::int64_t included_users = 1;
  std::int64_t extra_users = 0;       // paid for the current period
  std::int64_t extra_users_next = 0;  // from the next period (removals take effect then)
  PaymentMethod method = PaymentMethod::paypal;
  bool cancelled = false;
  Instant cancelled_at = 0;
  Date restart_on;  // first day a new subscription may start after a cancellation
  bool ever_cancelled = false;
};

class AccountLedger {
 public:
  explicit AccountLedger(LedgerRules rules = {});
  const LedgerRules& rules() const { return rules_; }
  const std::vector<Lot>& lots() const { return lots_; }
  const Lot* lot(Id id) const;
  const std::map<Id, TicketAccount>& tickets() const { return tickets_; }
  const TicketAccount* ticket(Id id) const;
  const SubscriptionState& subscription() const { return subscription_; }
  const std::set<Id>& tickets_with_overrun() const { return tickets_with_overrun_; }  // oldest id first
  bool trial_granted() const { return trial_granted_; }
  Instant last_at() const { return last_at_; }
  std::int64_t entry_count() const { return entry_count_; }

  // Fold one entry into the state. Entries come from `decide` (or storage, in order).
  void apply(const LedgerEntry& entry);

 private:
  Lot* mutable_lot(Id id);
  LedgerRules rules_;
  std::vector<Lot> lots_;  // lot id = index + 1
  std::map<Id, TicketAccount> tickets_;
  std::set<Id> tickets_with_overrun_;  // kept in step by apply(): purchases settle these
  SubscriptionState subscription_;
  bool trial_granted_ = false;
  Instant last_at_ = 0;
  std::int64_t entry_count_ = 0;
};

AccountLedger replay(const LedgerRules& rules, std::span<const LedgerEntry> entries);

// [SECTION] Queries

SubscriptionPhase subscription_phase(const AccountLedger& ledger, Instant at);
// Authorized users allowed by the subscription now (SPEC §1.3): included + extra users.
std::int64_t subscription_user_limit(const AccountLedger& ledger);

struct UserScope {
  Id user = 0;
  bool subscription = false;  // the owner gave this user the subscription
  bool pool = false;          // the owner gave this user the multi-user pack pool
};

std::int64_t units_available(const AccountLedger& ledger, const UserScope& scope, Instant at);
Minutes bank_minutes_available(const AccountLedger& ledger, const UserScope& scope, Instant at);
Minutes trial_minutes_available(const AccountLedger& ledger, const UserScope& scope, Instant at);
Minutes overrun_outstanding(const AccountLedger& ledger);  // over every ticket of the account

// The sources this user can fund a new ticket with now, in the default order (SPEC §1.7).
std::vector<FundingSource> funding_options(const AccountLedger& ledger, const UserScope& scope, Instant at);

struct AccountBalances {
  SubscriptionPhase subscription = SubscriptionPhase::none;
  Instant subscription_period_end = 0;
  std::int64_t subscription_included_users = 0;    // 0 without a subscription
  std::int64_t subscription_extra_users = 0;       // paid for the current period
  std::int64_t subscription_extra_users_next = 0;  // from the next period (after removals)
  std::int64_t subscription_user_limit = 0;        // subscription_user_limit(ledger)
  std::int64_t units_available = 0;     // every unexpired unit lot of the account
  std::int64_t units_reserved = 0;
  Minutes bank_minutes_available = 0;
  Minutes trial_minutes_available = 0;
  Minutes overrun = 0;
  std::optional<Instant> next_expiry;   // the earliest expiry among lots with something left
};
AccountBalances account_balances(const AccountLedger& ledger, Instant at);

// Renewal (SPEC §1.2): due once the current period has ended and the subscription is not
// cancelled; the server then creates the renewal order for next_period. Bank-transfer and
// check renewals keep the service until renewal_grace_end; PayPal ones have no grace.
bool renewal_due(const AccountLedger& ledger, Instant at);
struct Period {
  Instant start = 0;
  Instant end = 0;
  bool operator==(const Period&) const = default;
};
Period next_period(const AccountLedger& ledger);  // the chain's next period, same day of month
Instant renewal_grace_end(const AccountLedger& ledger);
Cents renewal_price(const AccountLedger& ledger, const SubscriptionOffer& offer);
// Open tickets funded by a subscription that has ended at `at`: to close as
// closed_subscription_ended (SPEC §1.2).
std::vector<Id> tickets_to_close_for_subscription_end(const AccountLedger& ledger, Instant at);
// Open tickets with an overrun to fund (awaiting_funding, SPEC §1.7).
std::vector<Id> tickets_awaiting_funding(const AccountLedger& ledger);
// Open tickets whose last overrun was settled (or forgiven) by `new_entries`, just applied to
// `ledger`: they leave awaiting_funding (TicketAction::funding_restored).
std::vector<Id> tickets_funding_restored(const AccountLedger& ledger, std::span<const LedgerEntry> new_entries);
// The ticket's next status once `entries` were recorded for it (SPEC §1.7): awaiting_funding
// when they record an overrun and its status allows it (TicketAction::funding_exhausted);
// nothing when the ticket keeps its status.
std::optional<TicketStatus> status_after_entries(const TicketFacts& ticket, std::span<const LedgerEntry> entries);
// The minutes worked on a ticket, adjustments included, as the ledger holds them (the one
// source of the ticket's minutes_worked); 0 for a ticket the ledger does not know.
Minutes worked_minutes(const AccountLedger& ledger, Id ticket_id);

// [SECTION] Commands

struct GrantTrial { Instant at = 0; Id user = 0; };
struct BuyPack { Instant at = 0; Id user = 0; Id order = 0; PackOffer offer; };
struct BuyMinutes { Instant at = 0; Id user = 0; Id order = 0; MinuteBlockOffer offer; };
struct ActivateSubscription {
  Instant at = 0;
  Id order = 0;
  std::int64_t included_users = 1;
  std::int64_t extra_users = 0;
  PaymentMethod method = PaymentMethod::paypal;
};
struct PayRenewal { Instant at = 0; Id order = 0; };
struct AddExtraUsers {
  Instant at = 0;
  std::int64_t count = 1;
  Cents extra_user_monthly_price = 0;
  // What the order charged (net), priced pro rata when it was placed: the entry records it so
  // the ledger and the invoice agree when the payment arrives days later. None: pro rata at `at`.
  std::optional<Cents> charged_cents;
};
struct RemoveExtraUsers { Instant at = 0; std::int64_t count = 1; };
struct CancelSubscription { Instant at = 0; };
struct OpenTicket {
  Instant at = 0;
  Id ticket = 0;
  UserScope scope;
  std::optional<FundingSource> choice;  // none: the default order
};
struct LogTime { Instant at = 0; Id ticket = 0; Minutes minutes = 0; std::string note; };
struct AdjustTime { Instant at = 0; Id ticket = 0; Minutes minutes = 0; std::string note; };  // admin, signed
struct CloseTicket { Instant at = 0; Id ticket = 0; };
struct ExpireLots { Instant at = 0; };  // write off what expired up to `at`

using LedgerCommand = std::variant<GrantTrial, BuyPack, BuyMinutes, ActivateSubscription, PayRenewal, AddExtraUsers,
                                   RemoveExtraUsers, CancelSubscription, OpenTicket, LogTime, AdjustTime, CloseTicket,
                                   ExpireLots>;

// The entries a command adds, or why it is refused. Error codes:
//   command_out_of_order       `at` before the last entry's instant
//   trial_already_granted      one trial per account (the one-per-email rule is trial.hpp's + the store's)
//   the catalog's codes        the offer breaks a catalog rule (validity_too_short, ...;
//                              field "offer.<name>")
//   subscription_already_active, restart_too_early (params.date: first possible day, ISO),
//   no_subscription, subscription_cancelled, renewal_not_due, subscription_not_usable,
//   invalid_user_count (field count), too_many_users_removed
//   ticket_already_open, unknown_ticket, ticket_closed,
//   funding_unavailable (params.source), no_funding, subscription_suspended (a ticket the
//   suspended subscription would have funded; field funding),
//   minutes_out_of_range (field minutes), note_required / too_long / invalid_value (field
//   note: required, at most Limits::note_max bytes, well-formed UTF-8),
//   adjustment_out_of_range (field minutes), adjustment_below_zero
Result<std::vector<LedgerEntry>> decide(const AccountLedger& ledger, const LedgerCommand& command);

// decide, then apply the entries to `ledger` (unchanged on error). Cheaper than decide on
// a large ledger: it works in place.
Result<std::vector<LedgerEntry>> execute(AccountLedger& ledger, const LedgerCommand& command);
// An admin's correction of `minutes` (signed) on a ticket with `worked` minutes, as AdjustTime
// checks it — the client's form asks the same before sending: adjustment_out_of_range
// (0, or beyond ±maximum_time_entry; params max), adjustment_below_zero (worked would go
// negative), note_required / too_long (params max) / invalid_value (not UTF-8), field note.
std::optional<Error> check_time_adjustment(Minutes worked, Minutes minutes, const std::string& note,
                                           const LedgerRules& rules = {});

// [SECTION] The per-ticket cost statement (SPEC §1.7: "1 ticket + 12 min")

struct Cost {
  std::int64_t units = 0;
  Minutes bank_minutes = 0;
  Minutes trial_minutes = 0;
  Minutes subscription_minutes = 0;
  Minutes overrun_minutes = 0;  // recorded minus settled/cancelled
  bool minimum_applied = false; // the minute bank's 30-minute minimum made it dearer
  bool operator==(const Cost&) const = default;
};

struct CostLine {
  Instant at = 0;
  EntryKind kind = EntryKind::time_logged;  // time_logged, time_adjusted, or lot_purchased (settlement)
  Minutes minutes = 0;                      // worked (signed for adjustments); 0 for settlements
  std::string note;
  Cost cost;
};

struct TicketCostStatement {
  Id ticket = 0;
  FundingSource source = FundingSource::subscription;
  Minutes worked = 0;
  Cost total;
  std::vector<CostLine> lines;
};

// Built from the account's entries (in order); lines follow the time entries.
TicketCostStatement cost_statement(std::span<const LedgerEntry> entries, Id ticket);

// What one more time entry of `minutes` would cost on a ticket funded by `source` that has
// `worked` minutes already (the operator sees it before logging: "this entry uses 1 more
// ticket"). Computed by the ledger itself — the same `execute` on a ledger whose source holds
// enough —, so the rules live in one place. What the account's source lacks becomes overrun
// on the day; that part depends on balances the operator does not see and is not predicted.
// Errors: minutes_out_of_range (field minutes), as LogTime.
Result<Cost> time_entry_cost_preview(FundingSource source, Minutes worked, Minutes minutes, const LedgerRules& rules = {});

// "1 ticket + 12 min", "30 min (30 min minimum)", "subscription", "nothing" in a language.
std::string describe_cost(const Cost& cost, Language language);

}  // namespace tessera
