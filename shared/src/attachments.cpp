// Attachments: type sniffing, limits and safe names (see attachments.hpp).
#include "tessera/attachments.hpp"

#include "wire_fields.hpp"

namespace tessera {

namespace {
bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

bool is_plain_text(std::string_view bytes) {
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != 0x1B) return false;
    if (byte == 0x7F) return false;
  }
  return wire::fields::is_valid_utf8(bytes);
}
}  // namespace

std::optional<std::string_view> sniff_attachment_type(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n"sv)) return "image/png";
  if (starts_with(bytes, "\xFF\xD8\xFF"sv)) return "image/jpeg";
  if (starts_with(bytes, "GIF87a"sv) || starts_with(bytes, "GIF89a"sv)) return "image/gif";
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) return "image/webp";
  if (starts_with(bytes, "%PDF-"sv)) return "application/pdf";
  if (!bytes.empty() && is_plain_text(bytes)) return "text/plain; charset=utf-8";
  return std::nullopt;
}

Result<std::string> accept_attachment(std::string_view bytes, std::size_t attachments_so_far) {
  if (bytes.empty()) return make_error("attachment_empty");
  if (static_cast<std::int64_t>(bytes.size()) > kMaxAttachmentBytes)
    return Error{"attachment_too_large", "", {{"max", std::to_string(kMaxAttachmentBytes)}}};
  if (attachments_so_far >= kMaxAttachmentsPerTicket)
    return Error{"too_many_attachments", "", {{"max", std::to_string(kMaxAttachmentsPerTicket)}}};
  const auto type = sniff_attachment_type(bytes);
  if (!type) return make_error("unsupported_attachment_type");
  return std::string(*type);
}

std::string safe_attachment_name(std::string_view requested) {
  const auto slash = requested.find_last_of("/\\");
  if (slash != std::string_view::npos) requested.remove_prefix(slash + 1);
  std::string name;
  for (const char c : requested) {
    const auto byte = static_cast<unsigned char>(c);
    const bool safe = byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
    name.push_back(safe ? c : '_');
    if (name.size() == kMaxAttachmentNameBytes) break;
  }
  const auto first = name.find_first_not_of(". ");
  name = first == std::string::npos ? std::string() : name.substr(first);
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
  return name.empty() ? std::string("attachment") : name;
}

}  // namespace tessera
