// The staff area (operators and admins): the queue in the operator's languages, most urgent
// first, and working a ticket — take, ask, resolve, reply or note, log the minutes worked.
// The open ticket itself is the tickets area's (one detail, one reply draft per ticket).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "tessera/wire.hpp"

namespace tessera::client {

class App;

struct TimeForm {
  std::string minutes;  // as typed
  std::string note;
  std::string idempotency_key;  // made at submission, kept for a retry after no answer
};

struct StaffArea {
  std::vector<wire::TicketSummary> queue;
  std::size_t total = 0;
  double queue_at_ms = 0;
  bool queue_fresh = false;
  TimeForm time;
};

namespace staff {
void install(App& app);
void show_queue(App& app);
void log_time(App& app);
}  // namespace staff

}  // namespace tessera::client
