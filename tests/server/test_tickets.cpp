// Tickets over HTTP (SPEC §1.7, §1.8): creation with idempotency, visibility between
// accounts, the operator's take / reply / time entry charged to the trial, overrun.
#include <SQLiteCpp/Database.h>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

BOOST_FIXTURE_TEST_SUITE(tickets, ServerFixture)

BOOST_AUTO_TEST_CASE(a_customer_opens_a_ticket_and_sees_it_listed) {
  ApiClient ana = customer("ana@example.com");
  const auto created = ana.post("/api/v1/tickets", ticket_body("Wi-Fi drops"), {{"Idempotency-Key", "k-1"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  const json& ticket = created.body["ticket"];
  BOOST_TEST(ticket["status"] == "new");
  BOOST_TEST(ticket["funding"] == "trial");
  BOOST_TEST(ticket["criticality"] == "high");
  BOOST_TEST(ticket["reference"] == "T-" + std::string(6 - std::to_string(ticket["id"].get<Id>()).size(), '0') +
                                        std::to_string(ticket["id"].get<Id>()));
  BOOST_TEST(created.body["description"] == "Every second page is stuck.");
  const auto list = ana.get("/api/v1/tickets");
  BOOST_TEST_REQUIRE(list.status == 200);
  BOOST_TEST_REQUIRE(list.body["tickets"].size() == 1u);
  BOOST_TEST(list.body["tickets"][0]["subject"] == "Wi-Fi drops");
  BOOST_TEST(list.body["tickets"][0]["customer_name"] == "");  // customers are not shown names
}

BOOST_AUTO_TEST_CASE(idempotency_key_is_required_and_replays_give_the_same_ticket) {
  ApiClient ana = customer("ana@example.com");
  const auto missing = ana.post("/api/v1/tickets", ticket_body());
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(missing.error_code() == "idempotency_key_required");
  const auto first = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "same"}});
  const auto again = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "same"}});
  BOOST_TEST(first.status == 201);
  BOOST_TEST(again.status == 200);
  BOOST_TEST(again.body["ticket"]["id"] == first.body["ticket"]["id"]);
  const auto other = ana.post("/api/v1/tickets", ticket_body("Another problem"), {{"Idempotency-Key", "same"}});
  BOOST_TEST(other.status == 422);
  BOOST_TEST(other.error_code() == "idempotency_conflict");
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(concurrent_retries_create_one_ticket) {
  ApiClient ana = customer("ana@example.com");
  const std::string cookie = ana.cookie();
  std::vector<std::thread> senders;
  std::atomic<int> created{0}, replayed{0};
  for (int i = 0; i < 8; ++i)
    senders.emplace_back([&] {
      ApiClient retry(server.port());
      retry.set_cookie(cookie);
      const auto response = retry.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "racy"}});
      (response.status == 201 ? created : replayed)++;
    });
  for (auto& sender : senders) sender.join();
  BOOST_TEST(created.load() == 1);
  BOOST_TEST(replayed.load() == 7);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].size() == 1u);
}

// The offline outbox sends replies, attachments and time entries again after a lost answer:
// the same Idempotency-Key with the same request adds nothing; with another request, 422.
BOOST_AUTO_TEST_CASE(messages_attachments_and_time_entries_replay_once_per_key) {
  ApiClient ana = customer("ana@example.com");
  const auto opened = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "t"}});
  const std::string ticket = "/api/v1/tickets/" + std::to_string(opened.body["ticket"]["id"].get<Id>());
  const auto count = [&](ApiClient& who, const std::string& kind) {
    const auto detail = who.get(ticket).body;
    return std::count_if(detail["timeline"].begin(), detail["timeline"].end(),
                         [&](const json& entry) { return entry["kind"] == kind; });
  };

  const json reply = {{"body", "It is the blue printer on the second floor."}};
  const auto first = ana.post(ticket + "/messages", reply, {{"Idempotency-Key", "reply-1"}});
  const auto again = ana.post(ticket + "/messages", reply, {{"Idempotency-Key", "reply-1"}});
  BOOST_TEST(first.status == 201);
  BOOST_TEST(again.status == 200);
  BOOST_TEST(again.body["ticket"]["id"] == first.body["ticket"]["id"]);
  BOOST_TEST(count(ana, "message") == 1);
  const auto other = ana.post(ticket + "/messages", json{{"body", "Another text"}}, {{"Idempotency-Key", "reply-1"}});
  BOOST_TEST(other.status == 422);
  BOOST_TEST(other.error_code() == "idempotency_conflict");
  BOOST_TEST(count(ana, "message") == 1);
  // Without a key, every request is a new message (as before).
  BOOST_TEST(ana.post(ticket + "/messages", reply).status == 201);
  BOOST_TEST(ana.post(ticket + "/messages", reply).status == 201);
  BOOST_TEST(count(ana, "message") == 3);

  const std::string log = "2026-11-30 printer spooler restarted\n";
  const auto upload = [&](const std::string& key) {
    return ana.post_raw(ticket + "/attachments?filename=spool.log", log,
                        {{"X-Tessera-Request", "1"}, {"Idempotency-Key", key}});
  };
  BOOST_TEST(upload("file-1").status == 201);
  BOOST_TEST(upload("file-1").status == 200);
  BOOST_TEST(ana.get(ticket).body["attachments"].size() == 1u);

  ApiClient olga = staff("olga@tessera.test");
  BOOST_TEST(olga.post(ticket + "/actions", json{{"action", "take"}}).status == 200);
  const json work = {{"minutes", 4}, {"note", "Cleared the queue"}};
  BOOST_TEST(olga.post(ticket + "/time", work, {{"Idempotency-Key", "time-1"}}).status == 201);
  const auto replayed = olga.post(ticket + "/time", work, {{"Idempotency-Key", "time-1"}});
  BOOST_TEST(replayed.status == 200);
  BOOST_TEST(replayed.body["ticket"]["minutes_worked"] == 4);
  BOOST_TEST(count(olga, "time_entry") == 1);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["trial_minutes_left"] == 11);
  // Keys belong to their user: Ana's key means nothing for Olga.
  BOOST_TEST(olga.post(ticket + "/messages", reply, {{"Idempotency-Key", "reply-1"}}).status == 201);
}

BOOST_AUTO_TEST_CASE(ticket_fields_are_validated) {
  ApiClient ana = customer("ana@example.com");
  json body = ticket_body();
  body["category"] = "printer";
  const auto bad_category = ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "a"}});
  BOOST_TEST(bad_category.status == 400);
  BOOST_TEST(bad_category.body["error"]["field"] == "category");
  body = ticket_body(std::string(201, 's'));
  const auto long_subject = ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "b"}});
  BOOST_TEST(long_subject.status == 400);
  BOOST_TEST(long_subject.error_code() == "too_long");
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].empty());
}

BOOST_AUTO_TEST_CASE(another_customer_cannot_read_or_change_the_ticket) {
  ApiClient ana = customer("ana@example.com");
  const Id id = open_ticket(ana);
  ApiClient bob = customer("bob@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  const auto read = bob.get(path);
  BOOST_TEST(read.status == 404);
  BOOST_TEST(read.error_code() == "not_found");
  BOOST_TEST(bob.post(path + "/messages", {{"body", "mine now"}}).status == 404);
  BOOST_TEST(bob.post(path + "/actions", {{"action", "withdraw"}}).status == 404);
  BOOST_TEST(bob.get("/api/v1/tickets").body["tickets"].empty());
  // Nothing changed for Ana.
  const auto detail = ana.get(path);
  BOOST_TEST(detail.body["ticket"]["status"] == "new");
  for (const auto& entry : detail.body["timeline"]) BOOST_TEST(entry["kind"] != "message");
  BOOST_TEST(bob.get("/api/v1/tickets/999999").status == 404);  // same answer as a missing one
}

BOOST_AUTO_TEST_CASE(customers_cannot_use_operator_actions) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  const auto take = ana.post(path + "/actions", {{"action", "take"}});
  BOOST_TEST(take.status == 403);
  BOOST_TEST(take.error_code() == "forbidden_action");
  BOOST_TEST(ana.post(path + "/time", {{"minutes", 10}, {"note", "self"}}).status == 403);
  BOOST_TEST(ana.post(path + "/messages", {{"body", "psst"}, {"internal", true}}).status == 403);
  BOOST_TEST(ana.get("/api/v1/queue").status == 403);
  BOOST_TEST(ana.post(path + "/actions", {{"action", "auto_close"}}).status == 400);
}

BOOST_AUTO_TEST_CASE(the_operator_takes_replies_and_logs_time_charged_to_the_trial) {
  ApiClient ana = customer("ana@example.com");
  const Id id = open_ticket(ana);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  ApiClient olga = staff("olga@tessera.local");

  const auto queue = olga.get("/api/v1/queue");
  BOOST_TEST_REQUIRE(queue.status == 200);
  BOOST_TEST_REQUIRE(queue.body["tickets"].size() == 1u);
  BOOST_TEST(queue.body["tickets"][0]["id"] == id);
  BOOST_TEST(queue.body["tickets"][0]["customer_name"] == "Ana Customer");

  const auto early_time = olga.post(path + "/time", {{"minutes", 5}, {"note", "too early"}});
  BOOST_TEST(early_time.status == 409);  // not taken yet
  BOOST_TEST(early_time.error_code() == "invalid_transition");

  const auto take = olga.post(path + "/actions", {{"action", "take"}});
  BOOST_TEST_REQUIRE(take.status == 200);
  BOOST_TEST(take.body["ticket"]["status"] == "in_progress");
  BOOST_TEST(take.body["ticket"]["operator_name"] == "Olga Operator");
  BOOST_TEST(olga.post(path + "/actions", {{"action", "take"}}).error_code() == "invalid_transition");

  BOOST_TEST(olga.post(path + "/messages", {{"body", "Please restart the printer."}}).status == 201);
  BOOST_TEST(olga.post(path + "/messages", {{"body", "Probably the fuser."}, {"internal", true}}).status == 201);
  const auto logged = olga.post(path + "/time", {{"minutes", 10}, {"note", "Remote diagnosis"}});
  BOOST_TEST_REQUIRE(logged.status == 201);
  BOOST_TEST(logged.body["ticket"]["minutes_worked"] == 10);

  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["trial_minutes_left"] == 5);
  const auto detail = ana.get(path);
  BOOST_TEST(detail.body["ticket"]["status"] == "in_progress");
  bool saw_reply = false, saw_time = false;
  for (const auto& entry : detail.body["timeline"]) {
    BOOST_TEST(entry["kind"] != "internal_note");  // hidden from customers
    if (entry["kind"] == "message" && entry["body"] == "Please restart the printer.") {
      saw_reply = true;
      BOOST_TEST(entry["author_role"] == "operator");
    }
    if (entry["kind"] == "time_entry") saw_time = entry["minutes"] == 10;
  }
  BOOST_TEST(saw_reply);
  BOOST_TEST(saw_time);
  int notes = 0;
  const auto operator_view = olga.get(path);
  for (const auto& entry : operator_view.body["timeline"]) notes += entry["kind"] == "internal_note";
  BOOST_TEST(notes == 1);  // operators see their notes
}

BOOST_AUTO_TEST_CASE(time_entries_are_1_to_480_minutes) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  BOOST_TEST(olga.post(path + "/time", {{"minutes", 0}, {"note", "x"}}).error_code() == "minutes_out_of_range");
  BOOST_TEST(olga.post(path + "/time", {{"minutes", 481}, {"note", "x"}}).error_code() == "minutes_out_of_range");
  BOOST_TEST(olga.post(path + "/time", {{"minutes", 5}}).error_code() == "required");
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["trial_minutes_left"] == 15);
}

BOOST_AUTO_TEST_CASE(work_beyond_the_trial_is_overrun_and_the_ticket_awaits_funding) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  const auto logged = olga.post(path + "/time", {{"minutes", 20}, {"note", "Long repair"}});
  BOOST_TEST_REQUIRE(logged.status == 201);
  BOOST_TEST(logged.body["ticket"]["status"] == "awaiting_funding");
  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["trial_minutes_left"] == 0);
  BOOST_TEST(me.body["balances"]["overrun_minutes"] == 5);
  const auto refused = ana.post("/api/v1/tickets", ticket_body("Second issue"), {{"Idempotency-Key", "k-2"}});
  BOOST_TEST(refused.status == 402);
  BOOST_TEST(refused.error_code() == "no_funding");
}

BOOST_AUTO_TEST_CASE(a_customer_reply_brings_a_waiting_ticket_back_and_withdraw_needs_no_work) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  BOOST_TEST(olga.post(path + "/actions", {{"action", "ask_customer"}}).body["ticket"]["status"] == "waiting_customer");
  BOOST_TEST(ana.post(path + "/messages", {{"body", "Done, still broken"}}).body["ticket"]["status"] == "in_progress");
  BOOST_TEST(ana.post(path + "/actions", {{"action", "withdraw"}}).body["ticket"]["status"] == "withdrawn");
  const auto closed = ana.post(path + "/messages", {{"body", "one more thing"}});
  BOOST_TEST(closed.status == 409);
  BOOST_TEST(closed.error_code() == "ticket_closed");
}

BOOST_AUTO_TEST_CASE(the_queue_shows_only_the_operators_languages_most_critical_first) {
  ApiClient ana = customer("ana@example.com");
  json low = ticket_body("Low one");
  low["criticality"] = "low";
  json critical = ticket_body("Critical one");
  critical["criticality"] = "critical";
  json spanish = ticket_body("Spanish one");
  spanish["language"] = "es";
  ana.post("/api/v1/tickets", low, {{"Idempotency-Key", "1"}});
  ana.post("/api/v1/tickets", critical, {{"Idempotency-Key", "2"}});
  ana.post("/api/v1/tickets", spanish, {{"Idempotency-Key", "3"}});
  server.create_staff("fred@tessera.local", "operator password", "Fred", "operator", "fr,en");
  ApiClient fred = new_client();
  fred.post("/api/v1/auth/login", {{"email", "fred@tessera.local"}, {"password", "operator password"}});
  const auto queue = fred.get("/api/v1/queue");
  BOOST_TEST_REQUIRE(queue.body["tickets"].size() == 2u);
  BOOST_TEST(queue.body["tickets"][0]["subject"] == "Critical one");
  BOOST_TEST(queue.body["tickets"][1]["subject"] == "Low one");
  BOOST_TEST(queue.body["languages"] == json::array({"fr", "en"}));
}

BOOST_AUTO_TEST_CASE(the_queue_is_filtered_and_says_when_each_first_response_is_due) {
  ApiClient ana = customer("ana@example.com");
  json printer = ticket_body("Printer jams");
  printer["criticality"] = "critical";
  printer["category"] = "hardware";
  json spanish = ticket_body("Correo caído");
  spanish["language"] = "es";
  spanish["category"] = "software";
  ana.post("/api/v1/tickets", printer, {{"Idempotency-Key", "1"}});
  json mail = ticket_body("Mail is slow");
  mail["category"] = "account";
  ana.post("/api/v1/tickets", mail, {{"Idempotency-Key", "2"}});
  ana.post("/api/v1/tickets", spanish, {{"Idempotency-Key", "3"}});
  server.create_staff("fred@tessera.local", "operator password", "Fred", "operator", "fr,en,es");
  ApiClient fred = new_client();
  fred.post("/api/v1/auth/login", {{"email", "fred@tessera.local"}, {"password", "operator password"}});
  const auto subjects = [&](const std::string& query) {
    std::vector<std::string> found;
    const auto page = fred.get("/api/v1/queue" + query);
    BOOST_TEST_REQUIRE(page.status == 200);
    for (const auto& ticket : page.body["tickets"]) found.push_back(ticket["subject"].get<std::string>());
    BOOST_TEST(page.body["total"] == found.size());
    return found;
  };
  BOOST_TEST(subjects("").size() == 3u);
  BOOST_TEST(subjects("?languages=es") == std::vector<std::string>{"Correo caído"}, boost::test_tools::per_element());
  BOOST_TEST(subjects("?languages=fr,en").size() == 2u);
  BOOST_TEST(subjects("?category=hardware") == std::vector<std::string>{"Printer jams"}, boost::test_tools::per_element());
  BOOST_TEST(subjects("?q=MAIL") == std::vector<std::string>{"Mail is slow"}, boost::test_tools::per_element());
  BOOST_TEST(subjects("?status=in_progress").empty());
  BOOST_TEST(fred.get("/api/v1/queue?languages=de").error_code() == "invalid_value");
  BOOST_TEST(fred.get("/api/v1/queue?status=lost").status == 400);
  // Each entry's first-response promise: the critical one is due within 60 open minutes.
  const auto page = fred.get("/api/v1/queue");
  const json& first = page.body["tickets"][0];
  BOOST_TEST(first["subject"] == "Printer jams");
  BOOST_TEST_REQUIRE(first["sla"].is_object());
  BOOST_TEST(first["sla"]["open_minutes_left"].get<Minutes>() <= 60);
  BOOST_TEST(first["sla"]["due_at"].get<Instant>() >= first["created_at"].get<Instant>() + 60 * 60 - 1);
  BOOST_TEST(first["sla"]["overdue"] == (first["sla"]["open_minutes_left"].get<Minutes>() <= 0));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(ticket_funding, ServerFixture)

BOOST_AUTO_TEST_CASE(the_trial_funds_by_default_and_the_cost_is_shown_per_entry) {
  ApiClient ana = customer("ana@example.com");
  const auto me = ana.get("/api/v1/me");
  BOOST_TEST(me.body["balances"]["funding_options"] == json::array({"trial"}));
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/time", {{"minutes", 4}, {"note", "first look"}});
  olga.post(path + "/time", {{"minutes", 3}, {"note", "fix"}});
  const auto detail = ana.get(path);
  BOOST_TEST(detail.body["cost"]["trial_minutes"] == 7);
  BOOST_TEST(detail.body["cost"]["overrun_minutes"] == 0);
  std::vector<Minutes> entry_costs;
  for (const auto& entry : detail.body["timeline"])
    if (entry["kind"] == "time_entry") entry_costs.push_back(entry["cost"]["trial_minutes"].get<Minutes>());
  BOOST_TEST(entry_costs == (std::vector<Minutes>{4, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_funding_source_the_customer_does_not_have_is_refused) {
  ApiClient ana = customer("ana@example.com");
  json body = ticket_body();
  body["funding"] = "units";
  const auto refused = ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "u"}});
  BOOST_TEST(refused.status == 402);
  BOOST_TEST(refused.error_code() == "funding_unavailable");
  body["funding"] = "gold";
  BOOST_TEST(ana.post("/api/v1/tickets", body, {{"Idempotency-Key", "g"}}).error_code() == "invalid_value");
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"].empty());  // nothing half-created
}

BOOST_AUTO_TEST_CASE(one_trial_per_email_even_after_the_account_is_gone) {
  customer("ana@example.com");
  {  // the account is deleted: its user row goes, the trial record stays
    SQLite::Database db(server.db_path(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM sessions; DELETE FROM users WHERE email = 'ana@example.com'");
  }
  ApiClient again = new_client();
  const auto response = again.post("/api/v1/auth/signup", signup_body(" Ana@example.COM"));
  BOOST_TEST_REQUIRE(response.status == 201);
  BOOST_TEST(response.body["balances"]["trial_minutes_left"] == 0);
  BOOST_TEST(response.body["balances"]["trial_minutes_granted"] == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(triage_and_adjustments, ServerFixture)

BOOST_AUTO_TEST_CASE(triage_keeps_both_criticalities_and_reorders_the_queue) {
  ApiClient ana = customer("ana@example.com");
  json low = ticket_body("Low one");
  low["criticality"] = "low";
  const Id low_id = ana.post("/api/v1/tickets", low, {{"Idempotency-Key", "1"}}).body["ticket"]["id"].get<Id>();
  ana.post("/api/v1/tickets", ticket_body("High one"), {{"Idempotency-Key", "2"}});
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get("/api/v1/queue").body["tickets"][0]["subject"] == "High one");
  const auto triaged = olga.post("/api/v1/tickets/" + std::to_string(low_id) + "/triage", {{"criticality", "critical"}});
  BOOST_TEST_REQUIRE(triaged.status == 200);
  BOOST_TEST(triaged.body["ticket"]["criticality"] == "low");  // the customer's word is kept
  BOOST_TEST(triaged.body["ticket"]["triage"] == "critical");
  BOOST_TEST(olga.get("/api/v1/queue").body["tickets"][0]["subject"] == "Low one");
  BOOST_TEST(ana.post("/api/v1/tickets/" + std::to_string(low_id) + "/triage", {{"criticality", "critical"}}).status == 403);
  BOOST_TEST(olga.post("/api/v1/tickets/" + std::to_string(low_id) + "/triage", {{"criticality", "urgent"}}).status == 400);
}

BOOST_AUTO_TEST_CASE(an_admin_corrects_worked_time_with_a_signed_adjustment) {
  ApiClient ana = customer("ana@example.com");
  const std::string path = "/api/v1/tickets/" + std::to_string(open_ticket(ana));
  ApiClient olga = staff("olga@tessera.local");
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/time", {{"minutes", 12}, {"note", "typo: was 2"}});
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["trial_minutes_left"] == 3);
  BOOST_TEST(olga.post(path + "/adjustments", {{"minutes", -10}, {"note", "x"}}).status == 403);  // admins only
  ApiClient boss = staff("boss@tessera.local", "admin");
  const auto adjusted = boss.post(path + "/adjustments", {{"minutes", -10}, {"note", "Entered 12 instead of 2"}});
  BOOST_TEST_REQUIRE(adjusted.status == 201);
  BOOST_TEST(adjusted.body["ticket"]["minutes_worked"] == 2);
  BOOST_TEST(ana.get("/api/v1/me").body["balances"]["trial_minutes_left"] == 13);
  BOOST_TEST(boss.post(path + "/adjustments", {{"minutes", -5}, {"note", "too much"}}).error_code() == "adjustment_below_zero");
  BOOST_TEST(boss.post(path + "/adjustments", {{"minutes", 5}}).error_code() == "note_required");
  int entries = 0;
  const auto detail = ana.get(path);
  for (const auto& entry : detail.body["timeline"]) entries += entry["kind"] == "time_entry" || entry["kind"] == "time_adjustment";
  BOOST_TEST(entries == 2);  // the original entry stays; the correction is a second entry
}

BOOST_AUTO_TEST_SUITE_END()
