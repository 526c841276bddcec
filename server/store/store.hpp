// Storage behind one interface (SPEC §3: a PostgreSQL store can be added later). Records
// are plain data; no business rule lives here. `transaction` runs a unit of work
// atomically: everything inside commits together or not at all.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tessera/ledger.hpp"
#include "tessera/mail.hpp"
#include "tessera/members.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/orders.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera::server {

struct UserRecord {
  Id id = 0;
  std::optional<Id> account_id;  // customers only
  std::string name;
  std::string email;  // normalized
  std::string password_hash;
  Role role = Role::customer;
  Language language = Language::en;
  std::string languages_spoken;  // operators: "fr,en"
  Instant created_at = 0;
  std::optional<Instant> disabled_at;  // staff disabled by an admin: no log-in, no session
};

struct SessionRecord {
  Id user_id = 0;
  Instant created_at = 0;
  Instant last_seen_at = 0;
};

struct TicketRecord {
  Id id = 0;
  Id account_id = 0;
  Id opened_by = 0;
  std::string subject;
  std::string description;
  Category category = Category::other;
  Criticality criticality = Criticality::normal;
  std::optional<Criticality> triage;
  Language language = Language::en;
  TicketStatus status = TicketStatus::new_;
  std::string funding;
  Minutes minutes_worked = 0;
  std::optional<Id> operator_id;
  Instant created_at = 0;
  Instant updated_at = 0;
};

struct TicketEventRecord {
  Id id = 0;
  Id ticket_id = 0;
  TicketEventKind kind = TicketEventKind::message;
  Instant at = 0;
  std::optional<Id> author_id;
  std::string body;
  Minutes minutes = 0;
  std::optional<TicketStatus> status_from;
  std::optional<TicketStatus> status_to;
};

struct IdempotencyRecord {
  std::string request_hash;
  Id ticket_id = 0;
};

struct OrderRecord {
  Id id = 0;
  Id account_id = 0;
  Id user_id = 0;  // the buyer
  OrderRequest request;
  OrderStatus status = OrderStatus::pending_payment;
  std::string offer_json;  // the offer as it was when ordered (prices may change later)
  std::string lines_json;  // the priced lines
  Cents net = 0;
  Cents vat = 0;
  Cents gross = 0;
  std::string paypal_order_id;
  Instant created_at = 0;
  Instant paid_at = 0;
  Id invoice_id = 0;
};

struct InvoiceRecord {
  Id id = 0;
  Id order_id = 0;
  Id account_id = 0;
  std::string number;
  int year = 0;
  std::int64_t sequence = 0;
  Instant issued_at = 0;
  Language language = Language::en;
  Cents gross = 0;
  std::string invoice_json;  // the immutable invoice (codec::encode)
};

struct EvaluationRecord {
  Id ticket_id = 0;
  int rating = 0;  // 1..5
  std::string comment;
  bool publish_comment = false;
  Instant at = 0;
};

struct ContactRecord {
  Id id = 0;
  std::string name;
  std::string email;
  std::string message;
  Instant at = 0;
};

struct AuditRecord {
  Id id = 0;
  Instant at = 0;
  std::optional<Id> actor_id;
  std::string action;
  std::string details;  // JSON
};

// An authorized user of an account (SPEC §1.3); the owner has no such row: it holds every scope.
struct MemberRecord {
  Id user_id = 0;
  Id account_id = 0;
  MemberScope scope;
  Instant added_at = 0;
  std::optional<Instant> removed_at;  // removed users keep their tickets but cannot log in
};

struct InvitationRecord {
  Id id = 0;
  Id account_id = 0;
  std::string email;       // normalized
  std::string token_hash;  // the link's token is never stored in clear
  MemberScope scope;
  Id invited_by = 0;
  Instant created_at = 0;
  std::optional<Instant> accepted_at;
  std::optional<Id> accepted_user_id;
  std::optional<Instant> revoked_at;
};

struct AttachmentRecord {
  Id id = 0;
  Id ticket_id = 0;
  Id uploaded_by = 0;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string data;  // empty when listed without contents
  Instant created_at = 0;
};

struct OnboardingSlotRecord {
  Id id = 0;
  Instant starts_at = 0;
  Minutes length = 30;
  std::optional<Id> account_id;  // the account that booked it; empty while free
  Instant created_at = 0;
};

struct OnboardingRecord {
  Id account_id = 0;
  OnboardingChoice choice = OnboardingChoice::pending;
  std::optional<Id> slot_id;  // the booked call
  std::string details_json;   // contacts and work environment (codec::decode_onboarding_details)
  bool done = false;
  Instant done_at = 0;
  std::optional<Id> done_by;
  std::string operator_notes;
  Instant updated_at = 0;
};

// A mail of the outbox (SPEC §1.13): written in the transaction of the change that causes it.
struct MailRecord {
  Id id = 0;
  std::string kind;  // to_string(MailKind)
  std::string recipient;
  std::optional<Id> user_id;
  Language language = Language::en;
  std::string subject;
  std::string message_id;  // "<…>", the same on every attempt
  std::string message;     // the whole RFC 5322 message; empty in lists
  std::string dedupe_key;  // empty: none
  std::string state = "pending";  // pending | sent | failed
  int attempts = 0;
  Instant next_attempt_at = 0;
  std::string last_error;
  Instant created_at = 0;
  std::optional<Instant> sent_at;
};

struct PasswordResetRecord {
  std::string token_hash;
  Id user_id = 0;
  Instant created_at = 0;
  Instant expires_at = 0;
  std::optional<Instant> used_at;
};

// A sign-up waiting for its confirmation link (mail on): only the token's SHA-256 is kept.
struct PendingSignupRecord {
  std::string token_hash;
  std::string email;  // normalized
  std::string name;
  Language language = Language::en;
  std::string password_hash;  // Argon2id
  Instant created_at = 0;
  Instant expires_at = 0;
  std::optional<Instant> used_at;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual void transaction(const std::function<void()>& work) = 0;

  // [SECTION] Accounts and users
  virtual Id create_account(Instant at) = 0;
  virtual void set_account_owner(Id account_id, Id user_id) = 0;
  virtual std::optional<Id> account_owner(Id account_id) = 0;
  virtual Id create_user(const UserRecord& user) = 0;
  virtual std::optional<UserRecord> user_by_id(Id id) = 0;
  virtual std::optional<UserRecord> user_by_email(const std::string& normalized_email) = 0;
  virtual bool any_user_with_role(Role role) = 0;
  virtual std::vector<UserRecord> staff_users() = 0;
  virtual std::vector<Id> account_ids() = 0;

  // [SECTION] Trials: kept for ever, by email (one trial per person, SPEC §1.1).
  virtual bool email_had_trial(const std::string& normalized_email) = 0;
  virtual void record_trial(const std::string& normalized_email, Id account_id, Instant at) = 0;

  // [SECTION] The support-time ledger of an account: append-only, in decision order.
  virtual std::vector<LedgerEntry> ledger_entries(Id account_id) = 0;
  virtual void append_ledger_entries(Id account_id, const std::vector<LedgerEntry>& entries) = 0;

  // [SECTION] Sessions, by the digest of their token
  virtual void create_session(const std::string& token_hash, const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> session(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, Instant at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;

  // [SECTION] Tickets
  virtual Id create_ticket(const TicketRecord& ticket) = 0;
  virtual void update_ticket(const TicketRecord& ticket) = 0;
  virtual std::optional<TicketRecord> ticket(Id id) = 0;
  virtual std::vector<TicketRecord> tickets_of_account(Id account_id) = 0;
  virtual std::vector<TicketRecord> tickets_opened_by(Id user_id) = 0;
  virtual std::vector<TicketRecord> all_tickets(std::size_t limit) = 0;
  virtual std::vector<TicketRecord> open_tickets() = 0;
  virtual Id add_ticket_event(const TicketEventRecord& event) = 0;
  virtual std::vector<TicketEventRecord> ticket_events(Id ticket_id) = 0;

  // [SECTION] Orders, invoices (immutable; numbers gapless per year), settings, audit
  virtual Id create_order(const OrderRecord& order) = 0;
  virtual void update_order(const OrderRecord& order) = 0;
  virtual std::optional<OrderRecord> order(Id id) = 0;
  virtual std::optional<OrderRecord> order_by_paypal_id(const std::string& paypal_order_id) = 0;
  virtual std::vector<OrderRecord> orders_of_account(Id account_id) = 0;
  virtual std::vector<OrderRecord> orders_with_status(OrderStatus status) = 0;
  virtual std::int64_t last_invoice_sequence(int year) = 0;
  virtual Id add_invoice(const InvoiceRecord& invoice) = 0;
  virtual std::optional<InvoiceRecord> invoice(Id id) = 0;
  virtual std::vector<InvoiceRecord> invoices_of_account(Id account_id) = 0;
  virtual std::optional<std::string> setting(const std::string& key) = 0;
  virtual void put_setting(const std::string& key, const std::string& value) = 0;
  virtual void audit(Instant at, std::optional<Id> actor, const std::string& action, const std::string& details) = 0;
  virtual std::vector<AuditRecord> audit_entries(std::size_t limit) = 0;
  // False when this PayPal event id was already handled (webhooks are deduplicated).
  virtual bool remember_webhook_event(const std::string& event_id, Instant at) = 0;

  // [SECTION] Evaluations, the transparency board, contact messages
  virtual void save_evaluation(const EvaluationRecord& evaluation) = 0;  // one per ticket
  virtual std::optional<EvaluationRecord> evaluation(Id ticket_id) = 0;
  virtual std::vector<EvaluationRecord> all_evaluations() = 0;
  virtual std::vector<TicketRecord> tickets_with_status(TicketStatus status) = 0;
  virtual std::vector<TicketEventRecord> events_of_tickets_with_status(TicketStatus status) = 0;
  virtual Id add_contact_message(const ContactRecord& message) = 0;
  virtual std::vector<ContactRecord> contact_messages(std::size_t limit) = 0;

  virtual std::optional<IdempotencyRecord> idempotency(Id user_id, const std::string& key) = 0;
  virtual void record_idempotency(Id user_id, const std::string& key, const IdempotencyRecord& record,
                                  Instant at) = 0;

  // [SECTION] Authorized users, invitations, passwords
  virtual void put_member(const MemberRecord& member) = 0;  // insert or replace, by user_id
  virtual std::optional<MemberRecord> member(Id user_id) = 0;
  virtual std::vector<MemberRecord> members_of_account(Id account_id) = 0;  // removed ones too
  virtual Id create_invitation(const InvitationRecord& invitation) = 0;
  virtual void update_invitation(const InvitationRecord& invitation) = 0;
  virtual std::optional<InvitationRecord> invitation(Id id) = 0;
  virtual std::optional<InvitationRecord> invitation_by_token(const std::string& token_hash) = 0;
  virtual std::vector<InvitationRecord> invitations_of_account(Id account_id) = 0;
  virtual void update_user_profile(Id user_id, const std::string& name, const std::string& password_hash,
                                   Language language) = 0;
  virtual void set_password_hash(Id user_id, const std::string& password_hash) = 0;
  // A staff member's languages and whether they are disabled (since when), as the admin set them.
  virtual void update_staff(Id user_id, const std::string& languages_spoken, std::optional<Instant> disabled_at) = 0;
  // Ends every session of the user but the one whose digest is `keep` (empty: all).
  virtual void delete_sessions_of_user(Id user_id, const std::string& keep) = 0;

  // [SECTION] Attachments of tickets
  virtual Id add_attachment(const AttachmentRecord& attachment) = 0;
  virtual std::optional<AttachmentRecord> attachment(Id id) = 0;  // with its data
  virtual std::vector<AttachmentRecord> attachments_of_ticket(Id ticket_id) = 0;  // without data

  // [SECTION] Subscription renewals: the one renewal order of an account's period (SPEC §1.2)
  virtual std::optional<Id> renewal_order_for(Id account_id, Instant period_start) = 0;
  virtual void record_renewal_order(Id account_id, Instant period_start, Id order_id) = 0;
  // [SECTION] Onboarding: the admin's availability slots and each account's startup step
  virtual Id add_onboarding_slot(const OnboardingSlotRecord& slot) = 0;
  virtual std::vector<OnboardingSlotRecord> onboarding_slots() = 0;  // by start instant
  virtual std::optional<OnboardingSlotRecord> onboarding_slot(Id id) = 0;
  virtual bool delete_free_onboarding_slot(Id id) = 0;  // false when booked (or missing)
  // Gives the slot to the account when nobody holds it (one statement); false otherwise.
  virtual bool claim_onboarding_slot(Id slot_id, Id account_id) = 0;
  virtual void release_onboarding_slots(Id account_id) = 0;
  virtual std::optional<OnboardingRecord> onboarding(Id account_id) = 0;
  virtual void save_onboarding(const OnboardingRecord& onboarding) = 0;  // insert or replace
  virtual std::vector<OnboardingRecord> onboarding_records() = 0;
  // Accounts whose ledger holds an entry of this kind (e.g. "subscription_activated").
  virtual std::vector<Id> accounts_with_ledger_entry(const std::string& kind) = 0;
  // [SECTION] Change counters, for answers kept in memory
  // Grows once a change to what the transparency board shows is committed: a ticket written
  // as closed, an evaluation saved, a setting put. An answer computed from data read after
  // reading the counter stays current as long as the counter keeps that value.
  virtual std::uint64_t board_version() = 0;
  // Grows with every committed change of any data (a session's last-seen time excepted),
  // counted before and after the commit: reads between two equal readings saw one state.
  virtual std::uint64_t data_version() = 0;
  // True on the thread running one of this store's transactions (its reads see its writes).
  virtual bool in_transaction() = 0;

  // [SECTION] Mail: the outbox, password-reset links, each user's choice of mails
  // False (nothing written) when a mail with the same non-empty dedupe_key exists. Once the
  // transaction commits, the mail listener is called (the worker wakes up).
  virtual bool add_mail(const MailRecord& mail) = 0;
  virtual std::vector<MailRecord> due_mails(Instant now, std::size_t limit) = 0;  // with messages
  virtual void update_mail(const MailRecord& mail) = 0;  // state, attempts, next_attempt_at, last_error, sent_at
  virtual void erase_mail_message(Id mail_id) = 0;
  virtual std::optional<MailRecord> mail(Id id) = 0;  // without its message
  // Newest first, without messages; state empty: every state.
  virtual std::vector<MailRecord> mails(const std::string& state, std::size_t limit) = 0;
  virtual std::map<std::string, std::int64_t> mail_counts() = 0;  // by state
  virtual void set_mail_listener(std::function<void()> listener) = 0;
  virtual void add_password_reset(const PasswordResetRecord& reset) = 0;
  virtual std::optional<PasswordResetRecord> password_reset(const std::string& token_hash) = 0;
  // Marks every unused link of the user used at `at` (the one used, and any older one).
  virtual void use_password_resets(Id user_id, Instant at) = 0;
  virtual std::int64_t password_resets_since(Id user_id, Instant since) = 0;
  // How many mails of `kind` went (or wait to go) to `recipient` since `since`.
  virtual std::int64_t mails_to_since(const std::string& recipient, const std::string& kind, Instant since) = 0;
  virtual MailPreferences mail_preferences(Id user_id) = 0;
  virtual void set_mail_preferences(Id user_id, const MailPreferences& preferences) = 0;

  // [SECTION] Sign-ups waiting for their confirmation link (mail on)
  virtual void add_pending_signup(const PendingSignupRecord& signup) = 0;
  virtual std::optional<PendingSignupRecord> pending_signup(const std::string& token_hash) = 0;
  // Marks every unused pending sign-up of the email used at `at` (the one confirmed, and the others).
  virtual void use_pending_signups(const std::string& normalized_email, Instant at) = 0;

  // [SECTION] Reads in bulk, for long answers (the operator queue names every customer)
  virtual std::map<Id, std::string> user_names(const std::vector<Id>& user_ids) = 0;
};

}  // namespace tessera::server
