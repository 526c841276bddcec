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

// The filters of My tickets, as chosen ("" : any); read with the server's own parser, so
// the list is filtered the same way online and offline (the last-known list).
struct TicketFilterForm {
  std::string status;  // a status, or "open" (every open one)
  std::string category;
  std::string criticality;  // the effective one (triage, else declared)
  std::string text;         // in the subject or the reference
};

// The evaluation of a closed ticket being written (SPEC §1.10).
struct EvaluationDraft {
  int rating = 0;  // 1..5; 0: not chosen yet
  std::string comment;
  bool publish = false;
};

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
  TicketFilterForm filter;
  std::map<Id, EvaluationDraft> evaluations;  // drafts, kept on the device
  std::map<Id, int> rated;  // tickets rated: the rating (0: rated before, elsewhere)
  std::string attaching;    // the name of the file being sent, while it is
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
// My tickets through the filters (the shared rule, ticket_matches); `error` names the filter
// at fault (a search text too long).
std::vector<wire::TicketSummary> filtered(const App& app, std::optional<Error>& error);
// Lets the user choose a file of the device for the open ticket; its size and type are
// checked with the server's rules before it is sent (error field "attachment").
void choose_attachment(App& app);
void evaluate(App& app);  // the open (closed) ticket's evaluation draft
}  // namespace tickets

}  // namespace tessera::client
