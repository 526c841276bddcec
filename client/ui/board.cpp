// The transparency board (everyone): what it is, the downloads (CSV, JSON), the overall
// figures, charts of the aggregates — median and 90th-percentile first response per month,
// median first response and share within the SLA per criticality, average rating per month,
// the rating distribution — (two charts a row on a desktop, one column on a phone), then the
// closed tickets page by page with their published comments. Loading, an empty board and an
// unreachable server each have their own words.
#include <algorithm>

#include "tessera/public_site.hpp"
#include "ui/charts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

using tessera::BoardAggregate;

std::vector<ChartBar> minutes_bars(App& app, const std::vector<BoardAggregate>& groups, bool p90) {
  std::vector<ChartBar> bars;
  for (const auto& group : groups) {
    const auto minutes = p90 ? group.p90_first_response : group.median_first_response;
    if (!minutes) continue;
    bars.push_back({site::group_label(group.group, app.language), static_cast<double>(*minutes),
                    site::duration_text(minutes, app.language)});
  }
  return bars;
}

std::vector<ChartBar> sla_bars(App& app, const std::vector<BoardAggregate>& groups) {
  std::vector<ChartBar> bars;
  for (const auto& group : groups)
    bars.push_back({site::group_label(group.group, app.language), static_cast<double>(group.within_sla_per_mille),
                    site::per_mille_text(group.within_sla_per_mille, app.language)});
  return bars;
}

std::vector<ChartBar> rating_bars(App& app, const std::vector<BoardAggregate>& groups) {
  std::vector<ChartBar> bars;
  for (const auto& group : groups) {
    if (group.rated == 0) continue;
    bars.push_back({site::group_label(group.group, app.language), static_cast<double>(group.average_rating_hundredths) / 100.0,
                    site::rating_text(group.average_rating_hundredths, app.language)});
  }
  return bars;
}

std::vector<ChartBar> distribution_bars(const BoardAggregate& all) {
  std::vector<ChartBar> bars;
  for (int stars = 5; stars >= 1; --stars) {
    const auto count = all.rating_counts[static_cast<std::size_t>(stars - 1)];
    bars.push_back({std::to_string(stars) + "/5", static_cast<double>(count), std::to_string(count)});
  }
  return bars;
}

void chart_heading(App& app, std::string_view key) {
  ImGui::TextWrapped("%s", std::string(app.text(key)).c_str());
}

// Charts two by two on a desktop, one under the other on a phone.
void charts(App& app, const site::BoardPage& board) {
  const std::string empty(app.text("site.board.chart_empty"));
  const float height = 9.0f * ImGui::GetTextLineHeight();
  struct Chart {
    std::string_view key;
    std::function<void()> draw;
  };
  const Chart list[] = {
      {"site.board.chart.median",
       [&] { bar_chart(app, "board.chart.median_month", minutes_bars(app, board.by_month, false), height, empty); }},
      {"site.board.chart.p90",
       [&] { bar_chart(app, "board.chart.p90_month", minutes_bars(app, board.by_month, true), height, empty); }},
      {"site.board.chart.criticality",
       [&] { horizontal_bars(app, "board.chart.criticality", minutes_bars(app, board.by_criticality, false), empty); }},
      {"site.board.chart.sla",
       [&] { horizontal_bars(app, "board.chart.sla", sla_bars(app, board.by_criticality), empty, 1000.0); }},
      {"site.board.chart.rating",
       [&] { bar_chart(app, "board.chart.rating_month", rating_bars(app, board.by_month), height, empty, 5.0); }},
      {"site.board.chart.distribution",
       [&] { horizontal_bars(app, "board.chart.distribution", board.all.rated > 0 ? distribution_bars(board.all)
                                                                                   : std::vector<ChartBar>{}, empty); }},
  };
  const int columns = compact_layout() ? 1 : 2;
  if (!ImGui::BeginTable("##charts", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) return;
  for (const auto& chart : list) {
    ImGui::TableNextColumn();
    chart_heading(app, chart.key);
    chart.draw();
    ImGui::Spacing();
    ImGui::Spacing();
  }
  ImGui::EndTable();
}

void overall(App& app, const BoardAggregate& all) {
  recorded_text(app, "board.summary",
                app.format("site.board.summary",
                           {{"tickets", std::to_string(all.tickets)},
                            {"median", site::duration_text(all.median_first_response, app.language)},
                            {"within_sla", site::per_mille_text(all.within_sla_per_mille, app.language)}}),
                true);
  recorded_text(app, "board.rating",
                all.rated > 0 ? app.format("site.board.average_of",
                                           {{"rating", site::rating_text(all.average_rating_hundredths, app.language)},
                                            {"count", std::to_string(all.rated)}})
                              : std::string(app.text("site.board.no_rating")),
                true);
  help_text(std::string(app.text("site.board.sla_note")));
}

void row_card(App& app, const BoardRow& row) {
  const std::string id = "board.row." + row.reference;
  draw_card(app, id, [&] {
    ImGui::TextUnformatted(row.reference.c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", app.format("site.board.row",
                                        {{"category", std::string(app.text("category." + std::string(to_string(row.category))))},
                                         {"criticality", std::string(app.text("criticality." + std::string(to_string(row.criticality))))},
                                         {"language", std::string(app.text("language." + std::string(to_string(row.language))))},
                                         {"month", site::group_label(row.month_opened, app.language)}})
                                 .c_str());
    ImGui::PopStyleColor();
    const std::string sla(app.text(row.within_sla ? "site.board.within_sla" : "site.board.outside_sla"));
    ImGui::PushStyleColor(ImGuiCol_Text, row.within_sla ? palette().text : palette().warning);
    ImGui::TextWrapped("%s", app.format("site.board.row_times",
                                        {{"first_response", site::duration_text(row.first_response_minutes, app.language)},
                                         {"resolution", site::duration_text(row.resolution_minutes, app.language)},
                                         {"sla", sla}})
                                 .c_str());
    ImGui::PopStyleColor();
    if (row.rating) ImGui::TextUnformatted(app.format("site.board.rating_line", {{"rating", std::to_string(*row.rating)}}).c_str());
    if (row.comment) recorded_text(app, id + ".comment", "« " + *row.comment + " »", true);
  });
}

void rows(App& app, const site::BoardPage& board) {
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text("site.board.tickets")).c_str()); });
  const std::size_t per_page = public_site::kBoardRowsPerPage;
  const std::size_t pages = std::max<std::size_t>(1, (board.total + per_page - 1) / per_page);
  const std::size_t page = std::min(pages, board.offset / per_page + 1);
  recorded_text(app, "board.range",
                app.format("site.board.range", {{"first", std::to_string(board.offset + 1)},
                                                {"last", std::to_string(board.offset + board.rows.size())},
                                                {"total", std::to_string(board.total)}}));
  for (const auto& row : board.rows) {
    row_card(app, row);
    ImGui::Spacing();
  }
  if (pages <= 1) return;
  const bool busy = app.busy("public.board");
  ImGui::BeginDisabled(page <= 1 || busy);
  if (button(app, "board.previous", "site.board.previous")) public_site::load_board(app, board.offset - std::min(board.offset, per_page));
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  recorded_text(app, "board.page", app.format("site.board.page_of", {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}}));
  ImGui::SameLine();
  ImGui::BeginDisabled(page >= pages || busy);
  if (button(app, "board.next", "site.board.next")) public_site::load_board(app, board.offset + per_page);
  ImGui::EndDisabled();
}

}  // namespace

void draw_board(App& app) {
  title(app, "site.board.title");
  ImGui::TextWrapped("%s", std::string(app.text("site.board.intro")).c_str());
  ImGui::Spacing();
  if (button(app, "board.csv", "site.board.download_csv")) public_site::download_board(app, true);
  ImGui::SameLine();
  if (button(app, "board.json", "site.board.download_json")) public_site::download_board(app, false);
  ImGui::Spacing();
  const auto& area = app.site;
  if (draw_fetch_state(app, area.board_fetch, area.board.has_value(), "board", "site.board.error"))
    public_site::load_board(app, area.board_offset);
  if (!area.board) return;
  const auto& board = *area.board;
  if (board.total == 0) {
    recorded_text(app, "board.empty", std::string(app.text("site.board.empty")), true);
    return;
  }
  overall(app, board.all);
  ImGui::Spacing();
  charts(app, board);
  ImGui::Separator();
  ImGui::Spacing();
  rows(app, board);
}

}  // namespace tessera::client::ui
