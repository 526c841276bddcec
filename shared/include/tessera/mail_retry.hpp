// When the mail worker tries a mail again (SPEC §1.13: "sent after the commit by a worker
// that retries"): after a temporary failure (an SMTP 4xx reply, a timeout, no connection) the
// delay doubles from one minute up to a cap; after max_attempts the mail is failed, with the
// last reason, for the admin to see. A permanent failure (5xx) fails it at once.
#pragma once
#include <cstdint>
#include <optional>

namespace tessera {

struct MailRetryPolicy {
  int max_attempts = 10;                       // 1 + 9 retries: about 8.5 hours with the defaults
  std::int64_t first_delay_seconds = 60;
  std::int64_t max_delay_seconds = 4 * 3600;
};

// After `failed_attempts` (>= 1) temporary failures: the seconds to wait before the next
// attempt, or nullopt when the mail must be failed.
std::optional<std::int64_t> mail_retry_delay(int failed_attempts, const MailRetryPolicy& policy = {});

}  // namespace tessera
