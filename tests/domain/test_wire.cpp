// Wire types: requests are validated field by field, and answers survive a JSON round trip.
#include <boost/test/unit_test.hpp>

#include "tessera/wire.hpp"
#include "tessera/wire_account.hpp"

using namespace tessera;
using namespace tessera::wire;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(wire_types)

BOOST_AUTO_TEST_CASE(signup_normalizes_the_email) {
  const auto parsed = parse_signup(json{{"name", " Ana "}, {"email", " Ana@Example.ES "}, {"password", "0123456789"},
                                        {"language", "es"}});
  BOOST_TEST_REQUIRE(parsed.ok());
  BOOST_TEST(parsed->email == "ana@example.es");
  BOOST_TEST(parsed->name == "Ana");
  BOOST_TEST((parsed->language == Language::es));
}

struct Rejected {
  const char* name;
  json body;
  const char* code;
  const char* field;
};

BOOST_AUTO_TEST_CASE(signup_errors_name_their_field) {
  const json ok{{"name", "Ana"}, {"email", "ana@example.es"}, {"password", "0123456789"}};
  auto with = [&](const char* key, json value) {
    json body = ok;
    body[key] = std::move(value);
    return body;
  };
  const Rejected cases[] = {
      {"not an object", json::array(), "invalid_json", ""},
      {"no name", json{{"email", "ana@example.es"}, {"password", "0123456789"}}, "required", "name"},
      {"blank name", with("name", "   "), "required", "name"},
      {"long name", with("name", std::string(101, 'a')), "too_long", "name"},
      {"bad email", with("email", "ana@"), "invalid_email", "email"},
      {"short password", with("password", "short"), "password_too_short", "password"},
      {"password number", with("password", 1234567890), "invalid_type", "password"},
      {"unknown language", with("language", "de"), "invalid_value", "language"},
      {"broken utf-8", with("name", "\xC3"), "invalid_value", "name"},
  };
  for (const Rejected& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const auto parsed = parse_signup(c.body);
      BOOST_TEST_REQUIRE(!parsed.ok());
      BOOST_TEST(parsed.error().code == c.code);
      BOOST_TEST(parsed.error().field == c.field);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_signup_confirmation_takes_64_lower_case_hex_digits) {
  const std::string token(64, 'f');
  const auto good = wire::parse_signup_confirm(json{{"token", token}});
  BOOST_TEST_REQUIRE(good.ok());
  BOOST_TEST(good->token == token);
  BOOST_TEST(wire::parse_signup_confirm(json::object()).error().code == "required");
  BOOST_TEST(wire::parse_signup_confirm(json{{"token", 7}}).error().code == "invalid_type");
  for (const std::string bad : {std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'A'), std::string(64, 'g')})
    BOOST_TEST(wire::parse_signup_confirm(json{{"token", bad}}).error().code == "signup_link_unknown");
}

BOOST_AUTO_TEST_CASE(ticket_draft_needs_every_field) {
  const json ok{{"subject", "Printer"}, {"description", "It jams"}, {"category", "hardware"},
                {"criticality", "high"}, {"language", "fr"}};
  BOOST_TEST(parse_ticket_draft(ok).ok());
  for (const char* field : {"subject", "description", "category", "criticality", "language"}) {
    json body = ok;
    body.erase(field);
    const auto parsed = parse_ticket_draft(body);
    BOOST_TEST_REQUIRE(!parsed.ok());
    BOOST_TEST(parsed.error().field == field);
  }
  json bad = ok;
  bad["category"] = "printer";
  BOOST_TEST(parse_ticket_draft(bad).error().code == "invalid_value");
}

BOOST_AUTO_TEST_CASE(time_entries_are_1_to_480_minutes_with_a_note) {
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 1}, {"note", "x"}}).ok());
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 480}, {"note", "x"}}).ok());
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 0}, {"note", "x"}}).error().code == "minutes_out_of_range");
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 481}, {"note", "x"}}).error().code == "minutes_out_of_range");
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 2.5}, {"note", "x"}}).error().code == "invalid_type");
  BOOST_TEST(parse_time_entry_draft(json{{"minutes", 10}}).error().field == "note");
}

BOOST_AUTO_TEST_CASE(ticket_detail_round_trips) {
  TicketDetail detail;
  detail.ticket.id = 7;
  detail.ticket.reference = ticket_reference(7);
  detail.ticket.subject = "Wi-Fi drops";
  detail.ticket.triage = Criticality::high;
  detail.ticket.status = TicketStatus::waiting_customer;
  detail.description = "Every hour";
  detail.timeline.push_back(TimelineEntry{1, TicketEventKind::status_change, 100, "Op", Role::operator_, "", 0,
                                          TicketStatus::new_, TicketStatus::in_progress, std::nullopt});
  const TicketDetail back = json(detail).get<TicketDetail>();
  BOOST_TEST(back.ticket.reference == "T-000007");
  BOOST_TEST((back.ticket.triage == Criticality::high));
  BOOST_TEST((back.ticket.status == TicketStatus::waiting_customer));
  BOOST_TEST_REQUIRE(back.timeline.size() == 1u);
  BOOST_TEST((back.timeline[0].status_to == TicketStatus::in_progress));
  BOOST_TEST((back.timeline[0].author_role == Role::operator_));
}

BOOST_AUTO_TEST_CASE(error_bodies_round_trip) {
  Error error = make_error("too_long", "subject");
  error.params["max"] = "200";
  const json body = error_body(error, "too long");
  BOOST_TEST(body["error"]["code"] == "too_long");
  BOOST_TEST((parse_error_body(body) == error));
  BOOST_TEST(parse_error_body(json::array()).code == "invalid_json");
}

BOOST_AUTO_TEST_SUITE_END()
