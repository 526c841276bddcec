// The admin area (see admin.hpp): its screens, the settings forms and their local checks
// (the domain's own decoders, so the browser refuses what the server would), the pending
// orders and the payment form, and the staff list and the new-operator form. A server
// error is shown under the field it names, prefixed with the form's name like the screen's
// fields ("vat.vat_rate", "payment.amount", "operator.email").
#include "areas/admin.hpp"

#include <algorithm>
#include <charconv>

#include "app.hpp"
#include "core/json_read.hpp"
#include "tessera/business_settings.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/invoice.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/payment_receipt.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 7> kDays{"monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 4> kLevels{"critical", "high", "normal", "low"};
constexpr std::array<std::string_view, 7> kParts{"opening_hours", "sla_targets", "trial", "vat",
                                                 "seller", "bank", "check"};

void enter_settings(App& app, const RouteParams&) { admin::load_settings(app); }
void enter_orders(App& app, const RouteParams&) { admin::load_orders(app); }
void enter_catalog(App& app, const RouteParams&) { admin::load_catalog(app); }
void enter_operators(App& app, const RouteParams&) { admin::load_operators(app); }

const ScreenDef kScreens[] = {
    {"admin_settings", "/admin/settings", "admin.settings.title", Audience::admin, enter_settings, "nav.admin_settings"},
    {"admin_catalog", "/admin/catalog", "admin.catalog.title", Audience::admin, enter_catalog,
     "nav.admin_catalog"},
    {"admin_orders", "/admin/orders", "admin.orders.title", Audience::admin, enter_orders,
     "nav.admin_orders"},
    {"admin_operators", "/admin/operators", "admin.operators.title", Audience::admin, enter_operators, "nav.admin_operators"},
};

// [SECTION] Reading answers
std::optional<json> object_body(const HttpResponse& answer) {
  auto parsed = json::parse(answer.body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

std::string number_text(const json& object, const char* key) {
  const auto* value = read::member(object, key);
  return value && value->is_number_integer() ? std::to_string(value->get<std::int64_t>()) : std::string();
}

// 2000 basis points -> "20", 550 -> "5.5", 725 -> "7.25".
std::string percent_text(std::int64_t basis_points) {
  std::string text = std::to_string(basis_points / 100);
  const auto rest = basis_points % 100;
  if (rest == 0) return text;
  text += rest < 10 ? ".0" + std::to_string(rest) : "." + std::to_string(rest);
  if (text.back() == '0') text.pop_back();
  return text;
}

// "09:00-12:00, 14:00-18:00" from the API's windows of a day.
std::string windows_text(const json& windows) {
  std::string text;
  if (!windows.is_array()) return text;
  for (const auto& window : windows) {
    if (!text.empty()) text += ", ";
    text += read::text(window, "opens") + "-" + read::text(window, "closes");
  }
  return text;
}

void fill_part(SettingsForm& form, std::string_view part, const json& value) {
  if (part == "opening_hours") {
    form.time_zone = read::text(value, "time_zone");
    const auto& weekly = read::object(value, "weekly");
    for (std::size_t day = 0; day < kDays.size(); ++day)
      form.hours[day] = windows_text(read::object(weekly, std::string(kDays[day]).c_str()));
    form.closed_dates.clear();
    for (const auto& date : read::object(value, "closed_dates"))
      if (date.is_string()) form.closed_dates.push_back(date.get<std::string>());
    std::sort(form.closed_dates.begin(), form.closed_dates.end());
  } else if (part == "sla_targets") {
    for (std::size_t level = 0; level < kLevels.size(); ++level)
      form.sla[level] = number_text(value, std::string(kLevels[level]).c_str());
  } else if (part == "trial") {
    form.trial_minutes = number_text(value, "minutes");
    form.trial_days = number_text(value, "validity_days");
  } else if (part == "vat") {
    form.vat_percent = percent_text(read::integer(value, "vat_rate"));
  } else if (part == "seller") {
    form.seller_name = read::text(value, "name");
    form.seller_address = read::text(value, "address");
    form.seller_vat_number = read::text(value, "vat_number");
    form.seller_email = read::text(value, "email");
  } else if (part == "bank") {
    form.bank_holder = read::text(value, "holder");
    form.bank_iban = read::text(value, "iban");
    form.bank_bic = read::text(value, "bic");
  } else if (part == "check") {
    form.check_payee = read::text(value, "payee");
    form.check_address = read::text(value, "address");
  }
}

// A field of an API error, as the screen names it: "weekly.monday[0]" -> "opening_hours.weekly.monday",
// "closed_dates[2]" -> "opening_hours.closed_dates"; no field: the part's Save button.
std::string screen_field(std::string_view part, const std::string& field) {
  if (field.empty()) return std::string(part) + ".save";
  std::string name = field;
  if (const auto bracket = name.find('['); bracket != std::string::npos) name.resize(bracket);
  return std::string(part) + "." + name;
}

Error in_form(std::string_view form, Error error) {
  error.field = screen_field(form, error.field);
  return error;
}

std::optional<std::int64_t> parse_whole(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::int64_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A number with at most two decimals, "." or "," as the separator, times 100.
std::optional<std::int64_t> parse_hundredths(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto separator = text.find_first_of(".,");
  const auto whole = parse_whole(text.substr(0, separator));
  if (!whole || *whole < 0 || *whole > 1'000'000'000) return std::nullopt;
  std::int64_t fraction = 0;
  if (separator != std::string_view::npos) {
    auto decimals = text.substr(separator + 1);
    if (decimals.empty() || decimals.size() > 2) return std::nullopt;
    for (const char digit : decimals)
      if (digit < '0' || digit > '9') return std::nullopt;
    fraction = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
  }
  return *whole * 100 + fraction;
}

Error not_a_number(std::string field) { return make_error("not_a_number", std::move(field)); }

Result<json> opening_hours_body(const SettingsForm& form) {
  json weekly = json::object();
  for (std::size_t day = 0; day < kDays.size(); ++day) {
    json windows = json::array();
    std::string_view rest = form.hours[day];
    const std::string field = "weekly." + std::string(kDays[day]);
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      std::string item(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      std::erase(item, ' ');
      if (item.empty()) continue;
      const auto dash = item.find('-');
      if (dash == std::string::npos) return make_error("invalid_opening_window", field);
      windows.push_back({{"opens", item.substr(0, dash)}, {"closes", item.substr(dash + 1)}});
    }
    weekly[std::string(kDays[day])] = windows;
  }
  json body{{"time_zone", form.time_zone}, {"weekly", weekly}, {"closed_dates", form.closed_dates}};
  if (form.time_zone.empty()) return make_error("required", "time_zone");
  // The zone's rules are the server's (IANA data); the schedule's rules are checked here
  // with a stand-in zone, by the same decoder and validator the server uses.
  json check = body;
  check.erase("time_zone");
  check["zone"] = codec::encode(fixed_offset_zone("UTC", 0));
  const auto hours = codec::decode_opening_hours(check);  // validates too, naming the days
  if (!hours) return hours.error();
  return body;
}

template <class Decode>
Result<json> checked(json body, Decode decode) {
  const auto decoded = decode(body);
  if (!decoded) return decoded.error();
  return body;
}

Result<json> part_body(const SettingsForm& form, std::string_view part) {
  if (part == "opening_hours") return opening_hours_body(form);
  if (part == "sla_targets") {
    json body = json::object();
    for (std::size_t level = 0; level < kLevels.size(); ++level) {
      const auto minutes = parse_whole(form.sla[level]);
      if (!minutes) return not_a_number(std::string(kLevels[level]));
      body[std::string(kLevels[level])] = *minutes;
    }
    return checked(body, codec::decode_sla_targets);
  }
  if (part == "trial") {
    const auto minutes = parse_whole(form.trial_minutes);
    if (!minutes) return not_a_number("minutes");
    const auto days = parse_whole(form.trial_days);
    if (!days) return not_a_number("validity_days");
    return checked(json{{"minutes", *minutes}, {"validity_days", *days}}, codec::decode_trial_rules);
  }
  if (part == "vat") {
    const auto rate = parse_hundredths(form.vat_percent);
    if (!rate) return not_a_number("vat_rate");
    return checked(json{{"vat_rate", *rate}}, codec::decode_vat_rate);
  }
  if (part == "seller")
    return checked(json{{"name", form.seller_name}, {"address", form.seller_address},
                        {"vat_number", form.seller_vat_number}, {"email", form.seller_email}},
                   codec::decode_seller);
  if (part == "bank")
    return checked(json{{"holder", form.bank_holder}, {"iban", form.bank_iban}, {"bic", form.bank_bic}},
                   codec::decode_bank_details);
  if (part == "check")
    return checked(json{{"payee", form.check_payee}, {"address", form.check_address}}, codec::decode_check_details);
  return make_error("not_found");
}

Date today(const App& app) {
  const double now_ms = app.browser().now_ms();
  const auto now = static_cast<Instant>(now_ms / 1000);
  return utc_date_of(now + std::int64_t{app.browser().utc_offset_minutes(now)} * 60);
}

const wire::OrderView* order_by_id(const App& app, Id id) {
  for (const auto& order : app.admin.orders.orders)
    if (order.id == id) return &order;
  return nullptr;
}

// [SECTION] Answers
void settings_answer(App& app, const HttpResponse& answer) {
  auto& form = app.admin.settings;
  const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
  if (!body) {
    form.load_failed = true;
    if (answer.status != 0) app.fail(answer);
    else app.error = make_error("network");
    return;
  }
  const auto saved_part = form.saved_part;
  const int year = form.calendar_year, month = form.calendar_month;
  form = SettingsForm{};
  form.saved_part = saved_part;
  form.calendar_year = year;
  form.calendar_month = month;
  for (const auto part : kParts) fill_part(form, part, read::object(*body, std::string(part).c_str()));
  form.loaded = true;
}

void save_answer(App& app, std::string_view part, const HttpResponse& answer) {
  if (answer.status == 200) {
    if (const auto body = object_body(answer)) fill_part(app.admin.settings, part, *body);
    app.admin.settings.saved_part = std::string(part);
    return;
  }
  app.error = in_form(part, App::error_of(answer));
}

std::string cents_text(const json& object, const char* key) {
  const auto* value = read::member(object, key);
  return value && value->is_number_integer() ? format_cents(value->get<Cents>()) : std::string();
}

void fill_catalog(CatalogForm& form, const json& catalog) {
  form = CatalogForm{};
  form.vat_rate = read::integer(catalog, "vat_rate");
  const auto& subscription = read::object(catalog, "subscription");
  form.monthly_price = cents_text(subscription, "monthly_price");
  form.included_users = number_text(subscription, "included_users");
  form.extra_user_monthly_price = cents_text(subscription, "extra_user_monthly_price");
  for (const auto& pack : read::object(catalog, "packs"))
    form.packs.push_back(PackRow{read::text(pack, "code"), number_text(pack, "units"), number_text(pack, "validity_months"),
                                 cents_text(pack, "price"), read::flag(pack, "multi_user"), read::flag(pack, "active", true)});
  for (const auto& block : read::object(catalog, "minute_blocks"))
    form.minute_blocks.push_back(MinuteBlockRow{read::text(block, "code"), number_text(block, "minutes"),
                                                number_text(block, "validity_months"), cents_text(block, "price"),
                                                read::flag(block, "active", true)});
  form.loaded = true;
}

Error in_catalog(Error error) {
  error.field = error.field.empty() ? "catalog.save" : "catalog." + error.field;
  return error;
}

std::optional<StaffMember> staff_member(const json& item) {
  if (!item.is_object()) return std::nullopt;
  StaffMember member{static_cast<Id>(read::integer(item, "id")), read::text(item, "name"), read::text(item, "email"),
                     read::text(item, "role"), {}, item.contains("disabled") && item["disabled"].is_boolean() && item["disabled"].get<bool>()};
  for (const auto& language : read::object(item, "languages"))
    if (language.is_string()) member.languages.push_back(language.get<std::string>());
  return member;
}

}  // namespace

namespace admin {

void install(App& app) {
  app.router().add(kScreens);
  install_records(app);
  app.requests().on("admin.settings", [&app](const Request&, const HttpResponse& answer) { settings_answer(app, answer); });
  for (const auto part : kParts)
    app.requests().on("admin.settings." + std::string(part),
                      [&app, part](const Request&, const HttpResponse& answer) { save_answer(app, part, answer); });
  app.requests().on("admin.catalog", [&app](const Request&, const HttpResponse& answer) {
    const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
    if (!body) {
      app.admin.catalog.load_failed = true;
      if (answer.status != 0) app.fail(answer);
      else app.error = make_error("network");
      return;
    }
    fill_catalog(app.admin.catalog, *body);
  });
  app.requests().on("admin.catalog_save", [&app](const Request&, const HttpResponse& answer) {
    if (answer.status == 200) {
      if (const auto body = object_body(answer)) fill_catalog(app.admin.catalog, *body);
      app.admin.catalog.saved = true;
      return;
    }
    app.error = in_catalog(App::error_of(answer));
  });
  app.requests().on("admin.orders", [&app](const Request&, const HttpResponse& answer) {
    auto& orders = app.admin.orders;
    const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
    if (!body) {
      if (answer.status != 0) app.fail(answer);
      else app.error = make_error("network");
      return;
    }
    std::vector<wire::OrderView> list;
    try {
      for (const auto& item : read::object(*body, "orders")) list.push_back(item.get<wire::OrderView>());
    } catch (const json::exception&) {
      return app.fail(HttpResponse{500, {}});
    }
    orders.orders = std::move(list);
    orders.loaded = true;
    orders.at_ms = app.browser().now_ms();
  });
  app.requests().on("admin.payment", [&app](const Request& request, const HttpResponse& answer) {
    auto& orders = app.admin.orders;
    if (answer.status == 200) {
      orders.recorded = read::text(request.context, "reference");
      orders.payment = PaymentForm{};
      load_orders(app);
      return;
    }
    app.error = in_form("payment", App::error_of(answer));
  });
  app.requests().on("admin.operators", [&app](const Request&, const HttpResponse& answer) {
    auto& operators = app.admin.operators;
    const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
    if (!body) {
      if (answer.status != 0) app.fail(answer);
      else app.error = make_error("network");
      return;
    }
    operators.staff.clear();
    for (const auto& item : read::object(*body, "operators"))
      if (auto member = staff_member(item)) operators.staff.push_back(std::move(*member));
    operators.loaded = true;
  });
  app.requests().on("admin.operator_create", [&app](const Request&, const HttpResponse& answer) {
    auto& operators = app.admin.operators;
    if (answer.status == 201) {
      operators.created = operators.form.email;
      operators.form = OperatorForm{};
      load_operators(app);
      return;
    }
    app.error = in_form("operator", App::error_of(answer));
  });
  app.requests().on("admin.operator_update", [&app](const Request& request, const HttpResponse& answer) {
    auto& operators = app.admin.operators;
    const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
    const auto member = body ? staff_member(*body) : std::nullopt;
    if (!member) {
      app.error = in_form("operator_edit", App::error_of(answer));
      return;
    }
    for (auto& known : operators.staff)
      if (known.id == member->id) known = *member;
    operators.editing = 0;
    operators.confirming_disable = 0;
    const std::string what = read::text(request.context, "what");
    const std::string key = what == "languages" ? "admin.operators.saved_languages"
                            : member->disabled  ? "admin.operators.saved_disabled"
                                                : "admin.operators.saved_enabled";
    operators.changed = app.format(key, {{"name", member->name}});
  });
  app.on_session_end([&app] { app.admin = AdminArea{}; });
  app.on_test_state([&app](json& out) {
    const auto& form = app.admin.settings;
    json& admin = out["admin"];  // admin_records.cpp writes its part of it too
    admin["settings_loaded"] = form.loaded;
    admin["saved_part"] = form.saved_part;
    admin["closed_dates"] = form.closed_dates;
    admin["hours"] = form.hours;
    admin["vat_percent"] = form.vat_percent;
    admin["iban"] = form.bank_iban;
    json orders = json::array();
    for (const auto& order : app.admin.orders.orders)
      orders.push_back({{"id", order.id},
                        {"reference", order.reference},
                        {"method", to_string(order.request.method)},
                        {"status", to_string(order.status)},
                        {"gross", order.gross}});
    admin["orders"] = orders;
    admin["catalog_loaded"] = app.admin.catalog.loaded;
    admin["catalog_saved"] = app.admin.catalog.saved;
    admin["orders_loaded"] = app.admin.orders.loaded;
    admin["recorded"] = app.admin.orders.recorded;
    json staff = json::array();
    for (const auto& member : app.admin.operators.staff)
      staff.push_back({{"id", member.id}, {"email", member.email}, {"role", member.role}, {"languages", member.languages},
                       {"disabled", member.disabled}});
    admin["staff"] = staff;
    admin["operator_editing"] = app.admin.operators.editing;
    admin["operator_changed"] = app.admin.operators.changed;
    admin["operator_created"] = app.admin.operators.created;
  });
}

// [SECTION] Settings
void load_settings(App& app) {
  app.admin.settings.load_failed = false;
  app.requests().send(Request{.kind = "admin.settings", .method = "GET", .path = "/admin/settings"});
}

Result<json> settings_body(const SettingsForm& form, std::string_view part) {
  auto body = part_body(form, part);
  if (!body) return in_form(part, body.error());
  return body;
}

void save_settings(App& app, std::string_view part) {
  app.clear_error();
  app.admin.settings.saved_part.clear();
  const auto body = settings_body(app.admin.settings, part);
  if (!body) {
    app.error = body.error();
    return;
  }
  app.requests().send(Request{.kind = "admin.settings." + std::string(part),
                              .method = "PUT",
                              .path = "/admin/settings/" + std::string(part),
                              .body = body.value().dump()});
}

void add_closed_date(App& app, const std::string& iso) {
  app.clear_error();
  const auto date = parse_iso_date(iso);
  if (!date) {
    app.error = make_error("invalid_date", "opening_hours.closed_dates");
    return;
  }
  auto& dates = app.admin.settings.closed_dates;
  const std::string normal = to_iso(*date);
  if (std::find(dates.begin(), dates.end(), normal) == dates.end()) dates.push_back(normal);
  std::sort(dates.begin(), dates.end());
  app.admin.settings.new_closed_date.clear();
  app.admin.settings.saved_part.clear();
}

void remove_closed_date(App& app, const std::string& iso) {
  std::erase(app.admin.settings.closed_dates, iso);
  app.admin.settings.saved_part.clear();
}

std::optional<std::int64_t> parse_percent(std::string_view text) { return parse_hundredths(text); }
std::optional<std::int64_t> parse_euros(std::string_view text) { return parse_hundredths(text); }

// [SECTION] Catalog
void load_catalog(App& app) {
  app.admin.catalog.load_failed = false;
  app.requests().send(Request{.kind = "admin.catalog", .method = "GET", .path = "/admin/catalog"});
}

Result<json> catalog_body(const CatalogForm& form) {
  const auto whole = [](const std::string& text, std::string field) -> Result<std::int64_t> {
    if (const auto value = parse_whole(text)) return *value;
    return in_catalog(not_a_number(std::move(field)));
  };
  const auto euros = [](const std::string& text, std::string field) -> Result<std::int64_t> {
    if (const auto value = parse_hundredths(text)) return *value;
    return in_catalog(not_a_number(std::move(field)));
  };
  const auto monthly = euros(form.monthly_price, "subscription.monthly_price");
  if (!monthly) return monthly.error();
  const auto included = whole(form.included_users, "subscription.included_users");
  if (!included) return included.error();
  const auto extra = euros(form.extra_user_monthly_price, "subscription.extra_user_monthly_price");
  if (!extra) return extra.error();
  json packs = json::array();
  for (std::size_t i = 0; i < form.packs.size(); ++i) {
    const auto& row = form.packs[i];
    const std::string prefix = "packs[" + std::to_string(i) + "].";
    const auto units = whole(row.units, prefix + "units");
    if (!units) return units.error();
    const auto months = whole(row.validity_months, prefix + "validity_months");
    if (!months) return months.error();
    const auto price = euros(row.price, prefix + "price");
    if (!price) return price.error();
    packs.push_back({{"code", row.code}, {"units", *units}, {"validity_months", *months}, {"multi_user", row.multi_user},
                     {"price", *price}, {"active", row.active}});
  }
  json blocks = json::array();
  for (std::size_t i = 0; i < form.minute_blocks.size(); ++i) {
    const auto& row = form.minute_blocks[i];
    const std::string prefix = "minute_blocks[" + std::to_string(i) + "].";
    const auto minutes = whole(row.minutes, prefix + "minutes");
    if (!minutes) return minutes.error();
    const auto months = whole(row.validity_months, prefix + "validity_months");
    if (!months) return months.error();
    const auto price = euros(row.price, prefix + "price");
    if (!price) return price.error();
    blocks.push_back({{"code", row.code}, {"minutes", *minutes}, {"validity_months", *months}, {"price", *price},
                      {"active", row.active}});
  }
  json body{{"subscription",
             {{"monthly_price", *monthly}, {"included_users", *included}, {"extra_user_monthly_price", *extra}}},
            {"packs", packs},
            {"minute_blocks", blocks},
            {"vat_rate", form.vat_rate}};
  if (const auto decoded = codec::decode_catalog(body); !decoded) return in_catalog(decoded.error());
  body.erase("vat_rate");  // the settings' own part
  return body;
}

void save_catalog(App& app) {
  app.clear_error();
  app.admin.catalog.saved = false;
  const auto body = catalog_body(app.admin.catalog);
  if (!body) {
    app.error = body.error();
    return;
  }
  app.requests().send(Request{.kind = "admin.catalog_save", .method = "PUT", .path = "/admin/catalog",
                              .body = body.value().dump()});
}

// [SECTION] Orders
void load_orders(App& app) { app.requests().send(Request{.kind = "admin.orders", .method = "GET", .path = "/admin/orders"}); }

void choose_order(App& app, Id order_id) {
  app.clear_error();
  const auto* order = order_by_id(app, order_id);
  if (!order) return;
  app.admin.orders.payment = PaymentForm{order_id, format_cents(order->gross), to_iso(today(app)), ""};
  app.admin.orders.recorded.clear();
}

void record_payment(App& app) {
  app.clear_error();
  auto& form = app.admin.orders.payment;
  const auto* order = order_by_id(app, form.order_id);
  if (!order) return;
  const auto amount = parse_euros(form.amount);
  if (!amount) {
    app.error = not_a_number("payment.amount");
    return;
  }
  const json body{{"amount", *amount}, {"received_on", form.received_on}, {"reference", form.reference}};
  const auto receipt = parse_payment_receipt(body, order->gross, today(app));
  if (!receipt) {
    app.error = in_form("payment", receipt.error());
    return;
  }
  app.requests().send(Request{.kind = "admin.payment",
                              .method = "POST",
                              .path = "/admin/orders/" + std::to_string(order->id) + "/payment",
                              .body = to_json(receipt.value()).dump(),
                              .context = json{{"reference", order->reference}}});
}

// [SECTION] Staff
void load_operators(App& app) {
  app.requests().send(Request{.kind = "admin.operators", .method = "GET", .path = "/admin/operators"});
}

void create_operator(App& app) {
  app.clear_error();
  auto& form = app.admin.operators.form;
  const json signup{{"name", form.name}, {"email", form.email}, {"password", form.password}};
  if (const auto parsed = wire::parse_signup(signup); !parsed) {
    app.error = in_form("operator", parsed.error());
    return;
  }
  json languages = json::array();
  if (form.speaks_fr) languages.push_back("fr");
  if (form.speaks_en) languages.push_back("en");
  if (form.speaks_es) languages.push_back("es");
  if (languages.empty()) {
    app.error = make_error("required", "operator.languages");
    return;
  }
  json body = signup;
  body["languages"] = languages;
  body["role"] = form.admin ? "admin" : "operator";
  app.requests().send(Request{.kind = "admin.operator_create", .method = "POST", .path = "/admin/operators",
                              .body = body.dump()});
}

namespace {
const StaffMember* staff_by_id(App& app, Id id) {
  for (const auto& member : app.admin.operators.staff)
    if (member.id == id) return &member;
  return nullptr;
}

void send_operator_update(App& app, Id staff_id, const json& body, std::string_view what) {
  app.clear_error();
  app.admin.operators.changed.clear();
  app.requests().send(Request{.kind = "admin.operator_update", .method = "PUT",
                              .path = "/admin/operators/" + std::to_string(staff_id), .body = body.dump(),
                              .context = json{{"what", what}}});
}
}  // namespace

void edit_operator(App& app, Id staff_id) {
  const StaffMember* member = staff_by_id(app, staff_id);
  if (!member) return;
  auto& operators = app.admin.operators;
  app.clear_error();
  operators.confirming_disable = 0;
  operators.editing = staff_id;
  const auto speaks = [&](const char* language) {
    return std::find(member->languages.begin(), member->languages.end(), language) != member->languages.end();
  };
  operators.edit_fr = speaks("fr");
  operators.edit_en = speaks("en");
  operators.edit_es = speaks("es");
}

void save_operator_languages(App& app) {
  const auto& operators = app.admin.operators;
  if (!staff_by_id(app, operators.editing)) return;
  json languages = json::array();
  if (operators.edit_fr) languages.push_back("fr");
  if (operators.edit_en) languages.push_back("en");
  if (operators.edit_es) languages.push_back("es");
  if (languages.empty()) {  // said before sending, as the server would
    app.error = make_error("required", "operator_edit.languages");
    return;
  }
  send_operator_update(app, operators.editing, json{{"languages", languages}}, "languages");
}

void set_operator_disabled(App& app, Id staff_id, bool disabled) {
  if (!staff_by_id(app, staff_id)) return;
  if (disabled) {  // asked first: the member's sessions end at once
    app.clear_error();
    app.admin.operators.editing = 0;
    app.admin.operators.confirming_disable = staff_id;
    return;
  }
  send_operator_update(app, staff_id, json{{"disabled", false}}, "disabled");
}

void confirm_disable_operator(App& app) {
  const Id staff_id = app.admin.operators.confirming_disable;
  if (!staff_by_id(app, staff_id)) return;
  send_operator_update(app, staff_id, json{{"disabled", true}}, "disabled");
}

void close_operator_edit(App& app) {
  app.clear_error();
  app.admin.operators.editing = 0;
  app.admin.operators.confirming_disable = 0;
}

}  // namespace admin

}  // namespace tessera::client
