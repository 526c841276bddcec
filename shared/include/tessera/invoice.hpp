// Money and invoices (SPEC §1.6): rounding half-up to the cent, VAT per line in basis points
// (2000 = 20 %), invoice totals (net, VAT, gross) and the gapless number "2026-000001"
// given the year and the sequence within it. Invoices are values: once built, never edited.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

using BasisPoints = std::int64_t;  // 1/100 of a percent: 2000 = 20 %
constexpr BasisPoints kDefaultVatRate = 2000;

// numerator / denominator rounded half away from zero (half-up for the non-negative
// amounts of the product). denominator must be > 0.
std::int64_t divide_rounding_half_up(std::int64_t numerator, std::int64_t denominator);

// VAT on a net amount, rounded half-up to the cent: vat_cents(1005, 2000) = 201.
Cents vat_cents(Cents net, BasisPoints rate);

// `amount` for `days_left` out of `days_in_period`, rounded half-up (SPEC §1.2 pro rata).
Cents prorate_cents(Cents amount, std::int64_t days_left, std::int64_t days_in_period);

// "12,34 €" / "€12.34" style is the client's business; this is the plain "12.34".
std::string format_cents(Cents amount);

enum class PaymentMethod { paypal, bank_transfer, check };
std::string_view to_string(PaymentMethod method);
std::optional<PaymentMethod> parse_payment_method(std::string_view text);

struct InvoiceLine {
  std::string description;
  std::int64_t quantity = 1;
  Cents unit_price_net = 0;
  BasisPoints vat_rate = kDefaultVatRate;
  bool operator==(const InvoiceLine&) const = default;
};

struct InvoiceLineTotals {
  Cents net = 0;
  Cents vat = 0;
  Cents gross = 0;
  bool operator==(const InvoiceLineTotals&) const = default;
};

struct InvoiceTotals {
  std::vector<InvoiceLineTotals> lines;
  Cents net = 0;
  Cents vat = 0;  // the sum of the per-line VAT amounts (VAT is rounded per line)
  Cents gross = 0;
};

struct Party {
  std::string name;
  std::string address;
  std::string vat_number;  // may be empty (private customers)
  std::string email;
  bool operator==(const Party&) const = default;
};

struct Invoice {
  std::string number;  // "2026-000001"
  int year = 0;
  std::int64_t sequence = 0;
  Instant issued_at = 0;
  Party seller;
  Party buyer;
  std::vector<InvoiceLine> lines;
  InvoiceTotals totals;
  PaymentMethod payment_method = PaymentMethod::paypal;
  Instant paid_at = 0;
  Id order_id = 0;
};

InvoiceLineTotals line_totals(const InvoiceLine& line);
InvoiceTotals invoice_totals(const std::vector<InvoiceLine>& lines);

// "2026-000001". Sequences start at 1 each calendar year; 999999 is the last one.
std::string format_invoice_number(int year, std::int64_t sequence);
// The sequence the next invoice of `year` takes, given the last one issued in that year
// (0 when none yet): gapless by construction.
std::int64_t next_invoice_sequence(std::int64_t last_sequence_of_year);

struct InvoiceRequest {
  Party seller;
  Party buyer;
  std::vector<InvoiceLine> lines;
  PaymentMethod payment_method = PaymentMethod::paypal;
  Instant paid_at = 0;
  Id order_id = 0;
};

// Build the invoice of a paid order. Errors: "invoice_without_lines",
// "invalid_quantity" / "invalid_price" / "invalid_vat_rate" (field "lines[i]..."),
// "invoice_sequence_exhausted".
// The year is issued_at's year in UTC; pass `year` explicitly to number by the business's
// local calendar (an invoice issued at 00:30 on 1 January in Paris is 23:30 UTC the day before).
Result<Invoice> build_invoice(const InvoiceRequest& request, std::int64_t last_sequence_of_year, Instant issued_at);
Result<Invoice> build_invoice(const InvoiceRequest& request, std::int64_t last_sequence_of_year, Instant issued_at,
                              int year);

}  // namespace tessera
