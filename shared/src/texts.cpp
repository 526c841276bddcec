// Text lookup over all tables (see texts.hpp). Tables are data, shared/texts/<table>.tsv, generated into
// source files at build time (cmake/EmbedTexts.cmake); the index
// is built once, on first use.
#include "tessera/texts.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "texts/tables.hpp"

namespace tessera {

namespace {
const std::vector<TextEntry>& index() {
  static const std::vector<TextEntry> entries = [] {
    std::vector<TextEntry> all;
    for (auto table : {texts::ui_texts(), texts::error_texts(), texts::domain_error_texts(), texts::faq_texts(),
                        texts::commerce_texts(), texts::invoice_texts(), texts::client_texts(),
                        texts::site_texts(), texts::client_desk_texts(), texts::client_admin_texts(), texts::client_people_texts(), texts::client_money_texts(),
                        texts::mail_texts(), texts::client_mail_texts()})
      all.insert(all.end(), table.begin(), table.end());
    std::sort(all.begin(), all.end(), [](const TextEntry& a, const TextEntry& b) { return a.key < b.key; });
    return all;
  }();
  return entries;
}
}  // namespace

std::span<const TextEntry> all_texts() { return index(); }

std::string_view tr(std::string_view key, Language language) {
  const auto& entries = index();
  const auto found = std::lower_bound(entries.begin(), entries.end(), key,
                                      [](const TextEntry& entry, std::string_view k) { return entry.key < k; });
  if (found == entries.end() || found->key != key) return key;
  switch (language) {
    case Language::fr: return found->fr;
    case Language::en: return found->en;
    case Language::es: return found->es;
  }
  return key;
}

namespace {
// The form of "{name:one|other}" or "{name:zero|one|other}" for the number params[name]:
// zero for 0 when three forms are given (French says "0 ticket"), one for 1 and -1, other
// for every other number (and for a value that is not a number).
std::optional<std::string> plural_form(std::string_view inside, const std::map<std::string, std::string>& params) {
  const auto colon = inside.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto found = params.find(std::string(inside.substr(0, colon)));
  if (found == params.end()) return std::nullopt;
  std::vector<std::string_view> forms;
  for (auto rest = inside.substr(colon + 1);;) {
    const auto bar = rest.find('|');
    forms.push_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  if (forms.size() != 2 && forms.size() != 3) return std::nullopt;
  const std::string& value = found->second;
  long long number = 2;
  const char* first = value.data() + (!value.empty() && value[0] == '+' ? 1 : 0);
  const auto [end, error] = std::from_chars(first, value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size()) number = 2;
  if (number == 0 && forms.size() == 3) return std::string(forms[0]);
  if (number == 1 || number == -1) return std::string(forms[forms.size() - 2]);
  return std::string(forms.back());
}
}  // namespace

std::string format_text(std::string_view text, const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        const auto inside = text.substr(i + 1, close - i - 1);
        if (const auto found = params.find(std::string(inside)); found != params.end()) {
          out += found->second;
          i = close + 1;
          continue;
        }
        if (const auto form = plural_form(inside, params)) {
          out += *form;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

Language language_from_tag(std::string_view accept_language) {
  // The first language tag of the list decides; q-values are ordered by browsers already.
  for (std::size_t start = 0; start < accept_language.size();) {
    auto end = accept_language.find(',', start);
    if (end == std::string_view::npos) end = accept_language.size();
    auto tag = accept_language.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    const auto primary = tag.substr(0, 2);
    if (primary == "fr" || primary == "FR") return Language::fr;
    if (primary == "es" || primary == "ES") return Language::es;
    if (primary == "en" || primary == "EN") return Language::en;
    start = end + 1;
  }
  return Language::en;
}

}  // namespace tessera
