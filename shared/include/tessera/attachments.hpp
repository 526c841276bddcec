// Attachments of tickets (SPEC §1.8: "optional attachments (images, logs; size-limited)").
// The type is read from the file's first bytes — what the client claims is not trusted —
// and only images, PDF and plain text (logs) are accepted; names are made safe to serve
// as a download.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/result.hpp"

namespace tessera {

inline constexpr std::int64_t kMaxAttachmentBytes = 5 * 1024 * 1024;
inline constexpr std::size_t kMaxAttachmentsPerTicket = 10;
inline constexpr std::size_t kMaxAttachmentNameBytes = 120;

// "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf" or
// "text/plain; charset=utf-8" (well-formed UTF-8 without NUL or control bytes other than
// tab, line feed, carriage return, form feed and escape); nothing for anything else.
std::optional<std::string_view> sniff_attachment_type(std::string_view bytes);

// Why this file cannot be attached to a ticket that already has `attachments_so_far`:
// "attachment_empty", "attachment_too_large" (params max), "unsupported_attachment_type",
// "too_many_attachments" (params max). Otherwise its content type.
Result<std::string> accept_attachment(std::string_view bytes, std::size_t attachments_so_far);

// A file name safe in a Content-Disposition header and on any file system: the last path
// component, with quotes, slashes, control and non-ASCII bytes replaced by '_', at most
// kMaxAttachmentNameBytes; "attachment" when nothing is left.
std::string safe_attachment_name(std::string_view requested);

}  // namespace tessera
