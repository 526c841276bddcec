// The public side's values (public_site.hpp, public_html.hpp): number formats per language,
// the offers of the default catalog with VAT, the board's page read back from its JSON, the
// contact form's checks, and HTML escaping.
#include <boost/test/unit_test.hpp>

#include "tessera/domain_wire.hpp"
#include "tessera/public_html.hpp"
#include "tessera/public_site.hpp"

using namespace tessera;
using namespace tessera::site;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(public_site)

BOOST_AUTO_TEST_CASE(numbers_read_as_each_language_writes_them) {
  BOOST_TEST(money_text(5880, Language::en) == "€58.80");
  BOOST_TEST(money_text(5880, Language::fr) == "58,80 €");
  BOOST_TEST(money_text(5, Language::es) == "0,05 €");
  BOOST_TEST(vat_rate_text(2000, Language::en) == "20%");
  BOOST_TEST(vat_rate_text(550, Language::fr) == "5,5 %");
  BOOST_TEST(vat_rate_text(1234, Language::en) == "12.34%");
  BOOST_TEST(duration_text(45, Language::en) == "45 min");
  BOOST_TEST(duration_text(125, Language::fr) == "2 h 05 min");
  BOOST_TEST(duration_text(std::nullopt, Language::es) == "—");
  BOOST_TEST(per_mille_text(875, Language::en) == "87.5%");
  BOOST_TEST(per_mille_text(1000, Language::es) == "100 %");
  BOOST_TEST(rating_text(467, Language::fr) == "4,67");
  BOOST_TEST(rating_text(400, Language::en) == "4.00");
  BOOST_TEST(group_label("2026-03", Language::en) == "Mar 2026");
  BOOST_TEST(group_label("high", Language::es) == "Alta");
  BOOST_TEST(group_label("all", Language::fr) == "Tous les tickets");
}

BOOST_AUTO_TEST_CASE(the_offers_are_the_trial_the_subscription_and_the_active_packs_and_blocks_with_vat) {
  Catalog catalog = default_catalog();
  catalog.packs.back().active = false;
  const auto list = offers(catalog, Language::en);
  BOOST_TEST_REQUIRE(list.size() == 2 + (catalog.packs.size() - 1) + catalog.minute_blocks.size());
  BOOST_TEST(list[0].id == "trial");
  BOOST_TEST(list[0].price == "Free");
  BOOST_TEST(list[0].meaning == "15 minutes of support when you sign up, valid 30 days, with no payment details.");
  BOOST_TEST(list[1].price == "€58.80 incl. VAT per month");
  BOOST_TEST(list[1].price_detail == "€49.00 excl. VAT + 20% VAT");
  BOOST_TEST(list[1].gross == 5880);
  for (const auto& offer : list) {
    BOOST_TEST(!offer.name.empty());
    BOOST_TEST(!offer.meaning.empty());
    BOOST_TEST(offer.meaning.find('{') == std::string::npos, offer.meaning);  // every placeholder filled
    BOOST_TEST(offer.id != catalog.packs.back().code);  // inactive: not offered
  }
}

BOOST_AUTO_TEST_CASE(the_board_page_reads_back_what_the_server_writes) {
  BoardRow row{.reference = "T-000042", .category = Category::network, .criticality = Criticality::high,
               .language = Language::es, .month_opened = "2026-11", .first_response_minutes = 30,
               .resolution_minutes = 95, .within_sla = true, .rating = 4, .comment = "Muy bien"};
  const std::vector<BoardRow> rows{row};
  json by_criticality = json::array(), by_month = json::array();
  for (const auto& a : aggregate_by_criticality(rows)) by_criticality.push_back(codec::encode(a));
  for (const auto& a : aggregate_by_month(rows)) by_month.push_back(codec::encode(a));
  const json page{{"rows", json::array({codec::encode(row)})}, {"total", 7}, {"offset", 5}, {"limit", 2},
                  {"by_criticality", by_criticality}, {"by_month", by_month},
                  {"all", codec::encode(aggregate_board(rows, "all"))}};
  const auto decoded = decode_board_page(page);
  BOOST_TEST_REQUIRE(decoded.ok());
  BOOST_TEST(decoded->rows.size() == 1u);
  BOOST_TEST((decoded->rows[0] == row));
  BOOST_TEST(decoded->total == 7u);
  BOOST_TEST(decoded->offset == 5u);
  BOOST_TEST((decoded->all == aggregate_board(rows, "all")));
  BOOST_TEST((decoded->by_month.at(0) == aggregate_by_month(rows).at(0)));
  json broken = page;
  broken["all"]["rating_counts"] = json::array({1, 2});
  BOOST_TEST(decode_board_page(broken).error().field == "rating_counts");
  BOOST_TEST(decode_board_page(json::array()).error().code == "invalid_json");
}

BOOST_AUTO_TEST_CASE(the_contact_form_is_checked_field_by_field) {
  const auto ok = parse_contact(json{{"name", " Zoé "}, {"email", "Zoe@Example.org"}, {"message", "Hola"}});
  BOOST_TEST_REQUIRE(ok.ok());
  BOOST_TEST(ok->name == "Zoé");
  BOOST_TEST(ok->email == "zoe@example.org");
  BOOST_TEST(parse_contact(json{{"email", "a@b.org"}, {"message", "x"}}).error().field == "name");
  BOOST_TEST(parse_contact(json{{"name", "Zoé"}, {"email", "zoe@"}, {"message", "x"}}).error().code == "invalid_email");
  const auto long_message = parse_contact(
      json{{"name", "Zoé"}, {"email", "a@b.org"}, {"message", std::string(ContactLimits::message_max + 1, 'x')}});
  BOOST_TEST(long_message.error().code == "too_long");
  BOOST_TEST(long_message.error().field == "message");
}

BOOST_AUTO_TEST_CASE(html_escapes_every_special_character_and_addresses_name_their_language) {
  BOOST_TEST(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
             "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  BOOST_TEST(page_path(PublicPage::board, Language::es) == "/es/board");
  BOOST_TEST(page_path(PublicPage::faq, std::nullopt) == "/faq");
  BOOST_TEST(parse_public_page("offers").has_value());
  BOOST_TEST(!parse_public_page("prices").has_value());
  const std::string html = render_faq_html(Language::fr, "https://help.example.com");
  BOOST_TEST(html.find("<html lang=\"fr\">") != std::string::npos);
  BOOST_TEST(html.find("<link rel=\"canonical\" href=\"https://help.example.com/fr/faq\">") != std::string::npos);
  BOOST_TEST(html.find("<script") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
