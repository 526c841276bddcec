// Readers of JSON fields shared by the codec files (domain_wire.cpp, storage_codec.cpp): each
// checks the type first, never throws, and returns the first field at fault with its path
// ("lines[2].quantity"). A missing member keeps `out` as it is when `required` is false.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "tessera/dates.hpp"
#include "tessera/json_limits.hpp"
#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera::codec::fields {

using nlohmann::json;

inline Error field_error(std::string code, std::string field) { return make_error(std::move(code), std::move(field)); }

inline std::string path_of(const std::string& prefix, const char* name) { return prefix.empty() ? name : prefix + "." + name; }

// Each reader: a missing member keeps `out` as it is when `required` is false.
inline std::optional<Error> read_int(const json& in, const char* name, std::int64_t& out, std::int64_t min, std::int64_t max,
                              const std::string& prefix = {}, bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (auto error = read_integer_field(in, name, min, max, out)) {
    error->field = path_of(prefix, name);
    if (error->code == "invalid_value") error->params.clear();  // as before: no params
    return error;
  }
  return std::nullopt;
}

inline std::optional<Error> read_int32(const json& in, const char* name, int& out, int min, int max,
                                const std::string& prefix = {}, bool required = true) {
  std::int64_t value = out;
  if (auto error = read_int(in, name, value, min, max, prefix, required)) return error;
  out = static_cast<int>(value);
  return std::nullopt;
}

inline std::optional<Error> read_bool(const json& in, const char* name, bool& out, const std::string& prefix = {},
                               bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (!found->is_boolean()) return field_error("invalid_type", path_of(prefix, name));
  out = found->get<bool>();
  return std::nullopt;
}

inline std::optional<Error> read_string(const json& in, const char* name, std::string& out, std::size_t max,
                                 const std::string& prefix = {}, bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (!found->is_string()) return field_error("invalid_type", path_of(prefix, name));
  const auto& text = found->get_ref<const std::string&>();
  if (text.size() > max) return field_error("too_long", path_of(prefix, name));
  out = text;
  return std::nullopt;
}

template <class Enum, class Parse>
inline std::optional<Error> read_name(const json& in, const char* name, Enum& out, Parse parse, const std::string& prefix = {},
                               bool required = true) {
  std::string text;
  const bool present = in.contains(name) && !in.at(name).is_null();
  if (auto error = read_string(in, name, text, 64, prefix, required)) return error;
  if (!present) return std::nullopt;
  const auto parsed = parse(text);
  if (!parsed) return field_error("invalid_value", path_of(prefix, name));
  out = *parsed;
  return std::nullopt;
}

inline std::optional<Error> read_date(const json& in, const char* name, Date& out, const std::string& prefix = {},
                               bool required = true) {
  std::string text;
  const bool present = in.contains(name) && !in.at(name).is_null();
  if (auto error = read_string(in, name, text, 10, prefix, required)) return error;
  if (!present) return std::nullopt;
  const auto parsed = parse_iso_date(text);
  if (!parsed) return field_error("invalid_date", path_of(prefix, name));
  out = *parsed;
  return std::nullopt;
}

inline std::optional<Error> require_object(const json& in, const std::string& field = {}) {
  if (!in.is_object()) return field_error(field.empty() ? "invalid_json" : "invalid_type", field);
  return std::nullopt;
}

inline constexpr Cents kMaxCents = 100'000'000;
inline constexpr std::int64_t kMaxCount = 1'000'000'000;
inline constexpr Instant kMinInstant = -62'135'596'800;  // 0001-01-01
inline constexpr Instant kMaxInstant = 253'402'300'799;  // 9999-12-31T23:59:59Z

}  // namespace tessera::codec::fields
