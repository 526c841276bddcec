// Buying (see commerce.hpp).
#include "app/commerce.hpp"

#include "app/commerce_mails.hpp"

#include "app/ticket_changes.hpp"
#include "tessera/dates.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/storage_codec.hpp"
#include "tessera/payment_receipt.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
bool owns_account(Context& context, const UserRecord& user) {
  return user.role == Role::customer && user.account_id && context.viewer_of(user).is_account_owner;
}
}  // namespace

Commerce::Commerce(Store& store, Context& context, PayPalClient* paypal)
    : store_(store), context_(context), paypal_(paypal) {}

BusinessSettings Commerce::settings() {
  BusinessSettings settings;
  apply_stored_settings(store_, settings);  // the admin's catalog, VAT, seller, bank, check (settings.cpp)
  return settings;
}

wire::OrderView Commerce::view_of(const OrderRecord& order) {
  wire::OrderView view;
  view.id = order.id;
  view.reference = order_reference(order.id);
  view.request = order.request;
  view.status = order.status;
  view.net = order.net;
  view.vat = order.vat;
  view.gross = order.gross;
  view.created_at = order.created_at;
  view.paid_at = order.paid_at;
  view.invoice_id = order.invoice_id;
  if (order.status == OrderStatus::pending_payment) {
    const BusinessSettings business = settings();
    if (order.request.method == PaymentMethod::bank_transfer) {
      view.instructions_key = "payment.bank_transfer_instructions";
      view.instructions = {{"amount", format_cents(order.gross)}, {"holder", business.bank_holder},
                           {"iban", business.bank_iban},          {"bic", business.bank_bic},
                           {"reference", view.reference}};
    } else if (order.request.method == PaymentMethod::check) {
      view.instructions_key = "payment.check_instructions";
      view.instructions = {{"amount", format_cents(order.gross)}, {"payee", business.check_payee},
                           {"address", business.check_address},  {"reference", view.reference}};
    }
  }
  return view;
}

// [SECTION] Customers
Result<wire::OrderView> Commerce::create_order(const UserRecord& user, const OrderRequest& request) {
  if (!owns_account(context_, user)) return make_error("owner_only");
  if (request.method == PaymentMethod::paypal && !paypal_) return make_error("paypal_unavailable");
  const Catalog catalog = settings().catalog;
  const auto priced = price_order(catalog, request);
  if (!priced) return priced.error();
  const auto created = atomically<wire::OrderView>(store_, [&]() -> Result<wire::OrderView> {
    // Refuse now what could not be activated once paid (e.g. a restart too early, with the
    // date it becomes possible), so nobody pays for nothing.
    const AccountLedger ledger = context_.ledgers().load(*user.account_id);
    const Instant at = AccountLedgers::not_before_last(ledger, context_.now());
    const auto trial_run = decide(ledger, activation_command(catalog, request, 0, user.id, at));
    if (!trial_run) return trial_run.error();
    OrderRecord order;
    order.account_id = *user.account_id;
    order.user_id = user.id;
    order.request = request;
    order.status = request.method == PaymentMethod::paypal ? OrderStatus::awaiting_approval : OrderStatus::pending_payment;
    order.offer_json = codec::encode(catalog).dump();
    json lines = json::array();
    for (const PricedLine& line : priced->lines)
      lines.push_back(json{{"text_key", line.text_key}, {"params", line.params}, {"quantity", line.quantity},
                           {"unit_price_net", line.unit_price_net}, {"vat_rate", line.vat_rate}});
    order.lines_json = lines.dump();
    order.net = priced->totals.net;
    order.vat = priced->totals.vat;
    order.gross = priced->totals.gross;
    order.created_at = at;
    order.id = store_.create_order(order);
    store_.audit(at, user.id, "order_created", json{{"order", order.id}, {"gross", order.gross}}.dump());
    const wire::OrderView view = view_of(order);
    if (order.status == OrderStatus::pending_payment) mail_order_pending(context_, order, view, false);
    return view;
  });
  if (!created || request.method != PaymentMethod::paypal) return created;
  return create_paypal_order(user, *created);
}

// [SECTION] PayPal. Network calls happen outside store transactions; each carries a
// PayPal-Request-Id derived from the order, so a retry never charges twice.
Result<wire::OrderView> Commerce::create_paypal_order(const UserRecord& user, wire::OrderView view) {
  PayPalOrderRequest request;
  request.amount = view.gross;
  request.currency = "EUR";
  request.reference_id = view.reference;
  request.description = "Tessera " + view.reference;
  const auto created = paypal_->create_order(request, "tessera-" + view.reference + "-create");
  auto order = store_.order(view.id);
  if (!order) return make_error("not_found");
  if (!created) {
    order->status = OrderStatus::failed;
    store_.update_order(*order);
    store_.audit(context_.now(), user.id, "paypal_create_failed", json{{"order", order->id}, {"error", created.error().code}}.dump());
    return created.error();
  }
  order->paypal_order_id = created->id;
  store_.update_order(*order);
  view = view_of(*order);
  view.approve_url = created->approve_url;
  return view;
}

Result<wire::OrderView> Commerce::capture_paypal(const UserRecord& user, Id order_id) {
  if (!paypal_) return make_error("paypal_unavailable");
  const auto order = owned_order(user, order_id);
  if (!order) return order.error();
  if (order->status == OrderStatus::paid) return view_of(*order);  // captured already (e.g. by a webhook)
  if (order->status != OrderStatus::awaiting_approval || order->paypal_order_id.empty())
    return make_error("order_not_payable");
  if (auto refused = activation_refused(*order)) return *refused;  // charge nothing that cannot be delivered
  const auto capture = paypal_->capture_order(order->paypal_order_id, "tessera-" + order_reference(order->id) + "-capture");
  if (!capture) {
    store_.audit(context_.now(), user.id, "paypal_capture_failed", json{{"order", order->id}, {"error", capture.error().code}}.dump());
    return capture.error();
  }
  if (!capture->completed() || capture->amount != order->gross) {
    Error error = make_error("paypal_error");
    error.params = {{"status", capture->capture_status}};
    return error;
  }
  return atomically<wire::OrderView>(store_, [&]() -> Result<wire::OrderView> {
    const auto current = store_.order(order_id);
    if (current->status == OrderStatus::paid) return view_of(*current);
    const auto paid = pay(*current, context_.now(), user.id, "paypal_captured");
    if (!paid) return paid.error();
    return view_of(*paid);
  });
}

Result<bool> Commerce::paypal_webhook(const httplib::Headers& headers, const std::string& raw_body) {
  if (!paypal_) return make_error("paypal_unavailable");
  const auto verified = paypal_->verify_webhook(headers, raw_body);
  if (!verified) return verified.error();
  if (!*verified) return make_error("webhook_unverified");
  const auto event = parse_webhook_event(raw_body);
  if (!event || event->id.empty()) return make_error("invalid_json");
  return atomically<bool>(store_, [&]() -> Result<bool> {
    const Instant at = context_.now();
    if (!store_.remember_webhook_event(event->id, at)) return false;  // a replay: handled before
    store_.audit(at, std::nullopt, "paypal_webhook", json{{"event", event->id}, {"type", event->event_type}}.dump());
    if (event->event_type != "PAYMENT.CAPTURE.COMPLETED") return true;
    const auto order = store_.order_by_paypal_id(event->order_id);
    if (!order || order->status != OrderStatus::awaiting_approval) return true;
    if (event->amount != order->gross) return make_error("paypal_invalid_response");
    const auto paid = pay(*order, at, std::nullopt, "paypal_webhook_captured");
    if (!paid) return paid.error();
    return true;
  });
}

// Whether the ledger would refuse to deliver this order now (e.g. extra users once the
// subscription is no longer active), asked before PayPal captures the money.
std::optional<Error> Commerce::activation_refused(const OrderRecord& order) {
  const auto snapshot = codec::decode_catalog(json::parse(order.offer_json, nullptr, false));
  if (!snapshot) return snapshot.error();
  const AccountLedger ledger = context_.ledgers().load(order.account_id);
  const Instant at = AccountLedgers::not_before_last(ledger, context_.now());
  const auto trial_run = decide(ledger, activation_command(snapshot.value(), order.request, order.id, order.user_id, at));
  if (!trial_run) return trial_run.error();
  return std::nullopt;
}

Result<OrderRecord> Commerce::owned_order(const UserRecord& user, Id order_id) {
  const auto order = store_.order(order_id);
  if (!order || !user.account_id || order->account_id != *user.account_id || !owns_account(context_, user))
    return make_error("not_found");
  return *order;
}

std::vector<wire::OrderView> Commerce::list_orders(const UserRecord& user) {
  std::vector<wire::OrderView> views;
  if (!owns_account(context_, user)) return views;
  for (const OrderRecord& order : store_.orders_of_account(*user.account_id)) views.push_back(view_of(order));
  return views;
}

Result<wire::OrderView> Commerce::order(const UserRecord& user, Id order_id) {
  const auto order = owned_order(user, order_id);
  if (!order) return order.error();
  return view_of(*order);
}

Result<wire::OrderView> Commerce::cancel_order(const UserRecord& user, Id order_id) {
  return atomically<wire::OrderView>(store_, [&]() -> Result<wire::OrderView> {
    auto order = owned_order(user, order_id);
    if (!order) return order.error();
    if (order->status != OrderStatus::pending_payment && order->status != OrderStatus::awaiting_approval)
      return make_error("order_not_payable");
    if (order->request.kind == OrderKind::renewal) return make_error("renewal_order_not_cancellable");
    OrderRecord cancelled = *order;
    cancelled.status = OrderStatus::cancelled;
    store_.update_order(cancelled);
    return view_of(cancelled);
  });
}

std::vector<wire::InvoiceSummary> Commerce::list_invoices(const UserRecord& user) {
  std::vector<wire::InvoiceSummary> invoices;
  if (!owns_account(context_, user)) return invoices;
  for (const InvoiceRecord& invoice : store_.invoices_of_account(*user.account_id))
    invoices.push_back(wire::InvoiceSummary{invoice.id, invoice.number, invoice.order_id, invoice.issued_at, invoice.gross});
  return invoices;
}

Result<InvoiceRecord> Commerce::invoice(const UserRecord& user, Id invoice_id) {
  const auto invoice = store_.invoice(invoice_id);
  if (!invoice || !owns_account(context_, user) || invoice->account_id != *user.account_id)
    return make_error("not_found");
  return *invoice;
}

// [SECTION] Admins and payment
Result<std::vector<wire::OrderView>> Commerce::pending_orders(const UserRecord& admin) {
  if (admin.role != Role::admin) return make_error("forbidden");
  std::vector<wire::OrderView> views;
  for (const OrderRecord& order : store_.orders_with_status(OrderStatus::pending_payment)) views.push_back(view_of(order));
  return views;
}

Result<std::vector<MonthRevenue>> Commerce::revenue(const UserRecord& admin) {
  if (admin.role != Role::admin) return make_error("forbidden");
  std::vector<InvoiceFigures> figures;
  for (const OrderRecord& order : store_.orders_with_status(OrderStatus::paid)) {
    if (order.invoice_id == 0) continue;
    const auto invoice = store_.invoice(order.invoice_id);
    if (invoice) figures.push_back(InvoiceFigures{invoice->issued_at, order.net, invoice->gross});
  }
  return revenue_by_month(figures);
}

Result<wire::OrderView> Commerce::record_payment(const UserRecord& admin, Id order_id, const json& receipt) {
  if (admin.role != Role::admin) return make_error("forbidden");
  Id account_id = 0;
  auto recorded = atomically<wire::OrderView>(store_, [&]() -> Result<wire::OrderView> {
    const auto order = store_.order(order_id);
    if (!order) return make_error("not_found");
    if (order->status != OrderStatus::pending_payment) return make_error("order_not_payable");
    const bool described =
        receipt.is_object() && (receipt.contains("amount") || receipt.contains("received_on") || receipt.contains("reference"));
    std::optional<PaymentReceipt> checked;
    if (described) {
      // "Today" in any time zone: the admin's day may already be tomorrow in UTC+14.
      auto parsed = parse_payment_receipt(receipt, order->gross, utc_date_of(context_.now() + 14 * 3600));
      if (!parsed) return parsed.error();
      checked = std::move(parsed).value();
    }
    const auto paid = pay(*order, context_.now(), admin.id, "payment_recorded");
    if (!paid) return paid.error();
    if (checked)
      store_.audit(context_.now(), admin.id, "payment_receipt",
                   json{{"order", order->id}, {"receipt", to_json(*checked)}}.dump());
    account_id = order->account_id;
    return view_of(*paid);
  });
  if (recorded) context_.events().publish(AccountChange{account_id, context_.now()});
  return recorded;
}

Result<OrderRecord> Commerce::pay(OrderRecord order, Instant paid_at, std::optional<Id> actor, const std::string& how) {
  const auto snapshot = codec::decode_catalog(json::parse(order.offer_json, nullptr, false));
  if (!snapshot) return snapshot.error();
  AccountLedger ledger = context_.ledgers().load(order.account_id);
  const Instant at = AccountLedgers::not_before_last(ledger, paid_at);
  LedgerCommand delivery = activation_command(snapshot.value(), order.request, order.id, order.user_id, at);
  if (auto* extra_users = std::get_if<AddExtraUsers>(&delivery)) extra_users->charged_cents = order.net;  // as invoiced
  const auto entries = context_.ledgers().record(order.account_id, ledger, delivery);
  restore_funded_tickets(context_, ledger, entries);

  // The invoice, in the buyer's language, numbered without gaps within the year.
  const auto buyer = store_.user_by_id(order.user_id);
  const Language language = buyer ? buyer->language : Language::en;
  PricedOrder priced;
  for (const json& line : json::parse(order.lines_json)) {
    PricedLine priced_line;
    priced_line.text_key = line.value("text_key", "");
    priced_line.params = line.value("params", std::map<std::string, std::string>{});
    priced_line.quantity = line.value("quantity", std::int64_t{1});
    priced_line.unit_price_net = line.value("unit_price_net", Cents{0});
    priced_line.vat_rate = line.value("vat_rate", kDefaultVatRate);
    priced.lines.push_back(std::move(priced_line));
  }
  InvoiceRequest request;
  request.seller = settings().seller;
  request.buyer = Party{buyer ? buyer->name : "", "", "", buyer ? buyer->email : ""};
  request.lines = invoice_lines(priced, language);
  request.payment_method = order.request.method;
  request.paid_at = at;
  request.order_id = order.id;
  const int year = utc_date_of(at).year;
  const auto invoice = build_invoice(request, store_.last_invoice_sequence(year), at);
  if (!invoice) return invoice.error();
  InvoiceRecord record;
  record.order_id = order.id;
  record.account_id = order.account_id;
  record.number = invoice->number;
  record.year = invoice->year;
  record.sequence = invoice->sequence;
  record.issued_at = invoice->issued_at;
  record.language = language;
  record.gross = invoice->totals.gross;
  record.invoice_json = codec::encode(invoice.value()).dump();
  order.invoice_id = store_.add_invoice(record);
  order.status = OrderStatus::paid;
  order.paid_at = at;
  store_.update_order(order);
  mail_payment_received(context_, order, invoice.value(), language);
  store_.audit(at, actor, how, json{{"order", order.id}, {"invoice", record.number}, {"gross", record.gross}}.dump());
  return order;
}

}  // namespace tessera::server
