// The SQLite implementation of Store (SQLiteCpp over libsqlite3). One writer connection
// guarded by a mutex (every write, and everything inside transaction()); reads outside a
// transaction use a small pool of read-only connections (WAL lets them run beside the
// writer). Schema migrations applied when opened. See docs/architecture.md for the
// durability choice (synchronous=NORMAL in WAL).
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/store.hpp"

namespace tessera::server {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);
  int schema_version();
  SQLite::Database& database() { return db_; }

  void transaction(const std::function<void()>& work) override;

  Id create_account(Instant at) override;
  void set_account_owner(Id account_id, Id user_id) override;
  std::optional<Id> account_owner(Id account_id) override;
  Id create_user(const UserRecord& user) override;
  std::optional<UserRecord> user_by_id(Id id) override;
  std::optional<UserRecord> user_by_email(const std::string& normalized_email) override;
  bool any_user_with_role(Role role) override;
  std::vector<UserRecord> staff_users() override;
  std::vector<Id> account_ids() override;

  bool email_had_trial(const std::string& normalized_email) override;
  void record_trial(const std::string& normalized_email, Id account_id, Instant at) override;
  std::vector<LedgerEntry> ledger_entries(Id account_id) override;
  void append_ledger_entries(Id account_id, const std::vector<LedgerEntry>& entries) override;

  void create_session(const std::string& token_hash, const SessionRecord& session) override;
  std::optional<SessionRecord> session(const std::string& token_hash) override;
  void touch_session(const std::string& token_hash, Instant at) override;
  void delete_session(const std::string& token_hash) override;

  Id create_ticket(const TicketRecord& ticket) override;
  void update_ticket(const TicketRecord& ticket) override;
  std::optional<TicketRecord> ticket(Id id) override;
  std::vector<TicketRecord> tickets_of_account(Id account_id) override;
  std::vector<TicketRecord> tickets_opened_by(Id user_id) override;
  std::vector<TicketRecord> all_tickets(std::size_t limit) override;
  std::vector<TicketRecord> open_tickets() override;
  Id add_ticket_event(const TicketEventRecord& event) override;
  std::vector<TicketEventRecord> ticket_events(Id ticket_id) override;

  Id create_order(const OrderRecord& order) override;
  void update_order(const OrderRecord& order) override;
  std::optional<OrderRecord> order(Id id) override;
  std::optional<OrderRecord> order_by_paypal_id(const std::string& paypal_order_id) override;
  std::vector<OrderRecord> orders_of_account(Id account_id) override;
  std::vector<OrderRecord> orders_with_status(OrderStatus status) override;
  std::int64_t last_invoice_sequence(int year) override;
  Id add_invoice(const InvoiceRecord& invoice) override;
  std::optional<InvoiceRecord> invoice(Id id) override;
  std::vector<InvoiceRecord> invoices_of_account(Id account_id) override;
  std::optional<std::string> setting(const std::string& key) override;
  void put_setting(const std::string& key, const std::string& value) override;
  void audit(Instant at, std::optional<Id> actor, const std::string& action, const std::string& details) override;
  bool remember_webhook_event(const std::string& event_id, Instant at) override;
  std::vector<AuditRecord> audit_entries(std::size_t limit) override;

  void save_evaluation(const EvaluationRecord& evaluation) override;
  std::optional<EvaluationRecord> evaluation(Id ticket_id) override;
  std::vector<EvaluationRecord> all_evaluations() override;
  std::vector<TicketRecord> tickets_with_status(TicketStatus status) override;
  std::vector<TicketEventRecord> events_of_tickets_with_status(TicketStatus status) override;
  Id add_contact_message(const ContactRecord& message) override;
  std::vector<ContactRecord> contact_messages(std::size_t limit) override;

  std::optional<IdempotencyRecord> idempotency(Id user_id, const std::string& key) override;
  void record_idempotency(Id user_id, const std::string& key, const IdempotencyRecord& record, Instant at) override;

  void put_member(const MemberRecord& member) override;
  std::optional<MemberRecord> member(Id user_id) override;
  std::vector<MemberRecord> members_of_account(Id account_id) override;
  Id create_invitation(const InvitationRecord& invitation) override;
  void update_invitation(const InvitationRecord& invitation) override;
  std::optional<InvitationRecord> invitation(Id id) override;
  std::optional<InvitationRecord> invitation_by_token(const std::string& token_hash) override;
  std::vector<InvitationRecord> invitations_of_account(Id account_id) override;
  void update_user_profile(Id user_id, const std::string& name, const std::string& password_hash,
                           Language language) override;
  void set_password_hash(Id user_id, const std::string& password_hash) override;
  void update_staff(Id user_id, const std::string& languages_spoken, std::optional<Instant> disabled_at) override;
  void delete_sessions_of_user(Id user_id, const std::string& keep) override;

  Id add_attachment(const AttachmentRecord& attachment) override;
  std::optional<AttachmentRecord> attachment(Id id) override;
  std::vector<AttachmentRecord> attachments_of_ticket(Id ticket_id) override;
  // [SECTION] Subscription renewals
  std::optional<Id> renewal_order_for(Id account_id, Instant period_start) override;
  void record_renewal_order(Id account_id, Instant period_start, Id order_id) override;
  // [SECTION] Onboarding
  Id add_onboarding_slot(const OnboardingSlotRecord& slot) override;
  std::vector<OnboardingSlotRecord> onboarding_slots() override;
  std::optional<OnboardingSlotRecord> onboarding_slot(Id id) override;
  bool delete_free_onboarding_slot(Id id) override;
  bool claim_onboarding_slot(Id slot_id, Id account_id) override;
  void release_onboarding_slots(Id account_id) override;
  std::optional<OnboardingRecord> onboarding(Id account_id) override;
  void save_onboarding(const OnboardingRecord& onboarding) override;
  std::vector<OnboardingRecord> onboarding_records() override;
  std::vector<Id> accounts_with_ledger_entry(const std::string& kind) override;
  std::uint64_t board_version() override { return board_version_.load(); }
  // Counts the writer's commits that changed something a reader may see: twice per commit,
  // once as it begins (SQLite's commit hook) and once when it is visible (the WAL hook).
  // A reader that reads the same count before and after its reads has read one committed
  // state, and that state stays current while the count does not move (the answers kept
  // serialized, http/answer_cache.hpp). A session's last-seen time does not count.
  std::uint64_t data_version() override { return data_version_.load(std::memory_order_acquire); }
  bool in_transaction() override { return in_transaction_on_this_thread(); }

  bool add_mail(const MailRecord& mail) override;
  std::vector<MailRecord> due_mails(Instant now, std::size_t limit) override;
  void update_mail(const MailRecord& mail) override;
  void erase_mail_message(Id mail_id) override;
  std::optional<MailRecord> mail(Id id) override;
  std::vector<MailRecord> mails(const std::string& state, std::size_t limit) override;
  std::map<std::string, std::int64_t> mail_counts() override;
  void set_mail_listener(std::function<void()> listener) override;
  void add_password_reset(const PasswordResetRecord& reset) override;
  std::optional<PasswordResetRecord> password_reset(const std::string& token_hash) override;
  void use_password_resets(Id user_id, Instant at) override;
  std::int64_t password_resets_since(Id user_id, Instant since) override;
  std::int64_t mails_to_since(const std::string& recipient, const std::string& kind, Instant since) override;
  MailPreferences mail_preferences(Id user_id) override;
  void add_pending_signup(const PendingSignupRecord& signup) override;
  std::optional<PendingSignupRecord> pending_signup(const std::string& token_hash) override;
  void use_pending_signups(const std::string& normalized_email, Instant at) override;
  void set_mail_preferences(Id user_id, const MailPreferences& preferences) override;

  std::map<Id, std::string> user_names(const std::vector<Id>& user_ids) override;

 private:
  void migrate();
  std::vector<LedgerEntry> stored_ledger_entries(Id account_id);  // decoded from the database
  std::vector<TicketRecord> query_tickets(const std::string& where_and_order, std::optional<Id> bind);
  std::vector<OrderRecord> query_orders(const std::string& where, const std::string& bind);
  std::vector<InvoiceRecord> query_invoices(const std::string& where, Id bind);

  // [SECTION] Connections for reads
  // A read-only connection and the statements prepared on it (kept: preparing costs more
  // than running most of our queries).
  struct ReaderConnection {
    explicit ReaderConnection(const std::string& path);
    SQLite::Database db;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;  // destroyed before db
  };
  // The connection one read method uses: the writer when this thread is inside a transaction
  // of this store (it must see its own uncommitted writes, and holds the writer anyway),
  // else a read-only connection from the pool, given back (its statements reset) at the end.
  class ReadLease {
   public:
    explicit ReadLease(SqliteStore& store);
    ~ReadLease();
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    // A statement for `sql`, ready to bind; valid while the lease lives.
    SQLite::Statement& prepare(const std::string& sql) const;

   private:
    SqliteStore& store_;
    std::unique_ptr<ReaderConnection> pooled_;
    std::unique_lock<std::recursive_mutex> writer_;
    mutable std::vector<SQLite::Statement*> used_;  // to reset when the lease ends
  };
  ReadLease reader() { return ReadLease(*this); }

  // [SECTION] A statement in one call (defined in sqlite_rows.hpp): its parameters bound by
  // type (bind_row); on the writer connection, holding mutex_ (`write`, `writer_*`), or a
  // read on the connection a ReadLease gives (`read_*`). Rows are read with `read_row`.
  template <class... Values>
  int write(const std::string& sql, const Values&... values);
  template <class... Values>
  Id insert(const std::string& sql, const Values&... values);  // the new row's id
  template <class Read, class... Values>
  auto writer_rows(const std::string& sql, Read read_row, const Values&... values);
  template <class Read, class... Values>
  auto writer_one(const std::string& sql, Read read_row, const Values&... values);
  template <class Read, class... Values>
  auto leased_rows(const std::string& sql, Read read_row, const Values&... values);
  template <class Read, class... Values>
  auto leased_one(const std::string& sql, Read read_row, const Values&... values);
  bool in_transaction_on_this_thread() const;

  // A write that changes the board: counted at once, or when the transaction ends.
  void board_changed();
  // A write to a ticket (the open tickets kept in memory are read again): the same counting.
  void tickets_changed();

  std::atomic<std::uint64_t> board_version_{0};
  std::atomic<std::uint64_t> data_version_{0};
  bool quiet_write_ = false;  // a write no answer reads (a session's last-seen time); mutex_
  void install_commit_hooks();
  bool mail_added_in_transaction_ = false;  // guarded by mutex_
  std::function<void()> mail_listener_;     // set once, before serving
  bool board_changed_in_transaction_ = false;  // guarded by mutex_
  std::atomic<std::uint64_t> tickets_version_{0};
  bool tickets_changed_in_transaction_ = false;  // guarded by mutex_
  // The open tickets as of a tickets_version_ (the operator queue reads them on every request).
  struct KeptOpenTickets {
    std::uint64_t version = 0;
    std::shared_ptr<const std::vector<TicketRecord>> tickets;
  };
  std::mutex open_tickets_mutex_;  // guards kept_open_tickets_
  KeptOpenTickets kept_open_tickets_;
  // [SECTION] Transactions committed in groups (see transaction() in sqlite_store.cpp)
  struct QueuedWork {
    const std::function<void()>* work = nullptr;
    std::exception_ptr failure;  // its own, or the group's COMMIT failing
    bool done = false;
    std::condition_variable turn;  // its group committed, or it is first in line (one wake each)
  };
  static constexpr std::size_t kMaxGroup = 64;
  void run_group(const std::vector<QueuedWork*>& group);  // the leader, holding nothing else
  std::mutex group_mutex_;                 // guards the two below and each QueuedWork's done
  std::deque<QueuedWork*> group_queue_;    // the transactions waiting, in arrival order
  bool group_leader_ = false;              // a group is running
  std::recursive_mutex mutex_;  // one writer at a time on the writer connection
  int transaction_depth_ = 0;
  std::string path_;
  SQLite::Database db_;  // the writer
  // Statements of write() on the writer, kept prepared; guarded by mutex_ (declared after db_:
  // destroyed before it).
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> writer_statements_;
  // Statements of the read methods run by transactions on the writer; guarded by mutex_.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> writer_read_statements_;

  // [SECTION] Ledger entries kept in memory (see sqlite_store.cpp)
  std::shared_ptr<const std::vector<LedgerEntry>> kept_ledger_entries(Id account_id);
  std::uint64_t current_ledger_generation();
  void keep_ledger_entries(Id account_id, std::vector<LedgerEntry> entries, std::uint64_t read_at_generation);
  void forget_ledger(Id account_id);  // holding ledger_cache_mutex_
  void ledger_entries_appended(Id account_id, const std::vector<LedgerEntry>& entries);  // holding mutex_
  void ledger_transaction_ended(bool committed);                                         // holding mutex_
  struct KeptLedger {
    std::shared_ptr<const std::vector<LedgerEntry>> entries;
    std::list<Id>::iterator use;
  };
  // About 200 bytes an entry: 600,000 entries (2,000 accounts of 300) take some 120 MB.
  static constexpr std::size_t kMaxKeptEntries = 600'000;
  std::size_t kept_entry_count_ = 0;
  std::map<Id, std::vector<LedgerEntry>> pending_ledger_;  // appended by the open transaction; mutex_
  std::mutex ledger_cache_mutex_;
  std::unordered_map<Id, KeptLedger> kept_ledgers_;
  std::list<Id> ledger_use_order_;  // most recently used first
  std::uint64_t ledger_generation_ = 0;  // commits that appended entries

  static constexpr std::size_t kMaxReaders = 8;
  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<ReaderConnection>> idle_readers_;
  std::size_t readers_open_ = 0;
};

}  // namespace tessera::server
