// Email normalisation and validation (see email.hpp).
#include "tessera/email.hpp"

#include <algorithm>

namespace tessera {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string normalize_email(std::string_view email) {
  while (!email.empty() && is_space(email.front())) email.remove_prefix(1);
  while (!email.empty() && is_space(email.back())) email.remove_suffix(1);
  std::string normalized(email);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return normalized;
}

bool is_valid_email(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  if (std::any_of(email.begin(), email.end(), [](char c) { return is_space(c) || c < 0x20; })) return false;
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot != 0 && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

}  // namespace tessera
