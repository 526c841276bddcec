// The live-streams figure (issue 13 item 4): holds STREAMS event streams (GET /api/v1/events)
// open, 4 per seeded customer (the per-user quota) from loopback addresses 127.0.6.1 … (100
// each: under the per-address cap), and 4 more for the operator when OPERATOR_TOKENS_FILE is
// given (staff hear every ticket); prints "ready" once every one has answered, then for SECONDS
// has one stream-holding customer after another create a ticket (one every 500 ms) and times
// each published event until the last stream that should hear it (the customer's 4, the
// operator's 4) has it. Meant to run beside wrk (scripts/bench.sh). It measures, it never
// passes or fails.
// Usage: streams PORT TOKENS_FILE STREAMS SECONDS [OPERATOR_TOKENS_FILE]
//   TOKENS_FILE: session tokens, one a line (seed_db's creators.txt: customers whose purchase
//   funds new tickets); STREAMS / 4 of them are used, rounded up.
//
// [SECTION] Connections  [SECTION] The streams' reader  [SECTION] Events timed  [SECTION] main
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kStreamsPerCustomer = 4;
constexpr int kStreamsPerAddress = 100;
constexpr int kOperator = -1;  // the customer number of the operator's streams

// [SECTION] Connections
int connect_from(const std::string& source, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
    ::close(fd);
    return -1;
  }
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  return fd;
}

bool send_all(int fd, const std::string& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// One answer with a Content-Length body, on a blocking socket: its status and body, or
// status 0 after 10 s or a closed connection.
std::pair<int, std::string> read_answer(int fd) {
  std::string pending;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  for (;;) {
    const auto head = pending.find("\r\n\r\n");
    if (head != std::string::npos) {
      const auto at = pending.find("Content-Length: ");
      const std::size_t length = at != std::string::npos && at < head ? std::stoul(pending.substr(at + 16)) : 0;
      if (pending.size() >= head + 4 + length) return {std::atoi(pending.c_str() + 9), pending.substr(head + 4, length)};
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd ready{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&ready, 1, static_cast<int>(left)) <= 0) return {0, ""};
    char buffer[8192];
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return {0, ""};
    pending.append(buffer, static_cast<std::size_t>(n));
  }
}

double percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

// [SECTION] The streams' reader
// One stream: its answer's head, then the ticket ids its events carried and when each came.
struct Stream {
  int fd = -1;
  int customer = 0;
  int status = 0;          // of the answer's head; 0 until it came
  std::string refusal;     // the error code of a refused stream
  bool closed = false;     // by the server (or an error) after it was opened
  std::string pending;     // bytes not yet looked at
  std::vector<std::pair<long long, Clock::time_point>> heard;  // ticket id, when it arrived
};

class Streams {
 public:
  // `count` streams of the customers, then 4 of the operator when `operator_token` is not empty.
  Streams(int port, const std::vector<std::string>& tokens, int count, const std::string& operator_token)
      : streams_(static_cast<std::size_t>(count + (operator_token.empty() ? 0 : kStreamsPerCustomer))) {
    epoll_ = ::epoll_create1(0);
    for (int i = 0; i < static_cast<int>(streams_.size()); ++i) {
      Stream& stream = streams_[static_cast<std::size_t>(i)];
      stream.customer = i < count ? i / kStreamsPerCustomer : kOperator;
      stream.fd = connect_from("127.0.6." + std::to_string(1 + i / kStreamsPerAddress), port);
      const std::string& token = i < count ? tokens[static_cast<std::size_t>(stream.customer)] : operator_token;
      const std::string request = "GET /api/v1/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n"
                                  "Cookie: tessera_session=" + token + "\r\n\r\n";
      if (stream.fd < 0 || !send_all(stream.fd, request)) {
        stream.closed = true;
        continue;
      }
      ::fcntl(stream.fd, F_SETFL, ::fcntl(stream.fd, F_GETFL) | O_NONBLOCK);
      epoll_event wanted{};
      wanted.events = EPOLLIN;
      wanted.data.u32 = static_cast<std::uint32_t>(i);
      ::epoll_ctl(epoll_, EPOLL_CTL_ADD, stream.fd, &wanted);
    }
    reader_ = std::thread([this] { read_loop(); });
  }
  ~Streams() {
    stop_ = true;
    reader_.join();
    for (auto& stream : streams_)
      if (stream.fd >= 0) ::close(stream.fd);
    ::close(epoll_);
  }

  // Waits until every stream has answered (or `seconds` pass): true when all did.
  bool wait_answered(int seconds) {
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    while (Clock::now() < deadline) {
      {
        std::lock_guard lock(mutex_);
        if (std::all_of(streams_.begin(), streams_.end(), [](const Stream& s) { return s.status != 0 || s.closed; }))
          return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  // Streams open (200) and not closed since; refusals by error code.
  std::size_t held() {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(streams_.begin(), streams_.end(), [](const Stream& s) { return s.status == 200 && !s.closed; }));
  }
  std::map<std::string, int> refusals() {
    std::lock_guard lock(mutex_);
    std::map<std::string, int> counted;
    for (const auto& stream : streams_)
      if (stream.status != 200) ++counted[stream.status == 0 ? "no answer" : stream.refusal];
    return counted;
  }
  // When the last of `customer`'s and the operator's open streams heard of ticket `id`
  // (nothing while one has not).
  std::optional<Clock::time_point> all_heard(int customer, long long id) {
    std::lock_guard lock(mutex_);
    Clock::time_point last{};
    for (const auto& stream : streams_) {
      if ((stream.customer != customer && stream.customer != kOperator) || stream.status != 200 || stream.closed)
        continue;
      const auto found = std::find_if(stream.heard.begin(), stream.heard.end(), [&](const auto& h) { return h.first == id; });
      if (found == stream.heard.end()) return std::nullopt;
      last = std::max(last, found->second);
    }
    return last;
  }

 private:
  void read_loop() {
    std::vector<epoll_event> ready(256);
    char buffer[16384];
    while (!stop_) {
      const int count = ::epoll_wait(epoll_, ready.data(), static_cast<int>(ready.size()), 100);
      const auto now = Clock::now();
      std::lock_guard lock(mutex_);
      for (int r = 0; r < count; ++r) {
        Stream& stream = streams_[ready[static_cast<std::size_t>(r)].data.u32];
        for (;;) {
          const auto n = ::recv(stream.fd, buffer, sizeof buffer, 0);
          if (n > 0) {
            stream.pending.append(buffer, static_cast<std::size_t>(n));
            continue;
          }
          if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            stream.closed = true;
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, stream.fd, nullptr);
          }
          break;
        }
        parse(stream, now);
      }
    }
  }

  // The head once (its status; a refusal's error code), then each "event: ticket" line's id.
  static void parse(Stream& stream, Clock::time_point now) {
    if (stream.status == 0) {
      const auto head = stream.pending.find("\r\n\r\n");
      if (head == std::string::npos) return;
      stream.status = std::atoi(stream.pending.c_str() + 9);
      if (stream.status != 200) {
        const auto code = stream.pending.find("\"code\":\"");
        if (code != std::string::npos)
          stream.refusal = stream.pending.substr(code + 8, stream.pending.find('"', code + 8) - code - 8);
        else stream.refusal = std::to_string(stream.status);
        return;
      }
      stream.pending.erase(0, head + 4);
    }
    // "event: ticket\ndata: {"at":…,"id":…,"status":…}\n\n" (the keys in order): each whole event's id.
    static const std::string marker = "event: ticket\ndata: ";
    std::size_t at = 0;
    for (;;) {
      const auto found = stream.pending.find(marker, at);
      if (found == std::string::npos) break;
      const auto end = stream.pending.find("\n\n", found);
      if (end == std::string::npos) {  // cut by the read: the rest comes with the next bytes
        at = found;
        break;
      }
      const auto id = stream.pending.find("\"id\":", found);
      if (id != std::string::npos && id < end) stream.heard.emplace_back(std::atoll(stream.pending.c_str() + id + 5), now);
      at = end + 2;
    }
    // Keep a whole event cut by the read, or what may be the start of a marker.
    const bool cut = at < stream.pending.size() && stream.pending.compare(at, marker.size(), marker) == 0;
    const auto keep = cut ? at : std::max(at, stream.pending.size() > marker.size() ? stream.pending.size() - marker.size() : 0);
    stream.pending.erase(0, keep);
  }

  std::vector<Stream> streams_;
  int epoll_ = -1;
  std::mutex mutex_;
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

// [SECTION] Events timed
struct Delivery {
  std::vector<double> delivered_ms;  // POST sent → the last stream that should hear has the event
  std::vector<double> answered_ms;   // POST sent → its 201
  int failed = 0;                    // not created, or not heard by every stream within 5 s
};

// Customer after customer (of those holding streams) creates a ticket, one every 500 ms until `end`.
Delivery time_events(int port, const std::vector<std::string>& tokens, int customers, Streams& streams,
                     Clock::time_point end) {
  Delivery delivery;
  const std::string body = R"({"subject":"Bench: live update","description":"One event, timed.",)"
                           R"("category":"hardware","criticality":"normal","language":"en"})";
  const auto run = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  for (int event = 0; Clock::now() < end; ++event) {
    const auto next = Clock::now() + std::chrono::milliseconds(500);
    const int customer = event % customers;
    const int fd = connect_from("127.0.0.1", port);
    if (fd < 0) {
      ++delivery.failed;
      std::this_thread::sleep_until(next);
      continue;
    }
    const std::string request = "POST /api/v1/tickets HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                                "X-Tessera-Request: 1\r\nIdempotency-Key: streams-" + run + "-" + std::to_string(event) +
                                "\r\nCookie: tessera_session=" + tokens[static_cast<std::size_t>(customer)] +
                                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const auto sent = Clock::now();
    const bool wrote = send_all(fd, request);
    const auto [status, answer] = wrote ? read_answer(fd) : std::pair<int, std::string>{0, ""};
    const auto answered = Clock::now();
    ::close(fd);
    const auto id_at = answer.find("\"ticket\":");
    const auto id_field = id_at == std::string::npos ? std::string::npos : answer.find("\"id\":", id_at);
    if (status != 201 || id_field == std::string::npos) {
      ++delivery.failed;
      std::this_thread::sleep_until(next);
      continue;
    }
    const long long id = std::atoll(answer.c_str() + id_field + 5);
    delivery.answered_ms.push_back(std::chrono::duration<double, std::milli>(answered - sent).count());
    std::optional<Clock::time_point> heard;
    for (const auto give_up = Clock::now() + std::chrono::seconds(5); !(heard = streams.all_heard(customer, id)) &&
                                                                      Clock::now() < give_up;)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (heard) delivery.delivered_ms.push_back(std::chrono::duration<double, std::milli>(*heard - sent).count());
    else ++delivery.failed;
    std::this_thread::sleep_until(next);
  }
  return delivery;
}

std::vector<std::string> read_tokens(const std::string& path) {
  std::vector<std::string> tokens;
  std::ifstream file(path);
  for (std::string line; std::getline(file, line);)
    if (!line.empty()) tokens.push_back(line);
  return tokens;
}
}  // namespace

// [SECTION] main
int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: streams PORT TOKENS_FILE STREAMS SECONDS [OPERATOR_TOKENS_FILE]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const auto tokens = read_tokens(argv[2]);
  const int count = std::atoi(argv[3]);
  const int seconds = std::atoi(argv[4]);
  const auto operator_tokens = argc > 5 ? read_tokens(argv[5]) : std::vector<std::string>{};
  const std::string operator_token = operator_tokens.empty() ? "" : operator_tokens.front();
  const int customers = (count + kStreamsPerCustomer - 1) / kStreamsPerCustomer;
  if (static_cast<int>(tokens.size()) < customers) {
    std::fprintf(stderr, "streams: %d streams need %d customers' tokens, %s has %zu\n", count, customers, argv[2],
                 tokens.size());
    return 2;
  }
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;  // a descriptor per stream
  ::setrlimit(RLIMIT_NOFILE, &files);

  const auto opening = Clock::now();
  Streams streams(port, tokens, count, operator_token);
  const bool all_answered = streams.wait_answered(30);
  const double open_seconds = std::chrono::duration<double>(Clock::now() - opening).count();
  const std::size_t held_at_start = streams.held();
  std::string refused;
  for (const auto& [code, times] : streams.refusals()) refused += " " + code + " ×" + std::to_string(times);
  std::printf("ready: %zu of %d streams held from %d customers%s (opened in %.1f s%s)%s%s\n", held_at_start,
              count + (operator_token.empty() ? 0 : kStreamsPerCustomer), customers,
              operator_token.empty() ? "" : " and the operator", open_seconds, all_answered ? "" : ", some never answered", refused.empty() ? "" : "; refused:",
              refused.c_str());
  std::fflush(stdout);

  const auto delivery = time_events(port, tokens, customers, streams, Clock::now() + std::chrono::seconds(seconds));
  std::printf("held: %zu streams at the end (of %zu at the start); %zu events: delivered to every stream that "
              "should hear it p50 %.1f ms, p99 %.1f ms, max %.1f ms (the POST's own 201: p50 %.1f ms); failed %d\n",
              streams.held(), held_at_start, delivery.delivered_ms.size(), percentile(delivery.delivered_ms, 0.5),
              percentile(delivery.delivered_ms, 0.99),
              delivery.delivered_ms.empty() ? 0.0 : *std::max_element(delivery.delivered_ms.begin(), delivery.delivered_ms.end()),
              percentile(delivery.answered_ms, 0.5), delivery.failed);
  return 0;
}
