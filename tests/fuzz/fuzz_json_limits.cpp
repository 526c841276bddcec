// libFuzzer target: the depth- and size-limited JSON parser (shared/json_limits.hpp) and the
// checked integer reader. Checks that a document accepted is never deeper than the limit and
// that an accepted integer is within the range asked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tessera/json_limits.hpp"

namespace {
std::size_t depth_of(const nlohmann::json& value) {
  if (!value.is_structured()) return 0;
  std::size_t deepest = 0;
  for (const auto& item : value) deepest = std::max(deepest, depth_of(item));
  return deepest + 1;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = tessera::parse_json_limited(text, 256 * 1024);
  if (!parsed) return 0;
  if (depth_of(parsed.value) > tessera::kMaxJsonDepth) __builtin_trap();
  const auto dumped = parsed.value.dump();  // what the webhook and admin endpoints did with deep bodies
  (void)dumped;
  std::int64_t out = 0;
  if (tessera::read_integer(parsed.value, -1000, 1000, out) == tessera::IntegerRefusal::none &&
      (out < -1000 || out > 1000))
    __builtin_trap();
  if (parsed.value.is_object())
    for (const auto& [key, value] : parsed.value.items())
      (void)tessera::read_integer_field(parsed.value, key.c_str(), 0, 480, out);
  return 0;
}
