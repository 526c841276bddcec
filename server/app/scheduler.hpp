// The periodic work of the server (SPEC §1.2, §1.4, §1.8), run every minute by a thread of
// the server and directly by tests with a driven clock: tickets resolved 7 days ago without
// a reply are closed; expired lots are written off in each ledger; open tickets funded by a
// subscription that has ended are closed as closed_subscription_ended; a subscription whose
// period ended gets its one renewal order (Commerce::renew_if_due).
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/commerce.hpp"
#include "app/context.hpp"

namespace tessera::server {

struct SchedulerReport {
  int tickets_auto_closed = 0;
  int accounts_expired = 0;  // accounts whose ledger recorded expiries
  int tickets_closed_for_subscription_end = 0;
  int renewal_orders_created = 0;
  int unpaid_orders_cancelled = 0;  // unpaid renewal / extra-user orders no longer payable
};

class Scheduler {
 public:
  Scheduler(Store& store, Context& context, Commerce& commerce) : store_(store), context_(context), commerce_(commerce) {}
  ~Scheduler() { stop(); }
  SchedulerReport run_due_work();
  void start(int period_seconds = 60);  // a background thread
  void stop();

 private:
  Store& store_;
  Context& context_;
  Commerce& commerce_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace tessera::server
