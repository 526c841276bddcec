// The mail tests' fixture: a real server on loopback whose SMTP server is the fake one
// (tests/support/fake_smtp), with helpers to send the outbox, read what the fake accepted,
// and sign up through the confirmation link (with mail on, sign-up is confirmed by mail).
#pragma once
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "fake_smtp.hpp"
#include "fixtures.hpp"
#include "tessera/mime.hpp"

namespace tessera::testing {

inline std::string signup_token(const mime::ParsedMessage& mail) {
  std::smatch match;
  BOOST_TEST_REQUIRE(std::regex_search(mail.text, match, std::regex("#signup-confirm=([0-9a-f]{64})")));
  return match[1].str();
}

struct MailFixture {
  FakeSmtp smtp;
  TestServer server{[this](server::Config& config) {
    config.smtp.host = "127.0.0.1";
    config.smtp.port = smtp.port();
    config.smtp.security = "none";
    config.smtp.timeout_seconds = 5;
    config.smtp.from = "Tessera Support <support@tessera.test>";
  }};

  ApiClient client() { return ApiClient(server.port()); }
  // A customer signed up through the confirmation link (mail is on); the confirmation mail is
  // then forgotten by the fake, so each test counts the mails of what it does.
  ApiClient customer(const std::string& email, const std::string& language = "en") {
    ApiClient api = client();
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email, "Ana Customer", language)).status == 202);
    BOOST_TEST_REQUIRE(send().sent == 1);
    const auto mails = received(email, "signup_confirmation");
    BOOST_TEST_REQUIRE(mails.size() == 1u);
    const auto confirmed = api.post("/api/v1/auth/signup/confirm", {{"token", signup_token(mails[0])}});
    BOOST_TEST_REQUIRE(confirmed.status == 201);
    smtp.forget_mails();
    return api;
  }
  ApiClient staff(const std::string& email, const std::string& role = "operator", const std::string& languages = "fr,en,es") {
    server.create_staff(email, "operator password", "Olga Operator", role, languages);
    ApiClient api = client();
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "operator password"}}).status == 200);
    return api;
  }
  server::MailWorkerReport send() { return server.server().mail_worker().run_once(); }
  // Every mail the fake accepted, parsed.
  std::vector<mime::ParsedMessage> received() const {
    std::vector<mime::ParsedMessage> mails;
    for (const FakeSmtp::Mail& mail : smtp.mails()) {
      auto parsed = mime::parse_message(mail.data);
      BOOST_TEST_REQUIRE(parsed.has_value());
      mails.push_back(std::move(*parsed));
    }
    return mails;
  }
  // The mails of one kind that went to `to` (the outbox's kind, the message's To).
  std::vector<mime::ParsedMessage> received(const std::string& to, const std::string& kind) {
    std::vector<std::string> ids;
    for (const server::MailRecord& mail : server.server().store().mails("", 500))
      if (mail.recipient == to && mail.kind == kind) ids.push_back(mail.message_id);
    std::vector<mime::ParsedMessage> mails;
    for (const auto& mail : received())
      if (std::find(ids.begin(), ids.end(), mail.headers.at("message-id")) != ids.end()) mails.push_back(mail);
    return mails;
  }
};

inline std::string reset_token(const mime::ParsedMessage& mail) {
  std::smatch match;
  BOOST_TEST_REQUIRE(std::regex_search(mail.text, match, std::regex("#password-reset=([0-9a-f]{64})")));
  BOOST_TEST(mail.html.find(match[1].str()) != std::string::npos);
  return match[1].str();
}


}  // namespace tessera::testing
