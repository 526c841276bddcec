// The subscription (customers, the account owner): its state, the period and its end, the
// users it allows; cancel (what happens: usable until the period's end, then it ends),
// restart (refused until 3 months after cancelling, with the date), extra users bought pro
// rata for the rest of the period (the price said before paying), users removed from the
// next period, and the renewal orders waiting to be paid.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void cancel_dialog(App& app, const wire::Balances& balances) {
  if (!ImGui::BeginPopupModal("##cancel_subscription", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return;
  ImGui::PushTextWrapPos(std::min(30.0f * ImGui::GetFontSize(), ImGui::GetIO().DisplaySize.x * 0.85f));
  ImGui::TextWrapped("%s", app.format("money.subscription.cancel_confirm",
                                      {{"date", money::date_text(app, balances.subscription_period_end)}}).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (danger_button(app, "subscription.cancel_yes", "money.subscription.cancel_yes", "money.cancel_subscription")) {
    money::cancel_subscription(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (secondary_button(app, "subscription.cancel_no", "money.subscription.keep") || ImGui::IsKeyPressed(ImGuiKey_Escape))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

bool count_field(App& app, std::string_view id, int& value) {
  ImGui::SetNextItemWidth(std::min(12.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x));
  const bool changed = ImGui::InputInt(label("", id).c_str(), &value);
  record_item(app, id);
  value = std::clamp(value, 1, 1000);
  return changed;
}

void draw_users(App& app, const wire::Balances& balances) {
  ImGui::SeparatorText(std::string(app.text("money.subscription.users")).c_str());
  recorded_text(app, "subscription.users",
                app.format("money.subscription.users_value", {{"included", std::to_string(balances.subscription_included_users)},
                                                              {"extra", std::to_string(balances.subscription_extra_users)},
                                                              {"limit", std::to_string(balances.subscription_user_limit)}}),
                true);
  if (balances.subscription_extra_users_next != balances.subscription_extra_users)
    help_text(app.format("money.subscription.users_next", {{"extra", std::to_string(balances.subscription_extra_users_next)}}));
  auto& area = app.money;
  if (balances.subscription == SubscriptionPhase::active) {
    ImGui::TextUnformatted(std::string(app.text("money.subscription.add_users")).c_str());
    count_field(app, "subscription.add_count", area.add_users);
    field_error(app, "count");
    radio_row(app, "subscription.method", "money.buy.method", "payment.method.", area.users_method,
              {PaymentMethod::paypal, PaymentMethod::bank_transfer, PaymentMethod::check}, "method");
    if (const auto price = money::extra_users_price(app, area.add_users))
      recorded_text(app, "subscription.pro_rata",
                    app.format("money.subscription.pro_rata", {{"users", std::to_string(area.add_users)},
                                                               {"date", money::date_text(app, balances.subscription_period_end)},
                                                               {"net", money::money_text(app, price->net)},
                                                               {"vat", money::money_text(app, price->vat)},
                                                               {"gross", money::money_text(app, price->gross)}}),
                    true);
    if (submit_button(app, "subscription.add", "money.subscription.add_button", "money.add_users")) money::add_users(app);
  }
  if (balances.subscription_extra_users_next > 0 && balances.subscription != SubscriptionPhase::cancelled) {
    ImGui::Spacing();
    ImGui::TextUnformatted(std::string(app.text("money.subscription.remove_users")).c_str());
    help_text(std::string(app.text("money.subscription.remove_help")));
    count_field(app, "subscription.remove_count", area.remove_users);
    if (button(app, "subscription.remove", "money.subscription.remove_button")) money::remove_users(app);
  }
}

void draw_renewals(App& app) {
  const auto due = money::renewals_due(app);
  if (due.empty()) return;
  ImGui::SeparatorText(std::string(app.text("money.subscription.renewals")).c_str());
  for (const auto* order : due) {
    const std::string id = "subscription.renewal." + std::to_string(order->id);
    recorded_text(app, id, app.format("money.subscription.renewal_line",
                                      {{"reference", order->reference},
                                       {"amount", money::money_text(app, order->gross)},
                                       {"status", std::string(app.text("order.status." + std::string(to_string(order->status))))}}),
                  true);
    if (order->status == OrderStatus::awaiting_approval) {
      if (submit_button(app, id + ".paypal", "money.order.continue_paypal", "money.checkout")) money::pay_renewal_by_paypal(app, order->id);
    } else if (button(app, id + ".open", "money.subscription.instructions")) {
      app.navigate("/orders/" + std::to_string(order->id));
    }
  }
}

}  // namespace

void draw_subscription(App& app) {
  title(app, "money.subscription.title");
  money_links(app, "subscription");
  if (!app.session.me) return;
  if (!app.session.me->user.account_owner) {
    help_text(std::string(app.text("error.owner_only")));
    return;
  }
  const auto balances = app.session.me->balances;
  if (!app.money.notice.empty()) notice_banner(app, "subscription.notice", app.money.notice, Tone::success);
  const auto phase = balances.subscription;
  const std::string phase_text(app.text("money.subscription.phase." + std::string(to_string(phase))));
  const std::string end = money::date_text(app, balances.subscription_period_end);
  switch (phase) {
    case SubscriptionPhase::none:
    case SubscriptionPhase::ended: {
      recorded_text(app, "subscription.state", std::string(app.text(phase == SubscriptionPhase::none ? "money.subscription.none" : "money.subscription.ended")), true);
      if (const auto& catalog = app.money.catalog.value)
        help_text(app.format("money.buy.subscription_help", {{"price", money::money_text(app, catalog->subscription.monthly_price)},
                                                             {"users", std::to_string(catalog->subscription.included_users)},
                                                             {"extra", money::money_text(app, catalog->subscription.extra_user_monthly_price)}}));
      if (phase == SubscriptionPhase::none) {
        if (submit_button(app, "subscription.subscribe", "money.subscription.subscribe")) {
          app.money.buy.kind = OrderKind::subscription;
          app.navigate("/buy?kind=subscription");
        }
      } else {
        help_text(std::string(app.text("money.subscription.restart_help")));
        radio_row(app, "subscription.restart_method", "money.buy.method", "payment.method.", app.money.buy.method,
                  {PaymentMethod::paypal, PaymentMethod::bank_transfer, PaymentMethod::check}, "method");
        if (submit_button(app, "subscription.restart", "money.subscription.restart", "money.restart")) money::restart_subscription(app);
      }
      break;
    }
    case SubscriptionPhase::cancelled:
      notice_banner(app, "subscription.state", app.format("money.subscription.cancelled_state", {{"date", end}}), Tone::warning);
      help_text(std::string(app.text("money.subscription.restart_help")));
      if (button(app, "subscription.restart", "money.subscription.restart")) money::restart_subscription(app);
      draw_users(app, balances);
      break;
    case SubscriptionPhase::active:
    case SubscriptionPhase::grace:
    case SubscriptionPhase::suspended: {
      recorded_text(app, "subscription.state",
                    app.format("money.subscription.active_state", {{"phase", phase_text}, {"date", end}}), true);
      if (phase != SubscriptionPhase::active)
        notice_banner(app, "subscription.unpaid", std::string(app.text("money.subscription.phase_help." + std::string(to_string(phase)))),
                      phase == SubscriptionPhase::suspended ? Tone::danger : Tone::warning);
      draw_renewals(app);
      draw_users(app, balances);
      ImGui::SeparatorText(std::string(app.text("money.subscription.cancel_title")).c_str());
      help_text(app.format("money.subscription.cancel_help", {{"date", end}}));
      if (danger_button(app, "subscription.cancel", "money.subscription.cancel")) ImGui::OpenPopup("##cancel_subscription");
      cancel_dialog(app, balances);
      break;
    }
  }
}

}  // namespace tessera::client::ui
