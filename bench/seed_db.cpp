// Seeds a fresh database for the HTTP benchmarks (scripts/bench.sh) through the server's own
// SqliteStore (real migrations) and the domain's ledger commands (`execute`): customer
// accounts with a purchase and ~50 tickets each over the past eleven months, mostly closed
// with time entries and evaluations, a few open; three operators; session rows whose tokens
// are written to files for wrk. Prints how long it took.
// Usage: seed_db DB TOKENS_FOLDER [accounts=2000] [tickets_per_account=50]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/config.hpp"
#include "adapters/crypto.hpp"
#include "store/sqlite_store.hpp"
#include "tessera/ledger.hpp"
#include "tessera/orders.hpp"

using namespace tessera;
using namespace tessera::server;

namespace {

constexpr int kAccountsPerTransaction = 100;
constexpr int kSessionEvery = 4;       // one customer in four gets a session (500 of 2,000)
constexpr int kOpenTicketEvery = 7;    // one account in seven has its last ticket still open
constexpr Instant kMinute = 60;
constexpr Instant kHour = 3600;
constexpr Instant kDay = 86400;

enum class Purchase { subscription, packs, minutes };

struct Operator {
  Id id = 0;
  std::vector<Language> languages;
};

struct Seeder {
  explicit Seeder(SqliteStore& seeded) : store(seeded) {}
  SqliteStore& store;
  Catalog catalog = default_catalog();
  LedgerRules rules;
  Instant now = 0;
  std::string password_hash;
  std::vector<Operator> operators;
  std::mt19937_64 dice{2026};
  long tickets = 0, open_tickets = 0, evaluations = 0, entries = 0;

  Id paid_order(Id account, Id user, const OrderRequest& request, Instant at) {
    OrderRecord order;
    order.account_id = account;
    order.user_id = user;
    order.request = request;
    order.status = OrderStatus::paid;
    order.offer_json = "{}";
    order.lines_json = "[]";
    if (const auto priced = price_order(catalog, request)) {
      order.net = priced->totals.net;
      order.vat = priced->totals.vat;
      order.gross = priced->totals.gross;
    }
    order.created_at = at;
    order.paid_at = at;
    return store.create_order(order);
  }

  // A subscription is renewed (paid) whenever a period ended before `at`.
  void keep_subscription(Id account, Id user, AccountLedger& state, Instant at) {
    while (renewal_due(state, at)) {
      const Id order = paid_order(account, user, OrderRequest{OrderKind::subscription, "", 0, PaymentMethod::paypal}, at);
      record(account, state, PayRenewal{at, order});
    }
  }

  void event(Id ticket, TicketEventKind kind, Instant at, std::optional<Id> author, std::string body = {},
             Minutes minutes = 0, std::optional<TicketStatus> from = std::nullopt,
             std::optional<TicketStatus> to = std::nullopt) {
    store.add_ticket_event(TicketEventRecord{0, ticket, kind, at, author, std::move(body), minutes, from, to});
  }

  const Operator& operator_for(Language language) {
    std::vector<const Operator*> speaking;
    for (const Operator& op : operators)
      if (std::find(op.languages.begin(), op.languages.end(), language) != op.languages.end()) speaking.push_back(&op);
    return *speaking[dice() % speaking.size()];
  }

  Criticality criticality() {
    const auto roll = dice() % 10;
    return roll < 1 ? Criticality::critical : roll < 3 ? Criticality::high : roll < 8 ? Criticality::normal : Criticality::low;
  }

  // One customer account, its purchase and its tickets; its session token if it gets one.
  void account(int index, std::ofstream& customers, std::ofstream& creators, std::ofstream& ticket_file) {
    const Instant start = now - 330 * kDay + index * kMinute;
    const Language language = static_cast<Language>(index % 3);
    const Purchase purchase = static_cast<Purchase>(index % 3 == 0 ? (index / 3) % 3 : index % 3);
    const Id account = store.create_account(start);
    UserRecord owner;
    owner.account_id = account;
    owner.name = "Bench Customer " + std::to_string(index);
    owner.email = "customer" + std::to_string(index) + "@bench.tessera.test";
    owner.password_hash = password_hash;
    owner.role = Role::customer;
    owner.language = language;
    owner.created_at = start;
    owner.id = store.create_user(owner);
    owner_id = owner.id;
    store.set_account_owner(account, owner.id);
    store.record_trial(owner.email, account, start);
    AccountLedger state(rules);
    execute_and_store(account, state, GrantTrial{start, owner.id});

    const Instant bought_at = start + kHour;
    if (purchase == Purchase::subscription) {
      const OrderRequest request{OrderKind::subscription, "", 0, PaymentMethod::paypal};
      execute_and_store(account, state, activation_command(catalog, request, paid_order(account, owner.id, request, bought_at), owner.id, bought_at));
    } else {
      const OrderRequest request = purchase == Purchase::packs
                                       ? OrderRequest{OrderKind::pack, "pack_20", 0, PaymentMethod::paypal}
                                       : OrderRequest{OrderKind::minutes, "minutes_600", 0, PaymentMethod::bank_transfer};
      for (int i = 0; i < (purchase == Purchase::packs ? 3 : 4); ++i)
        execute_and_store(account, state, activation_command(catalog, request, paid_order(account, owner.id, request, bought_at), owner.id, bought_at));
    }

    const UserScope scope{owner.id, true, true};
    const int count = ticket_count;
    const bool last_open = index % kOpenTicketEvery == 0;
    const Instant spacing = (now - kDay - (start + kDay)) / count;
    for (int k = 0; k < count; ++k) {
      const Instant at = start + kDay + k * spacing;
      TicketRecord ticket;
      ticket.account_id = account;
      ticket.opened_by = owner.id;
      ticket.subject = "Bench issue " + std::to_string(k) + " of customer " + std::to_string(index);
      ticket.description = "Something does not work as it should; details for the operator.";
      ticket.category = static_cast<Category>(dice() % 5);
      ticket.criticality = criticality();
      ticket.language = dice() % 10 < 8 ? language : static_cast<Language>(dice() % 3);
      ticket.status = TicketStatus::new_;
      ticket.created_at = ticket.updated_at = at;
      ticket.id = store.create_ticket(ticket);
      last_ticket = ticket.id;
      ++tickets;
      for (const LedgerEntry& entry : execute_and_store(account, state, OpenTicket{at, ticket.id, scope, std::nullopt}))
        if (entry.kind == EntryKind::ticket_opened) ticket.funding = std::string(to_string(entry.source));
      event(ticket.id, TicketEventKind::status_change, at, owner.id, {}, 0, std::nullopt, TicketStatus::new_);
      const bool open = last_open && k == count - 1;
      const int open_kind = (index / kOpenTicketEvery) % 3;  // new, in progress, waiting for the customer
      if (open && open_kind == 0) {
        store.update_ticket(ticket);
        ++open_tickets;
        continue;
      }
      const Operator& op = operator_for(ticket.language);
      ticket.operator_id = op.id;
      event(ticket.id, TicketEventKind::status_change, at + 20 * kMinute, op.id, {}, 0, TicketStatus::new_, TicketStatus::in_progress);
      event(ticket.id, TicketEventKind::message, at + 30 * kMinute, op.id, "Hello, I am looking at it now.");
      event(ticket.id, TicketEventKind::message, at + 45 * kMinute, owner.id, "Thank you, I am at my desk.");
      // Packs: within one unit; the minute bank and the subscription: 10 to 45 minutes.
      const Minutes worked = purchase == Purchase::packs ? 10 + static_cast<Minutes>(dice() % 21)
                                                         : 10 + static_cast<Minutes>(dice() % 36);
      execute_and_store(account, state, LogTime{at + 2 * kHour, ticket.id, worked, "remote session"});
      event(ticket.id, TicketEventKind::time_entry, at + 2 * kHour, op.id, "remote session", worked);
      ticket.minutes_worked = worked;
      ticket.status = TicketStatus::in_progress;
      ticket.updated_at = at + 2 * kHour;
      if (open) {
        if (open_kind == 2) {
          event(ticket.id, TicketEventKind::status_change, at + 3 * kHour, op.id, {}, 0, TicketStatus::in_progress,
                TicketStatus::waiting_customer);
          ticket.status = TicketStatus::waiting_customer;
          ticket.updated_at = at + 3 * kHour;
        }
        store.update_ticket(ticket);
        ++open_tickets;
        continue;
      }
      event(ticket.id, TicketEventKind::status_change, at + 3 * kHour, op.id, {}, 0, TicketStatus::in_progress, TicketStatus::resolved);
      const Instant closed_at = at + kDay;
      execute_and_store(account, state, CloseTicket{closed_at, ticket.id});
      event(ticket.id, TicketEventKind::status_change, closed_at, owner.id, {}, 0, TicketStatus::resolved, TicketStatus::closed);
      ticket.status = TicketStatus::closed;
      ticket.updated_at = closed_at;
      store.update_ticket(ticket);
      if (dice() % 10 < 6) {
        const auto roll = dice() % 10;
        const int rating = roll < 5 ? 5 : roll < 8 ? 4 : roll < 9 ? 3 : 2;
        store.save_evaluation(EvaluationRecord{ticket.id, rating, rating >= 4 ? "Quick and clear, thanks." : "Slow to start.",
                                               dice() % 2 == 0, closed_at + kHour});
        ++evaluations;
      }
    }
    execute_and_store(account, state, ExpireLots{now});  // the trial ended: the scheduler finds nothing to do

    if (index % kSessionEvery == 0) {
      const std::string token = random_token_hex();
      store.create_session(sha256_hex(token), SessionRecord{owner.id, now, now});
      customers << token << '\n';
      ticket_file << token << ' ' << last_ticket << '\n';  // GET /tickets/{id}: one of the customer's own
      // Subscriptions and minute banks fund any number of new tickets; packs would run out.
      if (purchase != Purchase::packs) creators << token << '\n';
    }
  }

  std::vector<LedgerEntry> record(Id account, AccountLedger& state, const LedgerCommand& command) {
    auto added = execute(state, command);
    if (!added) throw std::runtime_error("seed: ledger command refused: " + added.error().code);
    store.append_ledger_entries(account, added.value());
    entries += static_cast<long>(added.value().size());
    return std::move(added).value();
  }
  // A subscriber pays each renewal when it falls due, before anything else happens.
  std::vector<LedgerEntry> execute_and_store(Id account, AccountLedger& state, const LedgerCommand& command) {
    if (state.subscription().activated)
      keep_subscription(account, owner_id, state, std::visit([](const auto& c) { return c.at; }, command));
    return record(account, state, command);
  }

  int ticket_count = 50;
  Id owner_id = 0;     // of the account being seeded
  Id last_ticket = 0;  // its newest ticket
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: seed_db DB TOKENS_FOLDER [accounts=2000] [tickets_per_account=50]\n");
    return 2;
  }
  const std::string db_path = argv[1];
  const std::filesystem::path tokens = argv[2];
  const int accounts = argc > 3 ? std::atoi(argv[3]) : 2000;
  const int tickets_per_account = argc > 4 ? std::atoi(argv[4]) : 50;
  if (!crypto_init()) return 1;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
  std::filesystem::create_directories(tokens);

  const auto started = std::chrono::steady_clock::now();
  SqliteStore store(db_path);
  const Config defaults;
  Seeder seeder(store);
  seeder.now = system_now();
  seeder.ticket_count = tickets_per_account;
  // One Argon2id hash for every seeded user (password "bench password"): hashing 2,000 would take minutes.
  seeder.password_hash = hash_password("bench password", defaults.argon2_opslimit, defaults.argon2_memlimit);

  std::ofstream customers(tokens / "customers.txt"), creators(tokens / "creators.txt"), operator_file(tokens / "operator.txt"),
      ticket_file(tokens / "customer_tickets.txt");
  store.transaction([&] {
    const std::vector<std::pair<std::string, std::vector<Language>>> staff{
        {"fr,en", {Language::fr, Language::en}}, {"en,es", {Language::en, Language::es}}, {"fr,es", {Language::fr, Language::es}}};
    for (std::size_t i = 0; i < staff.size(); ++i) {
      UserRecord op;
      op.name = "Bench Operator " + std::to_string(i + 1);
      op.email = "operator" + std::to_string(i + 1) + "@bench.tessera.test";
      op.password_hash = seeder.password_hash;
      op.role = Role::operator_;
      op.language = Language::en;
      op.languages_spoken = staff[i].first;
      op.created_at = seeder.now - 400 * kDay;
      op.id = store.create_user(op);
      seeder.operators.push_back(Operator{op.id, staff[i].second});
    }
    const std::string token = random_token_hex();
    store.create_session(sha256_hex(token), SessionRecord{seeder.operators.front().id, seeder.now, seeder.now});
    operator_file << token << '\n';
  });
  for (int first = 0; first < accounts; first += kAccountsPerTransaction)
    store.transaction([&] {
      for (int index = first; index < std::min(accounts, first + kAccountsPerTransaction); ++index)
        seeder.account(index, customers, creators, ticket_file);
    });
  store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("seed_db: %d accounts, %ld tickets (%ld open), %ld evaluations, %ld ledger entries, %zu operators in %.1f s\n",
              accounts, seeder.tickets, seeder.open_tickets, seeder.evaluations, seeder.entries, seeder.operators.size(),
              seconds);
  return 0;
}
