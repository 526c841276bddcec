// The ports in memory (see memory_ports.hpp).
#include "ports/memory_ports.hpp"

namespace tessera::client {

void MemoryStorage::get(const std::string& key, std::function<void(std::optional<std::string>)> done) {
  pending_.emplace_back(key, std::move(done));
}

void MemoryStorage::poll() {
  auto batch = std::move(pending_);
  pending_.clear();
  for (auto& [key, done] : batch) {
    const auto found = values.find(key);
    done(found == values.end() ? std::nullopt : std::optional<std::string>(found->second));
  }
}

void ManualEventStream::open(std::function<void(const StreamEvent&)> on_event) {
  handler_ = std::move(on_event);
  ++opened;
  pending_.push_back(StreamEvent{StreamEvent::Kind::opened});
}

void ManualEventStream::close() {
  handler_ = nullptr;
  pending_.clear();
}

void ManualEventStream::poll() {
  auto batch = std::move(pending_);
  pending_.clear();
  for (const auto& event : batch)
    if (handler_) handler_(event);
}

void MemoryBrowser::show_address(const std::string& address, bool replace) {
  if (replace) {
    history[position] = address;
    return;
  }
  history.resize(position + 1);
  history.push_back(address);
  ++position;
}

bool MemoryBrowser::back() {
  if (position == 0) return false;
  --position;
  return true;
}

bool MemoryBrowser::forward() {
  if (position + 1 >= history.size()) return false;
  ++position;
  return true;
}

}  // namespace tessera::client
