// The domain core's texts (SPEC §1.11, §5): every error code the domain returns has a text in
// French, English and Spanish; the FAQ answers each question of SPEC §5 in the three
// languages; the cost statement reads naturally in each language.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "tessera/ledger.hpp"
#include "tessera/texts.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(domain_texts)

BOOST_AUTO_TEST_CASE(every_domain_error_code_has_three_translations) {
  const char* codes[] = {
      // ledger
      "command_out_of_order", "trial_already_granted", "invalid_offer", "subscription_already_active",
      "restart_too_early", "no_subscription", "subscription_cancelled", "renewal_not_due", "subscription_not_usable",
      "invalid_user_count", "too_many_users_removed", "ticket_already_open", "unknown_ticket", "ticket_closed",
      "funding_unavailable", "no_funding", "minutes_out_of_range", "note_required", "adjustment_out_of_range",
      "adjustment_below_zero", "subscription_suspended", "renewal_pending", "renewal_order_not_cancellable",
      "paypal_checkout_not_needed",
      // catalog and invoices
      "validity_too_short", "multi_user_pack_too_small", "invalid_units", "invalid_minutes", "invalid_price",
      "invalid_users", "duplicate_offer_code", "missing_offer_code", "invalid_vat_rate", "invoice_without_lines",
      "invalid_quantity", "invoice_sequence_exhausted",
      // opening hours, SLA, board, wire
      "invalid_time_zone", "invalid_opening_window", "overlapping_opening_windows", "no_opening_hours", "invalid_date",
      "invalid_sla_target", "invalid_rating", "required", "invalid_type", "invalid_value", "too_long", "invalid_json",
      // tickets, evaluations, onboarding
      "forbidden_action", "invalid_transition", "work_already_logged", "ticket_not_closed", "already_rated",
      "onboarding_done", "onboarding_not_started", "slot_unavailable", "invalid_phone", "invalid_email",
      "too_many_entries",
  };
  for (const char* code : codes) {
    const std::string key = std::string("error.") + code;
    BOOST_TEST_CONTEXT(key) {
      for (Language language : {Language::fr, Language::en, Language::es}) BOOST_TEST(tr(key, language) != key);
      BOOST_TEST(tr(key, Language::fr) != tr(key, Language::es));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_restart_error_shows_the_date) {
  const std::string text = format_text(tr("error.restart_too_early", Language::en), {{"date", "2026-04-20"}});
  BOOST_TEST(text.find("2026-04-20") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_faq_answers_every_question_of_the_spec_in_three_languages) {
  int questions = 0;
  for (int n = 1; n <= 40; ++n) {
    const std::string question = "faq.q" + std::to_string(n) + ".question";
    const std::string answer = "faq.q" + std::to_string(n) + ".answer";
    if (tr(question, Language::en) == question) break;
    ++questions;
    for (Language language : {Language::fr, Language::en, Language::es}) {
      BOOST_TEST(tr(answer, language) != answer);
      BOOST_TEST(tr(answer, language).size() > 20u);
    }
  }
  BOOST_TEST(questions == 18);
  // The facts of SPEC §5 that carry numbers appear in every language.
  const std::pair<const char*, const char*> facts[] = {
      {"faq.q2.answer", "15"}, {"faq.q4.answer", "24"}, {"faq.q10.answer", "3"}, {"faq.q14.answer", "20"},
      {"faq.q16.answer", "6"}, {"faq.q17.answer", "30"}, {"faq.q18.answer", "30"},
  };
  for (const auto& [key, number] : facts)
    for (Language language : {Language::fr, Language::en, Language::es})
      BOOST_TEST(std::string(tr(key, language)).find(number) != std::string::npos, key << " lacks " << number);
  BOOST_TEST(std::string(tr("faq.q12.answer", Language::es)).find("PayPal") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cost_statements_in_each_language) {
  const Cost mixed{2, 12, 0, 0, 0, false};
  BOOST_TEST(describe_cost(mixed, Language::en) == "2 tickets + 12 min");
  BOOST_TEST(describe_cost(mixed, Language::fr) == "2 tickets + 12 min");
  BOOST_TEST(describe_cost(Cost{0, 0, 0, 95, 0, false}, Language::fr) == "abonnement");
  BOOST_TEST(describe_cost(Cost{0, 0, 0, 95, 0, false}, Language::es) == "suscripción");
  BOOST_TEST(describe_cost(Cost{0, 0, 15, 0, 7, false}, Language::es) ==
             "15 min de prueba gratuita + 7 min aún sin financiar");
  BOOST_TEST(describe_cost(Cost{}, Language::fr) == "rien de décompté");
}

BOOST_AUTO_TEST_SUITE_END()
