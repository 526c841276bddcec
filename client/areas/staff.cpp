// The staff area (see staff.hpp): the queue and the operator's ticket screen, the queue's
// live updates, the timers and time forms kept on the device ("desk"), triage, and time
// entries (sent with an Idempotency-Key made at submission, so a retry after a lost answer
// cannot log the minutes twice).
//
// [SECTION] Screens  [SECTION] Stored document  [SECTION] Answers  [SECTION] Actions
#include "areas/staff.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "app.hpp"
#include "core/json_read.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

constexpr int kStoredVersion = 1;
constexpr double kQueueRefreshMs = 60'000;  // due times move with the clock: refetch each minute on screen

// [SECTION] Screens
void enter_queue(App& app, const RouteParams&) {
  app.staff.notice.clear();
  staff::show_queue(app);
}
void enter_ticket(App& app, const RouteParams& params) {
  app.staff.notice.clear();
  if (const auto id = params.id("id")) tickets::open(app, *id);
  else app.go_home();
}

const ScreenDef kScreens[] = {
    {"queue", "/queue", "queue.title", Audience::staff, enter_queue, "nav.queue", true},
    {"operator_ticket", "/tickets/{id}", "ticket.title", Audience::staff, enter_ticket, {},
     true},
};

std::string url_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string queue_path(const StaffArea& area) {
  std::string path = "/queue?offset=" + std::to_string(area.offset) + "&limit=" + std::to_string(StaffArea::kPageSize);
  const auto& filters = area.filters;
  if (!filters.languages.empty()) {
    std::string list;
    for (Language language : filters.languages) list += (list.empty() ? "" : ",") + std::string(to_string(language));
    path += "&languages=" + list;
  }
  if (filters.status) path += "&status=" + std::string(to_string(*filters.status));
  if (filters.category) path += "&category=" + std::string(to_string(*filters.category));
  if (!filters.text.empty()) path += "&q=" + url_encoded(filters.text);
  return path;
}

Id open_ticket_id(const App& app) { return app.tickets.detail ? app.tickets.detail->ticket.id : 0; }

// [SECTION] Stored document: the timers, the time forms and the queue's filters
json save_desk(const StaffArea& area) {
  json timers = json::object();
  for (const auto& [id, timer] : area.timers)
    timers[std::to_string(id)] = {{"started_at", timer.started_at_ms}, {"banked", timer.banked_ms}};
  json forms = json::object();
  for (const auto& [id, form] : area.time)
    if (!form.minutes.empty() || !form.note.empty() || !form.idempotency_key.empty())
      forms[std::to_string(id)] = {{"minutes", form.minutes},
                                   {"note", form.note},
                                   {"key", form.idempotency_key},
                                   {"proposed", form.proposed}};
  json languages = json::array();
  for (Language language : area.filters.languages) languages.push_back(to_string(language));
  const auto& filters = area.filters;
  return {{"version", kStoredVersion},
          {"timers", timers},
          {"time", forms},
          {"filters",
           {{"languages", languages},
            {"status", filters.status ? json(to_string(*filters.status)) : json()},
            {"category", filters.category ? json(to_string(*filters.category)) : json()},
            {"text", filters.text}}}};
}

void load_desk(StaffArea& area, const json& stored) {
  if (read::integer(stored, "version") != kStoredVersion) return;
  for (const auto& [id, timer] : read::object(stored, "timers").items()) {
    const Id ticket_id = std::atoll(id.c_str());
    if (ticket_id > 0) area.timers[ticket_id] = WorkTimer{read::number(timer, "started_at"), read::number(timer, "banked")};
  }
  for (const auto& [id, form] : read::object(stored, "time").items()) {
    const Id ticket_id = std::atoll(id.c_str());
    if (ticket_id > 0)
      area.time[ticket_id] = TimeForm{read::text(form, "minutes"), read::text(form, "note"), read::text(form, "key"),
                                      read::flag(form, "proposed")};
  }
  const auto& filters = read::object(stored, "filters");
  area.filters = QueueFilters{};
  for (const auto& language : read::object(filters, "languages"))
    if (language.is_string())
      if (const auto parsed = parse_language(language.get<std::string>())) area.filters.languages.push_back(*parsed);
  area.filters.status = parse_ticket_status(read::text(filters, "status"));
  area.filters.category = parse_category(read::text(filters, "category"));
  area.filters.text = read::text(filters, "text");
}

// [SECTION] Answers
void queue_answer(App& app, const Request& request, const HttpResponse& answer) {
  auto& area = app.staff;
  if (request.path != queue_path(area)) return;  // the filters or the page changed since: a newer one is on its way
  const auto parsed = read::parse(answer.body);
  if (answer.status != 200 || parsed.is_discarded() || !parsed.is_object() || !parsed.contains("tickets") ||
      !parsed["tickets"].is_array()) {
    if (answer.status == 0) return;  // no answer: the page stays, marked stale
    area.queue_error = App::error_of(answer);
    area.queue_loaded = true;
    if (area.queue_error->field.empty()) return;
    app.fail(answer);  // a filter at fault: shown under its field
    return;
  }
  std::vector<wire::QueueEntry> queue;
  std::vector<Language> spoken;
  try {
    for (const auto& item : parsed["tickets"]) queue.push_back(item.get<wire::QueueEntry>());
    for (const auto& language : read::object(parsed, "languages"))
      if (const auto known = parse_language(language.get<std::string>())) spoken.push_back(*known);
  } catch (const json::exception&) {
    area.queue_error = make_error("internal");
    area.queue_loaded = true;
    return;
  }
  area.queue = std::move(queue);
  area.languages_spoken = std::move(spoken);
  area.total = static_cast<std::size_t>(read::integer(parsed, "total", static_cast<std::int64_t>(area.queue.size())));
  area.queue_at_ms = app.browser().now_ms();
  area.queue_fresh = true;
  area.queue_loaded = true;
  area.queue_error.reset();
  if (area.selected >= area.queue.size()) area.selected = area.queue.empty() ? 0 : area.queue.size() - 1;
  // Past the last page (tickets were taken meanwhile): the last page that has some.
  if (area.queue.empty() && area.offset > 0 && area.total > 0) {
    area.offset = (area.total - 1) / StaffArea::kPageSize * StaffArea::kPageSize;
    staff::show_queue(app);
  }
}

void time_answer(App& app, const Request& request, const HttpResponse& answer) {
  const Id ticket_id = read::integer(request.context, "ticket_id");
  auto& form = app.staff.time[ticket_id];
  // An answer of any kind but none at all: the key has done its work.
  if (answer.status != 0) form.idempotency_key.clear();
  if (answer.status == 200 || answer.status == 201) {
    app.staff.notice = app.format("desk.time_logged", {{"minutes", form.minutes}});
    app.staff.time.erase(ticket_id);
    const auto parsed = read::parse(answer.body);
    if (!parsed.is_discarded() && open_ticket_id(app) == ticket_id) tickets::open(app, ticket_id);
    return;
  }
  app.fail(answer);  // the form keeps what was typed (and the key, when nothing answered)
}

}  // namespace

namespace staff {

void install(App& app) {
  app.router().add(kScreens);
  app.requests().on("staff.queue", [&app](const Request& request, const HttpResponse& answer) { queue_answer(app, request, answer); });
  app.requests().on("staff.time",
                    [&app](const Request& request, const HttpResponse& answer) { time_answer(app, request, answer); });
  app.requests().on("staff.triage", [&app](const Request&, const HttpResponse& answer) {
    if (answer.status == 200) tickets::open(app, open_ticket_id(app));
    else app.fail(answer);
  });
  app.add_document({"desk", [&app] { return save_desk(app.staff); },
                    [&app](const json& stored) { load_desk(app.staff, stored); }});
  app.on_stream_event([&app](const StreamEvent& event) {
    if (!app.is_staff() || event.kind != StreamEvent::Kind::ticket) return;
    if (app.screen() == "queue") show_queue(app);
    if (app.tickets.detail && app.tickets.detail->ticket.id == event.ticket_id) tickets::open(app, event.ticket_id);
  });
  // A running timer is redrawn each second while its ticket is on screen; the queue's due times
  // are fetched again each minute while it is shown. Nothing else asks for frames.
  app.on_wakeup([&app]() -> double {
    if (!app.is_staff()) return -1;
    const double now = app.browser().now_ms();
    if (app.screen() == "operator_ticket")
      if (const WorkTimer* running = timer(app, open_ticket_id(app)); running && running->running())
        return 1000.0 - std::fmod(running->elapsed_ms(now), 1000.0);
    if (app.screen() == "queue" && app.staff.queue_at_ms > 0) {
      if (app.busy("staff.queue")) return -1;  // its answer brings the next frame
      const double due = app.staff.queue_at_ms + kQueueRefreshMs - now;
      return due > 0 ? due : kQueueRefreshMs;  // offline: try again in a minute
    }
    return -1;
  });
  app.on_session_end([&app] { app.staff = StaffArea{}; });
  app.on_test_state([&app](json& out) {
    const auto& area = app.staff;
    json queue = json::array();
    for (const auto& entry : area.queue) {
      const auto& ticket = entry.ticket;
      queue.push_back({{"id", ticket.id},
                       {"reference", ticket.reference},
                       {"subject", ticket.subject},
                       {"status", to_string(ticket.status)},
                       {"category", to_string(ticket.category)},
                       {"criticality", to_string(effective_criticality(ticket.criticality, ticket.triage))},
                       {"language", to_string(ticket.language)},
                       {"overdue", entry.sla && entry.sla->overdue},
                       {"open_minutes_left", entry.sla ? json(entry.sla->open_minutes_left) : json()}});
    }
    out["queue"] = queue;
    out["queue_total"] = area.total;
    out["queue_offset"] = area.offset;
    out["queue_selected"] = area.selected;
    out["queue_loaded"] = area.queue_loaded;
    out["queue_error"] = area.queue_error ? json(area.queue_error->code) : json();
    json languages = json::array();
    for (Language language : area.filters.languages) languages.push_back(to_string(language));
    out["queue_languages"] = languages;
    const Id open = open_ticket_id(app);
    const double now = app.browser().now_ms();
    if (const WorkTimer* running = timer(app, open))
      out["timer"] = {{"running", running->running()}, {"elapsed_ms", running->elapsed_ms(now)}};
    else
      out["timer"] = nullptr;
    if (const auto form = area.time.find(open); form != area.time.end())
      out["time_form"] = {{"minutes", form->second.minutes}, {"note", form->second.note}, {"proposed", form->second.proposed}};
    else
      out["time_form"] = nullptr;
    out["desk_notice"] = area.notice;
  });
}

void show_queue(App& app) {
  app.requests().send(Request{.kind = "staff.queue", .method = "GET", .path = queue_path(app.staff)});
}

void refresh_queue_if_due(App& app) {
  if (app.staff.queue_at_ms > 0 && !app.busy("staff.queue") && !app.offline() &&
      app.browser().now_ms() - app.staff.queue_at_ms >= kQueueRefreshMs)
    show_queue(app);
}

void set_filters(App& app, QueueFilters filters) {
  if (filters == app.staff.filters) return;
  app.staff.filters = std::move(filters);
  app.staff.offset = 0;
  app.staff.selected = 0;
  app.clear_error();
  show_queue(app);
}

void show_page(App& app, std::size_t offset) {
  app.staff.offset = offset;
  app.staff.selected = 0;
  show_queue(app);
}

Minutes proposed_minutes(double elapsed_ms) {
  const auto minutes = static_cast<Minutes>(std::ceil(std::max(0.0, elapsed_ms) / 60'000.0));
  return std::clamp<Minutes>(minutes, 1, LedgerRules{}.maximum_time_entry);
}

const WorkTimer* timer(const App& app, Id ticket_id) {
  const auto found = app.staff.timers.find(ticket_id);
  return found == app.staff.timers.end() ? nullptr : &found->second;
}

TimeForm& time_form(App& app, Id ticket_id) { return app.staff.time[ticket_id]; }

void start_timer(App& app) {
  const Id id = open_ticket_id(app);
  if (id == 0) return;
  auto& running = app.staff.timers[id];
  if (!running.running()) running.started_at_ms = app.browser().now_ms();
  app.request_redraw();
}

void pause_timer(App& app) {
  const Id id = open_ticket_id(app);
  const auto found = app.staff.timers.find(id);
  if (found == app.staff.timers.end() || !found->second.running()) return;
  auto& running = found->second;
  running.banked_ms = running.elapsed_ms(app.browser().now_ms());
  running.started_at_ms = 0;
}

void stop_timer(App& app) {
  const Id id = open_ticket_id(app);
  const auto found = app.staff.timers.find(id);
  if (found == app.staff.timers.end()) return;
  const double elapsed = found->second.elapsed_ms(app.browser().now_ms());
  app.staff.timers.erase(found);
  auto& form = app.staff.time[id];
  form.minutes = std::to_string(proposed_minutes(elapsed));
  form.proposed = true;
  app.clear_error();
}

void log_time(App& app) {
  const Id id = open_ticket_id(app);
  if (id == 0) return;
  app.clear_error();
  app.staff.notice.clear();
  auto& form = app.staff.time[id];
  wire::TimeEntryDraft draft;
  const auto [end, failure] = std::from_chars(form.minutes.data(), form.minutes.data() + form.minutes.size(), draft.minutes);
  if (form.minutes.empty() || failure != std::errc() || end != form.minutes.data() + form.minutes.size()) {
    app.error = make_error(form.minutes.empty() ? "required" : "minutes_out_of_range", "minutes");
    return;
  }
  draft.note = form.note;
  const json body = wire::to_json(draft);
  if (const auto parsed = wire::parse_time_entry_draft(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  if (form.idempotency_key.empty()) form.idempotency_key = app.requests().new_key();
  app.requests().send(Request{.kind = "staff.time",
                              .method = "POST",
                              .path = "/tickets/" + std::to_string(id) + "/time",
                              .body = body.dump(),
                              .idempotency_key = form.idempotency_key,
                              .context = json{{"ticket_id", id}}});
}

void triage(App& app, Criticality criticality) {
  const Id id = open_ticket_id(app);
  if (id == 0) return;
  app.clear_error();
  app.requests().send(Request{.kind = "staff.triage",
                              .method = "POST",
                              .path = "/tickets/" + std::to_string(id) + "/triage",
                              .body = json{{"criticality", std::string(to_string(criticality))}}.dump()});
}

}  // namespace staff

}  // namespace tessera::client
