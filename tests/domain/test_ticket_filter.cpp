// Filters of ticket lists: status lists and "open", category, effective criticality, text.
#include <boost/test/unit_test.hpp>

#include "tessera/ticket_filter.hpp"

using namespace tessera;

namespace {
wire::TicketSummary ticket(Id id, std::string subject, TicketStatus status, Category category, Criticality declared,
                           std::optional<Criticality> triage = std::nullopt) {
  wire::TicketSummary summary;
  summary.id = id;
  summary.reference = wire::ticket_reference(id);
  summary.subject = std::move(subject);
  summary.status = status;
  summary.category = category;
  summary.criticality = declared;
  summary.triage = triage;
  return summary;
}

TicketFilter filter(std::map<std::string, std::string> parameters) {
  const auto parsed = parse_ticket_filter(parameters);
  BOOST_TEST_REQUIRE(parsed.ok());
  return *parsed;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ticket_filters)

BOOST_AUTO_TEST_CASE(filters_combine_and_each_narrows_the_list) {
  const auto printer = ticket(1, "Printer jams", TicketStatus::in_progress, Category::hardware, Criticality::low,
                              Criticality::high);
  const auto mail = ticket(2, "Mail bounces", TicketStatus::closed, Category::software, Criticality::high);
  BOOST_TEST(ticket_matches(filter({}), printer));
  BOOST_TEST(ticket_matches(filter({{"status", "open"}}), printer));
  BOOST_TEST(!ticket_matches(filter({{"status", "open"}}), mail));
  BOOST_TEST(ticket_matches(filter({{"status", "open,closed"}}), mail));
  BOOST_TEST(!ticket_matches(filter({{"status", "resolved,new"}}), printer));
  BOOST_TEST(ticket_matches(filter({{"category", "hardware"}}), printer));
  BOOST_TEST(!ticket_matches(filter({{"category", "hardware"}}), mail));
  // The operator's triage wins over the declared criticality.
  BOOST_TEST(ticket_matches(filter({{"criticality", "high"}}), printer));
  BOOST_TEST(!ticket_matches(filter({{"criticality", "low"}}), printer));
  BOOST_TEST(ticket_matches(filter({{"q", "PRINTER"}}), printer));
  BOOST_TEST(ticket_matches(filter({{"q", printer.reference}}), printer));
  BOOST_TEST(!ticket_matches(filter({{"q", "printer"}, {"status", "closed"}}), printer));
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_named) {
  BOOST_TEST(parse_ticket_filter({{"status", "open,lost"}}).error().field == "status");
  BOOST_TEST(parse_ticket_filter({{"category", "toaster"}}).error().field == "category");
  BOOST_TEST(parse_ticket_filter({{"criticality", "urgent"}}).error().code == "invalid_value");
  BOOST_TEST(parse_ticket_filter({{"q", std::string(201, 'x')}}).error().code == "too_long");
}

BOOST_AUTO_TEST_CASE(the_queue_languages_parameter) {
  BOOST_TEST(parse_language_list("").value().empty());
  BOOST_TEST((parse_language_list("es,fr,es").value() == std::vector<Language>{Language::es, Language::fr}));
  BOOST_TEST(parse_language_list("es,de").error().code == "invalid_value");
  BOOST_TEST(parse_language_list("es,").value().size() == 1u);
  BOOST_TEST(parse_language_list("es,,fr").error().field == "languages");
}

BOOST_AUTO_TEST_SUITE_END()
