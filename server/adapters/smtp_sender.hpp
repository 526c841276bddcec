// Outgoing mail: the SMTP configuration, the MailTransport interface the outbox worker sends
// through, and SmtpSender, its libcurl implementation (STARTTLS, implicit TLS or plain, with
// or without AUTH). A send answers sent, temporary (try again later) or permanent (give up),
// with the server's last reply code and a reason the admin can read.
#pragma once
#include <string>
#include <string_view>

#include "tessera/result.hpp"

namespace tessera::server {

struct SmtpConfig {
  std::string host;                    // empty: mail is off (mails are kept in the outbox)
  int port = 587;
  std::string security = "starttls";   // "starttls" (required, fails if the server does not offer it), "tls" (implicit TLS, smtps), "none" (local relay, tests)
  std::string username;                // empty: no AUTH
  std::string password;
  std::string from = "Tessera <no-reply@localhost>";  // header From and (its address) envelope sender
  int timeout_seconds = 20;            // connect and whole transfer
  bool enabled() const { return !host.empty(); }
};

struct SmtpOutcome {
  enum class Kind { sent, temporary, permanent };
  Kind kind = Kind::sent;
  int reply_code = 0;     // the server's last SMTP reply code when known (250, 451, 550...), 0 otherwise
  std::string reason;     // human-readable, for the admin's outbox: "451 4.3.0 try later", "connection refused", "timeout after 20 s"
};

// What the outbox worker sends through; tests may implement it.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // `message`: a complete RFC 5322 message with CRLF line ends (headers and MIME body already built).
  virtual SmtpOutcome send(const std::string& recipient, const std::string& message) = 0;
};

// Classification (see smtp_sender.cpp for the curl codes):
//   2xx after DATA                                     -> sent
//   4xx at any step; connection refused or reset; timeout; DNS failure; TLS handshake failure;
//   the connection closed without a reply               -> temporary
//   5xx at any step, including 535 (authentication refused: retrying with the same
//   credentials cannot succeed, the admin must fix them); "starttls" required but not
//   offered by the server; the server's certificate not trusted -> permanent
// One curl handle per send; safe to call from several threads at once.
class SmtpSender final : public MailTransport {
 public:
  explicit SmtpSender(SmtpConfig config);
  // Bad security value, port out of range, timeout not positive, from without an address
  // -> Error{"smtp_invalid_config", field} (field: "smtp_security", "smtp_port",
  // "smtp_timeout_seconds", "mail_from", "smtp_host").
  Result<bool> check_config() const;
  SmtpOutcome send(const std::string& recipient, const std::string& message) override;

 private:
  SmtpConfig config_;
};

// "Tessera <a@b.c>" -> "a@b.c"; "a@b.c" -> "a@b.c"; " a@b.c " -> "a@b.c"; no '@': "".
std::string mail_address_of(std::string_view from);

}  // namespace tessera::server
