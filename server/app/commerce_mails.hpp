// The mails of buying (SPEC §1.13), written in the transaction of the change: an order
// waiting for a bank transfer or a check (with the instructions), a payment received (the
// invoice PDF attached), a renewal due; and, from the scheduler, a renewal's grace ending, a
// subscription suspended, ticket units expiring within 14 days (each once). Each customer may
// turn the commerce mails off.
#pragma once
#include "app/context.hpp"
#include "tessera/invoice.hpp"
#include "tessera/wire.hpp"

namespace tessera::server {

inline constexpr std::int64_t kUnitsExpiringNoticeDays = 14;
inline constexpr std::int64_t kGraceEndingNoticeDays = 2;

// `view`: the order as its buyer reads it (reference, instructions).
void mail_order_pending(Context& context, const OrderRecord& order, const wire::OrderView& view, bool renewal);
void mail_payment_received(Context& context, const OrderRecord& order, const Invoice& invoice, Language language);
// The scheduler's reminders for one account, each written once (its dedupe key).
void mail_account_reminders(Context& context, Id account_id, const AccountLedger& ledger, Instant now);

}  // namespace tessera::server
