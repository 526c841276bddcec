// The money area (see money.hpp): its screens, its request kinds and their answers, the
// PayPal order kept on the device while the payer is on PayPal, and the prices the domain
// computes before anything is paid.
//
// [SECTION] Screens  [SECTION] Decoding  [SECTION] Answers  [SECTION] Actions  [SECTION] Helpers
#include "areas/money.hpp"

#include <algorithm>

#include "app.hpp"
#include "core/json_read.hpp"
#include "tessera/dates.hpp"
#include "tessera/domain_wire.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

constexpr int kStoredVersion = 1;
constexpr std::string_view kMoneyDocument = "money";  // the PayPal order awaiting the payer's approval

json stored_money(const MoneyArea& area) { return json{{"version", kStoredVersion}, {"paypal_pending", area.paypal_pending}}; }

// [SECTION] Screens
void enter_time(App& app, const RouteParams&) { money::load_time(app); }
void enter_cost(App& app, const RouteParams& params) {
  if (const auto id = params.id("id")) money::open_ticket_cost(app, *id);
  else app.navigate("/time", true);
}
void enter_buy(App& app, const RouteParams& params) {
  auto& form = app.money.buy;
  if (const auto kind = parse_order_kind(params.text("kind")); kind && *kind != OrderKind::renewal && *kind != OrderKind::extra_users) {
    form.kind = *kind;
    form.offer_code = params.text("offer");
  }
  app.money.notice.clear();
  money::load_catalog(app);
  money::load_time(app);
}
void enter_order(App& app, const RouteParams& params) {
  if (!app.money.catalog.value) money::load_catalog(app);
  if (const auto id = params.id("id")) money::open_order(app, *id);
  else app.navigate("/time", true);
}
void enter_paypal_return(App& app, const RouteParams& params) {
  auto& paypal = app.money.paypal;
  const std::string token = params.text("token");
  if (paypal.token != token) {
    paypal = PayPalReturn{};
    paypal.token = token;
  }
  // Shown already, or being captured: entered again (the browser's address event, a reload of
  // the screen), nothing is asked twice — a second capture could charge what PayPal declined.
  if (paypal.paid || paypal.declined || paypal.capturing) return;
  if (paypal.order_id != 0) return money::capture_return(app);
  money::load_orders(app);  // the order whose approval link carries this token
}
void enter_paypal_cancel(App& app, const RouteParams& params) {
  app.money.paypal = PayPalReturn{};
  app.money.paypal.cancelled = true;
  app.money.paypal.token = params.text("token");
  money::load_orders(app);
}
void enter_invoices(App& app, const RouteParams&) {
  money::load_invoices(app);
  money::load_orders(app);
}
void enter_subscription(App& app, const RouteParams&) {
  app.money.notice.clear();
  app.refresh_me();
  money::load_catalog(app);
  money::load_orders(app);
  money::load_time(app);
}

const ScreenDef kScreens[] = {
    {"support_time", "/time", "money.time.title", Audience::customer, enter_time, "money.nav.time"},
    {"ticket_cost", "/time/tickets/{id}", "money.cost.title", Audience::customer, enter_cost},
    {"buy", "/buy", "money.buy.title", Audience::customer, enter_buy, "money.nav.buy"},
    {"order", "/orders/{id}", "money.order.title", Audience::customer, enter_order},
    {"paypal_return", "/paypal-return", "money.paypal.title", Audience::customer, enter_paypal_return},
    {"paypal_cancel", "/paypal-cancel", "money.paypal.title", Audience::customer, enter_paypal_cancel},
    {"invoices", "/invoices", "money.invoices.title", Audience::customer, enter_invoices},
    {"subscription", "/subscription", "money.subscription.title", Audience::customer, enter_subscription},
};

// [SECTION] Decoding
using read::decode;  // core/json_read.hpp

template <class T>
std::optional<std::vector<T>> decode_list(const std::string& text, const char* member) {
  const auto parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains(member) || !parsed[member].is_array())
    return std::nullopt;
  std::vector<T> out;
  try {
    for (const auto& item : parsed[member]) out.push_back(item.get<T>());
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return out;
}

std::optional<wire::InvoiceSummary> decode_invoice_summary(const json& in) {
  if (!in.is_object()) return std::nullopt;
  wire::InvoiceSummary out;
  out.id = read::integer(in, "id");
  out.number = read::text(in, "number");
  out.order_id = read::integer(in, "order_id");
  out.issued_at = read::integer(in, "issued_at");
  out.gross = read::integer(in, "gross");
  if (out.id <= 0) return std::nullopt;
  return out;
}

// A fetch's answer into its slot: the value, or the reason it failed (no answer: the last
// value stays, the shell says the app is offline).
template <class T>
void fill(App& app, Fetched<T>& slot, const HttpResponse& answer, std::optional<T> value) {
  if (value) {
    slot.value = std::move(value);
    slot.error.reset();
  } else if (!(answer.status == 0 && slot.value)) {
    slot.error = App::error_of(answer);
  }
  app.request_redraw();
}

// restart_too_early carries the ISO date it becomes possible: shown as people write dates.
Error readable(const App& app, Error error) {
  if (const auto found = error.params.find("date"); found != error.params.end())
    if (const auto date = parse_iso_date(found->second)) found->second = money::date_text(app, utc_instant(*date, 12, 0));
  return error;
}

void fail_readably(App& app, const HttpResponse& answer) {
  app.error = readable(app, App::error_of(answer));
  app.request_redraw();
}

std::optional<wire::Me> decode_me(const HttpResponse& answer) {
  return answer.status == 200 ? decode<wire::Me>(answer.body) : std::nullopt;
}

// [SECTION] Answers
void order_placed(App& app, const HttpResponse& answer) {
  const auto order = answer.status == 201 ? decode<wire::OrderView>(answer.body) : std::nullopt;
  if (!order) return fail_readably(app, answer);
  auto& area = app.money;
  area.order.value = *order;
  area.order.error.reset();
  if (area.orders.value) area.orders.value->insert(area.orders.value->begin(), *order);
  if (order->status == OrderStatus::awaiting_approval && !order->approve_url.empty()) {
    money::continue_to_paypal(app, *order);
    return;
  }
  app.navigate("/orders/" + std::to_string(order->id));
}

void orders_answer(App& app, const HttpResponse& answer) {
  auto& area = app.money;
  fill(app, area.orders, answer, answer.status == 200 ? decode_list<wire::OrderView>(answer.body, "orders") : std::nullopt);
  // The PayPal return: the order whose approval link carries the token (known when this app made
  // it), else the one kept on the device when the payer left for PayPal.
  auto& paypal = area.paypal;
  const bool on_return = app.screen() == "paypal_return" || app.screen() == "paypal_cancel";
  if (!on_return || !area.orders.value || paypal.order_id != 0) return;
  for (const auto& order : *area.orders.value)
    if (!paypal.token.empty() && order.approve_url.find("token=" + paypal.token) != std::string::npos)
      paypal.order_id = order.id;
  if (paypal.order_id == 0 && area.paypal_pending != 0) paypal.order_id = area.paypal_pending;
  if (paypal.order_id == 0) {
    paypal.declined = make_error("not_found");
    return;
  }
  if (!paypal.cancelled) money::capture_return(app);
}

void capture_answer(App& app, const Request& request, const HttpResponse& answer) {
  auto& paypal = app.money.paypal;
  paypal.capturing = false;
  if (read::integer(request.context, "order_id") != paypal.order_id) return;
  const auto order = answer.status == 200 ? decode<wire::OrderView>(answer.body) : std::nullopt;
  if (order) {
    paypal.paid = *order;
    paypal.declined.reset();
    app.money.paypal_pending = 0;
    app.refresh_me();
  } else {
    paypal.declined = readable(app, App::error_of(answer));
  }
  app.request_redraw();
}

void me_changed(App& app, const HttpResponse& answer, const std::string& notice_key) {
  const auto me = decode_me(answer);
  if (!me) return fail_readably(app, answer);
  app.session.me = *me;
  const auto end = money::date_text(app, me->balances.subscription_period_end);
  app.money.notice = app.format(notice_key, {{"date", end}});
  money::load_time(app);
}

}  // namespace

namespace money {

void install(App& app) {
  app.router().add(kScreens);
  auto& requests = app.requests();
  requests.on("money.ledger", [&app](const Request&, const HttpResponse& answer) {
    fill(app, app.money.ledger, answer, answer.status == 200 ? decode<wire::LedgerView>(answer.body) : std::nullopt);
  });
  requests.on("money.catalog", [&app](const Request&, const HttpResponse& answer) {
    std::optional<Catalog> catalog;
    const auto parsed = json::parse(answer.body, nullptr, false);
    if (answer.status == 200 && !parsed.is_discarded())
      if (auto decoded = codec::decode_catalog(parsed)) {
        catalog = decoded.value();
        if (parsed.contains("vat_rate") && parsed["vat_rate"].is_number_integer()) catalog->vat_rate = parsed["vat_rate"].get<BasisPoints>();
      }
    fill(app, app.money.catalog, answer, catalog);
  });
  requests.on("money.orders", [&app](const Request&, const HttpResponse& answer) { orders_answer(app, answer); });
  requests.on("money.invoices", [&app](const Request&, const HttpResponse& answer) {
    std::optional<std::vector<wire::InvoiceSummary>> list;
    const auto parsed = json::parse(answer.body, nullptr, false);
    if (answer.status == 200 && !parsed.is_discarded() && parsed.is_object() && parsed["invoices"].is_array()) {
      list.emplace();
      for (const auto& item : parsed["invoices"])
        if (const auto invoice = decode_invoice_summary(item)) list->push_back(*invoice);
    }
    fill(app, app.money.invoices, answer, list);
  });
  requests.on("money.order", [&app](const Request& request, const HttpResponse& answer) {
    if (app.money.order.value && app.money.order.value->id != read::integer(request.context, "order_id"))
      app.money.order.value.reset();
    fill(app, app.money.order, answer, answer.status == 200 ? decode<wire::OrderView>(answer.body) : std::nullopt);
  });
  requests.on("money.ticket", [&app](const Request&, const HttpResponse& answer) {
    fill(app, app.money.ticket, answer, answer.status == 200 ? decode<wire::TicketDetail>(answer.body) : std::nullopt);
  });
  requests.on("money.place", [&app](const Request&, const HttpResponse& answer) { order_placed(app, answer); });
  requests.on("money.restart", [&app](const Request&, const HttpResponse& answer) { order_placed(app, answer); });
  requests.on("money.add_users", [&app](const Request&, const HttpResponse& answer) { order_placed(app, answer); });
  requests.on("money.checkout", [&app](const Request&, const HttpResponse& answer) {
    const auto order = answer.status == 200 ? decode<wire::OrderView>(answer.body) : std::nullopt;
    if (!order || order->approve_url.empty()) return fail_readably(app, answer);
    continue_to_paypal(app, *order);
  });
  requests.on("money.capture",
              [&app](const Request& request, const HttpResponse& answer) { capture_answer(app, request, answer); });
  requests.on("money.cancel_order", [&app](const Request&, const HttpResponse& answer) {
    const auto order = answer.status == 200 ? decode<wire::OrderView>(answer.body) : std::nullopt;
    if (!order) return fail_readably(app, answer);
    app.money.order.value = *order;
    app.money.notice = std::string(app.text("money.order.cancelled_notice"));
  });
  requests.on("money.cancel_subscription", [&app](const Request&, const HttpResponse& answer) {
    me_changed(app, answer, "money.subscription.cancelled_notice");
  });
  requests.on("money.remove_users", [&app](const Request&, const HttpResponse& answer) {
    me_changed(app, answer, "money.subscription.removed_notice");
  });
  app.add_document({std::string(kMoneyDocument), [&app] { return stored_money(app.money); },
                    [&app](const json& stored) {
                      if (read::integer(stored, "version") == kStoredVersion)
                        app.money.paypal_pending = read::integer(stored, "paypal_pending");
                    }});
  app.on_session_end([&app] { app.money = MoneyArea{}; });
  app.on_test_state([&app](json& out) {
    const auto& area = app.money;
    json money{{"notice", area.notice}, {"paypal_pending", area.paypal_pending}};
    money["ledger"] = area.ledger.value ? json(*area.ledger.value) : json();
    money["ledger_error"] = area.ledger.error ? json(area.ledger.error->code) : json();
    json orders = json::array();
    if (area.orders.value)
      for (const auto& order : *area.orders.value) orders.push_back(order);
    money["orders"] = orders;
    money["order"] = area.order.value ? json(*area.order.value) : json();
    json invoices = json::array();
    if (area.invoices.value)
      for (const auto& invoice : *area.invoices.value) invoices.push_back(invoice);
    money["invoices"] = invoices;
    money["paypal"] = {{"token", area.paypal.token},
                       {"order_id", area.paypal.order_id},
                       {"paid", area.paypal.paid ? json(to_string(area.paypal.paid->status)) : json()},
                       {"declined", area.paypal.declined ? json(area.paypal.declined->code) : json()},
                       {"cancelled", area.paypal.cancelled}};
    money["buy"] = {{"kind", to_string(area.buy.kind)},
                    {"offer_code", area.buy.offer_code},
                    {"extra_users", area.buy.extra_users},
                    {"method", to_string(area.buy.method)}};
    if (const auto priced = priced_offer(app); priced)
      money["price"] = {{"net", priced->totals.net}, {"vat", priced->totals.vat}, {"gross", priced->totals.gross}};
    money["expired_units_to_roll"] = expired_units_to_roll(app);
    out["money"] = money;
  });
}

// [SECTION] Actions: fetching
void load_time(App& app) {
  app.refresh_me();
  app.money.ledger.asked = true;
  app.requests().send(Request{.kind = "money.ledger", .method = "GET", .path = "/account/ledger"});
}

void load_catalog(App& app) {
  app.money.catalog.asked = true;
  app.requests().send(Request{.kind = "money.catalog", .method = "GET", .path = "/catalog"});
}

void load_orders(App& app) {
  app.money.orders.asked = true;
  app.requests().send(Request{.kind = "money.orders", .method = "GET", .path = "/orders"});
}

void load_invoices(App& app) {
  app.money.invoices.asked = true;
  app.requests().send(Request{.kind = "money.invoices", .method = "GET", .path = "/invoices"});
}

void open_order(App& app, Id id) {
  auto& slot = app.money.order;
  if (slot.value && slot.value->id != id) slot.value.reset();
  slot.error.reset();
  slot.asked = true;
  app.money.notice.clear();
  app.requests().send(Request{.kind = "money.order",
                              .method = "GET",
                              .path = "/orders/" + std::to_string(id),
                              .context = json{{"order_id", id}}});
}

void open_ticket_cost(App& app, Id ticket_id) {
  auto& slot = app.money.ticket;
  if (slot.value && slot.value->ticket.id != ticket_id) slot.value.reset();
  slot.error.reset();
  slot.asked = true;
  app.requests().send(Request{.kind = "money.ticket", .method = "GET", .path = "/tickets/" + std::to_string(ticket_id)});
}

// [SECTION] Actions: buying
Result<PricedOrder> priced_offer(const App& app) {
  const auto& area = app.money;
  if (!area.catalog.value) return make_error("required", "offer_code");
  const auto& form = area.buy;
  OrderRequest request{form.kind, form.kind == OrderKind::subscription ? std::string() : form.offer_code,
                       form.kind == OrderKind::subscription ? form.extra_users : 0, form.method};
  if (form.kind != OrderKind::subscription && form.offer_code.empty()) return make_error("required", "offer_code");
  return price_order(*area.catalog.value, request);
}

std::int64_t expired_units_to_roll(const App& app) {
  const auto& ledger = app.money.ledger.value;
  if (!ledger) return 0;
  std::int64_t units = 0;
  for (const auto& lot : ledger->lots) units += lot.expired_unused;
  return units;
}

void place_order(App& app) {
  app.clear_error();
  app.money.notice.clear();
  const auto& form = app.money.buy;
  if (const auto priced = priced_offer(app); !priced) {
    app.error = priced.error();
    return;
  }
  json body{{"kind", std::string(to_string(form.kind))}, {"method", std::string(to_string(form.method))}};
  if (form.kind == OrderKind::subscription) body["extra_users"] = form.extra_users;
  else body["offer_code"] = form.offer_code;
  if (const auto parsed = wire::parse_order_request(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "money.place", .method = "POST", .path = "/orders", .body = body.dump()});
}

void continue_to_paypal(App& app, const wire::OrderView& order) {
  // The return address carries PayPal's token, not our order: the order is kept on the device,
  // written now (the page is left at once, before the frame that would store it).
  app.money.paypal_pending = order.id;
  if (app.signed_in()) app.storage().put(app.owner_key() + "/" + std::string(kMoneyDocument), stored_money(app.money).dump());
  app.browser().open_external(order.approve_url);
}

void cancel_order(App& app, Id id) {
  app.clear_error();
  app.requests().send(Request{.kind = "money.cancel_order", .method = "POST", .path = "/orders/" + std::to_string(id) + "/cancel", .body = "{}"});
}

void capture_return(App& app) {
  auto& paypal = app.money.paypal;
  if (paypal.order_id == 0 || paypal.capturing) return;
  paypal.capturing = true;
  paypal.declined.reset();
  app.requests().send(Request{.kind = "money.capture",
                              .method = "POST",
                              .path = "/orders/" + std::to_string(paypal.order_id) + "/capture",
                              .body = "{}",
                              .context = json{{"order_id", paypal.order_id}}});
}

// [SECTION] Actions: the subscription
void cancel_subscription(App& app) {
  app.clear_error();
  app.money.notice.clear();
  app.requests().send(Request{.kind = "money.cancel_subscription", .method = "POST", .path = "/subscription/cancel", .body = "{}"});
}

void restart_subscription(App& app) {
  app.clear_error();
  app.money.notice.clear();
  const json body{{"kind", "subscription"}, {"extra_users", 0}, {"method", std::string(to_string(app.money.buy.method))}};
  app.requests().send(Request{.kind = "money.restart", .method = "POST", .path = "/orders", .body = body.dump()});
}

std::optional<InvoiceTotals> extra_users_price(const App& app, int count) {
  const auto& catalog = app.money.catalog.value;
  const auto& me = app.session.me;
  const Instant start = subscription_period_start(app);
  if (!catalog || !me || start == 0 || count < 1) return std::nullopt;
  const Instant end = me->balances.subscription_period_end;
  const Instant now = static_cast<Instant>(app.browser().now_ms() / 1000);
  const auto days_left = days_between(utc_date_of(now), utc_date_of(end));
  const auto days_in_period = days_between(utc_date_of(start), utc_date_of(end));
  if (days_left <= 0 || days_in_period <= 0) return std::nullopt;
  InvoiceTotals totals;
  totals.net = prorate_cents(catalog->subscription.extra_user_monthly_price * count, days_left, days_in_period);
  totals.vat = vat_cents(totals.net, catalog->vat_rate);
  totals.gross = totals.net + totals.vat;
  return totals;
}

void add_users(App& app) {
  app.clear_error();
  app.money.notice.clear();
  const json body{{"action", "add"}, {"count", app.money.add_users}, {"method", std::string(to_string(app.money.users_method))}};
  if (const auto parsed = wire::parse_subscription_users_request(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "money.add_users", .method = "POST", .path = "/subscription/users", .body = body.dump()});
}

void remove_users(App& app) {
  app.clear_error();
  app.money.notice.clear();
  const json body{{"action", "remove"}, {"count", app.money.remove_users}};
  if (const auto parsed = wire::parse_subscription_users_request(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().send(Request{.kind = "money.remove_users", .method = "POST", .path = "/subscription/users", .body = body.dump()});
}

void pay_renewal_by_paypal(App& app, Id order_id) {
  app.clear_error();
  app.requests().send(Request{.kind = "money.checkout", .method = "POST", .path = "/orders/" + std::to_string(order_id) + "/paypal", .body = "{}"});
}

void download_invoice(App& app, Id invoice_id) {
  app.browser().download(std::string(wire::kApiPrefix) + "/invoices/" + std::to_string(invoice_id) + "/pdf");
}

// [SECTION] Helpers
std::string money_text(const App& app, Cents cents) {
  std::string amount = format_cents(cents);
  if (app.language != Language::en) std::replace(amount.begin(), amount.end(), '.', ',');
  return app.format("money.amount", {{"amount", amount}});
}

std::string date_text(const App& app, Instant at) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const Instant local = at + std::int64_t{app.browser().utc_offset_minutes(at)} * 60;
  const Date date = utc_date_of(local);
  return app.format("money.date", {{"day", std::to_string(date.day)},
                                   {"month", std::string(app.text("month." + std::string(kMonths[date.month - 1])))},
                                   {"year", std::to_string(date.year)}});
}

const wire::OrderView* order_of_invoice(const App& app, const wire::InvoiceSummary& invoice) {
  if (!app.money.orders.value) return nullptr;
  for (const auto& order : *app.money.orders.value)
    if (order.id == invoice.order_id) return &order;
  return nullptr;
}

std::vector<const wire::OrderView*> renewals_due(const App& app) {
  std::vector<const wire::OrderView*> due;
  if (!app.money.orders.value) return due;
  for (const auto& order : *app.money.orders.value)
    if (order.request.kind == OrderKind::renewal &&
        (order.status == OrderStatus::pending_payment || order.status == OrderStatus::awaiting_approval))
      due.push_back(&order);
  return due;
}

Instant subscription_period_start(const App& app) {
  const auto& ledger = app.money.ledger.value;
  if (!ledger) return 0;
  Instant start = 0;
  for (const auto& line : ledger->history)
    if (line.kind == EntryKind::subscription_activated || line.kind == EntryKind::subscription_renewed)
      start = line.period_start;
  return start;
}

}  // namespace money

}  // namespace tessera::client
