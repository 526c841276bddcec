// FAQ suggestions for a ticket's subject (see faq_match.hpp).
#include "tessera/faq_match.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "tessera/texts.hpp"

namespace tessera {

namespace {

constexpr std::size_t kMinWordBytes = 4;     // "mail", "wifi"; not "my", "the", "est"
constexpr std::size_t kComparedPrefix = 5;   // "cance(l)" = "cance(lling)"
constexpr int kQuestionWeight = 3;
constexpr int kAnswerWeight = 1;
constexpr int kOfferedFrom = 3;

// Frequent words of the three languages that say nothing about the issue.
constexpr std::array<std::string_view, 48> kCommonWords{
    "what", "when", "which", "where", "with", "this", "that", "have", "does", "your", "from", "there", "about",
    "would", "could", "should", "they", "them", "pour", "dans", "avec", "quoi", "quel", "quelle", "comment",
    "est-ce", "mais", "plus", "sont", "vous", "votre", "nous", "elle", "tout", "como", "para", "cual", "donde",
    "cuando", "puedo", "esta", "este", "pero", "tengo", "usted", "sobre", "tiene", "puede"};

// One UTF-8 letter of Latin-1 / Latin Extended-A (second byte after 0xC3 or 0xC5) folded.
char fold_c3(unsigned char second) {
  static constexpr std::string_view kFrom = "\x80\x81\x82\x83\x84\x85\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x91\x92\x93"
                                            "\x94\x95\x96\x99\x9a\x9b\x9c\x9d";
  static constexpr std::string_view kTo = "aaaaaaceeeeiiiinooooouuuuy";
  const unsigned char lower = second >= 0xA0 ? static_cast<unsigned char>(second - 0x20) : second;
  const auto at = kFrom.find(static_cast<char>(lower));
  return at == std::string_view::npos ? ' ' : kTo[at];
}

std::vector<std::string> significant_words(std::string_view text) {
  const std::string folded = fold_for_search(text);
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = std::min(folded.find(' ', start), folded.size());
    if (end - start >= kMinWordBytes) {
      std::string word = folded.substr(start, end - start);
      if (std::find(kCommonWords.begin(), kCommonWords.end(), word) == kCommonWords.end()) words.push_back(word);
    }
    start = end + 1;
  }
  return words;
}

bool same_word(std::string_view a, std::string_view b) {
  const std::size_t compared = std::min({kComparedPrefix, a.size(), b.size()});
  return a.substr(0, compared) == b.substr(0, compared);
}

bool found_in(const std::string& word, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& other) { return same_word(word, other); });
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      else if (c == '-' && !out.empty() && out.back() != ' ') out += '-';  // "pay-per-minute", "e-mail"
      else out += ' ';
      continue;
    }
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : static_cast<unsigned char>(0);
    if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
      out += fold_c3(next);
      ++i;
    } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
      out += "oe";
      ++i;
    } else {
      out += ' ';
      while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;  // the rest of it
    }
  }
  return out;
}

std::vector<int> match_faq(std::string_view subject, Language language, std::size_t limit) {
  std::vector<std::string> wanted = significant_words(subject);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (wanted.empty() || limit == 0) return {};
  std::vector<std::pair<int, int>> scored;  // (weight, number)
  for (int number = 1; number <= kFaqQuestionCount; ++number) {
    const std::string key = "faq.q" + std::to_string(number);
    const auto question = significant_words(tr(key + ".question", language));
    const auto answer = significant_words(tr(key + ".answer", language));
    int weight = 0;
    for (const auto& word : wanted) {
      if (found_in(word, question)) weight += kQuestionWeight;
      else if (found_in(word, answer)) weight += kAnswerWeight;
    }
    if (weight >= kOfferedFrom) scored.emplace_back(weight, number);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<int> numbers;
  for (const auto& [weight, number] : scored) {
    if (numbers.size() == limit) break;
    numbers.push_back(number);
  }
  return numbers;
}

}  // namespace tessera
