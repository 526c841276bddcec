// The numbers: open tickets by effective criticality (the queue), this month's first-response
// times and share within the SLA (the transparency board's aggregates, per criticality for all
// months), and revenue by month from the invoices — as charts whose values are written on them.
#include <cstdlib>
#include <string>

#include "tessera/dates.hpp"
#include "tessera/invoice.hpp"
#include "ui/charts.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string minutes_text(App& app, const nlohmann::json& value) {
  if (!value.is_number_integer()) return std::string(app.text("admin.numbers.none"));
  return app.format("admin.numbers.minutes", {{"minutes", std::to_string(value.get<std::int64_t>())}});
}

void section(App& app, std::string_view id, std::string_view key) {
  ImGui::Spacing();
  with_title_font([&] { recorded_text(app, id, std::string(app.text(key))); });
}

void loading_or_failed(App& app, std::string_view kind) {
  ImGui::TextDisabled("%s", std::string(app.text(app.busy(kind) ? "common.loading" : "admin.load_failed")).c_str());
}

void open_tickets(App& app) {
  const auto& numbers = app.admin.numbers;
  section(app, "numbers.open", "admin.numbers.open");
  if (!numbers.queue_loaded) return loading_or_failed(app, "admin.numbers.queue");
  std::vector<ChartBar> bars;
  for (const Criticality level : {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}) {
    std::int64_t count = 0;
    for (const auto& ticket : numbers.open)
      if (ticket.triage.value_or(ticket.criticality) == level) ++count;
    bars.push_back(ChartBar{std::string(app.text("criticality." + std::string(to_string(level)))),
                            static_cast<double>(count), std::to_string(count)});
  }
  recorded_text(app, "numbers.open_total", app.format("admin.numbers.open_total", {{"count", std::to_string(numbers.open_total)}}));
  horizontal_bars(app, "numbers.open_chart", numbers.open.empty() ? std::vector<ChartBar>{} : bars,
                  std::string(app.text("admin.numbers.no_open")));
  if (numbers.sla_known)
    notice_banner(app, "numbers.overdue", app.format("admin.numbers.overdue", {{"count", std::to_string(numbers.overdue)}}),
                  numbers.overdue > 0 ? Tone::danger : Tone::success);
  help_text(std::string(app.text("admin.numbers.open_help")));
}

void response_times(App& app) {
  const auto& numbers = app.admin.numbers;
  section(app, "numbers.response", "admin.numbers.response");
  if (!numbers.board_loaded) return loading_or_failed(app, "admin.numbers.board");
  const auto now = static_cast<Instant>(app.browser().now_ms() / 1000);
  const std::string month = month_key(utc_date_of(now));
  const nlohmann::json* this_month = nullptr;
  if (const auto found = numbers.board.find("by_month"); found != numbers.board.end() && found->is_array())
    for (const auto& aggregate : *found)
      if (aggregate.value("group", "") == month) this_month = &aggregate;
  if (!this_month) {
    help_text(app.format("admin.numbers.no_month", {{"month", month}}));
  } else {
    recorded_text(app, "numbers.month",
                  app.format("admin.numbers.month_line",
                             {{"month", month},
                              {"tickets", std::to_string(this_month->value("tickets", 0))},
                              {"median", minutes_text(app, this_month->value("median_first_response_minutes", nlohmann::json()))},
                              {"p90", minutes_text(app, this_month->value("p90_first_response_minutes", nlohmann::json()))},
                              {"within", std::to_string(this_month->value("within_sla_per_mille", 0) / 10)}}),
                  true);
  }
  std::vector<ChartBar> medians;
  std::vector<ChartBar> within;
  if (const auto found = numbers.board.find("by_criticality"); found != numbers.board.end() && found->is_array())
    for (const auto& aggregate : *found) {
      const std::string name(app.text("criticality." + aggregate.value("group", std::string("normal"))));
      const auto& median = aggregate.value("median_first_response_minutes", nlohmann::json());
      medians.push_back(ChartBar{name, median.is_number() ? median.get<double>() : 0.0, minutes_text(app, median)});
      const auto per_mille = aggregate.value("within_sla_per_mille", 0);
      within.push_back(ChartBar{name, per_mille / 10.0, std::to_string(per_mille / 10) + " %"});
    }
  ImGui::TextUnformatted(std::string(app.text("admin.numbers.median_by_level")).c_str());
  bar_chart(app, "numbers.median_chart", medians, 140.0f, std::string(app.text("admin.numbers.no_closed")));
  ImGui::TextUnformatted(std::string(app.text("admin.numbers.within_by_level")).c_str());
  horizontal_bars(app, "numbers.within_chart", within, std::string(app.text("admin.numbers.no_closed")), 100.0);
}

void revenue(App& app) {
  const auto& numbers = app.admin.numbers;
  section(app, "numbers.revenue", "admin.numbers.revenue");
  if (!numbers.revenue_loaded) return loading_or_failed(app, "admin.numbers.revenue");
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<ChartBar> bars;
  Cents total = 0;
  for (const auto& month : numbers.revenue) {
    std::string name = month.month;
    if (month.month.size() == 7) {
      const int index = std::atoi(month.month.substr(5).c_str());
      if (index >= 1 && index <= 12)
        name = std::string(app.text("month." + std::string(kMonths[index - 1]))) + " " + month.month.substr(2, 2);
    }
    bars.push_back(ChartBar{name, static_cast<double>(month.gross), format_cents(month.gross) + " €"});
    total += month.gross;
  }
  bar_chart(app, "numbers.revenue_chart", bars, 160.0f, std::string(app.text("admin.numbers.no_revenue")));
  if (!bars.empty())
    recorded_text(app, "numbers.revenue_total", app.format("admin.numbers.revenue_total", {{"amount", format_cents(total)}}));
  help_text(std::string(app.text("admin.numbers.revenue_help")));
}

}  // namespace

void draw_admin_numbers(App& app) {
  title(app, "admin.numbers.title");
  if (button(app, "numbers.refresh", "common.refresh")) admin::load_numbers(app);
  open_tickets(app);
  response_times(app);
  revenue(app);
}

}  // namespace tessera::client::ui
