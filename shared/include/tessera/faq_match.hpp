// Which of the business's FAQ answers (SPEC §5, texts "faq.qN.*") fit what a customer is
// typing as a ticket's subject: a question the FAQ already answers needs no ticket. Pure:
// words are compared lower-cased, without accents, by their first letters (so "cancel"
// finds "cancelling", "factura" finds "facturas"); short and common words are ignored.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/ticket.hpp"

namespace tessera {

inline constexpr int kFaqQuestionCount = 18;  // faq.q1 … faq.q18, in reading order

// "Résilier" -> "resilier", "¿Cómo?" -> " como ": lower-case ASCII letters and digits, the
// Latin-1 and Latin Extended-A letters of French and Spanish folded to their base letter,
// everything else a space.
std::string fold_for_search(std::string_view text);

// The FAQ entries (1-based numbers) whose question or answer in `language` shares words with
// `subject`, best first, at most `limit`; none for a subject with no significant word.
// A word of the subject found in a question weighs 3, found only in the answer 1; an entry
// is offered from a weight of 3.
std::vector<int> match_faq(std::string_view subject, Language language, std::size_t limit = 3);

}  // namespace tessera
