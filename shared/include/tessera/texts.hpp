// The catalog of every text the product shows, in French, English and Spanish (SPEC §1.11).
// Texts are found by a stable key ("signup.title", "error.email_taken"); a server error's
// code C is shown through the key "error.C". Placeholders look like {minutes}.
#pragma once
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "tessera/ticket.hpp"

namespace tessera {

struct TextEntry {
  std::string_view key;
  std::string_view fr;
  std::string_view en;
  std::string_view es;
};

// Every entry of every table, in no particular order.
std::span<const TextEntry> all_texts();

// The text for `key` in `language`; the key itself when the catalog has no such key
// (never empty, so a missing text is visible rather than blank).
std::string_view tr(std::string_view key, Language language);

// Replace each {name} in `text` by params[name]; unknown placeholders stay as they are.
// {name:one|other} picks a word by the number params[name] (one for 1 and -1, other
// otherwise): "{count} {count:ticket|tickets}". {name:zero|one|other} also says 0's form, for
// French's "0 ticket": "{count} {count:ticket|ticket|tickets}".
std::string format_text(std::string_view text, const std::map<std::string, std::string>& params);

// The language a browser asks for ("fr-FR,fr;q=0.9" -> fr); English when none fits.
Language language_from_tag(std::string_view accept_language);

}  // namespace tessera
