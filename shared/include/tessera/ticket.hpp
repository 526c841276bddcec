// Tickets (SPEC §1.8): categories, criticalities, languages, statuses, and the state
// machine: which actor may do what in which status, with a precise error otherwise.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

enum class Language { fr, en, es };
enum class Category { hardware, software, network, account, other };
enum class Criticality { critical, high, normal, low };  // most critical first
enum class TicketStatus {
  new_, in_progress, waiting_customer, resolved, closed, withdrawn, awaiting_funding,
  closed_subscription_ended
};
enum class Role { customer, operator_, admin, system };

// What a ticket's timeline records (each event one row, in order).
enum class TicketEventKind {
  message,          // the customer's or an operator's reply
  internal_note,    // staff only (SPEC §1.8): never shown nor announced to the customer
  status_change,    // from → to (the first one: created, to "new")
  time_entry,       // an operator's minutes, with the note
  time_adjustment,  // an admin's signed correction, with the note
  triage_change,    // the operator's criticality
  attachment,       // a file attached (its safe name)
};

enum class TicketAction {
  take,                // operator: new -> in_progress
  ask_customer,        // operator: in_progress -> waiting_customer
  customer_replied,    // customer: waiting_customer -> in_progress
  resolve,             // operator: in_progress | waiting_customer -> resolved
  confirm_resolution,  // customer: resolved -> closed
  reject_resolution,   // customer: resolved -> in_progress
  auto_close,          // system: resolved -> closed, N days after resolution
  withdraw,            // customer, before any work: new | in_progress | waiting_customer -> withdrawn
  funding_exhausted,   // system: an open ticket whose funding ran dry -> awaiting_funding
  funding_restored,    // system: awaiting_funding -> in_progress
  subscription_ended,  // system: an open subscription ticket -> closed_subscription_ended
};

// [SECTION] Names on the wire and in the database ("new", "in_progress", ...).
std::string_view to_string(Language value);
std::string_view to_string(Category value);
std::string_view to_string(Criticality value);
std::string_view to_string(TicketStatus value);
std::string_view to_string(Role value);
std::string_view to_string(TicketAction value);
std::string_view to_string(TicketEventKind value);
std::optional<Language> parse_language(std::string_view text);
std::optional<Category> parse_category(std::string_view text);
std::optional<Criticality> parse_criticality(std::string_view text);
std::optional<TicketStatus> parse_ticket_status(std::string_view text);
std::optional<Role> parse_role(std::string_view text);
std::optional<TicketAction> parse_ticket_action(std::string_view text);
std::optional<TicketEventKind> parse_ticket_event_kind(std::string_view text);

// [SECTION] The state machine.
struct TicketFacts {
  TicketStatus status = TicketStatus::new_;
  Minutes minutes_worked = 0;  // all minutes logged on the ticket so far
};

// The status after `action` by `role`, or an error:
//   "forbidden_action"            the role may never do this action
//   "invalid_transition"          not from this status (params: status, action)
//   "work_already_logged"         withdraw after work was logged
Result<TicketStatus> apply_ticket_action(const TicketFacts& ticket, TicketAction action, Role role);

bool is_open(TicketStatus status);          // neither closed, withdrawn nor closed_subscription_ended
bool accepts_time_entries(TicketStatus status);
bool accepts_messages(TicketStatus status);

// The actions a client may ask for (POST /tickets/{id}/actions): take, ask_customer, resolve,
// confirm_resolution, reject_resolution, withdraw. The others are the system's (the scheduler,
// the ledger) and are refused as invalid_value before the role is even considered.
bool client_may_request(TicketAction action);
// The statuses of tickets in the operator queue (SPEC §1.8): new, in_progress, waiting_customer.
// Resolved tickets wait for the customer, awaiting_funding ones for a payment: not in the queue.
bool in_operator_queue(TicketStatus status);
std::vector<TicketStatus> operator_queue_statuses();
// A time entry or an admin's correction: the events that carry minutes (and a ledger cost).
bool is_time_event(TicketEventKind kind);

// Effective criticality for the queue: the operator's triage if any, else the declared one.
Criticality effective_criticality(Criticality declared, std::optional<Criticality> triage);

}  // namespace tessera
