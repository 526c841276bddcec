// Ticket changes shared by the use cases (see ticket_changes.hpp).
#include "app/ticket_changes.hpp"

#include "app/ticket_mails.hpp"
#include "tessera/ticket.hpp"

namespace tessera::server {

void change_status(Context& context, TicketRecord& ticket, TicketStatus to, std::optional<Id> author) {
  TicketEventRecord event;
  event.ticket_id = ticket.id;
  event.kind = TicketEventKind::status_change;
  event.at = context.now();
  event.author_id = author;
  event.status_from = ticket.status;
  event.status_to = to;
  context.store().add_ticket_event(event);
  ticket.status = to;
  ticket.updated_at = event.at;
  mail_status_changed(context, ticket);
}

void restore_funded_tickets(Context& context, const AccountLedger& ledger, const std::vector<LedgerEntry>& new_entries) {
  Store& store = context.store();
  for (Id ticket_id : tickets_funding_restored(ledger, new_entries)) {
    auto ticket = store.ticket(ticket_id);
    if (!ticket) continue;
    const auto next = apply_ticket_action(TicketFacts{ticket->status, ticket->minutes_worked},
                                          TicketAction::funding_restored, Role::system);
    if (!next) continue;
    change_status(context, *ticket, *next, std::nullopt);
    store.update_ticket(*ticket);
  }
}

void announce_ticket(Context& context, Id ticket_id, bool staff_only) {
  if (const auto stored = context.store().ticket(ticket_id))
    context.events().publish(TicketChange{stored->id, TicketOwnership{stored->account_id, stored->opened_by},
                                          stored->status, stored->updated_at, staff_only});
}

bool system_action(Context& context, Id ticket_id, TicketAction action) {
  Store& store = context.store();
  const auto done = atomically<bool>(store, [&]() -> Result<bool> {
    auto ticket = store.ticket(ticket_id);
    if (!ticket) return make_error("not_found");
    const auto next = apply_ticket_action(TicketFacts{ticket->status, ticket->minutes_worked}, action, Role::system);
    if (!next) return next.error();
    if (!is_open(*next)) {  // the ledger releases an unused reservation (SPEC §1.4)
      AccountLedger ledger = context.ledgers().load(ticket->account_id);
      context.ledgers().record(ticket->account_id, ledger,
                               CloseTicket{AccountLedgers::not_before_last(ledger, context.now()), ticket->id});
    }
    change_status(context, *ticket, *next, std::nullopt);
    store.update_ticket(*ticket);
    return true;
  });
  if (done) announce_ticket(context, ticket_id);
  return done.ok();
}

}  // namespace tessera::server
