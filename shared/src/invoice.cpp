// Money rounding, VAT and invoice numbering (see invoice.hpp).
#include "tessera/invoice.hpp"

#include <array>

#include "tessera/dates.hpp"

namespace tessera {

std::int64_t divide_rounding_half_up(std::int64_t numerator, std::int64_t denominator) {
  const std::int64_t magnitude = numerator < 0 ? -numerator : numerator;
  const std::int64_t rounded = (2 * magnitude + denominator) / (2 * denominator);
  return numerator < 0 ? -rounded : rounded;
}

Cents vat_cents(Cents net, BasisPoints rate) { return divide_rounding_half_up(net * rate, 10'000); }

Cents prorate_cents(Cents amount, std::int64_t days_left, std::int64_t days_in_period) {
  if (days_in_period <= 0 || days_left <= 0) return 0;
  if (days_left >= days_in_period) return amount;
  return divide_rounding_half_up(amount * days_left, days_in_period);
}

std::string format_cents(Cents amount) {
  const Cents magnitude = amount < 0 ? -amount : amount;
  std::string text = amount < 0 ? "-" : "";
  text += std::to_string(magnitude / 100);
  text += magnitude % 100 < 10 ? ".0" : ".";
  text += std::to_string(magnitude % 100);
  return text;
}

namespace {
constexpr std::array<std::pair<PaymentMethod, std::string_view>, 3> kMethods{
    {{PaymentMethod::paypal, "paypal"},
     {PaymentMethod::bank_transfer, "bank_transfer"},
     {PaymentMethod::check, "check"}}};
}

std::string_view to_string(PaymentMethod method) {
  for (const auto& [candidate, name] : kMethods)
    if (candidate == method) return name;
  return "?";
}

std::optional<PaymentMethod> parse_payment_method(std::string_view text) {
  for (const auto& [candidate, name] : kMethods)
    if (name == text) return candidate;
  return std::nullopt;
}

InvoiceLineTotals line_totals(const InvoiceLine& line) {
  const Cents net = line.quantity * line.unit_price_net;
  const Cents vat = vat_cents(net, line.vat_rate);
  return InvoiceLineTotals{net, vat, net + vat};
}

InvoiceTotals invoice_totals(const std::vector<InvoiceLine>& lines) {
  InvoiceTotals totals;
  for (const InvoiceLine& line : lines) {
    const InvoiceLineTotals one = line_totals(line);
    totals.lines.push_back(one);
    totals.net += one.net;
    totals.vat += one.vat;
    totals.gross += one.gross;
  }
  return totals;
}

std::string format_invoice_number(int year, std::int64_t sequence) {
  const std::string digits = std::to_string(sequence);
  std::string number = std::to_string(year);
  number += '-';
  if (digits.size() < 6) number.append(6 - digits.size(), '0');
  number += digits;
  return number;
}

std::int64_t next_invoice_sequence(std::int64_t last_sequence_of_year) {
  return last_sequence_of_year < 0 ? 1 : last_sequence_of_year + 1;
}

Result<Invoice> build_invoice(const InvoiceRequest& request, std::int64_t last_sequence_of_year, Instant issued_at) {
  return build_invoice(request, last_sequence_of_year, issued_at, utc_date_of(issued_at).year);
}

Result<Invoice> build_invoice(const InvoiceRequest& request, std::int64_t last_sequence_of_year, Instant issued_at,
                              int year) {
  if (request.lines.empty()) return make_error("invoice_without_lines", "lines");
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const InvoiceLine& line = request.lines[i];
    const std::string prefix = "lines[" + std::to_string(i) + "].";
    if (line.quantity < 1 || line.quantity > 1'000'000) return make_error("invalid_quantity", prefix + "quantity");
    if (line.unit_price_net < 0 || line.unit_price_net > 100'000'000)
      return make_error("invalid_price", prefix + "unit_price_net");
    if (line.vat_rate < 0 || line.vat_rate > 10'000) return make_error("invalid_vat_rate", prefix + "vat_rate");
  }
  const std::int64_t sequence = next_invoice_sequence(last_sequence_of_year);
  if (sequence > 999'999) return make_error("invoice_sequence_exhausted");
  Invoice invoice;
  if (year < 1 || year > 9999) return make_error("invalid_value", "year");
  invoice.year = year;
  invoice.sequence = sequence;
  invoice.number = format_invoice_number(invoice.year, sequence);
  invoice.issued_at = issued_at;
  invoice.seller = request.seller;
  invoice.buyer = request.buyer;
  invoice.lines = request.lines;
  invoice.totals = invoice_totals(request.lines);
  invoice.payment_method = request.payment_method;
  invoice.paid_at = request.paid_at;
  invoice.order_id = request.order_id;
  return invoice;
}

}  // namespace tessera
