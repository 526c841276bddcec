// The business's settings (SPEC §1 defaults, §1.6): trial length and VAT limits, IBAN and BIC
// checks, the seller, bank and check details with their field errors, the admin's
// availability slots, and the texts of the new error codes in three languages.
#include <boost/test/unit_test.hpp>

#include "tessera/business_settings.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/texts.hpp"

using namespace tessera;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(business_settings)

BOOST_AUTO_TEST_CASE(trial_and_vat_limits) {
  BOOST_TEST(!validate_trial_rules(TrialRules{15, 30}));
  BOOST_TEST(!validate_trial_rules(TrialRules{600, 365}));
  const auto none = validate_trial_rules(TrialRules{0, 30});
  BOOST_TEST_REQUIRE(none.has_value());
  BOOST_TEST(none->code == "out_of_range");
  BOOST_TEST(none->field == "minutes");
  BOOST_TEST(none->params.at("max") == "600");
  BOOST_TEST(validate_trial_rules(TrialRules{15, 0})->field == "validity_days");
  BOOST_TEST(!validate_vat_rate(0));
  BOOST_TEST(!validate_vat_rate(10'000));
  BOOST_TEST(validate_vat_rate(10'001)->code == "invalid_vat_rate");
}

BOOST_AUTO_TEST_CASE(iban_and_bic_are_checked_and_normalized) {
  for (const char* valid : {"FR76 3000 6000 0112 3456 7890 189", "GB82WEST12345698765432", "de89 3704 0044 0532 0130 00"})
    BOOST_TEST_CONTEXT(valid) { BOOST_TEST(is_valid_iban(valid)); }
  for (const char* invalid : {"FR76 3000 6000 0112 3456 7890 188", "GB82", "1234 5678 9012 3456", "FR76-3000-6000"})
    BOOST_TEST_CONTEXT(invalid) { BOOST_TEST(!is_valid_iban(invalid)); }
  BOOST_TEST(normalize_iban("gb82west12345698765432") == "GB82 WEST 1234 5698 7654 32");
  BOOST_TEST(is_valid_bic("BNPAFRPP"));
  BOOST_TEST(is_valid_bic("deutdeff500"));
  BOOST_TEST(!is_valid_bic("BNP1FRPP"));
  BOOST_TEST(!is_valid_bic("BNPAFRP"));
}

BOOST_AUTO_TEST_CASE(the_json_forms_validate_each_field) {
  const auto bank = codec::decode_bank_details(json{{"holder", " Tessera "}, {"iban", "gb82west12345698765432"}, {"bic", "nwbkgb2l"}});
  BOOST_TEST_REQUIRE(bank.ok());
  BOOST_TEST(bank->holder == "Tessera");
  BOOST_TEST(bank->bic == "NWBKGB2L");
  BOOST_TEST(codec::encode(bank.value())["iban"] == "GB82 WEST 1234 5698 7654 32");
  BOOST_TEST(codec::decode_bank_details(json{{"holder", "T"}, {"iban", "GB00"}, {"bic", "NWBKGB2L"}}).error().code == "invalid_iban");
  const auto seller = codec::decode_seller(json{{"name", "Tessera"}, {"address", "Paris"}, {"email", " Billing@Tessera.FR "}});
  BOOST_TEST_REQUIRE(seller.ok());
  BOOST_TEST(seller->email == "billing@tessera.fr");
  BOOST_TEST(seller->vat_number.empty());
  BOOST_TEST(codec::decode_seller(json{{"name", "T"}, {"email", "a@b.fr"}}).error().field == "address");
  BOOST_TEST(codec::decode_seller(json{{"name", 3}, {"address", "P"}, {"email", "a@b.fr"}}).error().code == "invalid_type");
  BOOST_TEST(codec::decode_check_details(json{{"payee", std::string(201, 'x')}, {"address", "P"}}).error().code == "too_long");
  BOOST_TEST(codec::decode_trial_rules(json{{"minutes", 30}, {"validity_days", 14}})->minutes == 30);
  BOOST_TEST(codec::decode_vat_rate(json{{"vat_rate", 2.5}}).error().code == "invalid_type");
  BOOST_TEST(codec::decode_vat_rate(json::array()).error().code == "invalid_json");
}

BOOST_AUTO_TEST_CASE(an_availability_slot_is_in_the_future_and_15_to_240_minutes_long) {
  BOOST_TEST(!validate_availability_slot(AvailabilitySlot{1000, 30}, 999));
  BOOST_TEST(validate_availability_slot(AvailabilitySlot{999, 30}, 999)->code == "slot_in_past");
  BOOST_TEST(validate_availability_slot(AvailabilitySlot{1000, 14}, 999)->code == "out_of_range");
  BOOST_TEST(validate_availability_slot(AvailabilitySlot{1000, 241}, 999)->field == "length_minutes");
}

BOOST_AUTO_TEST_CASE(the_new_error_codes_have_three_translations) {
  for (const char* code : {"out_of_range", "invalid_iban", "invalid_bic", "onboarding_not_available", "slot_booked",
                           "slot_in_past"}) {
    const std::string key = std::string("error.") + code;
    BOOST_TEST_CONTEXT(key) {
      for (Language language : {Language::fr, Language::en, Language::es}) BOOST_TEST(tr(key, language) != key);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
