// Email addresses: the normal form used to compare them (trimmed, lower-cased; SPEC §1.1
// "one trial per person") and a deliberately simple validity check for sign-up forms.
#pragma once
#include <string>
#include <string_view>

namespace tessera {

// " Alice@Example.COM " -> "alice@example.com"
std::string normalize_email(std::string_view email);

// One '@', a non-empty local part, a domain with a dot not at either end, no spaces,
// at most 254 characters. Applied to the normalized form.
bool is_valid_email(std::string_view normalized_email);

}  // namespace tessera
