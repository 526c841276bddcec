// The guard around cpp-httplib (see http_guard.hpp).
//
// [SECTION] Framing checks  [SECTION] Connection threads  [SECTION] Deadlines and caps
#include "http/guard.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace tessera::server {

using Clock = std::chrono::steady_clock;

// [SECTION] Framing checks
std::optional<FramingRefusal> check_framing(const httplib::Request& req, std::size_t max_header_bytes) {
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;  // ": " and CRLF
  // cpp-httplib adds four headers of its own (the peer's and our address and port).
  const std::pair<const char*, std::string> added[] = {{"REMOTE_ADDR", req.remote_addr},
                                                       {"REMOTE_PORT", std::to_string(req.remote_port)},
                                                       {"LOCAL_ADDR", req.local_addr},
                                                       {"LOCAL_PORT", std::to_string(req.local_port)}};
  for (const auto& [name, value] : added)
    if (req.has_header(name)) header_bytes -= std::min(header_bytes, std::strlen(name) + value.size() + 4);
  if (header_bytes > max_header_bytes) return FramingRefusal{"headers_too_large", 431};

  const auto lengths = req.get_header_value_count("Content-Length");
  if (req.has_header("Transfer-Encoding"))
    return lengths ? FramingRefusal{"bad_framing", 400} : FramingRefusal{"length_required", 411};
  if (lengths > 1) return FramingRefusal{"bad_framing", 400};
  if (lengths == 1) {
    const std::string text = req.get_header_value("Content-Length");
    if (text.empty() || text.size() > 18 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return FramingRefusal{"bad_framing", 400};
  }
  return std::nullopt;
}

std::size_t declared_body_length(const httplib::Request& req) {
  const std::string text = req.get_header_value("Content-Length");
  std::size_t length = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || text.size() > 18) return 0;
    length = length * 10 + static_cast<std::size_t>(c - '0');
  }
  return length;
}

// [SECTION] Connection threads
bool ConnectionThreads::enqueue(std::function<void()> job) {
  std::unique_lock lock(mutex_);
  if (shutting_down_ || busy_ >= max_) return false;
  ++busy_;
  jobs_.push_back(std::move(job));
  if (jobs_.size() <= idle_) wake_.notify_one();  // a waiting thread takes it
  else threads_.emplace_back([this] { work(); });
  return true;
}

void ConnectionThreads::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    wake_.wait(lock, [this] { return shutting_down_ || !jobs_.empty(); });
    --idle_;
    if (jobs_.empty()) return;  // shutting down
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    lock.lock();
    --busy_;
  }
}

void ConnectionThreads::shutdown() {
  std::vector<std::thread> threads;
  {
    std::unique_lock lock(mutex_);
    shutting_down_ = true;
    threads.swap(threads_);
  }
  wake_.notify_all();
  for (auto& thread : threads) thread.join();
}

// [SECTION] Deadlines and caps
namespace {
struct ConnectionState {
  Clock::time_point deadline = Clock::time_point::max();
  const GuardLimits* limits = nullptr;
  GuardedServer* server = nullptr;
  bool stream = false;           // its request became an event stream (counted apart)
  bool headers_done = false;     // the request reached the pre-routing handler
  bool close_requested = false;  // refused there, its body unread
  bool timed_out = false;        // a deadline passed while reading
  std::size_t unread_bytes = 0;  // the refused request's declared body
};
thread_local ConnectionState* current_connection = nullptr;

// The connection's socket as cpp-httplib's Stream, for the whole connection (bytes read
// ahead are kept for the next request), each read waiting at most until the deadline.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, ConnectionState& state, time_t read_sec, time_t read_usec, time_t write_sec,
                 time_t write_usec)
      : sock_(sock), state_(state), read_sec_(read_sec), read_usec_(read_usec), write_sec_(write_sec),
        write_usec_(write_usec) {}

  bool is_readable() const override { return offset_ < size_ || wait_readable(); }
  bool is_writable() const override {
    return httplib::detail::select_write(sock_, write_sec_, write_usec_) > 0 && httplib::detail::is_socket_alive(sock_);
  }
  ssize_t read(char* ptr, size_t size) override {
    if (offset_ == size_) {
      if (!wait_readable()) return -1;
      const auto got = httplib::detail::read_socket(sock_, buffer_.data(), buffer_.size(), CPPHTTPLIB_RECV_FLAGS);
      if (got <= 0) return got;
      offset_ = 0;
      size_ = static_cast<std::size_t>(got);
    }
    const auto count = std::min(size, size_ - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return httplib::detail::send_socket(sock_, ptr, size, CPPHTTPLIB_SEND_FLAGS);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    httplib::detail::get_remote_ip_and_port(sock_, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    httplib::detail::get_local_ip_and_port(sock_, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  // Data within the read timeout and before the deadline.
  bool wait_readable() const {
    auto wait = std::chrono::microseconds(read_sec_ * 1'000'000 + read_usec_);
    if (state_.deadline != Clock::time_point::max()) {
      const auto left = std::chrono::duration_cast<std::chrono::microseconds>(state_.deadline - Clock::now());
      if (left.count() <= 0) {
        state_.timed_out = true;
        return false;
      }
      wait = std::min(wait, left);
    }
    return httplib::detail::select_read(sock_, static_cast<time_t>(wait.count() / 1'000'000),
                                        static_cast<time_t>(wait.count() % 1'000'000)) > 0;
  }

  socket_t sock_;
  ConnectionState& state_;
  time_t read_sec_, read_usec_, write_sec_, write_usec_;
  std::array<char, CPPHTTPLIB_RECV_BUFSIZ> buffer_{};
  std::size_t offset_ = 0;
  std::size_t size_ = 0;
};

// After an answer that ends the connection early (a refusal, a request the parser gave up on),
// the answer is finished with a FIN and what the client still sends is read and dropped for a
// moment (the declared body up to 8 MiB, at least 2 MiB; at most 5 s; until 200 ms of
// silence), so closing does not reset the connection under the answer before the client has
// read it (nginx's lingering close).
void linger_and_drop(socket_t sock, std::size_t unread_bytes) {
  ::shutdown(sock, SHUT_WR);
  std::array<char, 16384> dropped{};
  std::size_t total = 0;
  const std::size_t budget = std::clamp<std::size_t>(unread_bytes, 2 * 1024 * 1024, 8 * 1024 * 1024);
  const auto until = Clock::now() + std::chrono::seconds(5);
  while (total < budget) {
    const auto left = std::chrono::duration_cast<std::chrono::microseconds>(until - Clock::now()).count();
    if (left <= 0 || httplib::detail::select_read(sock, 0, static_cast<time_t>(std::min<long long>(left, 200'000))) <= 0)
      break;
    const auto got = ::recv(sock, dropped.data(), dropped.size(), 0);
    if (got <= 0) break;
    total += static_cast<std::size_t>(got);
  }
}

// A short answer to a connection refused before any request is read.
void refuse_connection(socket_t sock) {
  static const char answer[] =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n"
      "Retry-After: 10\r\nContent-Length: 106\r\n\r\n"
      R"({"error":{"code":"too_many_connections","message":"Too many connections from your address; retry later."}})";
  (void)::send(sock, answer, sizeof answer - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
}
}  // namespace

GuardedServer::GuardedServer(GuardLimits limits, std::vector<std::string> exempt_addresses)
    : limits_(limits), exempt_addresses_(std::move(exempt_addresses)) {
  // A thread for every ordinary connection and every stream: the ordinary ones are capped
  // by admit, the streams by the event hub; this is the last bound of both together.
  new_task_queue = [max = limits_.max_connections + limits_.max_streams] { return new ConnectionThreads(max); };
}

std::size_t GuardedServer::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t GuardedServer::open_streams() const {
  std::lock_guard lock(mutex_);
  return streams_;
}

GuardedServer::Admission GuardedServer::admit(const std::string& address) {
  const bool exempt = std::find(exempt_addresses_.begin(), exempt_addresses_.end(), address) != exempt_addresses_.end();
  std::lock_guard lock(mutex_);
  if (open_ >= limits_.max_connections) return Admission::server_full;
  auto& count = per_address_[address];
  if (!exempt && count >= limits_.max_connections_per_address) {
    if (count == 0) per_address_.erase(address);
    return Admission::address_full;
  }
  ++count;
  ++open_;
  return Admission::admitted;
}

void GuardedServer::release(const std::string& address, bool stream) {
  std::lock_guard lock(mutex_);
  const auto found = per_address_.find(address);
  if (found != per_address_.end() && --found->second == 0) per_address_.erase(found);
  --(stream ? streams_ : open_);
}

void GuardedServer::count_as_stream() {
  std::lock_guard lock(mutex_);
  --open_;
  ++streams_;
}

void GuardedServer::became_stream() {
  if (!current_connection || current_connection->stream) return;
  current_connection->stream = true;
  current_connection->server->count_as_stream();
}

void GuardedServer::close_after_answer(httplib::Response& res, std::size_t unread_bytes) {
  res.set_header("Connection", "close");
  if (!current_connection) return;
  current_connection->close_requested = true;
  current_connection->unread_bytes = unread_bytes;
}

void GuardedServer::headers_read(std::size_t body_bytes) {
  if (!current_connection) return;
  current_connection->headers_done = true;
  current_connection->deadline =
      body_bytes > 0 ? Clock::now() + std::chrono::seconds(current_connection->limits->body_deadline_seconds)
                     : Clock::time_point::max();
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string remote_addr, local_addr;
  int remote_port = 0, local_port = 0;
  httplib::detail::get_remote_ip_and_port(sock, remote_addr, remote_port);
  httplib::detail::get_local_ip_and_port(sock, local_addr, local_port);
  bool served = false;
  const Admission admission = admit(remote_addr);
  if (admission == Admission::address_full) {
    refuse_connection(sock);
  } else if (admission == Admission::admitted) {  // server_full: closed at once, as the thread cap would
    ConnectionState state;
    state.limits = &limits_;
    state.server = this;
    current_connection = &state;
    DeadlineStream stream(sock, state, read_timeout_sec_, read_timeout_usec_, write_timeout_sec_, write_timeout_usec_);
    bool linger = false;
    served = httplib::detail::process_server_socket_core(
        svr_sock_, sock, keep_alive_max_count_, keep_alive_timeout_sec_,
        [&](bool close_connection, bool& connection_closed) {
          state.deadline = Clock::now() + std::chrono::seconds(limits_.header_deadline_seconds);
          state.headers_done = state.close_requested = state.timed_out = false;
          state.unread_bytes = 0;
          const bool answered = process_request(stream, remote_addr, remote_port, local_addr, local_port,
                                                close_connection, connection_closed, nullptr);
          // Refused before its body, given up by the parser (what follows would be read as
          // requests), or past a deadline: the connection ends with this answer.
          if (state.close_requested || !state.headers_done || state.timed_out) {
            connection_closed = true;
            linger = answered;
          }
          // A stream's end is its connection's: it never turns back into an ordinary one.
          if (state.stream) connection_closed = true;
          return answered;
        });
    if (linger) linger_and_drop(sock, state.unread_bytes);
    current_connection = nullptr;
    release(remote_addr, state.stream);
  }
  httplib::detail::shutdown_socket(sock);
  httplib::detail::close_socket(sock);
  return served;
}

}  // namespace tessera::server
