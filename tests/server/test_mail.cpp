// Email (SPEC §1.13) through the API, against a real SMTP conversation with the fake SMTP
// server on loopback: password reset by a one-time link (once, one hour, ends sessions, the
// same answer for an unknown email), the outbox (never sent for a rolled-back change, retried
// while the SMTP server is down, failed on a 5xx and sent again by the admin), the mails of
// tickets, invitations and buying in the recipient's language, and each customer's opt-outs.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "app/unit_of_work.hpp"
#include "mail_fixture.hpp"
#include "process.hpp"
#include "store/sqlite_store.hpp"
#include "tessera/mime.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;


BOOST_AUTO_TEST_SUITE(mail)

BOOST_FIXTURE_TEST_CASE(password_reset_link_works_once_and_ends_every_session, MailFixture) {
  ApiClient ana = customer("ana@example.com", "fr");
  ApiClient other_device = client();
  BOOST_TEST_REQUIRE(other_device.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 200);

  ApiClient visitor = client();
  const auto asked = visitor.post("/api/v1/auth/password-reset", {{"email", " Ana@Example.com "}});
  BOOST_TEST(asked.status == 202);
  BOOST_TEST(send().sent == 1);
  const auto mails = received();
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].headers.at("to").find("ana@example.com") != std::string::npos);
  BOOST_TEST(mails[0].headers.at("content-language") == "fr");
  BOOST_TEST(!mails[0].subject.empty());
  BOOST_TEST(smtp.mails()[0].recipients == std::vector<std::string>{"ana@example.com"});
  BOOST_TEST(smtp.mails()[0].envelope_from == "support@tessera.test");
  const std::string token = reset_token(mails[0]);
  // Only the token's digest is stored, and the delivered message is erased from the outbox.
  BOOST_TEST(!server.server().store().password_reset(token).has_value());

  const auto checked = visitor.get("/api/v1/auth/password-reset/" + token);
  BOOST_TEST(checked.status == 200);
  BOOST_TEST(checked.body["expires_at"].get<Instant>() == server.now() + 3600);

  const auto too_short = visitor.post("/api/v1/auth/password-reset/" + token, {{"password", "short"}});
  BOOST_TEST(too_short.status == 400);
  BOOST_TEST(too_short.error_code() == "password_too_short");

  const auto reset = visitor.post("/api/v1/auth/password-reset/" + token, {{"password", "a brand new passphrase"}});
  BOOST_TEST(reset.status == 204);
  BOOST_TEST(ana.get("/api/v1/me").status == 401);           // every session ended
  BOOST_TEST(other_device.get("/api/v1/me").status == 401);
  BOOST_TEST(client().post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 401);
  BOOST_TEST(client().post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "a brand new passphrase"}}).status == 200);

  const auto again = visitor.post("/api/v1/auth/password-reset/" + token, {{"password", "yet another passphrase"}});
  BOOST_TEST(again.status == 410);
  BOOST_TEST(again.error_code() == "reset_link_used");
  BOOST_TEST(visitor.get("/api/v1/auth/password-reset/" + token).error_code() == "reset_link_used");
  BOOST_TEST(visitor.get("/api/v1/auth/password-reset/" + std::string(64, 'a')).status == 404);
}

BOOST_FIXTURE_TEST_CASE(password_reset_link_expires_after_an_hour, MailFixture) {
  customer("bob@example.com");
  ApiClient visitor = client();
  BOOST_TEST(visitor.post("/api/v1/auth/password-reset", {{"email", "bob@example.com"}}).status == 202);
  send();
  const std::string token = reset_token(received().at(0));
  server.advance_seconds(3599);
  BOOST_TEST(visitor.get("/api/v1/auth/password-reset/" + token).status == 200);
  server.advance_seconds(1);
  const auto expired = visitor.post("/api/v1/auth/password-reset/" + token, {{"password", "a brand new passphrase"}});
  BOOST_TEST(expired.status == 410);
  BOOST_TEST(expired.error_code() == "reset_link_expired");
  BOOST_TEST(client().post("/api/v1/auth/login", {{"email", "bob@example.com"}, {"password", "correct horse battery"}}).status == 200);
}

BOOST_FIXTURE_TEST_CASE(password_reset_answer_never_tells_whether_the_email_has_an_account, MailFixture) {
  customer("known@example.com");
  ApiClient visitor = client();
  const auto known = visitor.post("/api/v1/auth/password-reset", {{"email", "known@example.com"}});
  const auto unknown = visitor.post("/api/v1/auth/password-reset", {{"email", "nobody@example.com"}});
  BOOST_TEST(known.status == unknown.status);
  BOOST_TEST(known.raw == unknown.raw);
  BOOST_TEST(known.status == 202);
  send();
  BOOST_TEST(received().size() == 1u);  // only the account's owner gets a mail
  // Three mails an hour at most per account; the answer stays the same.
  for (int i = 0; i < 3; ++i) BOOST_TEST(visitor.post("/api/v1/auth/password-reset", {{"email", "known@example.com"}}).raw == known.raw);
  send();
  BOOST_TEST(received().size() == 3u);
  const auto invalid = visitor.post("/api/v1/auth/password-reset", {{"email", "not an email"}});
  BOOST_TEST(invalid.status == 400);
  BOOST_TEST(invalid.error_code() == "invalid_email");
}

BOOST_FIXTURE_TEST_CASE(a_mail_written_in_a_rolled_back_change_is_never_sent, MailFixture) {
  server::Context& context = server.server().context();
  const auto rolled_back = server::atomically<bool>(context.store(), [&]() -> Result<bool> {
    server::OutgoingMailRequest mail;
    mail.kind = MailKind::invitation;
    mail.facts.link = "http://x/#invitation=00";
    BOOST_TEST(context.mail().to_address("ghost@example.com", Language::en, mail));
    return make_error("refused");
  });
  BOOST_TEST(!rolled_back.ok());
  BOOST_TEST(send().sent == 0);
  BOOST_TEST(smtp.attempts() == 0u);
  BOOST_TEST(server.server().store().mails("", 10).empty());
}

BOOST_FIXTURE_TEST_CASE(smtp_down_for_a_while_then_sent_once, MailFixture) {
  customer("carla@example.com");
  smtp.stop_listening();
  const auto report = send();  // the sign-up wrote no mail; the ticket below does
  BOOST_TEST(report.sent == 0);
  ApiClient carla = client();
  BOOST_TEST_REQUIRE(carla.post("/api/v1/auth/login", {{"email", "carla@example.com"}, {"password", "correct horse battery"}}).status == 200);
  BOOST_TEST_REQUIRE(carla.post("/api/v1/tickets", ticket_body("Mail is down"), {{"Idempotency-Key", "k1"}}).status == 201);
  BOOST_TEST(send().retried == 1);
  auto mails = server.server().store().mails("pending", 10);
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].attempts == 1);
  BOOST_TEST(!mails[0].last_error.empty());
  BOOST_TEST(mails[0].next_attempt_at == server.now() + 60);
  BOOST_TEST(send().retried == 0);  // not due yet
  server.advance_seconds(60);
  BOOST_TEST(send().retried == 1);  // still down: 2 minutes now
  BOOST_TEST(server.server().store().mails("pending", 10).at(0).next_attempt_at == server.now() + 120);
  BOOST_REQUIRE(smtp.start_listening());
  server.advance_seconds(120);
  BOOST_TEST(send().sent == 1);
  server.advance_seconds(3600);
  BOOST_TEST(send().sent == 0);
  BOOST_TEST(smtp.mails().size() == 1u);
  auto sent = server.server().store().mails("sent", 10);
  std::erase_if(sent, [](const server::MailRecord& mail) { return mail.kind == "signup_confirmation"; });
  BOOST_TEST_REQUIRE(sent.size() == 1u);
  BOOST_TEST(sent[0].attempts == 3);
  BOOST_TEST(received().at(0).headers.at("message-id") == sent[0].message_id);
}

BOOST_FIXTURE_TEST_CASE(a_permanent_refusal_fails_the_mail_and_the_admin_sends_it_again, MailFixture) {
  ApiClient admin = staff("admin@tessera.test", "admin");
  ApiClient customer_client = customer("dan@example.com");
  smtp.set_mode(FakeSmtp::Mode::refuse_permanent);
  BOOST_TEST(customer_client.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}}).status == 201);
  BOOST_TEST(send().failed == 1);
  const auto outbox = admin.get("/api/v1/admin/mail?state=failed");
  BOOST_TEST_REQUIRE(outbox.status == 200);
  BOOST_TEST(outbox.body["mail_enabled"] == true);
  BOOST_TEST(outbox.body["counts"]["failed"] == 1);
  BOOST_TEST_REQUIRE(outbox.body["mails"].size() == 1u);
  const json failed = outbox.body["mails"][0];
  BOOST_TEST(failed["kind"] == "ticket_received");
  BOOST_TEST(failed["to"] == "dan@example.com");
  BOOST_TEST(failed["attempts"] == 1);
  BOOST_TEST(failed["last_error"].get<std::string>().find("554") != std::string::npos);
  BOOST_TEST(customer_client.get("/api/v1/admin/mail").status == 403);
  BOOST_TEST(admin.get("/api/v1/admin/mail?state=lost").status == 400);

  smtp.set_mode(FakeSmtp::Mode::accept);
  const std::string retry = "/api/v1/admin/mail/" + std::to_string(failed["id"].get<Id>()) + "/retry";
  const auto retried = admin.post(retry, json::object());
  BOOST_TEST(retried.status == 200);
  BOOST_TEST(retried.body["state"] == "pending");
  BOOST_TEST(send().sent == 1);
  BOOST_TEST(admin.post(retry, json::object()).error_code() == "mail_not_failed");
  BOOST_TEST(admin.post("/api/v1/admin/mail/999999/retry", json::object()).status == 404);
}

BOOST_FIXTURE_TEST_CASE(ticket_mails_follow_the_ticket_and_never_tell_internal_notes, MailFixture) {
  ApiClient eva = customer("eva@example.com", "es");
  ApiClient olga = staff("olga@tessera.test");
  const auto created = eva.post("/api/v1/tickets", ticket_body("La impresora"), {{"Idempotency-Key", "k1"}});
  BOOST_TEST_REQUIRE(created.status == 201);
  const Id id = created.body["ticket"]["id"].get<Id>();
  const std::string ref = "#" + std::to_string(id);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(olga.post(path + "/messages", {{"body", "Secret: the customer's printer is old"}, {"internal", true}}).status == 201);
  BOOST_TEST_REQUIRE(olga.post(path + "/messages", {{"body", "Please restart it.\nThen tell me."}, {"internal", false}}).status == 201);
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "resolve"}}).status == 200);
  const Instant resolved_at = server.now();
  BOOST_TEST_REQUIRE(eva.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);
  send();

  const auto received_mail = received("eva@example.com", "ticket_received");
  BOOST_TEST_REQUIRE(received_mail.size() == 1u);
  BOOST_TEST(received_mail[0].subject.find(ref) != std::string::npos);
  BOOST_TEST(received_mail[0].headers.at("content-language") == "es");
  BOOST_TEST(received_mail[0].text.find("/#/tickets/" + std::to_string(id)) != std::string::npos);
  const auto replied = received("eva@example.com", "ticket_replied");
  BOOST_TEST_REQUIRE(replied.size() == 1u);
  BOOST_TEST(replied[0].text.find("Please restart it.") != std::string::npos);
  for (const auto& mail : received()) BOOST_TEST(mail.text.find("Secret") == std::string::npos);
  const auto proposed = received("eva@example.com", "resolution_proposed");
  BOOST_TEST_REQUIRE(proposed.size() == 1u);
  BOOST_TEST(proposed[0].subject.find(ref) != std::string::npos);
  BOOST_TEST(proposed[0].text.find(mail_date(resolved_at + 7 * kSecondsPerDay, Language::es)) != std::string::npos);
  BOOST_TEST(received("eva@example.com", "ticket_closed").size() == 1u);
  BOOST_TEST(received().size() == 4u);  // nothing to the operator (the ticket is not critical)
}

BOOST_FIXTURE_TEST_CASE(a_critical_ticket_alerts_the_operators_who_speak_its_language, MailFixture) {
  staff("french@tessera.test", "operator", "fr");
  staff("english@tessera.test", "operator", "en,es");
  ApiClient fay = customer("fay@example.com");
  json body = ticket_body("Server down");
  body["criticality"] = "critical";
  BOOST_TEST_REQUIRE(fay.post("/api/v1/tickets", body, {{"Idempotency-Key", "k1"}}).status == 201);
  send();
  BOOST_TEST(received("english@tessera.test", "critical_ticket").size() == 1u);
  BOOST_TEST(received("french@tessera.test", "critical_ticket").empty());
}

BOOST_FIXTURE_TEST_CASE(a_customer_turns_ticket_and_commerce_mails_off_but_not_security_mails, MailFixture) {
  ApiClient gus = customer("gus@example.com");
  const auto defaults = gus.get("/api/v1/account/mail-preferences");
  BOOST_TEST(defaults.status == 200);
  BOOST_TEST(defaults.body == (json{{"tickets", true}, {"commerce", true}}));
  BOOST_TEST(gus.put("/api/v1/account/mail-preferences", {{"tickets", false}}).error_code() == "required");
  BOOST_TEST(gus.put("/api/v1/account/mail-preferences", {{"tickets", "no"}, {"commerce", true}}).error_code() == "invalid_type");
  const auto saved = gus.put("/api/v1/account/mail-preferences", {{"tickets", false}, {"commerce", false}});
  BOOST_TEST(saved.status == 200);
  BOOST_TEST(saved.body == (json{{"tickets", false}, {"commerce", false}}));
  BOOST_TEST(gus.get("/api/v1/account/mail-preferences").body == saved.body);
  BOOST_TEST(client().get("/api/v1/account/mail-preferences").status == 401);

  BOOST_TEST_REQUIRE(gus.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}}).status == 201);
  BOOST_TEST_REQUIRE(gus.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "bank_transfer"}}).status == 201);
  BOOST_TEST(client().post("/api/v1/auth/password-reset", {{"email", "gus@example.com"}}).status == 202);
  send();
  auto mails = server.server().store().mails("", 50);
  std::erase_if(mails, [](const server::MailRecord& mail) { return mail.kind == "signup_confirmation"; });
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].kind == "password_reset");

  BOOST_TEST(gus.put("/api/v1/account/mail-preferences", {{"tickets", true}, {"commerce", false}}).status == 200);
  BOOST_TEST_REQUIRE(gus.post("/api/v1/tickets", ticket_body("Second"), {{"Idempotency-Key", "k2"}}).status == 201);
  send();
  BOOST_TEST(received("gus@example.com", "ticket_received").size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(invitation_mail_carries_the_link_in_the_owners_language, MailFixture) {
  ApiClient admin = staff("admin@tessera.test", "admin");
  ApiClient hana = customer("hana@example.com", "fr");
  const auto order = hana.post("/api/v1/orders", json{{"kind", "subscription"}, {"extra_users", 1}, {"method", "check"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment", json::object()).status == 200);
  const auto invited = hana.post("/api/v1/account/invitations", {{"email", "ivan@example.com"}, {"scope", {{"subscription", true}, {"pool", false}}}});
  BOOST_TEST_REQUIRE(invited.status == 201);
  BOOST_TEST(invited.body == (json{{"status", "invitation_sent"}}));  // mail on: the link goes by mail only
  send();
  const auto mails = received("ivan@example.com", "invitation");
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].headers.at("content-language") == "fr");  // the owner's language
  BOOST_TEST(std::regex_search(mails[0].text, std::regex(server.server().config().public_url + "/#invitation=[0-9a-f]{64}")));
  BOOST_TEST(mails[0].text.find("Ana Customer") != std::string::npos);  // who invites
}

BOOST_FIXTURE_TEST_CASE(orders_pending_and_paid_are_mailed_with_instructions_and_the_invoice, MailFixture) {
  ApiClient admin = staff("admin@tessera.test", "admin");
  ApiClient jo = customer("jo@example.com");
  const auto order = jo.post("/api/v1/orders", json{{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  send();
  const auto pending = received("jo@example.com", "order_pending");
  BOOST_TEST_REQUIRE(pending.size() == 1u);
  BOOST_TEST(pending[0].text.find(order.body["reference"].get<std::string>()) != std::string::npos);
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment", json::object()).status == 200);
  send();
  const auto paid = received("jo@example.com", "payment_received");
  BOOST_TEST_REQUIRE(paid.size() == 1u);
  BOOST_TEST_REQUIRE(paid[0].attachments.size() == 1u);
  BOOST_TEST(paid[0].attachments[0].content_type == "application/pdf");
  BOOST_TEST(paid[0].attachments[0].bytes.rfind("%PDF", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(without_smtp_mails_wait_in_the_outbox) {
  TestServer server;
  ApiClient admin(server.port());
  server.create_staff("admin@tessera.test", "operator password", "Ada Admin", "admin");
  BOOST_TEST_REQUIRE(admin.post("/api/v1/auth/login", {{"email", "admin@tessera.test"}, {"password", "operator password"}}).status == 200);
  BOOST_TEST(ApiClient(server.port()).post("/api/v1/auth/password-reset", {{"email", "admin@tessera.test"}}).status == 202);
  BOOST_TEST(server.server().mail_worker().run_once().sent == 0);
  const auto outbox = admin.get("/api/v1/admin/mail");
  BOOST_TEST_REQUIRE(outbox.status == 200);
  BOOST_TEST(outbox.body["mail_enabled"] == false);
  BOOST_TEST(outbox.body["counts"]["pending"] == 1);
  BOOST_TEST(outbox.body["mails"][0]["kind"] == "password_reset");
  BOOST_TEST(outbox.body["mails"][0]["state"] == "pending");
}

// A real `tessera serve` killed with SIGKILL after the SMTP server took the mail but before
// the worker could mark it sent: after the restart it goes once more, with the same Message-ID,
// and never a third time.
BOOST_AUTO_TEST_CASE(kill_9_between_sending_and_marking_sent_sends_one_duplicate_with_the_same_message_id) {
  FakeSmtp smtp;
  smtp.set_mode(FakeSmtp::Mode::hold);
  const auto folder = std::filesystem::temp_directory_path() / ("tessera-mail-kill9-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const std::string db = (folder / "tessera.db").string();
  const std::vector<std::string> environment{"TESSERA_SMTP_HOST=127.0.0.1", "TESSERA_SMTP_PORT=" + std::to_string(smtp.port()),
                                             "TESSERA_SMTP_SECURITY=none", "TESSERA_MAIL_FROM=support@tessera.test"};
  {
    ServerProcess first(db, environment);
    ApiClient api(first.port());
    // With mail on, the sign-up writes its confirmation mail (and opens no session yet).
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body("kim@example.com")).status == 202);
    BOOST_TEST_REQUIRE(smtp.wait_for_mails(1, std::chrono::seconds(20)));  // taken, not yet answered
    first.kill_hard();
  }
  smtp.set_mode(FakeSmtp::Mode::accept);
  {
    ServerProcess second(db, environment);  // its worker sends what is still pending at start
    BOOST_TEST_REQUIRE(smtp.wait_for_mails(2, std::chrono::seconds(20)));
    // The row is marked sent right after the 250: wait for that state, then for one more turn.
    server::SqliteStore store(db);
    for (int i = 0; i < 200 && store.mail_counts()["sent"] == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    BOOST_TEST(store.mail_counts()["sent"] == 1);
    BOOST_TEST(store.mail_counts()["pending"] == 0);
    BOOST_TEST(ApiClient(second.port()).post("/api/v1/auth/password-reset", {{"email", "nobody@example.com"}}).status == 202);
  }
  const auto mails = smtp.mails();
  BOOST_TEST_REQUIRE(mails.size() == 2u);
  const auto first_copy = mime::parse_message(mails[0].data);
  const auto second_copy = mime::parse_message(mails[1].data);
  BOOST_TEST_REQUIRE((first_copy && second_copy));
  BOOST_TEST(first_copy->headers.at("message-id") == second_copy->headers.at("message-id"));
  BOOST_TEST(mails[0].data == mails[1].data);
  std::filesystem::remove_all(folder);
}

// The worker's pace (a figure, not a timed assertion): 300 mails written in one change, sent
// one SMTP conversation each to the fake on loopback, each then marked sent.
BOOST_FIXTURE_TEST_CASE(the_worker_sends_every_pending_mail_and_reports_its_pace, MailFixture) {
  constexpr int kMails = 300;
  server::Context& context = server.server().context();
  const auto written = server::atomically<bool>(context.store(), [&]() -> Result<bool> {
    for (int i = 0; i < kMails; ++i) {
      server::OutgoingMailRequest mail;
      mail.kind = MailKind::invitation;
      mail.facts.link = "http://127.0.0.1/#invitation=" + std::to_string(i);
      context.mail().to_address("pace" + std::to_string(i) + "@example.com", Language::fr, mail);
    }
    return true;
  });
  BOOST_TEST_REQUIRE(written.ok());
  const auto started = std::chrono::steady_clock::now();
  BOOST_TEST(send().sent == kMails);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  BOOST_TEST(smtp.mails().size() == static_cast<std::size_t>(kMails));
  BOOST_TEST(server.server().store().mail_counts()["sent"] == kMails);
  BOOST_TEST_MESSAGE("mail worker: " << kMails << " mails in " << seconds << " s = " << (kMails * 60.0 / seconds)
                                     << " mails/minute to the fake SMTP server");
}

BOOST_AUTO_TEST_SUITE_END()
