// The business's settings: validation and JSON forms (see business_settings.hpp).
#include "tessera/business_settings.hpp"

#include <cctype>
#include <limits>

#include "tessera/email.hpp"
#include "tessera/json_limits.hpp"

namespace tessera {

namespace {
Error out_of_range(const char* field, std::int64_t min, std::int64_t max) {
  Error error = make_error("out_of_range", field);
  error.params = {{"min", std::to_string(min)}, {"max", std::to_string(max)}};
  return error;
}

std::string compact_upper(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != ' ' && c != '\t') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

bool is_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<Error> validate_trial_rules(const TrialRules& rules) {
  if (rules.minutes < 1 || rules.minutes > kMaxTrialMinutes) return out_of_range("minutes", 1, kMaxTrialMinutes);
  if (rules.validity_days < 1 || rules.validity_days > kMaxTrialValidityDays)
    return out_of_range("validity_days", 1, kMaxTrialValidityDays);
  return std::nullopt;
}

std::optional<Error> validate_vat_rate(BasisPoints rate) {
  if (rate < 0 || rate > kMaxVatRate) return make_error("invalid_vat_rate", "vat_rate");
  return std::nullopt;
}

bool is_valid_iban(std::string_view iban) {
  const std::string compact = compact_upper(iban);
  if (compact.size() < 15 || compact.size() > 34) return false;
  if (!is_upper_letter(compact[0]) || !is_upper_letter(compact[1]) || !is_digit(compact[2]) || !is_digit(compact[3]))
    return false;
  // ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 == 1.
  const std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  int remainder = 0;
  for (const char c : rearranged) {
    if (is_digit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
    else if (is_upper_letter(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    else return false;
  }
  return remainder == 1;
}

bool is_valid_bic(std::string_view bic) {
  const std::string compact = compact_upper(bic);
  if (compact.size() != 8 && compact.size() != 11) return false;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (i < 6 ? !is_upper_letter(c) : !(is_upper_letter(c) || is_digit(c))) return false;
  }
  return true;
}

std::string normalize_iban(std::string_view iban) {
  const std::string compact = compact_upper(iban);
  std::string grouped;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    if (i > 0 && i % 4 == 0) grouped.push_back(' ');
    grouped.push_back(compact[i]);
  }
  return grouped;
}

std::string normalize_bic(std::string_view bic) { return compact_upper(bic); }

namespace codec {

namespace {
std::optional<Error> require_object(const json& in) {
  if (!in.is_object()) return make_error("invalid_json");
  return std::nullopt;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string() : std::string(text.substr(first, last - first + 1));
}

// A text member, trimmed; `required` refuses a missing or blank one.
std::optional<Error> read_text(const json& in, const char* name, std::string& out, std::size_t max, bool required) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null()) {
    if (required) return make_error("required", name);
    out.clear();
    return std::nullopt;
  }
  if (!found->is_string()) return make_error("invalid_type", name);
  std::string text = trimmed(found->get_ref<const std::string&>());
  if (text.empty() && required) return make_error("required", name);
  if (text.size() > max) {
    Error error = make_error("too_long", name);
    error.params["max"] = std::to_string(max);
    return error;
  }
  out = std::move(text);
  return std::nullopt;
}

// Any signed 64-bit integer (2^63 and above refused); the rules check the range after.
std::optional<Error> read_integer(const json& in, const char* name, std::int64_t& out) {
  return read_integer_field(in, name, std::numeric_limits<std::int64_t>::min(),
                            std::numeric_limits<std::int64_t>::max(), out);
}
}  // namespace

json encode(const TrialRules& rules) { return json{{"minutes", rules.minutes}, {"validity_days", rules.validity_days}}; }

Result<TrialRules> decode_trial_rules(const json& in) {
  if (auto error = require_object(in)) return *error;
  TrialRules rules;
  if (auto error = read_integer(in, "minutes", rules.minutes)) return *error;
  if (auto error = read_integer(in, "validity_days", rules.validity_days)) return *error;
  if (auto error = validate_trial_rules(rules)) return *error;
  return rules;
}

Result<BasisPoints> decode_vat_rate(const json& in) {
  if (auto error = require_object(in)) return *error;
  BasisPoints rate = 0;
  if (auto error = read_integer(in, "vat_rate", rate)) return *error;
  if (auto error = validate_vat_rate(rate)) return *error;
  return rate;
}

json encode_seller(const Party& seller) {
  return json{{"name", seller.name}, {"address", seller.address}, {"vat_number", seller.vat_number},
              {"email", seller.email}};
}

Result<Party> decode_seller(const json& in) {
  if (auto error = require_object(in)) return *error;
  Party seller;
  std::optional<Error> error;
  if ((error = read_text(in, "name", seller.name, kMaxSettingName, true)) ||
      (error = read_text(in, "address", seller.address, kMaxSettingAddress, true)) ||
      (error = read_text(in, "vat_number", seller.vat_number, 50, false)) ||
      (error = read_text(in, "email", seller.email, 254, true)))
    return *error;
  seller.email = normalize_email(seller.email);
  if (!is_valid_email(seller.email)) return make_error("invalid_email", "email");
  return seller;
}

json encode(const BankDetails& bank) { return json{{"holder", bank.holder}, {"iban", bank.iban}, {"bic", bank.bic}}; }

Result<BankDetails> decode_bank_details(const json& in) {
  if (auto error = require_object(in)) return *error;
  BankDetails bank;
  std::optional<Error> error;
  if ((error = read_text(in, "holder", bank.holder, kMaxSettingName, true)) ||
      (error = read_text(in, "iban", bank.iban, 64, true)) || (error = read_text(in, "bic", bank.bic, 16, true)))
    return *error;
  if (!is_valid_iban(bank.iban)) return make_error("invalid_iban", "iban");
  if (!is_valid_bic(bank.bic)) return make_error("invalid_bic", "bic");
  bank.iban = normalize_iban(bank.iban);
  bank.bic = normalize_bic(bank.bic);
  return bank;
}

json encode(const CheckDetails& check) { return json{{"payee", check.payee}, {"address", check.address}}; }

Result<CheckDetails> decode_check_details(const json& in) {
  if (auto error = require_object(in)) return *error;
  CheckDetails check;
  std::optional<Error> error;
  if ((error = read_text(in, "payee", check.payee, kMaxSettingName, true)) ||
      (error = read_text(in, "address", check.address, kMaxSettingAddress, true)))
    return *error;
  return check;
}

}  // namespace codec

}  // namespace tessera
