// A bank transfer or a check as an admin records it (SPEC §1.6): the amount received, the
// day it arrived and its reference (the transfer's label, the check's number). Pure rules
// shared by the server (POST /admin/orders/{id}/payment) and the browser's form: the amount
// must be the order's gross amount, the day a real one and not after today.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "tessera/dates.hpp"
#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

constexpr std::size_t kMaxPaymentReference = 200;

struct PaymentReceipt {
  Cents amount = 0;
  Date received_on;
  std::string reference;  // trimmed
  bool operator==(const PaymentReceipt&) const = default;
};

// {"amount": cents, "received_on": "YYYY-MM-DD", "reference": "..."}. Errors (with field):
// required / invalid_type; "payment_amount_mismatch" (amount, params expected: "120.00");
// "invalid_date" (received_on); "date_in_future" (received_on, params date);
// "too_long" (reference, params max).
Result<PaymentReceipt> parse_payment_receipt(const nlohmann::json& body, Cents expected_amount, const Date& today);
nlohmann::json to_json(const PaymentReceipt& receipt);

}  // namespace tessera
