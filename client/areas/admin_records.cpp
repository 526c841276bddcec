// The back office's records (see admin.hpp): signed time adjustments on a ticket, contact
// messages, the audit log and its filters, the startup conference (availability slots, the
// accounts' steps, marking one done with notes) and the numbers (open tickets, the board's
// aggregates, revenue by month). Their screens, request kinds and answers.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "app.hpp"
#include "areas/admin.hpp"
#include "core/json_read.hpp"
#include "tessera/dates.hpp"
#include "tessera/ledger.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

void enter_adjustments(App& app, const RouteParams& params) {
  if (const auto id = params.id("id")) admin::open_adjustments(app, *id);
  else app.admin.adjustment = AdjustmentState{};
}
void enter_contact(App& app, const RouteParams&) { admin::load_contact(app); }
void enter_audit(App& app, const RouteParams&) { admin::load_audit(app); }
void enter_conference(App& app, const RouteParams&) { admin::load_conference(app); }
void enter_numbers(App& app, const RouteParams&) { admin::load_numbers(app); }

const ScreenDef kScreens[] = {
    {"admin_numbers", "/admin/numbers", "admin.numbers.title", Audience::admin, enter_numbers,
     "nav.admin_numbers"},
    {"admin_adjustments", "/admin/tickets/{id}/adjustments", "admin.adjust.title", Audience::admin, enter_adjustments},
    {"admin_adjustments_find", "/admin/adjustments", "admin.adjust.title", Audience::admin, enter_adjustments, "nav.admin_adjustments"},
    {"admin_conference", "/admin/conference", "admin.conference.title", Audience::admin, enter_conference, "nav.admin_conference"},
    {"admin_contact", "/admin/contact", "admin.contact.title", Audience::admin, enter_contact,
     "nav.admin_contact"},
    {"admin_audit", "/admin/audit", "admin.audit.title", Audience::admin, enter_audit,
     "nav.admin_audit"},
};

std::optional<json> object_body(const HttpResponse& answer) {
  auto parsed = json::parse(answer.body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

// A list answer: its body, or the error shown (none at all: the network's).
std::optional<json> list_body(App& app, const HttpResponse& answer) {
  const auto body = answer.status == 200 ? object_body(answer) : std::nullopt;
  if (!body) {
    if (answer.status != 0) app.fail(answer);
    else app.error = make_error("network");
  }
  return body;
}

std::optional<std::int64_t> parse_signed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string joined(const json& list) {
  std::string text;
  if (!list.is_array()) return text;
  for (const auto& item : list)
    if (item.is_string() && !item.get<std::string>().empty()) text += (text.empty() ? "" : ", ") + item.get<std::string>();
  return text;
}

ConferenceStep step_of(const json& view) {
  ConferenceStep step;
  step.account_id = static_cast<Id>(read::integer(view, "account_id"));
  const auto& owner = read::object(view, "owner");
  step.owner_name = read::text(owner, "name");
  step.owner_email = read::text(owner, "email");
  step.choice = read::text(view, "choice", "pending");
  step.call_at = read::integer(read::object(view, "call"), "starts_at");
  step.done = read::flag(view, "done");
  step.operator_notes = read::text(view, "operator_notes");
  const auto& contacts = read::object(view, "contacts");
  step.contacts = joined(read::object(contacts, "phones"));
  const std::string emails = joined(read::object(contacts, "emails"));
  if (!emails.empty()) step.contacts += (step.contacts.empty() ? "" : ", ") + emails;
  const auto& environment = read::object(view, "environment");
  for (const char* key : {"devices", "operating_systems", "key_software"}) {
    const std::string part = joined(read::object(environment, key));
    if (!part.empty()) step.environment += (step.environment.empty() ? "" : " · ") + part;
  }
  const std::string network = read::text(environment, "network");
  if (!network.empty()) step.environment += (step.environment.empty() ? "" : " · ") + network;
  return step;
}

}  // namespace

namespace admin {

void install_records(App& app) {
  app.router().add(kScreens);
  // [SECTION] Adjustments
  app.requests().on("admin.ticket", [&app](const Request& request, const HttpResponse& answer) {
    auto& state = app.admin.adjustment;
    if (read::integer(request.context, "id") != static_cast<std::int64_t>(state.ticket_id)) return;  // another one since
    if (answer.status == 404) {
      state.missing = true;
      return;
    }
    const auto body = list_body(app, answer);
    if (!body) return;
    try {
      state.detail = body->get<wire::TicketDetail>();
    } catch (const json::exception&) {
      app.fail(HttpResponse{500, {}});
    }
  });
  app.requests().on("admin.adjust", [&app](const Request&, const HttpResponse& answer) {
    auto& state = app.admin.adjustment;
    if (answer.status == 201) {
      if (const auto body = object_body(answer)) {
        try {
          state.detail = body->get<wire::TicketDetail>();
        } catch (const json::exception&) {
        }
      }
      state.minutes.clear();
      state.note.clear();
      state.saved = true;
      return;
    }
    Error error = App::error_of(answer);
    error.field = error.field.empty() || error.code == "adjustment_below_zero" ? "adjustment.minutes"
                                                                              : "adjustment." + error.field;
    app.error = error;
  });
  // [SECTION] Contact and audit
  app.requests().on("admin.contact", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& state = app.admin.contact;
    state.messages.clear();
    for (const auto& item : read::object(*body, "messages"))
      state.messages.push_back(ContactMessage{static_cast<Id>(read::integer(item, "id")), read::text(item, "name"),
                                              read::text(item, "email"), read::text(item, "message"),
                                              read::integer(item, "at")});
    state.loaded = true;
  });
  app.requests().on("admin.audit", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& state = app.admin.audit;
    state.entries.clear();
    for (const auto& item : read::object(*body, "entries")) {
      const auto* details = read::member(item, "details");
      state.entries.push_back(AuditEntry{static_cast<Id>(read::integer(item, "id")), read::integer(item, "at"),
                                         static_cast<Id>(read::integer(item, "actor_id")), read::text(item, "action"),
                                         details && !details->is_null() ? details->dump() : std::string()});
    }
    state.loaded = true;
  });
  // [SECTION] Conference
  app.requests().on("admin.slots", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& state = app.admin.conference;
    state.slots.clear();
    for (const auto& item : read::object(*body, "slots"))
      state.slots.push_back(ConferenceSlot{static_cast<Id>(read::integer(item, "id")), read::integer(item, "starts_at"),
                                           read::integer(item, "length_minutes", 30), read::flag(item, "booked"),
                                           static_cast<Id>(read::integer(item, "account_id"))});
    state.slots_loaded = true;
  });
  app.requests().on("admin.steps", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& state = app.admin.conference;
    state.steps.clear();
    for (const auto& item : read::object(*body, "steps")) state.steps.push_back(step_of(item));
    state.steps_loaded = true;
  });
  app.requests().on("admin.slot_add", [&app](const Request&, const HttpResponse& answer) {
    if (answer.status == 201) {
      app.admin.conference.slot_date.clear();
      app.admin.conference.slot_time.clear();
      return load_conference(app);
    }
    Error error = App::error_of(answer);
    error.field = error.field == "length_minutes" ? "slot.length" : "slot.starts_at";
    app.error = error;
  });
  app.requests().on("admin.slot_remove", [&app](const Request&, const HttpResponse& answer) {
    if (answer.status == 204) return load_conference(app);
    app.fail(answer);
  });
  app.requests().on("admin.step_done", [&app](const Request& request, const HttpResponse& answer) {
    const auto account = static_cast<Id>(read::integer(request.context, "account_id"));
    if (answer.status == 200) {
      app.admin.conference.notes.erase(account);
      app.admin.conference.done_for = read::text(request.context, "owner");
      return load_conference(app);
    }
    Error error = App::error_of(answer);
    error.field = "step." + std::to_string(account) + ".notes";
    app.error = error;
  });
  // [SECTION] Numbers
  app.requests().on("admin.numbers.queue", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& numbers = app.admin.numbers;
    numbers.open.clear();
    numbers.overdue = 0;
    numbers.sla_known = false;
    try {
      for (const auto& item : read::object(*body, "tickets")) {
        numbers.open.push_back(item.get<wire::TicketSummary>());
        const auto& sla = read::object(item, "sla");  // where it stands, when the server says
        if (sla.is_object()) {
          numbers.sla_known = true;
          if (read::flag(sla, "overdue")) ++numbers.overdue;
        }
      }
    } catch (const json::exception&) {
      return app.fail(HttpResponse{500, {}});
    }
    numbers.open_total = read::integer(*body, "total", static_cast<std::int64_t>(numbers.open.size()));
    numbers.queue_loaded = true;
  });
  app.requests().on("admin.numbers.board", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    app.admin.numbers.board = *body;
    app.admin.numbers.board.erase("rows");
    app.admin.numbers.board_loaded = true;
  });
  app.requests().on("admin.numbers.revenue", [&app](const Request&, const HttpResponse& answer) {
    const auto body = list_body(app, answer);
    if (!body) return;
    auto& numbers = app.admin.numbers;
    numbers.revenue.clear();
    for (const auto& item : read::object(*body, "months"))
      numbers.revenue.push_back(RevenueMonth{read::text(item, "month"), read::integer(item, "net"),
                                             read::integer(item, "gross"), read::integer(item, "invoices")});
    numbers.revenue_loaded = true;
  });
  app.on_stream_event([&app](const StreamEvent& event) {
    if (event.kind == StreamEvent::Kind::ticket && app.screen() == "admin_numbers") load_numbers(app);
    if (event.kind == StreamEvent::Kind::ticket && app.screen() == "admin_adjustments" &&
        app.admin.adjustment.ticket_id == event.ticket_id)
      open_adjustments(app, event.ticket_id);
  });
  app.on_test_state([&app](json& out) {
    auto& admin = out["admin"];
    const auto& adjustment = app.admin.adjustment;
    admin["adjustment"] = {{"ticket_id", adjustment.ticket_id},
                           {"loaded", adjustment.detail.has_value()},
                           {"missing", adjustment.missing},
                           {"minutes_worked", adjustment.detail ? adjustment.detail->ticket.minutes_worked : 0},
                           {"saved", adjustment.saved}};
    admin["contact_messages"] = app.admin.contact.messages.size();
    std::optional<Error> ignored;
    admin["audit_shown"] = filtered_audit(app.admin.audit, app.browser().utc_offset_minutes(0), ignored).size();
    admin["audit_loaded"] = app.admin.audit.loaded;
    json slots = json::array();
    for (const auto& slot : app.admin.conference.slots)
      slots.push_back({{"id", slot.id}, {"starts_at", slot.starts_at}, {"booked", slot.booked}});
    admin["slots"] = slots;
    json steps = json::array();
    for (const auto& step : app.admin.conference.steps)
      steps.push_back({{"account_id", step.account_id}, {"choice", step.choice}, {"done", step.done}});
    admin["steps"] = steps;
    admin["numbers"] = {{"queue_loaded", app.admin.numbers.queue_loaded},
                        {"board_loaded", app.admin.numbers.board_loaded},
                        {"revenue_loaded", app.admin.numbers.revenue_loaded},
                        {"open_total", app.admin.numbers.open_total},
                        {"overdue", app.admin.numbers.sla_known ? json(app.admin.numbers.overdue) : json()},
                        {"revenue_months", app.admin.numbers.revenue.size()}};
  });
}

// [SECTION] Adjustments
void open_adjustments(App& app, Id ticket_id) {
  auto& state = app.admin.adjustment;
  if (state.ticket_id != ticket_id) state = AdjustmentState{};
  state.ticket_id = ticket_id;
  state.missing = false;
  app.requests().send(Request{.kind = "admin.ticket", .method = "GET", .path = "/tickets/" + std::to_string(ticket_id),
                              .context = json{{"id", ticket_id}}});
}

void find_ticket(App& app) {
  app.clear_error();
  std::string text = app.admin.adjustment.lookup;
  std::erase(text, ' ');
  if (text.size() > 2 && (text[0] == 'T' || text[0] == 't') && text[1] == '-') text = text.substr(2);
  const auto number = parse_signed(text);
  if (!number || *number <= 0) {
    app.error = make_error("unknown_ticket", "adjustment.lookup");
    return;
  }
  app.navigate("/admin/tickets/" + std::to_string(*number) + "/adjustments");
}

void adjust_time(App& app) {
  app.clear_error();
  auto& state = app.admin.adjustment;
  state.saved = false;
  if (!state.detail) return;
  const auto minutes = parse_signed(state.minutes);
  if (!minutes) {
    app.error = make_error(state.minutes.empty() ? "required" : "not_a_number", "adjustment.minutes");
    return;
  }
  // The ledger's own check (shared/ledger.hpp), its fields named as the form names them.
  if (auto error = check_time_adjustment(state.detail->ticket.minutes_worked, *minutes, state.note)) {
    error->field = "adjustment." + error->field;
    app.error = std::move(*error);
    return;
  }
  app.requests().send(Request{.kind = "admin.adjust",
                              .method = "POST",
                              .path = "/tickets/" + std::to_string(state.ticket_id) + "/adjustments",
                              .body = json{{"minutes", *minutes}, {"note", state.note}}.dump()});
}

// [SECTION] Contact and audit
void load_contact(App& app) { app.requests().send(Request{.kind = "admin.contact", .method = "GET", .path = "/admin/contact"}); }
void load_audit(App& app) { app.requests().send(Request{.kind = "admin.audit", .method = "GET", .path = "/admin/audit"}); }

std::vector<AuditEntry> filtered_audit(const AuditState& audit, int utc_offset_minutes, std::optional<Error>& error) {
  error.reset();
  std::optional<Id> actor;
  if (!audit.actor.empty()) {
    const auto value = parse_signed(audit.actor);
    if (!value || *value < 0) {
      error = make_error("not_a_number", "audit.actor");
      return {};
    }
    actor = static_cast<Id>(*value);
  }
  std::optional<Date> from, to;
  if (!audit.from.empty() && !(from = parse_iso_date(audit.from))) {
    error = make_error("invalid_date", "audit.from");
    return {};
  }
  if (!audit.to.empty() && !(to = parse_iso_date(audit.to))) {
    error = make_error("invalid_date", "audit.to");
    return {};
  }
  std::vector<AuditEntry> shown;
  for (const auto& entry : audit.entries) {
    if (actor && entry.actor_id != *actor) continue;
    if (!audit.action.empty() && entry.action != audit.action) continue;
    const Date day = utc_date_of(entry.at + std::int64_t{utc_offset_minutes} * 60);  // the admin's day
    if ((from && day < *from) || (to && day > *to)) continue;
    shown.push_back(entry);
  }
  return shown;
}

// [SECTION] Conference
void load_conference(App& app) {
  app.requests().send(Request{.kind = "admin.slots", .method = "GET", .path = "/admin/onboarding/slots"});
  app.requests().send(Request{.kind = "admin.steps", .method = "GET", .path = "/admin/onboarding"});
}

void add_slot(App& app) {
  app.clear_error();
  auto& state = app.admin.conference;
  const auto date = parse_iso_date(state.slot_date);
  if (!date) {
    app.error = make_error(state.slot_date.empty() ? "required" : "invalid_date", "slot.date");
    return;
  }
  int hour = -1, minute = -1;
  if (state.slot_time.size() == 5 && state.slot_time[2] == ':') {
    std::from_chars(state.slot_time.data(), state.slot_time.data() + 2, hour);
    std::from_chars(state.slot_time.data() + 3, state.slot_time.data() + 5, minute);
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    app.error = make_error("invalid_time", "slot.time");
    return;
  }
  const auto length = parse_signed(state.slot_length);
  if (!length || *length < 15 || *length > 240) {
    Error error = make_error("out_of_range", "slot.length");
    error.params = {{"min", "15"}, {"max", "240"}};
    app.error = error;
    return;
  }
  // The browser's local time: its offset on that day (a change of the clocks that very hour
  // is the server's to refuse or accept).
  const Instant local = utc_instant(*date, hour, minute);
  const Instant starts_at = local - std::int64_t{app.browser().utc_offset_minutes(local)} * 60;
  app.requests().send(Request{.kind = "admin.slot_add",
                              .method = "POST",
                              .path = "/admin/onboarding/slots",
                              .body = json{{"starts_at", starts_at}, {"length_minutes", *length}}.dump()});
}

void remove_slot(App& app, Id slot_id) {
  app.clear_error();
  app.requests().send(Request{.kind = "admin.slot_remove", .method = "DELETE",
                              .path = "/admin/onboarding/slots/" + std::to_string(slot_id)});
}

void complete_step(App& app, Id account_id) {
  app.clear_error();
  auto& notes = app.admin.conference.notes[account_id];
  const std::string field = "step." + std::to_string(account_id) + ".notes";
  if (std::all_of(notes.begin(), notes.end(), [](unsigned char c) { return std::isspace(c); })) {
    app.error = make_error("note_required", field);
    return;
  }
  std::string owner;
  for (const auto& step : app.admin.conference.steps)
    if (step.account_id == account_id) owner = step.owner_name;
  app.requests().send(Request{.kind = "admin.step_done",
                              .method = "POST",
                              .path = "/onboarding/" + std::to_string(account_id) + "/complete",
                              .body = json{{"notes", notes}}.dump(),
                              .context = json{{"account_id", account_id}, {"owner", owner}}});
}

// [SECTION] Numbers
void load_numbers(App& app) {
  app.requests().send(Request{.kind = "admin.numbers.queue", .method = "GET", .path = "/queue?limit=500"});
  app.requests().send(Request{.kind = "admin.numbers.board", .method = "GET", .path = "/board?limit=1"});
  app.requests().send(Request{.kind = "admin.numbers.revenue", .method = "GET", .path = "/admin/revenue"});
}

}  // namespace admin

}  // namespace tessera::client
