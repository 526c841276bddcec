// Invoices (customers, the account owner): one per paid order — number, date, amount (gross),
// payment method — each downloadable as a PDF in the account's language.
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_invoices(App& app) {
  title(app, "money.invoices.title");
  money_links(app, "invoices");
  const auto& slot = app.money.invoices;
  if (!fetch_state(app, "money.invoices", slot.ready(), slot.error, app.busy("money.invoices"), [&app] { money::load_invoices(app); }))
    return;
  const auto& invoices = *slot.value;
  if (invoices.empty()) {
    help_text(std::string(app.text("money.invoices.empty")));
    if (submit_button(app, "money.invoices.buy", "money.time.buy_first")) app.navigate("/buy");
    return;
  }
  help_text(std::string(app.text("money.invoices.help")));
  const bool compact = compact_layout();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##invoices", compact ? 2 : 5, kFlags)) return;
  ImGui::TableSetupColumn(std::string(app.text("money.invoices.column.number")).c_str());
  if (!compact) {
    ImGui::TableSetupColumn(std::string(app.text("money.invoices.column.date")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("money.invoices.column.amount")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("money.invoices.column.method")).c_str());
  }
  ImGui::TableSetupColumn("##download", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const auto& invoice : invoices) {
    const auto* order = money::order_of_invoice(app, invoice);
    const std::string method = order ? std::string(app.text("payment.method." + std::string(to_string(order->request.method)))) : std::string("-");
    const std::string id = "money.invoice." + std::to_string(invoice.id);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    recorded_text(app, id + ".number", invoice.number);
    const auto date = money::date_text(app, invoice.issued_at);
    const auto amount = money::money_text(app, invoice.gross);
    if (compact) {
      ImGui::TextDisabled("%s · %s · %s", date.c_str(), amount.c_str(), method.c_str());
    } else {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(date.c_str());
      ImGui::TableNextColumn();
      recorded_text(app, id + ".amount", amount);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(method.c_str());
    }
    ImGui::TableNextColumn();
    if (button(app, id + ".pdf", "money.invoices.download")) money::download_invoice(app, invoice.id);
  }
  ImGui::EndTable();
}

}  // namespace tessera::client::ui
