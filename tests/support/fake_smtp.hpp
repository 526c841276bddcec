// Test support: a fake SMTP server on a loopback port the OS picks, speaking the real protocol
// over plain TCP (220, EHLO/HELO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA with dot-unstuffing,
// RSET, NOOP, QUIT; no STARTTLS). The test chooses how it answers (accept, 451, 554, drop the
// connection, 450 at RCPT), takes the port down and up, and reads the mails it accepted.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tessera::testing {

class FakeSmtp {
 public:
  enum class Mode {
    accept,
    refuse_temporary,      // 451 after DATA's end
    refuse_permanent,      // 554 after DATA's end
    drop,                  // close the connection after DATA's end without replying
    reject_rcpt_temporary, // 450 at RCPT
    hold                   // the mail is taken (counted in mails()) but no reply comes until the
                           // mode changes; then the connection closes unanswered (a crash between
                           // the relay's acceptance and the sender's bookkeeping)
  };
  struct Mail {
    std::string envelope_from;            // the address inside MAIL FROM:<...>
    std::vector<std::string> recipients;  // the addresses inside each RCPT TO:<...>
    std::string data;  // the message, dot-unstuffed, CRLF line ends, without the final ".\r\n"
  };

  // Non-empty username: advertises AUTH PLAIN LOGIN and requires it before MAIL (530 without,
  // 535 for bad credentials).
  explicit FakeSmtp(std::string username = "", std::string password = "");
  ~FakeSmtp();  // stops listening, ends the open connections, joins every thread
  FakeSmtp(const FakeSmtp&) = delete;
  FakeSmtp& operator=(const FakeSmtp&) = delete;

  int port() const { return port_; }
  void set_mode(Mode mode);
  // The server is "down": the listening socket is closed, so the port refuses connections.
  // Connections already open go on. Returns once the socket is closed.
  void stop_listening();
  // Up again on the same port (SO_REUSEADDR). False if that port could not be bound again
  // (another process took it meanwhile); the fake then stays down. True if already listening.
  bool start_listening();

  std::vector<Mail> mails() const;  // accepted mails, in order
  std::size_t attempts() const;     // messages received to DATA's end, accepted or not
  void forget_mails();              // mails() and attempts() start again from none
  // Waits (on a condition variable) until at least `count` mails were accepted.
  bool wait_for_mails(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  struct Connection {
    std::thread thread;
    int socket = -1;
    std::atomic<bool> finished{false};
  };
  void accept_loop();
  void serve(Connection& connection);
  void wake_acceptor();
  void reap_finished();  // under mutex_

  std::string username_;
  std::string password_;
  int port_ = -1;
  int wake_read_ = -1;  // a pipe: a byte written wakes the acceptor's poll
  int wake_write_ = -1;
  std::thread acceptor_;

  mutable std::mutex mutex_;  // guards everything below
  mutable std::condition_variable changed_;
  int listen_socket_ = -1;
  bool want_listening_ = true;
  bool stopping_ = false;
  Mode mode_ = Mode::accept;
  std::vector<Mail> mails_;
  std::size_t attempts_ = 0;
  std::list<std::unique_ptr<Connection>> connections_;
};

}  // namespace tessera::testing
