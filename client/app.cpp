// The App's state changes and requests (see app.hpp). Each action sends one request and
// handles its answer: success updates the state and moves to the next screen; failure
// keeps the form and shows the server's error, translated, next to its field.
#include "app.hpp"

#include <imgui.h>

#include <charconv>
#include <cstdio>

#include "ui/screens.hpp"

namespace tessera::client {

using nlohmann::json;

std::string_view to_string(Screen screen) {
  switch (screen) {
    case Screen::loading: return "loading";
    case Screen::home: return "home";
    case Screen::signup: return "signup";
    case Screen::login: return "login";
    case Screen::my_tickets: return "my_tickets";
    case Screen::new_ticket: return "new_ticket";
    case Screen::ticket: return "ticket";
    case Screen::queue: return "queue";
    case Screen::operator_ticket: return "operator_ticket";
  }
  return "unknown";
}

namespace {

std::optional<json> parse_json(const std::string& body) {
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

// Decodes a JSON answer into T; nullopt when the body does not have T's shape. (The browser
// build does not catch exceptions - Emscripten's default, 20 KB gzipped saved - so there a
// wrongly typed field aborts; the wire types are shared with the server to rule that out.)
template <class T>
std::optional<T> decode(const HttpResponse& answer) {
  const auto parsed = parse_json(answer.body);
  if (!parsed || !parsed->is_object()) return std::nullopt;
  try {
    return parsed->get<T>();
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::vector<wire::TicketSummary> decode_ticket_list(const HttpResponse& answer) {
  std::vector<wire::TicketSummary> tickets;
  const auto parsed = parse_json(answer.body);
  if (!parsed || !parsed->is_object() || !parsed->contains("tickets")) return tickets;
  try {
    for (const auto& item : (*parsed)["tickets"]) tickets.push_back(item.get<wire::TicketSummary>());
  } catch (const json::exception&) {
  }
  return tickets;
}

bool is_state_changing(const std::string& method) { return method != "GET" && method != "HEAD"; }

}  // namespace

App::App(Api& api, Language language, std::uint64_t seed) : api_(api), random_(seed) {
  state.language = language;
  state.signup.language = language;
  state.new_ticket.language = language;
}

// [SECTION] Frame

void App::frame() {
  ++frames_;
  record_ = FrameRecord{};
  ImGui::NewFrame();
  ui::draw_root(*this);
  ImGui::Render();
  recorded_ = std::move(record_);
}

bool App::take_redraw_request() {
  const bool requested = redraw_requested_;
  redraw_requested_ = false;
  return requested;
}

bool App::is_staff() const { return state.me && state.me->user.role != Role::customer; }

std::string App::error_text(const Error& error) const {
  auto params = error.params;
  // Fill the limits the text shows if the server did not send them.
  if (error.code == "password_too_short" && !params.contains("min"))
    params["min"] = std::to_string(wire::Limits::password_min);
  if (error.code == "too_long" && !params.contains("max")) params["max"] = "?";
  return format_text(tr("error." + error.code, state.language), params);
}

// [SECTION] Requests

void App::request(const std::string& method, const std::string& path, const std::optional<json>& body,
                  HttpHeaders extra_headers, AnswerHandler on_answer) {
  HttpHeaders headers = std::move(extra_headers);
  headers.emplace_back("Accept", "application/json");
  if (is_state_changing(method)) {
    headers.emplace_back(std::string(wire::kCsrfHeader), "1");
    headers.emplace_back("Content-Type", "application/json");
  } else {
    headers.emplace_back("Cache-Control", "no-cache");
  }
  ++requests_in_flight_;
  redraw_requested_ = true;
  const auto epoch = epoch_;
  api_.send(method, std::string(wire::kApiPrefix) + path, body ? body->dump() : std::string{}, headers,
            [this, epoch, on_answer = std::move(on_answer)](HttpResponse answer) {
              --requests_in_flight_;
              redraw_requested_ = true;
              if (epoch != epoch_) return;  // the session it belonged to has ended
              on_answer(answer);
            });
}

void App::fail(const HttpResponse& answer) {
  if (answer.status == 0) {
    state.error = make_error("network");
    return;
  }
  const auto parsed = parse_json(answer.body);
  Error error = parsed ? wire::parse_error_body(*parsed) : make_error("internal");
  if (error.code == "invalid_json" && answer.status >= 500) error = make_error("internal");
  // The session ended on the server (expired, or logged out elsewhere): log in again.
  if (answer.status == 401 && signed_in()) end_session(Screen::login);
  state.error = std::move(error);
}

std::string App::new_idempotency_key() {
  char key[40];
  std::snprintf(key, sizeof key, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                static_cast<unsigned long long>(random_()));
  return key;
}

// [SECTION] Actions

void App::set_language(Language language) {
  state.language = language;
  if (!state.signup.language_chosen) state.signup.language = language;
  redraw_requested_ = true;
}

void App::go(Screen screen) {
  state.error.reset();
  if (screen == Screen::new_ticket && state.new_ticket.subject.empty() && state.new_ticket.description.empty())
    state.new_ticket.language = state.language;
  state.screen = screen;
  redraw_requested_ = true;
}

void App::start() {
  state.screen = Screen::loading;
  request("GET", "/me", std::nullopt, {}, [this](const HttpResponse& answer) {
    const auto me = answer.status == 200 ? decode<wire::Me>(answer) : std::nullopt;
    if (me) {
      signed_in_as(*me);
    } else {
      state.screen = Screen::home;
      if (answer.status == 0) state.error = make_error("network");
    }
  });
}

void App::signed_in_as(const wire::Me& me) {
  state.me = me;
  state.language = me.user.language;
  state.error.reset();
  state.signup.password.clear();
  state.login.password.clear();
  if (is_staff())
    show_queue();
  else
    show_my_tickets();
}

void App::submit_signup() {
  state.error.reset();
  const json body = {{"name", state.signup.name},
                     {"email", state.signup.email},
                     {"password", state.signup.password},
                     {"language", std::string(to_string(state.signup.language))}};
  request("POST", "/auth/signup", body, {}, [this](const HttpResponse& answer) {
    const auto me = answer.status == 201 ? decode<wire::Me>(answer) : std::nullopt;
    if (me)
      signed_in_as(*me);
    else
      fail(answer);
  });
}

void App::submit_login() {
  state.error.reset();
  const json body = {{"email", state.login.email}, {"password", state.login.password}};
  request("POST", "/auth/login", body, {}, [this](const HttpResponse& answer) {
    const auto me = answer.status == 200 ? decode<wire::Me>(answer) : std::nullopt;
    if (me)
      signed_in_as(*me);
    else
      fail(answer);
  });
}

void App::logout() {
  request("POST", "/auth/logout", json::object(), {}, [](const HttpResponse&) {});
  end_session(Screen::home);
}

void App::end_session(Screen next) {
  ++epoch_;  // whatever was still on its way belongs to the ended session
  const auto language = state.language;
  state = AppState{};
  state.language = language;
  state.signup.language = language;
  state.new_ticket.language = language;
  state.screen = next;
  redraw_requested_ = true;
}

void App::refresh_me() {
  request("GET", "/me", std::nullopt, {}, [this](const HttpResponse& answer) {
    if (const auto me = answer.status == 200 ? decode<wire::Me>(answer) : std::nullopt) state.me = *me;
  });
}

void App::show_my_tickets() {
  go(Screen::my_tickets);
  refresh_me();
  request("GET", "/tickets", std::nullopt, {}, [this](const HttpResponse& answer) {
    if (answer.status == 200)
      state.tickets = decode_ticket_list(answer);
    else
      fail(answer);
  });
}

void App::show_queue() {
  go(Screen::queue);
  request("GET", "/queue", std::nullopt, {}, [this](const HttpResponse& answer) {
    if (answer.status == 200)
      state.queue = decode_ticket_list(answer);
    else
      fail(answer);
  });
}

void App::ticket_answer(const HttpResponse& answer, int expected_status) {
  const auto detail = answer.status == expected_status ? decode<wire::TicketDetail>(answer) : std::nullopt;
  if (!detail) {
    fail(answer);
    return;
  }
  state.ticket = *detail;
  for (auto& summary : state.tickets)
    if (summary.id == detail->ticket.id) summary = detail->ticket;
  for (auto& summary : state.queue)
    if (summary.id == detail->ticket.id) summary = detail->ticket;
}

void App::open_ticket(Id id) {
  if (!state.ticket || state.ticket->ticket.id != id) {
    state.ticket.reset();
    state.reply = ReplyForm{};
    state.time = TimeForm{};
  }
  go(is_staff() ? Screen::operator_ticket : Screen::ticket);
  request("GET", "/tickets/" + std::to_string(id), std::nullopt, {},
          [this](const HttpResponse& answer) { ticket_answer(answer, 200); });
}

void App::submit_ticket() {
  state.error.reset();
  auto& form = state.new_ticket;
  if (form.idempotency_key.empty()) form.idempotency_key = new_idempotency_key();
  wire::TicketDraft draft;
  draft.subject = form.subject;
  draft.description = form.description;
  draft.category = form.category;
  draft.criticality = form.criticality;
  draft.language = form.language;
  HttpHeaders headers{{std::string(wire::kIdempotencyHeader), form.idempotency_key}};
  request("POST", "/tickets", wire::to_json(draft), std::move(headers), [this](const HttpResponse& answer) {
    // A network failure keeps the key, so sending again cannot create the ticket twice.
    if (answer.status != 0) state.new_ticket.idempotency_key.clear();
    const auto detail = (answer.status == 201 || answer.status == 200) ? decode<wire::TicketDetail>(answer)
                                                                        : std::nullopt;
    if (!detail) {
      fail(answer);
      return;
    }
    const auto language = state.new_ticket.language;
    state.new_ticket = TicketForm{};
    state.new_ticket.language = language;
    state.tickets.insert(state.tickets.begin(), detail->ticket);
    show_my_tickets();
  });
}

void App::send_reply() {
  if (!state.ticket) return;
  state.error.reset();
  wire::MessageDraft draft;
  draft.body = state.reply.body;
  draft.internal = is_staff() && state.reply.internal;
  request("POST", "/tickets/" + std::to_string(state.ticket->ticket.id) + "/messages", wire::to_json(draft), {},
          [this](const HttpResponse& answer) {
            ticket_answer(answer, 201);
            if (answer.status == 201) state.reply = ReplyForm{};
          });
}

void App::ticket_action(TicketAction action) {
  if (!state.ticket) return;
  state.error.reset();
  request("POST", "/tickets/" + std::to_string(state.ticket->ticket.id) + "/actions",
          json{{"action", std::string(to_string(action))}}, {},
          [this](const HttpResponse& answer) { ticket_answer(answer, 200); });
}

bool App::may(TicketAction action) const {
  if (!state.ticket || !state.me) return false;
  const TicketFacts facts{state.ticket->ticket.status, state.ticket->ticket.minutes_worked};
  return apply_ticket_action(facts, action, state.me->user.role).ok();
}

void App::log_time() {
  if (!state.ticket) return;
  state.error.reset();
  Minutes minutes = 0;
  const auto& text = state.time.minutes;
  std::from_chars(text.data(), text.data() + text.size(), minutes);  // not a number: 0, refused by the server
  wire::TimeEntryDraft draft;
  draft.minutes = minutes;
  draft.note = state.time.note;
  request("POST", "/tickets/" + std::to_string(state.ticket->ticket.id) + "/time", wire::to_json(draft), {},
          [this](const HttpResponse& answer) {
            ticket_answer(answer, 201);
            if (answer.status == 201) state.time = TimeForm{};
          });
}

// [SECTION] Test hook

std::optional<WidgetRect> App::widget_rect(std::string_view id) const {
  const auto found = recorded_.rects.find(id);
  if (found == recorded_.rects.end()) return std::nullopt;
  return found->second;
}

json App::test_state() const {
  json out;
  out["screen"] = to_string(state.screen);
  out["language"] = to_string(state.language);
  out["busy"] = busy();
  out["frames"] = frames_;
  out["user"] = nullptr;
  out["balances"] = nullptr;
  if (state.me) {
    out["user"] = {{"id", state.me->user.id},
                   {"name", state.me->user.name},
                   {"email", state.me->user.email},
                   {"role", to_string(state.me->user.role)},
                   {"language", to_string(state.me->user.language)}};
    out["balances"] = state.me->balances;
  }
  const auto summaries = [](const std::vector<wire::TicketSummary>& list) {
    json items = json::array();
    for (const auto& ticket : list)
      items.push_back({{"id", ticket.id},
                       {"reference", ticket.reference},
                       {"subject", ticket.subject},
                       {"status", to_string(ticket.status)},
                       {"category", to_string(ticket.category)},
                       {"criticality", to_string(ticket.criticality)},
                       {"language", to_string(ticket.language)},
                       {"minutes_worked", ticket.minutes_worked}});
    return items;
  };
  out["tickets"] = summaries(state.tickets);
  out["queue"] = summaries(state.queue);
  out["ticket"] = nullptr;
  if (state.ticket) out["ticket"] = *state.ticket;
  out["error"] = nullptr;
  if (state.error)
    out["error"] = {{"code", state.error->code}, {"field", state.error->field}, {"text", error_text(*state.error)}};
  out["texts"] = recorded_.texts;
  out["fields"] = recorded_.fields;
  out["focus"] = recorded_.focus;
  return out;
}

}  // namespace tessera::client
