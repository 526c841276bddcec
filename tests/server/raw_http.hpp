// Test support for the attack tests: a raw TCP connection to the server on loopback, from a
// chosen loopback source address (127.0.0.2, ... are separate "clients" to the per-address
// cap), that sends exactly the bytes given and reads what comes back — for requests no HTTP
// client library would send.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tessera::testing {

class RawConnection {
 public:
  explicit RawConnection(int port, const std::string& source = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&& other) noexcept
      : fd_(other.fd_), connected_(other.connected_), closed_(other.closed_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
  }

  bool connected() const { return connected_; }
  bool send(std::string_view bytes) {
    for (std::size_t sent = 0; sent < bytes.size();) {
      const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // One answer: its head, and a Content-Length body if it has one ("" when none came).
  std::string read_answer(int timeout_ms = 10'000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      const auto head_end = pending_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::size_t length = 0;
        const auto at = lowercase(pending_.substr(0, head_end)).find("content-length:");
        if (at != std::string::npos) length = std::stoul(pending_.substr(at + 15, head_end - at - 15));
        if (pending_.size() >= head_end + 4 + length) {
          std::string answer = pending_.substr(0, head_end + 4 + length);
          pending_.erase(0, answer.size());
          return answer;
        }
      }
      if (!receive_until(deadline)) return std::exchange(pending_, std::string());
    }
  }
  // Only the head of an answer (an event stream's body goes on).
  std::string read_head(int timeout_ms = 10'000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (pending_.find("\r\n\r\n") == std::string::npos)
      if (!receive_until(deadline)) return std::exchange(pending_, std::string());
    const auto end = pending_.find("\r\n\r\n") + 4;
    std::string head = pending_.substr(0, end);
    pending_.erase(0, end);
    return head;
  }
  // True when the server closes the connection within `timeout_ms` without sending anything more.
  bool closed_without_more(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!closed_ && pending_.empty())
      if (!receive_until(deadline) && !closed_) return false;
    return closed_ && pending_.empty();
  }
  // Everything received within `timeout_ms` (or until closed).
  std::string drain(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (receive_until(deadline)) {
    }
    return std::exchange(pending_, std::string());
  }
  bool closed() const { return closed_; }

 private:
  static std::string lowercase(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }
  // Appends what arrives before `deadline`; false when nothing more can come by then.
  bool receive_until(std::chrono::steady_clock::time_point deadline) {
    if (closed_) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[16384];
    const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    pending_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string pending_;
};

// The status code of an answer's head ("HTTP/1.1 413 ..." → 413), 0 when there is none.
inline int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::stoi(answer.substr(9, 3));
}

}  // namespace tessera::testing
