// A fixed-window rate limiter per (bucket, client address), in memory: enough for one
// process; a multi-instance deployment would keep it in the reverse proxy or a shared store.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "tessera/units.hpp"

namespace tessera::server {

class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // 0 when allowed; otherwise the seconds to wait before the next attempt.
  std::int64_t retry_after(const std::string& bucket, const std::string& client, Instant now);

 private:
  struct Window {
    Instant started_at = 0;
    int count = 0;
  };
  int per_minute_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace tessera::server
