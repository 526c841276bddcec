// The subscription's own orders (SPEC §1.2, see commerce.hpp): the renewal order the
// scheduler makes once a period ends (one per period), extra users bought pro rata during a
// period, users removed from the next period, and the PayPal checkout of a renewal (PayPal
// Orders v2 without a stored payment method needs the customer's approval each time).
#include "app/commerce.hpp"
#include "app/commerce_mails.hpp"
#include "app/readers.hpp"
#include "app/sessions.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/orders.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
bool is_unpaid(const OrderRecord& order) {
  return order.status == OrderStatus::pending_payment || order.status == OrderStatus::awaiting_approval;
}

// A new order record for priced lines, as POST /orders makes them (the catalog kept with it).
OrderRecord new_order(Id account_id, Id buyer, const OrderRequest& request, const PricedOrder& priced,
                      const Catalog& catalog, Instant at) {
  OrderRecord order;
  order.account_id = account_id;
  order.user_id = buyer;
  order.request = request;
  order.status = request.method == PaymentMethod::paypal ? OrderStatus::awaiting_approval : OrderStatus::pending_payment;
  order.offer_json = codec::encode(catalog).dump();
  json lines = json::array();
  for (const PricedLine& line : priced.lines)
    lines.push_back(json{{"text_key", line.text_key}, {"params", line.params}, {"quantity", line.quantity},
                         {"unit_price_net", line.unit_price_net}, {"vat_rate", line.vat_rate}});
  order.lines_json = lines.dump();
  order.net = priced.totals.net;
  order.vat = priced.totals.vat;
  order.gross = priced.totals.gross;
  order.created_at = at;
  return order;
}
}  // namespace

Result<Commerce::RenewalWork> Commerce::renew_if_due(Id account_id) {
  const Catalog catalog = settings().catalog;
  return atomically<RenewalWork>(store_, [&]() -> Result<RenewalWork> {
    RenewalWork work;
    const AccountLedger ledger = context_.ledgers().load(account_id);
    const Instant at = AccountLedgers::not_before_last(ledger, context_.now());
    const bool due = renewal_due(ledger, at);
    const Period next = due ? next_period(ledger) : Period{};
    const std::optional<Id> current = due ? store_.renewal_order_for(account_id, next.start) : std::nullopt;
    const SubscriptionState& subscription = ledger.subscription();
    for (OrderRecord order : store_.orders_of_account(account_id)) {
      if (!is_unpaid(order)) continue;
      // A renewal order not needed any more: the subscription was cancelled, or renewed another way.
      const bool stale_renewal = order.request.kind == OrderKind::renewal && order.id != current;
      // Extra users priced for a period that is over (or a subscription cancelled): they could
      // no longer be delivered as priced, so nobody may pay for them.
      const bool stale_extra_users = order.request.kind == OrderKind::extra_users &&
                                     (subscription.cancelled || order.created_at < subscription.period_start ||
                                      at >= subscription.period_end);
      if (!stale_renewal && !stale_extra_users) continue;
      order.status = OrderStatus::cancelled;
      store_.update_order(order);
      store_.audit(at, std::nullopt, "unpaid_order_cancelled", json{{"order", order.id}}.dump());
      ++work.orders_cancelled;
    }
    if (!due || current) return work;
    const auto owner = store_.account_owner(account_id);
    if (!owner) return work;
    const auto renewal = price_renewal(catalog, ledger, at);
    if (!renewal) return renewal.error();
    OrderRecord order = new_order(account_id, *owner, renewal->request, renewal->priced, catalog, at);
    order.id = store_.create_order(order);
    store_.record_renewal_order(account_id, next.start, order.id);
    store_.audit(at, std::nullopt, "renewal_order_created",
                 json{{"order", order.id}, {"period_start", next.start}, {"gross", order.gross}}.dump());
    mail_order_pending(context_, order, view_of(order), true);
    work.order_created = true;
    return work;
  });
}

Result<wire::OrderView> Commerce::order_extra_users(const UserRecord& owner, std::int64_t count,
                                                    std::optional<PaymentMethod> method) {
  if (owner.role != Role::customer || !owner.account_id || !context_.viewer_of(owner).is_account_owner)
    return make_error("owner_only");
  const Catalog catalog = settings().catalog;
  const auto created = atomically<wire::OrderView>(store_, [&]() -> Result<wire::OrderView> {
    const AccountLedger ledger = context_.ledgers().load(*owner.account_id);
    const Instant at = AccountLedgers::not_before_last(ledger, context_.now());
    const auto priced = price_extra_users(catalog, ledger, count, at);
    if (!priced) return priced.error();
    const OrderRequest request{OrderKind::extra_users, "", count, method.value_or(ledger.subscription().method)};
    if (request.method == PaymentMethod::paypal && !paypal_) return make_error("paypal_unavailable");
    OrderRecord order = new_order(*owner.account_id, owner.id, request, *priced, catalog, at);
    order.id = store_.create_order(order);
    store_.audit(at, owner.id, "order_created", json{{"order", order.id}, {"gross", order.gross}}.dump());
    return view_of(order);
  });
  if (!created || created->request.method != PaymentMethod::paypal) return created;
  return create_paypal_order(owner, *created);
}

Result<wire::Me> Commerce::remove_extra_users(const UserRecord& owner, std::int64_t count) {
  if (owner.role != Role::customer || !owner.account_id || !context_.viewer_of(owner).is_account_owner)
    return make_error("owner_only");
  const auto removed = atomically<bool>(store_, [&]() -> Result<bool> {
    // The renewal order waiting for payment was priced with the next period's users: they stay.
    for (const OrderRecord& order : store_.orders_of_account(*owner.account_id))
      if (order.request.kind == OrderKind::renewal && is_unpaid(order)) return make_error("renewal_pending");
    AccountLedger ledger = context_.ledgers().load(*owner.account_id);
    const Instant at = AccountLedgers::not_before_last(ledger, context_.now());
    context_.ledgers().record(*owner.account_id, ledger, RemoveExtraUsers{at, count});
    // SPEC §1.3: users ≤ included + extra users, next period too: the owner first takes the
    // subscription scope back from users (or withdraws invitations) who would hold no seat.
    const SubscriptionState& next = ledger.subscription();
    const std::int64_t next_limit = next.included_users + next.extra_users_next;
    const SeatCount seats = subscription_seats(store_, *owner.account_id, at);
    if (seats.used() > next_limit)
      return Error{"seats_in_use", "count", {{"used", std::to_string(seats.used())}, {"limit", std::to_string(next_limit)}}};
    store_.audit(at, owner.id, "extra_users_removed", json{{"count", count}}.dump());
    return true;
  });
  if (!removed) return removed.error();
  return me_of(context_, owner);
}

Result<wire::OrderView> Commerce::paypal_checkout(const UserRecord& user, Id order_id) {
  const auto order = owned_order(user, order_id);
  if (!order) return order.error();
  if (order->request.method != PaymentMethod::paypal || order->status != OrderStatus::awaiting_approval)
    return make_error("paypal_checkout_not_needed");
  if (!paypal_) return make_error("paypal_unavailable");
  // The same PayPal-Request-Id each time: PayPal answers the same order, never a second one.
  PayPalOrderRequest request;
  request.amount = order->gross;
  request.currency = "EUR";
  request.reference_id = order_reference(order->id);
  request.description = "Tessera " + request.reference_id;
  const auto created = paypal_->create_order(request, "tessera-" + request.reference_id + "-create");
  if (!created) {
    store_.audit(context_.now(), user.id, "paypal_create_failed",
                 json{{"order", order->id}, {"error", created.error().code}}.dump());
    return created.error();  // the order stays awaiting approval: the customer may try again
  }
  auto stored = store_.order(order_id);
  if (!stored) return make_error("not_found");
  stored->paypal_order_id = created->id;
  store_.update_order(*stored);
  wire::OrderView view = view_of(*stored);
  view.approve_url = created->approve_url;
  return view;
}

// The owner cancels the subscription: usable until the period's end (SPEC §1.2).
Result<wire::Me> Commerce::cancel_subscription(const UserRecord& user) {
  const Viewer viewer = context_.viewer_of(user);
  if (user.role != Role::customer || !user.account_id || !viewer.is_account_owner) return make_error("owner_only");
  const auto cancelled = atomically<bool>(store_, [&]() -> Result<bool> {
    AccountLedger ledger = context_.ledgers().load(*user.account_id);
    context_.ledgers().record(*user.account_id, ledger, CancelSubscription{AccountLedgers::not_before_last(ledger, context_.now())});
    store_.audit(context_.now(), user.id, "subscription_cancelled", "{}");
    return true;
  });
  if (!cancelled) return cancelled.error();
  return me_of(context_, user);
}

}  // namespace tessera::server
