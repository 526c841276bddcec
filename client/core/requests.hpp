// Requests as data, and the one queue every call goes through. A Request is a value (kind,
// method, path, body, idempotency key, and the context its handler needs), so it can be
// stored and sent again after a reload. The queue is the one place that adds the CSRF
// header and the Idempotency-Key, knows which kinds of call are in flight (per-call busy
// state), drops answers that belong to an ended session, and dispatches each answer by kind
// to the area that asked.
//
// The outbox is the same queue, persisted: an outbox item is sent in order, one at a time,
// with the key made when it was queued, until the server answers. No answer, a 5xx, 408 or
// 429 means "try again later" (backoff 1 s, 2 s, 4 s … 60 s); a 401 waits for the user to
// sign in again; any other 4xx fails the item with the server's reason, its text kept.
//   queued ──send──▶ sending ──2xx──▶ sent
//     ▲                 │ no answer / 5xx: back to queued, later
//     └─────────────────┤ 4xx: failed (edit and queue again, or discard)
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
#include "ports/ports.hpp"
#include "tessera/result.hpp"

namespace tessera::client {

struct Request {
  std::string kind;            // who handles the answer: "tickets.list", "tickets.create"…
  std::string method = "GET";
  std::string path;            // under /api/v1: "/tickets/42"
  std::string body;            // JSON text (or a file's bytes, with content_type)
  std::string content_type;    // empty: application/json when there is a body
  std::string idempotency_key;
  nlohmann::json context;      // what the handler needs to know of the request (storable)
};
nlohmann::json to_json(const Request& request);
std::optional<Request> request_from_json(const nlohmann::json& stored);

enum class OutboxState { queued, sending, sent, failed };
std::string_view to_string(OutboxState state);

struct OutboxItem {
  std::string id;  // also the request's Idempotency-Key
  Request request;
  OutboxState state = OutboxState::queued;
  int attempts = 0;
  double queued_at_ms = 0;
  double next_attempt_ms = 0;   // queued after a failed try: not before this time
  std::optional<Error> error;   // failed: the server's reason; queued: why the last try did not go through
};

class RequestQueue {
 public:
  using Handler = std::function<void(const Request&, const HttpResponse&)>;
  // `seed` feeds the outbox keys (the platform mixes time and entropy into it).
  RequestQueue(Api& api, Storage& storage, Browser& browser, std::uint64_t seed);

  // [SECTION] Answers by kind (each area registers its kinds once)
  void on(std::string kind, Handler handler);
  // Sees every answer, after the kind's handler (the app learns it is online, or that the
  // session ended).
  void observe(std::function<void(const Request&, const HttpResponse&)> observer) { observer_ = std::move(observer); }

  // [SECTION] Calls that go out now
  // A GET of a path already in flight is not sent twice: it is sent again once that answer
  // is in (the newest state wins).
  void send(Request request);
  bool busy(std::string_view kind) const;  // a request of this kind is in flight
  bool busy() const { return in_flight_ > 0; }
  // Drops every answer still on its way (the session ended) and forgets the outbox (it
  // stays stored for its user).
  void end_session();

  // [SECTION] The outbox
  // Loads the stored outbox of `owner` (a user's storage prefix); `done` when loaded.
  void load_outbox(const std::string& owner, std::function<void()> done);
  // Queues a request; returns the item's id. It is stored before it is first sent.
  std::string enqueue(Request request);
  void flush();  // sends the next due item, if online and none is in flight
  const std::vector<OutboxItem>& outbox() const { return outbox_; }
  const OutboxItem* item(std::string_view id) const;
  // Takes a failed (or still queued) item out of the outbox, to edit it; nullopt if sending or gone.
  std::optional<Request> take_back(std::string_view id);
  void forget_sent();  // drops the items shown as sent
  // Milliseconds until the next retry is due (nullopt: nothing waits for time).
  std::optional<double> next_retry_in_ms() const;
  void tick();  // sends what is due (the platform calls frames at next_retry_in_ms)

  static double backoff_ms(int attempts);  // after `attempts` failed tries
  std::string new_key();  // 128 random bits in hex: an Idempotency-Key or an item's id

 private:
  void transmit(Request request, std::function<void(const HttpResponse&)> done);
  void dispatch(const Request& request, const HttpResponse& answer);
  void outbox_answer(const std::string& id, const HttpResponse& answer);
  void save_outbox();

  Api& api_;
  Storage& storage_;
  Browser& browser_;
  std::map<std::string, Handler, std::less<>> handlers_;
  std::function<void(const Request&, const HttpResponse&)> observer_;
  std::map<std::string, int, std::less<>> in_flight_by_kind_;
  std::map<std::string, std::optional<Request>> gets_in_flight_;  // path -> a newer GET to send after
  int in_flight_ = 0;
  std::uint64_t epoch_ = 0;
  std::string owner_;  // whose outbox is loaded ("" before sign-in)
  std::vector<OutboxItem> outbox_;
  bool outbox_sending_ = false;
  std::mt19937_64 random_;
};

}  // namespace tessera::client
