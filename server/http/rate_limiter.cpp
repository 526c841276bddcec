// Fixed one-minute windows (see rate_limiter.hpp). Old windows are dropped as they expire.
#include "http/rate_limiter.hpp"

namespace tessera::server {

std::int64_t RateLimiter::retry_after(const std::string& bucket, const std::string& client, Instant now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() > 100'000) {
    for (auto it = windows_.begin(); it != windows_.end();)
      it = (now - it->second.started_at >= 60) ? windows_.erase(it) : std::next(it);
  }
  Window& window = windows_[bucket + '|' + client];
  if (now - window.started_at >= 60) window = Window{now, 0};
  if (window.count >= per_minute_) return std::max<std::int64_t>(1, window.started_at + 60 - now);
  ++window.count;
  return 0;
}

}  // namespace tessera::server
