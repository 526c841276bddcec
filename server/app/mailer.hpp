// Writing mails into the outbox (SPEC §1.13), inside the transaction of the change that causes
// them: the mail is composed in the recipient's language (shared/mail.hpp), built once as a
// whole RFC 5322 message with its Message-ID (shared/mime.hpp), and stored; the mail worker
// (mail_worker.hpp) sends it after the commit. A mail the recipient turned off is not written.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/config.hpp"
#include "store/store.hpp"
#include "tessera/mail.hpp"
#include "tessera/mime.hpp"

namespace tessera::server {

struct OutgoingMailRequest {
  MailKind kind = MailKind::ticket_received;
  MailFacts facts;  // product and public address are filled by the mailer
  std::vector<mime::Attachment> attachments;
  std::string dedupe_key;  // non-empty: written at most once for ever
};

class Mailer {
 public:
  Mailer(Store& store, const Config& config, std::function<Instant()> now)
      : store_(store), config_(config), now_(std::move(now)) {}

  // To a user, in their language, unless they turned the mail's topic off (security and
  // staff mails always go). True when written.
  bool to_user(const UserRecord& user, OutgoingMailRequest request);
  // To an address with no user yet (an invitation), in `language`.
  bool to_address(const std::string& address, Language language, OutgoingMailRequest request);

  // An address of the browser app as a link: "<public_url>/#/tickets/42".
  std::string app_link(std::string_view address) const;
  // A link the app reads as "#name=value" ("#password-reset=<token>").
  std::string token_link(std::string_view name, std::string_view token) const;

 private:
  bool write(const std::string& address, std::optional<Id> user_id, Language language, OutgoingMailRequest request);
  Store& store_;
  const Config& config_;
  std::function<Instant()> now_;
};

// Whether the mail carries a secret link (password reset, invitation): its message is erased
// from the outbox once delivered.
bool carries_secret_link(MailKind kind);

}  // namespace tessera::server
