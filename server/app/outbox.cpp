// The outbox's readers (see outbox.hpp).
#include "app/outbox.hpp"

namespace tessera::server {

using nlohmann::json;

json Outbox::mail_json(const MailRecord& mail) {
  return json{{"id", mail.id},
              {"kind", mail.kind},
              {"to", mail.recipient},
              {"language", std::string(to_string(mail.language))},
              {"subject", mail.subject},
              {"state", mail.state},
              {"attempts", mail.attempts},
              {"next_attempt_at", mail.next_attempt_at},
              {"last_error", mail.last_error},
              {"created_at", mail.created_at},
              {"sent_at", mail.sent_at ? json(*mail.sent_at) : json(nullptr)},
              {"message_id", mail.message_id}};
}

Result<json> Outbox::list(const UserRecord& user, const std::string& state, std::size_t limit) {
  if (user.role != Role::admin) return make_error("forbidden");
  if (!state.empty() && state != "pending" && state != "sent" && state != "failed")
    return make_error("invalid_value", "state");
  Store& store = context_.store();
  json mails = json::array();
  for (const MailRecord& mail : store.mails(state, limit)) mails.push_back(mail_json(mail));
  return json{{"mail_enabled", worker_.enabled()}, {"counts", store.mail_counts()}, {"mails", mails}};
}

Result<json> Outbox::retry(const UserRecord& user, Id mail_id) {
  if (user.role != Role::admin) return make_error("forbidden");
  Store& store = context_.store();
  const auto done = atomically<MailRecord>(store, [&]() -> Result<MailRecord> {
    auto mail = store.mail(mail_id);
    if (!mail) return make_error("not_found");
    if (mail->state != "failed") return make_error("mail_not_failed");
    mail->state = "pending";
    mail->attempts = 0;
    mail->next_attempt_at = context_.now();
    store.update_mail(*mail);
    context_.audit(user.id, "mail_retried", json{{"mail", mail_id}}.dump());
    return *mail;
  });
  if (!done) return done.error();
  worker_.wake();
  return mail_json(*done);
}

MailPreferences Outbox::set_preferences(const UserRecord& user, const MailPreferences& preferences) {
  context_.store().set_mail_preferences(user.id, preferences);
  return preferences;
}

}  // namespace tessera::server
