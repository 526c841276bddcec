// Answers kept serialized while unchanged: the JSON a read endpoint gave a user, kept with
// the store's data_version() read before it was computed and the clock's second. It is
// given again while neither has moved: no commit since, and within the same second (the
// answers that depend on the time — balances expiring, SLA standings — are at most a second
// old, never older than the last commit). Bounded in bytes, the least recently used first
// to go. Thread-safe. A cache of 0 bytes keeps nothing.
#pragma once
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "tessera/units.hpp"

namespace tessera::server {

class AnswerCache {
 public:
  struct Answer {
    int status = 200;
    std::string content_type;
    std::shared_ptr<const std::string> body;
  };
  struct Stamp {
    std::uint64_t data_version = 0;
    Instant second = 0;
    bool operator==(const Stamp&) const = default;
  };

  explicit AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  bool enabled() const { return max_bytes_ > 0; }
  // The answer kept for `key` at exactly this stamp.
  std::optional<Answer> find(const std::string& key, const Stamp& stamp);
  // Keeps `answer`, computed from reads made between two readings of the same stamp.
  void keep(const std::string& key, const Stamp& stamp, Answer answer);
  std::size_t bytes() const;

 private:
  struct Kept {
    Stamp stamp;
    Answer answer;
    std::list<std::string>::iterator use;
  };
  static std::size_t size_of(const std::string& key, const Answer& answer) {
    return key.size() + answer.content_type.size() + answer.body->size() + 128;
  }
  void forget(std::unordered_map<std::string, Kept>::iterator found);  // holding mutex_

  std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
  std::list<std::string> use_order_;  // most recently used first
  std::size_t bytes_ = 0;
};

}  // namespace tessera::server
