// Navigation like a web page: the screen table and its addresses, Back and Forward, a reload
// that comes back to the same screen still signed in, a link to a ticket opened in a new tab,
// "sign in first, then the page asked for", and the page title that follows the screen.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "core/router.hpp"
#include "ui/screens.hpp"

using namespace tessera;
using namespace tessera::client;
using namespace tessera::client::testing;
using tessera::testing::TestServer;

namespace {
const ScreenDef kTable[] = {
    {"home", "/", "home.title", Audience::visitor, nullptr},
    {"new", "/tickets/new", "ticket.new_title", Audience::customer, nullptr},
    {"customer_ticket", "/tickets/{id}", "ticket.title", Audience::customer, nullptr},
    {"staff_ticket", "/tickets/{id}", "ticket.title", Audience::staff, nullptr},
    {"settings", "/admin/settings", "home.title", Audience::admin, nullptr},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(navigation)

BOOST_AUTO_TEST_CASE(every_screen_the_areas_declare_has_a_drawer_in_the_ui) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  BOOST_TEST_REQUIRE(driver.app().router().screens().size() >= 30u);
  for (const ScreenDef& screen : driver.app().router().screens())
    BOOST_TEST_CONTEXT(screen.id) { BOOST_TEST(ui::screen_drawer(screen.id) != nullptr); }
  BOOST_TEST(ui::screen_drawer("no_such_screen") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_table_matches_addresses_by_pattern_and_audience) {
  Router router;
  router.add(kTable);
  const auto visitor = router.match("/", std::nullopt);
  BOOST_REQUIRE(visitor);
  BOOST_TEST(visitor->screen->id == "home");
  BOOST_TEST(!router.match("/", Role::customer));  // signed-in users have their own start
  BOOST_TEST(router.match("/tickets/new", Role::customer)->screen->id == "new");  // before {id}
  const auto ticket = router.match("/tickets/42?tab=time&q=caf%C3%A9+au+lait", Role::customer);
  BOOST_REQUIRE(ticket);
  BOOST_TEST(ticket->screen->id == "customer_ticket");
  BOOST_TEST(*ticket->params.id("id") == 42);
  BOOST_TEST(ticket->params.text("tab") == "time");
  BOOST_TEST(ticket->params.text("q") == "café au lait");
  BOOST_TEST(router.match("/tickets/42", Role::operator_)->screen->id == "staff_ticket");
  BOOST_TEST(!router.match("/tickets/42", std::nullopt));
  BOOST_TEST(router.match_any_audience("/tickets/42")->id == "customer_ticket");
  BOOST_TEST(!router.match("/admin/settings", Role::operator_));
  BOOST_TEST(router.match("/admin/settings", Role::admin).has_value());
  BOOST_TEST(!router.match("/tickets/42/extra", Role::customer));
  BOOST_TEST(!router.match_any_audience("/nowhere"));
  BOOST_TEST(!router.match("/tickets/abc", Role::customer)->params.id("id").has_value());
  BOOST_TEST(Router::address_of("/tickets/{id}", {{"id", "7"}}) == "/tickets/7");
}

BOOST_AUTO_TEST_CASE(every_screen_has_its_title_in_three_languages) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()));
  BOOST_TEST(driver.app().router().screens().size() >= 8u);
  for (const auto& screen : driver.app().router().screens())
    for (const Language language : {Language::fr, Language::en, Language::es})
      BOOST_TEST(tr(screen.title_key, language) != screen.title_key, screen.id << ": " << screen.title_key);
}

BOOST_AUTO_TEST_CASE(each_screen_has_an_address_and_back_and_forward_move_between_them) {
  TestServer server;
  api_customer(server, "zoe@example.org");
  FrameDriver driver(make_httplib_api(server.base_url()));
  log_in(driver, "zoe@example.org");
  auto& browser = driver.device().browser;
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_TEST(browser.address() == "/tickets");
  BOOST_TEST(browser.title == "My tickets · Tessera");
  BOOST_REQUIRE(driver.click("tickets.new"));
  BOOST_TEST(driver.state()["screen"] == "new_ticket");
  BOOST_TEST(browser.address() == "/tickets/new");
  BOOST_TEST(browser.title == "Describe your problem · Tessera");
  BOOST_REQUIRE(driver.back());
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_REQUIRE(driver.forward());
  BOOST_TEST(driver.state()["screen"] == "new_ticket");
  BOOST_TEST(browser.address() == "/tickets/new");
  // Back to the log-in page's entry: signed in, the log-in page is not for this user.
  BOOST_REQUIRE(driver.back());
  BOOST_REQUIRE(driver.back());
  driver.settle();
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_REQUIRE(driver.click("lang.es"));
  BOOST_TEST(browser.title == "Mis tickets · Tessera");  // the title follows the language too
}

BOOST_AUTO_TEST_CASE(a_reload_comes_back_to_the_same_screen_still_signed_in) {
  TestServer server;
  auto zoe = api_customer(server, "zoe@example.org");
  const Id id = api_ticket(zoe, "Printer offline", "k1");
  Device device;
  std::shared_ptr<Api> api = make_httplib_api(server.base_url());  // keeps the session's cookie, as a browser
  {
    FrameDriver first(api, Language::en, &device);
    log_in(first, "zoe@example.org");
    BOOST_REQUIRE(first.click("tickets.open." + std::to_string(id)));
    first.settle();
    BOOST_TEST(first.state()["screen"] == "ticket");
  }
  BOOST_TEST(device.browser.address() == "/tickets/" + std::to_string(id));
  FrameDriver reloaded(api, Language::fr, &device);
  BOOST_REQUIRE(reloaded.wait_until([&] { return reloaded.app().screen() == "ticket" && !reloaded.app().busy(); }));
  reloaded.step();
  const auto state = reloaded.state();
  BOOST_TEST(state["user"]["email"] == "zoe@example.org");
  BOOST_TEST(state["ticket"]["ticket"]["id"] == id);
  BOOST_TEST(state["ticket_stale"] == false);
  BOOST_TEST(state["missing_texts"].empty());
}

BOOST_AUTO_TEST_CASE(a_link_to_a_ticket_asks_a_visitor_to_sign_in_then_shows_it) {
  TestServer server;
  auto zoe = api_customer(server, "zoe@example.org");
  const Id id = api_ticket(zoe, "Scanner", "k1");
  Device new_tab;
  new_tab.browser.history = {"/tickets/" + std::to_string(id)};
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en, &new_tab);
  driver.settle();
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "login");
  BOOST_TEST(driver.app().session.return_to == "/tickets/" + std::to_string(id));
  log_in(driver, "zoe@example.org");
  driver.settle();
  BOOST_TEST(driver.state()["screen"] == "ticket");
  BOOST_TEST(driver.state()["ticket"]["ticket"]["subject"] == "Scanner");
  BOOST_TEST(new_tab.browser.address() == "/tickets/" + std::to_string(id));
}

BOOST_AUTO_TEST_CASE(an_address_for_nobody_or_for_another_role_lands_on_the_users_start) {
  TestServer server;
  api_customer(server, "zoe@example.org");
  Device device;
  device.browser.history = {"/no/such/page"};
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en, &device);
  driver.settle();
  BOOST_TEST(driver.state()["screen"] == "home");
  log_in(driver, "zoe@example.org");
  driver.app().navigate("/queue");  // the operators' queue
  driver.settle();
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_TEST(device.browser.address() == "/tickets");
}

BOOST_AUTO_TEST_SUITE_END()
