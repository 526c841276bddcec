// The Tessera client application: its state (who is signed in, the screen shown, the forms,
// the tickets known) and one function, frame(), that draws every panel with Dear ImGui and
// turns clicks into API requests. Platform-independent: the browser's main loop and the
// native headless tests drive the very same App.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "net/api.hpp"
#include "tessera/result.hpp"
#include "tessera/texts.hpp"
#include "tessera/wire.hpp"

namespace tessera::client {

enum class Screen { loading, home, signup, login, my_tickets, new_ticket, ticket, queue, operator_ticket };
std::string_view to_string(Screen screen);

// [SECTION] Forms: what the user typed, kept while they move between screens.
struct SignupForm {
  std::string name;
  std::string email;
  std::string password;
  Language language = Language::en;
  bool language_chosen = false;  // until chosen, it follows the interface language
};

struct LoginForm {
  std::string email;
  std::string password;
};

struct TicketForm {
  std::string subject;
  std::string description;
  Category category = Category::other;
  Criticality criticality = Criticality::normal;
  Language language = Language::en;
  std::string idempotency_key;  // made at submission, kept for a retry after a network failure
};

struct ReplyForm {
  std::string body;
  bool internal = false;  // staff only
};

struct TimeForm {
  std::string minutes;
  std::string note;
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

// Everything the screens read and edit. Screens never talk to the network: they call App's actions.
struct AppState {
  Screen screen = Screen::loading;
  Language language = Language::en;
  std::optional<wire::Me> me;
  std::vector<wire::TicketSummary> tickets;  // My tickets (customers)
  std::vector<wire::TicketSummary> queue;    // the queue (operators, admins)
  std::optional<wire::TicketDetail> ticket;  // the ticket open on screen
  std::optional<Error> error;                // the last error, shown translated
  SignupForm signup;
  LoginForm login;
  TicketForm new_ticket;
  ReplyForm reply;
  TimeForm time;
};

class App {
 public:
  // `seed` feeds the generator of idempotency keys (the platform mixes time and entropy).
  App(Api& api, Language language, std::uint64_t seed);

  void start();  // asks GET /me: resumes a session, or shows the home screen
  void frame();  // one ImGui frame: NewFrame, every panel, Render (the platform draws the data)

  // True once after anything changed that the next frames must show (answers, navigation).
  bool take_redraw_request();

  AppState state;

  // [SECTION] Reading helpers for the screens
  std::string_view text(std::string_view key) const { return tr(key, state.language); }
  std::string error_text(const Error& error) const;
  bool busy() const { return requests_in_flight_ > 0; }
  bool signed_in() const { return state.me.has_value(); }
  bool is_staff() const;
  FrameRecord& record() { return record_; }
  std::uint64_t frame_count() const { return frames_; }

  // [SECTION] Actions
  void set_language(Language language);
  void go(Screen screen);  // screens that need no request: home, signup, login, new ticket
  void submit_signup();
  void submit_login();
  void logout();
  void show_my_tickets();
  void open_ticket(Id id);
  void submit_ticket();
  void send_reply();
  void show_queue();
  void take_ticket() { ticket_action(TicketAction::take); }
  // take, ask_customer, resolve (staff); confirm_resolution, reject_resolution, withdraw (customers).
  void ticket_action(TicketAction action);
  // Whether the signed-in user may do `action` on the open ticket now (the domain's rule).
  bool may(TicketAction action) const;
  void log_time();

  // [SECTION] Test hook
  std::optional<WidgetRect> widget_rect(std::string_view id) const;
  nlohmann::json test_state() const;

 private:
  using AnswerHandler = std::function<void(const HttpResponse&)>;
  // Sends a request; state-changing methods carry the CSRF header and a JSON body.
  void request(const std::string& method, const std::string& path, const std::optional<nlohmann::json>& body,
               HttpHeaders extra_headers, AnswerHandler on_answer);
  void fail(const HttpResponse& answer);
  void signed_in_as(const wire::Me& me);
  void end_session(Screen next);  // forgets the user's data, keeps the language
  void ticket_answer(const HttpResponse& answer, int expected_status);
  void refresh_me();
  std::string new_idempotency_key();

  Api& api_;
  std::mt19937_64 random_;
  int requests_in_flight_ = 0;
  std::uint64_t epoch_ = 0;  // bumped at log-out: answers from before are dropped
  std::uint64_t frames_ = 0;
  bool redraw_requested_ = true;
  FrameRecord record_;    // being filled by the current frame
  FrameRecord recorded_;  // the last complete frame's, for the test hook
};

}  // namespace tessera::client
