// The mails a ticket's life sends (SPEC §1.13), written in the transaction of the change:
// to the customer who opened it — received (with the reference), an operator replied (the
// reply's text; never an internal note), resolution proposed (the auto-close date), closed
// (the evaluation link), awaiting funding (what is owed) — and, for a new critical ticket, to
// the operators who speak its language. Each customer may turn the ticket mails off.
#pragma once
#include <string>

#include "app/context.hpp"

namespace tessera::server {

void mail_ticket_opened(Context& context, const TicketRecord& ticket);
void mail_operator_reply(Context& context, const TicketRecord& ticket, const std::string& reply);
// After the ticket's status became ticket.status (resolved, closed, awaiting_funding mail).
void mail_status_changed(Context& context, const TicketRecord& ticket);

}  // namespace tessera::server
