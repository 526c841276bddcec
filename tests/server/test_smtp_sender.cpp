// SmtpSender against the fake SMTP server (tests/support/fake_smtp.hpp) on loopback, with
// security "none": what arrives (envelope and bytes), AUTH, and how each failure is classified
// (temporary: try again later; permanent: give up). Then the configuration checks, the sender's
// address, and a throughput figure (printed, not asserted).
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "adapters/smtp_sender.hpp"
#include "fake_smtp.hpp"

using namespace tessera::server;
using tessera::testing::FakeSmtp;
using Kind = SmtpOutcome::Kind;

namespace {

SmtpConfig config_for(const FakeSmtp& fake, std::string username = "", std::string password = "") {
  SmtpConfig config;
  config.host = "127.0.0.1";
  config.port = fake.port();
  config.security = "none";
  config.username = std::move(username);
  config.password = std::move(password);
  config.from = "Tessera Support <support@tessera.test>";
  config.timeout_seconds = 5;
  return config;
}

// A line starting with '.', and one that is a lone '.', which the wire must carry stuffed.
const std::string kMessage =
    "From: Tessera Support <support@tessera.test>\r\n"
    "To: ana@example.com\r\n"
    "Subject: Your ticket #12\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Hello Ana,\r\n"
    ".dotted line stays dotted\r\n"
    ".\r\n"
    "..two dots\r\n"
    "Accents: é à ñ\r\n";

std::string kind_name(Kind kind) {
  return kind == Kind::sent ? "sent" : kind == Kind::temporary ? "temporary" : "permanent";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(smtp_sender)

BOOST_AUTO_TEST_CASE(an_accepted_mail_arrives_with_its_envelope_and_its_bytes_unstuffed) {
  FakeSmtp fake;
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "sent");
  BOOST_TEST(outcome.reply_code == 250);
  BOOST_TEST(outcome.reason == "250 2.0.0 Ok: queued as 1");
  BOOST_REQUIRE(fake.wait_for_mails(1, std::chrono::seconds(5)));
  const auto mails = fake.mails();
  BOOST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].envelope_from == "support@tessera.test");
  BOOST_TEST(mails[0].recipients == std::vector<std::string>{"ana@example.com"}, boost::test_tools::per_element());
  BOOST_TEST(mails[0].data == kMessage);
  BOOST_TEST(fake.attempts() == 1u);
}

BOOST_AUTO_TEST_CASE(a_recipient_written_with_a_name_is_sent_to_its_address) {
  FakeSmtp fake;
  SmtpSender sender(config_for(fake));
  BOOST_TEST(kind_name(sender.send("Ana Lima <ana@example.com>", kMessage).kind) == "sent");
  BOOST_REQUIRE(fake.wait_for_mails(1, std::chrono::seconds(5)));
  BOOST_TEST(fake.mails()[0].recipients.at(0) == "ana@example.com");
}

BOOST_AUTO_TEST_CASE(auth_with_the_right_credentials_sends) {
  FakeSmtp fake("mailer", "s3cret");
  SmtpSender sender(config_for(fake, "mailer", "s3cret"));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "sent", outcome.reason);
  BOOST_TEST(fake.mails().size() == 1u);
}

BOOST_AUTO_TEST_CASE(auth_with_wrong_credentials_is_permanent_with_535) {
  FakeSmtp fake("mailer", "s3cret");
  SmtpSender sender(config_for(fake, "mailer", "wrong"));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "permanent");
  BOOST_TEST(outcome.reply_code == 535);
  BOOST_TEST(outcome.reason == "535 5.7.8 Authentication credentials invalid");
  BOOST_TEST(fake.attempts() == 0u);
}

BOOST_AUTO_TEST_CASE(no_credentials_where_the_server_requires_them_is_permanent_with_530) {
  FakeSmtp fake("mailer", "s3cret");
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "permanent");
  BOOST_TEST(outcome.reply_code == 530);
}

BOOST_AUTO_TEST_CASE(a_451_after_data_is_temporary_with_its_code_and_reason) {
  FakeSmtp fake;
  fake.set_mode(FakeSmtp::Mode::refuse_temporary);
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "temporary");
  BOOST_TEST(outcome.reply_code == 451);
  BOOST_TEST(outcome.reason == "451 4.3.0 Try again later");
  BOOST_TEST(fake.attempts() == 1u);
  BOOST_TEST(fake.mails().empty());
}

BOOST_AUTO_TEST_CASE(a_554_after_data_is_permanent) {
  FakeSmtp fake;
  fake.set_mode(FakeSmtp::Mode::refuse_permanent);
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "permanent");
  BOOST_TEST(outcome.reply_code == 554);
  BOOST_TEST(outcome.reason == "554 5.7.1 Message refused");
}

BOOST_AUTO_TEST_CASE(a_connection_dropped_after_data_is_temporary) {
  FakeSmtp fake;
  fake.set_mode(FakeSmtp::Mode::drop);
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "temporary");
  BOOST_TEST(outcome.reply_code == 0);
  BOOST_TEST(outcome.reason.find("may have been delivered") != std::string::npos, outcome.reason);
  BOOST_TEST(fake.attempts() == 1u);
}

BOOST_AUTO_TEST_CASE(a_server_that_is_down_is_temporary_and_mail_goes_again_once_it_is_up) {
  FakeSmtp fake;
  SmtpSender sender(config_for(fake));
  fake.stop_listening();
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "temporary");
  BOOST_TEST(outcome.reply_code == 0);
  BOOST_TEST(outcome.reason == "connection refused");
  BOOST_REQUIRE(fake.start_listening());
  BOOST_TEST(kind_name(sender.send("ana@example.com", kMessage).kind) == "sent");
  BOOST_TEST(fake.mails().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_450_at_rcpt_is_temporary) {
  FakeSmtp fake;
  fake.set_mode(FakeSmtp::Mode::reject_rcpt_temporary);
  SmtpSender sender(config_for(fake));
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "temporary");
  BOOST_TEST(outcome.reply_code == 450);
  BOOST_TEST(outcome.reason == "450 4.2.1 Mailbox busy, try again later");
  BOOST_TEST(fake.attempts() == 0u);
}

// A server that takes the connection (the kernel's backlog) but never greets.
BOOST_AUTO_TEST_CASE(a_server_that_never_answers_is_temporary_after_the_timeout) {
  const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  BOOST_REQUIRE(::listen(silent, 4) == 0);
  socklen_t length = sizeof address;
  ::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length);
  SmtpConfig config;
  config.host = "127.0.0.1";
  config.port = ntohs(address.sin_port);
  config.security = "none";
  config.timeout_seconds = 1;
  const SmtpOutcome outcome = SmtpSender(config).send("ana@example.com", kMessage);
  ::close(silent);
  BOOST_TEST(kind_name(outcome.kind) == "temporary");
  BOOST_TEST(outcome.reason == "timeout after 1 s");
}

// "starttls" means required: a server that does not offer it gets nothing, never the mail in
// clear. Permanent, because the same server answers the same way until the configuration
// changes (the admin resends from the outbox then).
BOOST_AUTO_TEST_CASE(starttls_against_a_server_without_it_is_permanent_and_sends_nothing) {
  FakeSmtp fake;
  SmtpConfig config = config_for(fake);
  config.security = "starttls";
  SmtpSender sender(config);
  const SmtpOutcome outcome = sender.send("ana@example.com", kMessage);
  BOOST_TEST(kind_name(outcome.kind) == "permanent");
  BOOST_TEST(outcome.reason.find("STARTTLS") != std::string::npos, outcome.reason);
  BOOST_TEST(fake.attempts() == 0u);
}

BOOST_AUTO_TEST_CASE(an_invalid_recipient_is_permanent_and_never_reaches_the_server) {
  FakeSmtp fake;
  SmtpSender sender(config_for(fake));
  for (const char* recipient : {"", "no-at-sign", "ana@example.com>\r\nRCPT TO:<eve@example.com", "a b@example.com"}) {
    const SmtpOutcome outcome = sender.send(recipient, kMessage);
    BOOST_TEST(kind_name(outcome.kind) == "permanent", recipient);
  }
  BOOST_TEST(fake.attempts() == 0u);
}

BOOST_AUTO_TEST_CASE(check_config_names_the_field_at_fault) {
  struct Row {
    const char* name;
    void (*change)(SmtpConfig&);
    const char* field;  // "" = valid
  };
  const Row rows[] = {
      {"the defaults with a host", [](SmtpConfig&) {}, ""},
      {"no host: mail off, still valid", [](SmtpConfig& c) { c.host.clear(); }, ""},
      {"security tls", [](SmtpConfig& c) { c.security = "tls"; }, ""},
      {"security none", [](SmtpConfig& c) { c.security = "none"; }, ""},
      {"a bare from address", [](SmtpConfig& c) { c.from = "mail@tessera.test"; }, ""},
      {"security ssl", [](SmtpConfig& c) { c.security = "ssl"; }, "smtp_security"},
      {"security in capitals", [](SmtpConfig& c) { c.security = "STARTTLS"; }, "smtp_security"},
      {"port 0", [](SmtpConfig& c) { c.port = 0; }, "smtp_port"},
      {"port 65536", [](SmtpConfig& c) { c.port = 65536; }, "smtp_port"},
      {"timeout 0", [](SmtpConfig& c) { c.timeout_seconds = 0; }, "smtp_timeout_seconds"},
      {"a host with a path", [](SmtpConfig& c) { c.host = "smtp.example.com/x"; }, "smtp_host"},
      {"from without an address", [](SmtpConfig& c) { c.from = "Tessera"; }, "mail_from"},
      {"from with an empty address", [](SmtpConfig& c) { c.from = "Tessera <>"; }, "mail_from"},
      {"from with a line break", [](SmtpConfig& c) { c.from = "Tessera\r\nBcc: x@y.z <a@b.c>"; }, "mail_from"},
  };
  for (const Row& row : rows) {
    SmtpConfig config;
    config.host = "smtp.example.com";
    row.change(config);
    const auto checked = SmtpSender(config).check_config();
    if (*row.field == '\0') {
      BOOST_TEST(checked.ok(), row.name);
    } else {
      BOOST_TEST_REQUIRE(!checked.ok(), row.name);
      BOOST_TEST(checked.error().code == "smtp_invalid_config", row.name);
      BOOST_TEST(checked.error().field == row.field, row.name);
    }
  }
}

BOOST_AUTO_TEST_CASE(mail_address_of_takes_the_address_inside_the_brackets) {
  const std::pair<const char*, const char*> rows[] = {
      {"Tessera <a@b.c>", "a@b.c"},
      {"a@b.c", "a@b.c"},
      {"  a@b.c  ", "a@b.c"},
      {"\"Support, Tessera\" <support@tessera.test>", "support@tessera.test"},
      {"Tessera < a@b.c >", "a@b.c"},
      {"Tessera", ""},
      {"Tessera <>", ""},
      {"Tessera <a@b.c", ""},
      {"@b.c", ""},
      {"a@", ""},
      {"", ""},
  };
  for (const auto& [from, address] : rows) BOOST_TEST(mail_address_of(from) == address, from);
}

BOOST_AUTO_TEST_CASE(throughput_of_sequential_sends_to_the_fake) {
  FakeSmtp fake;
  SmtpSender sender(config_for(fake));
  constexpr int kMails = 200;
  const auto started = std::chrono::steady_clock::now();
  int sent = 0;
  for (int i = 0; i < kMails; ++i)
    if (sender.send("ana@example.com", kMessage).kind == Kind::sent) ++sent;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  BOOST_TEST(sent == kMails);
  BOOST_TEST(fake.mails().size() == static_cast<std::size_t>(kMails));
  BOOST_TEST_MESSAGE("smtp: " << kMails << " mails sequentially in " << seconds << " s = "
                              << static_cast<long>(kMails / seconds * 60) << " mails/minute (loopback fake, one connection each)");
}

BOOST_AUTO_TEST_SUITE_END()
