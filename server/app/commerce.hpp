// Buying: the public catalog, orders (subscription, ticket packs, minute blocks), payment
// by bank transfer or check (recorded by an admin) and by PayPal, activation of what was
// bought in the account's ledger, and invoices (gapless yearly numbers, immutable).
// Rules come from shared/orders.hpp, ledger.hpp and invoice.hpp; this is orchestration.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/paypal_client.hpp"
#include "app/context.hpp"
#include "app/readers.hpp"
#include "tessera/catalog.hpp"
#include "tessera/invoice.hpp"
#include "tessera/revenue.hpp"
#include "tessera/wire.hpp"

namespace tessera::server {

class Commerce {
 public:
  // `paypal` may be null: PayPal is then not offered.
  Commerce(Store& store, Context& context, PayPalClient* paypal);

  BusinessSettings settings();
  Catalog catalog() { return settings().catalog; }

  // [SECTION] Customers
  Result<wire::OrderView> create_order(const UserRecord& user, const OrderRequest& request);
  std::vector<wire::OrderView> list_orders(const UserRecord& user);
  Result<wire::OrderView> order(const UserRecord& user, Id order_id);
  Result<wire::OrderView> cancel_order(const UserRecord& user, Id order_id);
  std::vector<wire::InvoiceSummary> list_invoices(const UserRecord& user);
  Result<InvoiceRecord> invoice(const UserRecord& user, Id invoice_id);

  // [SECTION] PayPal: after the payer approved, capture; webhooks confirm captures too.
  Result<wire::OrderView> capture_paypal(const UserRecord& user, Id order_id);
  // Verified and deduplicated by event id; PAYMENT.CAPTURE.COMPLETED pays the order.
  Result<bool> paypal_webhook(const httplib::Headers& headers, const std::string& raw_body);

  // [SECTION] Admins
  Result<std::vector<wire::OrderView>> pending_orders(const UserRecord& admin);
  // Revenue by month of issue from every invoice (shared/revenue.hpp).
  Result<std::vector<MonthRevenue>> revenue(const UserRecord& admin);
  // A bank transfer or check arrived: the order is paid, activated and invoiced. `receipt`:
  // the API's body; with any of amount / received_on / reference it is checked whole
  // (shared/payment_receipt.hpp) and kept in the audit entry. The account's customers get an
  // `account` event once it is committed.
  Result<wire::OrderView> record_payment(const UserRecord& admin, Id order_id, const nlohmann::json& receipt);

  // [SECTION] The subscription's own orders (subscriptions.cpp, SPEC §1.2)
  struct RenewalWork {
    bool order_created = false;
    int orders_cancelled = 0;  // unpaid renewal / extra-user orders no longer payable
  };
  // The scheduler, per account: once the renewal is due, the one renewal order of the next
  // period (bank transfer/check: pending_payment; PayPal: awaiting_approval until the
  // customer checks out). Unpaid renewal orders the subscription no longer needs, and unpaid
  // extra-user orders whose period is over, are cancelled.
  Result<RenewalWork> renew_if_due(Id account_id);
  // The owner adds users for the rest of the period: an order priced pro rata, delivered on payment.
  Result<wire::OrderView> order_extra_users(const UserRecord& owner, std::int64_t count,
                                            std::optional<PaymentMethod> method);
  // The owner removes users from the next period: no order.
  Result<wire::Me> remove_extra_users(const UserRecord& owner, std::int64_t count);
  // The owner cancels the subscription: usable until the period's end (SPEC §1.2).
  Result<wire::Me> cancel_subscription(const UserRecord& user);
  // A PayPal order the server made without the customer (a renewal): create the PayPal order
  // now and answer its approve_url; then capture as usual.
  Result<wire::OrderView> paypal_checkout(const UserRecord& user, Id order_id);

 private:
  wire::OrderView view_of(const OrderRecord& order);
  // Inside a transaction: mark paid, activate in the ledger, issue the invoice.
  Result<OrderRecord> pay(OrderRecord order, Instant paid_at, std::optional<Id> actor, const std::string& how);
  Result<OrderRecord> owned_order(const UserRecord& user, Id order_id);
  std::optional<Error> activation_refused(const OrderRecord& order);

  Result<wire::OrderView> create_paypal_order(const UserRecord& user, wire::OrderView view);

  Store& store_;
  Context& context_;
  PayPalClient* paypal_;
};

}  // namespace tessera::server
