// Readers of request fields shared by the wire files (wire.cpp, wire_account.cpp): each
// returns the field-level Error a client shows next to the field, or nothing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tessera/result.hpp"

namespace tessera::wire::fields {

using nlohmann::json;

inline Error field_error(std::string code, std::string field, std::map<std::string, std::string> params = {}) {
  return Error{std::move(code), std::move(field), std::move(params)};
}

inline bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t continuation = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : 4;
    if (continuation == 4 || i + continuation >= text.size() + (continuation == 0 ? 1 : 0)) return false;
    for (std::size_t k = 1; k <= continuation; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    i += continuation + 1;
  }
  return true;
}

// A required string of 1..max bytes, trimmed of surrounding spaces when `trim` is set.
inline std::optional<Error> read_text(const json& body, const char* field, std::size_t max, std::string& out,
                               bool trim = true) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null()) return field_error("required", field);
  if (!found->is_string()) return field_error("invalid_type", field);
  std::string text = found->get<std::string>();
  if (trim) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
  }
  if (text.empty()) return field_error("required", field);
  if (text.size() > max) return field_error("too_long", field, {{"max", std::to_string(max)}});
  if (!is_valid_utf8(text)) return field_error("invalid_value", field);
  out = std::move(text);
  return std::nullopt;
}

template <class Enum, class Parse>
std::optional<Error> read_enum(const json& body, const char* field, Parse parse, Enum& out,
                               std::optional<Enum> fallback = std::nullopt) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null()) {
    if (fallback) {
      out = *fallback;
      return std::nullopt;
    }
    return field_error("required", field);
  }
  if (!found->is_string()) return field_error("invalid_type", field);
  const auto parsed = parse(found->get<std::string>());
  if (!parsed) return field_error("invalid_value", field);
  out = *parsed;
  return std::nullopt;
}

// A new password: a string of Limits::password_min..password_max bytes (not trimmed).
inline std::optional<Error> read_new_password(const json& body, const char* field, std::size_t min, std::size_t max,
                                              std::string& out) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null()) return field_error("required", field);
  if (!found->is_string()) return field_error("invalid_type", field);
  std::string password = found->get<std::string>();
  if (password.size() < min) return field_error("password_too_short", field, {{"min", std::to_string(min)}});
  if (password.size() > max) return field_error("too_long", field, {{"max", std::to_string(max)}});
  out = std::move(password);
  return std::nullopt;
}

// An optional boolean: absent or null leaves `out` as it is.
inline std::optional<Error> read_flag(const json& body, const char* field, bool& out) {
  const auto found = body.find(field);
  if (found == body.end() || found->is_null()) return std::nullopt;
  if (!found->is_boolean()) return field_error("invalid_type", field);
  out = found->get<bool>();
  return std::nullopt;
}

inline std::optional<Error> require_object(const json& body) {
  if (!body.is_object()) return field_error("invalid_json", "");
  return std::nullopt;
}


}  // namespace tessera::wire::fields
