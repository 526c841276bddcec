// Ticket names and state machine (see ticket.hpp).
#include "tessera/ticket.hpp"

#include <array>
#include <utility>

namespace tessera {

// [SECTION] Names
namespace {
template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<Language, 3> kLanguages{{{Language::fr, "fr"}, {Language::en, "en"}, {Language::es, "es"}}};
constexpr NameTable<Category, 5> kCategories{{{Category::hardware, "hardware"},
                                              {Category::software, "software"},
                                              {Category::network, "network"},
                                              {Category::account, "account"},
                                              {Category::other, "other"}}};
constexpr NameTable<Criticality, 4> kCriticalities{{{Criticality::critical, "critical"},
                                                    {Criticality::high, "high"},
                                                    {Criticality::normal, "normal"},
                                                    {Criticality::low, "low"}}};
constexpr NameTable<TicketStatus, 8> kStatuses{{{TicketStatus::new_, "new"},
                                                {TicketStatus::in_progress, "in_progress"},
                                                {TicketStatus::waiting_customer, "waiting_customer"},
                                                {TicketStatus::resolved, "resolved"},
                                                {TicketStatus::closed, "closed"},
                                                {TicketStatus::withdrawn, "withdrawn"},
                                                {TicketStatus::awaiting_funding, "awaiting_funding"},
                                                {TicketStatus::closed_subscription_ended, "closed_subscription_ended"}}};
constexpr NameTable<Role, 4> kRoles{{{Role::customer, "customer"},
                                     {Role::operator_, "operator"},
                                     {Role::admin, "admin"},
                                     {Role::system, "system"}}};
constexpr NameTable<TicketAction, 11> kActions{{{TicketAction::take, "take"},
                                                {TicketAction::ask_customer, "ask_customer"},
                                                {TicketAction::customer_replied, "customer_replied"},
                                                {TicketAction::resolve, "resolve"},
                                                {TicketAction::confirm_resolution, "confirm_resolution"},
                                                {TicketAction::reject_resolution, "reject_resolution"},
                                                {TicketAction::auto_close, "auto_close"},
                                                {TicketAction::withdraw, "withdraw"},
                                                {TicketAction::funding_exhausted, "funding_exhausted"},
                                                {TicketAction::funding_restored, "funding_restored"},
                                                {TicketAction::subscription_ended, "subscription_ended"}}};

constexpr NameTable<TicketEventKind, 7> kEventKinds{{{TicketEventKind::message, "message"},
                                                      {TicketEventKind::internal_note, "internal_note"},
                                                      {TicketEventKind::status_change, "status_change"},
                                                      {TicketEventKind::time_entry, "time_entry"},
                                                      {TicketEventKind::time_adjustment, "time_adjustment"},
                                                      {TicketEventKind::triage_change, "triage_change"},
                                                      {TicketEventKind::attachment, "attachment"}}};

template <class Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return "?";
}
template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [candidate, name] : table)
    if (name == text) return candidate;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(Language value) { return name_of(kLanguages, value); }
std::string_view to_string(Category value) { return name_of(kCategories, value); }
std::string_view to_string(Criticality value) { return name_of(kCriticalities, value); }
std::string_view to_string(TicketStatus value) { return name_of(kStatuses, value); }
std::string_view to_string(Role value) { return name_of(kRoles, value); }
std::string_view to_string(TicketAction value) { return name_of(kActions, value); }
std::string_view to_string(TicketEventKind value) { return name_of(kEventKinds, value); }
std::optional<Language> parse_language(std::string_view text) { return parse_name(kLanguages, text); }
std::optional<Category> parse_category(std::string_view text) { return parse_name(kCategories, text); }
std::optional<Criticality> parse_criticality(std::string_view text) { return parse_name(kCriticalities, text); }
std::optional<TicketStatus> parse_ticket_status(std::string_view text) { return parse_name(kStatuses, text); }
std::optional<Role> parse_role(std::string_view text) { return parse_name(kRoles, text); }
std::optional<TicketAction> parse_ticket_action(std::string_view text) { return parse_name(kActions, text); }
std::optional<TicketEventKind> parse_ticket_event_kind(std::string_view text) { return parse_name(kEventKinds, text); }

// [SECTION] State machine
namespace {
using S = TicketStatus;
using A = TicketAction;

bool role_may(TicketAction action, Role role) {
  const bool staff = role == Role::operator_ || role == Role::admin;
  switch (action) {
    case A::take:
    case A::ask_customer:
    case A::resolve: return staff;
    case A::customer_replied:
    case A::confirm_resolution:
    case A::reject_resolution:
    case A::withdraw: return role == Role::customer;
    case A::auto_close:
    case A::funding_exhausted:
    case A::funding_restored:
    case A::subscription_ended: return role == Role::system;
  }
  return false;
}

std::optional<TicketStatus> next_status(TicketStatus from, TicketAction action) {
  switch (action) {
    case A::take: return from == S::new_ ? std::optional(S::in_progress) : std::nullopt;
    case A::ask_customer: return from == S::in_progress ? std::optional(S::waiting_customer) : std::nullopt;
    case A::customer_replied:
      return from == S::waiting_customer ? std::optional(S::in_progress) : std::nullopt;
    case A::resolve:
      return (from == S::in_progress || from == S::waiting_customer) ? std::optional(S::resolved) : std::nullopt;
    case A::confirm_resolution:
    case A::auto_close: return from == S::resolved ? std::optional(S::closed) : std::nullopt;
    case A::reject_resolution: return from == S::resolved ? std::optional(S::in_progress) : std::nullopt;
    case A::withdraw:
      return (from == S::new_ || from == S::in_progress || from == S::waiting_customer)
                 ? std::optional(S::withdrawn)
                 : std::nullopt;
    case A::funding_exhausted:
      return (from == S::new_ || from == S::in_progress || from == S::waiting_customer || from == S::resolved)
                 ? std::optional(S::awaiting_funding)
                 : std::nullopt;
    case A::funding_restored: return from == S::awaiting_funding ? std::optional(S::in_progress) : std::nullopt;
    case A::subscription_ended:
      return is_open(from) ? std::optional(S::closed_subscription_ended) : std::nullopt;
  }
  return std::nullopt;
}
}  // namespace

Result<TicketStatus> apply_ticket_action(const TicketFacts& ticket, TicketAction action, Role role) {
  if (!role_may(action, role)) return make_error("forbidden_action");
  const auto next = next_status(ticket.status, action);
  if (!next) {
    Error error = make_error("invalid_transition");
    error.params = {{"status", std::string(to_string(ticket.status))}, {"action", std::string(to_string(action))}};
    return error;
  }
  if (action == A::withdraw && ticket.minutes_worked > 0) return make_error("work_already_logged");
  return *next;
}

bool is_open(TicketStatus status) {
  return status != S::closed && status != S::withdrawn && status != S::closed_subscription_ended;
}

bool accepts_time_entries(TicketStatus status) {
  return status == S::in_progress || status == S::waiting_customer || status == S::resolved ||
         status == S::awaiting_funding;
}

bool accepts_messages(TicketStatus status) { return is_open(status); }

Criticality effective_criticality(Criticality declared, std::optional<Criticality> triage) {
  return triage.value_or(declared);
}

// [SECTION] Requests, the queue, the timeline
bool client_may_request(TicketAction action) {
  switch (action) {
    case TicketAction::take:
    case TicketAction::ask_customer:
    case TicketAction::resolve:
    case TicketAction::confirm_resolution:
    case TicketAction::reject_resolution:
    case TicketAction::withdraw: return true;
    default: return false;
  }
}

bool in_operator_queue(TicketStatus status) {
  return status == TicketStatus::new_ || status == TicketStatus::in_progress || status == TicketStatus::waiting_customer;
}

std::vector<TicketStatus> operator_queue_statuses() {
  std::vector<TicketStatus> statuses;
  for (const auto& [status, name] : kStatuses)
    if (in_operator_queue(status)) statuses.push_back(status);
  return statuses;
}

bool is_time_event(TicketEventKind kind) {
  return kind == TicketEventKind::time_entry || kind == TicketEventKind::time_adjustment;
}

}  // namespace tessera
