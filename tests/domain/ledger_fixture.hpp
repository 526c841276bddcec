// Helpers shared by the ledger test files: an account whose commands must succeed, named
// instants, and the offers of the default catalog.
#pragma once
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "tessera/catalog.hpp"
#include "tessera/dates.hpp"
#include "tessera/ledger.hpp"

namespace tessera::testing {

inline Instant at(int year, int month, int day, int hour = 10, int minute = 0) {
  return utc_instant(Date{year, month, day}, hour, minute);
}

inline PackOffer pack(std::int64_t units, int validity_months, bool multi_user = false) {
  return PackOffer{multi_user ? "pool" : "pack", units, validity_months, multi_user, 1000 * units, true};
}
inline MinuteBlockOffer block(Minutes minutes, int validity_months = 12) {
  return MinuteBlockOffer{"minutes", minutes, validity_months, 150 * minutes, true};
}

constexpr Id kOwner = 1;
constexpr Id kColleague = 2;
inline UserScope owner_scope() { return UserScope{kOwner, true, true}; }

// An account that records every entry; `run` requires success, `refuse` requires an error.
struct Account {
  AccountLedger ledger;
  std::vector<LedgerEntry> log;

  explicit Account(LedgerRules rules = {}) : ledger(std::move(rules)) {}

  std::vector<LedgerEntry> run(const LedgerCommand& command) {
    auto result = execute(ledger, command);
    BOOST_REQUIRE_MESSAGE(result.ok(), "refused: " << (result.ok() ? "" : result.error().code));
    log.insert(log.end(), result.value().begin(), result.value().end());
    return result.value();
  }

  Error refuse(const LedgerCommand& command) {
    const std::int64_t before = ledger.entry_count();
    auto result = execute(ledger, command);
    BOOST_REQUIRE_MESSAGE(!result.ok(), "accepted a command that should be refused");
    BOOST_TEST(ledger.entry_count() == before);
    return result.error();
  }

  // Open a ticket and log each amount as its own time entry.
  void open_and_work(Instant when, Id ticket, std::vector<Minutes> entries, UserScope scope = owner_scope(),
                     std::optional<FundingSource> choice = std::nullopt) {
    run(OpenTicket{when, ticket, scope, choice});
    for (Minutes minutes : entries) run(LogTime{when, ticket, minutes, "work"});
  }

  const TicketAccount& ticket(Id id) const {
    const TicketAccount* found = ledger.ticket(id);
    BOOST_REQUIRE(found != nullptr);
    return *found;
  }
};

}  // namespace tessera::testing
