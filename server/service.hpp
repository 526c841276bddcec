// The use cases of the API, between the HTTP handlers and the store: each takes the
// authenticated user and a parsed request, applies the domain rules from shared/, persists
// in one transaction, and returns the answer or a domain Error. No HTTP here.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "config.hpp"
#include "event_hub.hpp"
#include "store.hpp"
#include "unit_of_work.hpp"
#include "tessera/access.hpp"
#include "tessera/ledger.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"
#include "tessera/ticket_filter.hpp"
#include "tessera/wire.hpp"
#include "tessera/wire_desk.hpp"

namespace tessera::server {

struct SessionStart {
  wire::Me me;
  std::string token;  // to put in the session cookie; stored only as its digest
};

// A ticket as a state-changing request left it; `replayed`: the same Idempotency-Key with the
// same request was seen before, so nothing was done again (the answer is the ticket as it is now).
struct CreatedTicket {
  wire::TicketDetail detail;
  bool replayed = false;
};

class Service {
 public:
  static constexpr std::size_t kMaxStreams = 256;        // connections have their own threads now
  static constexpr std::size_t kMaxStreamsPerUser = 4;   // a user's browsers and devices (one per browser)
  Service(Store& store, const Config& config);
  Instant now() const;

  // [SECTION] Accounts and sessions
  Result<SessionStart> signup(const wire::SignupRequest& request);
  Result<SessionStart> login(const wire::LoginRequest& request);
  // Ends this session, or with `everywhere` every session of its user.
  void logout(const std::string& token, bool everywhere = false);
  std::optional<UserRecord> authenticate(const std::string& token);
  // A new session for a user who just proved who they are (an accepted invitation).
  SessionStart start_session(const UserRecord& user) { return open_session(user); }
  wire::Me me(const UserRecord& user);
  // Staff accounts (used by `tessera init`); fails with "email_taken".
  Result<UserRecord> create_staff(const std::string& name, const std::string& email, const std::string& password,
                                  Role role, const std::string& languages_spoken);
  // An admin sets a staff member's languages ("fr,en") and/or disables or enables them; a
  // disabled member can no longer log in and their sessions end at once (their tickets and
  // entries stay). Fails with not_found (no such staff member) and cannot_disable_yourself.
  Result<UserRecord> update_staff(const UserRecord& admin, Id staff_id, const std::optional<std::string>& languages_spoken,
                                  std::optional<bool> disabled);

  // [SECTION] Tickets
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

  // A transition the system makes (auto-close, subscription end): status, ledger, event.
  // False when the ticket is not in a status that allows it.
  bool system_action(Id ticket_id, TicketAction action);
  // The owner cancels the subscription: usable until the period's end (SPEC §1.2).
  Result<wire::Me> cancel_subscription(const UserRecord& user);

  // [SECTION] Administration
  std::vector<UserRecord> staff() { return store_.staff_users(); }
  void audit(Id actor, const std::string& action, const std::string& details) {
    store_.audit(now(), actor, action, details);
  }
  std::vector<AuditRecord> audit_entries(std::size_t limit) { return store_.audit_entries(limit); }

  // [SECTION] Shared with the other services
  Viewer viewer_of(const UserRecord& user);
  UserScope scope_of(const UserRecord& user, const Viewer& viewer);
  const AccountLedgers& ledgers() const { return ledgers_; }
  EventHub& events() { return events_; }
  // Tickets that left awaiting_funding because new entries settled their overrun.
  void restore_funded_tickets(const AccountLedger& ledger, const std::vector<LedgerEntry>& new_entries);

 private:
  AccountLedger load_ledger(Id account_id) { return ledgers_.load(account_id); }
  std::vector<LedgerEntry> record(Id account_id, AccountLedger& ledger, const LedgerCommand& command) {
    return ledgers_.record(account_id, ledger, command);
  }
  Instant ledger_now(const AccountLedger& ledger) const { return AccountLedgers::not_before_last(ledger, now()); }
  Result<TicketRecord> visible_ticket(const UserRecord& user, Id ticket_id);
  using UserNames = std::map<Id, std::string>;  // names already read while building one answer
  std::string user_name(Id user_id, UserNames* names);
  wire::TicketSummary summary_of(const TicketRecord& ticket, const Viewer& viewer, UserNames* names = nullptr);
  wire::TicketDetail detail_of(const TicketRecord& ticket, const Viewer& viewer);
  SessionStart open_session(const UserRecord& user);
  void change_status(TicketRecord& ticket, TicketStatus to, std::optional<Id> author);
  // Inside a transaction: the ticket the first request with this key made or changed, if the
  // key was seen with the same `request_hash`; idempotency_conflict if with another request.
  // An empty key is never seen (nothing to replay).
  Result<std::optional<Id>> seen_request(const UserRecord& user, const std::string& key, const std::string& request_hash);
  void remember_request(const UserRecord& user, const std::string& key, const std::string& request_hash, Id ticket_id);
  // Tells the open event streams allowed to see it that the ticket changed.
  template <class T>
  Result<T> announce(Result<T> result, bool staff_only = false);  // staff_only: internal notes

  Store& store_;
  const Config& config_;
  AccountLedgers ledgers_;
  // Open event streams at most, in all and per user (each holds a connection's thread).
  EventHub events_{kMaxStreams, kMaxStreamsPerUser};
  std::string dummy_hash_;  // verified against for unknown emails, so timing does not tell
};

}  // namespace tessera::server
