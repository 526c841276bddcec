// What every use case shares, one per server: the store, the configuration and its clock, the
// accounts' ledgers, the hub of live event streams, and who a user is to their account and to
// a ticket. The use-case classes (accounts, tickets, commerce, members, …) each take it by
// reference; none of them takes another use case.
#pragma once
#include <string>

#include "adapters/config.hpp"
#include "adapters/event_hub.hpp"
#include "app/mailer.hpp"
#include "app/unit_of_work.hpp"
#include "store/store.hpp"
#include "tessera/access.hpp"
#include "tessera/ledger.hpp"

namespace tessera::server {

class Context {
 public:
  // A user's browsers and devices (one per browser): a security limit, not a setting, so one
  // user cannot take the streams of everyone. The cap in all is config.max_streams.
  static constexpr std::size_t kMaxStreamsPerUser = 4;

  Context(Store& store, const Config& config);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  Store& store() { return store_; }
  const Config& config() const { return config_; }
  Instant now() const { return config_.clock ? config_.clock() : system_now(); }
  const AccountLedgers& ledgers() const { return ledgers_; }
  EventHub& events() { return events_; }
  // Mails written in the caller's transaction (SPEC §1.13).
  Mailer& mail() { return mail_; }

  Viewer viewer_of(const UserRecord& user);
  // The owner holds every scope; authorized users the one the owner gave them (SPEC §1.3).
  UserScope scope_of(const UserRecord& user, const Viewer& viewer);
  void audit(Id actor, const std::string& action, const std::string& details) {
    store_.audit(now(), actor, action, details);
  }

 private:
  Store& store_;
  const Config& config_;
  AccountLedgers ledgers_;
  EventHub events_{config_.max_streams, kMaxStreamsPerUser};
  Mailer mail_;
};

// The ledger rules of this server (the trial's length from the configuration).
LedgerRules ledger_rules_of(const Config& config);

}  // namespace tessera::server
