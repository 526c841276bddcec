// FAQ suggestions for a ticket's subject (faq_match.hpp): a question the FAQ answers is
// offered while the customer types, in their language; an issue of its own is not.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "tessera/faq_match.hpp"
#include "tessera/texts.hpp"

using tessera::fold_for_search;
using tessera::Language;
using tessera::match_faq;

namespace {
bool offers(const std::vector<int>& matches, int number) {
  return std::find(matches.begin(), matches.end(), number) != matches.end();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(faq_match)

BOOST_AUTO_TEST_CASE(text_is_folded_to_lower_case_without_accents) {
  BOOST_TEST(fold_for_search("Résilier l'ABONNEMENT ?") == "resilier l abonnement  ");
  BOOST_TEST(fold_for_search("¿Cómo PAGAR?") == " como pagar ");
  BOOST_TEST(fold_for_search("Œuvre ñandú") == "oeuvre nandu");
  BOOST_TEST(fold_for_search("pay-per-minute") == "pay-per-minute");
}

struct Case {
  const char* subject;
  Language language;
  int expected;  // an FAQ entry that must be offered
};

BOOST_AUTO_TEST_CASE(questions_the_faq_answers_are_offered_in_each_language) {
  for (const Case& row : {Case{"How do I cancel my subscription?", Language::en, 9},
                          Case{"Can I get an invoice for my purchase", Language::en, 5},
                          Case{"Comment payer par virement ?", Language::fr, 12},
                          Case{"Résilier mon abonnement", Language::fr, 9},
                          Case{"¿Cómo cancelar la suscripción?", Language::es, 9},
                          Case{"¿En qué idiomas trabajan?", Language::es, 3}}) {
    const auto matches = match_faq(row.subject, row.language);
    BOOST_TEST(offers(matches, row.expected), row.subject << " offers " << row.expected);
    BOOST_TEST(matches.size() <= 3u);
  }
}

BOOST_AUTO_TEST_CASE(an_issue_of_its_own_offers_nothing) {
  for (const Case& row : {Case{"Printer offline since Monday", Language::en, 0},
                          Case{"", Language::en, 0},
                          Case{"Mon écran clignote", Language::fr, 0},
                          Case{"a b c de", Language::es, 0}})
    BOOST_TEST(match_faq(row.subject, row.language).empty(), row.subject);
}

BOOST_AUTO_TEST_CASE(at_most_the_limit_and_the_best_first) {
  const auto one = match_faq("cancel subscription again after cancelling", Language::en, 1);
  BOOST_TEST(one.size() == 1u);
  BOOST_TEST(one[0] == 10);  // "Can I subscribe again after cancelling?": three words of the question
  BOOST_TEST(match_faq("cancel", Language::en, 0).empty());
}

BOOST_AUTO_TEST_SUITE_END()
