// Server-sent events hub (see event_hub.hpp).
#include "adapters/event_hub.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

namespace tessera::server {

std::optional<std::string> Subscription::next(int wait_ms) {
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return closed_ || !queue_.empty(); });
  if (queue_.empty()) return std::nullopt;
  std::string event = std::move(queue_.front());
  queue_.pop_front();
  return event;
}

void Subscription::push(std::string event) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= 1000) queue_.pop_front();  // a stalled reader loses the oldest, not the server's memory
    queue_.push_back(std::move(event));
  }
  ready_.notify_one();
}

void Subscription::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

bool Subscription::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::shared_ptr<Subscription> EventHub::subscribe(const Viewer& viewer, std::string* error) {
  std::lock_guard lock(mutex_);
  const auto refuse = [&](const char* code) {
    if (error) *error = code;
    return nullptr;
  };
  const auto own = std::count_if(subscriptions_.begin(), subscriptions_.end(),
                                 [&](const auto& open) { return open->viewer().user_id == viewer.user_id; });
  if (closed_) return refuse("too_many_streams");
  if (static_cast<std::size_t>(own) >= max_streams_per_user_) return refuse("too_many_user_streams");
  if (subscriptions_.size() >= max_streams_) return refuse("too_many_streams");
  subscriptions_.push_back(std::make_shared<Subscription>(viewer));
  return subscriptions_.back();
}

void EventHub::unsubscribe(const std::shared_ptr<Subscription>& subscription) {
  std::lock_guard lock(mutex_);
  std::erase(subscriptions_, subscription);
}

void EventHub::publish(const TicketChange& change) {
  const std::string event = "event: ticket\ndata: " +
                            nlohmann::json{{"id", change.ticket_id}, {"status", std::string(to_string(change.status))},
                                           {"at", change.at}}
                                .dump() +
                            "\n\n";
  std::lock_guard lock(mutex_);
  for (const auto& subscription : subscriptions_)
    if (may_see_ticket(subscription->viewer(), change.ownership) &&
        (!change.staff_only || may_see_internal_notes(subscription->viewer())))
      subscription->push(event);
}

// Only the account's own customers: staff see balances through their own screens, and
// another account must not even learn that this one paid.
void EventHub::publish(const AccountChange& change) {
  const std::string event =
      "event: account\ndata: " + nlohmann::json{{"account_id", change.account_id}, {"at", change.at}}.dump() + "\n\n";
  std::lock_guard lock(mutex_);
  for (const auto& subscription : subscriptions_) {
    const Viewer& viewer = subscription->viewer();
    if (viewer.role == Role::customer && viewer.account_id == change.account_id) subscription->push(event);
  }
}

std::size_t EventHub::stream_count() {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

void EventHub::close_all() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  for (const auto& subscription : subscriptions_) subscription->close();
}

}  // namespace tessera::server
