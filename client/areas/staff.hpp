// The staff area (operators and admins): the operator's desk. The queue in the operator's
// languages, most urgent first, filtered and paged, with each ticket's first-response due time;
// working a ticket — take, triage, ask, resolve, reply or internal note, a running timer per
// ticket that survives a reload, and the minutes worked logged with a note and their cost shown
// first. The open ticket itself is the tickets area's (one detail, one reply draft per ticket).
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tessera/wire.hpp"
#include "tessera/wire_desk.hpp"

namespace tessera::client {

class App;

// The minutes to log on one ticket, as typed (or proposed by the timer), kept on the device.
struct TimeForm {
  std::string minutes;  // as typed
  std::string note;
  std::string idempotency_key;  // made at submission, kept for a retry after no answer
  bool proposed = false;        // the minutes came from the timer (the screen says so)
};

// A ticket's work timer: running since `started_at_ms` (wall clock) plus what ran before a
// pause. Kept on the device, so a reload, or another tab, finds it still running.
struct WorkTimer {
  double started_at_ms = 0;  // 0: paused
  double banked_ms = 0;      // time counted before the last pause
  bool running() const { return started_at_ms > 0; }
  double elapsed_ms(double now_ms) const { return banked_ms + (running() ? now_ms - started_at_ms : 0); }
};

// What the queue shows: the filters the operator chose (kept on the device) and the page.
struct QueueFilters {
  std::vector<Language> languages;     // the ones shown; empty: every language spoken
  std::optional<TicketStatus> status;  // none: every open status
  std::optional<Category> category;
  std::string text;                    // in the subject or the reference
  bool operator==(const QueueFilters&) const = default;
};

struct StaffArea {
  static constexpr std::size_t kPageSize = 20;
  std::vector<wire::QueueEntry> queue;
  std::size_t total = 0;
  std::vector<Language> languages_spoken;  // as the server says
  double queue_at_ms = 0;   // when the page was received
  bool queue_fresh = false;
  bool queue_loaded = false;               // an answer came (the empty state is true)
  std::optional<Error> queue_error;        // the last answer's error (shown with Retry)
  QueueFilters filters;
  std::size_t offset = 0;
  std::size_t selected = 0;                // the keyboard's row on the page
  bool reveal_selected = false;            // it just moved: scroll it into view
  std::map<Id, WorkTimer> timers;          // per ticket
  std::map<Id, TimeForm> time;             // per ticket
  std::string notice;                      // "10 min logged on T-000012"
};

namespace staff {
void install(App& app);
void show_queue(App& app);          // the current page with the current filters
void refresh_queue_if_due(App& app);  // the page is a minute old: its due times have moved
void set_filters(App& app, QueueFilters filters);  // back to the first page
void show_page(App& app, std::size_t offset);
void log_time(App& app);            // the open ticket's form
void triage(App& app, Criticality criticality);
// The open ticket's timer.
void start_timer(App& app);
void pause_timer(App& app);
void stop_timer(App& app);          // proposes the minutes (rounded up) in the time form
// Minutes to propose for `elapsed_ms`: rounded up to the minute, at least 1, at most an entry's 480.
Minutes proposed_minutes(double elapsed_ms);
const WorkTimer* timer(const App& app, Id ticket_id);
TimeForm& time_form(App& app, Id ticket_id);
}  // namespace staff

}  // namespace tessera::client
