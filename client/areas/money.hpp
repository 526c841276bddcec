// The money area (customers): the account's support time (what is left, per lot, with its
// expiry; the history of every credit and debit; each ticket's cost statement), buying an
// offer (price with VAT, then PayPal or bank transfer / check), the PayPal return, orders,
// invoices with their PDFs, and the subscription (cancel, restart, extra users, renewals).
// Prices shown before paying come from the domain's own pricing (shared/orders.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "tessera/catalog.hpp"
#include "tessera/orders.hpp"
#include "tessera/result.hpp"
#include "tessera/wire.hpp"
#include "tessera/wire_ledger.hpp"

namespace tessera::client {

class App;

// Something fetched for a screen: not asked yet / loading, failed (with the reason), or here.
template <class T>
struct Fetched {
  std::optional<T> value;
  std::optional<Error> error;  // the last fetch failed (shown with Retry)
  bool asked = false;
  bool ready() const { return value.has_value(); }
};

struct BuyForm {
  OrderKind kind = OrderKind::pack;
  std::string offer_code;        // packs and minute blocks
  int extra_users = 0;           // subscription
  PaymentMethod method = PaymentMethod::bank_transfer;
};

// The PayPal return: which order, and what its capture said.
struct PayPalReturn {
  bool cancelled = false;        // the payer came back through the cancel address
  std::string token;             // PayPal's order id, from the return address
  Id order_id = 0;               // ours, once found
  std::optional<wire::OrderView> paid;
  std::optional<Error> declined; // paypal_declined (params.issue), or another refusal
  bool capturing = false;
};

struct MoneyArea {
  Fetched<Catalog> catalog;
  Fetched<wire::LedgerView> ledger;
  Fetched<std::vector<wire::OrderView>> orders;
  Fetched<std::vector<wire::InvoiceSummary>> invoices;
  Fetched<wire::OrderView> order;          // the order screen's
  Fetched<wire::TicketDetail> ticket;      // the cost statement's ticket
  BuyForm buy;
  PayPalReturn paypal;
  Id paypal_pending = 0;   // the order sent to PayPal for approval (kept on the device)
  int add_users = 1;
  int remove_users = 1;
  PaymentMethod users_method = PaymentMethod::bank_transfer;
  std::string notice;      // after an action ("Subscription cancelled: usable until 27 Dec 2026")
};

namespace money {
void install(App& app);
// [SECTION] Fetching
void load_time(App& app);           // /me, the ledger
void load_catalog(App& app);
void load_orders(App& app);
void load_invoices(App& app);
void open_order(App& app, Id id);
void open_ticket_cost(App& app, Id ticket_id);
// [SECTION] Buying
// The order the form describes, priced by the domain (net lines + VAT), or why it cannot be.
Result<PricedOrder> priced_offer(const App& app);
// Expired ticket units the next pack takes (SPEC §1.4), from the ledger's lots.
std::int64_t expired_units_to_roll(const App& app);
void place_order(App& app);
void continue_to_paypal(App& app, const wire::OrderView& order);  // opens the approval link
void cancel_order(App& app, Id id);
void capture_return(App& app);  // the PayPal return: find the order, capture it
// [SECTION] Subscription
void cancel_subscription(App& app);
void restart_subscription(App& app);  // a new subscription order (refused until 3 months after cancelling)
// The pro-rata price (net, then VAT) of `count` extra users for the rest of the period.
std::optional<InvoiceTotals> extra_users_price(const App& app, int count);
void add_users(App& app);
void remove_users(App& app);
void pay_renewal_by_paypal(App& app, Id order_id);
void download_invoice(App& app, Id invoice_id);
// [SECTION] Reading helpers for the screens
std::string money_text(const App& app, Cents cents);  // "49,00 €" / "€49.00"
std::string date_text(const App& app, Instant at);    // "27 Nov 2027"
const wire::OrderView* order_of_invoice(const App& app, const wire::InvoiceSummary& invoice);
std::vector<const wire::OrderView*> renewals_due(const App& app);
// When the current subscription period started (from the ledger's history), 0 if unknown.
Instant subscription_period_start(const App& app);
}  // namespace money

}  // namespace tessera::client
