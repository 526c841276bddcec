// The forms the server stores and reads back (see storage_codec.hpp).
#include "tessera/storage_codec.hpp"

#include "codec_fields.hpp"

namespace tessera::codec {

using namespace fields;

// [SECTION] Ledger entries
json encode(const LedgerEntry& entry) {
  const LedgerEntry defaults;
  json out{{"kind", to_string(entry.kind)}, {"at", entry.at}};
  const auto put = [&](const char* name, auto value, auto default_value) {
    if (value != default_value) out[name] = value;
  };
  put("lot", entry.lot, defaults.lot);
  put("from_lot", entry.from_lot, defaults.from_lot);
  put("ticket", entry.ticket, defaults.ticket);
  put("user", entry.user, defaults.user);
  put("order", entry.order, defaults.order);
  put("amount", entry.amount, defaults.amount);
  if (entry.lot_kind != defaults.lot_kind) out["lot_kind"] = to_string(entry.lot_kind);
  put("multi_user", entry.multi_user, defaults.multi_user);
  put("settlement", entry.settlement, defaults.settlement);
  if (entry.source != defaults.source) out["source"] = to_string(entry.source);
  put("pool", entry.pool, defaults.pool);
  put("expires_at", entry.expires_at, defaults.expires_at);
  put("period_start", entry.period_start, defaults.period_start);
  put("period_end", entry.period_end, defaults.period_end);
  put("users", entry.users, defaults.users);
  put("cents", entry.cents, defaults.cents);
  if (entry.method != defaults.method) out["method"] = to_string(entry.method);
  if (entry.restart_on != defaults.restart_on) out["restart_on"] = to_iso(entry.restart_on);
  put("offer_code", entry.offer_code, defaults.offer_code);
  put("note", entry.note, defaults.note);
  return out;
}

Result<LedgerEntry> decode_ledger_entry(const json& in) {
  if (auto error = require_object(in)) return *error;
  LedgerEntry entry;
  const auto lot_kind = [](std::string_view text) -> std::optional<LotKind> {
    for (LotKind kind : {LotKind::trial_minutes, LotKind::ticket_units, LotKind::bank_minutes})
      if (to_string(kind) == text) return kind;
    return std::nullopt;
  };
  constexpr std::int64_t kBig = std::int64_t{1} << 53;  // JSON-safe integers
  std::optional<Error> error;
  if ((error = read_name(in, "kind", entry.kind, parse_entry_kind)) ||
      (error = read_int(in, "at", entry.at, kMinInstant, kMaxInstant)) ||
      (error = read_int(in, "lot", entry.lot, 0, kBig, {}, false)) ||
      (error = read_int(in, "from_lot", entry.from_lot, 0, kBig, {}, false)) ||
      (error = read_int(in, "ticket", entry.ticket, 0, kBig, {}, false)) ||
      (error = read_int(in, "user", entry.user, 0, kBig, {}, false)) ||
      (error = read_int(in, "order", entry.order, 0, kBig, {}, false)) ||
      (error = read_int(in, "amount", entry.amount, -kBig, kBig, {}, false)) ||
      (error = read_name(in, "lot_kind", entry.lot_kind, lot_kind, {}, false)) ||
      (error = read_bool(in, "multi_user", entry.multi_user, {}, false)) ||
      (error = read_bool(in, "settlement", entry.settlement, {}, false)) ||
      (error = read_name(in, "source", entry.source, parse_funding_source, {}, false)) ||
      (error = read_bool(in, "pool", entry.pool, {}, false)) ||
      (error = read_int(in, "expires_at", entry.expires_at, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "period_start", entry.period_start, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "period_end", entry.period_end, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "users", entry.users, 0, kBig, {}, false)) ||
      (error = read_int(in, "cents", entry.cents, -kBig, kBig, {}, false)) ||
      (error = read_name(in, "method", entry.method, parse_payment_method, {}, false)) ||
      (error = read_date(in, "restart_on", entry.restart_on, {}, false)) ||
      (error = read_string(in, "offer_code", entry.offer_code, 64, {}, false)) ||
      (error = read_string(in, "note", entry.note, 10'000, {}, false)))
    return *error;
  return entry;
}

// [SECTION] Issued invoices
json encode(const Invoice& invoice) {
  const auto party = [](const Party& p) {
    return json{{"name", p.name}, {"address", p.address}, {"vat_number", p.vat_number}, {"email", p.email}};
  };
  json lines = json::array();
  for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
    const InvoiceLine& line = invoice.lines[i];
    const InvoiceLineTotals totals =
        i < invoice.totals.lines.size() ? invoice.totals.lines[i] : line_totals(line);
    lines.push_back(json{{"description", line.description},
                         {"quantity", line.quantity},
                         {"unit_price_net", line.unit_price_net},
                         {"vat_rate", line.vat_rate},
                         {"net", totals.net},
                         {"vat", totals.vat},
                         {"gross", totals.gross}});
  }
  return json{{"number", invoice.number},
              {"issued_at", invoice.issued_at},
              {"seller", party(invoice.seller)},
              {"buyer", party(invoice.buyer)},
              {"lines", std::move(lines)},
              {"net", invoice.totals.net},
              {"vat", invoice.totals.vat},
              {"gross", invoice.totals.gross},
              {"payment_method", to_string(invoice.payment_method)},
              {"paid_at", invoice.paid_at},
              {"order", invoice.order_id}};
}

Result<Invoice> decode_invoice(const json& in) {
  if (auto error = require_object(in)) return *error;
  Invoice invoice;
  std::optional<Error> error;
  if ((error = read_string(in, "number", invoice.number, 32)) ||
      (error = read_int(in, "issued_at", invoice.issued_at, kMinInstant, kMaxInstant)) ||
      (error = read_name(in, "payment_method", invoice.payment_method, parse_payment_method)) ||
      (error = read_int(in, "paid_at", invoice.paid_at, kMinInstant, kMaxInstant)) ||
      (error = read_int(in, "order", invoice.order_id, 0, std::int64_t{1} << 53)))
    return *error;
  for (const char* name : {"seller", "buyer"}) {
    const auto found = in.find(name);
    if (found == in.end()) return field_error("required", name);
    if ((error = require_object(*found, name))) return *error;
    Party& party = std::string_view(name) == "seller" ? invoice.seller : invoice.buyer;
    if ((error = read_string(*found, "name", party.name, 1000, name)) ||
        (error = read_string(*found, "address", party.address, 2000, name, false)) ||
        (error = read_string(*found, "vat_number", party.vat_number, 100, name, false)) ||
        (error = read_string(*found, "email", party.email, 254, name, false)))
      return *error;
  }
  const auto lines = in.find("lines");
  if (lines == in.end()) return field_error("required", "lines");
  if (!lines->is_array()) return field_error("invalid_type", "lines");
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string prefix = "lines[" + std::to_string(i) + "]";
    const json& line_json = (*lines)[i];
    InvoiceLine line;
    if ((error = require_object(line_json, prefix)) ||
        (error = read_string(line_json, "description", line.description, 1000, prefix)) ||
        (error = read_int(line_json, "quantity", line.quantity, 1, kMaxCount, prefix)) ||
        (error = read_int(line_json, "unit_price_net", line.unit_price_net, -kMaxCents, kMaxCents, prefix)) ||
        (error = read_int(line_json, "vat_rate", line.vat_rate, 0, 10'000, prefix)))
      return *error;
    invoice.lines.push_back(std::move(line));
  }
  invoice.totals = invoice_totals(invoice.lines);
  for (const auto& [name, computed] :
       {std::pair{"net", invoice.totals.net}, {"vat", invoice.totals.vat}, {"gross", invoice.totals.gross}}) {
    std::int64_t stored = 0;
    if ((error = read_int(in, name, stored, -kMaxCount * kMaxCents, kMaxCount * kMaxCents))) return *error;
    if (stored != computed) return field_error("invalid_value", name);
  }
  // "2026-000042": the year and the sequence come from the number.
  const std::string& number = invoice.number;
  bool well_formed = number.size() == 11 && number[4] == '-';
  for (std::size_t i = 0; well_formed && i < number.size(); ++i)
    well_formed = i == 4 || (number[i] >= '0' && number[i] <= '9');
  if (!well_formed) return field_error("invalid_value", "number");
  for (std::size_t i = 0; i < 4; ++i) invoice.year = invoice.year * 10 + (number[i] - '0');
  for (std::size_t i = 5; i < 11; ++i) invoice.sequence = invoice.sequence * 10 + (number[i] - '0');
  return invoice;
}

}  // namespace tessera::codec
