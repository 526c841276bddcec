// The Tessera client application: the shell every screen lives in. It owns the platform
// ports (HTTP, storage, event stream, browser), the request queue and its outbox, the
// router over the screen table, the session, and one state per area (account, tickets,
// staff…), each area owning its screens, its request kinds and its stored documents.
// frame() draws the current screen with Dear ImGui. Platform-independent: the browser's
// main loop and the native headless tests drive the very same App.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "areas/account.hpp"
#include "areas/admin.hpp"
#include "areas/mail.hpp"
#include "areas/people.hpp"
#include "areas/money.hpp"
#include "areas/public_site.hpp"
#include "areas/staff.hpp"
#include "areas/tickets.hpp"
#include "core/requests.hpp"
#include "core/router.hpp"
#include "net/api.hpp"
#include "ports/ports.hpp"
#include "tessera/result.hpp"
#include "tessera/texts.hpp"
#include "tessera/wire.hpp"

namespace tessera::client {

struct Ports {
  Api& api;
  Storage& storage;
  EventStream& events;
  Browser& browser;
};

// [SECTION] The test hook: what the last frame drew, for tests that click by widget id.
struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct FrameRecord {
  std::map<std::string, WidgetRect, std::less<>> rects;  // widget id -> screen rectangle
  std::map<std::string, std::string> fields;             // text field id -> content (not passwords)
  std::map<std::string, std::string> texts;              // a few shown texts by id ("title", "balance")
  std::string focus;                                     // id of the active text field, if any
  bool error_shown = false;                              // the current error was shown under its field
};

// Who is signed in, and what the app knows of its surroundings.
struct SessionState {
  std::optional<wire::Me> me;
  double me_at_ms = 0;           // when `me` was last confirmed by the server (0: from the device)
  bool starting = true;          // the device's data and GET /me are not both in yet
  bool unreachable = false;      // the last request got no answer (offline, server down)
  std::string return_to;         // the address asked for before signing in
  std::optional<bool> storage_persistent;  // navigator.storage.persist()'s answer
  bool update_available = false; // a new version of the app is waiting (service worker)
};

// Something stored on the device for the signed-in user (drafts, the last-known data):
// `save` makes it, `load` takes it back. The App writes it after any frame that changed it.
struct StoredDocument {
  std::string name;  // "drafts" -> storage key "u42/drafts"
  std::function<nlohmann::json()> save;
  std::function<void(const nlohmann::json&)> load;
};

class App {
 public:
  // What draws a frame's windows: ui::draw_root (ui/screens.hpp), given by the platform (and
  // the tests' frame driver) so that the app's state and actions never include the ui.
  using DrawFrame = void (*)(App& app);
  // `seed` feeds the generator of idempotency keys (the platform mixes time and entropy).
  App(Ports ports, Language language, std::uint64_t seed, DrawFrame draw);
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void start();  // reads the device's data, asks GET /me, then shows the browser's address
  void frame();  // one ImGui frame: NewFrame, the current screen, Render (the platform draws)
  // True once after anything changed that the next frames must show (answers, navigation).
  bool take_redraw_request();
  // Milliseconds until the app needs a frame without any input (a retry is due); <= 0: none.
  double wakeup_in_ms() const;

  // [SECTION] What the platform tells the app
  void on_address_changed(const std::string& address);  // Back, Forward, a link typed or opened
  void on_online_changed(bool online);
  void on_visible();  // the page became visible again
  void on_update_available();

  // [SECTION] Navigation
  // Shows the screen at `address` ("/tickets/42"), as a new history entry unless `replace`.
  void navigate(std::string_view address, bool replace = false);
  void go_home();  // the start screen of whoever is signed in (the home page for visitors)
  void reload_screen();  // fetches again what the screen shows (its on-enter)
  std::string_view screen() const;  // the current screen's id ("" while starting)
  const Route& route() const { return route_; }
  std::string home_address() const;

  // [SECTION] Session
  bool signed_in() const { return session.me.has_value(); }
  bool is_staff() const;
  std::optional<Role> role() const;
  void signed_in_as(const wire::Me& me);  // a confirmed session: loads the user's documents
  void end_session(std::string_view next_address);  // forgets the user's data (not the device's)
  void refresh_me();
  void set_language(Language language);
  std::string owner_key() const;  // the storage prefix of the signed-in user ("u42")
  bool offline() const { return session.unreachable || !ports_.browser.online(); }

  // [SECTION] Errors: the current one is shown under its field, or at the screen's foot.
  void fail(const HttpResponse& answer);  // the answer's error, translated when shown
  void clear_error() { error.reset(); }
  std::string error_text(const Error& error) const;
  static Error error_of(const HttpResponse& answer);

  // [SECTION] Reading helpers for the screens
  // The text for `key` in the interface's language. A key the catalog lacks is shown as it
  // is and remembered (the test hook's "missing_texts"), so no screen can ship one unseen.
  std::string_view text(std::string_view key) const;
  std::string format(std::string_view key, const std::map<std::string, std::string>& params) const {
    return format_text(text(key), params);
  }
  // "2 Dec, 14:32" in the browser's time zone, for an instant (seconds) or ms since the epoch.
  std::string local_time(Instant at) const;
  bool busy(std::string_view kind) const { return requests_.busy(kind); }
  bool busy() const { return requests_.busy() || session.starting; }  // a request in flight, or starting (tests wait for neither)

  // [SECTION] Services for the areas
  RequestQueue& requests() { return requests_; }
  const RequestQueue& requests() const { return requests_; }
  Router& router() { return router_; }
  const Router& router() const { return router_; }
  Storage& storage() { return ports_.storage; }
  Browser& browser() { return ports_.browser; }
  const Browser& browser() const { return ports_.browser; }
  void add_document(StoredDocument document) { documents_.push_back(std::move(document)); }
  void on_stream_event(std::function<void(const StreamEvent&)> listener) { stream_listeners_.push_back(std::move(listener)); }
  void on_session_end(std::function<void()> reset) { session_resets_.push_back(std::move(reset)); }
  void on_test_state(std::function<void(nlohmann::json&)> writer) { test_writers_.push_back(std::move(writer)); }
  // A source of wakeups: milliseconds until it needs a frame without input (<= 0: none now).
  // Asked after every frame, with the outbox's retries (wakeup_in_ms takes the soonest).
  void on_wakeup(std::function<double()> due_in_ms) { wakeup_sources_.push_back(std::move(due_in_ms)); }
  void request_redraw() { redraw_requested_ = true; }

  // [SECTION] State: the session and one part per area
  Language language = Language::en;
  SessionState session;
  std::optional<Error> error;
  AccountArea account;
  PublicArea site;  // the public pages: offers, FAQ, board, contact
  TicketsArea tickets;
  StaffArea staff;
  AdminArea admin;
  PeopleArea people;
  MoneyArea money;
  MailArea mail;  // password reset, mail preferences, the admin's outbox

  // [SECTION] Test hook
  FrameRecord& record() { return record_; }
  std::uint64_t frame_count() const { return frames_; }
  std::optional<WidgetRect> widget_rect(std::string_view id) const;
  nlohmann::json test_state() const;

 private:
  void install_areas();
  void restore_session();
  void me_answer(const HttpResponse& answer);
  void load_documents(std::function<void()> done);
  void save_documents();
  void open_stream();
  void stream_event(const StreamEvent& event);
  void show_route(Route route, bool replace, bool from_browser);
  void update_title();

  Ports ports_;
  DrawFrame draw_ = nullptr;
  RequestQueue requests_;
  Router router_;
  Route route_;
  std::vector<StoredDocument> documents_;
  std::map<std::string, std::string> saved_;  // storage key -> the text last written
  bool documents_ready_ = false;  // the signed-in user's documents are read back
  std::uint64_t load_generation_ = 0;
  std::vector<std::function<void(const StreamEvent&)>> stream_listeners_;
  std::vector<std::function<void()>> session_resets_;
  std::vector<std::function<void(nlohmann::json&)>> test_writers_;
  std::vector<std::function<double()>> wakeup_sources_;
  std::string pending_address_;  // the address to show once the session is known
  std::uint64_t frames_ = 0;
  bool redraw_requested_ = true;
  FrameRecord record_;    // being filled by the current frame
  FrameRecord recorded_;  // the last complete frame's, for the test hook
  mutable std::set<std::string, std::less<>> missing_texts_;
};

}  // namespace tessera::client
