// The ports in the browser (see ports.hpp), over the small JavaScript functions of
// web/ports.js: IndexedDB storage, the event stream the tabs share, and the page (address,
// history, title, connectivity, the service worker's update). What the page tells the app
// (Back, online, visible, an update) reaches the callbacks the platform sets; every event
// from JavaScript then calls `wake` so a frame shows it.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "ports/ports.hpp"

namespace tessera::client {

struct WebPortEvents {
  std::function<void(const std::string&)> address_changed;
  std::function<void(bool)> online_changed;
  std::function<void()> visible;
  std::function<void()> update_available;
  std::function<void()> wake;  // request a frame
};

struct WebPorts {
  std::unique_ptr<Storage> storage;
  std::unique_ptr<EventStream> events;
  std::unique_ptr<Browser> browser;
};

// One per page: registers with window.tesseraPorts (which must have loaded before app.js).
WebPorts make_web_ports(WebPortEvents events);

}  // namespace tessera::client
