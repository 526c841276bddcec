// The tickets area (customers): the list of their tickets, one ticket with its timeline,
// and the two things written offline — a new ticket and a reply — kept as drafts on the
// device and sent through the outbox (SPEC §2). The last-known list and tickets are kept on
// the device too, and shown, marked with their time, when the server cannot be reached.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tessera/wire.hpp"

namespace tessera::client {

class App;
struct OutboxItem;

struct TicketsArea {
  std::vector<wire::TicketSummary> list;
  double list_at_ms = 0;   // when the list was last received (0: never)
  bool list_fresh = false; // received in this run, not only read back from the device
  std::optional<wire::TicketDetail> detail;  // the ticket open on screen
  double detail_at_ms = 0;
  bool detail_fresh = false;
  bool detail_missing = false;  // the server said 404
  std::map<Id, std::pair<wire::TicketDetail, double>> known;  // last-known tickets (device)
  wire::TicketDraft new_ticket;            // the draft being written
  std::map<Id, wire::MessageDraft> replies;  // a reply draft per ticket
  std::string notice;  // a short note after something was sent ("Ticket T-000012 sent")
};

namespace tickets {
void install(App& app);
void show_list(App& app);
void open(App& app, Id id);
void submit_new(App& app);  // validates, then queues in the outbox
void send_reply(App& app);  // the open ticket's reply draft, through the outbox
void act(App& app, TicketAction action);
bool may(const App& app, TicketAction action);  // the domain's rule, for the open ticket
void edit_item(App& app, const std::string& outbox_id);  // a failed or queued item back into its draft
void discard_item(App& app, const std::string& outbox_id);
// The outbox items of one kind ("tickets.create") or for one ticket's replies.
std::vector<const OutboxItem*> new_ticket_items(const App& app);
std::vector<const OutboxItem*> reply_items(const App& app, Id ticket_id);
// "draft" while a form holds text (kept on the device), "" when empty; once submitted, each
// outbox item shows its own state (queued, sending, sent, failed).
std::string draft_state(const App& app, Id ticket_id);  // 0: the new-ticket form
}  // namespace tickets

}  // namespace tessera::client
