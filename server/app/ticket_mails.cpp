// The mails of a ticket's life (see ticket_mails.hpp).
#include "app/ticket_mails.hpp"

#include <sstream>

#include "tessera/sla.hpp"

namespace tessera::server {

namespace {
OutgoingMailRequest ticket_mail(Context& context, const TicketRecord& ticket, MailKind kind) {
  OutgoingMailRequest mail;
  mail.kind = kind;
  mail.facts.ticket_reference = "#" + std::to_string(ticket.id);
  mail.facts.ticket_subject = ticket.subject;
  mail.facts.link = context.mail().app_link("/tickets/" + std::to_string(ticket.id));
  return mail;
}

void to_opener(Context& context, const TicketRecord& ticket, OutgoingMailRequest mail) {
  if (const auto opener = context.store().user_by_id(ticket.opened_by)) context.mail().to_user(*opener, std::move(mail));
}

bool speaks(const UserRecord& user, Language language) {
  std::stringstream list(user.languages_spoken);
  for (std::string item; std::getline(list, item, ',');)
    if (parse_language(item) == language) return true;
  return false;
}
}  // namespace

void mail_ticket_opened(Context& context, const TicketRecord& ticket) {
  to_opener(context, ticket, ticket_mail(context, ticket, MailKind::ticket_received));
  if (ticket.criticality != Criticality::critical) return;
  for (const UserRecord& staff : context.store().staff_users()) {
    if (staff.role != Role::operator_ || staff.disabled_at || !speaks(staff, ticket.language)) continue;
    OutgoingMailRequest mail = ticket_mail(context, ticket, MailKind::critical_ticket);
    mail.facts.criticality = std::string(to_string(ticket.criticality));
    context.mail().to_user(staff, std::move(mail));
  }
}

void mail_operator_reply(Context& context, const TicketRecord& ticket, const std::string& reply) {
  OutgoingMailRequest mail = ticket_mail(context, ticket, MailKind::ticket_replied);
  mail.facts.reply_text = reply;
  to_opener(context, ticket, std::move(mail));
}

void mail_status_changed(Context& context, const TicketRecord& ticket) {
  switch (ticket.status) {
    case TicketStatus::resolved: {
      OutgoingMailRequest mail = ticket_mail(context, ticket, MailKind::resolution_proposed);
      mail.facts.date = auto_close_at(ticket.updated_at);
      return to_opener(context, ticket, std::move(mail));
    }
    case TicketStatus::closed: return to_opener(context, ticket, ticket_mail(context, ticket, MailKind::ticket_closed));
    case TicketStatus::awaiting_funding: {
      OutgoingMailRequest mail = ticket_mail(context, ticket, MailKind::awaiting_funding);
      const AccountLedger ledger = context.ledgers().load(ticket.account_id);
      const TicketAccount* account = ledger.ticket(ticket.id);
      mail.facts.amount = std::to_string(account ? account->overrun : 0) + " min";
      mail.facts.link = context.mail().app_link("/buy");
      return to_opener(context, ticket, std::move(mail));
    }
    default: return;
  }
}

}  // namespace tessera::server
