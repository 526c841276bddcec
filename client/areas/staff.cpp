// The staff area (see staff.hpp): the queue and the operator's ticket screen, the queue's
// live updates, and time entries (sent with an Idempotency-Key made at submission, so a
// retry after a lost answer cannot log the minutes twice).
#include "areas/staff.hpp"

#include <charconv>

#include "app.hpp"
#include "core/json_read.hpp"
#include "ui/screens.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

void enter_queue(App& app, const RouteParams&) { staff::show_queue(app); }
void enter_ticket(App& app, const RouteParams& params) {
  if (const auto id = params.id("id")) tickets::open(app, *id);
  else app.go_home();
}

const ScreenDef kScreens[] = {
    {"queue", "/queue", "queue.title", Audience::staff, ui::draw_queue, enter_queue, "nav.queue"},
    {"operator_ticket", "/tickets/{id}", "ticket.title", Audience::staff, ui::draw_operator_ticket, enter_ticket},
};

void queue_answer(App& app, const HttpResponse& answer) {
  const auto parsed = read::parse(answer.body);
  if (answer.status != 200 || parsed.is_discarded() || !parsed.is_object() || !parsed.contains("tickets")) {
    if (answer.status != 0) app.fail(answer);
    return;
  }
  std::vector<wire::TicketSummary> queue;
  try {
    for (const auto& item : parsed["tickets"]) queue.push_back(item.get<wire::TicketSummary>());
  } catch (const json::exception&) {
    return app.fail(HttpResponse{500, {}});
  }
  app.staff.queue = std::move(queue);
  app.staff.total = static_cast<std::size_t>(read::integer(parsed, "total", static_cast<std::int64_t>(app.staff.queue.size())));
  app.staff.queue_at_ms = app.browser().now_ms();
  app.staff.queue_fresh = true;
}

}  // namespace

namespace staff {

void install(App& app) {
  app.router().add(kScreens);
  app.requests().on("staff.queue", [&app](const Request&, const HttpResponse& answer) { queue_answer(app, answer); });
  app.requests().on("staff.time", [&app](const Request&, const HttpResponse& answer) {
    // An answer of any kind but none at all: the key has done its work.
    if (answer.status != 0) app.staff.time.idempotency_key.clear();
    if (answer.status == 200 || answer.status == 201) {
      app.staff.time = TimeForm{};
      tickets::open(app, app.tickets.detail ? app.tickets.detail->ticket.id : 0);
      return;
    }
    app.fail(answer);
  });
  app.on_stream_event([&app](const StreamEvent& event) {
    if (!app.is_staff()) return;
    if (event.kind == StreamEvent::Kind::ticket && app.screen() == "queue") show_queue(app);
    if (event.kind == StreamEvent::Kind::ticket && app.tickets.detail && app.tickets.detail->ticket.id == event.ticket_id)
      tickets::open(app, event.ticket_id);
  });
  app.on_session_end([&app] { app.staff = StaffArea{}; });
  app.on_test_state([&app](json& out) {
    json queue = json::array();
    for (const auto& ticket : app.staff.queue)
      queue.push_back({{"id", ticket.id},
                       {"reference", ticket.reference},
                       {"subject", ticket.subject},
                       {"status", to_string(ticket.status)},
                       {"criticality", to_string(ticket.criticality)},
                       {"language", to_string(ticket.language)}});
    out["queue"] = queue;
  });
}

void show_queue(App& app) { app.requests().send(Request{.kind = "staff.queue", .method = "GET", .path = "/queue"}); }

void log_time(App& app) {
  const auto& detail = app.tickets.detail;
  if (!detail) return;
  app.clear_error();
  auto& form = app.staff.time;
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
                              .path = "/tickets/" + std::to_string(detail->ticket.id) + "/time",
                              .body = body.dump(),
                              .idempotency_key = form.idempotency_key});
}

}  // namespace staff

}  // namespace tessera::client
