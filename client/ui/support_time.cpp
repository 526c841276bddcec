// Support time (customers): what is left — the trial and its end, the subscription's period
// and users, ticket units and minutes per lot with their expiry, the overrun owed ("45 min
// over") —, the next expiry highlighted, a warning when less than 20 % of a purchase is left,
// and the history of every credit and debit with the running balance; a ticket's line opens
// its cost statement.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

constexpr std::int64_t kLowShareOfPurchase = 20;  // percent: below it, a lot is "running low"

bool running_low(const LotView& lot) { return !lot.expired && lot.bought > 0 && lot.left * 100 < lot.bought * kLowShareOfPurchase; }

// One line of the summary: a label and its value, coloured by tone, recorded under `id`.
void summary_line(App& app, std::string_view id, std::string_view key, const std::string& value, Tone tone = Tone::info) {
  ImGui::TextDisabled("%s", std::string(app.text(key)).c_str());
  ImGui::SameLine();
  if (tone != Tone::info) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
  recorded_text(app, id, value, true);
  if (tone != Tone::info) ImGui::PopStyleColor();
}

void draw_summary(App& app, const wire::Balances& balances) {
  const Instant now = static_cast<Instant>(app.browser().now_ms() / 1000);
  if (balances.trial_minutes_granted > 0) {
    const bool over = balances.trial_expires_at != 0 && balances.trial_expires_at <= now;
    summary_line(app, "money.trial", "money.time.trial",
                 over ? std::string(app.text("money.time.trial_over"))
                      : app.format("money.time.trial_value", {{"left", std::to_string(balances.trial_minutes_left)},
                                                              {"granted", std::to_string(balances.trial_minutes_granted)},
                                                              {"date", money::date_text(app, balances.trial_expires_at)}}));
  }
  if (balances.subscription != SubscriptionPhase::none) {
    const std::string phase(app.text("money.subscription.phase." + std::string(to_string(balances.subscription))));
    summary_line(app, "money.subscription", "money.time.subscription",
                 app.format("money.time.subscription_value", {{"phase", phase},
                                                              {"date", money::date_text(app, balances.subscription_period_end)},
                                                              {"users", std::to_string(balances.subscription_user_limit)}}),
                 balances.subscription == SubscriptionPhase::suspended ? Tone::danger : Tone::info);
  }
  summary_line(app, "money.units", "money.time.units",
               balances.units_reserved > 0
                   ? app.format("money.time.units_reserved", {{"count", std::to_string(balances.units_available)},
                                                              {"reserved", std::to_string(balances.units_reserved)}})
                   : amount_text(app, BalanceKind::units, balances.units_available));
  summary_line(app, "money.minutes", "money.time.minutes", amount_text(app, BalanceKind::bank_minutes, balances.bank_minutes_available));
  if (balances.overrun_minutes > 0) {
    summary_line(app, "money.overrun", "money.time.overrun", amount_text(app, BalanceKind::overrun, balances.overrun_minutes),
                 Tone::danger);
    help_text(std::string(app.text("money.time.overrun_help")));
  }
}

// The next lot to expire, highlighted; lots running low, warned.
void draw_expiry_notes(App& app, const std::vector<LotView>& lots) {
  const auto next = std::find_if(lots.begin(), lots.end(), [](const LotView& lot) { return !lot.expired && lot.left > 0; });
  if (next != lots.end())
    notice_banner(app, "money.next_expiry",
                  app.format("money.time.next_expiry", {{"what", lot_name(app, *next)},
                                                        {"left", amount_text(app, next->kind == LotKind::ticket_units ? BalanceKind::units : BalanceKind::bank_minutes, next->left)},
                                                        {"date", money::date_text(app, next->expires_at)}}),
                  Tone::warning);
  for (const auto& lot : lots)
    if (running_low(lot) && lot.kind != LotKind::trial_minutes)
      notice_banner(app, "money.low." + std::to_string(lot.id),
                    app.format("money.time.running_low", {{"what", lot_name(app, lot)}, {"percent", std::to_string(kLowShareOfPurchase)}}),
                    Tone::warning);
}

// A section's title, then its empty text when it has nothing: true when it has rows to draw.
bool section_has_rows(App& app, std::string_view title_key, bool empty, std::string_view empty_key) {
  ImGui::TextUnformatted(std::string(app.text(title_key)).c_str());
  if (!empty) return true;
  help_text(std::string(app.text(empty_key)));
  return false;
}

void draw_lots(App& app, const std::vector<LotView>& lots) {
  if (!section_has_rows(app, "money.time.lots", lots.empty(), "money.time.no_lots")) return;
  const bool compact = compact_layout();
  const auto next = std::find_if(lots.begin(), lots.end(), [](const LotView& lot) { return !lot.expired && lot.left > 0; });
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##lots", compact ? 2 : 4, kFlags)) return;
  ImGui::TableSetupColumn(std::string(app.text("money.time.column.lot")).c_str());
  if (!compact) ImGui::TableSetupColumn(std::string(app.text("money.time.column.used")).c_str());
  ImGui::TableSetupColumn(std::string(app.text("money.time.column.left")).c_str());
  if (!compact) ImGui::TableSetupColumn(std::string(app.text("money.time.column.expires")).c_str());
  ImGui::TableHeadersRow();
  for (const auto& lot : lots) {
    const BalanceKind kind = lot.kind == LotKind::ticket_units ? BalanceKind::units : BalanceKind::bank_minutes;
    const bool highlighted = next != lots.end() && next->id == lot.id;
    ImGui::TableNextRow();
    if (highlighted) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(palette().brand_soft));
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", lot_name(app, lot).c_str());
    if (compact) ImGui::TextDisabled("%s", app.format("money.time.expires_on", {{"date", money::date_text(app, lot.expires_at)}}).c_str());
    if (!compact) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(amount_text(app, kind, lot.used).c_str());
    }
    ImGui::TableNextColumn();
    const std::string left = lot.expired ? std::string(app.text("money.time.expired")) : amount_text(app, kind, lot.left);
    if (lot.expired || running_low(lot)) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(lot.expired ? Tone::danger : Tone::warning));
    recorded_text(app, "money.lot." + std::to_string(lot.id) + ".left", left);
    if (lot.expired || running_low(lot)) ImGui::PopStyleColor();
    if (!compact) {
      ImGui::TableNextColumn();
      recorded_text(app, "money.lot." + std::to_string(lot.id) + ".expires", money::date_text(app, lot.expires_at));
    }
  }
  ImGui::EndTable();
  ImGui::Spacing();
}

void draw_history(App& app, const std::vector<HistoryLine>& history) {
  if (!section_has_rows(app, "money.time.history", history.empty(), "money.time.no_history")) return;
  const bool compact = compact_layout();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##history", compact ? 2 : 4, kFlags)) return;
  ImGui::TableSetupColumn(std::string(app.text("money.time.column.what")).c_str());
  if (!compact) ImGui::TableSetupColumn(std::string(app.text("money.time.column.change")).c_str());
  ImGui::TableSetupColumn(std::string(app.text("money.time.column.balance")).c_str());
  if (!compact) ImGui::TableSetupColumn("##cost", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  Id to_open = 0;
  // Newest first: what just happened is on top.
  for (std::size_t index = history.size(); index-- > 0;) {
    const auto& line = history[index];
    const std::string row = std::to_string(index);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", app.local_time(line.at).c_str());
    recorded_text(app, "money.history." + row, history_text(app, line), true);
    const bool money_line = line.balance_kind != BalanceKind::subscription;
    const std::int64_t size = line.change > 0 ? line.change : -line.change;
    const std::string change = money_line ? std::string(line.change > 0 ? "+" : "-") + amount_text(app, line.balance_kind, size) : std::string();
    // A credit is good news, except more overrun owed.
    const Tone tone = (line.change > 0) == (line.balance_kind != BalanceKind::overrun) ? Tone::success : Tone::danger;
    const auto draw_change = [&] {
      if (!money_line) return;
      ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
      recorded_text(app, "money.history." + row + ".change", change);
      ImGui::PopStyleColor();
    };
    if (compact) draw_change();
    else {
      ImGui::TableNextColumn();
      draw_change();
    }
    ImGui::TableNextColumn();
    recorded_text(app, "money.history." + row + ".balance", money_line ? amount_text(app, line.balance_kind, line.balance) : std::string());
    if (!compact) ImGui::TableNextColumn();
    if (line.ticket != 0 && button(app, "money.history." + row + ".cost", "money.time.cost")) to_open = line.ticket;
  }
  ImGui::EndTable();
  if (to_open != 0) app.navigate("/time/tickets/" + std::to_string(to_open));
}

}  // namespace

void draw_support_time(App& app) {
  title(app, "money.time.title");
  money_links(app, "support_time");
  if (!app.session.me) return;
  const auto& balances = app.session.me->balances;
  draw_summary(app, balances);
  ImGui::Spacing();
  if (!app.session.me->user.account_owner) {  // the lots and the history are the owner's
    help_text(std::string(app.text("money.time.owner_only")));
    return;
  }
  const auto& ledger = app.money.ledger;
  if (!fetch_state(app, "money.ledger", ledger.ready(), ledger.error, app.busy("money.ledger"), [&app] { money::load_time(app); }))
    return;
  const auto& view = *ledger.value;
  const bool nothing_bought = std::none_of(view.lots.begin(), view.lots.end(), [](const LotView& lot) { return lot.kind != LotKind::trial_minutes; }) &&
                              balances.subscription == SubscriptionPhase::none;
  if (nothing_bought) {
    notice_banner(app, "money.empty", std::string(app.text("money.time.nothing_bought")), Tone::info);
    if (submit_button(app, "money.empty.buy", "money.time.buy_first")) app.navigate("/buy");
    ImGui::Spacing();
  }
  draw_expiry_notes(app, view.lots);
  ImGui::Spacing();
  draw_lots(app, view.lots);
  draw_history(app, view.history);
}

}  // namespace tessera::client::ui
