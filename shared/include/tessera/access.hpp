// Who may see and act on what (SPEC §1.3, §3): the rules the server checks on every object.
// A customer sees the tickets they opened; the account owner sees all of the account's;
// operators and admins see all. The operator queue holds the open tickets in the languages
// the operator speaks, most critical first, then by SLA due time, then by age.
#pragma once
#include <optional>
#include <vector>

#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

struct Viewer {
  Id user_id = 0;
  Role role = Role::customer;
  std::optional<Id> account_id;
  bool is_account_owner = false;
};

struct TicketOwnership {
  Id account_id = 0;
  Id opened_by = 0;
};

bool is_staff(Role role);
bool may_see_ticket(const Viewer& viewer, const TicketOwnership& ticket);
bool may_see_internal_notes(const Viewer& viewer);

struct QueueItem {
  Id ticket_id = 0;
  Criticality criticality = Criticality::normal;
  std::optional<Criticality> triage;
  Language language = Language::en;
  TicketStatus status = TicketStatus::new_;
  Instant submitted_at = 0;
};

// The operator queue: open items in `languages_spoken`, ordered by effective criticality,
// then SLA due time, then age. The SLA target depends only on the effective criticality
// and adding open minutes is monotonic, so among equal criticalities the due time follows
// the submission time: ordering by submission time orders by due time too.
std::vector<QueueItem> operator_queue(std::vector<QueueItem> items, const std::vector<Language>& languages_spoken);

}  // namespace tessera
