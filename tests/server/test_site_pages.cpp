// The plain HTML public pages (SPEC §1.12), fetched from a real server on loopback: /offers,
// /faq and /board in French, English and Spanish, each with <html lang>, its canonical
// address, hreflang alternates and a link into the app to sign up; the offers' prices are
// the catalog's, with VAT; the board shows the closed tickets and their published comments,
// escaped; /offers without a language follows Accept-Language.
#include "fixtures.hpp"
#include "tessera/catalog.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/public_html.hpp"
#include "tessera/public_site.hpp"
#include "tessera/texts.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
bool has(const std::string& page, std::string_view part) { return page.find(part) != std::string::npos; }

std::string page_text(ApiClient& client, const std::string& path, int expected_status = 200) {
  const auto answer = client.get(path);
  BOOST_TEST(answer.status == expected_status, path);
  return answer.raw;
}

// Closes a ticket of `customer` rated `rating` with a published `comment`.
void close_rated(ServerFixture& fixture, ApiClient& customer, ApiClient& olga, const std::string& key, int rating,
                 const std::string& comment) {
  const std::string path = "/api/v1/tickets/" + std::to_string(fixture.open_ticket(customer, key, "Issue " + key));
  olga.post(path + "/actions", {{"action", "take"}});
  olga.post(path + "/messages", {{"body", "On it"}});
  olga.post(path + "/actions", {{"action", "resolve"}});
  BOOST_TEST_REQUIRE(customer.post(path + "/actions", {{"action", "confirm_resolution"}}).status == 200);
  BOOST_TEST_REQUIRE(customer.post(path + "/evaluation", {{"rating", rating}, {"comment", comment}, {"publish_comment", true}})
                         .status == 201);
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(site_pages, ServerFixture)

BOOST_AUTO_TEST_CASE(each_page_exists_in_three_languages_with_lang_canonical_hreflang_and_sign_up) {
  ApiClient visitor = new_client();
  const std::string base = "http://127.0.0.1:8080";  // the test server's public_url
  for (const char* page : {"offers", "faq", "board"})
    for (const Language language : {Language::fr, Language::en, Language::es}) {
      const std::string code(to_string(language));
      const std::string path = "/" + code + "/" + page;
      const auto answer = visitor.get(path);
      BOOST_TEST_REQUIRE(answer.status == 200, path);
      BOOST_TEST(answer.headers.find("Content-Type")->second == "text/html; charset=utf-8", path);
      const std::string& html = answer.raw;
      BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u, path);
      BOOST_TEST(has(html, "<html lang=\"" + code + "\">"), path);
      BOOST_TEST(has(html, "<link rel=\"canonical\" href=\"" + base + path + "\">"), path);
      for (const char* other : {"fr", "en", "es"})
        BOOST_TEST(has(html, std::string("<link rel=\"alternate\" hreflang=\"") + other + "\" href=\"" + base + "/" +
                                 other + "/" + page + "\">"),
                   path << " " << other);
      BOOST_TEST(has(html, "hreflang=\"x-default\" href=\"" + base + "/" + page + "\""), path);
      BOOST_TEST(has(html, "<a class=\"cta\" href=\"/#/signup\">" + site::html_escape(tr("home.try_free", language))),
                 path);
      BOOST_TEST(has(html, "href=\"/#/login\""), path);
      const std::string title_key = std::string("site.") + page + ".title";
      BOOST_TEST(has(html, "<h1>" + site::html_escape(tr(title_key, language)) + "</h1>"), path);
    }
}

BOOST_AUTO_TEST_CASE(a_page_without_language_follows_the_browser_and_an_unknown_one_is_not_found) {
  httplib::Client client("127.0.0.1", server.port());
  const auto spanish = client.Get("/offers", {{"Accept-Language", "es-ES,es;q=0.9,en;q=0.5"}});
  BOOST_TEST_REQUIRE(static_cast<bool>(spanish));
  BOOST_TEST(spanish->status == 200);
  BOOST_TEST(has(spanish->body, "<html lang=\"es\">"));
  BOOST_TEST(has(spanish->body, "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/es/offers\">"));
  BOOST_TEST(spanish->get_header_value("Vary") == "Accept-Language");
  const auto french = client.Get("/faq", {{"Accept-Language", "fr-CA"}});
  BOOST_TEST(has(french->body, "<html lang=\"fr\">"));
  const auto none = client.Get("/board");
  BOOST_TEST(has(none->body, "<html lang=\"en\">"));
  BOOST_TEST(client.Get("/de/offers")->status == 404);
  BOOST_TEST(client.Get("/es/prices")->status == 404);
  // The security headers of every answer, a CSP that the inline style is allowed by.
  BOOST_TEST(has(spanish->get_header_value("Content-Security-Policy"), "style-src 'self' 'unsafe-inline'"));
}

BOOST_AUTO_TEST_CASE(the_offers_page_shows_the_catalog_prices_with_vat_and_follows_a_change) {
  ApiClient visitor = new_client();
  const auto catalog = codec::decode_catalog(visitor.get("/api/v1/catalog").body);
  BOOST_TEST_REQUIRE(catalog.ok());
  std::string html = page_text(visitor, "/es/offers");
  const auto offers = site::offers(*catalog, Language::es);
  BOOST_TEST(offers.size() >= 4u);  // trial, subscription, packs, minutes
  for (const auto& offer : offers) {
    BOOST_TEST(has(html, "<h2>" + site::html_escape(offer.name) + "</h2>"), offer.id);
    BOOST_TEST(has(html, "<p class=\"price\">" + site::html_escape(offer.price) + "</p>"), offer.id);
    BOOST_TEST(has(html, site::html_escape(offer.meaning)), offer.id);
  }
  // The default subscription, 49.00 net + 20 % VAT: 58,80 € with VAT, per month.
  BOOST_TEST(has(html, "58,80 € IVA incl. al mes"));
  BOOST_TEST(has(html, "49,00 € sin IVA + IVA 20 %"));
  BOOST_TEST(has(html, "Prueba gratuita"));

  // The admin changes the price of the 20-ticket pack: the page shows it at once.
  ApiClient admin = staff("boss@tessera.local", "admin");
  json edited = codec::encode(*catalog);
  edited.erase("vat_rate");
  for (auto& pack : edited["packs"])
    if (pack["units"] == 20 && pack["multi_user"] == false) pack["price"] = 12345;
  BOOST_TEST_REQUIRE(admin.put("/api/v1/admin/catalog", edited).status == 200);
  html = page_text(visitor, "/en/offers");
  BOOST_TEST(has(html, "€148.14 incl. VAT"));  // 123.45 + 24.69
  BOOST_TEST(has(html, "€123.45 excl. VAT + 20% VAT"));
}

BOOST_AUTO_TEST_CASE(the_faq_page_holds_every_question_and_answer) {
  ApiClient visitor = new_client();
  for (const Language language : {Language::fr, Language::en, Language::es}) {
    const std::string html = page_text(visitor, "/" + std::string(to_string(language)) + "/faq");
    const auto entries = site::faq(language);
    BOOST_TEST(entries.size() >= 18u);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      BOOST_TEST(has(html, "<dt id=\"q" + std::to_string(i + 1) + "\">" + site::html_escape(entries[i].question) + "</dt>"));
      BOOST_TEST(has(html, "<dd>" + site::html_escape(entries[i].answer) + "</dd>"));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_board_page_is_empty_then_shows_rows_aggregates_and_escaped_comments) {
  ApiClient visitor = new_client();
  std::string html = page_text(visitor, "/en/board");
  BOOST_TEST(has(html, site::html_escape(tr("site.board.empty", Language::en))));
  BOOST_TEST(has(html, "href=\"/api/v1/board.csv\""));
  BOOST_TEST(has(html, "href=\"/api/v1/board.json\""));

  ApiClient ana = customer("ana@example.com");
  ApiClient olga = staff("olga@tessera.local");
  close_rated(*this, ana, olga, "k1", 5, "Très rapide <script>alert('x')</script> & \"merci\"");
  close_rated(*this, ana, olga, "k2", 3, "Bien");
  html = page_text(visitor, "/es/board");
  BOOST_TEST(!has(html, std::string(tr("site.board.empty", Language::es))));
  BOOST_TEST(!has(html, "<script>"));
  BOOST_TEST(has(html, "Très rapide &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;merci&quot;"));
  BOOST_TEST(has(html, "<td lang=\"en\">Bien</td>"));  // the comment in its ticket's language
  BOOST_TEST(has(html, "Tickets 1 a 2 de 2"));
  BOOST_TEST(has(html, "<dt>Valoración media</dt><dd>4,00 de 5 (2 valoraciones)</dd>"));
  BOOST_TEST(has(html, "5/5: 1, 4/5: 0, 3/5: 1, 2/5: 0, 1/5: 0"));
  BOOST_TEST(has(html, "<th scope=\"row\">Alta</th>"));  // the "high" tickets' aggregate
  BOOST_TEST(!has(html, "ana@example.com"));
  BOOST_TEST(!has(html, "Olga"));
  // One page only: no next page, and a page past the end shows the last one.
  BOOST_TEST(!has(html, "rel=\"next\""));
  const std::string far = page_text(visitor, "/es/board?page=9");
  BOOST_TEST(has(far, "Tickets 1 a 2 de 2"));
  BOOST_TEST(has(far, "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/es/board\">"));
}

BOOST_AUTO_TEST_SUITE_END()
