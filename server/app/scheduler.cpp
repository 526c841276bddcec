// Periodic work (see scheduler.hpp). Each step is its own transaction per ticket or account,
// so one failure does not stop the rest; failures are logged.
#include "app/scheduler.hpp"

#include "app/commerce_mails.hpp"
#include "app/ticket_changes.hpp"

#include <cstdio>

#include "tessera/sla.hpp"

namespace tessera::server {

SchedulerReport Scheduler::run_due_work() {
  SchedulerReport report;
  const Instant now = context_.now();
  for (const TicketRecord& ticket : store_.tickets_with_status(TicketStatus::resolved)) {
    Instant resolved_at = 0;
    for (const TicketEventRecord& event : store_.ticket_events(ticket.id))
      if (event.kind == TicketEventKind::status_change && event.status_to == TicketStatus::resolved) resolved_at = event.at;
    if (!should_auto_close(ticket.status, resolved_at, now)) continue;
    if (system_action(context_, ticket.id, TicketAction::auto_close)) ++report.tickets_auto_closed;
  }
  for (Id account : store_.account_ids()) {
    const auto outcome = atomically<std::vector<Id>>(store_, [&]() -> Result<std::vector<Id>> {
      AccountLedger ledger = context_.ledgers().load(account);
      const Instant at = AccountLedgers::not_before_last(ledger, now);
      const auto entries = context_.ledgers().record(account, ledger, ExpireLots{at});
      if (!entries.empty()) ++report.accounts_expired;
      mail_account_reminders(context_, account, ledger, at);
      return tickets_to_close_for_subscription_end(ledger, at);
    });
    if (!outcome) {
      std::fprintf(stderr, "tessera: scheduler, account %lld: %s\n", static_cast<long long>(account),
                   outcome.error().code.c_str());
      continue;
    }
    for (Id ticket : *outcome)
      if (system_action(context_, ticket, TicketAction::subscription_ended)) ++report.tickets_closed_for_subscription_end;
    const auto renewal = commerce_.renew_if_due(account);
    if (!renewal) {
      std::fprintf(stderr, "tessera: scheduler, renewal of account %lld: %s\n", static_cast<long long>(account),
                   renewal.error().code.c_str());
      continue;
    }
    report.renewal_orders_created += renewal->order_created ? 1 : 0;
    report.unpaid_orders_cancelled += renewal->orders_cancelled;
  }
  return report;
}

void Scheduler::start(int period_seconds) {
  thread_ = std::thread([this, period_seconds] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        run_due_work();
      } catch (const std::exception& error) {
        std::fprintf(stderr, "tessera: scheduler: %s\n", error.what());
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(period_seconds), [this] { return stopping_; });
    }
  });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace tessera::server
