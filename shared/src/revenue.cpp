// Revenue by month (see revenue.hpp).
#include "tessera/revenue.hpp"

#include <map>

#include "tessera/dates.hpp"

namespace tessera {

std::vector<MonthRevenue> revenue_by_month(const std::vector<InvoiceFigures>& invoices) {
  std::map<std::pair<int, int>, MonthRevenue> months;
  for (const InvoiceFigures& invoice : invoices) {
    const Date day = utc_date_of(invoice.issued_at);
    auto& month = months[{day.year, day.month}];
    month.month = month_key(day);
    ++month.invoices;
    month.net += invoice.net;
    month.gross += invoice.gross;
  }
  std::vector<MonthRevenue> out;
  for (const auto& [key, month] : months) {
    if (!out.empty()) {  // the empty months in between
      const Date next{key.first, key.second, 1};
      Date gap = add_months_clamped(*parse_iso_date(out.back().month + "-01"), 1);
      while (gap < next) {
        out.push_back(MonthRevenue{month_key(gap), 0, 0, 0});
        gap = add_months_clamped(gap, 1);
      }
    }
    out.push_back(month);
  }
  return out;
}

}  // namespace tessera
