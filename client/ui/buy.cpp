// Buying (customers, the account owner): choose an offer — a ticket pack, a block of minutes,
// or the subscription with a number of extra users —, read its price with VAT (priced by the
// domain, as the server will), what the purchase settles or takes along first (an overrun,
// expired tickets that join the new pack), then the payment method and what each means.
#include <algorithm>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string offer_text(App& app, const PackOffer& pack) {
  return app.format(pack.multi_user ? "money.buy.pack_multi" : "money.buy.pack",
                    {{"units", std::to_string(pack.units)}, {"months", std::to_string(pack.validity_months)},
                     {"price", money::money_text(app, pack.price)}});
}

std::string offer_text(App& app, const MinuteBlockOffer& block) {
  return app.format("money.buy.block", {{"minutes", std::to_string(block.minutes)},
                                        {"months", std::to_string(block.validity_months)},
                                        {"price", money::money_text(app, block.price)}});
}

// One radio per active offer; the first is chosen when none is.
template <class Offer>
void offer_choices(App& app, const std::vector<Offer>& offers, std::string& chosen) {
  const bool known = std::any_of(offers.begin(), offers.end(), [&](const Offer& o) { return o.active && o.code == chosen; });
  if (!known) {
    const auto first = std::find_if(offers.begin(), offers.end(), [](const Offer& o) { return o.active; });
    chosen = first == offers.end() ? std::string() : first->code;
  }
  for (const auto& offer : offers) {
    if (!offer.active) continue;
    const std::string id = "buy.offer." + offer.code;
    if (ImGui::RadioButton(label(offer_text(app, offer), id).c_str(), chosen == offer.code)) chosen = offer.code;
    record_item(app, id);
  }
}

void draw_price(App& app, const PricedOrder& priced) {
  const auto& totals = priced.totals;
  ImGui::TextUnformatted(app.format("money.buy.net", {{"amount", money::money_text(app, totals.net)}}).c_str());
  ImGui::TextUnformatted(app.format("money.buy.vat", {{"amount", money::money_text(app, totals.vat)}}).c_str());
  with_title_font([&] { recorded_text(app, "buy.total", app.format("money.buy.gross", {{"amount", money::money_text(app, totals.gross)}})); });
}

}  // namespace

void draw_buy(App& app) {
  title(app, "money.buy.title");
  money_links(app, "buy");
  if (app.session.me && !app.session.me->user.account_owner) {
    help_text(std::string(app.text("error.owner_only")));
    return;
  }
  auto& area = app.money;
  if (!fetch_state(app, "money.catalog", area.catalog.ready(), area.catalog.error, app.busy("money.catalog"),
                   [&app] { money::load_catalog(app); }))
    return;
  const Catalog& catalog = *area.catalog.value;
  auto& form = area.buy;

  // [1] The offer
  ImGui::TextUnformatted(std::string(app.text("money.buy.step_offer")).c_str());
  radio_row(app, "buy.kind", "money.buy.kind", "money.buy.kind.", form.kind,
            {OrderKind::pack, OrderKind::minutes, OrderKind::subscription}, "kind");
  switch (form.kind) {
    case OrderKind::pack:
      help_text(std::string(app.text("money.buy.pack_help")));
      offer_choices(app, catalog.packs, form.offer_code);
      break;
    case OrderKind::minutes:
      help_text(std::string(app.text("money.buy.minutes_help")));
      offer_choices(app, catalog.minute_blocks, form.offer_code);
      break;
    default: {
      const auto& offer = catalog.subscription;
      help_text(app.format("money.buy.subscription_help",
                           {{"price", money::money_text(app, offer.monthly_price)},
                            {"users", std::to_string(offer.included_users)},
                            {"extra", money::money_text(app, offer.extra_user_monthly_price)}}));
      ImGui::TextUnformatted(std::string(app.text("money.buy.extra_users")).c_str());
      ImGui::SetNextItemWidth(std::min(12.0f * ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x));
      ImGui::InputInt("##buy.extra_users", &form.extra_users);
      record_item(app, "buy.extra_users");
      form.extra_users = std::clamp(form.extra_users, 0, 1000);
      field_error(app, "extra_users");
      break;
    }
  }
  field_error(app, "offer_code");
  ImGui::Spacing();

  // [2] What it costs, and what the purchase does first
  ImGui::Separator();
  const auto priced = money::priced_offer(app);
  if (priced) draw_price(app, *priced);
  const auto& balances = app.session.me ? app.session.me->balances : wire::Balances{};
  if (balances.overrun_minutes > 0)
    notice_banner(app, "buy.overrun", app.format("money.buy.overrun_first", {{"minutes", std::to_string(balances.overrun_minutes)}}),
                  Tone::warning);
  const auto rolled = money::expired_units_to_roll(app);
  if (form.kind == OrderKind::pack && rolled > 0)
    notice_banner(app, "buy.rollover", app.format("money.buy.rollover", {{"count", std::to_string(rolled)}}), Tone::success);
  if (form.kind == OrderKind::subscription && balances.subscription != SubscriptionPhase::none &&
      balances.subscription != SubscriptionPhase::ended)
    help_text(std::string(app.text("money.buy.subscription_exists")));
  ImGui::Spacing();

  // [3] How to pay
  ImGui::TextUnformatted(std::string(app.text("money.buy.step_method")).c_str());
  radio_row(app, "buy.method", "money.buy.method", "payment.method.", form.method,
            {PaymentMethod::paypal, PaymentMethod::bank_transfer, PaymentMethod::check}, "method");
  help_text(std::string(app.text("money.buy.method_help." + std::string(to_string(form.method)))));
  ImGui::Spacing();
  const auto key = form.method == PaymentMethod::paypal ? "money.buy.pay_paypal" : "money.buy.place";
  if (submit_button(app, "buy.submit", key, "money.place")) money::place_order(app);
}

}  // namespace tessera::client::ui
