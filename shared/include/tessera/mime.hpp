// The Internet message that carries a mail (RFC 5322 + MIME 1.0): headers, a
// multipart/alternative of text and HTML, attachments in a multipart/mixed — and the parser
// that reads such a message back, for tests and the fake SMTP server. Pure, deterministic
// (the boundaries derive from the Message-ID), no clock: the caller gives the date.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/units.hpp"

namespace tessera::mime {

struct Attachment { std::string filename; std::string content_type; std::string bytes; };

struct OutgoingMail {
  std::string from;        // "Tessera <no-reply@example.com>"
  std::string to;          // a bare address
  std::string subject;     // UTF-8
  std::string text;        // UTF-8 plain text
  std::string html;        // UTF-8 HTML
  std::vector<Attachment> attachments;
  std::string message_id;  // "<17.a3f9c2@example.com>" — given by the caller (kept across retries)
  Instant date = 0;        // the Date header (RFC 5322, UTC "+0000")
  std::string language;    // "fr" | "en" | "es": a Content-Language header
};

// RFC 5322 + MIME 1.0 with CRLF line ends: From, To, Subject (RFC 2047 =?UTF-8?B?...?= when
// not plain ASCII, folded under 78 chars), Date, Message-ID, MIME-Version, Content-Language,
// Auto-Submitted: auto-generated; multipart/alternative (text/plain then text/html, both
// charset=UTF-8, line ends made CR LF before Content-Transfer-Encoding: base64, lines of 76) inside multipart/mixed when
// there are attachments (base64, Content-Disposition: attachment; filename=...). Boundaries
// hold "=_", which base64 never writes. CR/LF in any header value is removed (no header
// injection); a display name with specials is quoted, one that is not ASCII encoded.
std::string build_message(const OutgoingMail& mail);

// The inverse: headers (names lower-cased, values unfolded, encoded words decoded for
// subject), the decoded text and html parts (line ends back to "\n") and attachments. Reads base64, quoted-printable,
// 7bit and 8bit parts, CRLF or bare LF line ends. nullopt when it is not such a message.
struct ParsedMessage {
  std::map<std::string, std::string> headers;
  std::string subject;
  std::string text;
  std::string html;
  std::vector<Attachment> attachments;
};
std::optional<ParsedMessage> parse_message(std::string_view raw);

// [SECTION] The pieces, public for tests and for other callers.
// "Thu, 03 Dec 2026 17:20:00 +0000"
std::string rfc5322_date(Instant at);
// Base64 (RFC 4648) with lines of `line_length` characters separated by CRLF (0: one line).
std::string base64_encode(std::string_view bytes, std::size_t line_length = 0);
// Ignores CR, LF, spaces and tabs; nullopt on any other character outside the alphabet or bad padding.
std::optional<std::string> base64_decode(std::string_view text);
// RFC 2047 encoded words (B and Q) in a header value decoded to UTF-8; the blanks between two
// adjacent encoded words dropped. Text that is no encoded word stays as it is.
std::string decode_header_words(std::string_view value);

}  // namespace tessera::mime
