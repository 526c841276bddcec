// Writing mails into the outbox (see mailer.hpp).
#include "app/mailer.hpp"

#include "adapters/crypto.hpp"

namespace tessera::server {

namespace {
// "https://support.example.com:8443/x" -> "support.example.com": the Message-ID's right side.
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const auto end = url.find_first_of(":/", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return host.empty() ? "localhost" : host;
}
}  // namespace

bool carries_secret_link(MailKind kind) {
  return kind == MailKind::password_reset || kind == MailKind::invitation || kind == MailKind::signup_confirmation;
}

std::string Mailer::app_link(std::string_view address) const { return config_.public_url + "/#" + std::string(address); }

std::string Mailer::token_link(std::string_view name, std::string_view token) const {
  return config_.public_url + "/#" + std::string(name) + "=" + std::string(token);
}

bool Mailer::to_user(const UserRecord& user, OutgoingMailRequest request) {
  if (!mail_wanted(request.kind, store_.mail_preferences(user.id))) return false;
  if (request.facts.recipient_name.empty()) request.facts.recipient_name = user.name;
  return write(user.email, user.id, user.language, std::move(request));
}

bool Mailer::to_address(const std::string& address, Language language, OutgoingMailRequest request) {
  return write(address, std::nullopt, language, std::move(request));
}

bool Mailer::write(const std::string& address, std::optional<Id> user_id, Language language,
                   OutgoingMailRequest request) {
  request.facts.product = config_.product_name;
  request.facts.public_url = config_.public_url;
  const MailContent content = compose_mail(request.kind, language, request.facts);
  const Instant now = now_();
  mime::OutgoingMail mail;
  mail.from = config_.smtp.from;
  mail.to = address;
  mail.subject = content.subject;
  mail.text = content.text;
  mail.html = content.html;
  mail.attachments = std::move(request.attachments);
  mail.message_id = "<" + std::to_string(now) + "." + random_token_hex(12) + "@" + host_of(config_.public_url) + ">";
  mail.date = now;
  mail.language = std::string(to_string(language));
  MailRecord record;
  record.kind = std::string(to_string(request.kind));
  record.recipient = address;
  record.user_id = user_id;
  record.language = language;
  record.subject = content.subject;
  record.message_id = mail.message_id;
  record.message = mime::build_message(mail);
  record.dedupe_key = std::move(request.dedupe_key);
  record.next_attempt_at = now;
  record.created_at = now;
  return store_.add_mail(record);
}

}  // namespace tessera::server
