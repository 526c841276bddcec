// Attachments (SPEC §1.8): the type comes from the bytes, only images, PDF and text logs
// are accepted, sizes and counts are limited, names are safe to serve.
#include <boost/test/unit_test.hpp>

#include "tessera/attachments.hpp"

using namespace tessera;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(attachments)

BOOST_AUTO_TEST_CASE(the_type_is_read_from_the_first_bytes) {
  BOOST_TEST(*sniff_attachment_type("\x89PNG\r\n\x1a\n rest"s) == "image/png");
  BOOST_TEST(*sniff_attachment_type("\xFF\xD8\xFF\xE0 jfif"s) == "image/jpeg");
  BOOST_TEST(*sniff_attachment_type("GIF89a..."s) == "image/gif");
  BOOST_TEST(*sniff_attachment_type("RIFF\x10\0\0\0WEBPVP8 "s) == "image/webp");
  BOOST_TEST(*sniff_attachment_type("%PDF-1.7\n"s) == "application/pdf");
  BOOST_TEST(*sniff_attachment_type("2026-11-27 10:00 ERROR disk full\r\n\tat step 2\n\x1b[31mred\x1b[0m é"s) ==
             "text/plain; charset=utf-8");
  // HTML is text, but is only ever served as a text/plain download (never rendered).
  BOOST_TEST(*sniff_attachment_type("<html><script>alert(1)</script>") == "text/plain; charset=utf-8");
  BOOST_TEST(!sniff_attachment_type("MZ\x90\0\x03"s));             // a Windows executable
  BOOST_TEST(!sniff_attachment_type("PK\x03\x04zip"s));            // an archive
  BOOST_TEST(!sniff_attachment_type("text with a \0 NUL"s));        // binary
  BOOST_TEST(!sniff_attachment_type("bad UTF-8 \xC3\x28"s));
  BOOST_TEST(!sniff_attachment_type(""));
}

BOOST_AUTO_TEST_CASE(size_and_count_are_limited) {
  BOOST_TEST(accept_attachment("", 0).error().code == "attachment_empty");
  const std::string largest(static_cast<std::size_t>(kMaxAttachmentBytes), 'a');
  BOOST_TEST(*accept_attachment(largest, 0) == "text/plain; charset=utf-8");
  const auto too_large = accept_attachment(largest + "a", 0);
  BOOST_TEST(too_large.error().code == "attachment_too_large");
  BOOST_TEST(too_large.error().params.at("max") == "5242880");
  BOOST_TEST(accept_attachment("log", kMaxAttachmentsPerTicket - 1).ok());
  BOOST_TEST(accept_attachment("log", kMaxAttachmentsPerTicket).error().code == "too_many_attachments");
  BOOST_TEST(accept_attachment("MZ\x90\0"s, 0).error().code == "unsupported_attachment_type");
}

BOOST_AUTO_TEST_CASE(names_are_made_safe) {
  BOOST_TEST(safe_attachment_name("screenshot 1.png") == "screenshot 1.png");
  BOOST_TEST(safe_attachment_name("C:\\Users\\ana\\boot.log") == "boot.log");
  BOOST_TEST(safe_attachment_name("../../etc/passwd") == "passwd");
  BOOST_TEST(safe_attachment_name("a\"b;c%0d\r\n.txt") == "a_b_c_0d__.txt");
  BOOST_TEST(safe_attachment_name("résumé.pdf") == "r__sum__.pdf");
  BOOST_TEST(safe_attachment_name("...") == "attachment");
  BOOST_TEST(safe_attachment_name("") == "attachment");
  BOOST_TEST(safe_attachment_name(std::string(500, 'x')).size() == kMaxAttachmentNameBytes);
}

BOOST_AUTO_TEST_SUITE_END()
