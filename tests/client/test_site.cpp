// The public screens, headless: the home page with the catalog's offers and prices with VAT
// (loading, the server unreachable and Try again, filled; two columns on a desktop, one on a
// phone), the FAQ in three languages, the transparency board (empty, unreachable, filled with
// charts, rows page by page, published comments, downloads) and the contact form (errors at
// the field before sending, sent, rate-limited). No text may be missing in any language.
#include <boost/test/unit_test.hpp>

#include <deque>

#include "client_fixtures.hpp"
#include "scripted_api.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/public_site.hpp"
#include "tessera/texts.hpp"

using tessera::Id;
using tessera::Language;
using tessera::tr;
using tessera::client::HttpResponse;
using tessera::client::make_httplib_api;
using tessera::client::testing::FrameDriver;
using tessera::client::testing::ScriptedApi;
using tessera::client::testing::SentRequest;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;
using nlohmann::json;

namespace {

std::string text_of(FrameDriver& driver, const std::string& id) {
  const auto texts = driver.state()["texts"];
  return texts.contains(id) ? texts[id].get<std::string>() : std::string("<not drawn: " + id + ">");
}

// A closed ticket of `customer`, answered and resolved by `olga`, rated with a published comment.
void close_rated(ApiClient& customer, ApiClient& olga, const std::string& key, int rating, const std::string& comment) {
  const Id id = tessera::client::testing::api_ticket(customer, "Issue " + key, key);
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/messages", {{"body", "On it"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  BOOST_TEST_REQUIRE(customer.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);
  BOOST_TEST_REQUIRE(
      customer.post(path + "/evaluation", {{"rating", rating}, {"comment", comment}, {"publish_comment", true}}).status == 201);
}

// A driver whose answers the test writes: GET /me answers "nobody signed in".
struct Scripted {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> answers{HttpResponse{401, R"({"error":{"code":"unauthenticated"}})"}};
  std::shared_ptr<ScriptedApi> api = std::make_shared<ScriptedApi>(sent, answers);
};

}  // namespace

BOOST_AUTO_TEST_SUITE(site_screens)

BOOST_AUTO_TEST_CASE(the_home_page_shows_every_offer_of_the_catalog_with_its_price_with_vat) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  auto state = driver.state();
  BOOST_TEST(state["screen"] == "home");
  std::vector<std::string> ids;
  for (const auto& offer : state["site"]["offers"]) ids.push_back(offer["id"]);
  const auto catalog = tessera::default_catalog();
  BOOST_TEST(ids.size() == 2 + catalog.packs.size() + catalog.minute_blocks.size());
  BOOST_TEST(ids[0] == "trial");
  BOOST_TEST(ids[1] == "subscription");
  for (const auto& id : ids) BOOST_TEST(driver.app().widget_rect("offer." + id).has_value(), id);
  // 49.00 net + 20 % VAT, per month; the sentence says what it is.
  BOOST_TEST(text_of(driver, "offer.subscription.price") == "€58.80 incl. VAT per month");
  BOOST_TEST(text_of(driver, "offer.subscription.extra") == "Each extra user: €18.00 incl. VAT per month.");
  BOOST_TEST(text_of(driver, "offer.trial.price") == "Free");
  BOOST_TEST(text_of(driver, "offer.trial.meaning").find("15 minutes") == 0u);
  BOOST_TEST(text_of(driver, "home.vat_note") == "Prices include VAT at 20%. One invoice for every purchase.");
  BOOST_TEST(driver.app().widget_rect("home.try_free").has_value());
  BOOST_TEST(driver.app().widget_rect("home.login").has_value());
  no_missing_texts(driver);

  // In Spanish: the same offers, in Spanish words and formats.
  BOOST_REQUIRE(driver.click("lang.es"));
  driver.step(2);
  BOOST_TEST(text_of(driver, "offer.subscription.price") == "58,80 € IVA incl. al mes");
  BOOST_TEST(text_of(driver, "offer.trial.name") == "Prueba gratuita");
  BOOST_TEST(text_of(driver, "home.vat_note") == "Precios con IVA del 20 % incluido. Una factura por cada compra.");
  no_missing_texts(driver);

  BOOST_REQUIRE(driver.click("home.try_free"));
  BOOST_TEST(driver.state()["screen"] == "signup");
}

BOOST_AUTO_TEST_CASE(the_home_page_says_it_is_loading_then_that_the_server_is_unreachable_and_tries_again) {
  Scripted script;
  FrameDriver driver(script.api, Language::fr);
  script.api->hold_path = "/api/v1/catalog";  // nobody is signed in; the catalog's answer does not come yet
  driver.step(3);
  BOOST_TEST(driver.state()["screen"] == "home");
  BOOST_TEST(text_of(driver, "home.offers.state") == "Chargement…");
  BOOST_TEST(driver.state()["site"]["catalog"]["loading"] == true);
  script.answers.push_back(HttpResponse{0, ""});  // no answer: the server is down
  script.api->hold_path.clear();
  driver.step(3);
  BOOST_TEST(text_of(driver, "home.offers.state") ==
             "Les offres n'ont pas pu être chargées. " + std::string(tr("error.network", Language::fr)));
  BOOST_TEST(driver.state()["site"]["offers"].empty());
  BOOST_TEST(driver.app().widget_rect("home.try_free").has_value());  // trying stays possible
  no_missing_texts(driver);

  script.answers.push_back(HttpResponse{200, tessera::codec::encode(tessera::default_catalog()).dump()});
  BOOST_REQUIRE(driver.click("home.offers.retry"));
  driver.step(3);
  BOOST_TEST(script.sent.back().path == "/api/v1/catalog");
  BOOST_TEST(driver.state()["site"]["catalog"]["error"].is_null());
  BOOST_TEST(text_of(driver, "offer.subscription.price") == "58,80 € TTC par mois");
  BOOST_TEST(!driver.app().widget_rect("home.offers.retry").has_value());
}

BOOST_AUTO_TEST_CASE(the_offers_are_two_a_row_on_a_desktop_and_one_column_on_a_phone) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  const auto trial = *driver.app().widget_rect("offer.trial");
  const auto subscription = *driver.app().widget_rect("offer.subscription");
  BOOST_TEST(trial.y == subscription.y);
  BOOST_TEST(subscription.x > trial.x + trial.w);

  ImGui::GetIO().DisplaySize = ImVec2(390.0f, 844.0f);
  driver.step(3);
  const auto phone_trial = *driver.app().widget_rect("offer.trial");
  const auto phone_subscription = *driver.app().widget_rect("offer.subscription");
  BOOST_TEST(phone_trial.x == phone_subscription.x);
  BOOST_TEST(phone_subscription.y > phone_trial.y + phone_trial.h);
  BOOST_TEST(phone_trial.x + phone_trial.w <= 390.0f);
  BOOST_TEST(driver.app().widget_rect("nav.menu").has_value());  // the places fold into the menu
  // Everything can still be reached: the contact link at the bottom scrolls into view.
  BOOST_REQUIRE(driver.click("home.contact"));
  BOOST_TEST(driver.state()["screen"] == "contact");
}

BOOST_AUTO_TEST_CASE(the_faq_shows_the_business_questions_in_each_language_to_visitors_and_customers) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  BOOST_REQUIRE(driver.settle());
  BOOST_REQUIRE(driver.click("nav.faq"));
  driver.step(2);
  BOOST_TEST(driver.state()["screen"] == "faq");
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    BOOST_REQUIRE(driver.click("lang." + std::string(tessera::to_string(language))));
    driver.step(2);
    const auto entries = tessera::site::faq(language);
    BOOST_TEST(entries.size() >= 18u);
    BOOST_TEST(text_of(driver, "faq.count") == std::to_string(entries.size()));
    BOOST_TEST(text_of(driver, "faq.q1") == entries.front().question);
    BOOST_TEST(text_of(driver, "faq.q" + std::to_string(entries.size())) == entries.back().question);
    BOOST_TEST(text_of(driver, "title") == std::string(tr("site.faq.title", language)));
  }
  no_missing_texts(driver);
  BOOST_REQUIRE(driver.click("faq.contact"));
  BOOST_TEST(driver.state()["screen"] == "contact");

  // A signed-in customer's bar keeps to their own places; the FAQ is still theirs at its address.
  tessera::client::testing::api_customer(server, "zoe@example.org");
  tessera::client::testing::log_in(driver, "zoe@example.org");
  BOOST_TEST(driver.app().widget_rect("nav.my_tickets").has_value());
  BOOST_TEST(!driver.app().widget_rect("nav.faq").has_value());
  driver.app().navigate("/faq");
  driver.step(2);
  BOOST_TEST(driver.state()["screen"] == "faq");
  BOOST_TEST(!driver.app().widget_rect("faq.try_free").has_value());  // already a customer
}

BOOST_AUTO_TEST_CASE(the_board_is_empty_then_shows_charts_rows_with_comments_page_by_page_and_downloads) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  BOOST_REQUIRE(driver.settle());
  BOOST_REQUIRE(driver.click("nav.board"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["screen"] == "board");
  BOOST_TEST(text_of(driver, "board.empty") == std::string(tr("site.board.empty", Language::en)));
  no_missing_texts(driver);
  BOOST_REQUIRE(driver.click("board.csv"));
  BOOST_REQUIRE(driver.click("board.json"));
  const auto& downloads = driver.device().browser.downloads;
  BOOST_REQUIRE(downloads.size() == 2u);
  BOOST_TEST(downloads[0] == "/api/v1/board.csv");
  BOOST_TEST(downloads[1] == "/api/v1/board.json");

  // 21 closed tickets: 20 rated 5, one rated 2 with a comment: two pages of 20.
  ApiClient ana = tessera::client::testing::api_customer(server, "ana@example.org");
  ApiClient olga = tessera::client::testing::api_staff(server, "olga@tessera.local");
  for (int n = 1; n <= 20; ++n) close_rated(ana, olga, "k" + std::to_string(n), 5, "Great help " + std::to_string(n));
  close_rated(ana, olga, "k21", 2, "Slow but it works");
  driver.app().reload_screen();
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  auto state = driver.state();
  BOOST_TEST(state["site"]["board"]["total"] == 21);
  BOOST_TEST(state["site"]["board"]["rows"].size() == 20u);
  BOOST_TEST(text_of(driver, "board.range") == "Tickets 1 to 20 of 21");
  BOOST_TEST(text_of(driver, "board.page") == "Page 1 of 2");
  BOOST_TEST(text_of(driver, "board.chart.distribution") == "5/5=20;4/5=0;3/5=0;2/5=1;1/5=0");
  BOOST_TEST(text_of(driver, "board.chart.sla").find("High=") == 0u);
  BOOST_TEST(text_of(driver, "board.chart.rating_month").find("=4.86") != std::string::npos);  // 102 / 21
  BOOST_TEST(!text_of(driver, "board.chart.median_month").empty());
  BOOST_TEST(text_of(driver, "board.rating") == "4.86 out of 5 (21 ratings)");
  const std::string first_reference = state["site"]["board"]["rows"][0]["reference"];
  BOOST_TEST(text_of(driver, "board.row." + first_reference + ".comment") == "« Great help 1 »");
  no_missing_texts(driver);

  BOOST_REQUIRE(driver.click("board.next"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  state = driver.state();
  BOOST_TEST(state["site"]["board"]["offset"] == 20);
  BOOST_REQUIRE(state["site"]["board"]["rows"].size() == 1u);
  const std::string last_reference = state["site"]["board"]["rows"][0]["reference"];
  BOOST_TEST(text_of(driver, "board.row." + last_reference + ".comment") == "« Slow but it works »");
  BOOST_TEST(text_of(driver, "board.range") == "Tickets 21 to 21 of 21");
  BOOST_REQUIRE(driver.click("board.previous"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["site"]["board"]["offset"] == 0);

  // On a phone the charts are one under the other.
  ImGui::GetIO().DisplaySize = ImVec2(390.0f, 844.0f);
  driver.step(3);
  const auto median = *driver.app().widget_rect("board.chart.median_month");
  const auto p90 = *driver.app().widget_rect("board.chart.p90_month");
  BOOST_TEST(median.x == p90.x);
  BOOST_TEST(p90.y > median.y);
}

BOOST_AUTO_TEST_CASE(the_board_says_when_the_server_cannot_be_reached_and_tries_again) {
  Scripted script;
  FrameDriver driver(script.api, Language::es);
  driver.step(2);
  script.api->hold = true;
  driver.app().navigate("/board");
  driver.step(2);
  BOOST_TEST(text_of(driver, "board.state") == "Cargando…");
  script.answers.push_back(HttpResponse{0, ""});
  script.api->hold = false;
  driver.step(3);
  BOOST_TEST(text_of(driver, "board.state") ==
             "No se pudo cargar el panel. " + std::string(tr("error.network", Language::es)));
  BOOST_TEST(driver.state()["site"]["board_fetch"]["error"] == "network");
  no_missing_texts(driver);
  const json empty_board{{"rows", json::array()}, {"total", 0}, {"offset", 0}, {"limit", 20},
                         {"by_criticality", json::array()}, {"by_month", json::array()},
                         {"all", tessera::codec::encode(tessera::aggregate_board({}, "all"))}};
  script.answers.push_back(HttpResponse{200, empty_board.dump()});
  BOOST_REQUIRE(driver.click("board.retry"));
  driver.step(3);
  BOOST_TEST(script.sent.back().path == "/api/v1/board?offset=0&limit=20");
  BOOST_TEST(text_of(driver, "board.empty") == std::string(tr("site.board.empty", Language::es)));
}

BOOST_AUTO_TEST_CASE(the_contact_form_says_each_field_error_before_sending_then_sends) {
  TestServer server;
  FrameDriver driver(make_httplib_api(server.base_url()), Language::es);
  BOOST_REQUIRE(driver.settle());
  go(driver, "/contact");
  BOOST_TEST(driver.state()["screen"] == "contact");
  BOOST_REQUIRE(driver.click("contact.submit"));
  auto error = driver.state()["error"];
  BOOST_TEST(error["code"] == "required");
  BOOST_TEST(error["field"] == "name");
  BOOST_TEST(error["text"] == "Este campo es obligatorio.");
  BOOST_TEST(driver.state()["busy"] == false);  // nothing was sent
  BOOST_REQUIRE(driver.type("contact.name", "Zoé"));
  BOOST_REQUIRE(driver.type("contact.email", "zoe@"));
  BOOST_REQUIRE(driver.type("contact.message", "¿Atienden Mac?"));
  BOOST_REQUIRE(driver.click("contact.submit"));
  error = driver.state()["error"];
  BOOST_TEST(error["field"] == "email");
  BOOST_TEST(error["text"] == std::string(tr("error.invalid_email", Language::es)));
  no_missing_texts(driver);

  BOOST_REQUIRE(driver.click("contact.email"));
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);  // all of it, replaced
  driver.type_text("zoe@example.org");
  driver.step(2);
  BOOST_TEST(driver.state()["fields"]["contact.email"] == "zoe@example.org");
  BOOST_REQUIRE(driver.click("contact.submit"));
  BOOST_REQUIRE(driver.settle());
  driver.step(2);
  BOOST_TEST(driver.state()["site"]["contact_sent"] == true);
  BOOST_TEST(text_of(driver, "contact.sent") == std::string(tr("site.contact.sent", Language::es)));
  server.create_staff("boss@tessera.local", "admin password", "Boss", "admin");
  ApiClient admin(server.port());
  BOOST_REQUIRE(admin.post("/api/v1/auth/login", {{"email", "boss@tessera.local"}, {"password", "admin password"}}).status == 200);
  const auto messages = admin.get("/api/v1/admin/contact").body["messages"];
  BOOST_REQUIRE(messages.size() == 1u);
  BOOST_TEST(messages[0]["email"] == "zoe@example.org");
  BOOST_TEST(messages[0]["message"] == "¿Atienden Mac?");
  // Another message starts from an empty form.
  BOOST_REQUIRE(driver.click("contact.another"));
  driver.step(2);
  BOOST_TEST(driver.state()["fields"]["contact.name"] == "");
}

BOOST_AUTO_TEST_CASE(the_contact_form_says_when_too_many_messages_were_sent) {
  TestServer server([](tessera::server::Config& config) { config.auth_attempts_per_minute = 1; });
  FrameDriver driver(make_httplib_api(server.base_url()), Language::en);
  BOOST_REQUIRE(driver.settle());
  go(driver, "/contact");
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (attempt == 1) BOOST_REQUIRE(driver.click("contact.another"));
    BOOST_REQUIRE(driver.type("contact.name", "Zoé"));
    BOOST_REQUIRE(driver.type("contact.email", "zoe@example.org"));
    BOOST_REQUIRE(driver.type("contact.message", "Hello " + std::to_string(attempt)));
    BOOST_REQUIRE(driver.click("contact.submit"));
    BOOST_REQUIRE(driver.settle());
    driver.step(2);
  }
  const auto error = driver.state()["error"];
  BOOST_TEST(error["code"] == "rate_limited");
  BOOST_TEST(error["text"].get<std::string>().find("seconds") != std::string::npos);
  BOOST_TEST(driver.state()["site"]["contact_sent"] == false);
  BOOST_TEST(driver.state()["fields"]["contact.message"] == "Hello 1");  // the text is kept
  no_missing_texts(driver);
}

BOOST_AUTO_TEST_SUITE_END()
