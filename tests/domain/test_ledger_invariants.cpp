// Invariants of the ledger over long random sequences of commands (fixed seeds, so every run
// and every platform replays the same sequences): nothing goes negative, every minute worked
// is charged exactly once or recorded as overrun, credits − debits = balance recomputed from
// the entries alone, replay gives the same state, and a refused command changes nothing.
// Last, a fingerprint of a fixed sequence proves native and WebAssembly builds agree.
#include <random>

#include "ledger_fixture.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/storage_codec.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/texts.hpp"

using namespace tessera;
using namespace tessera::testing;

namespace {

// The engine's output is fixed by the standard; distributions are not (libstdc++ and libc++
// differ), so the test draws with a plain modulo to stay identical natively and in Node.
struct Dice {
  std::mt19937_64 engine;
  explicit Dice(std::uint64_t seed) : engine(seed) {}
  std::int64_t below(std::int64_t bound) {
    return static_cast<std::int64_t>(engine() % static_cast<std::uint64_t>(bound));
  }
  bool chance(int percent) { return below(100) < percent; }
};

LedgerCommand random_command(Dice& dice, Instant now, Id& next_ticket, Id& next_order) {
  const Id user = 1 + dice.below(3);
  const UserScope scope{user, dice.chance(70), dice.chance(60)};
  const Id some_ticket = next_ticket > 1 ? 1 + dice.below(next_ticket - 1) : 1;
  switch (dice.below(16)) {
    case 0: return GrantTrial{now, user};
    case 1: {
      const std::int64_t kinds[][3] = {{1, 6, 0}, {20, 12, 0}, {20, 12, 1}, {3, 6, 0}};
      const auto& kind = kinds[dice.below(4)];
      return BuyPack{now, user, next_order++, pack(kind[0], static_cast<int>(kind[1]), kind[2] == 1)};
    }
    case 2: {
      // One draw per statement: the order in which function arguments are evaluated is
      // unspecified (GCC and Clang differ), and this sequence must be the same everywhere.
      const Minutes minutes = 10 + dice.below(200);
      const int validity_months = 6 + static_cast<int>(dice.below(7));
      return BuyMinutes{now, user, next_order++, block(minutes, validity_months)};
    }
    case 3:
      return ActivateSubscription{now, next_order++, 1, dice.below(3),
                                  dice.chance(50) ? PaymentMethod::paypal : PaymentMethod::bank_transfer};
    case 4: return PayRenewal{now, next_order++};
    case 5:
      return dice.chance(30) ? LedgerCommand{CancelSubscription{now}} : LedgerCommand{AddExtraUsers{now, 1, 1500}};
    case 6:
    case 7: {
      std::optional<FundingSource> choice;
      if (dice.chance(40)) choice = static_cast<FundingSource>(dice.below(4));
      return OpenTicket{now, next_ticket++, scope, choice};
    }
    case 8:
    case 9:
    case 10:
    case 11: return LogTime{now, some_ticket, dice.chance(3) ? 0 : 1 + dice.below(dice.chance(80) ? 60 : 480), "work"};
    case 12: return AdjustTime{now, some_ticket, dice.below(121) - 80, "correction"};
    case 13: return CloseTicket{now, some_ticket};
    case 14: return RemoveExtraUsers{now, 1};
    default: return ExpireLots{now};
  }
}

Minutes minutes_due(const AccountLedger& ledger, const TicketAccount& ticket) {
  if (ticket.worked <= 0) return 0;
  if (ticket.source == FundingSource::minutes) return std::max(ledger.rules().minute_bank_minimum, ticket.worked);
  return ticket.worked;
}

// Balances per lot recomputed from the entries alone, without the fold.
std::map<Id, std::int64_t> balances_from_entries(const std::vector<LedgerEntry>& entries) {
  std::map<Id, std::int64_t> balance;
  Id lots = 0;
  for (const LedgerEntry& entry : entries) {
    switch (entry.kind) {
      case EntryKind::trial_granted:
      case EntryKind::lot_purchased: balance[++lots] += entry.amount; break;
      case EntryKind::units_rolled_over:
        balance[entry.lot] += entry.amount;
        balance[entry.from_lot] -= entry.amount;
        break;
      case EntryKind::charged: balance[entry.lot] -= entry.amount; break;
      case EntryKind::refunded: balance[entry.lot] += entry.amount; break;
      case EntryKind::unit_reserved: balance[entry.lot] -= 1; break;
      case EntryKind::reservation_released: balance[entry.lot] += 1; break;
      case EntryKind::reservation_used: break;  // held unit becomes used: no change
      default: break;
    }
  }
  return balance;
}

// Plain checks (a Boost assertion per ticket per step would dominate the run time); the
// first broken invariant is reported with its expression.
void check_invariants(const Account& account, Instant now, bool with_entries) {
  std::string broken;
#define CHECK_INVARIANT(condition) \
  if (!(condition) && broken.empty()) broken = #condition
  const AccountLedger& ledger = account.ledger;
  std::map<Id, std::int64_t> charged_per_lot;
  std::map<Id, std::int64_t> reserved_per_lot;
  for (const auto& [id, ticket] : ledger.tickets()) {
    CHECK_INVARIANT(ticket.worked >= 0);
    CHECK_INVARIANT(ticket.overrun >= 0);
    CHECK_INVARIANT(ticket.funded >= 0);
    CHECK_INVARIANT(ticket.units_used >= 0);
    CHECK_INVARIANT(ticket.bank_minutes >= 0);
    CHECK_INVARIANT(ticket.trial_minutes >= 0);
    CHECK_INVARIANT(ticket.subscription_minutes >= 0);
    const Minutes due = minutes_due(ledger, ticket);
    // Every minute due is funded or owed as overrun ...
    CHECK_INVARIANT(ticket.funded + ticket.overrun >= due);
    // ... exactly once: never more than one indivisible unit of rounding beyond it.
    CHECK_INVARIANT(ticket.funded + ticket.overrun - due < kMinutesPerTicketUnit);
    if (ticket.overrun > 0) CHECK_INVARIANT(ticket.funded < due);
    CHECK_INVARIANT((ticket.overrun > 0) == (ledger.tickets_with_overrun().count(id) == 1));
    CHECK_INVARIANT(ticket.funded == ticket.units_used * kMinutesPerTicketUnit + ticket.bank_minutes +
                    ticket.trial_minutes + ticket.subscription_minutes);
    for (const Charge& charge : ticket.charges) {
      CHECK_INVARIANT(charge.amount > 0);
      if (charge.lot != 0) charged_per_lot[charge.lot] += charge.amount;
    }
    if (ticket.reserved_lot != 0) {
      reserved_per_lot[ticket.reserved_lot] += 1;
      CHECK_INVARIANT(ticket.worked == 0);
    }
  }
  const auto from_entries = with_entries ? balances_from_entries(account.log) : std::map<Id, std::int64_t>{};
  for (const Lot& lot : ledger.lots()) {
    CHECK_INVARIANT(lot.unused() >= 0);
    CHECK_INVARIANT(lot.used >= 0);
    CHECK_INVARIANT(lot.reserved >= 0);
    CHECK_INVARIANT(lot.expired >= lot.rolled_out);
    if (now >= lot.expires_at) CHECK_INVARIANT(lot.usable_at(now) == 0);
    CHECK_INVARIANT(lot.used == charged_per_lot[lot.id]);
    CHECK_INVARIANT(lot.reserved == reserved_per_lot[lot.id]);
    // credits − debits = balance: the unused units/minutes plus those expired and not rolled on.
    if (with_entries) CHECK_INVARIANT(from_entries.at(lot.id) == lot.unused() + lot.expired_not_rolled());
  }
#undef CHECK_INVARIANT
  BOOST_REQUIRE_MESSAGE(broken.empty(), "invariant broken: " << broken);
}

void run_random_sequence(std::uint64_t seed, int commands) {
  Dice dice(seed);
  Account account;
  Id next_ticket = 1;
  Id next_order = 1;
  Instant now = at(2026, 1, 1);
  int accepted = 0;
  for (int step = 0; step < commands; ++step) {
    now += dice.below(dice.chance(90) ? 6 * 3600 : 40 * kSecondsPerDay);
    const LedgerCommand command = random_command(dice, now, next_ticket, next_order);
    const std::int64_t entries_before = account.ledger.entry_count();
    const auto decided = decide(account.ledger, command);
    auto result = execute(account.ledger, command);
    BOOST_TEST_REQUIRE(decided.ok() == result.ok());
    if (!result.ok()) {
      BOOST_TEST_REQUIRE(account.ledger.entry_count() == entries_before);
      BOOST_TEST_REQUIRE((decided.error() == result.error()));
      const std::string key = "error." + result.error().code;  // every refusal can be explained
      BOOST_TEST_REQUIRE(tr(key, Language::es) != key);
      continue;
    }
    ++accepted;
    BOOST_TEST_REQUIRE((decided.value() == result.value()));
    account.log.insert(account.log.end(), result.value().begin(), result.value().end());
    check_invariants(account, now, step % 97 == 0 || step == commands - 1);
  }
  BOOST_TEST(accepted > commands / 3);
  // The sequence went through the interesting cases, not only the easy ones.
  std::map<EntryKind, int> seen;
  for (const LedgerEntry& entry : account.log) seen[entry.kind] += 1;
  for (EntryKind kind : {EntryKind::units_rolled_over, EntryKind::lot_expired, EntryKind::reservation_released,
                         EntryKind::overrun_recorded, EntryKind::overrun_settled, EntryKind::refunded,
                         EntryKind::covered_by_subscription, EntryKind::subscription_renewed})
    BOOST_TEST(seen[kind] > 0, "never produced " << to_string(kind));
  // The stored entries rebuild the same state.
  const AccountLedger rebuilt = replay(account.ledger.rules(), account.log);
  BOOST_TEST_REQUIRE(rebuilt.lots().size() == account.ledger.lots().size());
  for (std::size_t i = 0; i < rebuilt.lots().size(); ++i) {
    BOOST_TEST(rebuilt.lots()[i].unused() == account.ledger.lots()[i].unused());
    BOOST_TEST(rebuilt.lots()[i].used == account.ledger.lots()[i].used);
  }
  for (const auto& [id, ticket] : account.ledger.tickets()) {
    BOOST_TEST(rebuilt.ticket(id)->funded == ticket.funded);
    BOOST_TEST(rebuilt.ticket(id)->overrun == ticket.overrun);
  }
  // The cost statement of each ticket adds up to what the ticket holds.
  for (const auto& [id, ticket] : account.ledger.tickets()) {
    const TicketCostStatement statement = cost_statement(account.log, id);
    BOOST_TEST_REQUIRE(statement.worked == ticket.worked);
    BOOST_TEST_REQUIRE(statement.total.units == ticket.units_used);
    BOOST_TEST_REQUIRE(statement.total.bank_minutes == ticket.bank_minutes);
    BOOST_TEST_REQUIRE(statement.total.trial_minutes == ticket.trial_minutes);
    BOOST_TEST_REQUIRE(statement.total.subscription_minutes == ticket.subscription_minutes);
    BOOST_TEST_REQUIRE(statement.total.overrun_minutes == ticket.overrun);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ledger_invariants)

BOOST_AUTO_TEST_CASE(seed_1) { run_random_sequence(1, 3000); }
BOOST_AUTO_TEST_CASE(seed_42) { run_random_sequence(42, 3000); }
BOOST_AUTO_TEST_CASE(seed_2026) { run_random_sequence(2026, 3000); }
BOOST_AUTO_TEST_CASE(seed_31337) { run_random_sequence(31337, 3000); }

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] The same answers everywhere
// A fixed random sequence of commands must produce byte-for-byte the same entries natively
// and in WebAssembly: the fingerprint below is checked by both builds of this suite.

namespace {
std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ledger_fingerprint)

BOOST_AUTO_TEST_CASE(a_fixed_sequence_gives_the_same_entries_on_every_platform) {
  Dice dice(20260101);
  AccountLedger ledger;
  Id next_ticket = 1;
  Id next_order = 1;
  Instant now = at(2026, 1, 1);
  std::uint64_t hash = 14695981039346656037ull;
  std::int64_t entries = 0;
  for (int step = 0; step < 2000; ++step) {
    now += dice.below(dice.chance(90) ? 6 * 3600 : 40 * kSecondsPerDay);
    const auto result = execute(ledger, random_command(dice, now, next_ticket, next_order));
    if (!result.ok()) {
      hash = fnv1a(hash, result.error().code);
      continue;
    }
    for (const LedgerEntry& entry : result.value()) {
      hash = fnv1a(hash, codec::encode(entry).dump());
      ++entries;
    }
  }
  // Opening-hours arithmetic joins the fingerprint: DST weeks, closed dates, odd windows.
  TimeZoneRules zone{"Europe/Paris", 3600, {}};
  for (int year = 2026; year <= 2027; ++year) {
    Date march{year, 3, 31};
    while (weekday_of(march) != Weekday::sunday) march = add_days(march, -1);
    Date october{year, 10, 31};
    while (weekday_of(october) != Weekday::sunday) october = add_days(october, -1);
    zone.transitions.push_back({utc_instant(march, 1, 0), 7200});
    zone.transitions.push_back({utc_instant(october, 1, 0), 3600});
  }
  OpeningHours hours = default_opening_hours(zone);
  hours.weekly[6] = {OpeningWindow{0, 150}, OpeningWindow{170, 1440}};
  hours.closed_dates = {Date{2026, 5, 1}, Date{2026, 12, 25}};
  for (int i = 0; i < 300; ++i) {
    const std::int64_t day = dice.below(700);
    const std::int64_t second = dice.below(86400);
    const Instant from = at(2026, 1, 1) + day * kSecondsPerDay + second;
    const auto due = add_open_minutes(hours, from, dice.below(5000));
    const Minutes open = open_minutes_between(hours, from, due.value() + 99'999);
    hash = fnv1a(hash, std::to_string(due.value()) + "/" + std::to_string(open));
  }
  BOOST_TEST_MESSAGE("fingerprint " << hash << " over " << entries << " entries");
  BOOST_TEST(entries == 1999);
  BOOST_TEST(hash == 13476576790558776954ull);  // a cancelled subscription's restart in its period: restart_too_early
}

BOOST_AUTO_TEST_SUITE_END()
