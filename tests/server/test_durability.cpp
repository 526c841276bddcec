// Storage and operations (SPEC §3): a write the server acknowledged survives kill -9; the
// database stays intact; schema migrations are applied once; backup and restore commands.
#include <SQLiteCpp/Database.h>

#include <atomic>
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
