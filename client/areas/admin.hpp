// The admin area (the business owner's back office): the settings (opening hours, time zone,
// closed dates, SLA targets, trial, VAT, seller, bank and check details), the orders waiting
// for a bank transfer or a check and recording their payment, and the staff (operators and
// admins). Forms hold what is typed; each is checked with the domain's own parsers before it
// is sent, and the server's answer is shown at the same field.
#pragma once
#include <array>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/dates.hpp"
#include "tessera/result.hpp"
#include "tessera/wire.hpp"

namespace tessera::client {

class App;

// [SECTION] Settings: one form per part, each saved on its own (PUT /admin/settings/{part}).
struct SettingsForm {
  bool loaded = false;
  bool load_failed = false;
  // opening_hours
  std::string time_zone;
  std::array<std::string, 7> hours;  // per weekday (monday first): "09:00-12:00, 14:00-18:00"; "" closed
  std::vector<std::string> closed_dates;  // ISO dates, sorted
  std::string new_closed_date;
  int calendar_year = 0;   // the month the calendar shows (0: not chosen yet)
  int calendar_month = 0;
  // sla_targets: critical, high, normal, low (open minutes)
  std::array<std::string, 4> sla;
  // trial
  std::string trial_minutes;
  std::string trial_days;
  // vat, as a percentage ("20", "5.5")
  std::string vat_percent;
  // seller
  std::string seller_name, seller_address, seller_vat_number, seller_email;
  // bank
  std::string bank_holder, bank_iban, bank_bic;
  // check
  std::string check_payee, check_address;
  std::string saved_part;  // the part whose save the server confirmed last ("vat")
};

// [SECTION] The catalog: prices (euros as typed) and validity of every offer.
struct PackRow {
  std::string code;  // not editable: orders name offers by code
  std::string units, validity_months, price;
  bool multi_user = false;
  bool active = true;
};
struct MinuteBlockRow {
  std::string code;
  std::string minutes, validity_months, price;
  bool active = true;
};
struct CatalogForm {
  bool loaded = false;
  bool load_failed = false;
  bool saved = false;
  std::int64_t vat_rate = 0;  // shown with the prices; its own settings part
  std::string monthly_price, included_users, extra_user_monthly_price;
  std::vector<PackRow> packs;
  std::vector<MinuteBlockRow> minute_blocks;
};

// [SECTION] Orders waiting for a transfer or a check, and the payment form of one of them.
struct PaymentForm {
  Id order_id = 0;  // 0: no order chosen
  std::string amount;       // euros as typed: "120.00"
  std::string received_on;  // YYYY-MM-DD
  std::string reference;    // the transfer's reference or the check's number
};

struct OrdersState {
  std::vector<wire::OrderView> orders;
  bool loaded = false;
  double at_ms = 0;
  PaymentForm payment;
  std::string recorded;  // the reference of the order whose payment was recorded last
};

// [SECTION] Staff
struct StaffMember {
  Id id = 0;
  std::string name;
  std::string email;
  std::string role;  // "operator" | "admin"
  std::vector<std::string> languages;
  bool disabled = false;
};

struct OperatorForm {
  std::string name, email, password;
  bool speaks_fr = false, speaks_en = true, speaks_es = false;
  bool admin = false;
};

struct OperatorsState {
  std::vector<StaffMember> staff;
  bool loaded = false;
  OperatorForm form;
  std::string created;  // the email of the one created last
  // One member at a time: their languages being edited, or their disabling being confirmed.
  Id editing = 0;
  bool edit_fr = false, edit_en = false, edit_es = false;
  Id confirming_disable = 0;
  std::string changed;  // what the last change did, said above the list
};

// [SECTION] Time adjustments on one ticket (signed minutes with a reason)
struct AdjustmentState {
  Id ticket_id = 0;
  std::optional<wire::TicketDetail> detail;
  bool missing = false;     // no such ticket
  std::string lookup;       // "T-000042" or 42: the ticket to open
  std::string minutes;      // signed, as typed: "-15", "+20"
  std::string note;
  bool saved = false;
};

// [SECTION] Contact messages and the audit log
struct ContactMessage {
  Id id = 0;
  std::string name, email, message;
  Instant at = 0;
};
struct ContactState {
  std::vector<ContactMessage> messages;
  bool loaded = false;
};
struct AuditEntry {
  Id id = 0;
  Instant at = 0;
  Id actor_id = 0;  // 0: the system (the scheduler, a webhook)
  std::string action;
  std::string details;  // JSON text
};
struct AuditState {
  std::vector<AuditEntry> entries;
  bool loaded = false;
  std::string actor;      // filter: an actor's id ("" any)
  std::string action;     // filter: one action ("" any)
  std::string from, to;   // filter: YYYY-MM-DD, inclusive ("" open)
};

// [SECTION] The startup conference: availability slots and the accounts' steps
struct ConferenceSlot {
  Id id = 0;
  Instant starts_at = 0;
  std::int64_t length_minutes = 30;
  bool booked = false;
  Id account_id = 0;
};
struct ConferenceStep {
  Id account_id = 0;
  std::string owner_name, owner_email;
  std::string choice;  // pending | call_booked | by_email
  Instant call_at = 0;
  bool done = false;
  std::string operator_notes;
  std::string contacts;     // phones and emails, one line
  std::string environment;  // devices, systems, network, software, one line
};
struct ConferenceState {
  std::vector<ConferenceSlot> slots;
  std::vector<ConferenceStep> steps;
  bool slots_loaded = false, steps_loaded = false;
  std::string slot_date, slot_time, slot_length = "30";  // the new slot, in the browser's local time
  std::map<Id, std::string> notes;  // account -> the notes being written
  std::string done_for;             // the owner whose step was marked done last
};

// [SECTION] The numbers
struct RevenueMonth {
  std::string month;  // "2026-11"
  Cents net = 0, gross = 0;
  std::int64_t invoices = 0;
};
struct NumbersState {
  std::vector<wire::TicketSummary> open;  // the queue (open tickets)
  std::int64_t open_total = 0;
  std::int64_t overdue = 0;  // open tickets past their first-response due time
  bool sla_known = false;    // the queue says where each ticket stands (its "sla")
  bool queue_loaded = false;
  nlohmann::json board;  // the transparency board's aggregates (GET /board)
  bool board_loaded = false;
  std::vector<RevenueMonth> revenue;
  bool revenue_loaded = false;
};

struct AdminArea {
  SettingsForm settings;
  CatalogForm catalog;
  AdjustmentState adjustment;
  ContactState contact;
  AuditState audit;
  ConferenceState conference;
  NumbersState numbers;
  OrdersState orders;
  OperatorsState operators;
};

namespace admin {
void install(App& app);

// [SECTION] Settings
void load_settings(App& app);
// part ∈ opening_hours, sla_targets, trial, vat, seller, bank, check: checked locally with
// the domain's parsers (an error shows at its field, nothing is sent), then PUT.
void save_settings(App& app, std::string_view part);
void add_closed_date(App& app, const std::string& iso);  // into the form (saved with opening hours)
void remove_closed_date(App& app, const std::string& iso);
// The form's part as the API takes it, or the first error, its field prefixed with the part
// ("vat.vat_rate", "opening_hours.weekly.monday"), as the screen's fields are named.
Result<nlohmann::json> settings_body(const SettingsForm& form, std::string_view part);
// "20" -> 2000, "5.5" -> 550, "7,25" -> 725 basis points; nullopt when not a number with at
// most two decimals.
std::optional<std::int64_t> parse_percent(std::string_view text);
std::optional<std::int64_t> parse_euros(std::string_view text);  // "120", "120.5", "120,50" -> cents

// [SECTION] Catalog
void load_catalog(App& app);
// The form as PUT /admin/catalog takes it, checked by the domain's catalog rules; an error's
// field is "catalog.packs[0].validity_months", as the screen names its fields.
Result<nlohmann::json> catalog_body(const CatalogForm& form);
void save_catalog(App& app);

// [SECTION] Orders
void load_orders(App& app);
void choose_order(App& app, Id order_id);  // opens the payment form, filled with the order's amount and today
void record_payment(App& app);

// [SECTION] Staff
void load_operators(App& app);
void create_operator(App& app);
void edit_operator(App& app, Id staff_id);           // opens the languages of one member
void save_operator_languages(App& app);
void set_operator_disabled(App& app, Id staff_id, bool disabled);  // disabling asks to confirm first
void confirm_disable_operator(App& app);
void close_operator_edit(App& app);

// [SECTION] The back office's records (admin_records.cpp): adjustments, contact, audit,
// conference, numbers — their screens, requests and answers.
void install_records(App& app);
void open_adjustments(App& app, Id ticket_id);
void find_ticket(App& app);  // the lookup field: a reference or a number -> its adjustments screen
void adjust_time(App& app);
void load_contact(App& app);
void load_audit(App& app);
// The entries the filters keep (newest first, as the server sends them). A filter that does
// not parse (a date that is not one) keeps nothing and says so in `error` (at its field).
std::vector<AuditEntry> filtered_audit(const AuditState& audit, int utc_offset_minutes, std::optional<Error>& error);
void load_conference(App& app);
void add_slot(App& app);
void remove_slot(App& app, Id slot_id);
void complete_step(App& app, Id account_id);
void load_numbers(App& app);
}  // namespace admin

}  // namespace tessera::client
