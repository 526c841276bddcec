// Accounts cannot be enumerated (issue 14 item 7, OWASP ASVS 5.0 V6.3.8): with mail on, sign-up
// and invitations answer a taken email byte for byte as a new one, and the mail tells them
// apart — a confirmation link to a new email (which creates the account with its trial and
// opens a session, once, within 24 hours), a warning to the owner of a taken one (no account,
// no session). At most 3 such mails an hour per address. With mail off, today's answers stay.
#include <SQLiteCpp/SQLiteCpp.h>

#include "adapters/crypto.hpp"
#include "mail_fixture.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {

const std::string kPassword = "correct horse battery";

bool has_set_cookie(const ApiResponse& response) { return response.headers.find("Set-Cookie") != response.headers.end(); }

ApiResponse login(ApiClient& api, const std::string& email, const std::string& password = kPassword) {
  return api.post("/api/v1/auth/login", {{"email", email}, {"password", password}});
}
ApiResponse login(ApiClient&& api, const std::string& email, const std::string& password = kPassword) {
  return login(api, email, password);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signup_confirmation)

BOOST_FIXTURE_TEST_CASE(a_taken_email_gets_the_same_answer_as_a_new_one_and_its_owner_a_warning, MailFixture) {
  customer("ana@example.com", "es");
  staff("olga@tessera.test");
  ApiClient visitor = client();
  const auto taken = visitor.post("/api/v1/auth/signup", signup_body(" ANA@example.com ", "Mallory", "en"));
  const auto staff_email = visitor.post("/api/v1/auth/signup", signup_body("olga@tessera.test", "Mallory", "en"));
  const auto fresh = visitor.post("/api/v1/auth/signup", signup_body("new@example.com", "Nina New", "en"));
  BOOST_TEST(fresh.status == 202);
  BOOST_TEST(fresh.body == (json{{"status", "confirmation_sent"}}));
  for (const ApiResponse* answer : {&taken, &staff_email}) {
    BOOST_TEST(answer->status == fresh.status);
    BOOST_TEST(answer->raw == fresh.raw);
    BOOST_TEST(answer->headers.size() == fresh.headers.size());
  }
  for (const ApiResponse* answer : {&taken, &staff_email, &fresh}) BOOST_TEST(!has_set_cookie(*answer));
  BOOST_TEST(visitor.get("/api/v1/me").status == 401);  // no session for anyone yet

  BOOST_TEST(send().sent == 3);
  const auto warning = received("ana@example.com", "signup_account_exists");
  BOOST_TEST_REQUIRE(warning.size() == 1u);
  BOOST_TEST(warning[0].headers.at("content-language") == "es");  // the owner's language, not the form's
  BOOST_TEST(warning[0].text.find("/#/forgot-password") != std::string::npos);
  BOOST_TEST(warning[0].text.find("#signup-confirm=") == std::string::npos);
  BOOST_TEST(received("olga@tessera.test", "signup_account_exists").size() == 1u);
  const auto confirmation = received("new@example.com", "signup_confirmation");
  BOOST_TEST_REQUIRE(confirmation.size() == 1u);
  BOOST_TEST(confirmation[0].text.find("Nina New") != std::string::npos);

  // Nothing changed for the owner of the taken email; the new one has no account until confirmed.
  BOOST_TEST(login(client(), "ana@example.com").status == 200);
  BOOST_TEST(login(client(), "olga@tessera.test", "operator password").status == 200);
  BOOST_TEST(login(client(), "new@example.com").status == 401);
  SQLite::Database db(server.db_path());
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM users WHERE email = 'ana@example.com'").getInt() == 1);
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM users WHERE email = 'new@example.com'").getInt() == 0);
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM pending_signups WHERE used_at IS NULL").getInt() == 1);  // none for taken emails
}

BOOST_FIXTURE_TEST_CASE(the_confirmation_link_creates_the_account_with_its_trial_and_opens_a_session, MailFixture) {
  ApiClient zoe = client();
  BOOST_TEST_REQUIRE(zoe.post("/api/v1/auth/signup", signup_body("Zoe@Example.org", "Zoé", "fr")).status == 202);
  send();
  const auto mails = received("zoe@example.org", "signup_confirmation");
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].headers.at("content-language") == "fr");  // the language chosen on the form
  const std::string token = signup_token(mails[0]);
  BOOST_TEST(mails[0].text.find(server.server().config().public_url + "/#signup-confirm=" + token) != std::string::npos);

  // Stored: the token's SHA-256 and the Argon2id hash of the password, never either in clear.
  SQLite::Database db(server.db_path());
  SQLite::Statement row(db, "SELECT token_hash, password_hash, expires_at, created_at FROM pending_signups");
  BOOST_TEST_REQUIRE(row.executeStep());
  BOOST_TEST(row.getColumn(0).getString() == server::sha256_hex(token));
  BOOST_TEST(row.getColumn(1).getString().rfind("$argon2id$", 0) == 0u);
  BOOST_TEST(row.getColumn(1).getString().find(kPassword) == std::string::npos);
  BOOST_TEST(row.getColumn(2).getInt64() - row.getColumn(3).getInt64() == 24 * 3600);
  // The delivered confirmation mail's message (with its link) is erased from the outbox.
  BOOST_TEST(db.execAndGet("SELECT length(message) FROM mail_outbox WHERE kind = 'signup_confirmation'").getInt() == 0);

  ApiClient browser = client();  // the link opens in any browser
  const auto confirmed = browser.post("/api/v1/auth/signup/confirm", {{"token", token}});
  BOOST_TEST_REQUIRE(confirmed.status == 201);
  BOOST_TEST(has_set_cookie(confirmed));
  BOOST_TEST(confirmed.body["user"]["email"] == "zoe@example.org");
  BOOST_TEST(confirmed.body["user"]["name"] == "Zoé");
  BOOST_TEST(confirmed.body["user"]["language"] == "fr");
  BOOST_TEST(confirmed.body["user"]["account_owner"] == true);
  BOOST_TEST(confirmed.body["balances"]["trial_minutes_granted"] == 15);
  BOOST_TEST(confirmed.body["balances"]["trial_minutes_left"] == 15);
  const auto me = browser.get("/api/v1/me");
  BOOST_TEST(me.status == 200);
  BOOST_TEST(me.body["user"]["email"] == "zoe@example.org");
  BOOST_TEST(login(client(), "zoe@example.org").status == 200);  // the password typed at sign-up
  // The customer can use the trial at once.
  BOOST_TEST(browser.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}}).status == 201);
}

BOOST_FIXTURE_TEST_CASE(the_link_works_once_and_expires_after_24_hours, MailFixture) {
  ApiClient visitor = client();
  BOOST_TEST_REQUIRE(visitor.post("/api/v1/auth/signup", signup_body("once@example.com")).status == 202);
  BOOST_TEST_REQUIRE(visitor.post("/api/v1/auth/signup", signup_body("late@example.com")).status == 202);
  send();
  const std::string once = signup_token(received("once@example.com", "signup_confirmation").at(0));
  const std::string late = signup_token(received("late@example.com", "signup_confirmation").at(0));

  BOOST_TEST(client().post("/api/v1/auth/signup/confirm", {{"token", once}}).status == 201);
  ApiClient again = client();
  const auto used = again.post("/api/v1/auth/signup/confirm", {{"token", once}});
  BOOST_TEST(used.status == 410);
  BOOST_TEST(used.error_code() == "signup_link_used");
  BOOST_TEST(!has_set_cookie(used));
  BOOST_TEST(again.get("/api/v1/me").status == 401);

  server.advance_seconds(24 * 3600);
  const auto expired = client().post("/api/v1/auth/signup/confirm", {{"token", late}});
  BOOST_TEST(expired.status == 410);
  BOOST_TEST(expired.error_code() == "signup_link_expired");
  BOOST_TEST(login(client(), "late@example.com").status == 401);

  const auto unknown = client().post("/api/v1/auth/signup/confirm", {{"token", std::string(64, 'a')}});
  BOOST_TEST(unknown.status == 404);
  BOOST_TEST(unknown.error_code() == "signup_link_unknown");
  BOOST_TEST(client().post("/api/v1/auth/signup/confirm", {{"token", "not a token"}}).error_code() == "signup_link_unknown");
  BOOST_TEST(client().post("/api/v1/auth/signup/confirm", {{"token", once + "0"}}).error_code() == "signup_link_unknown");
  const auto missing = client().post("/api/v1/auth/signup/confirm", json::object());
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(missing.error_code() == "required");
  BOOST_TEST(client().post("/api/v1/auth/signup/confirm", {{"token", 42}}).error_code() == "invalid_type");
}

BOOST_FIXTURE_TEST_CASE(the_link_expires_after_24_hours_not_before, MailFixture) {
  BOOST_TEST_REQUIRE(client().post("/api/v1/auth/signup", signup_body("edge@example.com")).status == 202);
  send();
  const std::string token = signup_token(received("edge@example.com", "signup_confirmation").at(0));
  server.advance_seconds(24 * 3600 - 1);
  BOOST_TEST(client().post("/api/v1/auth/signup/confirm", {{"token", token}}).status == 201);
}

BOOST_FIXTURE_TEST_CASE(once_one_link_of_an_email_is_confirmed_its_other_links_stop_working, MailFixture) {
  BOOST_TEST_REQUIRE(client().post("/api/v1/auth/signup", signup_body("twice@example.com", "First")).status == 202);
  BOOST_TEST_REQUIRE(client().post("/api/v1/auth/signup", signup_body("twice@example.com", "Second")).status == 202);
  send();
  const auto mails = received("twice@example.com", "signup_confirmation");
  BOOST_TEST_REQUIRE(mails.size() == 2u);
  const auto second = client().post("/api/v1/auth/signup/confirm", {{"token", signup_token(mails[1])}});
  BOOST_TEST_REQUIRE(second.status == 201);
  BOOST_TEST(second.body["user"]["name"] == "Second");
  // The email has an account now: the other link answers as a used one, and makes none.
  const auto first = client().post("/api/v1/auth/signup/confirm", {{"token", signup_token(mails[0])}});
  BOOST_TEST(first.status == 410);
  BOOST_TEST(first.error_code() == "signup_link_used");
  SQLite::Database db(server.db_path());
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM users WHERE email = 'twice@example.com'").getInt() == 1);
}

BOOST_FIXTURE_TEST_CASE(an_email_that_got_an_account_meanwhile_makes_the_link_answer_as_used, MailFixture) {
  BOOST_TEST_REQUIRE(client().post("/api/v1/auth/signup", signup_body("race@example.com")).status == 202);
  send();
  const std::string token = signup_token(received("race@example.com", "signup_confirmation").at(0));
  server.create_staff("race@example.com", "operator password", "Race Operator");  // took the email meanwhile
  const auto answer = client().post("/api/v1/auth/signup/confirm", {{"token", token}});
  BOOST_TEST(answer.status == 410);
  BOOST_TEST(answer.error_code() == "signup_link_used");
  BOOST_TEST(!has_set_cookie(answer));
}

BOOST_FIXTURE_TEST_CASE(at_most_three_mails_an_hour_per_email_and_the_answer_stays_the_same, MailFixture) {
  customer("bomb@example.com");
  ApiClient visitor = client();
  std::vector<std::string> answers;
  for (int i = 0; i < 5; ++i) answers.push_back(visitor.post("/api/v1/auth/signup", signup_body("bomb@example.com")).raw);
  for (int i = 0; i < 5; ++i) answers.push_back(visitor.post("/api/v1/auth/signup", signup_body("new.bomb@example.com")).raw);
  for (const std::string& answer : answers) BOOST_TEST(answer == answers.front());
  send();
  BOOST_TEST(received("bomb@example.com", "signup_account_exists").size() == 3u);
  BOOST_TEST(received("new.bomb@example.com", "signup_confirmation").size() == 3u);
  SQLite::Database db(server.db_path());
  // None beyond the cap either (beside the confirmed one of bomb@, made by customer()).
  BOOST_TEST(db.execAndGet("SELECT COUNT(*) FROM pending_signups WHERE used_at IS NULL").getInt() == 3);
  // An hour after the last ones, one more of each.
  server.advance_seconds(3601);
  BOOST_TEST(visitor.post("/api/v1/auth/signup", signup_body("bomb@example.com")).raw == answers.front());
  BOOST_TEST(visitor.post("/api/v1/auth/signup", signup_body("new.bomb@example.com")).raw == answers.front());
  send();
  BOOST_TEST(received("bomb@example.com", "signup_account_exists").size() == 4u);
  BOOST_TEST(received("new.bomb@example.com", "signup_confirmation").size() == 4u);
}

BOOST_AUTO_TEST_CASE(sign_up_and_its_confirmation_stay_limited_per_address) {
  FakeSmtp smtp;
  TestServer server([&smtp](server::Config& config) {
    config.smtp.host = "127.0.0.1";
    config.smtp.port = smtp.port();
    config.smtp.security = "none";
    config.auth_attempts_per_minute = 3;
  });
  ApiClient visitor(server.port());
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(visitor.post("/api/v1/auth/signup", signup_body("limit" + std::to_string(i) + "@example.com")).status == 202);
  const auto limited = visitor.post("/api/v1/auth/signup", signup_body("limit3@example.com"));
  BOOST_TEST(limited.status == 429);
  BOOST_TEST(limited.error_code() == "rate_limited");
  BOOST_TEST(visitor.post("/api/v1/auth/signup/confirm", {{"token", std::string(64, 'c')}}).status == 429);
  server.advance_seconds(60);
  BOOST_TEST(visitor.post("/api/v1/auth/signup/confirm", {{"token", std::string(64, 'c')}}).status == 404);
}

BOOST_FIXTURE_TEST_CASE(invitations_answer_a_taken_email_as_a_new_one_and_mail_the_link, MailFixture) {
  ApiClient owner = customer("owner@example.com", "fr");
  customer("taken@example.com", "es");
  staff("olga@tessera.test");
  const auto fresh = owner.post("/api/v1/account/invitations", {{"email", "guest@example.com"}});
  const auto taken = owner.post("/api/v1/account/invitations", {{"email", "taken@example.com"}});
  const auto staff_email = owner.post("/api/v1/account/invitations", {{"email", "olga@tessera.test"}});
  BOOST_TEST(fresh.status == 201);
  BOOST_TEST(fresh.body == (json{{"status", "invitation_sent"}}));  // no link in the answer
  BOOST_TEST(taken.raw == fresh.raw);
  BOOST_TEST(taken.status == fresh.status);
  BOOST_TEST(staff_email.raw == fresh.raw);
  // The owner's list does not tell them apart either: each is a pending invitation.
  const auto people = owner.get("/api/v1/account/users");
  BOOST_TEST_REQUIRE(people.status == 200);
  BOOST_TEST_REQUIRE(people.body["invitations"].size() == 3u);
  for (const json& invitation : people.body["invitations"]) {
    BOOST_TEST(invitation["state"] == "pending");
    BOOST_TEST(!invitation.contains("link"));
  }

  send();
  const auto invitation = received("guest@example.com", "invitation");
  BOOST_TEST_REQUIRE(invitation.size() == 1u);
  std::smatch match;
  BOOST_TEST_REQUIRE(std::regex_search(invitation[0].text, match, std::regex("#invitation=([0-9a-f]{64})")));
  const std::string token = match[1].str();
  BOOST_TEST(client().get("/api/v1/invitations/" + token).status == 200);
  const auto warned = received("taken@example.com", "invitation_account_exists");
  BOOST_TEST_REQUIRE(warned.size() == 1u);
  BOOST_TEST(warned[0].headers.at("content-language") == "es");
  BOOST_TEST(warned[0].text.find("#invitation=") == std::string::npos);  // nothing to accept
  BOOST_TEST(warned[0].text.find("Ana Customer") != std::string::npos);  // who invited
  BOOST_TEST(received("taken@example.com", "invitation").empty());
  BOOST_TEST(received("olga@tessera.test", "invitation_account_exists").size() == 1u);

  // The guest accepts from the mailed link; the taken email's user is still only their own.
  const auto accepted = client().post("/api/v1/invitations/" + token + "/accept", {{"name", "Gael"}, {"password", kPassword}});
  BOOST_TEST(accepted.status == 201);
  const auto taken_me = [&] {
    ApiClient api = client();
    BOOST_TEST_REQUIRE(login(api, "taken@example.com").status == 200);
    return api.get("/api/v1/me");
  }();
  BOOST_TEST(taken_me.body["user"]["account_owner"] == true);
  BOOST_TEST(owner.get("/api/v1/account/users").body["users"].size() == 2u);  // the owner and Gael
}

BOOST_FIXTURE_TEST_CASE(invitations_to_a_taken_email_mail_its_owner_at_most_three_times_an_hour, MailFixture) {
  ApiClient owner = customer("owner@example.com");
  customer("taken@example.com");
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(owner.post("/api/v1/account/invitations", {{"email", "taken@example.com"}}).body ==
               (json{{"status", "invitation_sent"}}));
  send();
  BOOST_TEST(received("taken@example.com", "invitation_account_exists").size() == 3u);
}

BOOST_AUTO_TEST_CASE(without_mail_sign_up_and_invitations_answer_as_before) {
  TestServer server;  // no smtp_host: mail is off
  ApiClient owner(server.port());
  const auto signed_up = owner.post("/api/v1/auth/signup", signup_body("owner@example.com"));
  BOOST_TEST(signed_up.status == 201);  // the account and its session at once
  BOOST_TEST(signed_up.body["balances"]["trial_minutes_granted"] == 15);
  BOOST_TEST(owner.get("/api/v1/me").status == 200);
  const auto taken = ApiClient(server.port()).post("/api/v1/auth/signup", signup_body("owner@example.com"));
  BOOST_TEST(taken.status == 409);
  BOOST_TEST(taken.error_code() == "email_taken");
  const auto invited = owner.post("/api/v1/account/invitations", {{"email", "guest@example.com"}});
  BOOST_TEST(invited.status == 201);
  BOOST_TEST(invited.body["link"].get<std::string>().find("#invitation=") != std::string::npos);
  BOOST_TEST(owner.post("/api/v1/account/invitations", {{"email", "owner@example.com"}}).error_code() == "email_taken");
  // There is no confirmation to make: every link is unknown.
  BOOST_TEST(ApiClient(server.port()).post("/api/v1/auth/signup/confirm", {{"token", std::string(64, 'b')}}).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
