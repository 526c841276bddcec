// The fake SMTP server (fake_smtp.hpp): an acceptor thread polls the listening socket and a
// wake-up pipe; each connection gets a thread that plays one SMTP session (RFC 5321's
// commands, AUTH PLAIN and LOGIN of RFC 4954) and records what it was given.
#include "fake_smtp.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <optional>
#include <stdexcept>
#include <utility>

namespace tessera::testing {

namespace {

constexpr std::size_t kMaxCommandLine = 4096;
constexpr std::size_t kMaxMessageBytes = 10 * 1024 * 1024;  // advertised as SIZE

// [SECTION] Sockets

// A listening socket on 127.0.0.1:port (0: one the OS picks), or -1.
int open_listener(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  const int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 64) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

int port_of(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return -1;
  return ntohs(address.sin_port);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::optional<std::string> base64_decode(const std::string& text) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int bit_count = 0;
  for (const char c : text) {
    if (c == '=') break;
    const auto value = alphabet.find(c);
    if (value == std::string::npos) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
    }
  }
  return out;
}

// The address inside "FROM:<a@b> SIZE=12" or "TO:<a@b>", after the given prefix; nullopt if malformed.
std::optional<std::string> path_argument(const std::string& arguments, const std::string& prefix) {
  if (upper(arguments.substr(0, prefix.size())) != prefix) return std::nullopt;
  const auto open = arguments.find('<', prefix.size());
  const auto close = arguments.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return std::nullopt;
  return arguments.substr(open + 1, close - open - 1);
}

// [SECTION] One connection's lines

class Line {
 public:
  explicit Line(int socket) : socket_(socket) {}
  // The next line with its CRLF (or LF), at most `limit` bytes; nullopt at the end of the
  // connection or when a line is longer.
  std::optional<std::string> read(std::size_t limit) {
    while (true) {
      const auto end = buffer_.find('\n');
      if (end != std::string::npos) {
        std::string line = buffer_.substr(0, end + 1);
        buffer_.erase(0, end + 1);
        return line;
      }
      if (buffer_.size() > limit) return std::nullopt;
      char chunk[4096];
      const ssize_t got = ::recv(socket_, chunk, sizeof chunk, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }
  // A command line without its line end.
  std::optional<std::string> command() {
    auto line = read(kMaxCommandLine);
    if (!line) return std::nullopt;
    while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
    return line;
  }
  bool send(const std::string& text) {
    std::size_t sent = 0;
    while (sent < text.size()) {
      const ssize_t wrote = ::send(socket_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) return false;
      sent += static_cast<std::size_t>(wrote);
    }
    return true;
  }
  bool reply(const std::string& line) { return send(line + "\r\n"); }

 private:
  int socket_;
  std::string buffer_;
};

}  // namespace

// [SECTION] Life cycle

FakeSmtp::FakeSmtp(std::string username, std::string password)
    : username_(std::move(username)), password_(std::move(password)) {
  listen_socket_ = open_listener(0);
  if (listen_socket_ < 0) throw std::runtime_error("fake SMTP: cannot listen on loopback");
  port_ = port_of(listen_socket_);
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("fake SMTP: no pipe");
  wake_read_ = pipe_ends[0];
  wake_write_ = pipe_ends[1];
  acceptor_ = std::thread([this] { accept_loop(); });
}

FakeSmtp::~FakeSmtp() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_acceptor();
    for (auto& connection : connections_)
      if (connection->socket >= 0) ::shutdown(connection->socket, SHUT_RDWR);  // its recv returns
  }
  acceptor_.join();  // no connection is added after this
  for (auto& connection : connections_) connection->thread.join();
  ::close(wake_read_);
  ::close(wake_write_);
}

void FakeSmtp::wake_acceptor() {
  const char byte = 1;
  [[maybe_unused]] const auto wrote = ::write(wake_write_, &byte, 1);  // a full pipe wakes it as well
}

void FakeSmtp::reap_finished() {
  for (auto it = connections_.begin(); it != connections_.end();) {
    if ((*it)->finished) {
      (*it)->thread.join();
      it = connections_.erase(it);
    } else {
      ++it;
    }
  }
}

// Only this thread closes the listening socket, so it never polls a closed descriptor.
void FakeSmtp::accept_loop() {
  while (true) {
    int listening = -1;
    {
      std::lock_guard lock(mutex_);
      if ((stopping_ || !want_listening_) && listen_socket_ >= 0) {
        ::close(listen_socket_);
        listen_socket_ = -1;
        changed_.notify_all();
      }
      if (stopping_) return;
      listening = listen_socket_;
      reap_finished();
    }
    pollfd watched[2] = {{wake_read_, POLLIN, 0}, {listening, POLLIN, 0}};
    if (::poll(watched, listening >= 0 ? 2 : 1, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (watched[0].revents & POLLIN) {
      char drained[64];
      while (::read(wake_read_, drained, sizeof drained) > 0) {
      }
      continue;  // read the state again
    }
    if (listening < 0 || !(watched[1].revents & POLLIN)) continue;
    const int client = ::accept4(listening, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    timeval idle_limit{30, 0};  // a client that stalls does not hold a thread for ever
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &idle_limit, sizeof idle_limit);
    std::lock_guard lock(mutex_);
    if (stopping_) {
      ::close(client);
      continue;
    }
    auto connection = std::make_unique<Connection>();
    connection->socket = client;
    Connection& served = *connection;
    connections_.push_back(std::move(connection));
    served.thread = std::thread([this, &served] { serve(served); });
  }
}

void FakeSmtp::stop_listening() {
  std::unique_lock lock(mutex_);
  want_listening_ = false;
  wake_acceptor();
  changed_.wait(lock, [&] { return listen_socket_ < 0; });
}

bool FakeSmtp::start_listening() {
  std::lock_guard lock(mutex_);
  if (listen_socket_ >= 0) return true;
  const int socket = open_listener(port_);
  if (socket < 0) return false;
  listen_socket_ = socket;
  want_listening_ = true;
  wake_acceptor();
  return true;
}

// [SECTION] What the test sets and reads

void FakeSmtp::set_mode(Mode mode) {
  std::lock_guard lock(mutex_);
  mode_ = mode;
}

std::vector<FakeSmtp::Mail> FakeSmtp::mails() const {
  std::lock_guard lock(mutex_);
  return mails_;
}

void FakeSmtp::forget_mails() {
  std::lock_guard lock(mutex_);
  mails_.clear();
  attempts_ = 0;
}

std::size_t FakeSmtp::attempts() const {
  std::lock_guard lock(mutex_);
  return attempts_;
}

bool FakeSmtp::wait_for_mails(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return mails_.size() >= count; });
}

// [SECTION] The SMTP session

void FakeSmtp::serve(Connection& connection) {
  Line line(connection.socket);
  const bool auth_required = !username_.empty();
  bool authenticated = false;
  std::optional<Mail> transaction;  // from MAIL to DATA's end

  // AUTH PLAIN [initial] and AUTH LOGIN [initial]: true if the credentials match.
  const auto authenticate = [&](const std::string& arguments) -> std::optional<bool> {
    const auto space = arguments.find(' ');
    const std::string mechanism = upper(arguments.substr(0, space));
    std::string initial = space == std::string::npos ? "" : arguments.substr(space + 1);
    const auto answer = [&](const std::string& challenge) -> std::optional<std::string> {
      if (!line.reply(challenge)) return std::nullopt;
      return line.command();
    };
    if (mechanism == "PLAIN") {
      if (initial.empty()) {
        auto response = answer("334 ");
        if (!response) return std::nullopt;
        initial = *response;
      }
      const auto decoded = base64_decode(initial);
      if (!decoded) return false;
      // authzid NUL authcid NUL password
      const auto first = decoded->find('\0');
      const auto second = first == std::string::npos ? first : decoded->find('\0', first + 1);
      if (second == std::string::npos) return false;
      return decoded->substr(first + 1, second - first - 1) == username_ && decoded->substr(second + 1) == password_;
    }
    // LOGIN
    if (initial.empty()) {
      auto response = answer("334 VXNlcm5hbWU6");  // "Username:"
      if (!response) return std::nullopt;
      initial = *response;
    }
    const auto user = base64_decode(initial);
    auto response = answer("334 UGFzc3dvcmQ6");  // "Password:"
    if (!response) return std::nullopt;
    const auto password = base64_decode(*response);
    return user && password && *user == username_ && *password == password_;
  };

  const auto session = [&] {
    if (!line.reply("220 fake-smtp.local ESMTP ready")) return;
    while (const auto command = line.command()) {
      const auto space = command->find(' ');
      const std::string verb = upper(command->substr(0, space));
      const std::string arguments = space == std::string::npos ? "" : command->substr(space + 1);
      bool sent = true;
      if (verb == "EHLO") {
        transaction.reset();
        std::string lines = "250-fake-smtp.local greets " + arguments + "\r\n250-8BITMIME\r\n250-SIZE " +
                            std::to_string(kMaxMessageBytes) + "\r\n";
        if (auth_required) lines += "250-AUTH PLAIN LOGIN\r\n";
        sent = line.send(lines + "250 HELP\r\n");
      } else if (verb == "HELO") {
        transaction.reset();
        sent = line.reply("250 fake-smtp.local");
      } else if (verb == "AUTH") {
        const std::string mechanism = upper(arguments.substr(0, arguments.find(' ')));
        if (!auth_required) {
          sent = line.reply("502 5.5.1 AUTH not available");
        } else if (authenticated) {
          sent = line.reply("503 5.5.1 Already authenticated");
        } else if (mechanism != "PLAIN" && mechanism != "LOGIN") {
          sent = line.reply("504 5.5.4 Mechanism not supported");
        } else {
          const auto accepted = authenticate(arguments);
          if (!accepted) return;
          authenticated = *accepted;
          sent = line.reply(authenticated ? "235 2.7.0 Authentication successful"
                                          : "535 5.7.8 Authentication credentials invalid");
        }
      } else if (verb == "MAIL") {
        const auto from = path_argument(arguments, "FROM:");
        if (!from) {
          sent = line.reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        } else if (auth_required && !authenticated) {
          sent = line.reply("530 5.7.0 Authentication required");
        } else if (transaction) {
          sent = line.reply("503 5.5.1 Nested MAIL command");
        } else {
          transaction = Mail{*from, {}, {}};
          sent = line.reply("250 2.1.0 Ok");
        }
      } else if (verb == "RCPT") {
        const auto to = path_argument(arguments, "TO:");
        Mode mode;
        {
          std::lock_guard lock(mutex_);
          mode = mode_;
        }
        if (!to) {
          sent = line.reply("501 5.5.4 Syntax: RCPT TO:<address>");
        } else if (!transaction) {
          sent = line.reply("503 5.5.1 Need MAIL command");
        } else if (mode == Mode::reject_rcpt_temporary) {
          sent = line.reply("450 4.2.1 Mailbox busy, try again later");
        } else {
          transaction->recipients.push_back(*to);
          sent = line.reply("250 2.1.5 Ok");
        }
      } else if (verb == "DATA") {
        if (!transaction || transaction->recipients.empty()) {
          sent = line.reply("503 5.5.1 Need RCPT command");
          continue;
        }
        if (!line.reply("354 End data with <CR><LF>.<CR><LF>")) return;
        bool too_big = false;
        while (true) {
          auto data_line = line.read(kMaxMessageBytes);
          if (!data_line) return;  // the client went away in the middle
          if (*data_line == ".\r\n" || *data_line == ".\n") break;
          if (data_line->front() == '.') data_line->erase(0, 1);  // undo the dot-stuffing
          if (transaction->data.size() + data_line->size() > kMaxMessageBytes) too_big = true;
          if (!too_big) transaction->data += *data_line;
        }
        Mode mode;
        std::size_t queued = 0;
        {
          std::lock_guard lock(mutex_);
          ++attempts_;
          mode = mode_;
          if ((mode == Mode::accept || mode == Mode::hold) && !too_big) {
            mails_.push_back(std::move(*transaction));
            queued = mails_.size();
            changed_.notify_all();
          }
        }
        transaction.reset();
        if (too_big) {
          sent = line.reply("552 5.3.4 Message too big");
        } else if (mode == Mode::refuse_temporary) {
          sent = line.reply("451 4.3.0 Try again later");
        } else if (mode == Mode::refuse_permanent) {
          sent = line.reply("554 5.7.1 Message refused");
        } else if (mode == Mode::drop) {
          return;
        } else if (mode == Mode::hold) {
          std::unique_lock lock(mutex_);
          while (mode_ == Mode::hold && !stopping_) changed_.wait_for(lock, std::chrono::milliseconds(100));
          return;
        } else {
          sent = line.reply("250 2.0.0 Ok: queued as " + std::to_string(queued));
        }
      } else if (verb == "RSET") {
        transaction.reset();
        sent = line.reply("250 2.0.0 Ok");
      } else if (verb == "NOOP") {
        sent = line.reply("250 2.0.0 Ok");
      } else if (verb == "QUIT") {
        line.reply("221 2.0.0 Bye");
        return;
      } else {
        sent = line.reply("500 5.5.2 Command not recognized");
      }
      if (!sent) return;
    }
  };
  session();

  std::lock_guard lock(mutex_);
  ::close(connection.socket);
  connection.socket = -1;
  connection.finished = true;
}

}  // namespace tessera::testing
