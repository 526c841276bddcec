// The outbox as its readers see it (SPEC §1.13): the admin's list of mails (state, attempts,
// the last reason) and a failed mail sent again; each user's choice of the mails that are
// not about security.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "app/context.hpp"
#include "app/mail_worker.hpp"

namespace tessera::server {

class Outbox {
 public:
  Outbox(Context& context, MailWorker& worker) : context_(context), worker_(worker) {}

  // Admins only: {mail_enabled, counts: {pending, sent, failed}, mails: [...] newest first}.
  Result<nlohmann::json> list(const UserRecord& user, const std::string& state, std::size_t limit);
  // Admins only: a failed mail is pending again, tried at once with its attempts from zero.
  Result<nlohmann::json> retry(const UserRecord& user, Id mail_id);

  MailPreferences preferences(const UserRecord& user) { return context_.store().mail_preferences(user.id); }
  MailPreferences set_preferences(const UserRecord& user, const MailPreferences& preferences);

  static nlohmann::json mail_json(const MailRecord& mail);

 private:
  Context& context_;
  MailWorker& worker_;
};

}  // namespace tessera::server
