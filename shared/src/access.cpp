// Access rules and the operator queue (see access.hpp).
#include "tessera/access.hpp"

#include <algorithm>

namespace tessera {

bool is_staff(Role role) { return role == Role::operator_ || role == Role::admin; }

bool may_see_ticket(const Viewer& viewer, const TicketOwnership& ticket) {
  if (is_staff(viewer.role)) return true;
  if (viewer.role != Role::customer || !viewer.account_id || *viewer.account_id != ticket.account_id) return false;
  return viewer.is_account_owner || ticket.opened_by == viewer.user_id;
}

bool may_see_internal_notes(const Viewer& viewer) { return is_staff(viewer.role); }

std::vector<QueueItem> operator_queue(std::vector<QueueItem> items, const std::vector<Language>& languages_spoken) {
  std::erase_if(items, [&](const QueueItem& item) {
    const bool waiting = item.status == TicketStatus::new_ || item.status == TicketStatus::in_progress ||
                         item.status == TicketStatus::waiting_customer;
    const bool speaks = std::find(languages_spoken.begin(), languages_spoken.end(), item.language) !=
                        languages_spoken.end();
    return !waiting || !speaks;
  });
  std::stable_sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
    const auto ca = effective_criticality(a.criticality, a.triage);
    const auto cb = effective_criticality(b.criticality, b.triage);
    if (ca != cb) return ca < cb;  // the enumeration lists the most critical first
    if (a.submitted_at != b.submitted_at) return a.submitted_at < b.submitted_at;
    return a.ticket_id < b.ticket_id;
  });
  return items;
}

}  // namespace tessera
