// Revenue by month (the admin's numbers): invoices summed per calendar month of issue, the
// months in between kept with zeros so a chart keeps its time axis.
#include <boost/test/unit_test.hpp>

#include "tessera/dates.hpp"
#include "tessera/revenue.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(revenue)

BOOST_AUTO_TEST_CASE(invoices_are_summed_by_month_of_issue_with_empty_months_kept) {
  const std::vector<InvoiceFigures> invoices{
      {utc_instant(Date{2026, 11, 30}, 23, 59), 4'000, 4'800},
      {utc_instant(Date{2026, 9, 2}, 8, 0), 1'000, 1'200},
      {utc_instant(Date{2026, 11, 1}, 0, 0), 2'000, 2'400},
      {utc_instant(Date{2027, 1, 1}, 0, 0), 500, 600},
  };
  const std::vector<MonthRevenue> expected{
      {"2026-09", 1, 1'000, 1'200}, {"2026-10", 0, 0, 0}, {"2026-11", 2, 6'000, 7'200},
      {"2026-12", 0, 0, 0},         {"2027-01", 1, 500, 600},
  };
  BOOST_TEST((revenue_by_month(invoices) == expected));
}

BOOST_AUTO_TEST_CASE(no_invoice_no_month) { BOOST_TEST(revenue_by_month({}).empty()); }

BOOST_AUTO_TEST_SUITE_END()
