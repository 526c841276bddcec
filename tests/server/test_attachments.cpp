// Attachments of tickets (SPEC §1.8): raw bytes up to 5 MiB, the type read from the bytes
// (images, PDF, text logs), downloads served as attachments with nosniff and a sandbox, and
// nobody outside the ticket's readers gets them.
#include "fixtures.hpp"

#include "tessera/attachments.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;
using namespace std::string_literals;

namespace {
const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake pixels"s;

std::string attachments_path(Id ticket, const std::string& filename) {
  return "/api/v1/tickets/" + std::to_string(ticket) + "/attachments?filename=" + filename;
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(attachments, ServerFixture)

BOOST_AUTO_TEST_CASE(a_screenshot_is_attached_listed_and_downloaded_as_an_attachment) {
  ApiClient ana = customer("ana@example.com");
  const Id ticket = open_ticket(ana);
  // The client says text/plain; the bytes say PNG: the bytes win.
  const auto added = ana.post_bytes(attachments_path(ticket, "screen%20shot.png"), kPng, "text/plain");
  BOOST_TEST_REQUIRE(added.status == 201);
  const json& attachment = added.body["attachments"][0];
  BOOST_TEST(attachment["filename"] == "screen shot.png");
  BOOST_TEST(attachment["content_type"] == "image/png");
  BOOST_TEST(attachment["size"] == kPng.size());
  BOOST_TEST(attachment["uploaded_by"] == "Ana Customer");
  BOOST_TEST(added.body["timeline"].back()["kind"] == "attachment");
  BOOST_TEST(added.body["timeline"].back()["body"] == "screen shot.png");

  // The operator downloads it: the same bytes, never rendered inline.
  ApiClient olga = staff("olga@tessera.test");
  const std::string url = "/api/v1/tickets/" + std::to_string(ticket) + "/attachments/" +
                          std::to_string(attachment["id"].get<Id>());
  const auto download = olga.get(url);
  BOOST_TEST(download.status == 200);
  BOOST_TEST(download.raw == kPng);
  BOOST_TEST(download.headers.find("Content-Type")->second == "image/png");
  BOOST_TEST(download.headers.find("Content-Disposition")->second == "attachment; filename=\"screen shot.png\"");
  BOOST_TEST(download.headers.find("X-Content-Type-Options")->second == "nosniff");
  BOOST_TEST(download.headers.find("Content-Security-Policy")->second == "sandbox; default-src 'none'");
  BOOST_TEST(download.headers.count("Content-Security-Policy") == 1);

  // Another customer learns nothing; a wrong ticket/attachment pair is not found either.
  ApiClient zoe = customer("zoe@example.com");
  BOOST_TEST(zoe.get(url).status == 404);
  BOOST_TEST(zoe.post_bytes(attachments_path(ticket, "x.log"), "hello", "text/plain").status == 404);
  const Id other = open_ticket(ana, "key-2", "Another issue");
  BOOST_TEST(ana.get("/api/v1/tickets/" + std::to_string(other) + "/attachments/" +
                     std::to_string(attachment["id"].get<Id>()))
                 .status == 404);
  BOOST_TEST(new_client().get(url).status == 401);
}

BOOST_AUTO_TEST_CASE(types_sizes_and_counts_are_limited_and_nothing_stored_is_lost) {
  ApiClient ana = customer("ana@example.com");
  const Id ticket = open_ticket(ana);
  const auto exe = ana.post_bytes(attachments_path(ticket, "setup.exe"), "MZ\x90\0\x03\0\0\0"s, "application/octet-stream");
  BOOST_TEST(exe.status == 415);
  BOOST_TEST(exe.error_code() == "unsupported_attachment_type");
  const auto empty = ana.post_bytes(attachments_path(ticket, "empty.log"), "", "text/plain");
  BOOST_TEST(empty.status == 400);
  BOOST_TEST(empty.error_code() == "attachment_empty");
  const std::string too_big(static_cast<std::size_t>(kMaxAttachmentBytes) + 1, 'a');
  const auto large = ana.post_bytes(attachments_path(ticket, "huge.log"), too_big, "text/plain");
  BOOST_TEST(large.status == 413);
  // The largest allowed log passes; so do nine more, then the eleventh is refused.
  const std::string largest(static_cast<std::size_t>(kMaxAttachmentBytes), 'a');
  BOOST_TEST(ana.post_bytes(attachments_path(ticket, "big.log"), largest, "text/plain").status == 201);
  for (std::size_t n = 1; n < kMaxAttachmentsPerTicket; ++n)
    BOOST_TEST(ana.post_bytes(attachments_path(ticket, "log" + std::to_string(n) + ".txt"), "line\n", "text/plain").status == 201);
  const auto eleventh = ana.post_bytes(attachments_path(ticket, "more.txt"), "line\n", "text/plain");
  BOOST_TEST(eleventh.status == 409);
  BOOST_TEST(eleventh.error_code() == "too_many_attachments");
  const auto detail = ana.get("/api/v1/tickets/" + std::to_string(ticket));
  BOOST_TEST(detail.body["attachments"].size() == kMaxAttachmentsPerTicket);
  BOOST_TEST(detail.body["attachments"][0]["size"] == kMaxAttachmentBytes);
  // The big one comes back whole.
  const auto back = ana.get("/api/v1/tickets/" + std::to_string(ticket) + "/attachments/" +
                            std::to_string(detail.body["attachments"][0]["id"].get<Id>()));
  BOOST_TEST(back.raw == largest);
}

BOOST_AUTO_TEST_CASE(json_bodies_stay_small_and_closed_tickets_take_no_attachment) {
  ApiClient ana = customer("ana@example.com");
  // The attachment allowance does not widen the other routes: 64 KiB of JSON at most.
  const std::string subject(70 * 1024, 'x');
  const auto large = ana.post("/api/v1/tickets", ticket_body(subject), {{"Idempotency-Key", "big"}});
  BOOST_TEST(large.status == 413);
  BOOST_TEST(large.error_code() == "body_too_large");
  const Id ticket = open_ticket(ana);
  BOOST_TEST(ana.post("/api/v1/tickets/" + std::to_string(ticket) + "/actions", {{"action", "withdraw"}}).status == 200);
  const auto closed = ana.post_bytes(attachments_path(ticket, "late.log"), "too late\n", "text/plain");
  BOOST_TEST(closed.status == 409);
  BOOST_TEST(closed.error_code() == "ticket_closed");
}

BOOST_AUTO_TEST_SUITE_END()
