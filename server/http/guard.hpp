// Tessera's own guard around cpp-httplib, in front of any work for a request: a cap on
// connections in all (a thread each, started on demand) and per client address, read
// deadlines for a request's headers and for its body (a client trickling bytes is cut off),
// the framing checks a request must pass before its body is read (Content-Length and
// Transfer-Encoding, the size of all headers), and closing the connection after a refusal
// whose body was not read (so the body is never read as a second request).
// Self-contained (cpp-httplib only), so the HTTP fuzz target builds it alone.
#pragma once
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tessera::server {

struct GuardLimits {
  std::size_t max_connections = 1000;            // ordinary ones in all; over it a new connection is closed
  std::size_t max_connections_per_address = 128;  // per peer address, streams included (trusted proxies exempt)
  // Connections turned into event streams (became_stream) are counted apart, so that held
  // streams never take the ordinary connections' places; the event hub caps them (too_many_streams).
  std::size_t max_streams = 1000;
  int header_deadline_seconds = 10;              // from a request's first byte to its last header
  int body_deadline_seconds = 60;                // from the last header to the body's last byte
  std::size_t max_header_bytes = 8 * 1024;       // request line excluded, all header lines
};

// A refusal of the framing checks: an error code of docs/api.md and its HTTP status.
struct FramingRefusal {
  std::string code;
  int status = 400;
};
// The checks of a request whose headers are read and whose body is not:
// - Transfer-Encoding of any kind: 411 length_required (bodies need a Content-Length; browsers
//   and the native client always send one), or 400 bad_framing together with Content-Length;
// - Content-Length repeated, or not a plain number: 400 bad_framing (RFC 9112 §6.3);
// - all header lines together over max_header_bytes: 431 headers_too_large.
std::optional<FramingRefusal> check_framing(const httplib::Request& req, std::size_t max_header_bytes);
// The request's declared body length (0 when absent; check_framing has refused the rest).
std::size_t declared_body_length(const httplib::Request& req);

// One thread per connection, started on demand and kept for the next one, at most `max`
// connections at once: over it, enqueue refuses and cpp-httplib closes the socket.
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(std::size_t max) : max_(max) {}
  ~ConnectionThreads() override { shutdown(); }
  bool enqueue(std::function<void()> job) override;
  void shutdown() override;

 private:
  void work();
  std::size_t max_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t busy_ = 0;  // jobs queued or running
  std::size_t idle_ = 0;  // threads waiting for a job
  bool shutting_down_ = false;
};

// cpp-httplib's server with the guard: the caps and the deadlines are applied to every
// connection it accepts (new_task_queue is set to ConnectionThreads, with room for
// max_connections ordinary connections and max_streams streams).
class GuardedServer : public httplib::Server {
 public:
  GuardedServer(GuardLimits limits, std::vector<std::string> exempt_addresses);
  const GuardLimits& limits() const { return limits_; }
  std::size_t open_connections() const;  // ordinary ones, not streams
  std::size_t open_streams() const;

  // Called from the pre-routing handler, on the connection's own thread: the headers are
  // read; the body (if any, `body_bytes` long) must now arrive within the body deadline,
  // and a request with no body has no read deadline left (event streams stay open).
  static void headers_read(std::size_t body_bytes);
  // Called on the connection's own thread once its request became a long-lived event stream:
  // the connection moves from the ordinary count to the streams' (its address still counts it),
  // and it closes when the stream ends.
  static void became_stream();
  // The current connection closes after this answer; its body (`unread_bytes` declared) is not
  // read as a request: up to 8 MiB of it is read and dropped first (at least 2 MiB), so that a client still
  // sending it reads the answer instead of a reset connection.
  static void close_after_answer(httplib::Response& res, std::size_t unread_bytes = 0);

 private:
  bool process_and_close_socket(socket_t sock) override;
  enum class Admission { admitted, address_full, server_full };
  Admission admit(const std::string& address);
  void release(const std::string& address, bool stream);
  void count_as_stream();

  GuardLimits limits_;
  std::vector<std::string> exempt_addresses_;
  mutable std::mutex mutex_;
  std::map<std::string, std::size_t> per_address_;
  std::size_t open_ = 0;     // ordinary connections
  std::size_t streams_ = 0;  // connections that became streams
};

}  // namespace tessera::server
