// Revenue by month (the admin's numbers): the invoices issued, summed per calendar month of
// issue (UTC, as invoices are numbered per calendar year), net and gross, oldest month first.
// Pure: the server hands it the invoices' figures.
#pragma once
#include <string>
#include <vector>

#include "tessera/units.hpp"

namespace tessera {

struct InvoiceFigures {
  Instant issued_at = 0;
  Cents net = 0;
  Cents gross = 0;
};

struct MonthRevenue {
  std::string month;  // "2026-11"
  std::int64_t invoices = 0;
  Cents net = 0;
  Cents gross = 0;
  bool operator==(const MonthRevenue&) const = default;
};

// Months with no invoice between two that have some are listed with zeros, so a chart of
// them keeps its time axis.
std::vector<MonthRevenue> revenue_by_month(const std::vector<InvoiceFigures>& invoices);

}  // namespace tessera
