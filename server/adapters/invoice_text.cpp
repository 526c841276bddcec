// The invoice's words and numbers (see invoice_pdf.hpp): amounts, VAT rates and dates as each
// language writes them, and UTF-8 text in the CP1252 encoding of the PDF's standard fonts.
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "adapters/invoice_pdf.hpp"

namespace tessera::server {

// [SECTION] Formatting per language

namespace {

// "1234567" -> "1 234 567" (separator " ") or "1,234,567" (",").
std::string group_thousands(std::uint64_t value, char separator) {
  const std::string digits = std::to_string(value);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return grouped;
}

char decimal_mark(Language language) { return language == Language::en ? '.' : ','; }

}  // namespace

std::string format_money(Cents amount, Language language) {
  const bool negative = amount < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  const std::uint64_t cents = magnitude % 100;
  std::string fraction = std::to_string(cents);
  if (cents < 10) fraction.insert(0, "0");
  const std::string sign = negative ? "-" : "";
  if (language == Language::en) return sign + "€" + group_thousands(magnitude / 100, ',') + "." + fraction;
  return sign + group_thousands(magnitude / 100, ' ') + decimal_mark(language) + fraction + " €";
}

std::string format_vat_rate(BasisPoints rate, Language language) {
  const std::int64_t whole = rate / 100;
  const std::int64_t hundredths = (rate < 0 ? -rate : rate) % 100;
  std::string text = std::to_string(whole);
  if (hundredths != 0) {
    text += decimal_mark(language);
    if (hundredths % 10 == 0)
      text += std::to_string(hundredths / 10);
    else
      text += (hundredths < 10 ? "0" : "") + std::to_string(hundredths);
  }
  return text + (language == Language::en ? "%" : " %");
}

std::string format_date(const Date& date, Language language) {
  if (language == Language::en) return to_iso(date);
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", date.day, date.month, date.year);
  return text;
}

// [SECTION] UTF-8 to CP1252

namespace {

// The code points CP1252 puts in 0x80..0x9F (0 where the byte is unassigned).
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char cp1252_of(char32_t code_point) {
  if (code_point == '\t' || code_point == '\n' || code_point == '\r') return static_cast<char>(code_point);
  if (code_point < 0x20 || code_point == 0x7F) return '?';
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) return static_cast<char>(code_point);
  if (code_point == 0x202F || code_point == 0x2007) return static_cast<char>(0xA0);  // narrow / figure no-break space
  for (std::size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == code_point) return static_cast<char>(0x80 + i);
  return '?';
}

}  // namespace

std::string utf8_to_cp1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t smallest = 0;  // overlong encodings are invalid
    if (lead < 0x80) {
      length = 1, code_point = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2, code_point = lead & 0x1Fu, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code_point = lead & 0x0Fu, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code_point = lead & 0x07u, smallest = 0x10000;
    }
    bool valid = length > 0 && i + length <= utf8.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      valid = (next & 0xC0) == 0x80;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    valid = valid && code_point >= smallest && code_point <= 0x10FFFF && !(code_point >= 0xD800 && code_point <= 0xDFFF);
    if (!valid) {
      out += '?';
      ++i;  // resynchronise on the next byte
      continue;
    }
    out += cp1252_of(code_point);
    i += length;
  }
  return out;
}

}  // namespace tessera::server
