// Answers kept serialized while unchanged (see answer_cache.hpp).
#include "http/answer_cache.hpp"

namespace tessera::server {

std::optional<AnswerCache::Answer> AnswerCache::find(const std::string& key, const Stamp& stamp) {
  if (!enabled()) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto found = kept_.find(key);
  if (found == kept_.end()) return std::nullopt;
  if (!(found->second.stamp == stamp)) {
    forget(found);  // older than the data or the clock: never given again
    return std::nullopt;
  }
  use_order_.splice(use_order_.begin(), use_order_, found->second.use);
  return found->second.answer;
}

void AnswerCache::keep(const std::string& key, const Stamp& stamp, Answer answer) {
  if (!enabled() || !answer.body) return;
  const std::size_t size = size_of(key, answer);
  if (size > max_bytes_ / 4) return;  // one answer never takes most of the room
  std::lock_guard lock(mutex_);
  if (const auto found = kept_.find(key); found != kept_.end()) forget(found);
  use_order_.push_front(key);
  kept_.emplace(key, Kept{stamp, std::move(answer), use_order_.begin()});
  bytes_ += size;
  while (bytes_ > max_bytes_ && !use_order_.empty()) forget(kept_.find(use_order_.back()));
}

std::size_t AnswerCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void AnswerCache::forget(std::unordered_map<std::string, Kept>::iterator found) {
  bytes_ -= size_of(found->first, found->second.answer);
  use_order_.erase(found->second.use);
  kept_.erase(found);
}

}  // namespace tessera::server
