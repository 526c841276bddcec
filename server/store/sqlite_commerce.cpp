// The SQLite store: orders, invoices, subscription renewals.
#include "store/sqlite_rows.hpp"
#include "tessera/domain_wire.hpp"

namespace tessera::server {

// [SECTION] Orders
namespace {
constexpr const char* kOrderColumns =
    "SELECT id, account_id, user_id, kind, offer_code, extra_users, method, status, offer_json, lines_json, net, vat, "
    "gross, paypal_order_id, created_at, paid_at, invoice_id FROM orders ";

OrderRecord read_order(SQLite::Statement& row) {
  OrderRecord order;
  read_columns(row, 0, order.id, order.account_id, order.user_id);
  order.request.kind = parse_order_kind(row.getColumn(3).getString()).value_or(OrderKind::pack);
  order.request.offer_code = row.getColumn(4).getString();
  order.request.extra_users = row.getColumn(5).getInt64();
  order.request.method = parse_payment_method(row.getColumn(6).getString()).value_or(PaymentMethod::paypal);
  order.status = parse_order_status(row.getColumn(7).getString()).value_or(OrderStatus::failed);
  read_columns(row, 8, order.offer_json, order.lines_json, order.net, order.vat, order.gross, order.paypal_order_id,
               order.created_at, order.paid_at, order.invoice_id);
  return order;
}

constexpr const char* kInvoiceColumns =
    "SELECT id, order_id, account_id, number, year, sequence, issued_at, language, gross, invoice_json FROM invoices ";

InvoiceRecord read_invoice(SQLite::Statement& row) {
  InvoiceRecord invoice;
  read_columns(row, 0, invoice.id, invoice.order_id, invoice.account_id, invoice.number, invoice.year,
               invoice.sequence, invoice.issued_at);
  invoice.language = parse_language(row.getColumn(7).getString()).value_or(Language::en);
  invoice.gross = row.getColumn(8).getInt64();
  invoice.invoice_json = row.getColumn(9).getString();
  return invoice;
}
}  // namespace

Id SqliteStore::create_order(const OrderRecord& o) {
  return insert(
      "INSERT INTO orders(account_id, user_id, kind, offer_code, extra_users, method, status, offer_json, "
      "lines_json, net, vat, gross, paypal_order_id, created_at, paid_at, invoice_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?)",
      o.account_id, o.user_id, o.request.kind, o.request.offer_code, o.request.extra_users, o.request.method,
      o.status, o.offer_json, o.lines_json, o.net, o.vat, o.gross, o.paypal_order_id, o.created_at, o.paid_at,
      o.invoice_id);
}

void SqliteStore::update_order(const OrderRecord& o) {
  write(
      "UPDATE orders SET status = ?, paypal_order_id = ?, paid_at = ?, invoice_id = ? WHERE id = ?",
      o.status, o.paypal_order_id, o.paid_at, o.invoice_id, o.id);
}

std::vector<OrderRecord> SqliteStore::query_orders(const std::string& where, const std::string& bind) {
  return leased_rows(kOrderColumns + where, read_order, bind);
}

std::optional<OrderRecord> SqliteStore::order(Id id) {
  auto found = query_orders("WHERE id = CAST(? AS INTEGER)", std::to_string(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<OrderRecord> SqliteStore::order_by_paypal_id(const std::string& paypal_order_id) {
  if (paypal_order_id.empty()) return std::nullopt;
  auto found = query_orders("WHERE paypal_order_id = ?", paypal_order_id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<OrderRecord> SqliteStore::orders_of_account(Id account_id) {
  return query_orders("WHERE account_id = CAST(? AS INTEGER) ORDER BY id DESC", std::to_string(account_id));
}

std::vector<OrderRecord> SqliteStore::orders_with_status(OrderStatus status) {
  return query_orders("WHERE status = ? ORDER BY id", std::string(to_string(status)));
}

// [SECTION] Invoices
std::int64_t SqliteStore::last_invoice_sequence(int year) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT COALESCE(MAX(sequence), 0) FROM invoices WHERE year = ?");
  bind_row(query, year);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

Id SqliteStore::add_invoice(const InvoiceRecord& i) {
  return insert(
      "INSERT INTO invoices(order_id, account_id, number, year, sequence, issued_at, language, gross, "
      "invoice_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      i.order_id, i.account_id, i.number, i.year, i.sequence, i.issued_at, i.language, i.gross, i.invoice_json);
}

std::vector<InvoiceRecord> SqliteStore::query_invoices(const std::string& where, Id bind) {
  return leased_rows(kInvoiceColumns + where, read_invoice, bind);
}

std::optional<InvoiceRecord> SqliteStore::invoice(Id id) {
  return leased_one(kInvoiceColumns + std::string("WHERE id = ?"), read_invoice, id);
}

std::vector<InvoiceRecord> SqliteStore::invoices_of_account(Id account_id) {
  return query_invoices("WHERE account_id = ? ORDER BY id DESC", account_id);
}

// [SECTION] Subscription renewals
std::optional<Id> SqliteStore::renewal_order_for(Id account_id, Instant period_start) {
  std::lock_guard lock(mutex_);
  SQLite::Statement query(db_, "SELECT order_id FROM renewal_orders WHERE account_id = ? AND period_start = ?");
  bind_row(query, account_id, period_start);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

void SqliteStore::record_renewal_order(Id account_id, Instant period_start, Id order_id) {
  write(
      "INSERT INTO renewal_orders(account_id, period_start, order_id) VALUES (?, ?, ?)",
      account_id, period_start, order_id);
}

}  // namespace tessera::server
