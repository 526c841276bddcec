// JSON encoding and request validation of the wire types (see wire.hpp).
#include "tessera/wire.hpp"

#include <cstdio>
#include <limits>

#include "tessera/domain_wire.hpp"
#include "tessera/email.hpp"
#include "tessera/json_limits.hpp"
#include "wire_fields.hpp"

namespace tessera::wire {

using nlohmann::json;

// [SECTION] Reading request fields: see wire_fields.hpp
using namespace fields;

// [SECTION] Requests
Result<SignupRequest> parse_signup(const json& body) {
  SignupRequest request;
  if (auto error = require_object(body)) return *error;
  if (auto error = read_text(body, "name", Limits::name_max, request.name)) return *error;
  std::string email;
  if (auto error = read_text(body, "email", 254, email)) return *error;
  request.email = normalize_email(email);
  if (!is_valid_email(request.email)) return field_error("invalid_email", "email");
  if (auto error = read_new_password(body, "password", Limits::password_min, Limits::password_max, request.password))
    return *error;
  if (auto error = read_enum(body, "language", parse_language, request.language, std::optional(Language::en)))
    return *error;
  return request;
}

Result<LoginRequest> parse_login(const json& body) {
  LoginRequest request;
  if (auto error = require_object(body)) return *error;
  std::string email;
  if (auto error = read_text(body, "email", 254, email)) return *error;
  request.email = normalize_email(email);
  if (auto error = read_text(body, "password", Limits::password_max, request.password, false)) return *error;
  return request;
}

Result<TicketDraft> parse_ticket_draft(const json& body) {
  TicketDraft draft;
  if (auto error = require_object(body)) return *error;
  if (auto error = read_text(body, "subject", Limits::subject_max, draft.subject)) return *error;
  if (auto error = read_text(body, "description", Limits::description_max, draft.description)) return *error;
  if (auto error = read_enum(body, "category", parse_category, draft.category)) return *error;
  if (auto error = read_enum(body, "criticality", parse_criticality, draft.criticality)) return *error;
  if (auto error = read_enum(body, "language", parse_language, draft.language)) return *error;
  if (const auto funding = body.find("funding"); funding != body.end() && !funding->is_null()) {
    if (!funding->is_string()) return field_error("invalid_type", "funding");
    draft.funding = parse_funding_source(funding->get<std::string>());
    if (!draft.funding) return field_error("invalid_value", "funding");
  }
  return draft;
}

Result<MessageDraft> parse_message_draft(const json& body) {
  MessageDraft draft;
  if (auto error = require_object(body)) return *error;
  if (auto error = read_text(body, "body", Limits::message_max, draft.body)) return *error;
  if (const auto internal = body.find("internal"); internal != body.end() && !internal->is_null()) {
    if (!internal->is_boolean()) return field_error("invalid_type", "internal");
    draft.internal = internal->get<bool>();
  }
  return draft;
}

Result<TimeEntryDraft> parse_time_entry_draft(const json& body) {
  TimeEntryDraft draft;
  if (auto error = require_object(body)) return *error;
  std::int64_t value = 0;
  if (auto error = read_integer_field(body, "minutes", Limits::time_entry_min, Limits::time_entry_max, value,
                                      "minutes_out_of_range"))
    return *error;
  draft.minutes = value;
  if (auto error = read_text(body, "note", Limits::note_max, draft.note)) return *error;
  return draft;
}

Result<TimeAdjustmentRequest> parse_time_adjustment(const json& body) {
  TimeAdjustmentRequest request;
  if (auto error = require_object(body)) return *error;
  std::int64_t minutes = 0;
  if (auto error = read_integer_field(body, "minutes", std::numeric_limits<std::int64_t>::min(),
                                      std::numeric_limits<std::int64_t>::max(), minutes))
    return *error;
  request.minutes = minutes;
  const auto note = body.find("note");
  if (note == body.end() || !note->is_string() || note->get<std::string>().empty())
    return field_error("note_required", "note");
  request.note = note->get<std::string>();
  if (request.note.size() > Limits::note_max) return field_error("too_long", "note", {{"max", std::to_string(Limits::note_max)}});
  return request;
}

Result<TicketAction> parse_action_request(const json& body) {
  if (auto error = require_object(body)) return *error;
  const auto field = body.find("action");
  if (field == body.end()) return field_error("required", "action");
  if (!field->is_string()) return field_error("invalid_value", "action");
  const auto action = parse_ticket_action(field->get<std::string>());
  if (!action || !client_may_request(*action)) return field_error("invalid_value", "action");
  return *action;
}

Result<Criticality> parse_triage_request(const json& body) {
  if (auto error = require_object(body)) return *error;
  const auto field = body.find("criticality");
  if (field == body.end() || !field->is_string()) return field_error("required", "criticality");
  const auto criticality = parse_criticality(field->get<std::string>());
  if (!criticality) return field_error("invalid_value", "criticality");
  return *criticality;
}

Result<OrderRequest> parse_order_request(const json& body) {
  OrderRequest request;
  if (auto error = require_object(body)) return *error;
  if (auto error = read_enum(body, "kind", parse_order_kind, request.kind)) return *error;
  // Renewals and extra users are the subscription's own orders (POST /subscription/users, the scheduler).
  if (request.kind == OrderKind::renewal || request.kind == OrderKind::extra_users)
    return field_error("invalid_value", "kind");
  if (auto error = read_enum(body, "method", parse_payment_method, request.method)) return *error;
  if (request.kind != OrderKind::subscription)
    if (auto error = read_text(body, "offer_code", 64, request.offer_code)) return *error;
  std::int64_t extra_users = request.extra_users;
  // Its range depends on the kind: the order rules check it (orders.cpp, invalid_user_count).
  if (auto error = read_integer_field(body, "extra_users", std::numeric_limits<std::int64_t>::min(),
                                      std::numeric_limits<std::int64_t>::max(), extra_users, "invalid_value",
                                      /*optional=*/true))
    return *error;
  request.extra_users = extra_users;
  return request;
}

Result<SubscriptionUsersRequest> parse_subscription_users_request(const json& body) {
  SubscriptionUsersRequest request;
  if (auto error = require_object(body)) return *error;
  std::string action;
  if (auto error = read_text(body, "action", 16, action)) return *error;
  if (action != "add" && action != "remove") return field_error("invalid_value", "action");
  request.add = action == "add";
  std::int64_t count = 0;
  if (auto error = read_integer_field(body, "count", 1, Limits::extra_users_max, count, "invalid_user_count")) return *error;
  request.count = count;
  if (const auto method = body.find("method"); request.add && method != body.end() && !method->is_null()) {
    PaymentMethod chosen = PaymentMethod::paypal;
    if (auto error = read_enum(body, "method", parse_payment_method, chosen)) return *error;
    request.method = chosen;
  }
  return request;
}

std::string ticket_reference(Id ticket_id) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "T-%06lld", static_cast<long long>(ticket_id));
  return buffer;
}

// [SECTION] JSON encoding
namespace {
template <class Enum, class Parse>
Enum enum_from(const json& in, const char* field, Parse parse, Enum fallback) {
  const auto found = in.find(field);
  if (found == in.end() || !found->is_string()) return fallback;
  return parse(found->template get<std::string>()).value_or(fallback);
}
template <class T>
T value_or(const json& in, const char* field, T fallback) {
  const auto found = in.find(field);
  if (found == in.end() || found->is_null()) return fallback;
  return found->template get<T>();
}
}  // namespace

void to_json(json& out, const UserView& v) {
  out = json{{"id", v.id},       {"account_id", v.account_id},        {"name", v.name},
             {"email", v.email}, {"role", std::string(to_string(v.role))}, {"language", std::string(to_string(v.language))},
             {"account_owner", v.account_owner}};
}
void from_json(const json& in, UserView& v) {
  v.id = value_or<Id>(in, "id", 0);
  v.account_id = value_or<Id>(in, "account_id", 0);
  v.name = value_or<std::string>(in, "name", "");
  v.email = value_or<std::string>(in, "email", "");
  v.role = enum_from(in, "role", parse_role, Role::customer);
  v.language = enum_from(in, "language", parse_language, Language::en);
  v.account_owner = value_or<bool>(in, "account_owner", false);
}

void to_json(json& out, const Balances& v) {
  json options = json::array();
  for (FundingSource source : v.funding_options) options.push_back(std::string(to_string(source)));
  out = json{{"trial_minutes_granted", v.trial_minutes_granted},
             {"trial_minutes_left", v.trial_minutes_left},
             {"trial_expires_at", v.trial_expires_at},
             {"overrun_minutes", v.overrun_minutes},
             {"units_available", v.units_available},
             {"units_reserved", v.units_reserved},
             {"bank_minutes_available", v.bank_minutes_available},
             {"subscription", std::string(to_string(v.subscription))},
             {"subscription_period_end", v.subscription_period_end},
             {"next_expiry", v.next_expiry},
             {"funding_options", options},
             {"subscription_included_users", v.subscription_included_users},
             {"subscription_extra_users", v.subscription_extra_users},
             {"subscription_extra_users_next", v.subscription_extra_users_next},
             {"subscription_user_limit", v.subscription_user_limit}};
}
void from_json(const json& in, Balances& v) {
  v.trial_minutes_granted = value_or<Minutes>(in, "trial_minutes_granted", 0);
  v.trial_minutes_left = value_or<Minutes>(in, "trial_minutes_left", 0);
  v.trial_expires_at = value_or<Instant>(in, "trial_expires_at", 0);
  v.overrun_minutes = value_or<Minutes>(in, "overrun_minutes", 0);
  v.units_available = value_or<std::int64_t>(in, "units_available", 0);
  v.units_reserved = value_or<std::int64_t>(in, "units_reserved", 0);
  v.bank_minutes_available = value_or<Minutes>(in, "bank_minutes_available", 0);
  v.subscription = SubscriptionPhase::none;
  const std::string phase = value_or<std::string>(in, "subscription", "none");
  for (auto candidate : {SubscriptionPhase::none, SubscriptionPhase::active, SubscriptionPhase::cancelled,
                         SubscriptionPhase::grace, SubscriptionPhase::suspended, SubscriptionPhase::ended})
    if (to_string(candidate) == phase) v.subscription = candidate;
  v.subscription_period_end = value_or<Instant>(in, "subscription_period_end", 0);
  v.next_expiry = value_or<Instant>(in, "next_expiry", 0);
  v.subscription_included_users = value_or<std::int64_t>(in, "subscription_included_users", 0);
  v.subscription_extra_users = value_or<std::int64_t>(in, "subscription_extra_users", 0);
  v.subscription_extra_users_next = value_or<std::int64_t>(in, "subscription_extra_users_next", 0);
  v.subscription_user_limit = value_or<std::int64_t>(in, "subscription_user_limit", 0);
  v.funding_options.clear();
  if (const auto options = in.find("funding_options"); options != in.end() && options->is_array())
    for (const auto& option : *options)
      if (option.is_string())
        if (auto source = parse_funding_source(option.get<std::string>())) v.funding_options.push_back(*source);
}

void to_json(json& out, const Me& v) { out = json{{"user", v.user}, {"balances", v.balances}}; }
void from_json(const json& in, Me& v) {
  if (in.contains("user")) v.user = in.at("user").get<UserView>();
  if (in.contains("balances")) v.balances = in.at("balances").get<Balances>();
}

void to_json(json& out, const TicketSummary& v) {
  out = json{{"id", v.id},
             {"reference", v.reference},
             {"subject", v.subject},
             {"category", std::string(to_string(v.category))},
             {"criticality", std::string(to_string(v.criticality))},
             {"triage", v.triage ? json(std::string(to_string(*v.triage))) : json(nullptr)},
             {"language", std::string(to_string(v.language))},
             {"status", std::string(to_string(v.status))},
             {"funding", v.funding},
             {"minutes_worked", v.minutes_worked},
             {"created_at", v.created_at},
             {"updated_at", v.updated_at},
             {"customer_name", v.customer_name},
             {"operator_name", v.operator_name}};
}
void from_json(const json& in, TicketSummary& v) {
  v.id = value_or<Id>(in, "id", 0);
  v.reference = value_or<std::string>(in, "reference", "");
  v.subject = value_or<std::string>(in, "subject", "");
  v.category = enum_from(in, "category", parse_category, Category::other);
  v.criticality = enum_from(in, "criticality", parse_criticality, Criticality::normal);
  const auto triage = in.find("triage");
  v.triage = (triage != in.end() && triage->is_string()) ? parse_criticality(triage->get<std::string>()) : std::nullopt;
  v.language = enum_from(in, "language", parse_language, Language::en);
  v.status = enum_from(in, "status", parse_ticket_status, TicketStatus::new_);
  v.funding = value_or<std::string>(in, "funding", "");
  v.minutes_worked = value_or<Minutes>(in, "minutes_worked", 0);
  v.created_at = value_or<Instant>(in, "created_at", 0);
  v.updated_at = value_or<Instant>(in, "updated_at", 0);
  v.customer_name = value_or<std::string>(in, "customer_name", "");
  v.operator_name = value_or<std::string>(in, "operator_name", "");
}

void to_json(json& out, const TimelineEntry& v) {
  out = json{{"id", v.id},
             {"kind", std::string(to_string(v.kind))},
             {"at", v.at},
             {"author_name", v.author_name},
             {"author_role", std::string(to_string(v.author_role))},
             {"body", v.body},
             {"minutes", v.minutes},
             {"status_from", v.status_from ? json(std::string(to_string(*v.status_from))) : json(nullptr)},
             {"status_to", v.status_to ? json(std::string(to_string(*v.status_to))) : json(nullptr)},
             {"cost", v.cost ? json(*v.cost) : json(nullptr)}};
}
void from_json(const json& in, TimelineEntry& v) {
  v.id = value_or<Id>(in, "id", 0);
  v.kind = enum_from(in, "kind", parse_ticket_event_kind, TicketEventKind::message);
  v.at = value_or<Instant>(in, "at", 0);
  v.author_name = value_or<std::string>(in, "author_name", "");
  v.author_role = enum_from(in, "author_role", parse_role, Role::system);
  v.body = value_or<std::string>(in, "body", "");
  v.minutes = value_or<Minutes>(in, "minutes", 0);
  const auto from = in.find("status_from");
  v.status_from = (from != in.end() && from->is_string()) ? parse_ticket_status(from->get<std::string>()) : std::nullopt;
  const auto to = in.find("status_to");
  v.status_to = (to != in.end() && to->is_string()) ? parse_ticket_status(to->get<std::string>()) : std::nullopt;
  const auto cost = in.find("cost");
  v.cost = (cost != in.end() && cost->is_object()) ? std::optional(cost->get<Cost>()) : std::nullopt;
}

void to_json(json& out, const AttachmentView& v) {
  out = json{{"id", v.id},     {"filename", v.filename},       {"content_type", v.content_type},
             {"size", v.size}, {"uploaded_by", v.uploaded_by}, {"at", v.at}};
}
void from_json(const json& in, AttachmentView& v) {
  v.id = value_or<Id>(in, "id", 0);
  v.filename = value_or<std::string>(in, "filename", "");
  v.content_type = value_or<std::string>(in, "content_type", "");
  v.size = value_or<std::int64_t>(in, "size", 0);
  v.uploaded_by = value_or<std::string>(in, "uploaded_by", "");
  v.at = value_or<Instant>(in, "at", 0);
}

void to_json(json& out, const TicketDetail& v) {
  out = json{{"ticket", v.ticket},
             {"description", v.description},
             {"timeline", v.timeline},
             {"attachments", v.attachments},
             {"cost", v.cost}};
  if (v.work_environment) {
    const WorkEnvironment& environment = *v.work_environment;
    out["work_environment"] = json{{"devices", environment.devices},
                                   {"operating_systems", environment.operating_systems},
                                   {"network", environment.network},
                                   {"key_software", environment.key_software}};
  }
  if (v.contacts)
    out["contacts"] = json{{"phones", v.contacts->phones},
                           {"emails", v.contacts->emails},
                           {"preferred_hours", v.contacts->preferred_hours}};
}
void from_json(const json& in, TicketDetail& v) {
  if (in.contains("ticket")) v.ticket = in.at("ticket").get<TicketSummary>();
  v.description = value_or<std::string>(in, "description", "");
  v.timeline.clear();
  if (const auto timeline = in.find("timeline"); timeline != in.end() && timeline->is_array())
    for (const auto& entry : *timeline) v.timeline.push_back(entry.get<TimelineEntry>());
  v.attachments.clear();
  if (const auto attachments = in.find("attachments"); attachments != in.end() && attachments->is_array())
    for (const auto& attachment : *attachments) v.attachments.push_back(attachment.get<AttachmentView>());
  v.cost = in.contains("cost") && in["cost"].is_object() ? in["cost"].get<Cost>() : Cost{};
  v.work_environment.reset();
  if (const auto environment = in.find("work_environment"); environment != in.end() && environment->is_object()) {
    WorkEnvironment read;
    read.devices = value_or<std::vector<std::string>>(*environment, "devices", {});
    read.operating_systems = value_or<std::vector<std::string>>(*environment, "operating_systems", {});
    read.network = value_or<std::string>(*environment, "network", "");
    read.key_software = value_or<std::vector<std::string>>(*environment, "key_software", {});
    v.work_environment = std::move(read);
  }
  v.contacts.reset();
  if (const auto contacts = in.find("contacts"); contacts != in.end() && contacts->is_object()) {
    ContactDetails read;
    read.phones = value_or<std::vector<std::string>>(*contacts, "phones", {});
    read.emails = value_or<std::vector<std::string>>(*contacts, "emails", {});
    read.preferred_hours = value_or<std::string>(*contacts, "preferred_hours", "");
    v.contacts = std::move(read);
  }
}

void to_json(json& out, const OrderView& v) {
  out = json{{"id", v.id},
             {"reference", v.reference},
             {"kind", std::string(to_string(v.request.kind))},
             {"offer_code", v.request.offer_code},
             {"extra_users", v.request.extra_users},
             {"method", std::string(to_string(v.request.method))},
             {"status", std::string(to_string(v.status))},
             {"net", v.net},
             {"vat", v.vat},
             {"gross", v.gross},
             {"created_at", v.created_at},
             {"paid_at", v.paid_at},
             {"invoice_id", v.invoice_id},
             {"approve_url", v.approve_url},
             {"instructions_key", v.instructions_key},
             {"instructions", v.instructions}};
}
void from_json(const json& in, OrderView& v) {
  v.id = value_or<Id>(in, "id", 0);
  v.reference = value_or<std::string>(in, "reference", "");
  v.request.kind = enum_from(in, "kind", parse_order_kind, OrderKind::pack);
  v.request.offer_code = value_or<std::string>(in, "offer_code", "");
  v.request.extra_users = value_or<std::int64_t>(in, "extra_users", 0);
  v.request.method = enum_from(in, "method", parse_payment_method, PaymentMethod::paypal);
  v.status = enum_from(in, "status", parse_order_status, OrderStatus::pending_payment);
  v.net = value_or<Cents>(in, "net", 0);
  v.vat = value_or<Cents>(in, "vat", 0);
  v.gross = value_or<Cents>(in, "gross", 0);
  v.created_at = value_or<Instant>(in, "created_at", 0);
  v.paid_at = value_or<Instant>(in, "paid_at", 0);
  v.invoice_id = value_or<Id>(in, "invoice_id", 0);
  v.approve_url = value_or<std::string>(in, "approve_url", "");
  v.instructions_key = value_or<std::string>(in, "instructions_key", "");
  v.instructions.clear();
  if (const auto params = in.find("instructions"); params != in.end() && params->is_object())
    for (const auto& [key, value] : params->items())
      if (value.is_string()) v.instructions[key] = value.get<std::string>();
}

void to_json(json& out, const InvoiceSummary& v) {
  out = json{{"id", v.id}, {"number", v.number}, {"order_id", v.order_id}, {"issued_at", v.issued_at}, {"gross", v.gross}};
}

json to_json(const SignupRequest& v) {
  return json{{"name", v.name}, {"email", v.email}, {"password", v.password},
              {"language", std::string(to_string(v.language))}};
}
json to_json(const LoginRequest& v) { return json{{"email", v.email}, {"password", v.password}}; }
json to_json(const TicketDraft& v) {
  json out{{"subject", v.subject},
           {"description", v.description},
           {"category", std::string(to_string(v.category))},
           {"criticality", std::string(to_string(v.criticality))},
           {"language", std::string(to_string(v.language))}};
  if (v.funding) out["funding"] = std::string(to_string(*v.funding));
  return out;
}
json to_json(const MessageDraft& v) { return json{{"body", v.body}, {"internal", v.internal}}; }
json to_json(const TimeEntryDraft& v) { return json{{"minutes", v.minutes}, {"note", v.note}}; }

json error_body(const Error& error, std::string_view message) {
  json inner{{"code", error.code}, {"message", message}};
  if (!error.field.empty()) inner["field"] = error.field;
  if (!error.params.empty()) inner["params"] = error.params;
  return json{{"error", inner}};
}

Error parse_error_body(const json& body) {
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return make_error("invalid_json");
  const json& inner = body["error"];
  Error error = make_error(value_or<std::string>(inner, "code", "internal"), value_or<std::string>(inner, "field", ""));
  if (const auto params = inner.find("params"); params != inner.end() && params->is_object())
    for (const auto& [key, value] : params->items())
      error.params[key] = value.is_string() ? value.get<std::string>() : value.dump();
  return error;
}

}  // namespace tessera::wire

namespace tessera {

void to_json(nlohmann::json& out, const Cost& v) { out = codec::encode_cost(v); }
void from_json(const nlohmann::json& in, Cost& v) {
  v.units = in.value("units", std::int64_t{0});
  v.bank_minutes = in.value("bank_minutes", Minutes{0});
  v.trial_minutes = in.value("trial_minutes", Minutes{0});
  v.subscription_minutes = in.value("subscription_minutes", Minutes{0});
  v.overrun_minutes = in.value("overrun_minutes", Minutes{0});
  v.minimum_applied = in.value("minimum_applied", false);
}

}  // namespace tessera
