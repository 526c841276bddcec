// The slow-client figure (issue 14): latency of ordinary requests (GET /api/v1/health on
// kept-alive connections) with no other load, then while 500 connections trickle a header line
// a second from 50 loopback addresses (127.0.5.1 … 127.0.5.50, 10 each) and reconnect whenever
// the server cuts them off. Prints p50/p99/max for both phases of the same run and how often
// the tricklers were cut; it measures, it never passes or fails.
// Usage: slow_clients PORT [seconds per phase, default 10] [trickling connections, default 500]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;

int connect_from(const std::string& source, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
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

// One answer with a Content-Length body; false on a closed connection or after 15 s.
bool read_answer(int fd, std::string& pending) {
  const auto deadline = Clock::now() + std::chrono::seconds(15);
  for (;;) {
    const auto head = pending.find("\r\n\r\n");
    if (head != std::string::npos) {
      const auto at = pending.find("Content-Length: ");
      const std::size_t length = at != std::string::npos && at < head ? std::stoul(pending.substr(at + 16)) : 0;
      if (pending.size() >= head + 4 + length) {
        pending.erase(0, head + 4 + length);
        return true;
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd ready{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&ready, 1, static_cast<int>(left)) <= 0) return false;
    char buffer[4096];
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending.append(buffer, static_cast<std::size_t>(n));
  }
}

struct Figures {
  std::vector<double> latencies_ms;
  std::size_t failures = 0;
};

// `clients` kept-alive connections, each sending requests one after another for `seconds`.
Figures ordinary_load(int port, int clients, int seconds) {
  Figures figures;
  std::mutex mutex;
  std::vector<std::thread> threads;
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      std::vector<double> mine;
      std::size_t failed = 0;
      int fd = -1;
      std::string pending;
      while (Clock::now() < end) {
        if (fd < 0) {
          fd = connect_from("127.0.0.1", port);
          pending.clear();
          if (fd < 0) {
            ++failed;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
          }
        }
        const auto start = Clock::now();
        if (!send_all(fd, "GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n\r\n") || !read_answer(fd, pending)) {
          ++failed;
          ::close(fd);
          fd = -1;
          continue;
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
      if (fd >= 0) ::close(fd);
      std::lock_guard lock(mutex);
      figures.latencies_ms.insert(figures.latencies_ms.end(), mine.begin(), mine.end());
      figures.failures += failed;
    });
  for (auto& thread : threads) thread.join();
  std::sort(figures.latencies_ms.begin(), figures.latencies_ms.end());
  return figures;
}

double percentile(const std::vector<double>& sorted, double share) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(rank, sorted.size() - 1)];
}

void print(const char* phase, const Figures& figures, int seconds) {
  const auto& sorted = figures.latencies_ms;
  std::printf("%-36s %8zu requests (%6.0f/s)  p50 %7.2f ms  p99 %8.2f ms  max %8.2f ms  failed %zu\n", phase,
              sorted.size(), static_cast<double>(sorted.size()) / seconds, percentile(sorted, 0.50),
              percentile(sorted, 0.99), sorted.empty() ? 0.0 : sorted.back(), figures.failures);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: slow_clients PORT [seconds per phase] [trickling connections]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 10;
  const int trickling = argc > 3 ? std::atoi(argv[3]) : 500;
  constexpr int kClients = 8;

  const auto quiet = ordinary_load(port, kClients, seconds);

  std::atomic<bool> stop{false};
  std::atomic<std::size_t> cut{0}, refused{0}, open{0};
  std::thread tricklers([&] {
    struct Trickler {
      std::string source;
      int fd = -1;
    };
    std::vector<Trickler> all(static_cast<std::size_t>(trickling));
    for (std::size_t i = 0; i < all.size(); ++i) all[i].source = "127.0.5." + std::to_string(1 + i / 10);
    while (!stop) {
      const auto round = Clock::now();
      std::size_t now_open = 0;
      for (auto& t : all) {
        if (t.fd < 0) {
          t.fd = connect_from(t.source, port);
          if (t.fd < 0 || !send_all(t.fd, "GET /api/v1/health HTTP/1.1\r\nHost: slow\r\n")) {
            if (t.fd >= 0) ::close(t.fd);
            t.fd = -1;
            ++refused;
            continue;
          }
        }
        pollfd ready{t.fd, POLLIN, 0};
        const bool answered = ::poll(&ready, 1, 0) > 0;  // cut off (an answer, or the connection closed)
        if (answered || !send_all(t.fd, "X-Slow: 1\r\n")) {
          ::close(t.fd);
          t.fd = -1;
          ++cut;
          continue;
        }
        ++now_open;
      }
      open = now_open;
      std::this_thread::sleep_until(round + std::chrono::seconds(1));
    }
    for (auto& t : all)
      if (t.fd >= 0) ::close(t.fd);
  });
  std::this_thread::sleep_for(std::chrono::seconds(3));  // all of them connected and trickling
  const std::size_t cut_before = cut;
  const auto slow = ordinary_load(port, kClients, seconds);
  const std::size_t trickling_open = open;
  stop = true;
  tricklers.join();

  std::printf("slow clients: %d trickling connections (a header line a second, 50 addresses), %d s per phase\n",
              trickling, seconds);
  print("ordinary requests, no trickling", quiet, seconds);
  print("ordinary requests, while trickling", slow, seconds);
  std::printf("tricklers: %zu open at the end, cut off %zu times during the measure, %zu connections refused\n",
              trickling_open, cut.load() - cut_before, refused.load());
  return 0;
}
