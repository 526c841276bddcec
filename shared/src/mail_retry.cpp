// The mail worker's retry delays (see mail_retry.hpp).
#include "tessera/mail_retry.hpp"

#include <algorithm>

namespace tessera {

std::optional<std::int64_t> mail_retry_delay(int failed_attempts, const MailRetryPolicy& policy) {
  if (failed_attempts < 1 || failed_attempts >= policy.max_attempts) return std::nullopt;
  std::int64_t delay = policy.first_delay_seconds;
  for (int i = 1; i < failed_attempts && delay < policy.max_delay_seconds; ++i) delay *= 2;
  return std::min(delay, policy.max_delay_seconds);
}

}  // namespace tessera
