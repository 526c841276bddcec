// Routes of tickets: create (idempotent), list, detail, messages, actions, time entries,
// and the operator queue.
#include "http/guard.hpp"
#include "http/util.hpp"
#include "app/tickets.hpp"
#include "tessera/ticket_filter.hpp"
#include "app/transparency.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
// A ticket left by a state-changing request: 201 the first time, 200 for a replay of the same
// Idempotency-Key and request (nothing was done again).
void send_ticket_change(httplib::Response& res, const Result<CreatedTicket>& result) {
  if (!result) return send_error(res, result.error());
  send_json(res, result->replayed ? 200 : 201, result->detail);
}

std::string idempotency_key(const httplib::Request& req) {
  return req.get_header_value(std::string(wire::kIdempotencyHeader));
}
}  // namespace

void install_ticket_routes(RouteContext& routes) {
  Tickets& service = routes.tickets;
  Context& context = routes.context;
  const std::string& api = routes.api;

  routes.http.Post(api + "/tickets", routes.authed([&service](const httplib::Request& req, httplib::Response& res,
                                                              const UserRecord& user) {
    const auto body = parse_body(req, res);
    if (!body) return;
    const auto draft = wire::parse_ticket_draft(*body);
    if (!draft) return send_error(res, draft.error());
    send_ticket_change(res, service.create_ticket(user, *draft, idempotency_key(req)));
  }));

  routes.http.Get(api + "/tickets", routes.authed_read([&service](const httplib::Request& req, httplib::Response& res,
                                                             const UserRecord& user) {
    std::map<std::string, std::string> parameters;
    for (const auto& [name, value] : req.params) parameters[name] = value;
    const auto filter = parse_ticket_filter(parameters);
    if (!filter) return send_error(res, filter.error());
    auto tickets = service.list_tickets(user);
    std::erase_if(tickets, [&](const wire::TicketSummary& ticket) { return !ticket_matches(*filter, ticket); });
    send_json(res, 200, json{{"tickets", tickets}});
  }, ReadClock::data_only));

  routes.http.Get(api + R"(/tickets/(\d+))", routes.authed_read([&service](const httplib::Request& req,
                                                                      httplib::Response& res, const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_result(res, service.ticket_detail(user, *id), 200);
  }, ReadClock::data_only));

  routes.http.Post(api + R"(/tickets/(\d+)/messages)", routes.authed([&service](const httplib::Request& req,
                                                                                httplib::Response& res,
                                                                                const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto draft = wire::parse_message_draft(target->body);
    if (!draft) return send_error(res, draft.error());
    send_ticket_change(res, service.add_message(user, target->id, *draft, idempotency_key(req)));
  }));

  routes.http.Post(api + R"(/tickets/(\d+)/actions)", routes.authed([&service](const httplib::Request& req,
                                                                               httplib::Response& res,
                                                                               const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto action = wire::parse_action_request(target->body);
    if (!action) return send_error(res, action.error());
    send_result(res, service.apply_action(user, target->id, *action), 200);
  }));

  routes.http.Post(api + R"(/tickets/(\d+)/time)", routes.authed([&service](const httplib::Request& req,
                                                                            httplib::Response& res,
                                                                            const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto draft = wire::parse_time_entry_draft(target->body);
    if (!draft) return send_error(res, draft.error());
    send_ticket_change(res, service.log_time(user, target->id, *draft, idempotency_key(req)));
  }));

  routes.http.Post(api + R"(/tickets/(\d+)/triage)", routes.authed([&service](const httplib::Request& req,
                                                                              httplib::Response& res,
                                                                              const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto criticality = wire::parse_triage_request(target->body);
    if (!criticality) return send_error(res, criticality.error());
    send_result(res, service.triage(user, target->id, *criticality), 200);
  }));

  routes.http.Post(api + R"(/tickets/(\d+)/adjustments)", routes.authed([&service](const httplib::Request& req,
                                                                                   httplib::Response& res,
                                                                                   const UserRecord& user) {
    const auto target = id_and_body(req, res);
    if (!target) return;
    const auto adjustment = wire::parse_time_adjustment(target->body);
    if (!adjustment) return send_error(res, adjustment.error());
    send_result(res, service.adjust_time(user, target->id, adjustment->minutes, adjustment->note), 201);
  }));

  // Attachments: the raw bytes as the body, the name in ?filename=; the type is read from
  // the bytes. Downloads are always attachments (never rendered inline) in a sandbox.
  routes.http.Post(api + R"(/tickets/(\d+)/attachments)", routes.authed([&service](const httplib::Request& req,
                                                                                   httplib::Response& res,
                                                                                   const UserRecord& user) {
    const auto id = path_id(req);
    if (!id) return send_error(res, make_error("not_found"));
    send_ticket_change(res, service.add_attachment(user, *id, req.get_param_value("filename"), req.body,
                                                   idempotency_key(req)));
  }));

  routes.http.Get(api + R"(/tickets/(\d+)/attachments/(\d+))", routes.authed([&service](const httplib::Request& req,
                                                                                         httplib::Response& res,
                                                                                         const UserRecord& user) {
    const auto ticket_id = path_id(req);
    const auto attachment_id = path_id(req, 2);
    if (!ticket_id || !attachment_id) return send_error(res, make_error("not_found"));
    const auto attachment = service.attachment(user, *ticket_id, *attachment_id);
    if (!attachment) return send_error(res, attachment.error());
    res.set_header("Content-Disposition", "attachment; filename=\"" + attachment->filename + "\"");
    res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
    res.set_content(attachment->data, attachment->content_type.c_str());
  }));

  // Server-sent events: "event: ticket" with {id, status, at} whenever a ticket this user may
  // see changes; a comment line every 15 s keeps proxies from closing the stream.
  routes.http.Get(api + "/events", routes.authed([&context](const httplib::Request&, httplib::Response& res,
                                                            const UserRecord& user) {
    std::string refusal;
    auto subscription = context.events().subscribe(context.viewer_of(user), &refusal);
    if (!subscription) return send_error(res, make_error(refusal));
    GuardedServer::became_stream();  // counted apart from ordinary connections; closed when it ends
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider(
        "text/event-stream",
        [subscription](std::size_t, httplib::DataSink& sink) {
          if (subscription->closed() || !sink.is_writable()) return false;
          const auto event = subscription->next(15'000);
          const std::string text = event ? *event : std::string(": keep-alive\n\n");
          if (subscription->closed()) return false;
          return sink.write(text.data(), text.size());
        },
        [&context, subscription](bool) { context.events().unsubscribe(subscription); });
  }));

  routes.http.Get(api + "/queue", routes.authed_read([&service, &transparency = routes.transparency](
                                                   const httplib::Request& req, httplib::Response& res,
                                                   const UserRecord& user) {
    Tickets::QueueQuery query;
    const auto offset = query_count(req, "offset", 0, SIZE_MAX);
    if (!offset) return send_error(res, offset.error());
    const auto limit = query_count(req, "limit", 50, 500);
    if (!limit) return send_error(res, limit.error());
    query.offset = *offset;
    query.limit = *limit;
    std::map<std::string, std::string> parameters;
    for (const auto& [name, value] : req.params) parameters[name] = value;
    const auto filter = parse_ticket_filter(parameters);
    if (!filter) return send_error(res, filter.error());
    query.filter = *filter;
    const auto languages = parse_language_list(req.get_param_value("languages"));
    if (!languages) return send_error(res, languages.error());
    query.languages = *languages;
    const auto queue = service.queue(user, query, transparency.opening_hours(), transparency.sla_targets());
    if (!queue) return send_error(res, queue.error());
    json spoken = json::array();
    for (Language language : queue->languages_spoken) spoken.push_back(to_string(language));
    send_json(res, 200, json{{"tickets", queue->tickets}, {"total", queue->total}, {"languages", spoken}});
  }, ReadClock::uses_clock));  // SLA standings
}

}  // namespace tessera::server
