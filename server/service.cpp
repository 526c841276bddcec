// The API's use cases (see service.hpp). Rules come from shared/: validation (wire.hpp),
// the support-time ledger (ledger.hpp), the ticket state machine (ticket.hpp), access
// (access.hpp). Each use case is one store transaction.
#include "service.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <type_traits>
#include <map>
#include <sstream>

#include "crypto.hpp"
#include "tessera/attachments.hpp"
#include "onboarding.hpp"
#include "settings.hpp"
#include "tessera/email.hpp"
#include "tessera/trial.hpp"

namespace tessera::server {

namespace {
constexpr std::int64_t kSessionTouchSeconds = 60;  // last_seen_at is written at most once a minute

bool closes_ticket(TicketStatus status) { return !is_open(status); }

std::vector<Language> parse_languages(const std::string& list) {
  std::vector<Language> languages;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');)
    if (auto language = parse_language(item)) languages.push_back(*language);
  return languages;
}
}  // namespace

namespace {
LedgerRules ledger_rules_of(const Config& config) {
  LedgerRules rules;
  rules.trial = config.trial;
  return rules;
}
}  // namespace

Service::Service(Store& store, const Config& config)
    : store_(store), config_(config), ledgers_(store, ledger_rules_of(config)),
      dummy_hash_(hash_password("not a real password", config.argon2_opslimit, config.argon2_memlimit)) {}

Instant Service::now() const { return config_.clock ? config_.clock() : system_now(); }

UserScope Service::scope_of(const UserRecord& user, const Viewer& viewer) {
  // The owner holds every scope; authorized users get the one the owner gave them (SPEC §1.3).
  if (viewer.is_account_owner) return UserScope{user.id, true, true};
  const auto member = store_.member(user.id);
  if (!member || member->removed_at) return UserScope{user.id, false, false};
  return UserScope{user.id, member->scope.subscription, member->scope.pool};
}

// [SECTION] Accounts and sessions
SessionStart Service::open_session(const UserRecord& user) {
  SessionStart start;
  start.token = random_token_hex();
  const Instant at = now();
  store_.create_session(sha256_hex(start.token), SessionRecord{user.id, at, at});
  start.me = me(user);
  return start;
}

Result<SessionStart> Service::signup(const wire::SignupRequest& request) {
  const std::string password_hash = hash_password(request.password, config_.argon2_opslimit, config_.argon2_memlimit);
  const auto created = atomically<UserRecord>(store_, [&]() -> Result<UserRecord> {
    if (store_.user_by_email(request.email)) return make_error("email_taken", "email");
    const Instant at = now();
    UserRecord user;
    user.account_id = store_.create_account(at);
    user.name = request.name;
    user.email = request.email;
    user.password_hash = password_hash;
    user.role = Role::customer;
    user.language = request.language;
    user.created_at = at;
    user.id = store_.create_user(user);
    store_.set_account_owner(*user.account_id, user.id);
    if (!store_.email_had_trial(request.email)) {  // one trial per person, ever (SPEC §1.1)
      store_.record_trial(request.email, *user.account_id, at);
      // The trial's length is an admin setting (settings.cpp), read at each sign-up.
      LedgerRules rules = ledger_rules_of(config_);
      rules.trial = stored_trial_rules(store_).value_or(config_.trial);
      AccountLedger ledger = replay(rules, store_.ledger_entries(*user.account_id));
      record(*user.account_id, ledger, GrantTrial{at, user.id});
    }
    return user;
  });
  if (!created) return created.error();
  return open_session(*created);
}

Result<SessionStart> Service::login(const wire::LoginRequest& request) {
  const auto user = store_.user_by_email(request.email);
  if (!user) {
    verify_password(dummy_hash_, request.password);  // same work as a real check
    return make_error("invalid_credentials");
  }
  if (!verify_password(user->password_hash, request.password)) return make_error("invalid_credentials");
  if (user->disabled_at) return make_error("account_disabled");  // said only to who knows the password
  return open_session(*user);
}

void Service::logout(const std::string& token, bool everywhere) {
  const std::string digest = sha256_hex(token);
  if (everywhere) {
    if (const auto session = store_.session(digest)) return store_.delete_sessions_of_user(session->user_id, "");
  }
  store_.delete_session(digest);
}

std::optional<UserRecord> Service::authenticate(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const std::string digest = sha256_hex(token);
  const auto session = store_.session(digest);
  if (!session) return std::nullopt;
  const Instant at = now();
  if (at - session->last_seen_at >= config_.session_idle_seconds ||
      at - session->created_at >= config_.session_absolute_seconds) {
    store_.delete_session(digest);
    return std::nullopt;
  }
  if (at - session->last_seen_at >= kSessionTouchSeconds) store_.touch_session(digest, at);
  auto user = store_.user_by_id(session->user_id);
  if (user && user->disabled_at) {  // disabling ends the sessions; a session left over ends here
    store_.delete_session(digest);
    return std::nullopt;
  }
  return user;
}

wire::Me Service::me(const UserRecord& user) {
  wire::Me me;
  me.user = wire::UserView{user.id, user.account_id.value_or(0), user.name, user.email, user.role, user.language};
  me.user.account_owner = user.account_id && store_.account_owner(*user.account_id) == user.id;
  if (!user.account_id) return me;
  const AccountLedger ledger = load_ledger(*user.account_id);
  const Instant at = now();
  const UserScope scope = scope_of(user, viewer_of(user));
  const AccountBalances balances = account_balances(ledger, at);
  wire::Balances& out = me.balances;
  for (const Lot& lot : ledger.lots())
    if (lot.kind == LotKind::trial_minutes) {
      out.trial_minutes_granted = lot.credited;
      out.trial_expires_at = lot.expires_at;
    }
  out.trial_minutes_left = trial_minutes_available(ledger, scope, at);
  out.overrun_minutes = balances.overrun;
  out.units_available = balances.units_available;
  out.units_reserved = balances.units_reserved;
  out.bank_minutes_available = balances.bank_minutes_available;
  out.subscription = balances.subscription;
  out.subscription_period_end = balances.subscription_period_end;
  out.next_expiry = balances.next_expiry.value_or(0);
  out.funding_options = funding_options(ledger, scope, at);
  out.subscription_included_users = balances.subscription_included_users;
  out.subscription_extra_users = balances.subscription_extra_users;
  out.subscription_extra_users_next = balances.subscription_extra_users_next;
  out.subscription_user_limit = balances.subscription_user_limit;
  return me;
}

Result<UserRecord> Service::create_staff(const std::string& name, const std::string& email,
                                         const std::string& password, Role role,
                                         const std::string& languages_spoken) {
  UserRecord user;
  user.name = name;
  user.email = normalize_email(email);
  user.password_hash = hash_password(password, config_.argon2_opslimit, config_.argon2_memlimit);
  user.role = role;
  user.language = Language::en;
  user.languages_spoken = languages_spoken;
  user.created_at = now();
  bool taken = false;
  store_.transaction([&] {
    if (store_.user_by_email(user.email)) {
      taken = true;
      return;
    }
    user.id = store_.create_user(user);
  });
  if (taken) return make_error("email_taken", "email");
  return user;
}

Result<UserRecord> Service::update_staff(const UserRecord& admin, Id staff_id,
                                         const std::optional<std::string>& languages_spoken, std::optional<bool> disabled) {
  if (disabled && *disabled && staff_id == admin.id) return make_error("cannot_disable_yourself", "disabled");
  auto member = store_.user_by_id(staff_id);
  if (!member || (member->role != Role::operator_ && member->role != Role::admin)) return make_error("not_found");
  const UserRecord before = *member;
  if (languages_spoken) member->languages_spoken = *languages_spoken;
  if (disabled) member->disabled_at = *disabled ? std::optional<Instant>(before.disabled_at.value_or(now())) : std::nullopt;
  store_.transaction([&] {
    store_.update_staff(member->id, member->languages_spoken, member->disabled_at);
    if (member->disabled_at) store_.delete_sessions_of_user(member->id, "");
    store_.audit(now(), admin.id, "staff_changed",
                 nlohmann::json{{"user", member->id},
                      {"before", {{"languages", before.languages_spoken}, {"disabled", before.disabled_at.has_value()}}},
                      {"after", {{"languages", member->languages_spoken}, {"disabled", member->disabled_at.has_value()}}}}
                     .dump());
  });
  return *member;
}

// [SECTION] Ticket views
Viewer Service::viewer_of(const UserRecord& user) {
  Viewer viewer{user.id, user.role, user.account_id, false};
  if (user.account_id) viewer.is_account_owner = store_.account_owner(*user.account_id) == user.id;
  return viewer;
}

Result<TicketRecord> Service::visible_ticket(const UserRecord& user, Id ticket_id) {
  auto ticket = store_.ticket(ticket_id);
  // Another account's ticket answers like a missing one: its existence is not revealed.
  if (!ticket || !may_see_ticket(viewer_of(user), TicketOwnership{ticket->account_id, ticket->opened_by}))
    return make_error("not_found");
  return *ticket;
}

std::string Service::user_name(Id user_id, UserNames* names) {
  if (names)
    if (const auto known = names->find(user_id); known != names->end()) return known->second;
  const auto user = store_.user_by_id(user_id);
  std::string name = user ? user->name : std::string();
  if (names) names->emplace(user_id, name);
  return name;
}

wire::TicketSummary Service::summary_of(const TicketRecord& t, const Viewer& viewer, UserNames* names) {
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
  if (is_staff(viewer.role)) summary.customer_name = user_name(t.opened_by, names);
  if (t.operator_id) summary.operator_name = user_name(*t.operator_id, names);
  return summary;
}

wire::TicketDetail Service::detail_of(const TicketRecord& t, const Viewer& viewer) {
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
    if (event.kind == "internal_note" && !may_see_internal_notes(viewer)) continue;
    wire::TimelineEntry entry;
    entry.id = event.id;
    entry.kind = event.kind;
    entry.at = event.at;
    entry.body = event.body;
    entry.minutes = event.minutes;
    entry.status_from = event.status_from;
    entry.status_to = event.status_to;
    if ((event.kind == "time_entry" || event.kind == "time_adjustment") && time_entries_seen < entry_costs.size())
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

void Service::change_status(TicketRecord& ticket, TicketStatus to, std::optional<Id> author) {
  TicketEventRecord event;
  event.ticket_id = ticket.id;
  event.kind = "status_change";
  event.at = now();
  event.author_id = author;
  event.status_from = ticket.status;
  event.status_to = to;
  store_.add_ticket_event(event);
  ticket.status = to;
  ticket.updated_at = event.at;
}

template <class T>
Result<T> Service::announce(Result<T> result, bool staff_only) {
  if (!result) return result;
  const wire::TicketSummary& ticket = [&]() -> const wire::TicketSummary& {
    if constexpr (std::is_same_v<T, CreatedTicket>) return result->detail.ticket;
    else return result->ticket;
  }();
  if (const auto stored = store_.ticket(ticket.id))
    events_.publish(TicketChange{stored->id, TicketOwnership{stored->account_id, stored->opened_by}, stored->status,
                                 stored->updated_at, staff_only});
  return result;
}

// [SECTION] Ticket use cases
Result<std::optional<Id>> Service::seen_request(const UserRecord& user, const std::string& key,
                                                const std::string& request_hash) {
  if (key.empty()) return std::optional<Id>{};
  if (key.size() > wire::Limits::idempotency_key_max) return make_error("invalid_value", "Idempotency-Key");
  const auto seen = store_.idempotency(user.id, key);
  if (!seen) return std::optional<Id>{};
  if (seen->request_hash != request_hash) return make_error("idempotency_conflict");
  return std::optional<Id>{seen->ticket_id};
}

void Service::remember_request(const UserRecord& user, const std::string& key, const std::string& request_hash,
                               Id ticket_id) {
  if (!key.empty()) store_.record_idempotency(user.id, key, IdempotencyRecord{request_hash, ticket_id}, now());
}

Result<CreatedTicket> Service::create_ticket(const UserRecord& user, const wire::TicketDraft& draft,
                                             const std::string& idempotency_key) {
  if (user.role != Role::customer || !user.account_id) return make_error("forbidden");
  if (idempotency_key.empty()) return make_error("idempotency_key_required", "Idempotency-Key");
  const std::string request_hash = sha256_hex(wire::to_json(draft).dump());
  return announce(atomically<CreatedTicket>(store_, [&]() -> Result<CreatedTicket> {
    const Viewer viewer = viewer_of(user);
    const auto seen = seen_request(user, idempotency_key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return CreatedTicket{detail_of(*store_.ticket(**seen), viewer), true};
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
    for (const LedgerEntry& entry : record(ticket.account_id, ledger, OpenTicket{at, ticket.id, scope_of(user, viewer), draft.funding}))
      if (entry.kind == EntryKind::ticket_opened) ticket.funding = std::string(to_string(entry.source));
    store_.update_ticket(ticket);
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, "status_change", at, user.id, "", 0, std::nullopt,
                                              TicketStatus::new_});
    remember_request(user, idempotency_key, request_hash, ticket.id);
    return CreatedTicket{detail_of(ticket, viewer), false};
  }));
}

std::vector<wire::TicketSummary> Service::list_tickets(const UserRecord& user) {
  const Viewer viewer = viewer_of(user);
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

Result<wire::TicketDetail> Service::ticket_detail(const UserRecord& user, Id ticket_id) {
  auto ticket = visible_ticket(user, ticket_id);
  if (!ticket) return ticket.error();
  return detail_of(*ticket, viewer_of(user));
}

Result<CreatedTicket> Service::add_message(const UserRecord& user, Id ticket_id, const wire::MessageDraft& draft,
                                           const std::string& idempotency_key) {
  const std::string request_hash =
      sha256_hex("message " + std::to_string(ticket_id) + " " + wire::to_json(draft).dump());
  return announce(atomically<CreatedTicket>(store_, [&]() -> Result<CreatedTicket> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    const Viewer viewer = viewer_of(user);
    const auto seen = seen_request(user, idempotency_key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return CreatedTicket{detail_of(ticket, viewer), true};
    if (draft.internal && !may_see_internal_notes(viewer)) return make_error("forbidden", "internal");
    if (!accepts_messages(ticket.status)) return make_error("ticket_closed");
    const Instant at = now();
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, draft.internal ? "internal_note" : "message", at, user.id,
                                              draft.body, 0, std::nullopt, std::nullopt});
    // An internal note changes nothing the customer can see or be told (SPEC §1.8): not the
    // ticket's updated_at, and its event reaches staff streams only (announce below).
    if (!draft.internal) ticket.updated_at = at;
    if (user.role == Role::customer && ticket.status == TicketStatus::waiting_customer) {
      const auto next = apply_ticket_action(TicketFacts{ticket.status, ticket.minutes_worked},
                                            TicketAction::customer_replied, Role::customer);
      if (next) change_status(ticket, *next, user.id);
    }
    store_.update_ticket(ticket);
    remember_request(user, idempotency_key, request_hash, ticket.id);
    return CreatedTicket{detail_of(ticket, viewer), false};
  }), /*staff_only=*/draft.internal);
}

Result<CreatedTicket> Service::add_attachment(const UserRecord& user, Id ticket_id, const std::string& filename,
                                              const std::string& bytes, const std::string& idempotency_key) {
  const std::string request_hash =
      sha256_hex("attachment " + std::to_string(ticket_id) + " " + filename + " " + sha256_hex(bytes));
  return announce(atomically<CreatedTicket>(store_, [&]() -> Result<CreatedTicket> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    const auto seen = seen_request(user, idempotency_key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return CreatedTicket{detail_of(ticket, viewer_of(user)), true};
    if (!accepts_messages(ticket.status)) return make_error("ticket_closed");
    const auto content_type = accept_attachment(bytes, store_.attachments_of_ticket(ticket.id).size());
    if (!content_type) return content_type.error();
    const Instant at = now();
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
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, "attachment", at, user.id, attachment.filename, 0,
                                              std::nullopt, std::nullopt});
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    remember_request(user, idempotency_key, request_hash, ticket.id);
    return CreatedTicket{detail_of(ticket, viewer_of(user)), false};
  }));
}

Result<AttachmentRecord> Service::attachment(const UserRecord& user, Id ticket_id, Id attachment_id) {
  const auto ticket = visible_ticket(user, ticket_id);
  if (!ticket) return ticket.error();
  auto attachment = store_.attachment(attachment_id);
  if (!attachment || attachment->ticket_id != ticket_id) return make_error("not_found");
  return std::move(*attachment);
}

Result<wire::TicketDetail> Service::apply_action(const UserRecord& user, Id ticket_id, TicketAction action) {
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
    change_status(ticket, *next, user.id);
    store_.update_ticket(ticket);
    return detail_of(ticket, viewer_of(user));
  }));
}

Result<CreatedTicket> Service::log_time(const UserRecord& user, Id ticket_id, const wire::TimeEntryDraft& draft,
                                        const std::string& idempotency_key) {
  if (!is_staff(user.role)) return make_error("forbidden");
  const std::string request_hash =
      sha256_hex("time " + std::to_string(ticket_id) + " " + wire::to_json(draft).dump());
  return announce(atomically<CreatedTicket>(store_, [&]() -> Result<CreatedTicket> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    const auto seen = seen_request(user, idempotency_key, request_hash);
    if (!seen) return seen.error();
    if (*seen) return CreatedTicket{detail_of(ticket, viewer_of(user)), true};
    if (!accepts_time_entries(ticket.status)) {
      Error error = make_error("invalid_transition");
      error.params = {{"status", std::string(to_string(ticket.status))}, {"action", "log_time"}};
      return error;
    }
    AccountLedger ledger = load_ledger(ticket.account_id);
    const Instant at = ledger_now(ledger);
    const auto entries = record(ticket.account_id, ledger, LogTime{at, ticket.id, draft.minutes, draft.note});
    store_.add_ticket_event(
        TicketEventRecord{0, ticket.id, "time_entry", at, user.id, draft.note, draft.minutes, std::nullopt, std::nullopt});
    ticket.minutes_worked += draft.minutes;
    ticket.updated_at = at;
    const bool overrun = std::any_of(entries.begin(), entries.end(),
                                     [](const LedgerEntry& entry) { return entry.kind == EntryKind::overrun_recorded; });
    if (overrun) {  // SPEC §1.7: the ticket waits for the customer to top up
      const auto next = apply_ticket_action(TicketFacts{ticket.status, ticket.minutes_worked},
                                            TicketAction::funding_exhausted, Role::system);
      if (next) change_status(ticket, *next, std::nullopt);
    }
    store_.update_ticket(ticket);
    remember_request(user, idempotency_key, request_hash, ticket.id);
    return CreatedTicket{detail_of(ticket, viewer_of(user)), false};
  }));
}

Result<wire::TicketDetail> Service::triage(const UserRecord& user, Id ticket_id, Criticality criticality) {
  if (!is_staff(user.role)) return make_error("forbidden");
  return announce(atomically<wire::TicketDetail>(store_, [&]() -> Result<wire::TicketDetail> {
    auto found = visible_ticket(user, ticket_id);
    if (!found) return found.error();
    TicketRecord ticket = *found;
    if (!is_open(ticket.status)) return make_error("ticket_closed");
    const Instant at = now();
    store_.add_ticket_event(TicketEventRecord{0, ticket.id, "triage_change", at, user.id,
                                              std::string(to_string(criticality)), 0, std::nullopt, std::nullopt});
    ticket.triage = criticality;
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    return detail_of(ticket, viewer_of(user));
  }));
}

Result<wire::TicketDetail> Service::adjust_time(const UserRecord& user, Id ticket_id, Minutes minutes,
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
        TicketEventRecord{0, ticket.id, "time_adjustment", at, user.id, note, minutes, std::nullopt, std::nullopt});
    ticket.minutes_worked += minutes;
    ticket.updated_at = at;
    store_.update_ticket(ticket);
    restore_funded_tickets(ledger, entries);  // a correction downwards may cancel an overrun
    store_.audit(at, user.id, "time_adjusted",
                 nlohmann::json{{"ticket", ticket.id}, {"minutes", minutes}, {"note", note}}.dump());
    return detail_of(*store_.ticket(ticket.id), viewer_of(user));
  }));
}

bool Service::system_action(Id ticket_id, TicketAction action) {
  const auto done = announce(atomically<wire::TicketDetail>(store_, [&]() -> Result<wire::TicketDetail> {
    auto ticket = store_.ticket(ticket_id);
    if (!ticket) return make_error("not_found");
    const auto next = apply_ticket_action(TicketFacts{ticket->status, ticket->minutes_worked}, action, Role::system);
    if (!next) return next.error();
    if (!is_open(*next)) {
      AccountLedger ledger = load_ledger(ticket->account_id);
      record(ticket->account_id, ledger, CloseTicket{ledger_now(ledger), ticket->id});
    }
    change_status(*ticket, *next, std::nullopt);
    store_.update_ticket(*ticket);
    wire::TicketDetail detail;
    detail.ticket.id = ticket->id;
    return detail;
  }));
  return done.ok();
}

Result<wire::Me> Service::cancel_subscription(const UserRecord& user) {
  const Viewer viewer = viewer_of(user);
  if (user.role != Role::customer || !user.account_id || !viewer.is_account_owner) return make_error("owner_only");
  const auto cancelled = atomically<bool>(store_, [&]() -> Result<bool> {
    AccountLedger ledger = load_ledger(*user.account_id);
    record(*user.account_id, ledger, CancelSubscription{ledger_now(ledger)});
    store_.audit(now(), user.id, "subscription_cancelled", "{}");
    return true;
  });
  if (!cancelled) return cancelled.error();
  return me(user);
}

void Service::restore_funded_tickets(const AccountLedger& ledger, const std::vector<LedgerEntry>& new_entries) {
  for (Id ticket_id : tickets_funding_restored(ledger, new_entries)) {
    auto ticket = store_.ticket(ticket_id);
    if (!ticket) continue;
    const auto next = apply_ticket_action(TicketFacts{ticket->status, ticket->minutes_worked},
                                          TicketAction::funding_restored, Role::system);
    if (!next) continue;
    change_status(*ticket, *next, std::nullopt);
    store_.update_ticket(*ticket);
  }
}

Result<Service::QueuePage> Service::queue(const UserRecord& user, const QueueQuery& query, const OpeningHours& hours,
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
  const Viewer viewer = viewer_of(user);
  std::map<Id, TicketRecord> by_id;
  std::vector<QueueItem> items;
  for (TicketRecord& ticket : store_.open_tickets()) {
    wire::TicketSummary matched;  // what the filters read, without names (no query per ticket)
    matched.reference = wire::ticket_reference(ticket.id);
    matched.subject = ticket.subject;
    matched.category = ticket.category;
    matched.criticality = ticket.criticality;
    matched.triage = ticket.triage;
    matched.status = ticket.status;
    if (!ticket_matches(query.filter, matched)) continue;
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
  const Instant at = now();
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

}  // namespace tessera::server
