// The App shell (see app.hpp): start-up (the device's data, then the server's), the session,
// navigation over the screen table, the event stream, the stored documents, the frame and
// the test hook. The areas (areas/*.cpp) hold every screen's state changes.
//
// [SECTION] Start-up  [SECTION] Navigation  [SECTION] Session  [SECTION] Frame  [SECTION] Test hook
#include "app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/json_read.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {
constexpr int kStoredSessionVersion = 1;
constexpr std::string_view kSessionKey = "session";  // the last signed-in user, for offline starts

std::optional<wire::Me> decode_me(const std::string& body) { return read::decode<wire::Me>(body); }
}  // namespace

App::App(Ports ports, Language initial_language, std::uint64_t seed, DrawFrame draw)
    : ports_(ports), draw_(draw), requests_(ports.api, ports.storage, ports.browser, seed) {
  language = initial_language;
  account.signup.fields.language = initial_language;
  tickets.new_ticket.language = initial_language;
  install_areas();
  requests_.on("session.me", [this](const Request&, const HttpResponse& answer) { me_answer(answer); });
  requests_.observe([this](const Request&, const HttpResponse& answer) {
    session.unreachable = answer.status == 0;
    // The session ended on the server (expired, or logged out elsewhere): log in again.
    if (answer.status == 401 && signed_in() && !session.starting) {
      session.return_to = route_.address;
      end_session("/login");
      error = make_error("unauthenticated");  // "Please log in."
    }
    redraw_requested_ = true;
  });
}

void App::install_areas() {
  public_site::install(*this);  // first: home is the first place of a visitor's bar
  account::install(*this);
  tickets::install(*this);
  staff::install(*this);
  admin::install(*this);
  people::install(*this);
  money::install(*this);
  mail::install(*this);
}

// [SECTION] Start-up

void App::start() {
  session.starting = true;
  pending_address_ = ports_.browser.address();
  // The device first: who was signed in here last, so the app can open offline with what
  // it knew; then the server says who is signed in now.
  ports_.storage.get(std::string(kSessionKey), [this](std::optional<std::string> text) {
    if (text) {
      const auto stored = json::parse(*text, nullptr, false);
      if (!stored.is_discarded() && read::integer(stored, "version") == kStoredSessionVersion) {
        const auto me = decode_me(read::object(stored, "me").dump());
        if (me) session.me = *me;
      }
    }
    const auto ask_server = [this] {
      requests_.send(Request{.kind = "session.me", .method = "GET", .path = "/me"});
    };
    if (session.me) load_documents(ask_server);
    else ask_server();
  });
}

void App::me_answer(const HttpResponse& answer) {
  const auto me = answer.status == 200 ? decode_me(answer.body) : std::nullopt;
  if (me) {
    const bool same_user = session.me && session.me->user.id == me->user.id;
    if (!same_user) {
      if (session.me) end_session("");
      signed_in_as(*me);
      return;
    }
    session.me = *me;
    session.me_at_ms = ports_.browser.now_ms();
    if (session.starting) restore_session();  // (a refresh keeps the language the user switched to)
    return;
  }
  if (answer.status == 0) {  // no answer: offline, or the server is down
    if (session.starting && session.me) {
      restore_session();  // the known user, with the device's data
    } else if (session.starting) {
      session.starting = false;
      navigate(pending_address_.empty() ? "/" : pending_address_, true);
    }
    return;
  }
  // Nobody is signed in any more (401): a visitor.
  if (session.starting) {
    if (session.me) end_session("");
    session.starting = false;
    navigate(pending_address_.empty() ? "/" : pending_address_, true);
  } else if (session.me) {
    session.return_to = route_.address;
    end_session("/login");
  }
}

// The known user's screens: the address the page was opened at, or their start screen.
void App::restore_session() {
  session.starting = false;
  language = session.me->user.language;
  open_stream();
  requests_.flush();
  const std::string address = pending_address_;
  pending_address_.clear();
  navigate(address.empty() || address == "/" ? home_address() : address, true);
  if (!session.storage_persistent)
    ports_.browser.ask_persistent_storage([this](bool granted) {
      session.storage_persistent = granted;
      redraw_requested_ = true;
    });
}

void App::load_documents(std::function<void()> done) {
  documents_ready_ = false;
  const std::string owner = owner_key();
  const auto generation = ++load_generation_;
  auto remaining = std::make_shared<std::size_t>(documents_.size() + 1);
  auto finish = [this, remaining, generation, done = std::move(done)] {
    if (generation != load_generation_) return;  // a later sign-in started another load
    if (--*remaining == 0) {
      documents_ready_ = true;
      redraw_requested_ = true;
      done();
    }
  };
  for (auto& document : documents_) {
    const std::string key = owner + "/" + document.name;
    ports_.storage.get(key, [this, key, owner, &document, finish](std::optional<std::string> text) {
      if (owner == owner_key() && text) {
        saved_[key] = *text;
        const auto stored = json::parse(*text, nullptr, false);
        if (!stored.is_discarded()) document.load(stored);
      }
      finish();
    });
  }
  requests_.load_outbox(owner, finish);
}

void App::save_documents() {
  if (!signed_in() || !documents_ready_) return;  // never over what is still being read
  const std::string owner = owner_key();
  for (const auto& document : documents_) {
    const std::string key = owner + "/" + document.name;
    std::string text = document.save().dump();
    auto& last = saved_[key];
    if (text == last) continue;
    last = text;
    ports_.storage.put(key, std::move(text));
  }
}

// [SECTION] Navigation

std::string_view App::screen() const { return route_.screen ? route_.screen->id : std::string_view("loading"); }

std::string App::home_address() const {
  if (!signed_in()) return "/";
  return is_staff() ? "/queue" : "/tickets";
}

void App::go_home() { navigate(home_address()); }

void App::reload_screen() {
  if (route_.screen && route_.screen->on_enter) route_.screen->on_enter(*this, route_.params);
}

void App::navigate(std::string_view address, bool replace) {
  std::string wanted(address.empty() ? "/" : address);
  if (session.starting) {  // shown once the session is known
    pending_address_ = wanted;
    return;
  }
  auto route = router_.match(wanted, role());
  if (!route) {
    const ScreenDef* exists = router_.match_any_audience(wanted);
    if (exists && !signed_in() && exists->audience != Audience::visitor) {
      session.return_to = wanted;  // sign in first, then back here
      route = router_.match("/login", role());
    } else {
      route = router_.match(home_address(), role());  // not for this user, or no such page
      replace = true;
    }
  }
  if (route) show_route(std::move(*route), replace, false);
}

void App::on_address_changed(const std::string& address) {
  if (session.starting) {
    pending_address_ = address;
    return;
  }
  if (address == route_.address) return;
  auto route = router_.match(address.empty() ? "/" : address, role());
  if (!route) {
    navigate(address, true);
    return;
  }
  show_route(std::move(*route), true, true);
}

void App::show_route(Route route, bool replace, bool from_browser) {
  error.reset();
  const bool same = route_.screen == route.screen && route_.address == route.address;
  if (route_.screen != route.screen) {  // notes about what was just sent belong to the screen left
    requests_.forget_sent();
    tickets.notice.clear();
  }
  route_ = std::move(route);
  if (!from_browser && !same) ports_.browser.show_address(route_.address, replace);
  if (!from_browser && same && replace) ports_.browser.show_address(route_.address, true);
  update_title();
  if (route_.screen->on_enter) route_.screen->on_enter(*this, route_.params);
  redraw_requested_ = true;
}

void App::update_title() {
  std::string title(text("app.name"));
  if (route_.screen && !route_.screen->title_key.empty()) title = std::string(text(route_.screen->title_key)) + " · " + title;
  ports_.browser.set_title(title);
}

// [SECTION] What the platform tells the app

void App::on_online_changed(bool online) {
  if (online) {
    session.unreachable = false;
    requests_.flush();
    if (signed_in()) {
      refresh_me();
      if (!ports_.events.is_open()) open_stream();
      reload_screen();
    }
  }
  redraw_requested_ = true;
}

void App::on_visible() {
  requests_.flush();
  if (signed_in() && !session.starting) reload_screen();
  redraw_requested_ = true;
}

void App::on_update_available() {
  session.update_available = true;
  redraw_requested_ = true;
}

// [SECTION] Session

bool App::is_staff() const { return session.me && session.me->user.role != Role::customer; }

std::optional<Role> App::role() const {
  if (!session.me) return std::nullopt;
  return session.me->user.role;
}

std::string App::owner_key() const { return session.me ? "u" + std::to_string(session.me->user.id) : std::string(); }

void App::signed_in_as(const wire::Me& me) {
  session.me = me;
  session.me_at_ms = ports_.browser.now_ms();
  session.unreachable = false;
  language = me.user.language;
  account.signup.fields.password.clear();
  account.login.password.clear();
  ports_.storage.put(std::string(kSessionKey), json{{"version", kStoredSessionVersion}, {"me", me}}.dump());
  const std::string wanted = !session.return_to.empty() ? session.return_to : pending_address_;
  session.return_to.clear();
  pending_address_ = wanted;
  const auto screen_wanted = wanted;
  session.starting = true;  // until the user's documents are read back (the shell shows "Loading")
  load_documents([this, screen_wanted] {
    pending_address_.clear();
    session.starting = false;
    open_stream();
    requests_.flush();
    const auto route = router_.match(screen_wanted, role());
    const bool visitor_page = !route || route->screen->audience == Audience::visitor;
    navigate(screen_wanted.empty() || visitor_page ? home_address() : screen_wanted, true);
    if (!session.storage_persistent)
      ports_.browser.ask_persistent_storage([this](bool granted) {
        session.storage_persistent = granted;
        redraw_requested_ = true;
      });
  });
}

void App::end_session(std::string_view next_address) {
  ports_.events.close();
  requests_.end_session();  // answers still on their way belong to the ended session
  for (auto& reset : session_resets_) reset();
  session.me.reset();
  session.me_at_ms = 0;
  saved_.clear();
  documents_ready_ = false;
  ++load_generation_;
  error.reset();
  account = AccountArea{};
  account.signup.fields.language = language;
  ports_.storage.remove(std::string(kSessionKey));
  if (!next_address.empty() && !session.starting) navigate(next_address, true);
  redraw_requested_ = true;
}

void App::refresh_me() { requests_.send(Request{.kind = "session.me", .method = "GET", .path = "/me"}); }

void App::set_language(Language chosen) {
  language = chosen;
  if (!account.signup.language_chosen) account.signup.fields.language = chosen;
  update_title();
  redraw_requested_ = true;
}

void App::open_stream() {
  if (!signed_in()) return;
  ports_.events.open([this](const StreamEvent& event) { stream_event(event); });
}

void App::stream_event(const StreamEvent& event) {
  if (event.kind == StreamEvent::Kind::opened) {
    session.unreachable = false;
    requests_.flush();  // a reconnect: the outbox, and what may have been missed
    if (!session.starting) {
      refresh_me();
      reload_screen();
    }
  }
  if (event.kind == StreamEvent::Kind::account && signed_in() && !session.starting) refresh_me();  // a payment arrived
  for (auto& listener : stream_listeners_) listener(event);
  redraw_requested_ = true;
}

// [SECTION] Texts and errors

std::string_view App::text(std::string_view key) const {
  const std::string_view found = tr(key, language);
  if (found.data() == key.data() || found == key) missing_texts_.emplace(key);
  return found;
}

Error App::error_of(const HttpResponse& answer) {
  if (answer.status == 0) return make_error("network");
  const auto parsed = read::parse(answer.body);
  Error failure = !parsed.is_discarded() && parsed.is_object() ? wire::parse_error_body(parsed) : make_error("internal");
  if (failure.code == "invalid_json" && answer.status >= 500) failure = make_error("internal");
  return failure;
}

void App::fail(const HttpResponse& answer) {
  error = error_of(answer);
  redraw_requested_ = true;
}

std::string App::error_text(const Error& failure) const {
  auto params = failure.params;
  // Fill the limits the text shows if the server did not send them.
  if (failure.code == "password_too_short" && !params.contains("min"))
    params["min"] = std::to_string(wire::Limits::password_min);
  if (failure.code == "password_too_long" && !params.contains("max"))
    params["max"] = std::to_string(wire::Limits::password_max);
  if (failure.code == "too_long" && !params.contains("max")) params["max"] = "?";
  return format_text(text("error." + failure.code), params);
}

std::string App::local_time(Instant at) const {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::int64_t local = at + std::int64_t{ports_.browser.utc_offset_minutes(at)} * 60;
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const std::int64_t seconds = local - days * 86400;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60));
  return format("time.day_month_clock", {{"day", std::to_string(day)},
                                         {"month", std::string(text("month." + std::string(kMonths[month - 1])))},
                                         {"clock", clock}});
}

// [SECTION] Frame

void App::frame() {
  ++frames_;
  ports_.storage.poll();
  ports_.events.poll();
  requests_.tick();
  record_ = FrameRecord{};
  ImGui::NewFrame();
  if (draw_) draw_(*this);
  ImGui::Render();
  recorded_ = std::move(record_);
  save_documents();  // every edit is on the device within the frame that made it
}

bool App::take_redraw_request() {
  const bool requested = redraw_requested_;
  redraw_requested_ = false;
  return requested;
}

double App::wakeup_in_ms() const {
  const auto retry = requests_.next_retry_in_ms();
  double soonest = retry ? std::max(1.0, *retry) : -1.0;
  for (const auto& source : wakeup_sources_)
    if (const double due = source(); due > 0 && (soonest <= 0 || due < soonest)) soonest = due;
  return soonest;
}

// [SECTION] Test hook

std::optional<WidgetRect> App::widget_rect(std::string_view id) const {
  const auto found = recorded_.rects.find(id);
  if (found == recorded_.rects.end()) return std::nullopt;
  return found->second;
}

json App::test_state() const {
  json out;
  out["screen"] = screen();
  out["address"] = route_.address;
  out["language"] = to_string(language);
  out["busy"] = requests_.busy() || session.starting;
  out["frames"] = frames_;
  out["offline"] = offline();
  out["starting"] = session.starting;
  out["update_available"] = session.update_available;
  out["storage_persistent"] = session.storage_persistent ? json(*session.storage_persistent) : json();
  out["user"] = nullptr;
  out["balances"] = nullptr;
  if (session.me) {
    out["user"] = {{"id", session.me->user.id},
                   {"name", session.me->user.name},
                   {"email", session.me->user.email},
                   {"role", to_string(session.me->user.role)},
                   {"language", to_string(session.me->user.language)}};
    out["balances"] = session.me->balances;
  }
  json outbox = json::array();
  for (const auto& item : requests_.outbox())
    outbox.push_back({{"id", item.id},
                      {"kind", item.request.kind},
                      {"state", std::string(to_string(item.state))},
                      {"attempts", item.attempts},
                      {"error", item.error ? json(item.error->code) : json()}});
  out["outbox"] = outbox;
  out["error"] = nullptr;
  if (error) out["error"] = {{"code", error->code}, {"field", error->field}, {"text", error_text(*error)}};
  for (const auto& writer : test_writers_) writer(out);
  out["missing_texts"] = missing_texts_;
  out["texts"] = recorded_.texts;
  out["fields"] = recorded_.fields;
  out["focus"] = recorded_.focus;
  return out;
}

}  // namespace tessera::client
