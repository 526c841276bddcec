// The screens of the client, one per file in client/ui/, each registered in its area's screen
// table (areas/*.cpp). A screen draws itself from App's state and calls the areas' actions;
// none talks to the network. draw_root lays out the shell around the current screen.
#pragma once
#include <functional>

#include "app.hpp"

namespace tessera::client::ui {

void draw_root(App& app);
// The function that draws the screen with this id (screen_table.cpp), or null for none.
using ScreenDrawer = void (*)(App& app);
ScreenDrawer screen_drawer(std::string_view screen_id);     // root.cpp: the shell — top bar, banners, the screen, its error
void draw_top_bar(App& app);  // top_bar.cpp: name, navigation (a menu on narrow screens), languages
bool compact_layout();        // root.cpp: a phone-sized window: one column, navigation in a menu

// [SECTION] Public area
void draw_home(App& app);     // home.cpp: the offers and prices, try free, log in
void draw_faq(App& app);      // faq.cpp
void draw_board(App& app);    // board.cpp: the transparency board's charts and rows
void draw_contact(App& app);  // contact.cpp
// [SECTION] Account area
void draw_signup(App& app);
void draw_signup_confirm(App& app);  // signup_confirm.cpp: the mail's link sent, then the session (or why not)
void draw_login(App& app);
// [SECTION] Tickets area
void draw_my_tickets(App& app);
void draw_new_ticket(App& app);
void draw_ticket(App& app);  // a customer's ticket: timeline and reply
// [SECTION] Staff area
void draw_queue(App& app);
void draw_operator_ticket(App& app);  // take, reply, internal note, log time
// [SECTION] Admin area
void draw_admin_settings(App& app);   // admin_settings.cpp: hours, closed dates, SLA, trial, VAT, seller, bank, check
void draw_admin_catalog(App& app);    // admin_catalog.cpp: prices and validity of the offers
void draw_admin_orders(App& app);     // admin_orders.cpp: orders awaiting a transfer or a check, recording one
void draw_admin_operators(App& app);  // admin_operators.cpp: the staff, creating an operator
void draw_admin_adjustments(App& app);  // admin_adjustments.cpp: a ticket's time, a signed correction with a reason
void draw_admin_contact(App& app);      // admin_contact.cpp: the contact form's messages
void draw_admin_audit(App& app);        // admin_audit.cpp: the audit log, filtered by actor, action, dates
void draw_admin_conference(App& app);   // admin_conference.cpp: availability slots, the steps, done with notes
void draw_admin_numbers(App& app);      // admin_numbers.cpp: open tickets, response times, revenue, as charts
void draw_admin_mail(App& app);         // admin_mail.cpp: the outbox, filtered by state; a failed mail sent again

// [SECTION] People area
void draw_account(App& app);     // account_settings.cpp: password, log out everywhere, the account's places
void draw_people(App& app);      // people.cpp: authorized users and invitations (the owner)
void draw_invitation(App& app);  // invitation.cpp: a guest joins from the one-time link
void draw_onboarding(App& app);  // onboarding.cpp: the startup conference step

// [SECTION] Mail area
void draw_forgot_password(App& app);  // forgot_password.cpp: the email, then "if an account uses it, a link was sent"
void draw_password_reset(App& app);   // password_reset.cpp: the mail's link checked, the new password twice

// [SECTION] Money area (support time, buying, invoices, subscription)
void draw_support_time(App& app);   // support_time.cpp: balances, lots, history
void draw_ticket_cost(App& app);    // ticket_cost.cpp: one ticket's cost statement
void draw_buy(App& app);            // buy.cpp: offer, price with VAT, payment method
void draw_order(App& app);          // order_view.cpp: an order (instructions, pending, paid)
void draw_paypal_return(App& app);  // paypal_return.cpp: the capture's result
void draw_invoices(App& app);       // invoices.cpp: the list, PDF downloads
void draw_subscription(App& app);   // subscription.cpp: period, cancel, restart, users, renewals
// money_parts.cpp: a fetched thing's states (false while loading or failed: drawn here, with
// Retry), a lot's name, amounts ("3 tickets", "12 min", "45 min over"), a history line's text,
// and the links between the money screens.
bool fetch_state(App& app, std::string_view id, bool ready, const std::optional<Error>& error, bool busy,
                 const std::function<void()>& retry);
std::string lot_name(App& app, const LotView& lot);
std::string amount_text(App& app, BalanceKind kind, std::int64_t amount);
std::string history_text(App& app, const HistoryLine& line);
void money_links(App& app, std::string_view current);

// [SECTION] Parts shared by screens
// site_parts.cpp: a fetch's state on a public screen — "Loading…" while nothing is there yet,
// or why it failed (error_key, then the error) with Try again; true when Try again was pressed.
bool draw_fetch_state(App& app, const FetchState& fetch, bool have_data, std::string_view id, std::string_view error_key);
void draw_card(App& app, std::string_view id, const std::function<void()>& body);  // bordered, grows with `body`
void link_button(App& app, std::string_view id, std::string_view key, std::string_view address);  // goes there
void draw_timeline(App& app, const wire::TicketDetail& detail);  // timeline.cpp
// A ticket screen's top: the back link to `back_to`; then, when the ticket asked for does not
// exist (or is not the user's), says so and answers true.
bool draw_ticket_top(App& app, std::string_view back_id, std::string_view back_key, std::string_view back_to);
void draw_ticket_table(App& app, const std::vector<wire::TicketSummary>& tickets, std::string_view id_prefix,
                       bool for_staff);  // ticket_table.cpp
// outbox_view.cpp: an outbox item's state, its reason when failed, Edit / Discard. True when
// Edit or Discard took it out of the outbox (the caller's list of items is then out of date).
bool draw_outbox_item(App& app, const OutboxItem& item, std::string_view label);
std::string outbox_subject(const OutboxItem& item);  // a queued ticket's subject, a reply's first words
// "Known on 2 Dec, 14:32 — may be out of date": above data read from the device, or while offline.
void stale_note(App& app, bool fresh, double at_ms);
// attachments_view.cpp: a ticket's files with their details and a Download button each.
void draw_attachments(App& app, const wire::TicketDetail& detail);
// The reply box of a ticket (customers and staff): the draft, its state, pending replies.
void draw_reply_box(App& app, Id ticket_id, bool staff);

}  // namespace tessera::client::ui
