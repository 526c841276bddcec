// The admin's back office, headless against a real server: settings refused in the browser
// with the domain's errors at their fields (a VAT rate of 250 %, an invalid IBAN — in French
// too) and nothing stored; opening hours and a closed date saved; a pending bank transfer
// recorded (a wrong amount refused first), and the customer's balance refetched when the
// account event arrives; an operator created (no language: refused at the field). Every
// screen is drawn in its loading, empty, error and filled states with no missing text.
#include <boost/test/unit_test.hpp>

#include "client_fixtures.hpp"
#include "tessera/dates.hpp"
#include "tessera/invoice.hpp"

using namespace tessera;
using namespace tessera::client::testing;
using tessera::client::make_httplib_api;
using tessera::client::StreamEvent;
using tessera::testing::ApiClient;
using tessera::testing::TestServer;
using nlohmann::json;

namespace {

constexpr const char* kAdminPassword = "admin password 1";

struct AdminDesk {
  TestServer server;
  Device device;
  std::unique_ptr<FrameDriver> driver;

  explicit AdminDesk(Language language = Language::en) {
    server.create_staff("boss@tessera.local", kAdminPassword, "Béatrice", "admin");
    device.browser.clock_ms = static_cast<double>(server.now()) * 1000.0;
    driver = std::make_unique<FrameDriver>(make_httplib_api(server.base_url()), language, &device);
    log_in(*driver, "boss@tessera.local", kAdminPassword);
    driver->app().set_language(language);  // the admin's own is English; the top bar's choice
    driver->step();
  }
  FrameDriver& d() { return *driver; }
  ApiClient api() {
    ApiClient boss(server.port());
    BOOST_TEST_REQUIRE(boss.post("/api/v1/auth/login", {{"email", "boss@tessera.local"}, {"password", kAdminPassword}}).status == 200);
    return boss;
  }
  void open(const std::string& address, const std::string& screen) {
    d().app().navigate(address);
    BOOST_REQUIRE(d().wait_until([&] { return d().app().screen() == screen && !d().app().busy(); }));
    d().step(2);
  }
};

// Clicks the field, selects what it holds and types `text` over it.
void replace(FrameDriver& driver, const std::string& id, const std::string& text) {
  bool focused = false;
  // A field near the column's top may sit under its clipped edge: turn the wheel up first then.
  for (int attempt = 0; attempt < 3 && !focused; ++attempt) {
    if (attempt > 0) {
      driver.scroll(ImVec2(640.0f, 500.0f), -20.0f * static_cast<float>(attempt));
      driver.step(2);
    }
    focused = driver.type(id, "");
  }
  BOOST_REQUIRE_MESSAGE(focused, id << ": focus " << driver.state()["focus"] << " at y "
                                    << (driver.app().widget_rect(id) ? driver.app().widget_rect(id)->y : -1.0f));
  driver.press_key(ImGuiKey_A, ImGuiMod_Ctrl);
  driver.type_text(text);
  driver.step();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_screens)

BOOST_AUTO_TEST_CASE(a_vat_rate_of_250_percent_is_refused_at_its_field_and_nothing_is_stored) {
  AdminDesk desk;
  desk.open("/admin/settings", "admin_settings");
  BOOST_TEST(desk.d().state()["fields"]["settings.vat"] == "20");
  replace(desk.d(), "settings.vat", "250");
  const auto puts_before = desk.d().app().busy();
  BOOST_TEST(!puts_before);
  BOOST_REQUIRE(desk.d().click("settings.vat.save"));
  desk.d().step(2);
  const auto state = desk.d().state();
  BOOST_TEST(state["error"]["code"] == "invalid_vat_rate");
  BOOST_TEST(state["error"]["field"] == "vat.vat_rate");
  BOOST_TEST(desk.api().get("/api/v1/admin/settings/vat").body["vat_rate"] == 2000);
  // A rate with two decimals is taken, and stored in basis points.
  replace(desk.d(), "settings.vat", "5,5");
  BOOST_REQUIRE(desk.d().click("settings.vat.save"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["saved_part"] == "vat"; }));
  BOOST_TEST(desk.d().state()["error"].is_null());
  BOOST_TEST(desk.api().get("/api/v1/admin/settings/vat").body["vat_rate"] == 550);
  BOOST_TEST(desk.d().state()["fields"]["settings.vat"] == "5.5");
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_CASE(an_invalid_iban_shows_the_french_error_at_the_field) {
  AdminDesk desk(Language::fr);
  desk.open("/admin/settings", "admin_settings");
  BOOST_TEST(desk.d().state()["texts"]["title"] == "Réglages");
  const auto before = desk.api().get("/api/v1/admin/settings/bank").body;
  replace(desk.d(), "settings.bank.holder", "Tessera SARL");
  replace(desk.d(), "settings.bank.iban", "FR76 3000 6000 0112 3456 7890 188");  // one digit off
  replace(desk.d(), "settings.bank.bic", "AGRIFRPP");
  BOOST_REQUIRE(desk.d().click("settings.bank.save"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["error"]["code"] == "invalid_iban");
  BOOST_TEST(desk.d().state()["error"]["field"] == "bank.iban");
  BOOST_TEST(desk.d().app().error_text(*desk.d().app().error) == "IBAN invalide (vérifiez les chiffres).");
  BOOST_TEST(desk.api().get("/api/v1/admin/settings/bank").body == before);
  // The right digit: saved, and shown back as the server stores it (groups of four).
  replace(desk.d(), "settings.bank.iban", "fr7630006000011234567890189");
  BOOST_REQUIRE(desk.d().click("settings.bank.save"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["saved_part"] == "bank"; }));
  BOOST_TEST(desk.d().state()["admin"]["iban"] == "FR76 3000 6000 0112 3456 7890 189");
  BOOST_TEST(desk.api().get("/api/v1/admin/settings/bank").body["iban"] == "FR76 3000 6000 0112 3456 7890 189");
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_CASE(mondays_hours_and_a_closed_date_from_the_calendar_are_saved) {
  AdminDesk desk(Language::es);
  desk.open("/admin/settings", "admin_settings");
  BOOST_TEST(desk.d().state()["fields"]["settings.hours.monday"] == "09:00-18:00");
  // A window that closes before it opens: refused at Monday's field, by the browser.
  // (Typed into the form's state: the headless driver does not focus this field; the e2e
  // scenario 302 types it in the browser.)
  desk.d().app().admin.settings.hours[0] = "18:00-09:00";
  desk.d().step();
  BOOST_REQUIRE(desk.d().click("settings.opening_hours.save"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["error"]["code"] == "invalid_opening_window");
  BOOST_TEST(desk.d().state()["error"]["field"] == "opening_hours.weekly.monday");
  desk.d().app().admin.settings.hours[0] = "10:00-12:00, 14:00-17:00";
  desk.d().step();
  // The calendar shows the server's month (2026-11); the 30th is a Monday.
  BOOST_TEST(desk.d().state()["texts"]["settings.calendar.month"] == "Noviembre 2026");
  BOOST_REQUIRE(desk.d().click("settings.calendar.2026-11-30"));
  BOOST_REQUIRE(desk.d().type("settings.closed_date", "2026-12-25"));
  BOOST_REQUIRE(desk.d().click("settings.closed_date.add"));
  BOOST_TEST(desk.d().state()["admin"]["closed_dates"] == (json{"2026-11-30", "2026-12-25"}));
  BOOST_REQUIRE(desk.d().click("settings.opening_hours.save"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["saved_part"] == "opening_hours"; }));
  const auto stored = desk.api().get("/api/v1/admin/settings/opening_hours").body;
  BOOST_TEST(stored["weekly"]["monday"] == (json{{{"opens", "10:00"}, {"closes", "12:00"}}, {{"opens", "14:00"}, {"closes", "17:00"}}}));
  BOOST_TEST(stored["closed_dates"] == (json{"2026-11-30", "2026-12-25"}));
  BOOST_TEST(stored["time_zone"] == "Europe/Paris");
  // A zone the server's IANA data does not know: the server's answer, at the zone's field.
  replace(desk.d(), "settings.time_zone", "Europe/Atlantis");
  BOOST_REQUIRE(desk.d().click("settings.opening_hours.save"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return !desk.d().state()["error"].is_null(); }));
  BOOST_TEST(desk.d().state()["error"]["code"] == "invalid_time_zone");
  BOOST_TEST(desk.d().state()["error"]["field"] == "opening_hours.time_zone");
  BOOST_TEST(desk.api().get("/api/v1/admin/settings/opening_hours").body == stored);
  // A closed day clicked again reopens.
  BOOST_REQUIRE(desk.d().click("settings.calendar.2026-11-30"));
  BOOST_TEST(desk.d().state()["admin"]["closed_dates"] == (json{"2026-12-25"}));
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_CASE(a_recorded_transfer_activates_the_order_and_the_customer_refetches_the_balance) {
  AdminDesk desk;
  desk.open("/admin/orders", "admin_orders");
  BOOST_TEST(desk.d().state()["admin"]["orders_loaded"] == true);
  BOOST_TEST(desk.d().state()["admin"]["orders"].empty());  // the empty state

  // A customer on their own device, with the pack ordered by transfer.
  ApiClient zoe = api_customer(desk.server, "zoe@example.org");
  const auto order = zoe.post("/api/v1/orders", {{"kind", "pack"}, {"offer_code", "pack_1"}, {"method", "bank_transfer"}});
  BOOST_TEST_REQUIRE(order.status == 201);
  const Id id = order.body["id"].get<Id>();
  Device phone;
  FrameDriver customer(make_httplib_api(desk.server.base_url()), Language::en, &phone);
  log_in(customer, "zoe@example.org");
  BOOST_TEST(customer.state()["balances"]["units_available"] == 0);

  desk.d().step();  // the admin's ImGui context is current again (each driver has its own)
  BOOST_REQUIRE(desk.d().click("orders.refresh"));
  const bool listed = desk.d().wait_until([&] { return desk.d().state()["admin"]["orders"].size() == 1u; });
  BOOST_REQUIRE_MESSAGE(listed, desk.d().state()["admin"].dump() << " error " << desk.d().state()["error"].dump()
                                                               << " api " << desk.api().get("/api/v1/admin/orders").body.dump() << " order " << order.body.dump());
  BOOST_REQUIRE(desk.d().click("order." + std::to_string(id) + ".record"));
  // The form starts with the order's amount and today.
  BOOST_TEST(desk.d().state()["fields"]["payment.amount"] == tessera::format_cents(order.body["gross"].get<Cents>()));
  BOOST_TEST(desk.d().state()["fields"]["payment.received_on"] == to_iso(utc_date_of(desk.server.now())));
  replace(desk.d(), "payment.amount", "1.00");
  BOOST_REQUIRE(desk.d().type("payment.reference", "VIR 2026-118"));
  BOOST_REQUIRE(desk.d().click("payment.submit"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["error"]["code"] == "payment_amount_mismatch");
  BOOST_TEST(desk.d().state()["error"]["field"] == "payment.amount");
  BOOST_TEST(zoe.get("/api/v1/me").body["balances"]["units_available"] == 0);

  replace(desk.d(), "payment.amount", tessera::format_cents(order.body["gross"].get<Cents>()));
  BOOST_REQUIRE(desk.d().click("payment.submit"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["recorded"] == order.body["reference"]; }));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["orders"].empty() && !desk.d().app().busy(); }));
  BOOST_TEST(desk.d().state()["texts"]["orders.recorded"].get<std::string>().find(order.body["reference"].get<std::string>()) !=
             std::string::npos);

  // Paid, but the customer's app does not know yet: nothing asked for /me since.
  customer.step(5);
  BOOST_TEST(customer.state()["balances"]["units_available"] == 0);
  // The account event (the server sends it on the customer's stream) makes the app refetch /me.
  phone.events.push(StreamEvent{StreamEvent::Kind::account});
  BOOST_REQUIRE(customer.wait_until([&] { return customer.state()["balances"]["units_available"] == 1; }));
  desk.d().step();
  no_missing_texts(desk.d());
  no_missing_texts(customer);
}

BOOST_AUTO_TEST_CASE(an_operator_is_created_with_the_languages_they_speak) {
  AdminDesk desk;
  desk.open("/admin/operators", "admin_operators");
  BOOST_TEST(desk.d().state()["admin"]["staff"].size() == 1u);  // the admin alone
  BOOST_REQUIRE(desk.d().type("operator.name", "Pablo"));
  BOOST_REQUIRE(desk.d().type("operator.email", "pablo@tessera.local"));
  BOOST_REQUIRE(desk.d().type("operator.password", "a good password"));
  BOOST_REQUIRE(desk.d().click("operator.language.en"));  // unticks the default: no language left
  BOOST_REQUIRE(desk.d().click("operator.submit"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["error"]["field"] == "operator.languages");
  BOOST_TEST(desk.d().state()["error"]["code"] == "required");
  BOOST_REQUIRE(desk.d().click("operator.language.es"));
  BOOST_REQUIRE(desk.d().click("operator.submit"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["staff"].size() == 2u && !desk.d().app().busy(); }));
  BOOST_TEST(desk.d().state()["admin"]["operator_created"] == "pablo@tessera.local");
  bool pablo = false;
  const auto staff = desk.d().state()["admin"]["staff"];
  for (const auto& member : staff)
    if (member["email"] == "pablo@tessera.local") pablo = member["languages"] == json{"es"} && member["role"] == "operator";
  BOOST_TEST(pablo);
  // The same email again: the server's answer, at the email field.
  BOOST_REQUIRE(desk.d().type("operator.name", "Pablo"));
  BOOST_REQUIRE(desk.d().type("operator.email", "pablo@tessera.local"));
  BOOST_REQUIRE(desk.d().type("operator.password", "a good password"));
  BOOST_REQUIRE(desk.d().click("operator.submit"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return !desk.d().state()["error"].is_null(); }));
  BOOST_TEST(desk.d().state()["error"]["code"] == "email_taken");
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_CASE(an_operators_languages_are_changed_then_they_are_disabled_after_confirming_and_enabled) {
  AdminDesk desk(Language::es);
  desk.server.create_staff("olga@tessera.local", "operator password", "Olga", "operator", "en");  // speaks English
  ApiClient olga(desk.server.port());
  BOOST_TEST_REQUIRE(olga.post("/api/v1/auth/login", {{"email", "olga@tessera.local"}, {"password", "operator password"}}).status == 200);
  desk.open("/admin/operators", "admin_operators");
  Id olga_id = 0;
  const auto listed = desk.d().state()["admin"]["staff"];
  for (const auto& member : listed)
    if (member["email"] == "olga@tessera.local") olga_id = member["id"].get<Id>();
  BOOST_TEST_REQUIRE(olga_id != 0);
  const std::string row = "operator." + std::to_string(olga_id);
  // The admin cannot disable themselves: no such button on their own row.
  const Id boss_id = desk.d().app().session.me->user.id;
  BOOST_TEST(!desk.d().app().widget_rect("operator." + std::to_string(boss_id) + ".disable").has_value());

  // Languages: none ticked is said before sending; then Spanish added.
  BOOST_REQUIRE(desk.d().click(row + ".edit"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["admin"]["operator_editing"] == olga_id);
  BOOST_TEST(desk.d().state()["texts"]["operator_edit.title"] == "Idiomas de Olga");
  BOOST_REQUIRE(desk.d().click("operator_edit.language.en"));  // unticked: none left
  BOOST_REQUIRE(desk.d().click("operator_edit.save"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["error"]["field"] == "operator_edit.languages");
  BOOST_REQUIRE(desk.d().click("operator_edit.language.en"));
  BOOST_REQUIRE(desk.d().click("operator_edit.language.es"));
  BOOST_REQUIRE(desk.d().click("operator_edit.save"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return !desk.d().state()["admin"]["operator_changed"].get<std::string>().empty(); }));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["texts"]["operators.changed"] == "Idiomas de Olga guardados.");
  BOOST_TEST(desk.d().state()["texts"][row + ".about"].get<std::string>().find("Inglés, Español") != std::string::npos);
  const auto stored = desk.api().get("/api/v1/admin/operators").body["operators"];
  for (const auto& member : stored)
    if (member["id"] == olga_id) BOOST_TEST(member["languages"] == json::array({"en", "es"}));

  // Disable: asked first (Cancel changes nothing), then done; her session ends.
  BOOST_REQUIRE(desk.d().click(row + ".disable"));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["texts"]["operator_edit.confirm"].get<std::string>().find("Olga ya no podrá iniciar sesión") == 0u);
  BOOST_REQUIRE(desk.d().click("operator_edit.cancel"));
  desk.d().step(2);
  BOOST_TEST(!desk.d().app().widget_rect("operator_edit.disable_yes").has_value());
  BOOST_TEST(olga.get("/api/v1/queue").status == 200);
  BOOST_REQUIRE(desk.d().click(row + ".disable"));
  desk.d().step(2);
  BOOST_REQUIRE(desk.d().click("operator_edit.disable_yes"));
  BOOST_REQUIRE(desk.d().wait_until([&] {
    const auto staff = desk.d().state()["admin"]["staff"];
    for (const auto& member : staff)
      if (member["id"] == olga_id) return member["disabled"] == true;
    return false;
  }));
  desk.d().step(2);
  BOOST_TEST(desk.d().state()["texts"]["operators.changed"] == "Olga está desactivado.");
  BOOST_TEST(desk.d().state()["texts"][row + ".about"].get<std::string>().find("desactivado") != std::string::npos);
  BOOST_TEST(olga.get("/api/v1/queue").status == 401);
  ApiClient again(desk.server.port());
  BOOST_TEST(again.post("/api/v1/auth/login", {{"email", "olga@tessera.local"}, {"password", "operator password"}}).error_code() ==
             "account_disabled");

  // Enabled again.
  BOOST_REQUIRE(desk.d().click(row + ".enable"));
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["operator_changed"] == "Olga puede volver a iniciar sesión."; }));
  BOOST_TEST(again.post("/api/v1/auth/login", {{"email", "olga@tessera.local"}, {"password", "operator password"}}).status == 200);
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_CASE(the_back_office_is_for_admins_only_and_shows_its_loading_state) {
  AdminDesk desk;
  // Loading: the screen is drawn before the answer arrives.
  desk.d().app().navigate("/admin/settings");
  desk.d().app().frame();
  BOOST_TEST(desk.d().app().busy("admin.settings"));
  BOOST_TEST(desk.d().state()["admin"]["settings_loaded"] == false);
  BOOST_REQUIRE(desk.d().wait_until([&] { return desk.d().state()["admin"]["settings_loaded"] == true; }));
  // The top bar offers the three places to admins.
  desk.d().step();
  for (const char* place : {"nav.admin_settings", "nav.admin_orders", "nav.admin_operators"})
    BOOST_TEST((desk.d().app().widget_rect(place).has_value() || desk.d().app().widget_rect("nav.menu").has_value()), place);
  // An operator asking for the back office lands on their queue.
  desk.server.create_staff("olga@tessera.local", "operator password", "Olga");
  Device other;
  FrameDriver olga(make_httplib_api(desk.server.base_url()), Language::en, &other);
  log_in(olga, "olga@tessera.local", "operator password");
  olga.app().navigate("/admin/orders");
  olga.settle();
  BOOST_TEST(olga.app().screen() == "queue");
  no_missing_texts(desk.d());
}

BOOST_AUTO_TEST_SUITE_END()
