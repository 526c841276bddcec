// Storage and operations (SPEC §3): a write the server acknowledged survives kill -9; the
// database stays intact; schema migrations are applied once; backup and restore commands.
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <set>
#include <thread>

#include "fixtures.hpp"
#include "process.hpp"

using namespace tessera;
using namespace tessera::testing;

namespace {
std::filesystem::path fresh_folder(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() /
                      ("tessera-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  std::filesystem::create_directories(folder);
  return folder;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(durability)

BOOST_AUTO_TEST_CASE(acknowledged_tickets_survive_kill_9) {
  const auto folder = fresh_folder("kill9");
  const std::string db = (folder / "tessera.db").string();
  std::vector<Id> acknowledged;
  std::string cookie;
  {
    ServerProcess server(db);
    ApiClient ana(server.port());
    BOOST_TEST_REQUIRE(ana.post("/api/v1/auth/signup", signup_body("ana@example.com")).status == 201);
    cookie = ana.cookie();
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      for (int i = 0; !stop && i < 5000; ++i) {
        const auto created =
            ana.post("/api/v1/tickets", ticket_body("Issue " + std::to_string(i)), {{"Idempotency-Key", std::to_string(i)}});
        if (created.status != 201) break;  // the server is gone
        acknowledged.push_back(created.body["ticket"]["id"].get<Id>());
      }
    });
    while (acknowledged.size() < 40) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.kill_hard();  // in the middle of the stream of writes
    stop = true;
    writer.join();
  }
  BOOST_TEST_MESSAGE("acknowledged before kill -9: " << acknowledged.size());
  {
    SQLite::Database check(db, SQLite::OPEN_READWRITE);
    BOOST_TEST(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
  ServerProcess restarted(db);
  ApiClient ana(restarted.port());
  ana.set_cookie(cookie);
  const auto list = ana.get("/api/v1/tickets");
  BOOST_TEST_REQUIRE(list.status == 200);
  std::set<Id> stored;
  for (const auto& ticket : list.body["tickets"]) stored.insert(ticket["id"].get<Id>());
  for (Id id : acknowledged) BOOST_TEST(stored.count(id) == 1u, "acknowledged ticket " << id << " lost");
  std::filesystem::remove_all(folder);
}

// Concurrent creations are committed in groups (SqliteStore::transaction): each one
// acknowledged is stored after kill -9, whichever group it was in.
BOOST_AUTO_TEST_CASE(acknowledged_concurrent_tickets_survive_kill_9) {
  const auto folder = fresh_folder("kill9-groups");
  const std::string db = (folder / "tessera.db").string();
  constexpr int kWriters = 8;
  std::vector<std::vector<Id>> acknowledged(kWriters);
  std::vector<std::string> cookies;
  {
    ServerProcess server(db);
    for (int w = 0; w < kWriters; ++w) {
      ApiClient customer(server.port());
      BOOST_TEST_REQUIRE(customer.post("/api/v1/auth/signup", signup_body("writer" + std::to_string(w) + "@example.com")).status == 201);
      cookies.push_back(customer.cookie());
    }
    std::atomic<std::size_t> total{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
      writers.emplace_back([&, w] {
        ApiClient customer(server.port());
        customer.set_cookie(cookies[static_cast<std::size_t>(w)]);
        for (int i = 0; i < 2000; ++i) {
          const auto created = customer.post("/api/v1/tickets", ticket_body("Issue " + std::to_string(i)),
                                             {{"Idempotency-Key", std::to_string(w) + "-" + std::to_string(i)}});
          if (created.status != 201) break;  // the trial's tickets ran out, or the server is gone
          acknowledged[static_cast<std::size_t>(w)].push_back(created.body["ticket"]["id"].get<Id>());
          ++total;
        }
      });
    while (total < 60) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.kill_hard();
    for (auto& writer : writers) writer.join();
  }
  {
    SQLite::Database check(db, SQLite::OPEN_READWRITE);
    BOOST_TEST(check.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
  ServerProcess restarted(db);
  for (int w = 0; w < kWriters; ++w) {
    ApiClient customer(restarted.port());
    customer.set_cookie(cookies[static_cast<std::size_t>(w)]);
    const auto list = customer.get("/api/v1/tickets");
    BOOST_TEST_REQUIRE(list.status == 200);
    std::set<Id> stored;
    for (const auto& ticket : list.body["tickets"]) stored.insert(ticket["id"].get<Id>());
    for (Id id : acknowledged[static_cast<std::size_t>(w)]) BOOST_TEST(stored.count(id) == 1u, "acknowledged ticket " << id << " lost");
  }
  std::filesystem::remove_all(folder);
}

// In a group, a transaction that throws rolls back alone: the others commit, and each caller
// sees its own outcome.
BOOST_AUTO_TEST_CASE(a_failing_transaction_in_a_group_rolls_back_alone) {
  TestServer server;
  server::SqliteStore& store = server.server().store();
  constexpr int kThreads = 16, kEach = 50;
  struct Refused {
    int number;
  };
  std::atomic<int> refused_seen{0}, committed_seen{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int number = t * kEach + i;
        try {
          store.transaction([&] {
            store.put_setting("group-" + std::to_string(number), "written");
            store.transaction([&] { store.put_setting("nested-" + std::to_string(number), "written"); });
            if (number % 3 == 0) throw Refused{number};
          });
          ++committed_seen;
        } catch (const Refused& refused) {
          if (refused.number == number) ++refused_seen;  // its own exception, not another's
        }
      }
    });
  for (auto& thread : threads) thread.join();
  int refused = 0;
  for (int number = 0; number < kThreads * kEach; ++number) {
    const bool kept = store.setting("group-" + std::to_string(number)).has_value();
    const bool nested = store.setting("nested-" + std::to_string(number)).has_value();
    BOOST_TEST(kept == (number % 3 != 0), "setting " << number);
    BOOST_TEST(nested == kept);
    if (number % 3 == 0) ++refused;
  }
  BOOST_TEST(refused_seen.load() == refused);
  BOOST_TEST(committed_seen.load() == kThreads * kEach - refused);
}

BOOST_AUTO_TEST_CASE(migrations_are_applied_once_and_recorded) {
  TestServer server;
  SQLite::Database db(server.db_path(), SQLite::OPEN_READONLY);
  BOOST_TEST(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  const int version = db.execAndGet("SELECT MAX(version) FROM schema_migrations").getInt();
  BOOST_TEST(version >= 1);
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt() == version);
  server::SqliteStore reopened(server.db_path());  // opening again applies nothing new
  BOOST_TEST(reopened.schema_version() == version);
}

BOOST_AUTO_TEST_CASE(backup_and_restore_commands) {
  const auto folder = fresh_folder("backup");
  const std::string db = (folder / "tessera.db").string();
  const std::string copy = (folder / "backup.db").string();
  BOOST_TEST_REQUIRE(run_tessera({"--db", db, "init", "--demo"}).exit_code == 0);
  {
    ServerProcess server(db);  // online backup while serving
    const auto backed_up = run_tessera({"--db", db, "backup", copy});
    BOOST_TEST_REQUIRE(backed_up.exit_code == 0, backed_up.output);
    ApiClient ana(server.port());
    BOOST_TEST(ana.post("/api/v1/auth/signup", signup_body("late@example.com")).status == 201);
  }
  const auto restored = run_tessera({"--db", db, "restore", copy});
  BOOST_TEST_REQUIRE(restored.exit_code == 0, restored.output);
  ServerProcess server(db);
  ApiClient api(server.port());
  // The demo operator from before the backup is there; the later sign-up is not.
  BOOST_TEST(api.post("/api/v1/auth/login", {{"email", "operator@tessera.local"}, {"password", "tessera-operator-demo"}})
                 .status == 200);
  BOOST_TEST(api.post("/api/v1/auth/login", {{"email", "late@example.com"}, {"password", "correct horse battery"}})
                 .status == 401);
  std::filesystem::remove_all(folder);
}

BOOST_AUTO_TEST_CASE(init_creates_the_first_admin_once) {
  const auto folder = fresh_folder("init");
  const std::string db = (folder / "tessera.db").string();
  const auto first = run_tessera({"--db", db, "init", "--email", "Boss@Example.com", "--name", "Boss"}, "a long admin password\n");
  BOOST_TEST(first.exit_code == 0, first.output);
  const auto second = run_tessera({"--db", db, "init", "--email", "other@example.com"}, "another long password\n");
  BOOST_TEST(second.exit_code == 1);
  BOOST_TEST(second.output.find("already exists") != std::string::npos);
  const auto short_password = run_tessera({"--db", (folder / "b.db").string(), "init", "--email", "x@y.zz"}, "short\n");
  BOOST_TEST(short_password.exit_code == 1);
  ServerProcess server(db);
  ApiClient api(server.port());
  const auto login = api.post("/api/v1/auth/login", {{"email", "boss@example.com"}, {"password", "a long admin password"}});
  BOOST_TEST(login.status == 200);
  BOOST_TEST(login.body["user"]["role"] == "admin");
  std::filesystem::remove_all(folder);
}

BOOST_AUTO_TEST_SUITE_END()
