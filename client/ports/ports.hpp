// The client's windows on the platform, each a small interface with one implementation per
// platform, picked by CMake (as net/api.hpp is for HTTP): the browser's (IndexedDB, an
// EventSource shared by the tabs, the History API) and memory ones for the native tests.
// Every callback arrives later, never inside the call that asked for it.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "tessera/units.hpp"

namespace tessera::client {

// Key-value storage that survives reloads, closing the browser and restarting the machine
// (IndexedDB, not Emscripten's IDBFS). Values are JSON texts. A put() is durable once its
// transaction commits, a few milliseconds later; puts to one key land in the order made.
class Storage {
 public:
  virtual ~Storage() = default;
  virtual void get(const std::string& key, std::function<void(std::optional<std::string>)> done) = 0;
  virtual void put(const std::string& key, const std::string& value) = 0;
  virtual void remove(const std::string& key) = 0;
  virtual void poll() {}  // native: delivers the answers of get()
};

// The server's event stream (GET /api/v1/events) for the signed-in user. In the browser the
// tabs of one origin share a single connection. The stream reconnects by itself with
// backoff; `opened` arrives at each (re)connection, after which the app refetches what it
// may have missed.
struct StreamEvent {
  enum class Kind { opened, ticket, lost, account };  // account: its balances changed (a payment)
  Kind kind = Kind::opened;
  Id ticket_id = 0;     // ticket: which one changed
  std::string status;   // ticket: its status now
};

class EventStream {
 public:
  virtual ~EventStream() = default;
  virtual void open(std::function<void(const StreamEvent&)> on_event) = 0;
  virtual void close() = 0;
  virtual bool is_open() const = 0;
  virtual void poll() {}  // native: delivers queued events
};

// A file the user chose on their device (Browser::choose_file).
struct ChosenFile {
  std::string name;   // as the device names it ("screenshot.png"), no path
  std::string bytes;  // its content
};

// The page around the app: its address (the part after '#'), history, title, connectivity,
// the service worker's update, persistent storage and the local time zone.
class Browser {
 public:
  virtual ~Browser() = default;
  virtual std::string address() const = 0;  // "/tickets/42" for ".../#/tickets/42"; "" at the root
  // pushState (a new history entry, Back returns here) or replaceState.
  virtual void show_address(const std::string& address, bool replace) = 0;
  virtual void set_title(const std::string& title) = 0;
  virtual bool online() const = 0;
  virtual double now_ms() const = 0;  // wall clock, milliseconds since the Unix epoch
  virtual int utc_offset_minutes(Instant at) const = 0;  // local time = UTC + this
  // navigator.storage.persist(): true if the browser keeps the drafts even under pressure.
  virtual void ask_persistent_storage(std::function<void(bool)> done) = 0;
  virtual void apply_update() = 0;  // a new version is waiting: activate it and reload
  virtual void open_external(const std::string& url) = 0;  // leaves the app (PayPal)
  // Downloads a file of the server ("/api/v1/invoices/3/pdf", a ticket's attachment) without
  // leaving the page; the browser sends the session's cookie.
  virtual void download(const std::string& path) = 0;
  // Lets the user choose one file of the device (an <input type="file">, opened within the
  // click that asked for it); `accept` as the input's attribute ("image/*,.log,.txt").
  // `done` gets the file, or nothing when the user cancelled (browsers that cannot tell a
  // cancel never call it).
  virtual void choose_file(const std::string& accept, std::function<void(std::optional<ChosenFile>)> done) = 0;
};

}  // namespace tessera::client
