// The ports in memory, for the native headless tests (and any host without a browser):
// storage that outlives an App (so a test can "reload" by making a new App on the same
// storage), an event stream the test feeds, and a browser whose address history, clock,
// connectivity and time zone the test sets. Answers arrive in poll(), as in the browser.
#pragma once
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ports/ports.hpp"

namespace tessera::client {

class MemoryStorage final : public Storage {
 public:
  void get(const std::string& key, std::function<void(std::optional<std::string>)> done) override;
  void put(const std::string& key, const std::string& value) override { values[key] = value; ++writes; }
  void remove(const std::string& key) override { values.erase(key); }
  void poll() override;

  std::map<std::string, std::string> values;
  int writes = 0;

 private:
  std::deque<std::pair<std::string, std::function<void(std::optional<std::string>)>>> pending_;
};

class ManualEventStream final : public EventStream {
 public:
  void open(std::function<void(const StreamEvent&)> on_event) override;
  void close() override;
  bool is_open() const override { return static_cast<bool>(handler_); }
  void poll() override;
  void push(StreamEvent event) { pending_.push_back(event); }  // delivered at the next poll
  int opened = 0;  // how many times the app opened it

 private:
  std::function<void(const StreamEvent&)> handler_;
  std::deque<StreamEvent> pending_;
};

class MemoryBrowser final : public Browser {
 public:
  std::string address() const override { return history[position]; }
  void show_address(const std::string& address, bool replace) override;
  void set_title(const std::string& value) override { title = value; }
  bool online() const override { return connected; }
  double now_ms() const override { return clock_ms; }
  int utc_offset_minutes(Instant) const override { return offset_minutes; }
  void ask_persistent_storage(std::function<void(bool)> done) override { done(persist_granted); }
  void apply_update() override { ++updates_applied; }
  void open_external(const std::string& url) override { opened_urls.push_back(url); }
  void download(const std::string& path) override { downloads.push_back(path); }
  void choose_file(const std::string& accept, std::function<void(std::optional<ChosenFile>)> done) override {
    file_accept = accept;
    file_chooser = std::move(done);
  }
  // The test plays the user in the file chooser: picks a file (or cancels, nullopt).
  bool pick_file(std::optional<ChosenFile> file) {
    if (!file_chooser) return false;
    auto done = std::move(file_chooser);
    file_chooser = nullptr;
    done(std::move(file));
    return true;
  }
  // Back and Forward: move in the history; the caller tells the app (on_address_changed).
  bool back();
  bool forward();

  std::vector<std::string> history{""};
  std::size_t position = 0;
  std::string title;
  bool connected = true;
  double clock_ms = 1'796'000'000'000.0;  // 2026-11-30
  int offset_minutes = 0;
  bool persist_granted = true;
  int updates_applied = 0;
  std::vector<std::string> opened_urls;
  std::vector<std::string> downloads;
  std::string file_accept;  // what the last file chooser asked for
  std::function<void(std::optional<ChosenFile>)> file_chooser;  // open while set
};

}  // namespace tessera::client
