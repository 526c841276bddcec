// Which function draws each screen, by the screen's id. The areas say what screens there are
// (address, audience, title, what entering one loads: their ScreenDef tables); the ui says how
// each is drawn, so the app's state and actions never include the screens that draw them.
#include <algorithm>
#include <array>
#include <utility>

#include "ui/screens.hpp"

namespace tessera::client::ui {

namespace {
using Drawer = void (*)(App& app);
constexpr std::array<std::pair<std::string_view, Drawer>, 39> kDrawers{{
    {"signup", draw_signup},
    {"signup_confirm", draw_signup_confirm},
    {"signup_confirm_link", draw_signup_confirm},
    {"login", draw_login},
    {"admin_settings", draw_admin_settings},
    {"admin_catalog", draw_admin_catalog},
    {"admin_orders", draw_admin_orders},
    {"admin_operators", draw_admin_operators},
    {"admin_numbers", draw_admin_numbers},
    {"admin_adjustments", draw_admin_adjustments},
    {"admin_adjustments_find", draw_admin_adjustments},
    {"admin_conference", draw_admin_conference},
    {"admin_contact", draw_admin_contact},
    {"admin_audit", draw_admin_audit},
    {"admin_mail", draw_admin_mail},
    {"forgot_password", draw_forgot_password},
    {"password_reset", draw_password_reset},
    {"password_reset_link", draw_password_reset},
    {"support_time", draw_support_time},
    {"ticket_cost", draw_ticket_cost},
    {"buy", draw_buy},
    {"order", draw_order},
    {"paypal_return", draw_paypal_return},
    {"paypal_cancel", draw_paypal_return},
    {"invoices", draw_invoices},
    {"subscription", draw_subscription},
    {"account", draw_account},
    {"people", draw_people},
    {"onboarding", draw_onboarding},
    {"invitation", draw_invitation},
    {"home", draw_home},
    {"faq", draw_faq},
    {"board", draw_board},
    {"contact", draw_contact},
    {"queue", draw_queue},
    {"operator_ticket", draw_operator_ticket},
    {"my_tickets", draw_my_tickets},
    {"new_ticket", draw_new_ticket},
    {"ticket", draw_ticket},
}};
}  // namespace

ScreenDrawer screen_drawer(std::string_view screen_id) {
  const auto found = std::find_if(kDrawers.begin(), kDrawers.end(),
                                  [&](const auto& entry) { return entry.first == screen_id; });
  return found == kDrawers.end() ? nullptr : found->second;
}

}  // namespace tessera::client::ui
