// Sign-up confirmed by mail (issue 14 item 7), client side: against a real server with mail
// on (the fake SMTP server), sign-up says "check your mail" for a new and for a taken address
// alike, and the mail's link "#signup-confirm=<token>" lands the visitor on My tickets, signed
// in with the free trial, the token gone from the address bar. With a scripted server: a link
// unknown, expired or used, a reload without the token, and no answer, each translated with
// its way on; the invitation screen's "sent by mail". Every screen with no text missing.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "client_fixtures.hpp"
#include "fake_smtp.hpp"
#include "scripted_api.hpp"
#include "tessera/mime.hpp"
#include "tessera/texts.hpp"

using tessera::Language;
using tessera::Role;
using tessera::tr;
using tessera::client::HttpResponse;
using tessera::client::make_httplib_api;
using tessera::testing::FakeSmtp;
using tessera::testing::TestServer;
using nlohmann::json;
using namespace tessera::client::testing;

namespace {

constexpr const char* kToken = "5e1f000000000000000000000000000000000000000000000000000000000042";

std::function<void(tessera::server::Config&)> mail_on(FakeSmtp& smtp) {
  return [&smtp](tessera::server::Config& config) {
    config.smtp.host = "127.0.0.1";
    config.smtp.port = smtp.port();
    config.smtp.security = "none";
    config.smtp.timeout_seconds = 5;
  };
}

// The link of the last mail the fake took that carries one.
std::string confirmation_token(const FakeSmtp& smtp) {
  std::string token;
  for (const auto& mail : smtp.mails()) {
    const auto parsed = tessera::mime::parse_message(mail.data);
    std::smatch match;
    if (parsed && std::regex_search(parsed->text, match, std::regex("#signup-confirm=([0-9a-f]{64})"))) token = match[1].str();
  }
  return token;
}

HttpResponse error_answer(int status, const std::string& code) {
  return {status, json{{"error", {{"code", code}, {"message", code}}}}.dump()};
}

// A scripted server answering "METHOD path" with the answer set for it; /me: a visitor.
struct Scripted {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> unused;
  std::shared_ptr<ScriptedApi> api = std::make_shared<ScriptedApi>(sent, unused);
  std::map<std::string, HttpResponse> answers;
  json me;  // null: a visitor
  Device device;

  explicit Scripted(std::string address) {
    device.browser.history = {std::move(address)};
    api->respond_to = [this](const SentRequest& request) -> HttpResponse {
      if (request.path == "/api/v1/me") return me.is_null() ? error_answer(401, "unauthenticated") : HttpResponse{200, me.dump()};
      const auto found = answers.find(request.method + " " + request.path);
      return found != answers.end() ? found->second : error_answer(404, "not_found");
    };
  }
  std::size_t count(const std::string& method, const std::string& path) const {
    return static_cast<std::size_t>(std::count_if(sent.begin(), sent.end(), [&](const SentRequest& request) {
      return request.method == method && request.path == path;
    }));
  }
};

std::string text_of(FrameDriver& driver, const std::string& id) {
  const auto texts = driver.state()["texts"];
  return texts.contains(id) ? texts[id].get<std::string>() : std::string();
}

void settle(FrameDriver& driver) {
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signup_confirmation_screens)

BOOST_AUTO_TEST_CASE(sign_up_says_check_your_mail_then_the_link_lands_signed_in_with_the_trial) {
  FakeSmtp smtp;
  TestServer server(mail_on(smtp));
  FrameDriver driver(make_httplib_api(server.base_url()), Language::fr);
  settle(driver);
  fill_sign_up(driver, "Zoé Martín", "zoe@example.org", kPassword);
  settle(driver);
  auto state = driver.state();
  BOOST_TEST(state["screen"] == "signup");
  BOOST_TEST(state["user"].is_null());  // no session before the link
  BOOST_TEST(state["signup"]["sent_to"] == "zoe@example.org");
  BOOST_TEST(text_of(driver, "signup.sent") ==
             tessera::format_text(tr("signup.sent", Language::fr), {{"email", "zoe@example.org"}}));
  BOOST_TEST(state["fields"]["signup.password"].is_null());  // the form is gone, and the password with it
  BOOST_TEST(driver.app().account.signup.fields.password.empty());
  BOOST_TEST(state["error"].is_null());
  no_missing_texts(driver);

  BOOST_TEST(server.server().mail_worker().run_once().sent == 1);
  const std::string token = confirmation_token(smtp);
  BOOST_REQUIRE_EQUAL(token.size(), 64u);

  Device device;  // the link opens a new tab
  device.browser.history = {"signup-confirm=" + token};
  FrameDriver tab(make_httplib_api(server.base_url()), Language::fr, &device);
  BOOST_REQUIRE(tab.wait_until([&] { return tab.app().screen() == "my_tickets" && !tab.app().busy(); }));
  tab.step(2);
  state = tab.state();
  BOOST_TEST(state["user"]["name"] == "Zoé Martín");
  BOOST_TEST(state["user"]["email"] == "zoe@example.org");
  BOOST_TEST(state["balances"]["trial_minutes_left"] == 15);
  BOOST_TEST(state["error"].is_null());
  for (const auto& address : device.browser.history) BOOST_TEST(address.find(token) == std::string::npos);
  no_missing_texts(tab);
}

BOOST_AUTO_TEST_CASE(a_taken_address_shows_the_very_same_check_your_mail) {
  FakeSmtp smtp;
  TestServer server(mail_on(smtp));
  server.create_staff("olga@example.org", "operator password", "Olga");
  std::vector<json> shown;
  for (const std::string email : {"olga@example.org", "new@example.org"}) {
    FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
    settle(driver);
    fill_sign_up(driver, "Zoé", email, kPassword);
    settle(driver);
    BOOST_TEST(driver.state()["signup"]["sent_to"] == email);
    BOOST_TEST(driver.state()["error"].is_null());
    json texts = driver.state()["texts"];
    texts.erase("signup.sent");  // names the address typed
    shown.push_back(texts);
    // "Use another address" brings the form back, the name and email kept.
    BOOST_REQUIRE(driver.click("signup.again"));
    settle(driver);
    BOOST_TEST(driver.state()["fields"]["signup.email"] == email);
    BOOST_TEST(driver.state()["signup"]["sent_to"] == "");
  }
  BOOST_TEST(shown[0] == shown[1]);
}

BOOST_AUTO_TEST_CASE(a_link_unknown_expired_or_used_says_so_in_the_users_language) {
  for (const auto& [status, code] : std::vector<std::pair<int, std::string>>{
           {404, "signup_link_unknown"}, {410, "signup_link_expired"}, {410, "signup_link_used"}}) {
    for (const Language language : {Language::fr, Language::en, Language::es}) {
      BOOST_TEST_CONTEXT(code << " in " << tessera::to_string(language)) {
        Scripted server(std::string("signup-confirm=") + kToken);
        server.answers["POST /api/v1/auth/signup/confirm"] = error_answer(status, code);
        FrameDriver driver(server.api, language, &server.device);
        settle(driver);
        BOOST_TEST(driver.state()["screen"] == "signup_confirm");
        BOOST_TEST(driver.state()["address"] == "/signup-confirm");  // the token left the address bar
        BOOST_TEST(server.count("POST", "/api/v1/auth/signup/confirm") == 1u);
        BOOST_TEST(json::parse(server.sent.back().body) == (json{{"token", kToken}}));
        BOOST_TEST(driver.state()["signup"]["confirm_error"] == code);
        BOOST_TEST(text_of(driver, "signup_confirm.error") == std::string(tr("error." + code, language)));
        BOOST_TEST(driver.state()["user"].is_null());
        no_missing_texts(driver);
        BOOST_REQUIRE(driver.click("signup_confirm.signup"));
        settle(driver);
        BOOST_TEST(driver.state()["screen"] == "signup");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_answer_offers_try_again_and_a_reload_without_the_token_says_to_open_the_link_again) {
  Scripted server(std::string("signup-confirm=") + kToken);
  server.answers["POST /api/v1/auth/signup/confirm"] = HttpResponse{0, ""};  // no connection
  FrameDriver driver(server.api, Language::es, &server.device);
  settle(driver);
  BOOST_TEST(driver.state()["signup"]["confirm_unanswered"] == true);
  BOOST_TEST(text_of(driver, "signup_confirm.unanswered") == std::string(tr("people.needs_connection", Language::es)));
  tessera::wire::Me me;
  me.user.id = 9;
  me.user.account_id = 4;
  me.user.name = "Zoé";
  me.user.email = "zoe@example.org";
  me.user.role = Role::customer;
  me.user.language = Language::es;
  me.user.account_owner = true;
  me.balances.trial_minutes_left = 15;
  server.answers["POST /api/v1/auth/signup/confirm"] = HttpResponse{201, json(me).dump()};
  server.me = json(me);  // the session the answer opened
  BOOST_REQUIRE(driver.click("signup_confirm.retry"));
  BOOST_REQUIRE(driver.wait_until([&] { return driver.app().signed_in() && !driver.app().busy(); }));
  driver.step(2);
  BOOST_TEST(server.count("POST", "/api/v1/auth/signup/confirm") == 2u);
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_TEST(driver.state()["user"]["name"] == "Zoé");

  Scripted reloaded("/signup-confirm");  // the page reloaded: the token was only in memory
  FrameDriver again(reloaded.api, Language::fr, &reloaded.device);
  settle(again);
  BOOST_TEST(again.state()["signup"]["confirm_error"] == "signup_link_missing");
  BOOST_TEST(text_of(again, "signup_confirm.error") == std::string(tr("error.signup_link_missing", Language::fr)));
  BOOST_TEST(reloaded.count("POST", "/api/v1/auth/signup/confirm") == 0u);
  no_missing_texts(again);
}

BOOST_AUTO_TEST_CASE(the_invitation_form_says_sent_by_mail_when_the_server_mails_it) {
  FakeSmtp smtp;
  TestServer server(mail_on(smtp));
  server.create_staff("taken@example.org", "operator password", "Olga");
  // The owner signs up through the link.
  tessera::testing::ApiClient api(server.port());
  BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", {{"name", "Owen"}, {"email", "owner@example.org"}, {"password", kPassword}}).status == 202);
  server.server().mail_worker().run_once();
  BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup/confirm", {{"token", confirmation_token(smtp)}}).status == 201);
  FrameDriver owner(make_httplib_api(server.base_url()), Language::es);
  log_in(owner, "owner@example.org");  // the app now speaks the owner's language (en, chosen at sign-up)
  go(owner, "/account/users");
  std::vector<json> shown;
  for (const std::string email : {"guest@example.org", "taken@example.org"}) {
    BOOST_REQUIRE(owner.type("people.invite_email", email));
    BOOST_REQUIRE(owner.click("people.invite"));
    settle(owner);
    BOOST_TEST(owner.state()["error"].is_null());
    BOOST_TEST(owner.state()["people"]["sent_by_mail"] == email);
    BOOST_TEST(owner.state()["people"]["link"] == "");  // no link to copy: it went by mail
    BOOST_TEST(!owner.app().widget_rect("people.copy_link").has_value());
    BOOST_TEST(text_of(owner, "people.sent_by_mail") ==
               tessera::format_text(tr("people.sent_by_mail", Language::en), {{"email", email}}));
    shown.push_back(owner.state()["people"]["invitations"]);
  }
  BOOST_TEST(shown[1].size() == 2u);  // both pending, alike
  no_missing_texts(owner);
}

BOOST_AUTO_TEST_SUITE_END()
