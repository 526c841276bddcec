// The text catalog (SPEC §1.11): every text exists in French, English and Spanish, keys are
// unique, and every enumeration value people see has a text.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "tessera/texts.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(texts)

BOOST_AUTO_TEST_CASE(every_text_has_all_three_translations) {
  BOOST_TEST(all_texts().size() > 50u);
  for (const TextEntry& entry : all_texts()) {
    BOOST_TEST_CONTEXT(entry.key) {
      BOOST_TEST(!entry.fr.empty());
      BOOST_TEST(!entry.en.empty());
      BOOST_TEST(!entry.es.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(keys_are_unique) {
  std::set<std::string_view> seen;
  for (const TextEntry& entry : all_texts()) BOOST_TEST(seen.insert(entry.key).second, "duplicate key " << entry.key);
}

BOOST_AUTO_TEST_CASE(every_enumeration_value_has_a_text) {
  std::set<std::string> needed;
  for (auto v : {Category::hardware, Category::software, Category::network, Category::account, Category::other})
    needed.insert("category." + std::string(to_string(v)));
  for (auto v : {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low})
    needed.insert("criticality." + std::string(to_string(v)));
  for (auto v : {TicketStatus::new_, TicketStatus::in_progress, TicketStatus::waiting_customer, TicketStatus::resolved,
                 TicketStatus::closed, TicketStatus::withdrawn, TicketStatus::awaiting_funding,
                 TicketStatus::closed_subscription_ended})
    needed.insert("status." + std::string(to_string(v)));
  for (auto v : {Language::fr, Language::en, Language::es}) needed.insert("language." + std::string(to_string(v)));
  for (auto v : {Role::customer, Role::operator_, Role::admin, Role::system})
    needed.insert("role." + std::string(to_string(v)));
  for (const std::string& key : needed) BOOST_TEST(tr(key, Language::es) != key, "missing text " << key);
}

BOOST_AUTO_TEST_CASE(lookup_picks_the_language_and_shows_missing_keys) {
  BOOST_TEST(tr("nav.login", Language::fr) == "Se connecter");
  BOOST_TEST(tr("nav.login", Language::es) == "Iniciar sesión");
  BOOST_TEST(tr("no.such.key", Language::en) == "no.such.key");
}

BOOST_AUTO_TEST_CASE(placeholders_are_filled) {
  BOOST_TEST(format_text(tr("balance.trial_left", Language::en), {{"minutes", "5"}}) == "Free trial: 5 minutes left");
  BOOST_TEST(format_text("{a} and {b}", {{"a", "x"}}) == "x and {b}");
}

BOOST_AUTO_TEST_CASE(plural_forms_follow_the_number) {
  const std::string english = "{n} {n:ticket|tickets}";
  BOOST_TEST(format_text(english, {{"n", "0"}}) == "0 tickets");
  BOOST_TEST(format_text(english, {{"n", "1"}}) == "1 ticket");
  BOOST_TEST(format_text(english, {{"n", "-1"}}) == "-1 ticket");
  BOOST_TEST(format_text(english, {{"n", "+1"}}) == "+1 ticket");
  BOOST_TEST(format_text(english, {{"n", "2"}}) == "2 tickets");
  BOOST_TEST(format_text(english, {{"n", "-20"}}) == "-20 tickets");
  const std::string french = "{n} {n:ticket|ticket|tickets} {n:ouvert|ouvert|ouverts}";
  BOOST_TEST(format_text(french, {{"n", "0"}}) == "0 ticket ouvert");
  BOOST_TEST(format_text(french, {{"n", "1"}}) == "1 ticket ouvert");
  BOOST_TEST(format_text(french, {{"n", "3"}}) == "3 tickets ouverts");
  // Not a number, an unknown name, or a brace that is no placeholder: left sensible.
  BOOST_TEST(format_text(english, {{"n", "many"}}) == "many tickets");
  BOOST_TEST(format_text("{m:a|b}", {{"n", "1"}}) == "{m:a|b}");
  BOOST_TEST(format_text("{n:a}", {{"n", "1"}}) == "{n:a}");
}

BOOST_AUTO_TEST_CASE(no_text_of_any_language_says_s_in_brackets) {
  for (const auto& entry : all_texts())
    for (const std::string_view text : {entry.fr, entry.en, entry.es})
      BOOST_TEST((text.find("(s)") == std::string_view::npos && text.find("(es)") == std::string_view::npos),
                 entry.key << ": " << text);
}

BOOST_AUTO_TEST_CASE(browser_language_decides_the_start_language) {
  BOOST_TEST((language_from_tag("fr-FR,fr;q=0.9,en;q=0.8") == Language::fr));
  BOOST_TEST((language_from_tag("es-419") == Language::es));
  BOOST_TEST((language_from_tag("de-DE,es;q=0.5") == Language::es));
  BOOST_TEST((language_from_tag("de-DE") == Language::en));
  BOOST_TEST((language_from_tag("") == Language::en));
}

BOOST_AUTO_TEST_SUITE_END()
