// Tickets (SPEC §1.8): categories, criticalities, languages, statuses, and the state
// machine: which actor may do what in which status, with a precise error otherwise.
#pragma once
#include <optional>
#include <string>
#include <string_view>

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
std::optional<Language> parse_language(std::string_view text);
std::optional<Category> parse_category(std::string_view text);
std::optional<Criticality> parse_criticality(std::string_view text);
std::optional<TicketStatus> parse_ticket_status(std::string_view text);
std::optional<Role> parse_role(std::string_view text);
std::optional<TicketAction> parse_ticket_action(std::string_view text);

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

// Effective criticality for the queue: the operator's triage if any, else the declared one.
Criticality effective_criticality(Criticality declared, std::optional<Criticality> triage);

}  // namespace tessera
