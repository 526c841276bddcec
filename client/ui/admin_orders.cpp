// Orders awaiting a bank transfer or a check (SPEC §1.6): each with its reference, what was
// bought, the method, the amount and when it was placed; "Record payment" opens the form of
// what arrived — the amount (it must be the order's), the day it arrived, its reference —
// and recording it activates the order and issues its invoice.
#include <string>

#include "tessera/invoice.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string what_was_bought(App& app, const wire::OrderView& order) {
  std::string text(app.text("admin.orders.kind." + std::string(to_string(order.request.kind))));
  if (!order.request.offer_code.empty()) text += " · " + order.request.offer_code;
  return text;
}

void payment_form(App& app, const wire::OrderView& order) {
  auto& form = app.admin.orders.payment;
  ImGui::Indent();
  help_text(app.format("admin.orders.payment_help", {{"amount", format_cents(order.gross)}}));
  text_field(app, "payment.amount", "admin.orders.amount", form.amount, "payment.amount");
  text_field(app, "payment.received_on", "admin.orders.received_on", form.received_on, "payment.received_on");
  text_field(app, "payment.reference",
             order.request.method == PaymentMethod::check ? "admin.orders.check_number" : "admin.orders.transfer_reference",
             form.reference, "payment.reference");
  if (submit_button(app, "payment.submit", "admin.orders.record", "admin.payment")) admin::record_payment(app);
  ImGui::SameLine();
  if (secondary_button(app, "payment.cancel", "common.cancel")) {
    form = PaymentForm{};
    app.clear_error();
  }
  field_error(app, "payment.save");
  ImGui::Unindent();
}

void order_card(App& app, const wire::OrderView& order) {
  const std::string id = std::to_string(order.id);
  ImGui::PushID(static_cast<int>(order.id));
  with_title_font([&] { recorded_text(app, "order." + id + ".reference", order.reference); });
  ImGui::TextWrapped("%s", what_was_bought(app, order).c_str());
  ImGui::TextWrapped("%s", app.format("admin.orders.line", {{"method", std::string(app.text("payment.method." + std::string(to_string(order.request.method))))},
                                                             {"amount", format_cents(order.gross)},
                                                             {"date", app.local_time(order.created_at)}})
                               .c_str());
  ImGui::TextDisabled("%s", std::string(app.text("order.status." + std::string(to_string(order.status)))).c_str());
  if (app.admin.orders.payment.order_id == order.id)
    payment_form(app, order);
  else if (button(app, "order." + id + ".record", "admin.orders.record_payment"))
    admin::choose_order(app, order.id);
  ImGui::PopID();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace

void draw_admin_orders(App& app) {
  title(app, "admin.orders.title");
  const auto& area = app.admin.orders;
  help_text(std::string(app.text("admin.orders.help")));
  if (!area.recorded.empty())
    notice_banner(app, "orders.recorded", app.format("admin.orders.recorded", {{"reference", area.recorded}}),
                  Tone::success);
  if (button(app, "orders.refresh", "common.refresh")) admin::load_orders(app);
  ImGui::Spacing();
  if (!draw_list_state(app, area.loaded, "admin.orders", area.orders.empty(), "admin.orders.empty")) return;
  const auto orders = area.orders;  // a copy: recording one reloads the list
  for (const auto& order : orders) order_card(app, order);
}

}  // namespace tessera::client::ui
