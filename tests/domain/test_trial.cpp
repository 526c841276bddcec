// The free trial (SPEC §1.1) and email normalisation: one trial per person.
#include <boost/test/unit_test.hpp>

#include "tessera/email.hpp"
#include "tessera/trial.hpp"

using namespace tessera;

BOOST_AUTO_TEST_SUITE(trial)

constexpr Instant kJan10 = 1'768'003'200;  // 2026-01-10T00:00:00Z

BOOST_AUTO_TEST_CASE(a_new_account_gets_15_minutes_for_30_days) {
  const TrialGrant grant = grant_trial(TrialRules{}, kJan10);
  BOOST_TEST(grant.minutes == 15);
  BOOST_TEST(grant.expires_at == kJan10 + 30 * kSecondsPerDay);
  BOOST_TEST(trial_minutes_left(grant, 0, kJan10) == 15);
}

BOOST_AUTO_TEST_CASE(debited_minute_by_minute_with_no_minimum) {
  const TrialGrant grant = grant_trial(TrialRules{}, kJan10);
  const TrialCharge first = charge_trial(grant, 0, 10, kJan10 + 60);
  BOOST_TEST(first.charged == 10);
  BOOST_TEST(first.overrun == 0);
  BOOST_TEST(trial_minutes_left(grant, first.charged, kJan10 + 120) == 5);
  const TrialCharge one = charge_trial(grant, 10, 1, kJan10 + 180);
  BOOST_TEST(one.charged == 1);
}

BOOST_AUTO_TEST_CASE(work_beyond_the_trial_is_overrun) {
  const TrialGrant grant = grant_trial(TrialRules{}, kJan10);
  const TrialCharge charge = charge_trial(grant, 10, 12, kJan10 + 60);
  BOOST_TEST(charge.charged == 5);
  BOOST_TEST(charge.overrun == 7);
}

BOOST_AUTO_TEST_CASE(nothing_is_left_from_the_exact_expiry_instant) {
  const TrialGrant grant = grant_trial(TrialRules{}, kJan10);
  BOOST_TEST(trial_minutes_left(grant, 0, grant.expires_at - 1) == 15);
  BOOST_TEST(trial_minutes_left(grant, 0, grant.expires_at) == 0);
  const TrialCharge late = charge_trial(grant, 0, 4, grant.expires_at);
  BOOST_TEST(late.charged == 0);
  BOOST_TEST(late.overrun == 4);
}

BOOST_AUTO_TEST_CASE(admin_settings_change_length_and_validity) {
  const TrialGrant grant = grant_trial(TrialRules{20, 10}, kJan10);
  BOOST_TEST(grant.minutes == 20);
  BOOST_TEST(grant.expires_at == kJan10 + 10 * kSecondsPerDay);
}

BOOST_AUTO_TEST_CASE(emails_compare_trimmed_and_lower_cased) {
  BOOST_TEST(normalize_email("  Alice@Example.COM \t") == "alice@example.com");
  BOOST_TEST(normalize_email("alice@example.com") == normalize_email(" ALICE@example.com"));
  BOOST_TEST(is_valid_email("alice@example.com"));
  BOOST_TEST(!is_valid_email(""));
  BOOST_TEST(!is_valid_email("alice"));
  BOOST_TEST(!is_valid_email("@example.com"));
  BOOST_TEST(!is_valid_email("alice@example"));
  BOOST_TEST(!is_valid_email("alice@@example.com"));
  BOOST_TEST(!is_valid_email("al ice@example.com"));
  BOOST_TEST(!is_valid_email("alice@example."));
}

BOOST_AUTO_TEST_SUITE_END()
