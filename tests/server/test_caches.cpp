// What the server keeps in memory never shows an old state: the transparency board after a
// ticket closes, an evaluation is saved or a setting changes; an account's ledger entries after
// a commit, and never the entries of a rolled-back transaction; reads outside a transaction
// (read-only connections) see what was committed, reads inside one see its own writes.
#include <SQLiteCpp/Database.h>

#include "fixtures.hpp"
#include "tessera/domain_wire.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(caches, ServerFixture)

BOOST_AUTO_TEST_CASE(the_board_changes_as_soon_as_a_ticket_closes_an_evaluation_is_saved_or_a_setting_changes) {
  server.advance_seconds(3 * 3600);  // 09:00 in Paris, a Friday
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  server.advance_seconds(90 * 60);
  olga.post(path + "/messages", {{"body", "Try this"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  ApiClient visitor = new_client();
  BOOST_TEST(visitor.get("/api/v1/board").body["rows"].size() == 0u);  // computed and kept: nothing closed yet
  BOOST_TEST(visitor.get("/api/v1/board").body["rows"].size() == 0u);

  BOOST_TEST_REQUIRE(ana.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);
  const auto closed = visitor.get("/api/v1/board");
  BOOST_TEST_REQUIRE(closed.body["rows"].size() == 1u);
  BOOST_TEST(closed.body["rows"][0]["rating"].is_null());
  BOOST_TEST(closed.body["rows"][0]["within_sla"] == true);  // high: 240 open minutes, answered after 90
  const std::string csv_unrated = visitor.get("/api/v1/board.csv").raw;

  BOOST_TEST_REQUIRE(ana.post(path + "/evaluation", {{"rating", 4}}).status == 201);
  BOOST_TEST(visitor.get("/api/v1/board").body["rows"][0]["rating"] == 4);
  BOOST_TEST(visitor.get("/api/v1/board.csv").raw != csv_unrated);

  SlaTargets strict;
  strict.high = 60;
  server.server().store().put_setting("sla_targets", codec::encode(strict).dump());
  BOOST_TEST(visitor.get("/api/v1/board").body["rows"][0]["within_sla"] == false);
}

BOOST_AUTO_TEST_CASE(the_board_counts_a_ticket_closed_by_the_system) {
  ApiClient ana = customer("ana@example.com");
  const Id id = open_ticket(ana);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  BOOST_TEST(new_client().get("/api/v1/board").body["rows"].size() == 0u);
  BOOST_TEST_REQUIRE(server.server().tickets().system_action(id, TicketAction::auto_close));
  BOOST_TEST(new_client().get("/api/v1/board").body["rows"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(only_committed_ledger_entries_are_kept) {
  server::SqliteStore& store = server.server().store();
  ApiClient ana = customer("ana@example.com");  // the trial: one entry
  const Id account = ana.get("/api/v1/me").body["user"]["account_id"].get<Id>();
  const std::size_t granted = store.ledger_entries(account).size();  // read, decoded and kept
  BOOST_TEST_REQUIRE(granted >= 1u);

  LedgerEntry extra = store.ledger_entries(account).back();
  extra.kind = EntryKind::time_logged;
  extra.note = "rolled back";
  struct RollBack {};
  BOOST_CHECK_THROW(store.transaction([&] {
    store.append_ledger_entries(account, {extra});
    BOOST_TEST(store.ledger_entries(account).size() == granted + 1);  // the transaction sees its own entry
    throw RollBack{};
  }),
                    RollBack);
  BOOST_TEST(store.ledger_entries(account).size() == granted);
  {
    SQLite::Database check(server.db_path(), SQLite::OPEN_READONLY);
    BOOST_TEST(check.execAndGet("SELECT COUNT(*) FROM ledger_entries WHERE account_id = " + std::to_string(account))
                   .getInt() == static_cast<int>(granted));
  }

  extra.note = "committed";
  store.transaction([&] { store.append_ledger_entries(account, {extra}); });
  const auto after_commit = store.ledger_entries(account);
  BOOST_TEST_REQUIRE(after_commit.size() == granted + 1);
  BOOST_TEST(after_commit.back().note == "committed");
  store.append_ledger_entries(account, {extra});  // outside a transaction: committed at once
  BOOST_TEST(store.ledger_entries(account).size() == granted + 2);
}

BOOST_AUTO_TEST_CASE(reads_see_committed_writes_and_a_transaction_its_own) {
  server::SqliteStore& store = server.server().store();
  store.put_setting("greeting", "hello");
  BOOST_TEST(store.setting("greeting").value_or("") == "hello");  // a read-only connection sees the commit
  store.transaction([&] {
    store.put_setting("greeting", "bonjour");
    BOOST_TEST(store.setting("greeting").value_or("") == "bonjour");  // inside: the writer, with its own writes
  });
  BOOST_TEST(store.setting("greeting").value_or("") == "bonjour");
  struct RollBack {};
  BOOST_CHECK_THROW(store.transaction([&] {
    store.put_setting("greeting", "hola");
    throw RollBack{};
  }),
                    RollBack);
  BOOST_TEST(store.setting("greeting").value_or("") == "bonjour");
}

BOOST_AUTO_TEST_CASE(the_queue_shows_every_ticket_change_at_once) {
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get("/api/v1/queue").body["total"] == 0);  // read and kept: nothing open
  ApiClient ana = customer("ana@example.com");
  const Id first = open_ticket(ana, "k1", "First");
  const auto one = olga.get("/api/v1/queue");
  BOOST_TEST_REQUIRE(one.body["total"] == 1);
  BOOST_TEST(one.body["tickets"][0]["status"] == "new");
  const std::string path = "/api/v1/tickets/" + std::to_string(first);
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST(olga.get("/api/v1/queue").body["tickets"][0]["status"] == "in_progress");
  BOOST_TEST_REQUIRE(olga.post(path + "/triage", {{"criticality", "critical"}}).status == 200);
  BOOST_TEST(olga.get("/api/v1/queue").body["tickets"][0]["triage"] == "critical");
  // A creation refused (and rolled back) leaves the queue as it was.
  json no_such_funding = ticket_body("Refused");
  no_such_funding["funding"] = "units";
  BOOST_TEST(ana.post("/api/v1/tickets", no_such_funding, {{"Idempotency-Key", "k2"}}).status == 402);
  BOOST_TEST(olga.get("/api/v1/queue").body["total"] == 1);
  const Id second = open_ticket(ana, "k3", "Second");
  BOOST_TEST(olga.get("/api/v1/queue").body["total"] == 2);
  BOOST_TEST_REQUIRE(ana.post("/api/v1/tickets/" + std::to_string(second) + "/actions", {{"action", "withdraw"}}).status == 200);
  const auto after = olga.get("/api/v1/queue");
  BOOST_TEST(after.body["total"] == 1);
  BOOST_TEST(after.body["tickets"][0]["id"] == first);
}


// [SECTION] Answers kept serialized (http/answer_cache.hpp) and sessions kept (Accounts)
BOOST_AUTO_TEST_CASE(a_kept_answer_changes_with_the_first_commit_after_it) {
  ApiClient ana = customer("ana@example.com");
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 0u);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 0u);  // kept
  const Id id = open_ticket(ana);  // same second of the clock: only the commit tells
  BOOST_TEST_REQUIRE(ana.get("/api/v1/tickets").body["tickets"].size() == 1u);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "new");
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "new");
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST(ana.get(path).body["ticket"]["status"] == "in_progress");
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["status"] == "in_progress");
  BOOST_TEST(olga.get("/api/v1/queue").body["total"] == 1);
  // Each user has answers of their own: Bea, of another account, sees none of Ana's.
  ApiClient bea = customer("bea@example.com");
  BOOST_TEST(bea.get("/api/v1/tickets").body["tickets"].size() == 0u);
  BOOST_TEST(bea.get(path).status == 404);
  // A change made beside the server (another connection to the file) is not counted by it: a
  // kept answer that reads only data (not the clock) stays until the server's next commit.
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["subject"] == "The printer jams");  // kept now
  {
    SQLite::Database other(server.db_path(), SQLite::OPEN_READWRITE);
    other.exec("UPDATE tickets SET subject = 'Changed beside the server' WHERE id = " + std::to_string(id));
  }
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["subject"] == "The printer jams");
  server.advance_seconds(60);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["subject"] == "The printer jams");
  open_ticket(bea, "bea-1");  // the server's next commit
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["subject"] == "Changed beside the server");
}

BOOST_AUTO_TEST_CASE(a_kept_session_ends_at_once_with_a_log_out_or_a_disabled_user) {
  ApiClient ana = customer("ana@example.com");
  BOOST_TEST(ana.get("/api/v1/me").status == 200);
  BOOST_TEST(ana.get("/api/v1/me").status == 200);  // the session is kept now
  const std::string cookie = ana.cookie();
  BOOST_TEST_REQUIRE(ana.post("/api/v1/auth/logout", json::object()).status == 204);
  ana.set_cookie(cookie);  // the same second of the clock: only the commit tells
  BOOST_TEST(ana.get("/api/v1/me").status == 401);

  ApiClient admin = staff("admin@tessera.local", "admin");
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get("/api/v1/queue").status == 200);
  const Id olga_id = olga.get("/api/v1/me").body["user"]["id"].get<Id>();
  BOOST_TEST_REQUIRE(admin.put("/api/v1/admin/operators/" + std::to_string(olga_id), {{"disabled", true}}).status == 200);
  BOOST_TEST(olga.get("/api/v1/queue").status == 401);
}

BOOST_AUTO_TEST_CASE(the_data_version_moves_with_every_commit_and_not_with_a_last_seen_time) {
  server::SqliteStore& store = server.server().store();
  ApiClient ana = customer("ana@example.com");
  const std::uint64_t before = store.data_version();
  server.advance_seconds(120);  // the session's last-seen time is written on the next request
  BOOST_TEST(ana.get("/api/v1/me").status == 200);
  BOOST_TEST(store.data_version() == before);
  {
    SQLite::Database check(server.db_path(), SQLite::OPEN_READONLY);
    BOOST_TEST(check.execAndGet("SELECT MAX(last_seen_at) FROM sessions").getInt64() ==
               check.execAndGet("SELECT MAX(created_at) FROM sessions").getInt64() + 120);
  }
  open_ticket(ana);
  BOOST_TEST(store.data_version() > before);
  const std::uint64_t after_ticket = store.data_version();
  struct RollBack {};
  BOOST_CHECK_THROW(store.transaction([&] {
    store.put_setting("rolled_back", "1");
    throw RollBack{};
  }),
                    RollBack);
  BOOST_TEST(store.data_version() == after_ticket);  // nothing committed, nothing moved
}

BOOST_AUTO_TEST_CASE(the_answer_cache_gives_only_the_same_stamp_and_keeps_to_its_size) {
  server::AnswerCache cache(64 * 1024);
  const auto answer = [](std::size_t bytes) {
    return server::AnswerCache::Answer{200, "application/json", std::make_shared<const std::string>(bytes, 'x')};
  };
  cache.keep("1 GET /a", {7, 100}, answer(10));
  BOOST_TEST(cache.find("1 GET /a", {7, 100}).has_value());
  BOOST_TEST(!cache.find("2 GET /a", {7, 100}).has_value());
  BOOST_TEST(!cache.find("1 GET /a", {8, 100}).has_value());  // a commit since: gone for good
  BOOST_TEST(!cache.find("1 GET /a", {7, 100}).has_value());
  cache.keep("1 GET /b", {7, 100}, answer(10));
  BOOST_TEST(!cache.find("1 GET /b", {7, 101}).has_value());  // the next second

  for (int i = 0; i < 100; ++i) cache.keep("1 GET /page" + std::to_string(i), {9, 100}, answer(1000));
  BOOST_TEST(cache.bytes() <= 64u * 1024);
  BOOST_TEST(cache.find("1 GET /page99", {9, 100}).has_value());  // the newest stay
  BOOST_TEST(!cache.find("1 GET /page0", {9, 100}).has_value());  // the oldest went first
  cache.keep("1 GET /huge", {9, 100}, answer(20 * 1024));       // over a quarter of the room
  BOOST_TEST(!cache.find("1 GET /huge", {9, 100}).has_value());
  server::AnswerCache off(0);
  off.keep("1 GET /a", {1, 1}, answer(10));
  BOOST_TEST(!off.find("1 GET /a", {1, 1}).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
