// A recorded bank transfer or check (see payment_receipt.hpp).
#include "tessera/payment_receipt.hpp"

#include "tessera/invoice.hpp"
#include "tessera/json_limits.hpp"

namespace tessera {

namespace {
std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}
}  // namespace

Result<PaymentReceipt> parse_payment_receipt(const nlohmann::json& body, Cents expected_amount, const Date& today) {
  if (!body.is_object()) return make_error("invalid_json");
  PaymentReceipt receipt;
  std::int64_t amount = 0;
  if (auto error = read_integer_field(body, "amount", 0, 100'000'000, amount)) return *error;
  receipt.amount = amount;
  if (receipt.amount != expected_amount) {
    Error error = make_error("payment_amount_mismatch", "amount");
    error.params["expected"] = format_cents(expected_amount);
    return error;
  }
  const auto day = body.find("received_on");
  if (day == body.end() || day->is_null()) return make_error("required", "received_on");
  if (!day->is_string()) return make_error("invalid_type", "received_on");
  const auto date = parse_iso_date(day->get_ref<const std::string&>());
  if (!date) return make_error("invalid_date", "received_on");
  if (*date > today) {
    Error error = make_error("date_in_future", "received_on");
    error.params["date"] = to_iso(*date);
    return error;
  }
  receipt.received_on = *date;
  const auto reference = body.find("reference");
  if (reference == body.end() || reference->is_null()) return make_error("required", "reference");
  if (!reference->is_string()) return make_error("invalid_type", "reference");
  receipt.reference = trimmed(reference->get<std::string>());
  if (receipt.reference.empty()) return make_error("required", "reference");
  if (receipt.reference.size() > kMaxPaymentReference) {
    Error error = make_error("too_long", "reference");
    error.params["max"] = std::to_string(kMaxPaymentReference);
    return error;
  }
  return receipt;
}

nlohmann::json to_json(const PaymentReceipt& receipt) {
  return nlohmann::json{{"amount", receipt.amount}, {"received_on", to_iso(receipt.received_on)},
                        {"reference", receipt.reference}};
}

}  // namespace tessera
