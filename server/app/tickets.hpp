// Tickets: create (idempotent), list, detail, messages and internal notes, attachments, the
// actions of the state machine, time entries and admins' corrections, triage, and the
// operator queue. Rules from shared/ (ticket.hpp, access.hpp, ledger.hpp, attachments.hpp).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"
#include "tessera/ticket_filter.hpp"
#include "tessera/wire.hpp"
#include "tessera/wire_desk.hpp"

namespace tessera::server {

// A ticket as a state-changing request left it; `replayed`: the same Idempotency-Key with the
// same request was seen before, so nothing was done again (the answer is the ticket as it is now).
struct CreatedTicket {
  wire::TicketDetail detail;
  bool replayed = false;
};
// What a change's transaction gives back: the ticket as written (its answer is read after COMMIT).
struct ChangedTicket {
  TicketRecord ticket;
  bool replayed = false;
};

class Tickets {
 public:
  explicit Tickets(Context& context) : context_(context), store_(context.store()) {}

  Result<CreatedTicket> create_ticket(const UserRecord& user, const wire::TicketDraft& draft,
                                      const std::string& idempotency_key);
  std::vector<wire::TicketSummary> list_tickets(const UserRecord& user);
  Result<wire::TicketDetail> ticket_detail(const UserRecord& user, Id ticket_id);
  // Messages, attachments and time entries honour an Idempotency-Key when the client sends
  // one (the offline outbox always does): the same key and request again change nothing.
  Result<CreatedTicket> add_message(const UserRecord& user, Id ticket_id, const wire::MessageDraft& draft,
                                    const std::string& idempotency_key = {});
  Result<wire::TicketDetail> apply_action(const UserRecord& user, Id ticket_id, TicketAction action);
  Result<CreatedTicket> log_time(const UserRecord& user, Id ticket_id, const wire::TimeEntryDraft& draft,
                                 const std::string& idempotency_key = {});
  // The operator queue in order (SPEC §1.8), in the languages the operator speaks (or those
  // of them asked for), filtered; from `offset`, at most `limit` tickets; `total`: all that
  // match. Each with where it stands against its first-response promise at `now()`.
  struct QueueQuery {
    std::size_t offset = 0;
    std::size_t limit = 50;
    TicketFilter filter;
    std::vector<Language> languages;  // asked for; empty: every language spoken
  };
  struct QueuePage {
    std::vector<wire::QueueEntry> tickets;
    std::size_t total = 0;
    std::vector<Language> languages_spoken;
  };
  Result<QueuePage> queue(const UserRecord& user, const QueueQuery& query, const OpeningHours& hours,
                          const SlaTargets& targets);
  // Operators triage: their criticality is kept beside the customer's and orders the queue.
  Result<wire::TicketDetail> triage(const UserRecord& user, Id ticket_id, Criticality criticality);
  // Admins correct worked time with a signed adjustment entry (entries are never edited).
  Result<wire::TicketDetail> adjust_time(const UserRecord& user, Id ticket_id, Minutes minutes, const std::string& note);

  // Attachments (SPEC §1.8): anyone who sees an open ticket may attach an image, a PDF or a
  // log; the bytes decide the type. Errors: not_found, ticket_closed, attachment_empty,
  // attachment_too_large, too_many_attachments, unsupported_attachment_type.
  Result<CreatedTicket> add_attachment(const UserRecord& user, Id ticket_id, const std::string& filename,
                                       const std::string& bytes, const std::string& idempotency_key = {});
  Result<AttachmentRecord> attachment(const UserRecord& user, Id ticket_id, Id attachment_id);

  // A transition the system makes (auto-close, subscription end): see ticket_changes.hpp.
  bool system_action(Id ticket_id, TicketAction action);

 private:
  AccountLedger load_ledger(Id account_id) { return context_.ledgers().load(account_id); }
  std::vector<LedgerEntry> record(Id account_id, AccountLedger& ledger, const LedgerCommand& command) {
    return context_.ledgers().record(account_id, ledger, command);
  }
  Instant ledger_now(const AccountLedger& ledger) const {
    return AccountLedgers::not_before_last(ledger, context_.now());
  }
  Result<TicketRecord> visible_ticket(const UserRecord& user, Id ticket_id);
  using UserNames = std::map<Id, std::string>;  // names already read while building one answer
  std::string user_name(Id user_id, UserNames* names);
  wire::TicketSummary summary_of(const TicketRecord& ticket, const Viewer& viewer, UserNames* names = nullptr);
  static wire::TicketSummary fields_of(const TicketRecord& ticket);  // the summary without names
  wire::TicketDetail detail_of(const TicketRecord& ticket, const Viewer& viewer);
  // Inside a transaction: the ticket the first request with this key made or changed, if the
  // key was seen with the same `request_hash`; idempotency_conflict if with another request.
  // An empty key is never seen (nothing to replay).
  Result<std::optional<Id>> seen_request(const UserRecord& user, const std::string& key, const std::string& request_hash);
  void remember_request(const UserRecord& user, const std::string& key, const std::string& request_hash, Id ticket_id);
  // One transaction around an idempotent change of a ticket: the ticket as the user may see it,
  // a key seen before replayed (nothing done again), else `change(ticket, viewer)` — which
  // stores what it changed, or refuses with an Error — then the key remembered; the answer
  // is the ticket's detail.
  template <class Change>
  Result<CreatedTicket> idempotent_change(const UserRecord& user, Id ticket_id, const std::string& key,
                                          const std::string& request_hash, Change change);
  // Tells the open event streams allowed to see it that the ticket changed.
  template <class T>
  Result<T> announce(Result<T> result, bool staff_only = false);  // staff_only: internal notes

  Context& context_;
  Store& store_;
};

}  // namespace tessera::server
