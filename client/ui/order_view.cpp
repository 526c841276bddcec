// One order (customers): its reference, what it is, the amount and the method, and its state:
// pending (bank transfer or check: the reference to write, the instructions, "activation
// takes a few days"), waiting for PayPal (continue there), paid (activated, with its invoice),
// cancelled or failed. An unpaid order can be cancelled (not a renewal).
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string what_text(App& app, const wire::OrderView& order) {
  const auto& request = order.request;
  std::string offer = request.offer_code;  // the catalog's words when it still has the offer
  if (const auto& catalog = app.money.catalog.value) {
    if (const PackOffer* pack = find_pack(*catalog, request.offer_code))
      offer = app.format("money.lot.units", {{"units", std::to_string(pack->units)}});
    if (const MinuteBlockOffer* block = find_minute_block(*catalog, request.offer_code))
      offer = app.format("money.lot.minutes", {{"minutes", std::to_string(block->minutes)}});
  }
  return app.format("money.order.kind." + std::string(to_string(request.kind)),
                    {{"offer", offer}, {"users", std::to_string(request.extra_users)}});
}

}  // namespace

void draw_order(App& app) {
  money_links(app, "order");
  title(app, "money.order.title");
  const auto& slot = app.money.order;
  const Id wanted = app.route().params.id("id").value_or(0);
  if (!fetch_state(app, "money.order", slot.ready() && slot.value->id == wanted, slot.error, app.busy("money.order"),
                   [&app, wanted] { money::open_order(app, wanted); }))
    return;
  const auto order = *slot.value;  // a copy: an action's answer may replace it mid-frame
  recorded_text(app, "order.reference", app.format("money.order.reference", {{"reference", order.reference}}));
  ImGui::TextWrapped("%s", what_text(app, order).c_str());
  ImGui::TextUnformatted(app.format("money.order.amount", {{"gross", money::money_text(app, order.gross)},
                                                           {"net", money::money_text(app, order.net)},
                                                           {"vat", money::money_text(app, order.vat)}})
                             .c_str());
  ImGui::TextUnformatted(std::string(app.text("payment.method." + std::string(to_string(order.request.method)))).c_str());
  ImGui::Spacing();
  const std::string status(app.text("order.status." + std::string(to_string(order.status))));
  switch (order.status) {
    case OrderStatus::pending_payment: {
      notice_banner(app, "order.status", status + " — " + std::string(app.text("money.order.pending_help")), Tone::warning);
      ImGui::Spacing();
      auto params = order.instructions;
      params.emplace("reference", order.reference);
      if (!order.instructions_key.empty()) recorded_text(app, "order.instructions", format_text(app.text(order.instructions_key), params), true);
      break;
    }
    case OrderStatus::awaiting_approval:
      notice_banner(app, "order.status", status + " — " + std::string(app.text("money.order.paypal_help")), Tone::info);
      if (!order.approve_url.empty() && submit_button(app, "order.paypal", "money.order.continue_paypal", "money.checkout"))
        money::continue_to_paypal(app, order);
      else if (order.approve_url.empty() && submit_button(app, "order.paypal", "money.order.continue_paypal", "money.checkout"))
        money::pay_renewal_by_paypal(app, order.id);
      break;
    case OrderStatus::paid:
      notice_banner(app, "order.status", app.format("money.order.paid", {{"date", money::date_text(app, order.paid_at)}}), Tone::success);
      if (secondary_button(app, "order.time", "money.order.see_time")) app.navigate("/time");
      ImGui::SameLine();
      if (order.invoice_id != 0 && button(app, "order.invoice", "money.invoices.download")) money::download_invoice(app, order.invoice_id);
      break;
    case OrderStatus::cancelled:
    case OrderStatus::failed:
      notice_banner(app, "order.status", status, Tone::danger);
      break;
  }
  if (!app.money.notice.empty()) notice_banner(app, "order.notice", app.money.notice, Tone::success);
  const bool unpaid = order.status == OrderStatus::pending_payment || order.status == OrderStatus::awaiting_approval;
  if (unpaid && order.request.kind != OrderKind::renewal) {
    ImGui::Spacing();
    if (danger_button(app, "order.cancel", "money.order.cancel", "money.cancel_order")) money::cancel_order(app, order.id);
  }
}

}  // namespace tessera::client::ui
