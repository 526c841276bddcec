// The request queue and the outbox (see requests.hpp).
#include "core/requests.hpp"

#include <algorithm>
#include <cstdio>

#include "core/json_read.hpp"
#include "tessera/wire.hpp"

namespace tessera::client {

using nlohmann::json;

namespace {
constexpr int kStoredOutboxVersion = 1;

bool is_state_changing(const std::string& method) { return method != "GET" && method != "HEAD"; }

// No answer, the server busy or failing, a timeout or a rate limit: the same request may
// well succeed later. 401 too: it is sent again once the user has signed in.
bool try_again_later(int status) { return status == 0 || status >= 500 || status == 408 || status == 429 || status == 401; }

Error error_of(const HttpResponse& answer) {
  if (answer.status == 0) return make_error("network");
  const auto parsed = read::parse(answer.body);
  if (parsed.is_discarded() || !parsed.is_object()) return make_error(answer.status >= 500 ? "internal" : "invalid_json");
  Error error = wire::parse_error_body(parsed);
  if (error.code == "invalid_json" && answer.status >= 500) error = make_error("internal");
  return error;
}

json error_to_json(const Error& error) {
  json params = json::object();
  for (const auto& [name, value] : error.params) params[name] = value;
  return {{"code", error.code}, {"field", error.field}, {"params", params}};
}

std::optional<Error> error_from_json(const json& stored) {
  if (!stored.is_object()) return std::nullopt;
  Error error = make_error(read::text(stored, "code", "internal"), read::text(stored, "field"));
  for (const auto& [name, value] : read::object(stored, "params").items())
    if (value.is_string()) error.params[name] = value.get<std::string>();
  return error;
}
}  // namespace

std::string_view to_string(OutboxState state) {
  switch (state) {
    case OutboxState::queued: return "queued";
    case OutboxState::sending: return "sending";
    case OutboxState::sent: return "sent";
    case OutboxState::failed: return "failed";
  }
  return "queued";
}

json to_json(const Request& request) {
  return {{"kind", request.kind},         {"method", request.method},
          {"path", request.path},         {"body", request.body},
          {"content_type", request.content_type}, {"idempotency_key", request.idempotency_key},
          {"context", request.context}};
}

std::optional<Request> request_from_json(const json& stored) {
  Request request;
  request.kind = read::text(stored, "kind");
  request.method = read::text(stored, "method", "POST");
  request.path = read::text(stored, "path");
  request.body = read::text(stored, "body");
  request.content_type = read::text(stored, "content_type");
  request.idempotency_key = read::text(stored, "idempotency_key");
  if (const auto* context = read::member(stored, "context")) request.context = *context;
  if (request.kind.empty() || request.path.empty()) return std::nullopt;
  return request;
}

RequestQueue::RequestQueue(Api& api, Storage& storage, Browser& browser, std::uint64_t seed)
    : api_(api), storage_(storage), browser_(browser), random_(seed) {}

void RequestQueue::on(std::string kind, Handler handler) { handlers_[std::move(kind)] = std::move(handler); }

// [SECTION] Calls that go out now

void RequestQueue::transmit(Request request, std::function<void(const HttpResponse&)> done) {
  HttpHeaders headers{{"Accept", "application/json"}};
  if (is_state_changing(request.method)) {
    headers.emplace_back(std::string(wire::kCsrfHeader), "1");
    headers.emplace_back("Content-Type", request.content_type.empty() ? "application/json" : request.content_type);
    if (!request.idempotency_key.empty())
      headers.emplace_back(std::string(wire::kIdempotencyHeader), request.idempotency_key);
  } else {
    headers.emplace_back("Cache-Control", "no-cache");
  }
  ++in_flight_;
  ++in_flight_by_kind_[request.kind];
  const auto epoch = epoch_;
  const std::string kind = request.kind;
  std::string body = request.body;
  api_.send(request.method, std::string(wire::kApiPrefix) + request.path, body, headers,
            [this, epoch, kind, done = std::move(done)](HttpResponse answer) {
              if (epoch != epoch_) return;  // the session it belonged to has ended (and its counts)
              --in_flight_;
              if (--in_flight_by_kind_[kind] <= 0) in_flight_by_kind_.erase(kind);
              done(answer);
            });
}

void RequestQueue::dispatch(const Request& request, const HttpResponse& answer) {
  const auto handler = handlers_.find(request.kind);
  if (handler != handlers_.end()) handler->second(request, answer);
  if (observer_) observer_(request, answer);
}

void RequestQueue::send(Request request) {
  if (request.method == "GET") {
    const auto found = gets_in_flight_.find(request.path);
    if (found != gets_in_flight_.end()) {
      found->second = std::move(request);  // sent once the answer in flight is in
      return;
    }
    gets_in_flight_.emplace(request.path, std::nullopt);
  }
  const Request sent = request;
  transmit(std::move(request), [this, sent](const HttpResponse& answer) {
    std::optional<Request> again;
    if (sent.method == "GET") {
      const auto found = gets_in_flight_.find(sent.path);
      if (found != gets_in_flight_.end()) {
        again = std::move(found->second);
        gets_in_flight_.erase(found);
      }
    }
    dispatch(sent, answer);
    if (again) send(std::move(*again));
  });
}

bool RequestQueue::busy(std::string_view kind) const { return in_flight_by_kind_.find(kind) != in_flight_by_kind_.end(); }

void RequestQueue::end_session() {
  ++epoch_;
  in_flight_ = 0;
  in_flight_by_kind_.clear();
  gets_in_flight_.clear();
  outbox_.clear();
  outbox_sending_ = false;
  owner_.clear();
}

// [SECTION] The outbox

void RequestQueue::load_outbox(const std::string& owner, std::function<void()> done) {
  owner_ = owner;
  outbox_.clear();
  const auto epoch = epoch_;
  storage_.get(owner + "/outbox", [this, owner, epoch, done = std::move(done)](std::optional<std::string> text) {
    if (epoch != epoch_ || owner != owner_) return;
    if (text) {
      const auto stored = json::parse(*text, nullptr, false);
      if (!stored.is_discarded() && read::integer(stored, "version") == kStoredOutboxVersion) {
        for (const auto& entry : read::object(stored, "items")) {
          auto request = request_from_json(read::object(entry, "request"));
          if (!request) continue;
          OutboxItem item;
          item.id = read::text(entry, "id");
          item.request = std::move(*request);
          // "sending" when the page closed: the answer never came, so it goes again (same key).
          item.state = read::text(entry, "state") == "failed" ? OutboxState::failed : OutboxState::queued;
          item.attempts = static_cast<int>(read::integer(entry, "attempts"));
          item.queued_at_ms = read::number(entry, "queued_at_ms");
          item.error = error_from_json(read::object(entry, "error"));
          if (!item.id.empty()) outbox_.push_back(std::move(item));
        }
      }
    }
    done();
  });
}

void RequestQueue::save_outbox() {
  if (owner_.empty()) return;
  json items = json::array();
  for (const auto& item : outbox_) {
    if (item.state == OutboxState::sent) continue;
    items.push_back({{"id", item.id},
                     {"request", to_json(item.request)},
                     {"state", std::string(to_string(item.state))},
                     {"attempts", item.attempts},
                     {"queued_at_ms", item.queued_at_ms},
                     {"error", item.error ? error_to_json(*item.error) : json()}});
  }
  storage_.put(owner_ + "/outbox", json{{"version", kStoredOutboxVersion}, {"items", items}}.dump());
}

std::string RequestQueue::new_key() {
  char key[48];
  std::snprintf(key, sizeof key, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                static_cast<unsigned long long>(random_()));
  return key;
}

std::string RequestQueue::enqueue(Request request) {
  OutboxItem item;
  item.id = new_key();
  if (request.idempotency_key.empty()) request.idempotency_key = item.id;
  item.request = std::move(request);
  item.queued_at_ms = browser_.now_ms();
  outbox_.push_back(item);
  save_outbox();  // stored before it is first sent
  flush();
  return item.id;
}

const OutboxItem* RequestQueue::item(std::string_view id) const {
  for (const auto& item : outbox_)
    if (item.id == id) return &item;
  return nullptr;
}

std::optional<Request> RequestQueue::take_back(std::string_view id) {
  const auto found = std::find_if(outbox_.begin(), outbox_.end(), [&](const OutboxItem& item) { return item.id == id; });
  if (found == outbox_.end() || found->state == OutboxState::sending || found->state == OutboxState::sent)
    return std::nullopt;
  Request request = std::move(found->request);
  outbox_.erase(found);
  save_outbox();
  return request;
}

void RequestQueue::forget_sent() {
  std::erase_if(outbox_, [](const OutboxItem& item) { return item.state == OutboxState::sent; });
}

double RequestQueue::backoff_ms(int attempts) {
  double delay = 1000.0;
  for (int i = 1; i < attempts && delay < 60'000.0; ++i) delay *= 2;
  return std::min(delay, 60'000.0);
}

void RequestQueue::flush() {
  if (outbox_sending_ || !browser_.online()) return;
  // In order: the first item not yet sent (failed ones are left for the user) goes first.
  const auto next = std::find_if(outbox_.begin(), outbox_.end(),
                                 [](const OutboxItem& item) { return item.state == OutboxState::queued; });
  if (next == outbox_.end() || next->next_attempt_ms > browser_.now_ms()) return;
  next->state = OutboxState::sending;
  ++next->attempts;
  outbox_sending_ = true;
  const std::string id = next->id;
  transmit(next->request, [this, id](const HttpResponse& answer) { outbox_answer(id, answer); });
}

void RequestQueue::outbox_answer(const std::string& id, const HttpResponse& answer) {
  outbox_sending_ = false;
  const auto found = std::find_if(outbox_.begin(), outbox_.end(), [&](const OutboxItem& item) { return item.id == id; });
  if (found == outbox_.end()) return;
  const Request request = found->request;
  if (answer.status >= 200 && answer.status < 300) {
    found->state = OutboxState::sent;
    found->error.reset();
  } else if (try_again_later(answer.status)) {
    found->state = OutboxState::queued;
    found->error = error_of(answer);
    found->next_attempt_ms = browser_.now_ms() + backoff_ms(found->attempts);
  } else {
    found->state = OutboxState::failed;
    found->error = error_of(answer);
  }
  save_outbox();
  dispatch(request, answer);
  if (!try_again_later(answer.status)) flush();  // the next one, at once
}

std::optional<double> RequestQueue::next_retry_in_ms() const {
  if (outbox_sending_ || !browser_.online()) return std::nullopt;  // coming back online flushes
  for (const auto& item : outbox_)
    if (item.state == OutboxState::queued) return std::max(0.0, item.next_attempt_ms - browser_.now_ms());
  return std::nullopt;
}

void RequestQueue::tick() { flush(); }

}  // namespace tessera::client
