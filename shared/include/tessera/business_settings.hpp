// The business's settings an admin edits (SPEC §1: every "default" number; §1.6: seller and
// payment details): the free trial's length, the VAT rate, the seller printed on invoices,
// the bank account and the check payee given in payment instructions. Pure validation with
// field-level errors, and the JSON forms used by the API and for storage (decode = validate).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tessera/invoice.hpp"
#include "tessera/result.hpp"
#include "tessera/trial.hpp"

namespace tessera {

struct BankDetails {
  std::string holder;
  std::string iban;  // normalized: upper case, in groups of four ("FR76 3000 6000 0112 3456 7890 189")
  std::string bic;   // normalized: upper case, 8 or 11 characters
  bool operator==(const BankDetails&) const = default;
};

struct CheckDetails {
  std::string payee;    // to the order of
  std::string address;  // where to send the check
  bool operator==(const CheckDetails&) const = default;
};

constexpr Minutes kMaxTrialMinutes = 600;
constexpr std::int64_t kMaxTrialValidityDays = 365;
constexpr BasisPoints kMaxVatRate = 10'000;
constexpr std::size_t kMaxSettingName = 200;
constexpr std::size_t kMaxSettingAddress = 500;

// Errors: "out_of_range" (field minutes / validity_days, params min and max).
std::optional<Error> validate_trial_rules(const TrialRules& rules);
// Errors: "invalid_vat_rate" (field vat_rate): 0 .. 10000 basis points.
std::optional<Error> validate_vat_rate(BasisPoints rate);

// IBAN: 15–34 letters and digits once spaces are removed, a country code, and the ISO 13616
// mod-97 check. BIC: 8 or 11 characters, the first six letters.
bool is_valid_iban(std::string_view iban);
bool is_valid_bic(std::string_view bic);
std::string normalize_iban(std::string_view iban);  // upper case, groups of four
std::string normalize_bic(std::string_view bic);    // upper case, no spaces

namespace codec {
using nlohmann::json;
// {"minutes": 15, "validity_days": 30}
json encode(const TrialRules& rules);
Result<TrialRules> decode_trial_rules(const json& in);
// {"vat_rate": 2000}
Result<BasisPoints> decode_vat_rate(const json& in);
// {"name", "address", "vat_number", "email"}: name, address and email required.
json encode_seller(const Party& seller);
Result<Party> decode_seller(const json& in);
// {"holder", "iban", "bic"}: errors "invalid_iban", "invalid_bic".
json encode(const BankDetails& bank);
Result<BankDetails> decode_bank_details(const json& in);
// {"payee", "address"}
json encode(const CheckDetails& check);
Result<CheckDetails> decode_check_details(const json& in);
}  // namespace codec

}  // namespace tessera
