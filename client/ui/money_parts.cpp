// Parts the money screens share: the states of something fetched (loading, error with Retry),
// a lot's name, what a history line means, and a row of links between the money screens.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

bool fetch_state(App& app, std::string_view id, bool ready, const std::optional<Error>& error, bool busy,
                 const std::function<void()>& retry) {
  if (error && !ready) {
    notice_banner(app, std::string(id) + ".error", app.error_text(*error), Tone::danger);
    if (button(app, std::string(id) + ".retry", "money.retry")) retry();
    return false;
  }
  if (!ready) {
    ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    app.record().texts[std::string(id) + ".state"] = busy ? "loading" : "waiting";
    return false;
  }
  return true;
}

std::string lot_name(App& app, const LotView& lot) {
  switch (lot.kind) {
    case LotKind::trial_minutes: return app.format("money.lot.trial", {{"minutes", std::to_string(lot.bought)}});
    case LotKind::bank_minutes: return app.format("money.lot.minutes", {{"minutes", std::to_string(lot.bought)}});
    case LotKind::ticket_units:
      return app.format(lot.multi_user ? "money.lot.units_pool" : "money.lot.units", {{"units", std::to_string(lot.bought)}});
  }
  return {};
}

std::string amount_text(App& app, BalanceKind kind, std::int64_t amount) {
  switch (kind) {
    case BalanceKind::units: return app.format("money.amount.units", {{"count", std::to_string(amount)}});
    case BalanceKind::overrun: return app.format("money.amount.over", {{"minutes", std::to_string(amount)}});
    case BalanceKind::bank_minutes:
    case BalanceKind::trial_minutes: return app.format("money.amount.minutes", {{"minutes", std::to_string(amount)}});
    case BalanceKind::subscription: return {};
  }
  return {};
}

std::string history_text(App& app, const HistoryLine& line) {
  const std::string key = "money.history." + std::string(to_string(line.kind));
  std::map<std::string, std::string> params{{"ticket", wire::ticket_reference(line.ticket)},
                                            {"order", order_reference(line.order)},
                                            {"users", std::to_string(line.users)},
                                            {"date", money::date_text(app, line.period_end)},
                                            {"what", std::string(app.text("money.balance_kind." + std::string(to_string(line.balance_kind))))}};
  return app.format(key, params);
}

void money_links(App& app, std::string_view current) {
  bool first = true;
  for (const auto& [screen, address, key] : {std::tuple{"support_time", "/time", "money.time.title"},
                                             std::tuple{"buy", "/buy", "money.buy.title"},
                                             std::tuple{"invoices", "/invoices", "money.invoices.title"},
                                             std::tuple{"subscription", "/subscription", "money.subscription.title"}}) {
    if (current == screen) continue;
    if (!first) same_line_if_fits(std::string(app.text(key)));
    first = false;
    if (secondary_button(app, std::string("money.link.") + screen, key)) app.navigate(address);
  }
  ImGui::Spacing();
}

}  // namespace tessera::client::ui
