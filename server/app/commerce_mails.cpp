// The mails of buying (see commerce_mails.hpp).
#include "app/commerce_mails.hpp"

#include "adapters/invoice_pdf.hpp"
#include "tessera/texts.hpp"

namespace tessera::server {

namespace {
std::string money(Cents cents) { return format_cents(cents) + " €"; }

void to_user_id(Context& context, Id user_id, OutgoingMailRequest mail) {
  if (const auto user = context.store().user_by_id(user_id)) context.mail().to_user(*user, std::move(mail));
}
}  // namespace

void mail_order_pending(Context& context, const OrderRecord& order, const wire::OrderView& view, bool renewal) {
  const auto buyer = context.store().user_by_id(order.user_id);
  if (!buyer) return;
  OutgoingMailRequest mail;
  mail.kind = renewal ? MailKind::renewal_due : MailKind::order_pending;
  mail.facts.order_reference = view.reference;
  mail.facts.amount = money(order.gross);
  mail.facts.link = context.mail().app_link("/orders/" + std::to_string(order.id));
  if (!view.instructions_key.empty())
    mail.facts.instructions = format_text(tr(view.instructions_key, buyer->language), view.instructions);
  context.mail().to_user(*buyer, std::move(mail));
}

void mail_payment_received(Context& context, const OrderRecord& order, const Invoice& invoice, Language language) {
  OutgoingMailRequest mail;
  mail.kind = MailKind::payment_received;
  mail.facts.order_reference = invoice.number;
  mail.facts.amount = money(order.gross);
  mail.facts.link = context.mail().app_link("/invoices");
  mail.attachments.push_back(
      mime::Attachment{"invoice-" + invoice.number + ".pdf", "application/pdf", render_invoice_pdf(invoice, language)});
  to_user_id(context, order.user_id, std::move(mail));
}

void mail_account_reminders(Context& context, Id account_id, const AccountLedger& ledger, Instant now) {
  const auto owner = context.store().account_owner(account_id);
  if (!owner) return;
  const std::string account = std::to_string(account_id);
  const SubscriptionPhase phase = subscription_phase(ledger, now);
  if (phase == SubscriptionPhase::grace) {
    const Instant grace_end = renewal_grace_end(ledger);
    if (grace_end - now <= kGraceEndingNoticeDays * kSecondsPerDay) {
      OutgoingMailRequest mail;
      mail.kind = MailKind::grace_ending;
      mail.facts.date = grace_end;
      mail.facts.link = context.mail().app_link("/time");
      mail.dedupe_key = "grace_ending:" + account + ":" + std::to_string(grace_end);
      to_user_id(context, *owner, std::move(mail));
    }
  } else if (phase == SubscriptionPhase::suspended) {
    OutgoingMailRequest mail;
    mail.kind = MailKind::subscription_suspended;
    mail.facts.date = ledger.subscription().period_end;
    mail.facts.link = context.mail().app_link("/time");
    mail.dedupe_key = "suspended:" + account + ":" + std::to_string(ledger.subscription().period_end);
    to_user_id(context, *owner, std::move(mail));
  }
  for (const Lot& lot : ledger.lots()) {
    if (lot.kind != LotKind::ticket_units || lot.usable_at(now) <= 0) continue;
    if (lot.expires_at - now > kUnitsExpiringNoticeDays * kSecondsPerDay) continue;
    OutgoingMailRequest mail;
    mail.kind = MailKind::units_expiring;
    mail.facts.units = static_cast<int>(lot.usable_at(now));
    mail.facts.date = lot.expires_at;
    mail.facts.offer = lot.offer_code;
    mail.facts.link = context.mail().app_link("/time");
    mail.dedupe_key = "units_expiring:" + account + ":" + std::to_string(lot.id) + ":" + std::to_string(lot.expires_at);
    to_user_id(context, lot.owner, std::move(mail));
  }
}

}  // namespace tessera::server
