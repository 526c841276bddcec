// The one place where JSON from outside is parsed (request bodies on the server, answers in
// the client, PayPal's messages): a document nested deeper than kMaxJsonDepth or longer than
// its size limit is refused by a SAX pass before any value is built, so no later recursion
// (dump, copy, compare) can meet a deep document. Never throws. Also the checked reading of
// integers from JSON numbers (read_integer), used by every integer field of the API.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/result.hpp"

namespace tessera {

inline constexpr std::size_t kMaxJsonDepth = 64;  // objects and arrays, counted together
inline constexpr std::size_t kNoSizeLimit = std::numeric_limits<std::size_t>::max();

enum class JsonRefusal { none, malformed, too_deep, too_large };

struct ParsedJson {
  nlohmann::json value;  // discarded unless `refusal` is none
  JsonRefusal refusal = JsonRefusal::none;
  explicit operator bool() const { return refusal == JsonRefusal::none; }
};

// `text` as JSON, unless it is malformed, longer than `max_bytes` or deeper than `max_depth`.
ParsedJson parse_json_limited(std::string_view text, std::size_t max_bytes = kNoSizeLimit,
                              std::size_t max_depth = kMaxJsonDepth);
// The same, as nlohmann's non-throwing parse answers: a discarded value when refused.
nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_bytes = kNoSizeLimit);

// [SECTION] Integers from JSON numbers
enum class IntegerRefusal { none, not_an_integer, out_of_range };
// `value` as a whole number within [min, max]. Refused: strings, booleans, fractions (1.5),
// and numbers nlohmann kept as floating point (1e400 is infinity, 1e3 is a float), numbers
// outside the range (2^63 or 2^64-1 read as unsigned: out of range for a signed field).
// -0 is an integer 0 only when written as an integer ("-0" parses as integer 0 in nlohmann).
IntegerRefusal read_integer(const nlohmann::json& value, std::int64_t min, std::int64_t max, std::int64_t& out);
// The integer member `field` of `object` within [min, max], through read_integer: absent or
// null → `required` (unless `optional`, which leaves `out` as it is), not a whole number →
// invalid_type, out of range → `out_of_range_code` with params min and max. Every integer
// field the API reads goes through it.
std::optional<Error> read_integer_field(const nlohmann::json& object, const char* field, std::int64_t min,
                                        std::int64_t max, std::int64_t& out,
                                        const std::string& out_of_range_code = "invalid_value", bool optional = false);

}  // namespace tessera
