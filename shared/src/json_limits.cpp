// Parsing JSON from outside with a depth and size limit, and checked integers (json_limits.hpp).
#include "tessera/json_limits.hpp"

namespace tessera {

namespace {
// Counts nesting; any event after the limit is passed stops the parse (returns false).
class DepthCheck final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DepthCheck(std::size_t max_depth) : max_depth_(max_depth) {}
  bool too_deep = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool enter() {
    if (++depth_ > max_depth_) too_deep = true;
    return !too_deep;
  }
  bool leave() {
    --depth_;
    return true;
  }
  std::size_t max_depth_;
  std::size_t depth_ = 0;
};
}  // namespace

ParsedJson parse_json_limited(std::string_view text, std::size_t max_bytes, std::size_t max_depth) {
  ParsedJson parsed;
  parsed.value = nlohmann::json(nlohmann::json::value_t::discarded);
  if (text.size() > max_bytes) {
    parsed.refusal = JsonRefusal::too_large;
    return parsed;
  }
  DepthCheck check(max_depth);
  if (!nlohmann::json::sax_parse(text, &check, nlohmann::json::input_format_t::json, /*strict=*/true)) {
    parsed.refusal = check.too_deep ? JsonRefusal::too_deep : JsonRefusal::malformed;
    return parsed;
  }
  parsed.value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.value.is_discarded()) parsed.refusal = JsonRefusal::malformed;
  return parsed;
}

nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_bytes) {
  return parse_json_limited(text, max_bytes).value;
}

IntegerRefusal read_integer(const nlohmann::json& value, std::int64_t min, std::int64_t max, std::int64_t& out) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
        static_cast<std::int64_t>(number) > max || static_cast<std::int64_t>(number) < min)
      return IntegerRefusal::out_of_range;
    out = static_cast<std::int64_t>(number);
    return IntegerRefusal::none;
  }
  if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max) return IntegerRefusal::out_of_range;
    out = number;
    return IntegerRefusal::none;
  }
  return IntegerRefusal::not_an_integer;
}

std::optional<Error> read_integer_field(const nlohmann::json& object, const char* field, std::int64_t min,
                                        std::int64_t max, std::int64_t& out, const std::string& out_of_range_code,
                                        bool optional) {
  const auto found = object.is_object() ? object.find(field) : object.end();
  if (!object.is_object() || found == object.end() || found->is_null()) {
    if (optional) return std::nullopt;
    return make_error("required", field);
  }
  std::int64_t value = 0;
  switch (read_integer(*found, min, max, value)) {
    case IntegerRefusal::none:
      out = value;
      return std::nullopt;
    case IntegerRefusal::not_an_integer:
      return make_error("invalid_type", field);
    case IntegerRefusal::out_of_range:
      break;
  }
  Error error = make_error(out_of_range_code, field);
  error.params["min"] = std::to_string(min);
  error.params["max"] = std::to_string(max);
  return error;
}

}  // namespace tessera
