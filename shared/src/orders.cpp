// Order pricing and activation (see orders.hpp).
#include "tessera/orders.hpp"

#include <array>
#include <cstdio>

#include "tessera/texts.hpp"

namespace tessera {

namespace {
constexpr std::array<std::pair<OrderKind, std::string_view>, 5> kKinds{{{OrderKind::subscription, "subscription"},
                                                                       {OrderKind::pack, "pack"},
                                                                       {OrderKind::minutes, "minutes"},
                                                                       {OrderKind::renewal, "renewal"},
                                                                       {OrderKind::extra_users, "extra_users"}}};
constexpr std::array<std::pair<OrderStatus, std::string_view>, 5> kStatuses{{{OrderStatus::awaiting_approval, "awaiting_approval"},
                                                                              {OrderStatus::pending_payment, "pending_payment"},
                                                                              {OrderStatus::paid, "paid"},
                                                                              {OrderStatus::cancelled, "cancelled"},
                                                                              {OrderStatus::failed, "failed"}}};
constexpr std::int64_t kMaxExtraUsers = 500;
}  // namespace

std::string_view to_string(OrderKind kind) {
  for (const auto& [value, name] : kKinds)
    if (value == kind) return name;
  return "?";
}
std::string_view to_string(OrderStatus status) {
  for (const auto& [value, name] : kStatuses)
    if (value == status) return name;
  return "?";
}
std::optional<OrderKind> parse_order_kind(std::string_view text) {
  for (const auto& [value, name] : kKinds)
    if (name == text) return value;
  return std::nullopt;
}
std::optional<OrderStatus> parse_order_status(std::string_view text) {
  for (const auto& [value, name] : kStatuses)
    if (name == text) return value;
  return std::nullopt;
}

Result<PricedOrder> price_order(const Catalog& catalog, const OrderRequest& request) {
  PricedOrder order;
  switch (request.kind) {
    case OrderKind::renewal:
    case OrderKind::extra_users:
      return make_error("invalid_value", "kind");
    case OrderKind::subscription: {
      if (request.extra_users < 0 || request.extra_users > kMaxExtraUsers)
        return make_error("invalid_user_count", "extra_users");
      const SubscriptionOffer& offer = catalog.subscription;
      order.lines.push_back(PricedLine{"order.line.subscription",
                                       {{"users", std::to_string(offer.included_users)}},
                                       1,
                                       offer.monthly_price,
                                       catalog.vat_rate});
      if (request.extra_users > 0)
        order.lines.push_back(PricedLine{"order.line.extra_users", {}, request.extra_users,
                                         offer.extra_user_monthly_price, catalog.vat_rate});
      break;
    }
    case OrderKind::pack: {
      const PackOffer* offer = find_pack(catalog, request.offer_code);
      if (!offer) return make_error("unknown_offer", "offer_code");
      if (!offer->active) return make_error("offer_inactive", "offer_code");
      order.lines.push_back(PricedLine{offer->multi_user ? "order.line.pack_multi_user" : "order.line.pack",
                                       {{"units", std::to_string(offer->units)},
                                        {"months", std::to_string(offer->validity_months)}},
                                       1,
                                       offer->price,
                                       catalog.vat_rate});
      break;
    }
    case OrderKind::minutes: {
      const MinuteBlockOffer* offer = find_minute_block(catalog, request.offer_code);
      if (!offer) return make_error("unknown_offer", "offer_code");
      if (!offer->active) return make_error("offer_inactive", "offer_code");
      order.lines.push_back(PricedLine{"order.line.minutes",
                                       {{"minutes", std::to_string(offer->minutes)},
                                        {"months", std::to_string(offer->validity_months)}},
                                       1,
                                       offer->price,
                                       catalog.vat_rate});
      break;
    }
  }
  order.totals = invoice_totals(invoice_lines(order, Language::en));
  return order;
}

// [SECTION] The subscription's own orders
Result<PricedRenewal> price_renewal(const Catalog& catalog, const AccountLedger& ledger, Instant at) {
  const SubscriptionState& subscription = ledger.subscription();
  if (!subscription.activated) return make_error("no_subscription");
  if (subscription.cancelled) return make_error("subscription_cancelled");
  if (!renewal_due(ledger, at)) return make_error("renewal_not_due");
  PricedRenewal renewal;
  renewal.request = OrderRequest{OrderKind::renewal, "", subscription.extra_users_next, subscription.method};
  renewal.period = next_period(ledger);
  const SubscriptionOffer& offer = catalog.subscription;
  const std::map<std::string, std::string> period{{"from", to_iso(utc_date_of(renewal.period.start))},
                                                  {"to", to_iso(utc_date_of(renewal.period.end))}};
  auto line = PricedLine{"order.line.renewal", period, 1, offer.monthly_price, catalog.vat_rate};
  line.params["users"] = std::to_string(offer.included_users);
  renewal.priced.lines.push_back(std::move(line));
  if (subscription.extra_users_next > 0)
    renewal.priced.lines.push_back(PricedLine{"order.line.renewal_extra_users", period, subscription.extra_users_next,
                                              offer.extra_user_monthly_price, catalog.vat_rate});
  renewal.priced.totals = invoice_totals(invoice_lines(renewal.priced, Language::en));
  return renewal;
}

Result<PricedOrder> price_extra_users(const Catalog& catalog, const AccountLedger& ledger, std::int64_t count,
                                      Instant at) {
  const auto added = decide(ledger, AddExtraUsers{at, count, catalog.subscription.extra_user_monthly_price});
  if (!added) return added.error();
  const LedgerEntry* entry = nullptr;
  for (const LedgerEntry& candidate : added.value())
    if (candidate.kind == EntryKind::extra_users_added) entry = &candidate;
  if (!entry) return make_error("internal");
  PricedOrder order;
  order.lines.push_back(PricedLine{"order.line.extra_users_pro_rata",
                                   {{"users", std::to_string(count)}, {"to", to_iso(utc_date_of(entry->period_end))}},
                                   1,
                                   entry->cents,
                                   catalog.vat_rate});
  order.totals = invoice_totals(invoice_lines(order, Language::en));
  return order;
}

std::vector<InvoiceLine> invoice_lines(const PricedOrder& order, Language language) {
  std::vector<InvoiceLine> lines;
  for (const PricedLine& line : order.lines)
    lines.push_back(InvoiceLine{format_text(tr(line.text_key, language), line.params), line.quantity,
                                line.unit_price_net, line.vat_rate});
  return lines;
}

LedgerCommand activation_command(const Catalog& catalog, const OrderRequest& request, Id order_id, Id buyer,
                                 Instant paid_at) {
  switch (request.kind) {
    case OrderKind::subscription:
      return ActivateSubscription{paid_at, order_id, catalog.subscription.included_users, request.extra_users,
                                  request.method};
    case OrderKind::pack: {
      const PackOffer* offer = find_pack(catalog, request.offer_code);
      return BuyPack{paid_at, buyer, order_id, offer ? *offer : PackOffer{}};
    }
    case OrderKind::minutes: {
      const MinuteBlockOffer* offer = find_minute_block(catalog, request.offer_code);
      return BuyMinutes{paid_at, buyer, order_id, offer ? *offer : MinuteBlockOffer{}};
    }
    case OrderKind::renewal:
      return PayRenewal{paid_at, order_id};
    case OrderKind::extra_users:
      return AddExtraUsers{paid_at, request.extra_users, catalog.subscription.extra_user_monthly_price};
  }
  return ExpireLots{paid_at};
}

std::string order_reference(Id order_id) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "ORD-%06lld", static_cast<long long>(order_id));
  return buffer;
}

}  // namespace tessera
