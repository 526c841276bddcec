// SmtpSender: one libcurl easy handle per mail, over smtp:// (STARTTLS required or none) or
// smtps:// (implicit TLS). libcurl speaks the protocol (EHLO, AUTH, MAIL, RCPT, DATA with
// dot-stuffing, QUIT); this file builds the request, keeps the server's reply lines (libcurl
// hands them to the header callback) and classifies the result as sent, temporary or permanent.
#include "adapters/smtp_sender.hpp"

#include <curl/curl.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

namespace tessera::server {

namespace {

// [SECTION] Addresses

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// local@domain, both parts present, nothing that could break out of "<...>" on the wire.
bool plausible_address(std::string_view address) {
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (const char c : address)
    if (c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0' || c == ',') return false;
  return true;
}

// A host name or an IP literal, nothing that changes the URL's meaning.
bool plausible_host(std::string_view host) {
  for (const char c : host)
    if (c == '/' || c == '@' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0')
      return false;
  return true;
}

// [SECTION] The transfer's state, shared with libcurl's callbacks

struct Transfer {
  const std::string* message = nullptr;
  std::size_t sent = 0;
  int last_code = 0;          // the last complete reply other than QUIT's 221
  std::string last_reply;     // its final line, without CRLF
  std::string partial_reply;  // a reply line cut across callbacks
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t room = size * count;
  const std::size_t left = transfer.message->size() - transfer.sent;
  const std::size_t chunk = left < room ? left : room;
  std::memcpy(buffer, transfer.message->data() + transfer.sent, chunk);
  transfer.sent += chunk;
  return chunk;
}

// libcurl passes every server reply line here ("250-SIZE", "250 OK", "451 4.3.0 ...").
std::size_t read_reply_line(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  transfer.partial_reply.append(data, size * count);
  for (auto end = transfer.partial_reply.find('\n'); end != std::string::npos; end = transfer.partial_reply.find('\n')) {
    std::string line = transfer.partial_reply.substr(0, end);
    transfer.partial_reply.erase(0, end + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool has_code = line.size() >= 3 && line[0] >= '1' && line[0] <= '5' && line[1] >= '0' && line[1] <= '9' &&
                          line[2] >= '0' && line[2] <= '9';
    const bool final_line = line.size() == 3 || (line.size() > 3 && line[3] == ' ');
    if (!has_code || !final_line) continue;
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (code == 221) continue;  // QUIT's goodbye would hide the reply that mattered
    transfer.last_code = code;
    transfer.last_reply = line;
  }
  return size * count;
}

void init_curl_once() {
  // curl_global_init is not thread-safe before 7.84; a function-local static runs it once.
  static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)initialised;
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

SmtpOutcome temporary(int code, std::string reason) {
  return {SmtpOutcome::Kind::temporary, code, std::move(reason)};
}
SmtpOutcome permanent(int code, std::string reason) {
  return {SmtpOutcome::Kind::permanent, code, std::move(reason)};
}

// [SECTION] Classification
// A server's reply of 400 or more decides by itself: 4xx temporary, 5xx permanent (535, the
// credentials refused, too: the same credentials will be refused again; the admin fixes them
// and resends from the outbox). Without such a reply, libcurl's code decides.
SmtpOutcome classify(CURLcode result, const Transfer& transfer, long os_errno, const SmtpConfig& config,
                     const char* detail) {
  if (result == CURLE_OK) return {SmtpOutcome::Kind::sent, transfer.last_code, transfer.last_reply};
  if (transfer.last_code >= 500) return permanent(transfer.last_code, transfer.last_reply);
  if (transfer.last_code >= 400) return temporary(transfer.last_code, transfer.last_reply);
  const std::string why = detail && *detail ? std::string(": ") + detail : std::string();
  switch (result) {
    case CURLE_COULDNT_CONNECT:
      if (os_errno == ECONNREFUSED) return temporary(0, "connection refused");
      return temporary(0, "could not connect" + why);
    case CURLE_OPERATION_TIMEDOUT:
      return temporary(0, "timeout after " + std::to_string(config.timeout_seconds) + " s");
    case CURLE_COULDNT_RESOLVE_HOST:
      return temporary(0, "host not found: " + config.host);
    case CURLE_SSL_CONNECT_ERROR:
      return temporary(0, "TLS handshake failed" + why);
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      // After DATA's 354 the whole message went out: the server may have kept it.
      if (transfer.last_code == 354)
        return temporary(0, "connection lost after the message was sent, before the server's reply"
                            " (it may have been delivered)");
      return temporary(0, "connection lost" + why);
    case CURLE_USE_SSL_FAILED:
      // Only "starttls" asks for it: sending in clear instead is never the right fallback.
      return permanent(transfer.last_code, "the server does not offer STARTTLS (smtp_security = starttls)");
    case CURLE_PEER_FAILED_VERIFICATION:
      return permanent(0, "the server's TLS certificate is not trusted" + why);
    case CURLE_LOGIN_DENIED:
      return permanent(transfer.last_code, "authentication refused" + why);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ENGINE_NOTFOUND:
      return permanent(0, std::string(curl_easy_strerror(result)) + why);
    default:
      return temporary(transfer.last_code, std::string(curl_easy_strerror(result)) + why);
  }
}

}  // namespace

// [SECTION] Public functions

std::string mail_address_of(std::string_view from) {
  std::string_view address = from;
  const auto open = from.rfind('<');
  if (open != std::string_view::npos) {
    const auto close = from.find('>', open);
    if (close == std::string_view::npos) return {};
    address = from.substr(open + 1, close - open - 1);
  }
  address = trimmed(address);
  return plausible_address(address) ? std::string(address) : std::string();
}

SmtpSender::SmtpSender(SmtpConfig config) : config_(std::move(config)) { init_curl_once(); }

Result<bool> SmtpSender::check_config() const {
  if (config_.security != "starttls" && config_.security != "tls" && config_.security != "none")
    return make_error("smtp_invalid_config", "smtp_security");
  if (config_.port < 1 || config_.port > 65535) return make_error("smtp_invalid_config", "smtp_port");
  if (config_.timeout_seconds < 1) return make_error("smtp_invalid_config", "smtp_timeout_seconds");
  if (!plausible_host(config_.host)) return make_error("smtp_invalid_config", "smtp_host");
  if (config_.from.find_first_of("\r\n") != std::string::npos || mail_address_of(config_.from).empty())
    return make_error("smtp_invalid_config", "mail_from");
  return true;
}

SmtpOutcome SmtpSender::send(const std::string& recipient, const std::string& message) {
  if (!config_.enabled()) return permanent(0, "mail is off (no smtp_host)");
  if (const auto valid = check_config(); !valid) return permanent(0, "invalid SMTP configuration: " + valid.error().field);
  const std::string to = mail_address_of(recipient);
  if (to.empty() || recipient.find_first_of("\r\n") != std::string::npos)
    return permanent(0, "invalid recipient address: " + recipient.substr(0, 200));

  std::unique_ptr<CURL, EasyDeleter> handle(curl_easy_init());
  if (!handle) return temporary(0, "libcurl could not start a transfer");
  CURL* curl = handle.get();

  const bool ipv6_literal = config_.host.find(':') != std::string::npos && config_.host.front() != '[';
  const std::string host = ipv6_literal ? "[" + config_.host + "]" : config_.host;
  const std::string url = (config_.security == "tls" ? "smtps://" : "smtp://") + host + ":" + std::to_string(config_.port);
  const std::string envelope_from = "<" + mail_address_of(config_.from) + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, ("<" + to + ">").c_str()));
  if (!recipients) return temporary(0, "out of memory");

  Transfer transfer;
  transfer.message = &message;
  char error_text[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(config_.security == "starttls" ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  if (!config_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_reply_line);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config_.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout_seconds));

  const CURLcode result = curl_easy_perform(curl);
  if (transfer.last_code == 0) {  // no reply line seen: what libcurl kept, if anything
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    if (code != 221) transfer.last_code = static_cast<int>(code);
  }
  long os_errno = 0;
  curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
  return classify(result, transfer, os_errno, config_, error_text);
}

}  // namespace tessera::server
