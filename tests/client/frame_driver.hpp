// FrameDriver: runs the client App headless, as the browser would but with no GPU: its own
// ImGui context with a built font atlas and a fixed display, answers delivered by the
// httplib Api backend between frames, and input (clicks, typing, keys, the wheel) aimed at
// the widgets' rectangles recorded by the previous frame, found by their test ids. Input
// goes through Dear ImGui's event queue (io.AddKeyEvent, AddMousePosEvent...), as the
// browser platform's does.
#pragma once
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "app.hpp"
#include "net/api.hpp"
#include "ports/memory_ports.hpp"

struct ImGuiContext;

namespace tessera::client::testing {

// The device around the app: what a browser keeps across reloads (storage, the address bar,
// the clock). Make one and hand it to two drivers in turn to test a reload.
struct Device {
  MemoryStorage storage;
  ManualEventStream events;
  MemoryBrowser browser;
};

class FrameDriver {
 public:
  // `api` answers the app's requests; make_httplib_api(server.base_url()) for a real server.
  // `device`: the storage, stream and browser to use (nullptr: a fresh one of its own).
  FrameDriver(std::shared_ptr<Api> api, Language language = Language::en, Device* device = nullptr);
  ~FrameDriver();
  FrameDriver(const FrameDriver&) = delete;
  FrameDriver& operator=(const FrameDriver&) = delete;

  App& app() { return *app_; }
  Device& device() { return *device_; }
  // The browser's Back / Forward buttons (false: nowhere to go).
  bool back();
  bool forward();
  nlohmann::json state() const { return app_->test_state(); }

  // Delivers pending answers, then renders one frame; `count` times.
  void step(int count = 1);
  // Steps until `condition` holds (true) or `max_frames` went by (false).
  bool wait_until(const std::function<bool()>& condition, int max_frames = 100);
  // Steps until no request is in flight.
  bool settle() { return wait_until([this] { return !app_->busy(); }); }

  // Presses and releases the left button at the centre of the widget, first turning the
  // wheel over it until it is on the display if it is not (false: no such widget drawn, or
  // it cannot be scrolled onto the display).
  bool click(std::string_view id);
  // Turns the wheel until the widget is wholly on the display (false: it cannot be).
  bool scroll_into_view(std::string_view id);
  // Clicks a text field, then types UTF-8 text into it (false: the field did not take focus).
  bool type(std::string_view id, std::string_view text);
  // Presses and releases a key with modifiers held (ImGuiMod_Ctrl | ImGuiMod_Shift ...), then
  // draws the frames it needs (the queue trickles the press and the release over two).
  void press_key(ImGuiKey key, ImGuiKeyChord mods = ImGuiMod_None);
  void press_enter() { press_key(ImGuiKey_Enter); }
  void press_tab() { press_key(ImGuiKey_Tab); }
  void press_escape() { press_key(ImGuiKey_Escape); }
  // Types UTF-8 text into the active field, if any.
  void type_text(std::string_view text);
  // Turns the mouse wheel over the widget, or at a display position: `lines` > 0 scrolls the
  // content down (as the wheel turned towards the user), in the browser platform's lines
  // (false: the widget is not on screen).
  bool scroll(std::string_view id, float lines);
  void scroll(ImVec2 position, float lines);

 private:
  ImGuiContext* context_ = nullptr;
  std::shared_ptr<Api> api_;
  std::unique_ptr<Device> own_device_;
  Device* device_ = nullptr;
  std::unique_ptr<App> app_;
};

}  // namespace tessera::client::testing
