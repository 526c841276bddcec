// The screens of the client, one per file in client/ui/. Each draws itself from App::state
// and calls App's actions; none talks to the network. draw_root lays out the top bar and
// the screen shown.
#pragma once
#include "app.hpp"

namespace tessera::client::ui {

void draw_root(App& app);     // root.cpp: the whole window
void draw_top_bar(App& app);  // top_bar.cpp: name, languages, navigation, log out
void draw_home(App& app);
void draw_signup(App& app);
void draw_login(App& app);
void draw_my_tickets(App& app);
void draw_new_ticket(App& app);
void draw_ticket(App& app);           // a customer's ticket: timeline and reply
void draw_queue(App& app);            // operators: the queue
void draw_operator_ticket(App& app);  // operators: take, reply, internal note, log time
void draw_timeline(App& app, const wire::TicketDetail& detail);  // timeline.cpp, shared by both ticket views
void draw_ticket_table(App& app, const std::vector<wire::TicketSummary>& tickets, std::string_view id_prefix,
                       bool for_staff);  // ticket_table.cpp

}  // namespace tessera::client::ui
