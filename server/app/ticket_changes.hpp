// The changes to a ticket that more than one use case makes: its status (with the event that
// records it), the transitions the system makes (auto-close, the subscription's end, funding
// restored by a payment or a correction), and telling the live streams allowed to see it.
// Called inside the caller's transaction unless said otherwise.
#pragma once
#include <optional>
#include <vector>

#include "app/context.hpp"

namespace tessera::server {

// Records the status change as a ticket event and sets the ticket's status and updated_at
// (the caller stores the ticket); writes the mail the new status sends (ticket_mails.hpp).
void change_status(Context& context, TicketRecord& ticket, TicketStatus to, std::optional<Id> author);
// Tickets that left awaiting_funding because `new_entries` settled their overrun.
void restore_funded_tickets(Context& context, const AccountLedger& ledger, const std::vector<LedgerEntry>& new_entries);
// Tells the open event streams allowed to see it that the ticket changed (after the commit);
// staff_only: the change is an internal note's.
void announce_ticket(Context& context, Id ticket_id, bool staff_only = false);
// A transition the system makes, in its own transaction (closing releases the ledger's
// reservation), announced. False when the ticket is not in a status that allows it.
bool system_action(Context& context, Id ticket_id, TicketAction action);

}  // namespace tessera::server
