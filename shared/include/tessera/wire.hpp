// Wire types of the REST API (protocol version 1), shared by the server and the client so
// the two cannot drift: JSON encoding (nlohmann) and the parsing + validation of requests,
// which returns the first field at fault as an Error with `field` set.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/limits.hpp"
#include "tessera/ledger.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/orders.hpp"
#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera::wire {

inline constexpr std::string_view kApiPrefix = "/api/v1";
// Every state-changing request must carry this header (value "1"): a cross-site form
// cannot set it, so it cannot forge such a request.
inline constexpr std::string_view kCsrfHeader = "X-Tessera-Request";
inline constexpr std::string_view kIdempotencyHeader = "Idempotency-Key";
inline constexpr std::string_view kSessionCookie = "tessera_session";

// [SECTION] Limits of request fields: tessera/limits.hpp (one constant per limit).
using tessera::Limits;

// [SECTION] Responses
struct UserView {
  Id id = 0;
  Id account_id = 0;
  std::string name;
  std::string email;
  Role role = Role::customer;
  Language language = Language::en;
  bool account_owner = false;  // customers: the owner of the account (manages its users)
};

struct Balances {
  Minutes trial_minutes_granted = 0;
  Minutes trial_minutes_left = 0;
  Instant trial_expires_at = 0;
  Minutes overrun_minutes = 0;
  std::int64_t units_available = 0;
  std::int64_t units_reserved = 0;
  Minutes bank_minutes_available = 0;
  SubscriptionPhase subscription = SubscriptionPhase::none;
  Instant subscription_period_end = 0;
  Instant next_expiry = 0;                      // 0: nothing expires
  std::vector<FundingSource> funding_options;   // what this user can open a ticket with now
  std::int64_t subscription_included_users = 0;   // the subscription's paid seats (0: none)
  std::int64_t subscription_extra_users = 0;      // for the current period
  std::int64_t subscription_extra_users_next = 0; // from the next period (removals wait for it)
  std::int64_t subscription_user_limit = 0;       // included + extra of the current period
};

struct Me {
  UserView user;
  Balances balances;
};

struct TicketSummary {
  Id id = 0;
  std::string reference;
  std::string subject;
  Category category = Category::other;
  Criticality criticality = Criticality::normal;  // declared by the customer
  std::optional<Criticality> triage;              // set by an operator
  Language language = Language::en;
  TicketStatus status = TicketStatus::new_;
  std::string funding;  // "trial", later "subscription", "units", "minutes"
  Minutes minutes_worked = 0;
  Instant created_at = 0;
  Instant updated_at = 0;
  std::string customer_name;  // filled for operators only
  std::string operator_name;  // who took it, if anyone
};

struct TimelineEntry {
  Id id = 0;
  TicketEventKind kind = TicketEventKind::message;  // its name on the wire: "message", "status_change", …
  Instant at = 0;
  std::string author_name;
  Role author_role = Role::system;
  std::string body;  // message text, or the time entry's note
  Minutes minutes = 0;
  std::optional<TicketStatus> status_from;
  std::optional<TicketStatus> status_to;
  std::optional<Cost> cost;  // time entries: what this entry cost
};

struct AttachmentView {
  Id id = 0;
  std::string filename;
  std::string content_type;  // as read from the bytes
  std::int64_t size = 0;
  std::string uploaded_by;   // the uploader's name
  Instant at = 0;
};

struct TicketDetail {
  TicketSummary ticket;
  std::string description;
  std::vector<TimelineEntry> timeline;
  std::vector<AttachmentView> attachments;  // download: GET /tickets/{id}/attachments/{attachment id}
  Cost cost;  // what the ticket cost so far (describe_cost renders "1 ticket + 12 min")
  // Operators and admins: the account's work environment from its onboarding step (SPEC §1.2).
  std::optional<WorkEnvironment> work_environment;
  // Operators and admins: how to reach the account, from the same step.
  std::optional<ContactDetails> contacts;
};

// [SECTION] Requests
struct SignupRequest {
  std::string name;
  std::string email;  // normalized by the parser
  std::string password;
  Language language = Language::en;
};

struct LoginRequest {
  std::string email;  // normalized by the parser
  std::string password;
};

struct TicketDraft {
  std::string subject;
  std::string description;
  Category category = Category::other;
  Criticality criticality = Criticality::normal;
  Language language = Language::en;
  std::optional<FundingSource> funding;  // none: the default order (SPEC §1.7)
};

struct MessageDraft {
  std::string body;
  bool internal = false;  // an operator's note, never shown to customers
};

struct TimeEntryDraft {
  Minutes minutes = 0;
  std::string note;
};

// [SECTION] Orders and invoices
struct OrderView {
  Id id = 0;
  std::string reference;  // "ORD-000042"
  OrderRequest request;
  OrderStatus status = OrderStatus::pending_payment;
  Cents net = 0;
  Cents vat = 0;
  Cents gross = 0;
  Instant created_at = 0;
  Instant paid_at = 0;
  Id invoice_id = 0;
  std::string approve_url;                           // PayPal: where the customer approves
  std::string instructions_key;                      // bank transfer / check: the text to show
  std::map<std::string, std::string> instructions;   // its parameters
};

struct InvoiceSummary {
  Id id = 0;
  std::string number;
  Id order_id = 0;
  Instant issued_at = 0;
  Cents gross = 0;
};

// {kind, offer_code, extra_users, method}
Result<OrderRequest> parse_order_request(const nlohmann::json& body);

// POST /subscription/users: {action: "add"|"remove", count: 1..1000, method? (add only;
// absent: the subscription's own method)}.
struct SubscriptionUsersRequest {
  bool add = true;
  std::int64_t count = 0;
  std::optional<PaymentMethod> method;
};
Result<SubscriptionUsersRequest> parse_subscription_users_request(const nlohmann::json& body);
void to_json(nlohmann::json& out, const OrderView& value);
void from_json(const nlohmann::json& in, OrderView& value);
void to_json(nlohmann::json& out, const InvoiceSummary& value);

Result<SignupRequest> parse_signup(const nlohmann::json& body);
Result<LoginRequest> parse_login(const nlohmann::json& body);
Result<TicketDraft> parse_ticket_draft(const nlohmann::json& body);
Result<MessageDraft> parse_message_draft(const nlohmann::json& body);
Result<TimeEntryDraft> parse_time_entry_draft(const nlohmann::json& body);
// An admin's signed time adjustment: {minutes (a signed 64-bit integer; the ledger's rule
// then holds it to ±maximum_time_entry, not 0), note}.
struct TimeAdjustmentRequest {
  Minutes minutes = 0;
  std::string note;
};
Result<TimeAdjustmentRequest> parse_time_adjustment(const nlohmann::json& body);
// {"action": "take"}: an action a client may ask for (ticket.hpp client_may_request); errors
// required (no action) and invalid_value (not a string, unknown, or the system's).
Result<TicketAction> parse_action_request(const nlohmann::json& body);
// {"criticality": "high"}: the operator's triage; errors required (absent or not a string), invalid_value.
Result<Criticality> parse_triage_request(const nlohmann::json& body);

// The public reference of a ticket, shown to customers and on the transparency board.
std::string ticket_reference(Id ticket_id);

// [SECTION] JSON encoding (both directions, for the server's answers and the client's reads)
void to_json(nlohmann::json& out, const UserView& value);
void from_json(const nlohmann::json& in, UserView& value);
void to_json(nlohmann::json& out, const Balances& value);
void from_json(const nlohmann::json& in, Balances& value);
void to_json(nlohmann::json& out, const Me& value);
void from_json(const nlohmann::json& in, Me& value);
void to_json(nlohmann::json& out, const TicketSummary& value);
void from_json(const nlohmann::json& in, TicketSummary& value);
void to_json(nlohmann::json& out, const TimelineEntry& value);
void from_json(const nlohmann::json& in, TimelineEntry& value);
void to_json(nlohmann::json& out, const AttachmentView& value);
void from_json(const nlohmann::json& in, AttachmentView& value);
void to_json(nlohmann::json& out, const TicketDetail& value);
void from_json(const nlohmann::json& in, TicketDetail& value);
nlohmann::json to_json(const SignupRequest& value);
nlohmann::json to_json(const LoginRequest& value);
nlohmann::json to_json(const TicketDraft& value);
nlohmann::json to_json(const MessageDraft& value);
nlohmann::json to_json(const TimeEntryDraft& value);

// {"error": {"code": ..., "message": ..., "field": ..., "params": {...}}}
nlohmann::json error_body(const Error& error, std::string_view message);
// The Error inside an error body, or "invalid_json" if the body has no such shape.
Error parse_error_body(const nlohmann::json& body);

}  // namespace tessera::wire

namespace tessera {
// The per-ticket cost on the wire (found by argument-dependent lookup, hence here).
void to_json(nlohmann::json& out, const Cost& value);
void from_json(const nlohmann::json& in, Cost& value);
}  // namespace tessera
