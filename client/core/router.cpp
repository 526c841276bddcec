// Address matching of the screen table (see router.hpp).
#include "core/router.hpp"

#include <charconv>

namespace tessera::client {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode_component(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Fills `params` with the placeholders of `pattern` when `path` fits it.
bool fits(std::string_view pattern, std::string_view path, RouteParams& params) {
  const auto wanted = segments(pattern);
  const auto given = segments(path);
  if (wanted.size() != given.size()) return false;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const auto part = wanted[i];
    if (part.size() > 2 && part.front() == '{' && part.back() == '}')
      params.values[std::string(part.substr(1, part.size() - 2))] = decode_component(given[i]);
    else if (part != given[i])
      return false;
  }
  return true;
}

void read_query(std::string_view query, RouteParams& params) {
  std::size_t start = 0;
  while (start < query.size()) {
    auto end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const auto pair = query.substr(start, end - start);
    const auto equals = pair.find('=');
    if (!pair.empty()) {
      const auto name = decode_component(pair.substr(0, equals));
      params.values[name] = equals == std::string_view::npos ? std::string() : decode_component(pair.substr(equals + 1));
    }
    start = end + 1;
  }
}

// A link made outside the app's own addresses, "#name=value" (the server's invitation links,
// "#invitation=<token>"), is the address "/name/value".
std::string normal_address(std::string_view address) {
  const auto equals = address.find('=');
  if (address.empty() || address.front() == '/' || equals == std::string_view::npos ||
      address.substr(0, equals).find_first_of("/?") != std::string_view::npos)
    return std::string(address);
  return "/" + std::string(address.substr(0, equals)) + "/" + std::string(address.substr(equals + 1));
}

}  // namespace

bool audience_includes(Audience audience, std::optional<Role> role) {
  switch (audience) {
    case Audience::anyone: return true;
    case Audience::visitor: return !role;
    case Audience::signed_in: return role.has_value();
    case Audience::customer: return role == Role::customer;
    case Audience::staff: return role == Role::operator_ || role == Role::admin;
    case Audience::admin: return role == Role::admin;
  }
  return false;
}

std::string RouteParams::text(std::string_view name) const {
  const auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

std::optional<Id> RouteParams::id(std::string_view name) const {
  const auto value = text(name);
  Id id = 0;
  const auto [end, failure] = std::from_chars(value.data(), value.data() + value.size(), id);
  if (value.empty() || failure != std::errc() || end != value.data() + value.size() || id <= 0) return std::nullopt;
  return id;
}

void Router::add(std::span<const ScreenDef> screens) { screens_.insert(screens_.end(), screens.begin(), screens.end()); }

const ScreenDef* Router::find(std::string_view id) const {
  for (const auto& screen : screens_)
    if (screen.id == id) return &screen;
  return nullptr;
}

std::optional<Route> Router::match(std::string_view given, std::optional<Role> role) const {
  const std::string normal = normal_address(given);
  const std::string_view address = normal;
  const auto question = address.find('?');
  const auto path = address.substr(0, question);
  for (const auto& screen : screens_) {
    RouteParams params;
    if (!audience_includes(screen.audience, role) || !fits(screen.pattern, path, params)) continue;
    if (question != std::string_view::npos) read_query(address.substr(question + 1), params);
    Route route{&screen, std::move(params), std::string(address)};
    if (route.address.empty()) route.address = "/";
    return route;
  }
  return std::nullopt;
}

const ScreenDef* Router::match_any_audience(std::string_view given) const {
  const std::string normal = normal_address(given);
  const std::string_view address = normal;
  const auto path = address.substr(0, address.find('?'));
  for (const auto& screen : screens_) {
    RouteParams params;
    if (fits(screen.pattern, path, params)) return &screen;
  }
  return nullptr;
}

std::string Router::address_of(std::string_view pattern, const std::map<std::string, std::string>& params) {
  std::string out;
  for (const auto part : segments(pattern)) {
    out += '/';
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      const auto found = params.find(std::string(part.substr(1, part.size() - 2)));
      out += found == params.end() ? std::string() : found->second;
    } else {
      out += part;
    }
  }
  return out.empty() ? "/" : out;
}

}  // namespace tessera::client
