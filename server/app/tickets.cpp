// Tickets (see tickets.hpp). Each use case is one store transaction; what it changed is
// announced to the live streams after the commit.
#include "app/tickets.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <type_traits>

#include "adapters/crypto.hpp"
#include "app/readers.hpp"
#include "app/ticket_changes.hpp"
#include "app/ticket_mails.hpp"
#include "tessera/attachments.hpp"

namespace tessera::server {

namespace {
bool closes_ticket(TicketStatus status) { return !is_open(status); }

std::vector<Language> parse_languages(const std::string& list) {
  std::vector<Language> languages;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');)
    if (auto language = parse_language(item)) languages.push_back(*language);
  return languages;
}
}  // namespace

Result<TicketRecord> Tickets::visible_ticket(const UserRecord& user, Id ticket_id) {
  auto ticket = store_.ticket(ticket_id);
  // Another account's ticket answers like a missing one: its existence is not revealed.
  if (!ticket || !may_see_ticket(context_.viewer_of(user), TicketOwnership{ticket->account_id, ticket->opened_by}))
    return make_error("not_found");
  return *ticket;
}

std::string Tickets::user_name(Id user_id, UserNames* names) {
  if (names)
    if (const auto known = names->find(user_id); known != names->end()) return known->second;
  const auto user = store_.user_by_id(user_id);
  std::string name = user ? user->name : std::string();
  if (names) names->emplace(user_id, name);
  return name;
}

wire::TicketSummary Tickets::summary_of(const TicketRecord& t, const Viewer& viewer, UserNames* names) {
  wire::TicketSummary summary = fields_of(t);
  if (is_staff(viewer.role)) summary.customer_name = user_name(t.opened_by, names);
  if (t.operator_id) summary.operator_name = user_name(*t.operator_id, names);
  return summary;
}

wire::TicketSummary Tickets::fields_of(const TicketRecord& t) {
  wire::TicketSummary summary;
  summary.id = t.id;
  summary.reference = wire::ticket_reference(t.id);
  summary.subject = t.subject;
  summary.category = t.category;
  summary.criticality = t.criticality;
  summary.triage = t.triage;
  summary.language = t.language;
  summary.status = t.status;
  summary.funding = t.funding;
  summary.minutes_worked = t.minutes_worked;
  summary.created_at = t.created_at;
  summary.updated_at = t.updated_at;
  return summary;
}

wire::TicketDetail Tickets::detail_of(const TicketRecord& t, const Viewer& viewer) {
  wire::TicketDetail detail;
  detail.ticket = summary_of(t, viewer);
  detail.description = t.description;
  if (is_staff(viewer.role)) {  // the account's onboarding step
    detail.work_environment = stored_work_environment(store_, t.account_id);
    detail.contacts = stored_contacts(store_, t.account_id);
  }
  const TicketCostStatement statement = cost_statement(store_.ledger_entries(t.account_id), t.id);
  detail.cost = statement.total;
  std::vector<Cost> entry_costs;  // the time entries' costs, in order
  for (const CostLine& line : statement.lines)
    if (line.kind == EntryKind::time_logged || line.kind == EntryKind::time_adjusted) entry_costs.push_back(line.cost);
  std::size_t time_entries_seen = 0;
  std::map<Id, std::pair<std::string, Role>> authors;
  for (const TicketEventRecord& event : store_.ticket_events(t.id)) {
    if (event.kind == TicketEventKind::internal_note && !may_see_internal_notes(viewer)) continue;
    wire::TimelineEntry entry;
    entry.id = event.id;
    entry.kind = event.kind;
    entry.at = event.at;
    entry.body = event.body;
    entry.minutes = event.minutes;
    entry.status_from = event.status_from;
    entry.status_to = event.status_to;
    if (is_time_event(event.kind) && time_entries_seen < entry_costs.size())
      entry.cost = entry_costs[time_entries_seen++];
    if (event.author_id) {
      auto found = authors.find(*event.author_id);
      if (found == authors.end()) {
        const auto author = store_.user_by_id(*event.author_id);
        found = authors
                    .emplace(*event.author_id,
                             author ? std::pair(author->name, author->role) : std::pair(std::string(), Role::system))
                    .first;
      }
      entry.author_name = found->second.first;
      entry.author_role = found->second.second;
    }
    detail.timeline.push_back(std::move(entry));
  }
  for (const AttachmentRecord& attachment : store_.attachments_of_ticket(t.id)) {
    const auto uploader = store_.user_by_id(attachment.uploaded_by);
    detail.attachments.push_back(wire::AttachmentView{attachment.id, attachment.filename, attachment.content_type,
                                                      attachment.size, uploader ? uploader->name : "",
                                                      attachment.created_at});
  }
  return detail;
}

template <class Change>
Result<CreatedTicket> Tickets::idempotent_change(const UserRecord& user, Id ticket_id, const std::string& key,
                                                 const std::string& request_hash, Change change) {
  const Viewer viewer = context_.viewer_of(user);
  const auto changed = atomically<ChangedTicket>(store_, [&]() -> Result<ChangedTicket> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    const auto seen = seen_request(user, key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return ChangedTicket{ticket, true};
    if (auto refused = change(ticket, viewer)) return *refused;
    remember_request(user, key, request_hash, ticket.id);
    return ChangedTicket{ticket, false};
  });
  if (!changed) return changed.error();
  // The answer is read once the change is committed, outside the writer (writers do not wait for it).
  return CreatedTicket{detail_of(changed->ticket, viewer), changed->replayed};
}

template <class T>
Result<T> Tickets::announce(Result<T> result, bool staff_only) {
  if (!result) return result;
  if constexpr (std::is_same_v<T, CreatedTicket>) announce_ticket(context_, result->detail.ticket.id, staff_only);
  else announce_ticket(context_, result->ticket.id, staff_only);
  return result;
}

Result<std::optional<Id>> Tickets::seen_request(const UserRecord& user, const std::string& key,
                                                const std::string& request_hash) {
  if (key.empty()) return std::optional<Id>{};
  if (key.size() > wire::Limits::idempotency_key_max) return make_error("invalid_value", "Idempotency-Key");
  const auto seen = store_.idempotency(user.id, key);
  if (!seen) return std::optional<Id>{};
  if (seen->request_hash != request_hash) return make_error("idempotency_conflict");
  return std::optional<Id>{seen->ticket_id};
}

void Tickets::remember_request(const UserRecord& user, const std::string& key, const std::string& request_hash,
                               Id ticket_id) {
  if (!key.empty()) store_.record_idempotency(user.id, key, IdempotencyRecord{request_hash, ticket_id}, context_.now());
}

Result<CreatedTicket> Tickets::create_ticket(const UserRecord& user, const wire::TicketDraft& draft,
                                             const std::string& idempotency_key) {
  if (user.role != Role::customer || !user.account_id) return make_error("forbidden");
  if (idempotency_key.empty()) return make_error("idempotency_key_required", "Idempotency-Key");
  const std::string request_hash = sha256_hex(wire::to_json(draft).dump());
  const Viewer viewer = context_.viewer_of(user);
  const auto opened = atomically<ChangedTicket>(store_, [&]() -> Result<ChangedTicket> {
    const auto seen = seen_request(user, idempotency_key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return ChangedTicket{*store_.ticket(**seen), true};
    AccountLedger ledger = load_ledger(*user.account_id);
    const Instant at = ledger_now(ledger);
    TicketRecord ticket;
    ticket.account_id = *user.account_id;
    ticket.opened_by = user.id;
    ticket.subject = draft.subject;
    ticket.description = draft.description;
    ticket.category = draft.category;
    ticket.criticality = draft.criticality;
    ticket.language = draft.language;
    ticket.status = TicketStatus::new_;
    ticket.created_at = ticket.updated_at = at;
    ticket.id = store_.create_ticket(ticket);
    // The funding is chosen now and never changes (SPEC §1.7); a unit is reserved if any.
    for (const LedgerEntry& entry : record(ticket.account_id, ledger, OpenTicket{at, ticket.id, context_.scope_of(user, viewer), draft.funding}))
      if (entry.kind == EntryKind::ticket_opened) ticket.funding = std::string(to_string(entry.source));
    store_.update_ticket(ticket);
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, TicketEventKind::status_change, at, user.id, "", 0, std::nullopt,
                                              TicketStatus::new_});
    remember_request(user, idempotency_key, request_hash, ticket.id);
    mail_ticket_opened(context_, ticket);
    return ChangedTicket{ticket, false};
  });
  if (!opened) return opened.error();
  // The answer is read once the ticket is committed, outside the writer (writers do not wait for it).
  return announce(Result<CreatedTicket>(CreatedTicket{detail_of(opened->ticket, viewer), opened->replayed}));
}

std::vector<wire::TicketSummary> Tickets::list_tickets(const UserRecord& user) {
  const Viewer viewer = context_.viewer_of(user);
  std::vector<TicketRecord> tickets;
  if (is_staff(user.role)) tickets = store_.all_tickets(500);
  else if (user.account_id && viewer.is_account_owner) tickets = store_.tickets_of_account(*user.account_id);
  else tickets = store_.tickets_opened_by(user.id);
  std::vector<wire::TicketSummary> summaries;
  UserNames names;  // a list names the same few operators again and again
  for (const TicketRecord& ticket : tickets)
    if (may_see_ticket(viewer, TicketOwnership{ticket.account_id, ticket.opened_by}))
      summaries.push_back(summary_of(ticket, viewer, &names));
  return summaries;
}

Result<wire::TicketDetail> Tickets::ticket_detail(const UserRecord& user, Id ticket_id) {
  auto ticket = visible_ticket(user, ticket_id);
  if (!ticket) return ticket.error();
  return detail_of(*ticket, context_.viewer_of(user));
}

Result<CreatedTicket> Tickets::add_message(const UserRecord& user, Id ticket_id, const wire::MessageDraft& draft,
                                           const std::string& idempotency_key) {
  const std::string request_hash =
      sha256_hex("message " + std::to_string(ticket_id) + " " + wire::to_json(draft).dump());
  return announce(idempotent_change(user, ticket_id, idempotency_key, request_hash,
                                    [&](TicketRecord& ticket, const Viewer& viewer) -> std::optional<Error> {
    if (draft.internal && !may_see_internal_notes(viewer)) return make_error("forbidden", "internal");
    if (!accepts_messages(ticket.status)) return make_error("ticket_closed");
    const Instant at = context_.now();
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, draft.internal ? TicketEventKind::internal_note : TicketEventKind::message, at, user.id,
                                              draft.body, 0, std::nullopt, std::nullopt});
    // An internal note changes nothing the customer can see or be told (SPEC §1.8): not the
    // ticket's updated_at, and its event reaches staff streams only (announce below).
    if (!draft.internal) ticket.updated_at = at;
    if (!draft.internal && is_staff(user.role)) mail_operator_reply(context_, ticket, draft.body);
    if (user.role == Role::customer && ticket.status == TicketStatus::waiting_customer) {
      const auto next = apply_ticket_action(TicketFacts{ticket.status, ticket.minutes_worked},
                                            TicketAction::customer_replied, Role::customer);
      if (next) change_status(context_, ticket, *next, user.id);
    }
    store_.update_ticket(ticket);
    return std::nullopt;
  }), /*staff_only=*/draft.internal);
}

Result<CreatedTicket> Tickets::add_attachment(const UserRecord& user, Id ticket_id, const std::string& filename,
                                              const std::string& bytes, const std::string& idempotency_key) {
  const std::string request_hash =
      sha256_hex("attachment " + std::to_string(ticket_id) + " " + filename + " " + sha256_hex(bytes));
  return announce(idempotent_change(user, ticket_id, idempotency_key, request_hash,
                                    [&](TicketRecord& ticket, const Viewer&) -> std::optional<Error> {
    if (!accepts_messages(ticket.status)) return make_error("ticket_closed");
    const auto content_type = accept_attachment(bytes, store_.attachments_of_ticket(ticket.id).size());
    if (!content_type) return content_type.error();
    const Instant at = context_.now();
    AttachmentRecord attachment;
    attachment.ticket_id = ticket.id;
    attachment.uploaded_by = user.id;
    attachment.filename = safe_attachment_name(filename);
    attachment.content_type = *content_type;
    attachment.size = static_cast<std::int64_t>(bytes.size());
    attachment.sha256 = sha256_hex(bytes);
    attachment.data = bytes;
    attachment.created_at = at;
    store_.add_attachment(attachment);
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, TicketEventKind::attachment, at, user.id, attachment.filename, 0,
                                              std::nullopt, std::nullopt});
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    return std::nullopt;
  }));
}

Result<AttachmentRecord> Tickets::attachment(const UserRecord& user, Id ticket_id, Id attachment_id) {
  const auto ticket = visible_ticket(user, ticket_id);
  if (!ticket) return ticket.error();
  auto attachment = store_.attachment(attachment_id);
  if (!attachment || attachment->ticket_id != ticket_id) return make_error("not_found");
  return std::move(*attachment);
}

Result<wire::TicketDetail> Tickets::apply_action(const UserRecord& user, Id ticket_id, TicketAction action) {
  return announce(atomically<wire::TicketDetail>(store_, [&]() -> Result<wire::TicketDetail> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    const auto next = apply_ticket_action(TicketFacts{ticket.status, ticket.minutes_worked}, action, user.role);
    if (!next) return next.error();
    if (action == TicketAction::take) ticket.operator_id = user.id;
    if (closes_ticket(*next)) {  // the ledger releases an unused reservation (SPEC §1.4)
      AccountLedger ledger = load_ledger(ticket.account_id);
      record(ticket.account_id, ledger, CloseTicket{ledger_now(ledger), ticket.id});
    }
    change_status(context_, ticket, *next, user.id);
    store_.update_ticket(ticket);
    return detail_of(ticket, context_.viewer_of(user));
  }));
}

Result<CreatedTicket> Tickets::log_time(const UserRecord& user, Id ticket_id, const wire::TimeEntryDraft& draft,
                                        const std::string& idempotency_key) {
  if (!is_staff(user.role)) return make_error("forbidden");
  const std::string request_hash =
      sha256_hex("time " + std::to_string(ticket_id) + " " + wire::to_json(draft).dump());
  return announce(idempotent_change(user, ticket_id, idempotency_key, request_hash,
                                    [&](TicketRecord& ticket, const Viewer&) -> std::optional<Error> {
    if (!accepts_time_entries(ticket.status)) {
      Error error = make_error("invalid_transition");
      error.params = {{"status", std::string(to_string(ticket.status))}, {"action", "log_time"}};
      return error;
    }
    AccountLedger ledger = load_ledger(ticket.account_id);
    const Instant at = ledger_now(ledger);
    const auto entries = record(ticket.account_id, ledger, LogTime{at, ticket.id, draft.minutes, draft.note});
    store_.add_ticket_event(
        TicketEventRecord{0, ticket.id, TicketEventKind::time_entry, at, user.id, draft.note, draft.minutes, std::nullopt, std::nullopt});
    ticket.minutes_worked = worked_minutes(ledger, ticket.id);
    ticket.updated_at = at;
    // SPEC §1.7: an overrun makes the ticket wait for the customer to top up.
    if (const auto next = status_after_entries(TicketFacts{ticket.status, ticket.minutes_worked}, entries))
      change_status(context_, ticket, *next, std::nullopt);
    store_.update_ticket(ticket);
    return std::nullopt;
  }));
}

Result<wire::TicketDetail> Tickets::triage(const UserRecord& user, Id ticket_id, Criticality criticality) {
  if (!is_staff(user.role)) return make_error("forbidden");
  return announce(atomically<wire::TicketDetail>(store_, [&]() -> Result<wire::TicketDetail> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    if (!is_open(ticket.status)) return make_error("ticket_closed");
    const Instant at = context_.now();
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, TicketEventKind::triage_change, at, user.id,
                                              std::string(to_string(criticality)), 0, std::nullopt, std::nullopt});
    ticket.triage = criticality;
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    return detail_of(ticket, context_.viewer_of(user));
  }));
}

Result<wire::TicketDetail> Tickets::adjust_time(const UserRecord& user, Id ticket_id, Minutes minutes,
                                                const std::string& note) {
  if (user.role != Role::admin) return make_error("forbidden");
  return announce(atomically<wire::TicketDetail>(store_, [&]() -> Result<wire::TicketDetail> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    AccountLedger ledger = load_ledger(ticket.account_id);
    const Instant at = ledger_now(ledger);
    const auto entries = record(ticket.account_id, ledger, AdjustTime{at, ticket.id, minutes, note});
    store_.add_ticket_event(
        TicketEventRecord{0, ticket.id, TicketEventKind::time_adjustment, at, user.id, note, minutes, std::nullopt, std::nullopt});
    ticket.minutes_worked = worked_minutes(ledger, ticket.id);
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    restore_funded_tickets(context_, ledger, entries);  // a correction downwards may cancel an overrun
    store_.audit(at, user.id, "time_adjusted",
                 nlohmann::json{{"ticket", ticket.id}, {"minutes", minutes}, {"note", note}}.dump());
    return detail_of(*store_.ticket(ticket.id), context_.viewer_of(user));
  }));
}

Result<Tickets::QueuePage> Tickets::queue(const UserRecord& user, const QueueQuery& query, const OpeningHours& hours,
                                          const SlaTargets& targets) {
  if (!is_staff(user.role)) return make_error("forbidden");
  QueuePage page;
  page.languages_spoken = user.role == Role::admin ? std::vector<Language>{Language::fr, Language::en, Language::es}
                                                   : parse_languages(user.languages_spoken);
  std::vector<Language> languages;  // asked for and spoken
  for (Language language : page.languages_spoken)
    if (query.languages.empty() ||
        std::find(query.languages.begin(), query.languages.end(), language) != query.languages.end())
      languages.push_back(language);
  const Viewer viewer = context_.viewer_of(user);
  std::map<Id, TicketRecord> by_id;
  std::vector<QueueItem> items;
  for (TicketRecord& ticket : store_.open_tickets()) {
    // What the filters read: the ticket without names (no query per ticket).
    if (!ticket_matches(query.filter, fields_of(ticket))) continue;
    items.push_back(QueueItem{ticket.id, ticket.criticality, ticket.triage, ticket.language, ticket.status,
                              ticket.created_at});
    by_id.emplace(ticket.id, std::move(ticket));
  }
  const std::vector<QueueItem> ordered = operator_queue(std::move(items), languages);
  page.total = ordered.size();
  const std::size_t first = std::min(query.offset, ordered.size());
  const std::size_t last = std::min(ordered.size(), first + query.limit);
  std::vector<Id> people;  // customers and operators named on the page, read in one query
  for (std::size_t i = first; i < last; ++i) {
    const TicketRecord& ticket = by_id.at(ordered[i].ticket_id);
    people.push_back(ticket.opened_by);
    if (ticket.operator_id) people.push_back(*ticket.operator_id);
  }
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  UserNames names = store_.user_names(people);
  const Instant at = context_.now();
  for (std::size_t i = first; i < last; ++i) {
    const TicketRecord& ticket = by_id.at(ordered[i].ticket_id);
    wire::QueueEntry entry{summary_of(ticket, viewer, &names), std::nullopt};
    const auto standing =
        sla_standing(hours, targets, effective_criticality(ticket.criticality, ticket.triage), ticket.created_at, at);
    if (standing) entry.sla = standing.value();
    page.tickets.push_back(std::move(entry));
  }
  return page;
}

bool Tickets::system_action(Id ticket_id, TicketAction action) { return server::system_action(context_, ticket_id, action); }

}  // namespace tessera::server
