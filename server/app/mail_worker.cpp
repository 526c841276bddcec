// The mail worker (see mail_worker.hpp).
#include "app/mail_worker.hpp"

#include <chrono>
#include <exception>

#include "app/mailer.hpp"

namespace tessera::server {

MailWorkerReport MailWorker::run_once() {
  MailWorkerReport report;
  if (!transport_) return report;
  std::lock_guard run(run_mutex_);
  Store& store = context_.store();
  constexpr std::size_t kBatch = 50;
  for (;;) {
    const auto due = store.due_mails(context_.now(), kBatch);
    for (MailRecord mail : due) {
      const SmtpOutcome outcome = transport_->send(mail.recipient, mail.message);
      const Instant now = context_.now();
      ++mail.attempts;
      mail.last_error = outcome.kind == SmtpOutcome::Kind::sent ? std::string() : outcome.reason;
      if (outcome.kind == SmtpOutcome::Kind::sent) {
        mail.state = "sent";
        mail.sent_at = now;
        ++report.sent;
      } else if (const auto delay = outcome.kind == SmtpOutcome::Kind::temporary
                                        ? mail_retry_delay(mail.attempts, policy_)
                                        : std::nullopt) {
        mail.next_attempt_at = now + *delay;
        ++report.retried;
      } else {
        mail.state = "failed";
        ++report.failed;
      }
      store.update_mail(mail);
      if (mail.state == "sent") {
        const auto kind = mail_kind_from(mail.kind);
        if (kind && carries_secret_link(*kind)) store.erase_mail_message(mail.id);
      }
    }
    if (due.size() < kBatch) break;
  }
  return report;
}

void MailWorker::start(int poll_seconds) {
  if (!transport_ || thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this, poll_seconds] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        run_once();
      } catch (const std::exception&) {
        // The database was busy or failed: the mails stay pending, tried again at the next turn.
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(poll_seconds), [this] { return stopping_ || woken_; });
      woken_ = false;
    }
  });
}

void MailWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void MailWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace tessera::server
