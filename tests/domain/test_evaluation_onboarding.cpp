// Evaluations of closed tickets (SPEC §1.10) and the startup phone conference (SPEC §1.2):
// who may do what, when, and the errors otherwise; their JSON forms.
#include <boost/test/unit_test.hpp>

#include "tessera/dates.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/evaluation.hpp"
#include "tessera/onboarding.hpp"

using namespace tessera;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(evaluation_onboarding)

BOOST_AUTO_TEST_CASE(a_closed_ticket_is_rated_once_from_1_to_5) {
  const auto rated = evaluate_ticket(TicketStatus::closed, false, {5, "  Fast and kind. ", true}, 100);
  BOOST_TEST_REQUIRE(rated.ok());
  BOOST_TEST(rated->comment == "Fast and kind.");
  BOOST_TEST(published_comment(rated.value()).value() == "Fast and kind.");
  BOOST_TEST(evaluate_ticket(TicketStatus::closed_subscription_ended, false, {3, "", false}, 1).ok());
  const auto open = evaluate_ticket(TicketStatus::resolved, false, {4, "", false}, 1);
  BOOST_TEST(open.error().code == "ticket_not_closed");
  BOOST_TEST(open.error().params.at("status") == "resolved");
  BOOST_TEST(evaluate_ticket(TicketStatus::withdrawn, false, {4, "", false}, 1).error().code == "ticket_not_closed");
  BOOST_TEST(evaluate_ticket(TicketStatus::closed, true, {4, "", false}, 1).error().code == "already_rated");
  BOOST_TEST(evaluate_ticket(TicketStatus::closed, false, {0, "", false}, 1).error().field == "rating");
  BOOST_TEST(evaluate_ticket(TicketStatus::closed, false, {6, "", false}, 1).error().code == "invalid_rating");
  BOOST_TEST(evaluate_ticket(TicketStatus::closed, false, {5, std::string(2001, 'x'), false}, 1).error().code ==
             "too_long");
}

BOOST_AUTO_TEST_CASE(a_comment_is_published_only_with_consent) {
  BOOST_TEST(!published_comment(Evaluation{5, "Thanks", false, 0}).has_value());
  BOOST_TEST(!published_comment(Evaluation{5, "", true, 0}).has_value());
  BOOST_TEST(published_comment(Evaluation{2, "Slow", true, 0}).has_value());
}

BOOST_AUTO_TEST_CASE(evaluation_requests_from_json) {
  const auto request =
      codec::decode_evaluation_request(json{{"rating", 4}, {"comment", "ok"}, {"publish_comment", true}});
  BOOST_TEST_REQUIRE(request.ok());
  BOOST_TEST(request->rating == 4);
  BOOST_TEST(request->publish_comment);
  BOOST_TEST(codec::decode_evaluation_request(json{{"comment", "x"}}).error().code == "required");
  BOOST_TEST(codec::decode_evaluation_request(json{{"rating", "5"}}).error().code == "invalid_type");
  BOOST_TEST(codec::decode_evaluation_request(json{{"rating", 9}}).error().code == "invalid_rating");
  BOOST_TEST(codec::decode_evaluation_request(json{{"rating", 3}, {"publish_comment", "yes"}}).error().field ==
             "publish_comment");
  BOOST_TEST(codec::encode(Evaluation{5, "Top", true, 7})["publish_comment"] == true);
}

const Instant kNow = utc_instant({2026, 3, 2}, 8, 0);
const std::vector<AvailabilitySlot> kFreeSlots = {{utc_instant({2026, 3, 3}, 9, 0), 30},
                                                  {utc_instant({2026, 3, 3}, 14, 0), 45}};

BOOST_AUTO_TEST_CASE(the_step_is_required_after_the_first_activation_until_done) {
  BOOST_TEST(!onboarding_required(false, Onboarding{}));
  BOOST_TEST(onboarding_required(true, Onboarding{}));
  Onboarding done;
  done.done = true;
  BOOST_TEST(!onboarding_required(true, done));
}

BOOST_AUTO_TEST_CASE(booking_a_slot_or_choosing_email) {
  const auto booked = book_onboarding_call(Onboarding{}, kFreeSlots[1].starts_at, kFreeSlots, kNow);
  BOOST_TEST_REQUIRE(booked.ok());
  BOOST_TEST((booked->choice == OnboardingChoice::call_booked));
  BOOST_TEST(booked->call->length == 45);
  BOOST_TEST(book_onboarding_call(Onboarding{}, kFreeSlots[0].starts_at + 60, kFreeSlots, kNow).error().code ==
             "slot_unavailable");
  BOOST_TEST(book_onboarding_call(Onboarding{}, kFreeSlots[0].starts_at, kFreeSlots, kFreeSlots[0].starts_at)
                 .error()
                 .field == "slot");
  const auto by_email = choose_onboarding_by_email(booked.value());
  BOOST_TEST((by_email->choice == OnboardingChoice::by_email));
  BOOST_TEST(!by_email->call.has_value());
  BOOST_TEST((parse_onboarding_choice(to_string(OnboardingChoice::by_email)) == OnboardingChoice::by_email));
  BOOST_TEST(!parse_onboarding_choice("fax").has_value());
}

BOOST_AUTO_TEST_CASE(contacts_and_environment_are_checked) {
  const ContactDetails contacts{{"+33 6 12 34 56 78", "(555) 010-2030"}, {" Alice@Example.COM "}, "after 18:00"};
  const WorkEnvironment environment{{"Dell XPS 13"}, {"Windows 11"}, "Fibre box", {"Outlook", "Sage"}};
  const auto updated = update_onboarding_details(Onboarding{}, contacts, environment);
  BOOST_TEST_REQUIRE(updated.ok());
  BOOST_TEST(updated->contacts.emails[0] == "alice@example.com");
  struct Row {
    const char* name;
    ContactDetails contacts;
    WorkEnvironment environment;
    const char* code;
    const char* field;
  };
  const Row rows[] = {
      {"letters in a phone", {{"call me"}, {}, ""}, {}, "invalid_phone", "contacts.phones[0]"},
      {"too few digits", {{"+33 12"}, {}, ""}, {}, "invalid_phone", "contacts.phones[0]"},
      {"a bad email", {{}, {"alice@"}, ""}, {}, "invalid_email", "contacts.emails[0]"},
      {"no way to reach them", {{}, {}, "mornings"}, {}, "required", "contacts.phones"},
      {"an empty entry", {{"0612345678", " "}, {}, ""}, {}, "required", "contacts.phones[1]"},
      {"too many devices", {{"0612345678"}, {}, ""}, {std::vector<std::string>(21, "pc"), {}, "", {}},
       "too_many_entries", "environment.devices"},
      {"a network essay", {{"0612345678"}, {}, ""}, {{}, {}, std::string(501, 'n'), {}}, "too_long",
       "environment.network"},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto result = update_onboarding_details(Onboarding{}, row.contacts, row.environment);
      BOOST_TEST_REQUIRE(!result.ok());
      BOOST_TEST(result.error().code == row.code);
      BOOST_TEST(result.error().field == row.field);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_operator_marks_it_done_with_notes) {
  const Onboarding booked = book_onboarding_call(Onboarding{}, kFreeSlots[0].starts_at, kFreeSlots, kNow).value();
  BOOST_TEST(complete_onboarding(booked, Role::customer, "notes", kNow).error().code == "forbidden_action");
  BOOST_TEST(complete_onboarding(Onboarding{}, Role::operator_, "notes", kNow).error().code ==
             "onboarding_not_started");
  BOOST_TEST(complete_onboarding(booked, Role::operator_, "  ", kNow).error().code == "note_required");
  const auto done = complete_onboarding(booked, Role::operator_, "Two laptops, one NAS.", kNow);
  BOOST_TEST_REQUIRE(done.ok());
  BOOST_TEST(done->done);
  BOOST_TEST(done->operator_notes == "Two laptops, one NAS.");
  BOOST_TEST(complete_onboarding(done.value(), Role::admin, "again", kNow).error().code == "onboarding_done");
  BOOST_TEST(book_onboarding_call(done.value(), kFreeSlots[1].starts_at, kFreeSlots, kNow).error().code ==
             "onboarding_done");
  BOOST_TEST(choose_onboarding_by_email(done.value()).error().code == "onboarding_done");
  const json encoded = codec::encode(done.value());
  BOOST_TEST(encoded["choice"] == "call_booked");
  BOOST_TEST(encoded["call"]["length"] == 30);
  BOOST_TEST(encoded["done_at"] == kNow);
}

BOOST_AUTO_TEST_CASE(onboarding_details_from_json) {
  const json body{{"contacts", {{"phones", {"06 12 34 56 78"}}, {"emails", {"Bob@Example.com"}}}},
                  {"environment", {{"devices", {"iMac"}}, {"operating_systems", {"macOS 14"}}, {"network", "4G box"}}}};
  const auto details = codec::decode_onboarding_details(body);
  BOOST_TEST_REQUIRE(details.ok());
  BOOST_TEST(details->contacts.emails[0] == "bob@example.com");
  BOOST_TEST(details->environment.network == "4G box");
  BOOST_TEST(codec::decode_onboarding_details(json::object()).error().field == "contacts");
  BOOST_TEST(codec::decode_onboarding_details(json{{"contacts", {{"phones", "0612"}}}}).error().code == "invalid_type");
  BOOST_TEST(codec::decode_onboarding_details(json{{"contacts", {{"phones", {1}}}}}).error().field ==
             "contacts.phones[0]");
  BOOST_TEST(codec::decode_onboarding_details(json{{"contacts", {{"phones", {"abc"}}}}}).error().code ==
             "invalid_phone");
}

BOOST_AUTO_TEST_SUITE_END()
