// Client mail screens, headless with a scripted API (no server): "Forgot your password?" from
// log-in with the typed email, the same done text for any address, its errors translated; the
// mail's reset link read, checked and taken out of the address bar, the new password's rules
// (length, twice the same) caught before anything is sent, a link unknown / expired / used;
// a customer's mail preferences loaded, saved and their failure; the admin's outbox with its
// banner, filters, counts, empty states and "Send again". Every screen with no text missing.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "client_fixtures.hpp"
#include "scripted_api.hpp"
#include "tessera/texts.hpp"

using tessera::Id;
using tessera::Language;
using tessera::Role;
using tessera::tr;
using tessera::client::HttpResponse;
using nlohmann::json;
using namespace tessera::client::testing;

namespace {

constexpr const char* kToken = "k3y5f0r7h3r353771nk0000000000000000000000000000000000000000000042";
constexpr tessera::Instant kExpires = 1'796'003'600;  // one hour after the device's clock

json me_of(Role role, Language language = Language::en) {
  tessera::wire::Me me;
  me.user.id = 7;
  me.user.account_id = role == Role::customer ? 3 : 0;
  me.user.name = "Odile";
  me.user.email = "odile@example.org";
  me.user.role = role;
  me.user.language = language;
  me.user.account_owner = role == Role::customer;
  return json(me);
}

HttpResponse error_answer(int status, const std::string& code, const std::string& field = {}, json params = json::object()) {
  return {status, json{{"error", {{"code", code}, {"field", field}, {"params", params}}}}.dump()};
}

// A scripted server: answers by "METHOD path" (the last answer set for it), /me as `me`
// (a visitor: 401), anything else 404.
struct Scripted {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> unused;
  std::shared_ptr<ScriptedApi> api = std::make_shared<ScriptedApi>(sent, unused);
  std::map<std::string, HttpResponse> answers;
  json me;
  Device device;

  explicit Scripted(std::string address, json signed_in = nullptr) : me(std::move(signed_in)) {
    device.browser.history = {std::move(address)};
    api->respond_to = [this](const SentRequest& request) -> HttpResponse {
      if (request.path == "/api/v1/me") return me.is_null() ? error_answer(401, "unauthenticated") : HttpResponse{200, me.dump()};
      const auto found = answers.find(request.method + " " + request.path);
      return found != answers.end() ? found->second : error_answer(404, "not_found");
    };
  }
  // The requests sent to `path` with `method`, oldest first.
  std::vector<SentRequest> to(const std::string& method, const std::string& path) const {
    std::vector<SentRequest> out;
    for (const auto& request : sent)
      if (request.method == method && request.path == path) out.push_back(request);
    return out;
  }
};

void start(FrameDriver& driver, std::string_view screen) {
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().screen() == screen && !driver.app().busy(); }));
  driver.step(2);
}

void click_and_settle(FrameDriver& driver, std::string_view id) {
  BOOST_REQUIRE(driver.click(id));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
}

std::string text_of(FrameDriver& driver, const std::string& id) {
  const auto texts = driver.state()["texts"];
  return texts.contains(id) ? texts[id].get<std::string>() : std::string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_forgot_password)

BOOST_AUTO_TEST_CASE(forgot_password_starts_from_log_in_with_the_email_typed_there) {
  Scripted server("/login");
  server.answers["POST /api/v1/auth/password-reset"] = {202, "{}"};
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "login");
  BOOST_REQUIRE(driver.type("login.email", "Ana@Example.org"));
  click_and_settle(driver, "login.forgot");
  BOOST_TEST(driver.state()["screen"] == "forgot_password");
  BOOST_TEST(driver.state()["fields"]["forgot.email"] == "Ana@Example.org");
  BOOST_TEST(text_of(driver, "title") == std::string(tr("forgot.title", Language::en)));
  click_and_settle(driver, "forgot.submit");
  const auto posts = server.to("POST", "/api/v1/auth/password-reset");
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  BOOST_TEST(json::parse(posts[0].body) == json({{"email", "ana@example.org"}}));  // as the server normalises it
  BOOST_TEST(driver.state()["mail"]["forgot"]["sent"] == true);
  BOOST_TEST(text_of(driver, "forgot.sent") == std::string(tr("forgot.sent", Language::en)));
  BOOST_TEST(text_of(driver, "forgot.sent").find("ana@") == std::string::npos);
  click_and_settle(driver, "forgot.to_login");
  BOOST_TEST(driver.state()["screen"] == "login");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(the_done_state_is_the_same_whatever_the_email) {
  std::vector<json> done_states;
  for (const std::string email : {"owner@example.org", "nobody-has-this@example.org"}) {
    Scripted server("/forgot-password");
    server.answers["POST /api/v1/auth/password-reset"] = {202, "{}"};  // the server answers both alike
    FrameDriver driver(server.api, Language::fr, &server.device);
    start(driver, "forgot_password");
    BOOST_REQUIRE(driver.type("forgot.email", email));
    click_and_settle(driver, "forgot.submit");
    BOOST_TEST(server.to("POST", "/api/v1/auth/password-reset").size() == 1u);
    json shown = driver.state()["texts"];
    done_states.push_back(shown);
    BOOST_TEST(shown["forgot.sent"] == std::string(tr("forgot.sent", Language::fr)));
    BOOST_TEST(!driver.app().widget_rect("forgot.email").has_value());  // the form is gone, nothing tells the address
    no_missing_texts(driver);
  }
  BOOST_TEST(done_states[0] == done_states[1]);
}

BOOST_AUTO_TEST_CASE(a_missing_or_bad_email_is_said_at_its_field_before_anything_is_sent) {
  Scripted server("/forgot-password");
  FrameDriver driver(server.api, Language::es, &server.device);
  start(driver, "forgot_password");
  click_and_settle(driver, "forgot.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "required");
  BOOST_TEST(driver.state()["error"]["field"] == "email");
  BOOST_REQUIRE(driver.type("forgot.email", "not an email"));
  click_and_settle(driver, "forgot.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_email");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tr("error.invalid_email", Language::es)));
  BOOST_TEST(driver.app().record().error_shown);  // under the field
  BOOST_TEST(server.to("POST", "/api/v1/auth/password-reset").empty());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(the_servers_refusals_and_no_connection_are_translated) {
  Scripted server("/forgot-password");
  FrameDriver driver(server.api, Language::fr, &server.device);
  start(driver, "forgot_password");
  BOOST_REQUIRE(driver.type("forgot.email", "ana@example.org"));
  const auto& path = "POST /api/v1/auth/password-reset";
  server.answers[path] = error_answer(400, "email_invalid", "email");
  click_and_settle(driver, "forgot.submit");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tr("error.email_invalid", Language::fr)));
  BOOST_TEST(driver.state()["error"]["field"] == "email");
  server.answers[path] = error_answer(429, "rate_limited", "", {{"seconds", "42"}});
  click_and_settle(driver, "forgot.submit");
  BOOST_TEST(driver.state()["error"]["text"] == "Trop de tentatives. Réessayez dans 42 secondes.");
  BOOST_TEST(driver.state()["mail"]["forgot"]["sent"] == false);
  server.answers[path] = {0, ""};  // no answer: offline, or the server is down
  click_and_settle(driver, "forgot.submit");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tr("error.network", Language::fr)));
  BOOST_TEST(driver.state()["mail"]["forgot"]["sent"] == false);
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(mail_password_reset)

BOOST_AUTO_TEST_CASE(the_mails_link_is_checked_and_leaves_no_token_in_the_address_or_history) {
  Scripted server(std::string("password-reset=") + kToken);
  const std::string path = std::string("/api/v1/auth/password-reset/") + kToken;
  server.answers["GET " + path] = {200, json{{"expires_at", kExpires}}.dump()};
  server.answers["POST " + path] = {204, ""};
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "password_reset");
  BOOST_TEST(server.to("GET", path).size() == 1u);
  BOOST_TEST(driver.device().browser.address() == "/password-reset");
  for (const auto& address : driver.device().browser.history) BOOST_TEST(address.find(kToken) == std::string::npos);
  BOOST_TEST(text_of(driver, "reset.valid_until") ==
             tessera::format_text(tr("reset.valid_until", Language::en), {{"date", driver.app().local_time(kExpires)}}));

  // Two different passwords: caught here, nothing sent.
  BOOST_REQUIRE(driver.type("reset.password", "a new long password"));
  BOOST_REQUIRE(driver.type("reset.confirmation", "a new long pasword"));
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "password_mismatch");
  BOOST_TEST(driver.state()["error"]["field"] == "confirmation");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tr("error.password_mismatch", Language::en)));
  BOOST_TEST(server.to("POST", path).empty());

  BOOST_REQUIRE(driver.click("reset.confirmation"));
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);  // select what was typed, and type it again
  driver.type_text("a new long password");
  driver.step(2);
  click_and_settle(driver, "reset.submit");
  const auto posts = server.to("POST", path);
  BOOST_REQUIRE_EQUAL(posts.size(), 1u);
  BOOST_TEST(json::parse(posts[0].body) == json({{"password", "a new long password"}}));
  BOOST_TEST(driver.state()["mail"]["reset"]["done"] == true);
  BOOST_TEST(driver.state()["mail"]["reset"]["has_token"] == false);
  BOOST_TEST(text_of(driver, "reset.done") == std::string(tr("reset.done", Language::en)));
  click_and_settle(driver, "reset.to_login");
  BOOST_TEST(driver.state()["screen"] == "login");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(the_passwords_length_is_checked_before_it_is_sent) {
  Scripted server(std::string("password-reset=") + kToken);
  const std::string path = std::string("/api/v1/auth/password-reset/") + kToken;
  server.answers["GET " + path] = {200, json{{"expires_at", kExpires}}.dump()};
  FrameDriver driver(server.api, Language::es, &server.device);
  start(driver, "password_reset");
  BOOST_TEST(text_of(driver, "reset.valid_until").find(driver.app().local_time(kExpires)) != std::string::npos);
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "required");
  BOOST_TEST(driver.state()["error"]["field"] == "password");
  BOOST_REQUIRE(driver.type("reset.password", "short"));
  BOOST_REQUIRE(driver.type("reset.confirmation", "short"));
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "password_too_short");
  BOOST_TEST(driver.state()["error"]["text"] == "La contraseña debe tener al menos 10 caracteres.");
  driver.app().mail.reset.password = driver.app().mail.reset.confirmation = std::string(129, 'x');
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["error"]["code"] == "password_too_long");
  BOOST_TEST(driver.state()["error"]["text"] == "La contraseña debe tener como máximo 128 bytes.");
  BOOST_TEST(server.to("POST", path).empty());
  // The server's own refusal of the same rule shows at the same field.
  driver.app().mail.reset.password = driver.app().mail.reset.confirmation = std::string(128, 'x');
  server.answers["POST " + path] = error_answer(422, "password_too_long", "password", {{"max", "128"}});
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(server.to("POST", path).size() == 1u);
  BOOST_TEST(driver.state()["error"]["field"] == "password");
  BOOST_TEST(driver.app().record().error_shown);
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(an_unknown_expired_or_used_link_says_why_and_offers_a_new_one) {
  const std::string path = std::string("/api/v1/auth/password-reset/") + kToken;
  const std::vector<std::pair<HttpResponse, std::string>> cases{
      {error_answer(404, "reset_link_unknown"), "reset_link_unknown"},
      {error_answer(404, "not_found"), "reset_link_unknown"},
      {error_answer(410, "reset_link_expired"), "reset_link_expired"},
      {error_answer(410, "reset_link_used"), "reset_link_used"},
  };
  for (const auto& [answer, code] : cases) {
    Scripted server(std::string("password-reset=") + kToken);
    server.answers["GET " + path] = answer;
    FrameDriver driver(server.api, Language::fr, &server.device);
    start(driver, "password_reset");
    BOOST_TEST(driver.state()["mail"]["reset"]["link_error"] == code);
    BOOST_TEST(text_of(driver, "reset.link_error") == std::string(tr("error." + code, Language::fr)));
    BOOST_TEST(!driver.app().widget_rect("reset.password").has_value());
    click_and_settle(driver, "reset.ask_again");
    BOOST_TEST(driver.state()["screen"] == "forgot_password");
    no_missing_texts(driver);
  }
}

BOOST_AUTO_TEST_CASE(a_link_used_meanwhile_or_too_many_attempts_are_said_on_sending) {
  Scripted server(std::string("password-reset=") + kToken);
  const std::string path = std::string("/api/v1/auth/password-reset/") + kToken;
  server.answers["GET " + path] = {200, json{{"expires_at", kExpires}}.dump()};
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "password_reset");
  BOOST_REQUIRE(driver.type("reset.password", "a new long password"));
  BOOST_REQUIRE(driver.type("reset.confirmation", "a new long password"));
  server.answers["POST " + path] = error_answer(429, "rate_limited", "", {{"seconds", "30"}});
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["error"]["text"] == "Too many attempts. Try again in 30 seconds.");
  server.answers["POST " + path] = error_answer(410, "reset_link_used");
  click_and_settle(driver, "reset.submit");
  BOOST_TEST(driver.state()["mail"]["reset"]["link_error"] == "reset_link_used");
  BOOST_TEST(!driver.app().widget_rect("reset.submit").has_value());
  BOOST_TEST(driver.app().widget_rect("reset.ask_again").has_value());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_reloaded_reset_page_has_no_token_and_says_to_open_the_link_again) {
  Scripted server("/password-reset");
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "password_reset");
  BOOST_TEST(driver.state()["mail"]["reset"]["link_error"] == "reset_link_missing");
  BOOST_TEST(std::none_of(server.sent.begin(), server.sent.end(),
                          [](const SentRequest& r) { return r.path.find("password-reset") != std::string::npos; }));
  BOOST_TEST(driver.app().widget_rect("reset.ask_again").has_value());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_link_opened_with_no_connection_is_asked_again_with_try_again) {
  Scripted server(std::string("password-reset=") + kToken);
  const std::string path = std::string("/api/v1/auth/password-reset/") + kToken;
  server.answers["GET " + path] = {0, ""};
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "password_reset");
  BOOST_TEST(driver.state()["mail"]["reset"]["link_error"] == "");
  BOOST_TEST(text_of(driver, "reset.loading") == std::string(tr("people.needs_connection", Language::en)));
  server.answers["GET " + path] = {200, json{{"expires_at", kExpires}}.dump()};
  click_and_settle(driver, "reset.retry");
  BOOST_TEST(server.to("GET", path).size() == 2u);
  BOOST_TEST(driver.state()["mail"]["reset"]["expires_at"] == kExpires);
  BOOST_TEST(driver.app().widget_rect("reset.password").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(mail_preferences_and_outbox)

BOOST_AUTO_TEST_CASE(a_customer_loads_and_saves_their_mail_preferences) {
  Scripted server("/account", me_of(Role::customer));
  const std::string path = "/api/v1/account/mail-preferences";
  server.answers["GET " + path] = error_answer(500, "internal");
  server.answers["GET /api/v1/onboarding"] = error_answer(404, "not_found");
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "account");
  BOOST_TEST(!server.to("GET", path).empty());
  BOOST_TEST(driver.state()["mail"]["preferences"]["error"] == "internal");
  BOOST_TEST(!driver.app().widget_rect("mail_prefs.tickets").has_value());
  server.answers["GET " + path] = {200, R"({"tickets": true, "commerce": true})"};
  click_and_settle(driver, "mail_prefs.retry");
  BOOST_TEST(driver.state()["mail"]["preferences"]["loaded"] == true);
  BOOST_TEST(text_of(driver, "mail_prefs.security") == std::string(tr("mail_prefs.security", Language::en)));
  click_and_settle(driver, "mail_prefs.commerce");  // off
  BOOST_TEST(driver.state()["mail"]["preferences"]["commerce"] == false);
  server.answers["PUT " + path] = {200, R"({"tickets": true, "commerce": false})"};
  click_and_settle(driver, "mail_prefs.save");
  const auto puts = server.to("PUT", path);
  BOOST_REQUIRE_EQUAL(puts.size(), 1u);
  BOOST_TEST(json::parse(puts[0].body) == json({{"tickets", true}, {"commerce", false}}));
  BOOST_TEST(driver.state()["mail"]["preferences"]["saved"] == true);
  BOOST_TEST(text_of(driver, "mail_prefs.saved") == std::string(tr("mail_prefs.saved", Language::en)));
  // A change since: no longer "saved"; a refused save is said in the section.
  click_and_settle(driver, "mail_prefs.tickets");
  BOOST_TEST(driver.state()["mail"]["preferences"]["saved"] == false);
  server.answers["PUT " + path] = error_answer(429, "rate_limited", "", {{"seconds", "5"}});
  click_and_settle(driver, "mail_prefs.save");
  BOOST_TEST(text_of(driver, "mail_prefs.error") == "Too many attempts. Try again in 5 seconds.");
  BOOST_TEST(driver.state()["mail"]["preferences"]["tickets"] == false);  // what was chosen stays
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(staff_have_no_mail_preferences) {
  Scripted server("/account", me_of(Role::operator_));
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "account");
  BOOST_TEST(server.to("GET", "/api/v1/account/mail-preferences").empty());
  BOOST_TEST(!driver.app().widget_rect("mail_prefs.save").has_value());
}

json outbox_mail(Id id, const std::string& kind, const std::string& state, const std::string& last_error = "") {
  return {{"id", id},
          {"kind", kind},
          {"to", "customer" + std::to_string(id) + "@example.org"},
          {"language", "fr"},
          {"subject", "Sujet " + std::to_string(id)},
          {"state", state},
          {"attempts", state == "pending" ? 0 : 3},
          {"next_attempt_at", 1'796'000'600},
          {"last_error", last_error},
          {"created_at", 1'795'999'000 + id},
          {"sent_at", state == "sent" ? json(1'795'999'900) : json(nullptr)},
          {"message_id", "<" + std::to_string(id) + "@tessera>"}};
}

BOOST_AUTO_TEST_CASE(the_admin_reads_the_outbox_filters_it_and_sends_a_failed_mail_again) {
  Scripted server("/admin/mail", me_of(Role::admin, Language::fr));
  const json all{{"mail_enabled", false},
                 {"counts", {{"pending", 1}, {"sent", 1}, {"failed", 1}}},
                 {"mails", {outbox_mail(3, "payment_received", "failed", "550 mailbox unavailable"),
                            outbox_mail(2, "ticket_replied", "sent"), outbox_mail(1, "password_reset", "pending")}}};
  server.answers["GET /api/v1/admin/mail?limit=100"] = {200, all.dump()};
  FrameDriver driver(server.api, Language::fr, &server.device);
  start(driver, "admin_mail");
  const auto* screen = driver.app().router().find("admin_mail");  // a place of the admin's navigation
  BOOST_TEST((screen && screen->nav_key == "nav.admin_mail" && screen->audience == tessera::client::Audience::admin));
  BOOST_TEST(text_of(driver, "mail.disabled") == std::string(tr("admin.mail.disabled", Language::fr)));
  BOOST_TEST(driver.state()["mail"]["outbox"]["mails"].size() == 3u);
  BOOST_TEST(text_of(driver, "mail.3.state") == "Échec");
  BOOST_TEST(text_of(driver, "mail.2.state") == "Envoyé");
  BOOST_TEST(driver.app().widget_rect("mail.retry.3").has_value());
  BOOST_TEST(!driver.app().widget_rect("mail.retry.2").has_value());  // only a failed mail is sent again
  BOOST_TEST(!driver.app().widget_rect("mail.retry.1").has_value());

  // Only the failed ones.
  json failed = all;
  failed["mails"] = json::array({outbox_mail(3, "payment_received", "failed", "550 mailbox unavailable")});
  server.answers["GET /api/v1/admin/mail?state=failed&limit=100"] = {200, failed.dump()};
  click_and_settle(driver, "mail.filter.failed");
  BOOST_TEST(driver.device().browser.address() == "/admin/mail?state=failed");
  BOOST_TEST(server.to("GET", "/api/v1/admin/mail?state=failed&limit=100").size() == 1u);
  BOOST_TEST(driver.state()["mail"]["outbox"]["mails"].size() == 1u);

  // Send again: the mail is pending once more; the failed ones are read again (none now).
  json pending_again = outbox_mail(3, "payment_received", "pending", "550 mailbox unavailable");
  server.answers["POST /api/v1/admin/mail/3/retry"] = {200, pending_again.dump()};
  json none = all;
  none["counts"] = {{"pending", 2}, {"sent", 1}, {"failed", 0}};
  none["mails"] = json::array();
  server.answers["GET /api/v1/admin/mail?state=failed&limit=100"] = {200, none.dump()};
  click_and_settle(driver, "mail.retry.3");
  BOOST_REQUIRE_EQUAL(server.to("POST", "/api/v1/admin/mail/3/retry").size(), 1u);
  BOOST_TEST(server.to("GET", "/api/v1/admin/mail?state=failed&limit=100").size() == 2u);
  BOOST_TEST(text_of(driver, "mail.retried").find("customer3@example.org") != std::string::npos);
  BOOST_TEST(text_of(driver, "mail.empty") == std::string(tr("admin.mail.empty_failed", Language::fr)));
  BOOST_TEST(driver.state()["mail"]["outbox"]["counts"]["failed"] == 0);
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(a_mail_that_is_no_longer_failed_is_said_and_each_filter_has_its_empty_text) {
  Scripted server("/admin/mail?state=sent", me_of(Role::admin));
  const json empty{{"mail_enabled", true}, {"counts", {{"pending", 0}, {"sent", 0}, {"failed", 0}}}, {"mails", json::array()}};
  for (const std::string query : {"?limit=100", "?state=pending&limit=100", "?state=sent&limit=100", "?state=failed&limit=100"})
    server.answers["GET /api/v1/admin/mail" + query] = {200, empty.dump()};
  FrameDriver driver(server.api, Language::en, &server.device);
  start(driver, "admin_mail");
  BOOST_TEST(driver.state()["mail"]["outbox"]["filter"] == "sent");
  BOOST_TEST(text_of(driver, "mail.empty") == std::string(tr("admin.mail.empty_sent", Language::en)));
  BOOST_TEST(!driver.app().widget_rect("mail.disabled").has_value());  // mail is on
  for (const std::string filter : {"pending", "failed", "all"}) {
    click_and_settle(driver, "mail.filter." + filter);
    const std::string key = filter == "all" ? "admin.mail.empty" : "admin.mail.empty_" + filter;
    BOOST_TEST(text_of(driver, "mail.empty") == std::string(tr(key, Language::en)));
  }
  // A failed mail that someone else sent again meanwhile: 409, translated.
  json one = empty;
  one["counts"]["failed"] = 1;
  one["mails"] = json::array({outbox_mail(9, "units_expiring", "failed", "451 try later")});
  server.answers["GET /api/v1/admin/mail?limit=100"] = {200, one.dump()};
  click_and_settle(driver, "mail.refresh");
  server.answers["POST /api/v1/admin/mail/9/retry"] = error_answer(409, "mail_not_failed");
  click_and_settle(driver, "mail.retry.9");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tr("error.mail_not_failed", Language::en)));
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(every_mail_kind_and_state_is_named_in_three_languages) {
  for (const auto language : {Language::fr, Language::en, Language::es}) {
    for (const auto kind : tessera::client::mail::kKinds) {
      const std::string key = "mail.kind." + std::string(kind);
      BOOST_TEST(tr(key, language) != key);
    }
    for (const auto state : tessera::client::mail::kStates) {
      const std::string key = "mail.state." + std::string(state);
      BOOST_TEST(tr(key, language) != key);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
