// Parsing the server's answers with the depth limit, and type-checked reads of JSON the client stored itself (drafts, the outbox, the offline
// cache): a value of the wrong type reads as the default instead of throwing, because the
// browser build does not catch exceptions and data written by an older version of the app
// must never stop the app from starting.
#pragma once
#include <cstdint>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "tessera/json_limits.hpp"

namespace tessera::client::read {

// The server's answers are parsed with the same depth limit as requests on the server
// (kMaxJsonDepth, shared/json_limits.hpp): a discarded value when malformed or too deep.
inline nlohmann::json parse(std::string_view text) { return parse_json_or_discarded(text); }

inline const nlohmann::json* member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

inline std::string text(const nlohmann::json& object, const char* key, std::string fallback = {}) {
  const auto* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : fallback;
}

inline std::int64_t integer(const nlohmann::json& object, const char* key, std::int64_t fallback = 0) {
  const auto* value = member(object, key);
  return value && value->is_number_integer() ? value->get<std::int64_t>() : fallback;
}

inline double number(const nlohmann::json& object, const char* key, double fallback = 0) {
  const auto* value = member(object, key);
  return value && value->is_number() ? value->get<double>() : fallback;
}

inline bool flag(const nlohmann::json& object, const char* key, bool fallback = false) {
  const auto* value = member(object, key);
  return value && value->is_boolean() ? value->get<bool>() : fallback;
}

// An answer's JSON object read as T (its from_json), or nothing when it is malformed, too deep,
// not an object, or not of T's shape.
template <class T>
std::optional<T> decode(std::string_view text) {
  const auto parsed = parse(text);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  try {
    return parsed.template get<T>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

// The member if it is an object (or an array), else a null value.
inline const nlohmann::json& object(const nlohmann::json& object, const char* key) {
  static const nlohmann::json none;
  const auto* value = member(object, key);
  return value && (value->is_object() || value->is_array()) ? *value : none;
}

}  // namespace tessera::client::read
