// Orders (SPEC §1.6): what a customer buys — the subscription (with extra users), a ticket
// pack or a block of minutes — priced from the catalog into invoice lines (net prices, VAT
// per line), and the ledger command that activates it once paid. The texts of the lines are
// keys, so the invoice is written in the buyer's language. The subscription's own orders —
// its renewal for the next period and extra users added during a period — are made by the
// server from the account's ledger (price_renewal, price_extra_users), never by POST /orders.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/catalog.hpp"
#include "tessera/invoice.hpp"
#include "tessera/ledger.hpp"
#include "tessera/result.hpp"

namespace tessera {

enum class OrderKind { subscription, pack, minutes, renewal, extra_users };
enum class OrderStatus { awaiting_approval, pending_payment, paid, cancelled, failed };

std::string_view to_string(OrderKind kind);
std::string_view to_string(OrderStatus status);
std::optional<OrderKind> parse_order_kind(std::string_view text);
std::optional<OrderStatus> parse_order_status(std::string_view text);

struct OrderRequest {
  OrderKind kind = OrderKind::pack;
  std::string offer_code;        // packs and minute blocks
  std::int64_t extra_users = 0;  // subscription, renewal: users beyond the included ones;
                                 // extra_users: how many users are added
  PaymentMethod method = PaymentMethod::paypal;
};

struct PricedLine {
  std::string text_key;  // "order.line.subscription", "order.line.pack", ...
  std::map<std::string, std::string> params;
  std::int64_t quantity = 1;
  Cents unit_price_net = 0;
  BasisPoints vat_rate = kDefaultVatRate;
};

struct PricedOrder {
  std::vector<PricedLine> lines;
  InvoiceTotals totals;
};

// Errors: "unknown_offer" (field offer_code), "invalid_user_count" (field extra_users),
// "offer_inactive" (field offer_code), "invalid_value" (field kind: renewal and extra_users
// are priced from the ledger below).
Result<PricedOrder> price_order(const Catalog& catalog, const OrderRequest& request);

// [SECTION] The subscription's own orders (SPEC §1.2)

// The renewal of the subscription for next_period(ledger): the catalog's prices now, the users
// of the next period (removals take effect then), the subscription's payment method.
// Errors: no_subscription, subscription_cancelled, renewal_not_due.
struct PricedRenewal {
  OrderRequest request;  // kind renewal, extra_users of the next period, the subscription's method
  Period period;
  PricedOrder priced;
};
Result<PricedRenewal> price_renewal(const Catalog& catalog, const AccountLedger& ledger, Instant at);

// `count` extra users from `at` to the end of the current period, pro rata for the days left
// (the ledger's AddExtraUsers rule). Errors: those of AddExtraUsers (no_subscription,
// subscription_cancelled, subscription_not_usable, invalid_user_count).
Result<PricedOrder> price_extra_users(const Catalog& catalog, const AccountLedger& ledger, std::int64_t count,
                                      Instant at);

// The invoice lines in a language (the text keys filled with their parameters).
std::vector<InvoiceLine> invoice_lines(const PricedOrder& order, Language language);

// The ledger command that delivers a paid order to the account.
LedgerCommand activation_command(const Catalog& catalog, const OrderRequest& request, Id order_id, Id buyer,
                                 Instant paid_at);

// "ORD-000042": the reference a customer writes on a bank transfer or a check.
std::string order_reference(Id order_id);

}  // namespace tessera
