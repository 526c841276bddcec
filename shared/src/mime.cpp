// The Internet message of a mail (see mime.hpp): RFC 5322 headers with RFC 2047 encoded
// words, MIME multiparts with base64 bodies, and the parser that reads them back.
//
// [SECTION] Base64  [SECTION] Header values  [SECTION] Building  [SECTION] Parsing
#include "tessera/mime.hpp"

#include <cctype>
#include <cstdint>

#include "tessera/dates.hpp"

namespace tessera::mime {

// [SECTION] Base64

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace

std::string base64_encode(std::string_view bytes, std::size_t line_length) {
  std::string out;
  out.reserve(bytes.size() * 4 / 3 + 4 + (line_length ? bytes.size() / line_length * 2 : 0));
  std::size_t column = 0;
  const auto put = [&](char c) {
    if (line_length && column == line_length) {
      out += "\r\n";
      column = 0;
    }
    out += c;
    ++column;
  };
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    const std::uint32_t a = static_cast<unsigned char>(bytes[i]);
    const std::uint32_t b = left > 1 ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    const std::uint32_t c = left > 2 ? static_cast<unsigned char>(bytes[i + 2]) : 0;
    const std::uint32_t triple = (a << 16) | (b << 8) | c;
    put(kBase64[(triple >> 18) & 63]);
    put(kBase64[(triple >> 12) & 63]);
    put(left > 1 ? kBase64[(triple >> 6) & 63] : '=');
    put(left > 2 ? kBase64[triple & 63] : '=');
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int bit_count = 0;
  std::size_t data_chars = 0;
  bool padding = false;
  for (const char c : text) {
    if (c == '\r' || c == '\n' || c == ' ' || c == '\t') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    const int value = base64_value(c);
    if (value < 0 || padding) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    bit_count += 6;
    ++data_chars;
    if (bit_count >= 8) {
      bit_count -= 8;
      out += static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }
  if (data_chars % 4 == 1) return std::nullopt;
  return out;
}

// [SECTION] Header values

namespace {

constexpr std::size_t kLineLimit = 78;      // what we write; RFC 5322 allows 998
constexpr std::size_t kWordBytes = 39;      // UTF-8 bytes per encoded word: 64 characters with its markers

// Control characters out (CR and LF first of all: one value, one header); CR LF and lone
// CR or LF become a space.
std::string header_safe(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') ++i;
      out += ' ';
    } else if (c == '\t') {
      out += ' ';
    } else if (c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_plain_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  return text.find("=?") == std::string_view::npos;
}

// The value as encoded words, one per line after the first, each under kLineLimit
// characters; a word never splits a UTF-8 sequence.
std::string encoded_words(std::string_view value) {
  std::string out;
  while (!value.empty()) {
    std::size_t take = std::min(value.size(), kWordBytes);
    while (take < value.size() && take > 0 && (static_cast<unsigned char>(value[take]) & 0xC0) == 0x80) --take;
    if (take == 0) take = std::min(value.size(), kWordBytes);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(value.substr(0, take)) + "?=";
    value.remove_prefix(take);
  }
  return out;
}

// Plain ASCII folded at spaces under kLineLimit (counting "Name: "), or encoded words when it
// is not ASCII or a word is too long to fold.
std::string unstructured(std::string_view name, std::string_view value) {
  if (!is_plain_ascii(value)) return encoded_words(value);
  std::string out;
  std::size_t column = name.size() + 2;
  for (std::size_t start = 0; start <= value.size();) {
    auto end = value.find(' ', start);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view word = value.substr(start, end - start);
    if (word.size() + 1 > kLineLimit - 2 || (start == 0 && column + word.size() > kLineLimit))
      return encoded_words(value);
    if (start > 0) {
      if (column + 1 + word.size() > kLineLimit) {
        out += "\r\n";
        column = 0;
      }
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    start = end + 1;
  }
  return out;
}

// "Name <address>": a display name with specials quoted, one that is not ASCII encoded; a
// bare address as it is.
std::string mailbox(std::string_view raw) {
  const std::string value = header_safe(raw);
  std::string_view text = trim(value);
  const auto open = text.rfind('<');
  if (open == std::string_view::npos || text.back() != '>') return std::string(text);
  std::string address(trim(text.substr(open + 1, text.size() - open - 2)));
  std::string_view name = trim(text.substr(0, open));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
  if (name.empty()) return address;
  if (!is_plain_ascii(name)) {
    const std::string words = encoded_words(name);
    const std::size_t last_line = words.size() - std::min(words.size(), words.rfind('\n') + 1);
    // The address on a line of its own when it would push the last word's line past the limit.
    return words + (last_line + address.size() + 3 > kLineLimit - 6 ? "\r\n <" : " <") + address + ">";
  }
  if (name.find_first_of("()<>[]:;@\\,.\"") == std::string_view::npos) return std::string(name) + " <" + address + ">";
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

}  // namespace

std::string rfc5322_date(Instant at) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const Date date = utc_date_of(at);
  const std::int64_t seconds = at - utc_midnight(date);
  const auto two = [](std::int64_t n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return std::string(kDays[static_cast<int>(weekday_of(date))]) + ", " + two(date.day) + " " +
         kMonths[date.month - 1] + " " + std::to_string(date.year) + " " + two(seconds / 3600) + ":" +
         two(seconds / 60 % 60) + ":" + two(seconds % 60) + " +0000";
}

// [SECTION] Building

namespace {

std::string hex64(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kHex[value & 15];
  return out;
}

// FNV-1a: a boundary of this message's own, the same on every retry.
std::uint64_t fingerprint(std::string_view text) {
  std::uint64_t hash = 14'695'981'039'346'656'037ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1'099'511'628'211ull;
  }
  return hash;
}

std::string content_type_safe(std::string_view raw) {
  const std::string value(trim(header_safe(raw)));
  const auto slash = value.find('/');
  if (value.empty() || slash == std::string::npos || slash == 0 || slash + 1 == value.size()) return "application/octet-stream";
  for (const char c : value)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$&^_.+-/").find(c) != std::string_view::npos))
      return "application/octet-stream";
  return value;
}

// The file's name without control characters, quotes or backslashes, at most 150 bytes
// (never cutting a UTF-8 sequence); "attachment" when nothing is left.
std::string filename_safe(std::string_view raw) {
  std::string name;
  for (const char c : header_safe(raw)) name += (c == '"' || c == '\\') ? '_' : c;
  name = std::string(trim(name));
  if (name.size() > 150) {
    std::size_t cut = 150;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name.empty() ? "attachment" : name;
}

// filename="..." for ASCII; otherwise an ASCII stand-in and RFC 2231's filename*=UTF-8''...
std::string filename_parameters(const std::string& name, std::string_view parameter) {
  std::string ascii;
  bool plain = true;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    plain = plain && byte < 0x80;
    if (byte < 0x80) ascii += c;
    else if ((byte & 0xC0) != 0x80) ascii += '_';  // one stand-in per character
  }
  std::string out = std::string(parameter) + "=\"" + ascii + "\"";
  if (plain) return out;
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += ";\r\n " + std::string(parameter) + "*=UTF-8''";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

// Text in its canonical form for MIME: every line end CR LF.
std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\n' || text[i] == '\r') out += "\r\n";
    else out += text[i];
  }
  return out;
}

std::string text_part(std::string_view subtype, std::string_view text) {
  const std::string body = crlf_lines(text);
  return "Content-Type: text/" + std::string(subtype) + "; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" + base64_encode(body, 76) + "\r\n";
}

}  // namespace

std::string build_message(const OutgoingMail& mail) {
  const std::string subject(trim(header_safe(mail.subject)));
  std::string message_id(trim(header_safe(mail.message_id)));
  if (!message_id.empty() && message_id.front() != '<') message_id = "<" + message_id + ">";
  const std::string hash = hex64(fingerprint(message_id + "\n" + subject));
  const std::string alternative = "=_tessera_alt_" + hash;
  const std::string mixed = "=_tessera_mixed_" + hash;

  std::string out;
  out += "From: " + mailbox(mail.from) + "\r\n";
  out += "To: " + mailbox(mail.to) + "\r\n";
  out += "Subject: " + unstructured("Subject", subject) + "\r\n";
  out += "Date: " + rfc5322_date(mail.date) + "\r\n";
  if (!message_id.empty()) out += "Message-ID: " + message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (const std::string language(trim(header_safe(mail.language))); !language.empty())
    out += "Content-Language: " + language + "\r\n";
  out += "Auto-Submitted: auto-generated\r\n";

  std::string body = "--" + alternative + "\r\n" + text_part("plain", mail.text) + "--" + alternative + "\r\n" +
                     text_part("html", mail.html) + "--" + alternative + "--\r\n";
  const std::string alternative_type = "Content-Type: multipart/alternative;\r\n boundary=\"" + alternative + "\"\r\n";
  if (mail.attachments.empty()) return out + alternative_type + "\r\n" + body;

  out += "Content-Type: multipart/mixed;\r\n boundary=\"" + mixed + "\"\r\n\r\n";
  out += "--" + mixed + "\r\n" + alternative_type + "\r\n" + body;
  for (const Attachment& attachment : mail.attachments) {
    const std::string name = filename_safe(attachment.filename);
    out += "--" + mixed + "\r\n";
    out += "Content-Type: " + content_type_safe(attachment.content_type) + ";\r\n " + filename_parameters(name, "name") + "\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment;\r\n " + filename_parameters(name, "filename") + "\r\n\r\n";
    out += base64_encode(attachment.bytes, 76) + "\r\n";
  }
  return out + "--" + mixed + "--\r\n";
}

// [SECTION] Parsing

namespace {

using Headers = std::map<std::string, std::string>;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One line of `text` from `at`: its content (without CR LF or LF) and where the next starts.
struct Line {
  std::string_view content;
  std::size_t next = 0;
};
Line line_at(std::string_view text, std::size_t at) {
  const auto end = text.find('\n', at);
  if (end == std::string_view::npos) return {text.substr(at), text.size()};
  std::string_view content = text.substr(at, end - at);
  if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
  return {content, end + 1};
}

struct Entity {
  Headers headers;
  std::string_view body;
};

// Headers up to the first empty line (unfolded, names lower-cased, the first of each name
// kept), and the body after it. nullopt without the empty line or on a line that is no header.
std::optional<Entity> split_entity(std::string_view text) {
  Entity entity;
  std::string name;
  std::string value;
  const auto flush = [&] {
    if (!name.empty()) entity.headers.emplace(name, std::string(trim(value)));
    name.clear();
    value.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const Line line = line_at(text, at);
    if (line.content.empty()) {
      flush();
      entity.body = text.substr(line.next);
      return entity;
    }
    if (line.content.front() == ' ' || line.content.front() == '\t') {
      if (name.empty()) return std::nullopt;
      value += line.content;
    } else {
      const auto colon = line.content.find(':');
      if (colon == std::string_view::npos || colon == 0) return std::nullopt;
      const std::string_view field = line.content.substr(0, colon);
      if (field.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
      flush();
      name = lower(field);
      value = std::string(line.content.substr(colon + 1));
    }
    at = line.next;
  }
  return std::nullopt;
}

// "multipart/mixed; boundary=\"x\"" -> type "multipart/mixed", parameters {boundary: x}.
struct HeaderWithParameters {
  std::string value;
  std::map<std::string, std::string> parameters;
};
HeaderWithParameters parameters_of(std::string_view header) {
  HeaderWithParameters out;
  std::size_t at = header.find(';');
  out.value = lower(trim(header.substr(0, at)));
  while (at != std::string_view::npos && at < header.size()) {
    ++at;
    const auto equals = header.find('=', at);
    if (equals == std::string_view::npos) break;
    const std::string key = lower(trim(header.substr(at, equals - at)));
    std::size_t i = equals + 1;
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
    std::string value;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) ++i;
        value += header[i];
      }
      at = header.find(';', i);
    } else {
      at = header.find(';', i);
      value = std::string(trim(header.substr(i, at == std::string_view::npos ? std::string_view::npos : at - i)));
    }
    out.parameters.emplace(key, value);
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string quoted_printable_decoded(std::string_view text, bool in_header) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_' && in_header) {
      out += ' ';
    } else if (c == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '=' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
      if (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n') ++i;
      ++i;  // a soft line break
    } else {
      out += c;
    }
  }
  return out;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (byte >> 6));
      out += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return out;
}

std::optional<std::string> body_decoded(const Headers& headers, std::string_view body) {
  const auto found = headers.find("content-transfer-encoding");
  const std::string encoding = found == headers.end() ? "" : lower(trim(found->second));
  if (encoding == "base64") return base64_decode(body);
  if (encoding == "quoted-printable") return quoted_printable_decoded(body, false);
  return std::string(body);
}

// The file name of a part: filename*= (RFC 2231), filename=, then the type's name=.
std::string filename_of(const Headers& headers) {
  for (const char* header : {"content-disposition", "content-type"}) {
    const auto found = headers.find(header);
    if (found == headers.end()) continue;
    const auto parameters = parameters_of(found->second).parameters;
    const std::string plain = header == std::string_view("content-type") ? "name" : "filename";
    if (const auto extended = parameters.find(plain + "*"); extended != parameters.end()) {
      std::string_view value = extended->second;
      if (const auto quote = value.find("''"); quote != std::string_view::npos) value.remove_prefix(quote + 2);
      return percent_decoded(value);
    }
    if (const auto simple = parameters.find(plain); simple != parameters.end()) return decode_header_words(simple->second);
  }
  return "";
}

// A text part's CR LF line ends back to "\n", as the caller wrote them.
std::string lf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

constexpr int kMaxDepth = 8;

bool read_entity(const Entity& entity, ParsedMessage& out, int depth) {
  if (depth > kMaxDepth) return false;
  const auto type_header = entity.headers.find("content-type");
  const HeaderWithParameters type =
      parameters_of(type_header == entity.headers.end() ? std::string_view("text/plain") : type_header->second);
  if (type.value.starts_with("multipart/")) {
    const auto boundary = type.parameters.find("boundary");
    if (boundary == type.parameters.end() || boundary->second.empty()) return false;
    const std::string delimiter = "--" + boundary->second;
    const std::string_view body = entity.body;
    std::optional<std::size_t> part_start;
    bool closed = false;
    int parts = 0;
    for (std::size_t at = 0; at < body.size() && !closed;) {
      const Line line = line_at(body, at);
      const std::string_view content = trim(line.content);
      const bool is_close = content == delimiter + "--";
      if (content == delimiter || is_close) {
        if (part_start) {
          // The line break before a delimiter belongs to the delimiter.
          std::size_t end = at;
          if (end > *part_start && body[end - 1] == '\n') --end;
          if (end > *part_start && body[end - 1] == '\r') --end;
          const auto part = split_entity(body.substr(*part_start, end - *part_start));
          if (!part || !read_entity(*part, out, depth + 1)) return false;
          ++parts;
        }
        part_start = line.next;
        closed = is_close;
      }
      at = line.next;
    }
    return closed && parts > 0;
  }
  auto decoded = body_decoded(entity.headers, entity.body);
  if (!decoded) return false;
  const auto charset = type.parameters.find("charset");
  if (charset != type.parameters.end() && (lower(charset->second) == "iso-8859-1" || lower(charset->second) == "latin1"))
    decoded = latin1_to_utf8(*decoded);
  const auto disposition = entity.headers.find("content-disposition");
  const bool attached = disposition != entity.headers.end() &&
                        parameters_of(disposition->second).value == "attachment";
  if (!attached && type.value.starts_with("text/")) decoded = lf_lines(*decoded);
  if (!attached && type.value == "text/plain" && out.text.empty()) {
    out.text = std::move(*decoded);
  } else if (!attached && type.value == "text/html" && out.html.empty()) {
    out.html = std::move(*decoded);
  } else {
    out.attachments.push_back({filename_of(entity.headers), type.value, std::move(*decoded)});
  }
  return true;
}

}  // namespace

namespace {
struct EncodedWord {
  std::string decoded;
  std::size_t end = 0;  // just after its "?="
};
// The encoded word "=?charset?B|Q?text?=" that starts at `start`, decoded, if it is one.
std::optional<EncodedWord> encoded_word_at(std::string_view value, std::size_t start) {
  const auto charset_end = value.find('?', start + 2);
  if (charset_end == std::string_view::npos || charset_end + 2 >= value.size() || value[charset_end + 2] != '?')
    return std::nullopt;
  const auto end = value.find("?=", charset_end + 3);
  if (end == std::string_view::npos) return std::nullopt;
  std::string charset = lower(value.substr(start + 2, charset_end - start - 2));
  charset = charset.substr(0, charset.find('*'));  // RFC 2231's language
  const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(value[charset_end + 1])));
  const std::string_view text = value.substr(charset_end + 3, end - charset_end - 3);
  std::optional<std::string> decoded;
  if (encoding == 'B') decoded = base64_decode(text);
  if (encoding == 'Q') decoded = quoted_printable_decoded(text, true);
  if (!decoded) return std::nullopt;
  if (charset == "iso-8859-1" || charset == "latin1") decoded = latin1_to_utf8(*decoded);
  return EncodedWord{std::move(*decoded), end + 2};
}
}  // namespace

std::string decode_header_words(std::string_view value) {
  std::string out;
  std::string gap;  // the text since the last encoded word, not yet written
  bool after_word = false;
  for (std::size_t at = 0; at < value.size();) {
    const auto start = value.find("=?", at);
    if (start == std::string_view::npos) {
      gap += value.substr(at);
      break;
    }
    gap += value.substr(at, start - at);
    const auto word = encoded_word_at(value, start);
    if (!word) {
      gap += "=?";
      at = start + 2;
      continue;
    }
    if (!(after_word && trim(gap).empty())) out += gap;  // blanks between two words are dropped
    gap.clear();
    out += word->decoded;
    after_word = true;
    at = word->end;
  }
  return out + gap;
}

std::optional<ParsedMessage> parse_message(std::string_view raw) {
  const auto entity = split_entity(raw);
  if (!entity || entity->headers.empty()) return std::nullopt;
  ParsedMessage message;
  if (!read_entity(*entity, message, 0)) return std::nullopt;
  message.headers = entity->headers;
  if (const auto subject = message.headers.find("subject"); subject != message.headers.end())
    message.subject = decode_header_words(subject->second);
  return message;
}

}  // namespace tessera::mime
