// Live updates (SPEC §3): server-sent events for ticket changes. Each open stream is a
// Subscription holding the viewer it was opened for; a published change reaches only the
// streams whose viewer may see that ticket (shared/access.hpp). Events carry the ticket id
// and status, never its content: clients fetch what they are allowed to read. Account events
// (a payment recorded) reach only that account's customers, who refetch their balances.
#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tessera/access.hpp"

namespace tessera::server {

struct TicketChange {
  Id ticket_id = 0;
  TicketOwnership ownership;
  TicketStatus status = TicketStatus::new_;
  Instant at = 0;
  bool staff_only = false;  // an internal note: customers' streams are not told
};

// An account's balances or subscription changed (a payment recorded or captured): the
// account's customers (its owner and authorized users) refetch GET /me. No one else is told.
struct AccountChange {
  Id account_id = 0;
  Instant at = 0;
};

class Subscription {
 public:
  explicit Subscription(Viewer viewer) : viewer_(viewer) {}
  const Viewer& viewer() const { return viewer_; }
  // The next event's text ("event: ...\ndata: ...\n\n"), or nothing after `wait_ms` or once closed.
  std::optional<std::string> next(int wait_ms);
  void push(std::string event);
  void close();
  bool closed() const;

 private:
  Viewer viewer_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> queue_;
  bool closed_ = false;
};

class EventHub {
 public:
  EventHub(std::size_t max_streams, std::size_t max_streams_per_user)
      : max_streams_(max_streams), max_streams_per_user_(max_streams_per_user) {}
  // Null when too many streams are open: in all (`error` too_many_streams), or for this user
  // (too_many_user_streams), so one user cannot take every stream; and once close_all has
  // run (too_many_streams: the server is stopping).
  std::shared_ptr<Subscription> subscribe(const Viewer& viewer, std::string* error = nullptr);
  void unsubscribe(const std::shared_ptr<Subscription>& subscription);
  void publish(const TicketChange& change);
  void publish(const AccountChange& change);
  // Ends every stream (each waiting thread returns) and refuses new ones: the server stops.
  void close_all();
  std::size_t stream_count();
  std::size_t max_streams() const { return max_streams_; }

 private:
  std::size_t max_streams_;
  std::size_t max_streams_per_user_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<Subscription>> subscriptions_;
  bool closed_ = false;
};

}  // namespace tessera::server
