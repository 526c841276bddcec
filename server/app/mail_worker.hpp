// The mail worker (SPEC §1.13): sends the outbox's due mails through a MailTransport (SMTP),
// after the commit that wrote them. Sent: marked sent (a mail carrying a secret link loses
// its message). A temporary failure (4xx, timeout, no connection): tried again later
// (shared/mail_retry.hpp), then failed with the reason. A permanent one (5xx): failed at once.
// At least once: a mail is marked after its sending, so a crash in between sends it again on
// restart — with the same Message-ID, built when it was written. One sender at a time.
#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>

#include "adapters/smtp_sender.hpp"
#include "app/context.hpp"
#include "tessera/mail_retry.hpp"

namespace tessera::server {

struct MailWorkerReport {
  int sent = 0;
  int retried = 0;  // temporary failures that will be tried again
  int failed = 0;
};

class MailWorker {
 public:
  // transport: null when mail is off (nothing is sent; mails wait in the outbox).
  MailWorker(Context& context, MailTransport* transport, MailRetryPolicy policy = {})
      : context_(context), transport_(transport), policy_(policy) {}
  ~MailWorker() { stop(); }
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

  bool enabled() const { return transport_ != nullptr; }
  // Sends every mail due now (by the context's clock), in order; returns what happened.
  MailWorkerReport run_once();
  // A background thread: woken when a transaction wrote mail, and every poll_seconds for retries.
  void start(int poll_seconds = 5);
  void stop();
  void wake();

 private:
  Context& context_;
  MailTransport* transport_;
  MailRetryPolicy policy_;
  std::mutex run_mutex_;  // one run at a time: a mail is never sent twice by two runs
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace tessera::server
