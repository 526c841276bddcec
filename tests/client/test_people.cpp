// Client people screens, headless against a real server: the owner invites someone by email
// and gets the one-time link (copied to the clipboard), the guest opens it on another device
// and joins; a withdrawn link says so; scopes are changed and a user removed; bad input is
// said at its field before anything is sent; the password change and "log out everywhere"
// end the other sessions; the startup conference is booked and its details saved. Every
// screen is drawn with no text missing.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "client_fixtures.hpp"
#include "scripted_api.hpp"
#include "tessera/texts.hpp"

using tessera::Id;
using tessera::Language;
using tessera::tr;
using tessera::client::make_httplib_api;
using namespace tessera::client::testing;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;

namespace {

std::string token_of(const std::string& link) { return link.substr(link.find("#invitation=") + 12); }


// An invitation made through the API, accepted through the API: the new user's id.
Id api_member(TestServer& server, ApiClient& owner, const std::string& email, bool pool) {
  const auto invitation = owner.post("/api/v1/account/invitations", {{"email", email}, {"scope", {{"pool", pool}}}});
  BOOST_TEST_REQUIRE(invitation.status == 201);
  ApiClient guest(server.port());
  const auto joined = guest.post("/api/v1/invitations/" + token_of(invitation.body["link"]) + "/accept",
                                 {{"name", "Guest"}, {"password", kPassword}});
  BOOST_TEST_REQUIRE(joined.status == 201);
  return joined.body["user"]["id"].get<Id>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(people_screens)

BOOST_AUTO_TEST_CASE(the_owner_invites_and_the_guest_joins_from_the_link_on_another_device) {
  TestServer server;
  api_customer(server, "owner@example.org");
  std::string link;
  {
    FrameDriver owner(make_httplib_api(server.base_url()));
    log_in(owner, "owner@example.org");
    go(owner, "/account");
    BOOST_REQUIRE(owner.click("account.open_people"));
    BOOST_REQUIRE(owner.settle());
    owner.step();
    BOOST_TEST(owner.state()["screen"] == "people");
    BOOST_TEST(owner.state()["people"]["users"].size() == 1u);  // the owner alone
    BOOST_TEST(owner.app().widget_rect("people.invite").has_value());
    BOOST_REQUIRE(owner.type("people.invite_email", "  Guest@Example.org "));
    BOOST_REQUIRE(owner.click("people.invite_pool"));
    BOOST_REQUIRE(owner.click("people.invite"));
    BOOST_REQUIRE(owner.settle());
    owner.step(2);
    auto state = owner.state();
    BOOST_TEST(state["error"].is_null());
    link = state["people"]["link"].get<std::string>();
    BOOST_TEST(link.find("#invitation=") != std::string::npos);
    BOOST_TEST(token_of(link).size() == 64u);
    BOOST_REQUIRE_EQUAL(state["people"]["invitations"].size(), 1u);
    BOOST_TEST(state["people"]["invitations"][0]["email"] == "guest@example.org");
    BOOST_TEST(state["people"]["invitations"][0]["scope"]["pool"] == true);
    BOOST_TEST(owner.app().people.invite_email.empty());  // ready for the next one
    BOOST_REQUIRE(owner.click("people.copy_link"));
    owner.step();
    BOOST_TEST(std::string(ImGui::GetClipboardText()) == link);
    BOOST_TEST(owner.state()["people"]["link_copied"] == true);
    no_missing_texts(owner);
  }
  // The guest opens the link: a visitor's page, in their own language.
  Device phone;
  phone.browser.history = {link.substr(link.find('#') + 1)};
  FrameDriver guest(make_httplib_api(server.base_url()), Language::es, &phone);
  BOOST_REQUIRE(guest.settle());
  guest.step(2);
  BOOST_TEST(guest.state()["screen"] == "invitation");
  BOOST_TEST(phone.browser.address() == "/invitation/" + token_of(link));
  BOOST_TEST(guest.state()["people"]["invitation_email"] == "guest@example.org");
  BOOST_TEST(guest.state()["texts"]["title"] == std::string(tr("invitation.title", Language::es)));
  BOOST_REQUIRE(guest.type("invitation.name", "Gael Invitado"));
  BOOST_REQUIRE(guest.type("invitation.password", "short"));
  BOOST_REQUIRE(guest.click("invitation.accept"));
  guest.step();
  BOOST_TEST(guest.state()["error"]["code"] == "password_too_short");  // said before sending
  BOOST_TEST(guest.state()["error"]["field"] == "password");
  BOOST_TEST(guest.app().record().error_shown);
  guest.app().people.accept.password.clear();
  BOOST_REQUIRE(guest.type("invitation.password", kPassword));
  BOOST_REQUIRE(guest.click("invitation.accept"));
  BOOST_REQUIRE(guest.wait_until([&] { return guest.app().signed_in() && !guest.app().busy(); }));
  guest.step(2);
  const auto state = guest.state();
  BOOST_TEST(state["screen"] == "my_tickets");
  BOOST_TEST(state["user"]["email"] == "guest@example.org");
  BOOST_TEST(state["user"]["language"] == "es");
  no_missing_texts(guest);
}

BOOST_AUTO_TEST_CASE(a_withdrawn_or_used_link_says_why_it_cannot_be_used) {
  TestServer server;
  ApiClient owner_api = api_customer(server, "owner@example.org", "fr");
  const auto invitation = owner_api.post("/api/v1/account/invitations", {{"email", "late@example.org"}});
  BOOST_TEST_REQUIRE(invitation.status == 201);
  const Id id = invitation.body["id"].get<Id>();
  {
    FrameDriver owner(make_httplib_api(server.base_url()), Language::fr);
    log_in(owner, "owner@example.org");
    go(owner, "/account/users");
    BOOST_REQUIRE_EQUAL(owner.state()["people"]["invitations"].size(), 1u);
    BOOST_REQUIRE(owner.click("people.invitation." + std::to_string(id) + ".withdraw"));
    BOOST_REQUIRE(owner.settle());
    owner.step(2);
    BOOST_TEST(owner.state()["people"]["invitations"].empty());
    BOOST_TEST(owner.state()["people"]["notice"] == std::string(tr("people.withdrawn", Language::fr)));
  }
  Device device;
  device.browser.history = {"invitation=" + token_of(invitation.body["link"])};
  FrameDriver guest(make_httplib_api(server.base_url()), Language::fr, &device);
  BOOST_REQUIRE(guest.settle());
  guest.step(2);
  BOOST_TEST(guest.state()["screen"] == "invitation");
  BOOST_TEST(guest.state()["people"]["invitation_error"] == "invitation_revoked");
  BOOST_TEST(guest.state()["texts"]["invitation.error"] == std::string(tr("error.invitation_revoked", Language::fr)));
  BOOST_TEST(!guest.app().widget_rect("invitation.accept").has_value());
  // A link cut short: unknown.
  guest.app().navigate("/invitation/abc");
  BOOST_REQUIRE(guest.settle());
  guest.step(2);
  BOOST_TEST(guest.state()["people"]["invitation_error"] == "invitation_unknown");
  no_missing_texts(guest);
}

BOOST_AUTO_TEST_CASE(the_owner_changes_a_scope_and_removes_a_user_after_confirming) {
  TestServer server;
  ApiClient owner_api = api_customer(server, "owner@example.org");
  const Id member = api_member(server, owner_api, "member@example.org", false);
  FrameDriver owner(make_httplib_api(server.base_url()));
  log_in(owner, "owner@example.org");
  go(owner, "/account/users");
  const std::string prefix = "people.user." + std::to_string(member);
  BOOST_REQUIRE_EQUAL(owner.state()["people"]["users"].size(), 2u);
  BOOST_TEST(owner.state()["people"]["users"][1]["scope"]["pool"] == false);
  BOOST_REQUIRE(owner.click(prefix + ".pool"));
  BOOST_REQUIRE(owner.settle());
  owner.step(2);
  BOOST_TEST(owner.state()["people"]["users"][1]["scope"]["pool"] == true);
  BOOST_TEST(owner_api.get("/api/v1/account/users").body["users"][1]["scope"]["pool"] == true);
  // The subscription scope without a subscription: refused, the reason said.
  BOOST_REQUIRE(owner.click(prefix + ".subscription"));
  BOOST_REQUIRE(owner.settle());
  owner.step();
  BOOST_TEST(owner.state()["error"]["code"] == "no_subscription");
  // Remove asks first; Cancel keeps the user.
  BOOST_REQUIRE(owner.click(prefix + ".remove"));
  owner.step();
  BOOST_REQUIRE(owner.app().widget_rect(prefix + ".remove_no").has_value());
  BOOST_REQUIRE(owner.click(prefix + ".remove_no"));
  owner.step();
  BOOST_TEST(owner.state()["people"]["users"].size() == 2u);
  BOOST_REQUIRE(owner.click(prefix + ".remove"));
  owner.step();
  BOOST_REQUIRE(owner.click(prefix + ".remove_yes"));
  BOOST_REQUIRE(owner.settle());
  owner.step(2);
  BOOST_TEST(owner.state()["people"]["users"].size() == 1u);
  ApiClient removed(server.port());
  BOOST_TEST(removed.post("/api/v1/auth/login", {{"email", "member@example.org"}, {"password", kPassword}}).status == 401);
  no_missing_texts(owner);
}

BOOST_AUTO_TEST_CASE(a_bad_email_is_said_at_its_field_before_anything_is_sent) {
  TestServer server;
  api_customer(server, "owner@example.org", "fr");
  FrameDriver owner(make_httplib_api(server.base_url()), Language::fr);
  log_in(owner, "owner@example.org");
  go(owner, "/account/users");
  BOOST_REQUIRE(owner.type("people.invite_email", "not an email"));
  BOOST_REQUIRE(owner.click("people.invite"));
  owner.step();
  const auto state = owner.state();
  BOOST_TEST(state["error"]["code"] == "invalid_email");
  BOOST_TEST(state["error"]["field"] == "email");
  BOOST_TEST(state["error"]["text"] == std::string(tr("error.invalid_email", Language::fr)));
  BOOST_TEST(owner.app().record().error_shown);
  BOOST_TEST(!owner.app().busy("people.invite"));
  BOOST_TEST(state["fields"]["people.invite_email"] == "not an email");  // kept as typed
}

BOOST_AUTO_TEST_CASE(an_authorized_user_is_told_only_the_owner_manages_users) {
  TestServer server;
  ApiClient owner_api = api_customer(server, "owner@example.org");
  api_member(server, owner_api, "member@example.org", true);
  FrameDriver member(make_httplib_api(server.base_url()));
  log_in(member, "member@example.org");
  go(member, "/account");
  BOOST_TEST(!member.app().widget_rect("account.open_people").has_value());
  go(member, "/account/users");
  BOOST_TEST(member.state()["people"]["owner_only"] == true);
  BOOST_TEST(member.state()["error"].is_null());
  no_missing_texts(member);
}

BOOST_AUTO_TEST_CASE(changing_the_password_ends_the_other_sessions) {
  TestServer server;
  api_customer(server, "owner@example.org", "es");
  ApiClient other_device(server.port());
  BOOST_TEST_REQUIRE(other_device.post("/api/v1/auth/login", {{"email", "owner@example.org"}, {"password", kPassword}}).status == 200);
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  log_in(driver, "owner@example.org");
  go(driver, "/account");
  BOOST_TEST(driver.state()["screen"] == "account");
  BOOST_REQUIRE(driver.type("account.current_password", "not my password"));
  BOOST_REQUIRE(driver.type("account.new_password", "a much better passphrase"));
  BOOST_REQUIRE(driver.click("account.change_password"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "wrong_password");
  BOOST_TEST(driver.state()["error"]["field"] == "current_password");
  BOOST_TEST(driver.app().record().error_shown);
  driver.app().people.password.current_password.clear();
  BOOST_REQUIRE(driver.type("account.current_password", kPassword));
  BOOST_REQUIRE(driver.click("account.change_password"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["error"].is_null());
  BOOST_TEST(driver.state()["people"]["password_changed"] == true);
  BOOST_TEST(driver.state()["texts"]["account.password_changed"] == std::string(tr("account.password_changed", Language::es)));
  BOOST_TEST(other_device.get("/api/v1/me").status == 401);
  BOOST_TEST(driver.app().signed_in());  // this session stays
  ApiClient again(server.port());
  BOOST_TEST(again.post("/api/v1/auth/login", {{"email", "owner@example.org"}, {"password", "a much better passphrase"}}).status == 200);
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(log_out_everywhere_ends_this_session_and_the_others) {
  TestServer server;
  api_customer(server, "owner@example.org");
  ApiClient other_device(server.port());
  BOOST_TEST_REQUIRE(other_device.post("/api/v1/auth/login", {{"email", "owner@example.org"}, {"password", kPassword}}).status == 200);
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "owner@example.org");
  go(driver, "/account");
  BOOST_REQUIRE(driver.click("account.logout_everywhere"));
  BOOST_REQUIRE(driver.wait_until([&] { return !driver.app().signed_in(); }));
  driver.step(5);
  BOOST_TEST(driver.state()["screen"] == "home");
  BOOST_REQUIRE(driver.wait_until([&] { return other_device.get("/api/v1/me").status == 401; }, 50));
}

BOOST_AUTO_TEST_CASE(the_startup_conference_is_booked_and_its_details_saved) {
  TestServer server;
  ApiClient owner_api = api_customer(server, "owner@example.org");
  {  // Before any activation: the step is not open yet, and the screen says so.
    FrameDriver driver(make_httplib_api(server.base_url()), Language::fr);
    log_in(driver, "owner@example.org");
    go(driver, "/account/onboarding");
    BOOST_TEST(driver.state()["onboarding"]["available"] == false);
    BOOST_TEST(!driver.app().widget_rect("onboarding.save").has_value());
    no_missing_texts(driver);
  }
  server.create_staff("ada@example.org", "admin password", "Ada", "admin");
  ApiClient admin(server.port());
  BOOST_TEST_REQUIRE(admin.post("/api/v1/auth/login", {{"email", "ada@example.org"}, {"password", "admin password"}}).status == 200);
  const auto order = owner_api.post("/api/v1/orders", {{"kind", "subscription"}, {"extra_users", 0}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  BOOST_TEST_REQUIRE(admin.post("/api/v1/admin/orders/" + std::to_string(order.body["id"].get<Id>()) + "/payment",
                                nlohmann::json::object()).status == 200);
  const auto slot = admin.post("/api/v1/admin/onboarding/slots", {{"starts_at", server.now() + 2 * 86400}, {"length_minutes", 45}});
  BOOST_TEST_REQUIRE(slot.status == 201);
  const Id slot_id = slot.body["id"].get<Id>();

  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "owner@example.org");
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.app().widget_rect("tickets.onboarding_open").has_value());  // "to arrange", on My tickets
  BOOST_REQUIRE(driver.click("tickets.onboarding_open"));
  BOOST_REQUIRE(driver.settle());
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "onboarding");
  BOOST_TEST(driver.state()["onboarding"]["required"] == true);
  BOOST_TEST(driver.state()["onboarding"]["free_slots"] == 1);
  BOOST_REQUIRE(driver.click("onboarding.book." + std::to_string(slot_id)));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["onboarding"]["choice"] == "call_booked");
  BOOST_TEST(driver.state()["onboarding"]["call_at"] == server.now() + 2 * 86400);
  // A bad phone is said at the phones field, before sending.
  BOOST_REQUIRE(driver.type("onboarding.phones", "call me maybe"));
  BOOST_REQUIRE(driver.click("onboarding.save"));
  driver.step();
  BOOST_TEST(driver.state()["error"]["code"] == "invalid_phone");
  BOOST_TEST(driver.state()["error"]["field"] == "contacts.phones");
  BOOST_TEST(driver.app().record().error_shown);
  driver.app().people.onboarding_form.phones.clear();
  BOOST_REQUIRE(driver.type("onboarding.phones", "+33 1 23 45 67 89"));
  BOOST_REQUIRE(driver.type("onboarding.preferred_hours", "weekdays after 18:00"));
  BOOST_REQUIRE(driver.type("onboarding.devices", "Dell XPS 13 laptop"));
  BOOST_REQUIRE(driver.type("onboarding.network", "Fibre box, Wi-Fi mesh"));
  BOOST_TEST(driver.app().people.onboarding_form.edited);
  BOOST_REQUIRE(driver.click("onboarding.save"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["error"].is_null());
  BOOST_TEST(driver.state()["onboarding"]["saved"] == true);
  const auto stored = owner_api.get("/api/v1/onboarding").body["onboarding"];
  BOOST_TEST(stored["contacts"]["phones"][0] == "+33 1 23 45 67 89");
  BOOST_TEST(stored["environment"]["devices"][0] == "Dell XPS 13 laptop");
  BOOST_TEST(stored["environment"]["network"] == "Fibre box, Wi-Fi mesh");
  // By email instead frees the slot.
  BOOST_REQUIRE(driver.click("onboarding.by_email"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["onboarding"]["choice"] == "by_email");
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_CASE(invitation_links_are_read_as_app_addresses) {
  tessera::client::Router router;
  static constexpr tessera::client::ScreenDef kScreens[] = {
      {"invitation", "/invitation/{token}", "invitation.title", tessera::client::Audience::visitor, nullptr}};
  router.add(kScreens);
  const auto route = router.match("invitation=" + std::string(64, 'a'), std::nullopt);
  BOOST_REQUIRE(route.has_value());
  BOOST_TEST(route->params.text("token") == std::string(64, 'a'));
  BOOST_TEST(route->address == "/invitation/" + std::string(64, 'a'));
  BOOST_TEST(!router.match("tickets/x=1", std::nullopt).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] States drawn with no server: loading, error (with Try again), filled.

BOOST_AUTO_TEST_SUITE(people_screen_states)

BOOST_AUTO_TEST_CASE(the_users_screen_shows_loading_then_the_error_then_the_list) {
      std::vector<SentRequest> sent;
  std::deque<tessera::client::HttpResponse> answers;
  auto api = std::make_shared<ScriptedApi>(sent, answers);
  tessera::wire::Me me;
  me.user.id = 7;
  me.user.account_id = 3;
  me.user.name = "Odile";
  me.user.email = "odile@example.org";
  me.user.language = Language::fr;
  me.user.account_owner = true;
  answers.push_back({200, nlohmann::json(me).dump()});
  Device device;
  device.browser.history = {"/account/users"};
  FrameDriver driver(api, Language::fr, &device);
  BOOST_REQUIRE(driver.wait_until([&] {
    if (driver.app().signed_in()) api->hold = true;  // the list's answer waits
    return driver.app().screen() == "people";
  }));
  driver.step(2);
  // What waits for an answer: the list, and the session asked again when the stream opened.
  const auto waiting = std::vector<SentRequest>(sent.end() - static_cast<std::ptrdiff_t>(api->pending()), sent.end());
  BOOST_TEST(std::any_of(waiting.begin(), waiting.end(), [](const SentRequest& r) { return r.path == "/api/v1/account/users"; }));
  BOOST_TEST(driver.state()["texts"]["people.loading"] == std::string(tr("common.loading", Language::fr)));
  BOOST_TEST(driver.app().widget_rect("people.invite").has_value());  // the form is usable meanwhile
  for (const auto& request : waiting)
    answers.push_back(request.path == "/api/v1/me" ? tessera::client::HttpResponse{200, nlohmann::json(me).dump()}
                                                   : tessera::client::HttpResponse{500, R"({"error":{"code":"internal","message":"boom"}})"});
  // The session's answer reloads the screen: the list is asked once more, and fails again.
  answers.push_back({500, R"({"error":{"code":"internal","message":"boom"}})"});
  api->hold = false;
  driver.step(3);
  BOOST_TEST(driver.state()["error"]["code"] == "internal");
  BOOST_REQUIRE(driver.app().widget_rect("people.retry").has_value());
  tessera::wire::AccountPeople people;
  people.users.push_back({7, "Odile", "odile@example.org", true, {true, true}, 1'795'770'000});
  answers.push_back({200, nlohmann::json(people).dump()});
  BOOST_REQUIRE(driver.click("people.retry"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["error"].is_null());
  BOOST_TEST(driver.state()["people"]["users"].size() == 1u);
  BOOST_TEST(!driver.app().widget_rect("people.retry").has_value());
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_SUITE_END()
