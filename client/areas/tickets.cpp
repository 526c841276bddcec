// The tickets area (see tickets.hpp): screens, request kinds, the drafts and last-known data
// stored on the device, and the live updates of the list and the open ticket.
//
// [SECTION] Decoding  [SECTION] Stored documents  [SECTION] Answers  [SECTION] Actions
#include "areas/tickets.hpp"

#include <algorithm>

#include "app.hpp"
#include "core/json_read.hpp"
#include "tessera/attachments.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/evaluation.hpp"
#include "tessera/ticket_filter.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {

constexpr int kStoredVersion = 1;
constexpr std::size_t kKnownTicketsKept = 30;  // the last tickets opened, readable offline

void enter_list(App& app, const RouteParams&) {
  tickets::show_list(app);
  // The startup conference, once the subscription was activated: My tickets says when it is to do.
  const auto& me = app.session.me;
  if (me && me->user.account_owner && me->balances.subscription != SubscriptionPhase::none) people::load_onboarding(app);
}
void enter_detail(App& app, const RouteParams& params) {
  if (const auto id = params.id("id")) tickets::open(app, *id);
  else app.go_home();
}

const ScreenDef kScreens[] = {
    {"my_tickets", "/tickets", "tickets.title", Audience::customer, enter_list, "nav.my_tickets"},
    {"new_ticket", "/tickets/new", "ticket.new_title", Audience::customer, nullptr, "nav.new_ticket"},
    {"ticket", "/tickets/{id}", "ticket.title", Audience::customer, enter_detail},
};

// [SECTION] Decoding
using read::decode;  // core/json_read.hpp

std::optional<std::vector<wire::TicketSummary>> decode_list(const json& parsed) {
  if (!parsed.is_object() || !parsed.contains("tickets") || !parsed["tickets"].is_array()) return std::nullopt;
  std::vector<wire::TicketSummary> list;
  try {
    for (const auto& item : parsed["tickets"]) list.push_back(item.get<wire::TicketSummary>());
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return list;
}

// A draft read back from the device: whatever was typed, valid or not yet.
wire::TicketDraft draft_from_json(const json& stored, Language fallback) {
  wire::TicketDraft draft;
  draft.subject = read::text(stored, "subject");
  draft.description = read::text(stored, "description");
  draft.category = parse_category(read::text(stored, "category")).value_or(Category::other);
  draft.criticality = parse_criticality(read::text(stored, "criticality")).value_or(Criticality::normal);
  draft.language = parse_language(read::text(stored, "language")).value_or(fallback);
  draft.funding = parse_funding_source(read::text(stored, "funding"));
  return draft;
}

wire::MessageDraft reply_from_json(const json& stored) {
  return wire::MessageDraft{read::text(stored, "body"), read::flag(stored, "internal")};
}

bool is_blank(const wire::TicketDraft& draft) { return draft.subject.empty() && draft.description.empty(); }

// [SECTION] Stored documents
json save_drafts(const TicketsArea& area) {
  json replies = json::object();
  for (const auto& [id, reply] : area.replies)
    if (!reply.body.empty()) replies[std::to_string(id)] = wire::to_json(reply);
  json evaluations = json::object();
  for (const auto& [id, draft] : area.evaluations)
    if (draft.rating > 0 || !draft.comment.empty())
      evaluations[std::to_string(id)] = {{"rating", draft.rating}, {"comment", draft.comment}, {"publish", draft.publish}};
  return {{"version", kStoredVersion},
          {"new_ticket", is_blank(area.new_ticket) ? json() : wire::to_json(area.new_ticket)},
          {"replies", replies},
          {"evaluations", evaluations}};
}

void load_drafts(TicketsArea& area, const json& stored, Language language) {
  if (read::integer(stored, "version") != kStoredVersion) return;
  const auto& draft = read::object(stored, "new_ticket");
  if (draft.is_object()) area.new_ticket = draft_from_json(draft, language);
  for (const auto& [id, reply] : read::object(stored, "replies").items()) {
    const Id ticket_id = std::atoll(id.c_str());
    if (ticket_id > 0) area.replies[ticket_id] = reply_from_json(reply);
  }
  for (const auto& [id, draft] : read::object(stored, "evaluations").items()) {
    const Id ticket_id = std::atoll(id.c_str());
    if (ticket_id > 0)
      area.evaluations[ticket_id] = EvaluationDraft{static_cast<int>(read::integer(draft, "rating")),
                                                    read::text(draft, "comment"), read::flag(draft, "publish")};
  }
}

json save_cache(const TicketsArea& area) {
  json known = json::array();
  for (const auto& [id, entry] : area.known) known.push_back({{"detail", entry.first}, {"at", entry.second}});
  json rated = json::object();
  for (const auto& [id, rating] : area.rated) rated[std::to_string(id)] = rating;
  return {{"version", kStoredVersion}, {"list", area.list}, {"list_at", area.list_at_ms}, {"known", known},
          {"rated", rated}};
}

void load_cache(TicketsArea& area, const json& stored) {
  if (read::integer(stored, "version") != kStoredVersion) return;
  if (const auto list = decode_list(json{{"tickets", read::object(stored, "list")}})) {
    area.list = *list;
    area.list_at_ms = read::number(stored, "list_at");
    area.list_fresh = false;
  }
  for (const auto& entry : read::object(stored, "known")) {
    const auto detail = decode<wire::TicketDetail>(read::object(entry, "detail").dump());
    if (detail) area.known[detail->ticket.id] = {*detail, read::number(entry, "at")};
  }
  for (const auto& [id, rating] : read::object(stored, "rated").items())
    if (const Id ticket_id = std::atoll(id.c_str()); ticket_id > 0 && rating.is_number_integer())
      area.rated[ticket_id] = rating.get<int>();
}

void remember(TicketsArea& area, const wire::TicketDetail& detail, double at_ms) {
  area.known[detail.ticket.id] = {detail, at_ms};
  while (area.known.size() > kKnownTicketsKept) {  // forget the one seen longest ago
    auto oldest = std::min_element(area.known.begin(), area.known.end(),
                                   [](const auto& a, const auto& b) { return a.second.second < b.second.second; });
    area.known.erase(oldest);
  }
  for (auto& summary : area.list)
    if (summary.id == detail.ticket.id) summary = detail.ticket;
}

// [SECTION] Answers
void show_detail(App& app, const wire::TicketDetail& detail) {
  auto& area = app.tickets;
  const double now = app.browser().now_ms();
  remember(area, detail, now);
  if (area.detail && area.detail->ticket.id != detail.ticket.id) return;  // another ticket is open now
  area.detail = detail;
  area.detail_at_ms = now;
  area.detail_fresh = true;
  area.detail_missing = false;
}

void list_answer(App& app, const HttpResponse& answer) {
  const auto parsed = read::parse(answer.body);
  const auto list = answer.status == 200 && !parsed.is_discarded() ? decode_list(parsed) : std::nullopt;
  if (!list) {
    if (answer.status != 0) app.fail(answer);  // no answer: the device's list stays, marked stale
    return;
  }
  app.tickets.list = *list;
  app.tickets.list_at_ms = app.browser().now_ms();
  app.tickets.list_fresh = true;
}

void detail_answer(App& app, const Request& request, const HttpResponse& answer) {
  const auto detail = answer.status == 200 ? decode<wire::TicketDetail>(answer.body) : std::nullopt;
  if (detail) return show_detail(app, *detail);
  const Id asked = read::integer(request.context, "ticket_id");
  if (answer.status == 404 && app.tickets.detail_missing == false && (!app.tickets.detail || app.tickets.detail->ticket.id == asked)) {
    app.tickets.detail.reset();
    app.tickets.detail_missing = true;
    return;
  }
  if (answer.status != 0) app.fail(answer);
}

// A created ticket or a sent reply: the answer is the ticket as the server has it now.
void sent_answer(App& app, const Request& request, const HttpResponse& answer) {
  if (answer.status < 200 || answer.status >= 300) return;  // the outbox shows queued or failed
  const auto detail = decode<wire::TicketDetail>(answer.body);
  if (!detail) return;
  show_detail(app, *detail);
  auto& list = app.tickets.list;
  if (std::none_of(list.begin(), list.end(), [&](const auto& t) { return t.id == detail->ticket.id; }))
    list.insert(list.begin(), detail->ticket);
  if (request.kind == "tickets.create")
    app.tickets.notice = app.format("outbox.ticket_sent", {{"reference", detail->ticket.reference}});
}

void evaluation_answer(App& app, const Request& request, const HttpResponse& answer) {
  const Id id = read::integer(request.context, "ticket_id");
  auto& area = app.tickets;
  if (answer.status == 201) {
    const auto parsed = json::parse(answer.body, nullptr, false);
    area.rated[id] = static_cast<int>(read::integer(parsed, "rating"));
    area.evaluations.erase(id);
    return;
  }
  const Error failure = App::error_of(answer);
  if (failure.code == "already_rated") {  // rated before, on another device
    area.rated.emplace(id, 0);
    area.evaluations.erase(id);
    return;
  }
  app.fail(answer);
}

void attachment_answer(App& app, const HttpResponse& answer) {
  app.tickets.attaching.clear();
  const auto detail = answer.status == 200 || answer.status == 201 ? decode<wire::TicketDetail>(answer.body) : std::nullopt;
  if (detail) return show_detail(app, *detail);
  app.fail(answer);
  if (app.error && app.error->field.empty()) app.error->field = "attachment";
}

// A file name in a query: every byte but letters, digits and - . _ percent-encoded.
std::string query_component(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || c == '-' ||
        c == '.' || c == '_') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

}  // namespace

namespace tickets {

void install(App& app) {
  app.router().add(kScreens);
  auto& requests = app.requests();
  requests.on("tickets.list", [&app](const Request&, const HttpResponse& answer) { list_answer(app, answer); });
  requests.on("tickets.detail",
              [&app](const Request& request, const HttpResponse& answer) { detail_answer(app, request, answer); });
  requests.on("tickets.create", [&app](const Request& request, const HttpResponse& answer) { sent_answer(app, request, answer); });
  requests.on("tickets.reply", [&app](const Request& request, const HttpResponse& answer) { sent_answer(app, request, answer); });
  requests.on("tickets.action", [&app](const Request&, const HttpResponse& answer) {
    const auto detail = answer.status == 200 ? decode<wire::TicketDetail>(answer.body) : std::nullopt;
    if (detail) show_detail(app, *detail);
    else app.fail(answer);
  });
  requests.on("tickets.evaluate", [&app](const Request& request, const HttpResponse& answer) {
    evaluation_answer(app, request, answer);
  });
  requests.on("tickets.attach", [&app](const Request&, const HttpResponse& answer) { attachment_answer(app, answer); });
  app.add_document({"drafts", [&app] { return save_drafts(app.tickets); },
                    [&app](const json& stored) { load_drafts(app.tickets, stored, app.language); }});
  app.add_document({"cache", [&app] { return save_cache(app.tickets); },
                    [&app](const json& stored) { load_cache(app.tickets, stored); }});
  // Live updates: the event says which ticket changed; what is on screen is fetched again.
  app.on_stream_event([&app](const StreamEvent& event) {
    if (event.kind != StreamEvent::Kind::ticket || app.is_staff()) return;
    if (app.screen() == "my_tickets") show_list(app);
    if (app.tickets.detail && app.tickets.detail->ticket.id == event.ticket_id) open(app, event.ticket_id);
  });
  app.on_session_end([&app] {
    const auto language = app.language;
    app.tickets = TicketsArea{};
    app.tickets.new_ticket.language = language;
  });
  app.on_test_state([&app](json& out) {
    const auto& area = app.tickets;
    json list = json::array();
    for (const auto& ticket : area.list)
      list.push_back({{"id", ticket.id},
                      {"reference", ticket.reference},
                      {"subject", ticket.subject},
                      {"status", to_string(ticket.status)},
                      {"category", to_string(ticket.category)},
                      {"criticality", to_string(ticket.criticality)},
                      {"language", to_string(ticket.language)},
                      {"minutes_worked", ticket.minutes_worked}});
    out["tickets"] = list;
    out["tickets_stale"] = !area.list_fresh;
    out["ticket"] = area.detail ? json(*area.detail) : json();
    out["ticket_stale"] = area.detail && !area.detail_fresh;
    out["drafts"] = save_drafts(area);
    out["draft_state"] = draft_state(app, 0);
    if (area.detail) out["reply_state"] = draft_state(app, area.detail->ticket.id);
    out["notice"] = area.notice;
    std::optional<Error> filter_error;
    json shown = json::array();
    for (const auto& ticket : filtered(app, filter_error)) shown.push_back(ticket.id);
    out["tickets_shown"] = shown;
    json rated = json::object();
    for (const auto& [id, rating] : area.rated) rated[std::to_string(id)] = rating;
    out["rated"] = rated;
    out["attaching"] = area.attaching;
  });
}

void show_list(App& app) {
  app.requests().send(Request{.kind = "tickets.list", .method = "GET", .path = "/tickets"});
}

void open(App& app, Id id) {
  auto& area = app.tickets;
  if (!area.detail || area.detail->ticket.id != id) {
    area.detail.reset();
    area.detail_fresh = false;
    area.detail_missing = false;
    if (const auto known = area.known.find(id); known != area.known.end()) {  // shown until the answer
      area.detail = known->second.first;
      area.detail_at_ms = known->second.second;
    }
  }
  app.requests().send(Request{.kind = "tickets.detail",
                              .method = "GET",
                              .path = "/tickets/" + std::to_string(id),
                              .context = json{{"ticket_id", id}}});
}

void submit_new(App& app) {
  app.clear_error();
  auto& area = app.tickets;
  const json body = wire::to_json(area.new_ticket);
  // The same validation as the server's: a field at fault is said at once, offline too.
  if (const auto parsed = wire::parse_ticket_draft(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().enqueue(Request{.kind = "tickets.create", .method = "POST", .path = "/tickets", .body = body.dump()});
  const auto language = area.new_ticket.language;
  area.new_ticket = wire::TicketDraft{};
  area.new_ticket.language = language;
  area.notice.clear();
  app.navigate("/tickets");
}

void send_reply(App& app) {
  auto& area = app.tickets;
  if (!area.detail) return;
  app.clear_error();
  const Id id = area.detail->ticket.id;
  auto& draft = area.replies[id];
  draft.internal = draft.internal && app.is_staff();
  const json body = wire::to_json(draft);
  if (const auto parsed = wire::parse_message_draft(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  app.requests().enqueue(Request{.kind = "tickets.reply",
                                 .method = "POST",
                                 .path = "/tickets/" + std::to_string(id) + "/messages",
                                 .body = body.dump(),
                                 .context = json{{"ticket_id", id}}});
  area.replies.erase(id);
}

void act(App& app, TicketAction action) {
  const auto& area = app.tickets;
  if (!area.detail) return;
  app.clear_error();
  app.requests().send(Request{.kind = "tickets.action",
                              .method = "POST",
                              .path = "/tickets/" + std::to_string(area.detail->ticket.id) + "/actions",
                              .body = json{{"action", std::string(to_string(action))}}.dump()});
}

bool may(const App& app, TicketAction action) {
  const auto& detail = app.tickets.detail;
  if (!detail || !app.session.me) return false;
  const TicketFacts facts{detail->ticket.status, detail->ticket.minutes_worked};
  return apply_ticket_action(facts, action, app.session.me->user.role).ok();
}

void edit_item(App& app, const std::string& outbox_id) {
  const OutboxItem* item = app.requests().item(outbox_id);
  if (!item) return;
  const auto error = item->error;
  const auto request = app.requests().take_back(outbox_id);
  if (!request) return;
  const auto body = json::parse(request->body, nullptr, false);
  if (request->kind == "tickets.create") {
    app.tickets.new_ticket = draft_from_json(body, app.language);
    app.navigate("/tickets/new");
  } else if (request->kind == "tickets.reply") {
    const Id id = read::integer(request->context, "ticket_id");
    app.tickets.replies[id] = reply_from_json(body);
    app.navigate("/tickets/" + std::to_string(id));
  }
  app.error = error;  // the server's reason, under its field
}

void discard_item(App& app, const std::string& outbox_id) { app.requests().take_back(outbox_id); }

std::vector<const OutboxItem*> new_ticket_items(const App& app) {
  std::vector<const OutboxItem*> items;
  for (const auto& item : app.requests().outbox())
    if (item.request.kind == "tickets.create" && item.state != OutboxState::sent) items.push_back(&item);
  return items;
}

std::vector<const OutboxItem*> reply_items(const App& app, Id ticket_id) {
  std::vector<const OutboxItem*> items;
  for (const auto& item : app.requests().outbox())
    if (item.request.kind == "tickets.reply" && item.state != OutboxState::sent &&
        read::integer(item.request.context, "ticket_id") == ticket_id)
      items.push_back(&item);
  return items;
}

std::string draft_state(const App& app, Id ticket_id) {
  if (ticket_id == 0) return is_blank(app.tickets.new_ticket) ? "" : "draft";
  const auto reply = app.tickets.replies.find(ticket_id);
  return reply != app.tickets.replies.end() && !reply->second.body.empty() ? "draft" : "";
}

std::vector<wire::TicketSummary> filtered(const App& app, std::optional<Error>& error) {
  const auto& form = app.tickets.filter;
  std::map<std::string, std::string> parameters;
  if (!form.status.empty()) parameters["status"] = form.status;
  if (!form.category.empty()) parameters["category"] = form.category;
  if (!form.criticality.empty()) parameters["criticality"] = form.criticality;
  if (!form.text.empty()) parameters["q"] = form.text;
  const auto filter = parse_ticket_filter(parameters);
  if (!filter) {
    error = filter.error();
    return app.tickets.list;
  }
  std::vector<wire::TicketSummary> shown;
  for (const auto& ticket : app.tickets.list)
    if (ticket_matches(*filter, ticket)) shown.push_back(ticket);
  return shown;
}

void choose_attachment(App& app) {
  if (!app.tickets.detail) return;
  app.clear_error();
  const Id id = app.tickets.detail->ticket.id;
  const std::size_t so_far = app.tickets.detail->attachments.size();
  app.browser().choose_file("image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.log,.txt",
                            [&app, id, so_far](std::optional<ChosenFile> file) {
    if (!file) return;  // the user cancelled
    // The server's own rules: the type read from the bytes, the size, how many.
    if (const auto accepted = accept_attachment(file->bytes, so_far); !accepted) {
      app.error = accepted.error();
      app.error->field = "attachment";
      app.request_redraw();
      return;
    }
    const std::string name = safe_attachment_name(file->name);
    app.tickets.attaching = name;
    app.requests().send(Request{.kind = "tickets.attach",
                                .method = "POST",
                                .path = "/tickets/" + std::to_string(id) + "/attachments?filename=" + query_component(name),
                                .body = std::move(file->bytes),
                                .content_type = "application/octet-stream",
                                .idempotency_key = app.requests().new_key(),
                                .context = json{{"ticket_id", id}}});
    app.request_redraw();
  });
}

void evaluate(App& app) {
  if (!app.tickets.detail) return;
  app.clear_error();
  const Id id = app.tickets.detail->ticket.id;
  const auto& draft = app.tickets.evaluations[id];
  const json body{{"rating", draft.rating}, {"comment", draft.comment}, {"publish_comment", draft.publish}};
  if (const auto parsed = codec::decode_evaluation_request(body); !parsed) {
    app.error = parsed.error();
    return;
  }
  if (const auto checked = evaluate_ticket(TicketStatus::closed, false, *codec::decode_evaluation_request(body), 0);
      !checked) {
    app.error = checked.error();
    return;
  }
  app.requests().send(Request{.kind = "tickets.evaluate",
                              .method = "POST",
                              .path = "/tickets/" + std::to_string(id) + "/evaluation",
                              .body = body.dump(),
                              .context = json{{"ticket_id", id}}});
}

}  // namespace tickets

}  // namespace tessera::client
