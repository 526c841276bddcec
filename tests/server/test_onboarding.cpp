// The startup phone conference (SPEC §1.2): the admin's availability slots, the owner's step
// after the subscription's first activation (book one free slot or "by email instead",
// contacts and work environment), a slot going to one account only even when accounts race
// for it, the operator marking it done with notes the customer never sees, and the work
// environment shown to staff on every ticket of the account.
#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
// The audit log's entries, newest first (a value: the answer it comes from is gone).
json audit_entries(ApiClient& admin) { return admin.get("/api/v1/admin/audit").body["entries"]; }
constexpr const char* kSlots = "/api/v1/admin/onboarding/slots";
constexpr std::int64_t kDay = 86'400;

json details(const std::string& phone = "+33 6 12 34 56 78") {
  return {{"contacts", {{"phones", {phone}}, {"emails", {"Ana.Home@Example.com"}}, {"preferred_hours", "after 18:00"}}},
          {"environment",
           {{"devices", {"Dell XPS 13", "HP LaserJet"}},
            {"operating_systems", {"Windows 11"}},
            {"network", "Fibre box, Wi-Fi mesh"},
            {"key_software", {"Outlook"}}}}};
}

struct OnboardingFixture : ServerFixture {
  ApiClient boss = staff("boss@tessera.local", "admin");

  // A customer whose subscription was paid by check and activated.
  ApiClient subscriber(const std::string& email) {
    ApiClient api = customer(email);
    const auto order = api.post("/api/v1/orders", {{"kind", "subscription"}, {"extra_users", 0}, {"method", "check"}});
    BOOST_TEST_REQUIRE(order.status == 201);
    const auto paid = boss.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment",
                                json::object());
    BOOST_TEST_REQUIRE(paid.status == 200);
    return api;
  }

  Id add_slot(Instant starts_at, Minutes length = 30) {
    const auto created = boss.post(kSlots, {{"starts_at", starts_at}, {"length_minutes", length}});
    BOOST_TEST_REQUIRE(created.status == 201);
    return created.body["id"].get<Id>();
  }

  static Id account_of(ApiClient& api) { return api.get("/api/v1/me").body["user"]["account_id"].get<Id>(); }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(onboarding, OnboardingFixture)

BOOST_AUTO_TEST_CASE(the_admin_offers_slots_that_staff_can_read) {
  const Id slot = add_slot(server.now() + kDay, 45);
  const auto listed = boss.get(kSlots);
  BOOST_TEST_REQUIRE(listed.body["slots"].size() == 1u);
  BOOST_TEST(listed.body["slots"][0] == json({{"id", slot}, {"starts_at", server.now() + kDay}, {"length_minutes", 45},
                                              {"booked", false}, {"account_id", nullptr}}));
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.get(kSlots).status == 200);

  const auto past = boss.post(kSlots, {{"starts_at", server.now() - 60}});
  BOOST_TEST(past.status == 422);
  BOOST_TEST(past.error_code() == "slot_in_past");
  BOOST_TEST(past.body["error"]["field"] == "starts_at");
  const auto short_call = boss.post(kSlots, {{"starts_at", server.now() + 2 * kDay}, {"length_minutes", 5}});
  BOOST_TEST(short_call.status == 422);
  BOOST_TEST(short_call.error_code() == "out_of_range");
  BOOST_TEST(short_call.body["error"]["params"]["min"] == "15");
  BOOST_TEST(boss.post(kSlots, {{"length_minutes", 30}}).status == 422);
  BOOST_TEST(boss.post(kSlots, {{"starts_at", "tomorrow"}}).error_code() == "invalid_type");
  BOOST_TEST(boss.post(kSlots, {{"starts_at", server.now() + kDay}}).status == 409);  // that start exists

  ApiClient ana = customer("ana@example.com");
  BOOST_TEST(new_client().get(kSlots).status == 401);
  BOOST_TEST(ana.get(kSlots).status == 403);
  BOOST_TEST(ana.post(kSlots, {{"starts_at", server.now() + 3 * kDay}}).status == 403);
  BOOST_TEST(olga.post(kSlots, {{"starts_at", server.now() + 3 * kDay}}).status == 403);
  BOOST_TEST(olga.del(std::string(kSlots) + "/" + std::to_string(slot)).status == 403);
  BOOST_TEST(boss.del(std::string(kSlots) + "/999").status == 404);
  BOOST_TEST(boss.del(std::string(kSlots) + "/" + std::to_string(slot)).status == 204);
  BOOST_TEST(boss.get(kSlots).body["slots"].empty());

  std::set<std::string> actions;
  for (const json& entry : audit_entries(boss)) actions.insert(entry["action"].get<std::string>());
  BOOST_TEST(actions.count("onboarding_slot_added") == 1u);
  BOOST_TEST(actions.count("onboarding_slot_removed") == 1u);
}

BOOST_AUTO_TEST_CASE(the_step_appears_after_the_first_activation_only) {
  add_slot(server.now() + kDay);
  ApiClient ana = customer("ana@example.com");
  const auto before = ana.get("/api/v1/onboarding");
  BOOST_TEST_REQUIRE(before.status == 200);
  BOOST_TEST(before.body["onboarding"]["available"] == false);
  BOOST_TEST(before.body["onboarding"]["required"] == false);
  BOOST_TEST(before.body["free_slots"].empty());
  BOOST_TEST(ana.post("/api/v1/onboarding/by-email", json::object()).error_code() == "onboarding_not_available");
  BOOST_TEST(ana.put("/api/v1/onboarding/details", details()).status == 409);

  ApiClient bea = subscriber("bea@example.com");
  const auto after = bea.get("/api/v1/onboarding");
  BOOST_TEST(after.body["onboarding"]["available"] == true);
  BOOST_TEST(after.body["onboarding"]["required"] == true);
  BOOST_TEST(after.body["onboarding"]["choice"] == "pending");
  BOOST_TEST(after.body["free_slots"].size() == 1u);
  BOOST_TEST(!after.body["onboarding"].contains("operator_notes"));

  const auto listed = boss.get("/api/v1/admin/onboarding");
  BOOST_TEST_REQUIRE(listed.body["steps"].size() == 1u);  // Ana never subscribed
  BOOST_TEST(listed.body["steps"][0]["owner"]["email"] == "bea@example.com");
  BOOST_TEST(listed.body["steps"][0]["required"] == true);
}

BOOST_AUTO_TEST_CASE(the_owner_books_moves_or_gives_up_the_call_and_a_slot_goes_to_one_account) {
  const Id first = add_slot(server.now() + kDay);
  const Id second = add_slot(server.now() + 2 * kDay, 60);
  ApiClient ana = subscriber("ana@example.com");
  ApiClient bea = subscriber("bea@example.com");

  const auto booked = ana.post("/api/v1/onboarding/booking", {{"slot_id", first}});
  BOOST_TEST_REQUIRE(booked.status == 200);
  BOOST_TEST(booked.body["choice"] == "call_booked");
  BOOST_TEST(booked.body["call"] == json({{"slot_id", first}, {"starts_at", server.now() + kDay}, {"length", 30}}));
  const auto taken = bea.post("/api/v1/onboarding/booking", {{"slot_id", first}});
  BOOST_TEST(taken.status == 409);
  BOOST_TEST(taken.error_code() == "slot_unavailable");
  BOOST_TEST(bea.get("/api/v1/onboarding").body["free_slots"].size() == 1u);  // only the second
  BOOST_TEST(bea.post("/api/v1/onboarding/booking", {{"slot_id", 999}}).error_code() == "slot_unavailable");
  BOOST_TEST(bea.post("/api/v1/onboarding/booking", {{"slot_id", "first"}}).status == 422);
  BOOST_TEST(boss.del(std::string(kSlots) + "/" + std::to_string(first)).error_code() == "slot_booked");

  // Moving the call frees the first slot; choosing email frees the second.
  BOOST_TEST(ana.post("/api/v1/onboarding/booking", {{"slot_id", second}}).body["call"]["slot_id"] == second);
  BOOST_TEST(bea.post("/api/v1/onboarding/booking", {{"slot_id", first}}).status == 200);
  const auto by_email = ana.post("/api/v1/onboarding/by-email", json::object());
  BOOST_TEST_REQUIRE(by_email.status == 200);
  BOOST_TEST(by_email.body["choice"] == "by_email");
  BOOST_TEST(by_email.body["call"].is_null());
  const auto slots = boss.get(kSlots).body["slots"];
  BOOST_TEST(slots[0]["account_id"] == account_of(bea));
  BOOST_TEST(slots[1]["booked"] == false);

  server.advance_seconds(3 * kDay);  // the second slot is past now
  BOOST_TEST(ana.post("/api/v1/onboarding/booking", {{"slot_id", second}}).error_code() == "slot_unavailable");
}

BOOST_AUTO_TEST_CASE(accounts_racing_for_one_slot_get_it_once) {
  const Id slot = add_slot(server.now() + kDay);
  std::vector<ApiClient> owners;
  for (int i = 0; i < 6; ++i) owners.push_back(subscriber("racer" + std::to_string(i) + "@example.com"));
  std::atomic<int> booked{0}, refused{0}, other{0};
  std::vector<std::thread> racers;
  for (ApiClient& owner : owners)
    racers.emplace_back([&, slot] {
      const int status = owner.post("/api/v1/onboarding/booking", {{"slot_id", slot}}).status;
      (status == 200 ? booked : status == 409 ? refused : other)++;
    });
  for (std::thread& racer : racers) racer.join();
  BOOST_TEST(booked.load() == 1);
  BOOST_TEST(refused.load() == 5);
  BOOST_TEST(other.load() == 0);
  int holders = 0;
  for (ApiClient& owner : owners)
    if (owner.get("/api/v1/onboarding").body["onboarding"]["choice"] == "call_booked") ++holders;
  BOOST_TEST(holders == 1);
}

BOOST_AUTO_TEST_CASE(contacts_and_environment_are_validated_and_shown_to_staff_on_every_ticket) {
  ApiClient ana = subscriber("ana@example.com");
  const auto bad_phone = ana.put("/api/v1/onboarding/details", details("call me"));
  BOOST_TEST(bad_phone.status == 422);
  BOOST_TEST(bad_phone.error_code() == "invalid_phone");
  BOOST_TEST(bad_phone.body["error"]["field"] == "contacts.phones[0]");
  json too_many = details();
  too_many["environment"]["devices"] = json::array();
  for (int i = 0; i < 21; ++i) too_many["environment"]["devices"].push_back("device " + std::to_string(i));
  BOOST_TEST(ana.put("/api/v1/onboarding/details", too_many).error_code() == "too_many_entries");
  json too_long = details();
  too_long["environment"]["network"] = std::string(501, 'x');
  const auto long_answer = ana.put("/api/v1/onboarding/details", too_long);
  BOOST_TEST(long_answer.status == 422);
  BOOST_TEST(long_answer.body["error"]["field"] == "environment.network");
  json nobody = details();
  nobody["contacts"] = {{"phones", json::array()}, {"emails", json::array()}};
  BOOST_TEST(ana.put("/api/v1/onboarding/details", nobody).error_code() == "required");

  const auto saved = ana.put("/api/v1/onboarding/details", details());
  BOOST_TEST_REQUIRE(saved.status == 200);
  BOOST_TEST(saved.body["contacts"]["emails"] == json::array({"ana.home@example.com"}));
  BOOST_TEST(saved.body["environment"]["devices"] == json::array({"Dell XPS 13", "HP LaserJet"}));

  const Id first = open_ticket(ana, "k1", "Outlook crashes");
  const Id second = open_ticket(ana, "k2", "Printer offline");
  ApiClient olga = staff("olga@tessera.local");
  for (Id ticket : {first, second}) {
    const auto seen = olga.get("/api/v1/tickets/" + std::to_string(ticket));
    BOOST_TEST(seen.body["work_environment"]["operating_systems"] == json::array({"Windows 11"}));
    BOOST_TEST(seen.body["work_environment"]["network"] == "Fibre box, Wi-Fi mesh");
    BOOST_TEST(seen.body["contacts"]["emails"] == json::array({"ana.home@example.com"}));  // how to reach them
    BOOST_TEST(!ana.get("/api/v1/tickets/" + std::to_string(ticket)).body.contains("work_environment"));
    BOOST_TEST(!ana.get("/api/v1/tickets/" + std::to_string(ticket)).body.contains("contacts"));
  }
  // During the call the operator completes what the customer forgot (audit-logged).
  json completed = details();
  completed["environment"]["key_software"] = {"Outlook", "Sage accounting"};
  const std::string of_ana = "/api/v1/onboarding/" + std::to_string(account_of(ana)) + "/details";
  const auto by_operator = olga.put(of_ana, completed);
  BOOST_TEST_REQUIRE(by_operator.status == 200);
  BOOST_TEST(by_operator.body["environment"]["key_software"] == json::array({"Outlook", "Sage accounting"}));
  BOOST_TEST(olga.put(of_ana, details("call me")).status == 422);
  BOOST_TEST(olga.get("/api/v1/tickets/" + std::to_string(first)).body["work_environment"]["key_software"].size() == 2u);
  BOOST_TEST(customer("eve@example.com").put(of_ana, details()).status == 404);
  BOOST_TEST(olga.put("/api/v1/onboarding/999/details", details()).status == 404);
  bool audited = false;
  for (const json& entry : audit_entries(boss)) audited = audited || entry["action"] == "onboarding_details_updated";
  BOOST_TEST(audited);

  ApiClient bea = customer("bea@example.com");  // no onboarding: nothing to show
  const Id other = open_ticket(bea, "k3");
  BOOST_TEST(!olga.get("/api/v1/tickets/" + std::to_string(other)).body.contains("work_environment"));
}

BOOST_AUTO_TEST_CASE(an_operator_marks_it_done_with_notes_that_the_customer_never_sees) {
  ApiClient ana = subscriber("ana@example.com");
  const Id account = account_of(ana);
  const std::string complete = "/api/v1/onboarding/" + std::to_string(account) + "/complete";
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(olga.post(complete, {{"notes", "Talked"}}).error_code() == "onboarding_not_started");
  ana.put("/api/v1/onboarding/details", details());
  BOOST_TEST(ana.post("/api/v1/onboarding/by-email", json::object()).status == 200);

  BOOST_TEST(ana.post(complete, {{"notes", "I did it myself"}}).error_code() == "forbidden_action");
  ApiClient eve = customer("eve@example.com");
  BOOST_TEST(eve.post(complete, {{"notes", "x"}}).status == 404);
  BOOST_TEST(eve.get("/api/v1/onboarding/" + std::to_string(account)).status == 404);
  BOOST_TEST(new_client().post(complete, {{"notes", "x"}}).status == 401);
  const auto no_notes = olga.post(complete, {{"notes", "  "}});
  BOOST_TEST(no_notes.status == 422);
  BOOST_TEST(no_notes.error_code() == "note_required");
  BOOST_TEST(olga.post("/api/v1/onboarding/999/complete", {{"notes", "x"}}).status == 404);

  server.advance_seconds(600);
  const auto done = olga.post(complete, {{"notes", "Prefers email; old router to replace."}});
  BOOST_TEST_REQUIRE(done.status == 200);
  BOOST_TEST(done.body["done"] == true);
  BOOST_TEST(done.body["done_at"] == server.now());
  BOOST_TEST(done.body["operator_notes"] == "Prefers email; old router to replace.");
  BOOST_TEST(olga.post(complete, {{"notes", "again"}}).error_code() == "onboarding_done");

  const auto staff_view = boss.get("/api/v1/onboarding/" + std::to_string(account));
  BOOST_TEST(staff_view.body["operator_notes"] == "Prefers email; old router to replace.");
  BOOST_TEST(staff_view.body["done_by"] == olga.get("/api/v1/me").body["user"]["id"]);
  const auto own = ana.get("/api/v1/onboarding");
  BOOST_TEST(own.body["onboarding"]["done"] == true);
  BOOST_TEST(own.body["onboarding"]["required"] == false);
  BOOST_TEST(!own.body["onboarding"].contains("operator_notes"));
  BOOST_TEST(!ana.get("/api/v1/onboarding/" + std::to_string(account)).body.contains("operator_notes"));

  // Done is done: no more booking; the contacts and environment stay editable.
  const Id slot = add_slot(server.now() + kDay);
  BOOST_TEST(ana.post("/api/v1/onboarding/booking", {{"slot_id", slot}}).error_code() == "onboarding_done");
  json moved = details();
  moved["environment"]["operating_systems"] = {"Windows 11", "macOS 15"};
  BOOST_TEST(ana.put("/api/v1/onboarding/details", moved).status == 200);
  bool audited = false;
  for (const json& entry : audit_entries(boss))
    audited = audited || (entry["action"] == "onboarding_done" && entry["details"]["account"] == account);
  BOOST_TEST(audited);
}

BOOST_AUTO_TEST_CASE(only_the_owner_has_the_step_and_only_staff_see_them_all) {
  ApiClient ana = subscriber("ana@example.com");
  ApiClient olga = staff("olga@tessera.local");
  BOOST_TEST(new_client().get("/api/v1/onboarding").status == 401);
  BOOST_TEST(new_client().get("/api/v1/admin/onboarding").status == 401);
  BOOST_TEST(olga.get("/api/v1/onboarding").status == 403);
  BOOST_TEST(olga.put("/api/v1/onboarding/details", details()).status == 403);
  BOOST_TEST(ana.get("/api/v1/admin/onboarding").status == 403);
  BOOST_TEST(olga.get("/api/v1/admin/onboarding").body["steps"].size() == 1u);
  BOOST_TEST(olga.get("/api/v1/onboarding/" + std::to_string(account_of(ana))).status == 200);
  ApiClient eve = customer("eve@example.com");
  const Id eve_account = account_of(eve);
  BOOST_TEST(olga.get("/api/v1/onboarding/" + std::to_string(eve_account)).status == 404);  // never subscribed
  BOOST_TEST(ana.get("/api/v1/onboarding/" + std::to_string(account_of(ana))).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
