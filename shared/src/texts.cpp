// Text lookup over all tables (see texts.hpp). Tables live in src/texts/*.cpp; the index
// is built once, on first use.
#include "tessera/texts.hpp"

#include <algorithm>
#include <vector>

#include "texts/tables.hpp"

namespace tessera {

namespace {
const std::vector<TextEntry>& index() {
  static const std::vector<TextEntry> entries = [] {
    std::vector<TextEntry> all;
    for (auto table : {texts::ui_texts(), texts::error_texts(), texts::domain_error_texts(), texts::faq_texts(),
                        texts::commerce_texts(), texts::invoice_texts(), texts::client_texts(),
                        texts::site_texts(), texts::client_desk_texts(), texts::client_admin_texts(), texts::client_people_texts(), texts::client_money_texts()})
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

std::string format_text(std::string_view text, const std::map<std::string, std::string>& params) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        const auto found = params.find(std::string(text.substr(i + 1, close - i - 1)));
        if (found != params.end()) {
          out += found->second;
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
