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

BOOST_AUTO_TEST_SUITE_END()
