// Back from PayPal (customers): on the return address the order is captured and the result
// said — activated, or the reason PayPal declined it with a way to try again there; on the
// cancel address, that nothing was paid and the order waits to be paid or cancelled. Each
// result ends with the money area's links (buy again, support time, orders, invoices).
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_paypal_return(App& app) {
  title(app, "money.paypal.title");
  auto& area = app.money;
  const auto& paypal = area.paypal;
  const wire::OrderView* order = nullptr;
  if (area.orders.value)
    for (const auto& candidate : *area.orders.value)
      if (candidate.id == paypal.order_id) order = &candidate;

  if (paypal.cancelled) {
    notice_banner(app, "paypal.result", std::string(app.text("money.paypal.cancelled")), Tone::warning);
    if (order && secondary_button(app, "paypal.order", "money.paypal.see_order")) app.navigate("/orders/" + std::to_string(order->id));
    money_links(app, "paypal_return");
    return;
  }
  if (paypal.paid) {
    notice_banner(app, "paypal.result",
                  app.format("money.paypal.activated", {{"reference", paypal.paid->reference},
                                                        {"amount", money::money_text(app, paypal.paid->gross)}}),
                  Tone::success);
    ImGui::Spacing();
    if (submit_button(app, "paypal.time", "money.order.see_time")) app.navigate("/time");
    ImGui::SameLine();
    if (paypal.paid->invoice_id != 0 && button(app, "paypal.invoice", "money.invoices.download"))
      money::download_invoice(app, paypal.paid->invoice_id);
    money_links(app, "paypal_return");
    return;
  }
  if (paypal.declined) {
    const Error& error = *paypal.declined;
    notice_banner(app, "paypal.result", app.error_text(error), Tone::danger);
    if (const auto issue = error.params.find("issue"); issue != error.params.end()) {
      const std::string key = "money.paypal.issue." + issue->second;
      const auto reason = tr(key, app.language);
      recorded_text(app, "paypal.reason", reason == key ? app.format("money.paypal.issue_other", {{"issue", issue->second}})
                                                        : std::string(reason), true);
    }
    ImGui::Spacing();
    std::string again;
    if (const auto link = error.params.find("redirect_url"); link != error.params.end()) again = link->second;
    else if (order) again = order->approve_url;
    if (!again.empty() && submit_button(app, "paypal.retry", "money.paypal.try_again")) app.browser().open_external(again);
    if (order) {
      ImGui::SameLine();
      if (secondary_button(app, "paypal.order", "money.paypal.see_order")) app.navigate("/orders/" + std::to_string(order->id));
    }
    money_links(app, "paypal_return");
    return;
  }
  if (area.orders.error) {
    fetch_state(app, "paypal.orders", false, area.orders.error, false, [&app] { money::load_orders(app); });
    return;
  }
  ImGui::TextDisabled("%s", std::string(app.text("money.paypal.capturing")).c_str());
}

}  // namespace tessera::client::ui
