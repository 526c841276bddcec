// The browser ports (see web_ports.hpp). JavaScript calls back through one exported
// function, tessera_port_event(kind, number, number, text, text), dispatched here.
#include "ports/web_ports.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <string>

namespace tessera::client {

namespace {

EM_JS(void, js_listen, (), {
  // The first text may be large (a stored document): it goes through the heap, not the
  // stack, and the program frees it.
  window.tesseraPorts.listen(function(kind, a, b, textA, textB) {
    // A chosen file's bytes (a Uint8Array) are copied as they are; `b` is their length.
    var size = textA instanceof Uint8Array ? Math.max(textA.length, 1) : lengthBytesUTF8(textA) + 1;
    var pointer = _malloc(size);
    if (textA instanceof Uint8Array) HEAPU8.set(textA, pointer);
    else stringToUTF8(textA, pointer, size);
    Module.ccall('tessera_port_event', null, ['string', 'number', 'number', 'number', 'string'],
                 [kind, a, b, pointer, textB]);
  });
});
EM_JS(void, js_storage_get, (double request_id, const char* key), {
  window.tesseraPorts.storageGet(request_id, UTF8ToString(key));
});
EM_JS(void, js_storage_put, (const char* key, const char* value), {
  window.tesseraPorts.storagePut(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, js_storage_remove, (const char* key), { window.tesseraPorts.storageRemove(UTF8ToString(key)); });
EM_JS(void, js_events_open, (), { window.tesseraPorts.eventsOpen(); });
EM_JS(void, js_events_close, (), { window.tesseraPorts.eventsClose(); });
EM_JS(char*, js_address, (), {
  var text = window.tesseraPorts.address();
  var size = lengthBytesUTF8(text) + 1;
  var pointer = _malloc(size);
  stringToUTF8(text, pointer, size);
  return pointer;
});
EM_JS(void, js_show_address, (const char* address, int replace), {
  window.tesseraPorts.showAddress(UTF8ToString(address), replace !== 0);
});
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });
EM_JS(double, js_now_ms, (), { return Date.now(); });
EM_JS(int, js_utc_offset_minutes, (double at_ms), { return -new Date(at_ms).getTimezoneOffset(); });
EM_JS(void, js_persist, (double request_id), { window.tesseraPorts.persist(request_id); });
EM_JS(void, js_apply_update, (), { window.tesseraPorts.applyUpdate(); });
EM_JS(void, js_open_external, (const char* url), { window.location.assign(UTF8ToString(url)); });
EM_JS(void, js_download, (const char* path), { window.tesseraPorts.download(UTF8ToString(path)); });
EM_JS(void, js_choose_file, (double request_id, const char* accept), {
  window.tesseraPorts.chooseFile(request_id, UTF8ToString(accept));
});

class WebStorage;
class WebEventStream;
class WebBrowser;

struct Registry {
  WebPortEvents events;
  WebStorage* storage = nullptr;
  WebEventStream* stream = nullptr;
  WebBrowser* browser = nullptr;
};
Registry g_registry;

class WebStorage final : public Storage {
 public:
  void get(const std::string& key, std::function<void(std::optional<std::string>)> done) override {
    const double id = ++next_id_;
    pending_[id] = std::move(done);
    js_storage_get(id, key.c_str());
  }
  void put(const std::string& key, const std::string& value) override { js_storage_put(key.c_str(), value.c_str()); }
  void remove(const std::string& key) override { js_storage_remove(key.c_str()); }
  void answer(double id, bool found, const char* value) {
    const auto pending = pending_.find(id);
    if (pending == pending_.end()) return;
    auto done = std::move(pending->second);
    pending_.erase(pending);
    done(found ? std::optional<std::string>(value) : std::nullopt);
  }

 private:
  double next_id_ = 0;
  std::map<double, std::function<void(std::optional<std::string>)>> pending_;
};

class WebEventStream final : public EventStream {
 public:
  void open(std::function<void(const StreamEvent&)> on_event) override {
    handler_ = std::move(on_event);
    js_events_open();
  }
  void close() override {
    handler_ = nullptr;
    js_events_close();
  }
  bool is_open() const override { return static_cast<bool>(handler_); }
  void event(const std::string& type, double id, const std::string& status) {
    if (!handler_) return;
    StreamEvent event;
    event.kind = type == "opened" ? StreamEvent::Kind::opened
                 : type == "ticket" ? StreamEvent::Kind::ticket
                 : type == "account" ? StreamEvent::Kind::account
                                    : StreamEvent::Kind::lost;
    event.ticket_id = static_cast<Id>(id);
    event.status = status;
    handler_(event);
  }

 private:
  std::function<void(const StreamEvent&)> handler_;
};

class WebBrowser final : public Browser {
 public:
  std::string address() const override {
    char* text = js_address();
    std::string out = text != nullptr ? text : "";
    std::free(text);
    return out;
  }
  void show_address(const std::string& address, bool replace) override { js_show_address(address.c_str(), replace ? 1 : 0); }
  void set_title(const std::string& title) override { js_set_title(title.c_str()); }
  bool online() const override { return js_online() != 0; }
  double now_ms() const override { return js_now_ms(); }
  int utc_offset_minutes(Instant at) const override { return js_utc_offset_minutes(static_cast<double>(at) * 1000.0); }
  void ask_persistent_storage(std::function<void(bool)> done) override {
    const double id = ++next_id_;
    pending_[id] = std::move(done);
    js_persist(id);
  }
  void apply_update() override { js_apply_update(); }
  void open_external(const std::string& url) override { js_open_external(url.c_str()); }
  void download(const std::string& path) override { js_download(path.c_str()); }
  void choose_file(const std::string& accept, std::function<void(std::optional<ChosenFile>)> done) override {
    const double id = ++next_id_;
    files_[id] = std::move(done);
    js_choose_file(id, accept.c_str());
  }
  // The file's bytes (`size` of them at `data`) and name; size < 0: cancelled.
  void file_chosen(double id, double size, const char* data, const std::string& name) {
    const auto pending = files_.find(id);
    if (pending == files_.end()) return;
    auto done = std::move(pending->second);
    files_.erase(pending);
    if (size < 0) return done(std::nullopt);
    done(ChosenFile{name, std::string(data, static_cast<std::size_t>(size))});
  }
  void persisted(double id, bool granted) {
    const auto pending = pending_.find(id);
    if (pending == pending_.end()) return;
    auto done = std::move(pending->second);
    pending_.erase(pending);
    done(granted);
  }

 private:
  double next_id_ = 0;
  std::map<double, std::function<void(bool)>> pending_;
  std::map<double, std::function<void(std::optional<ChosenFile>)>> files_;
};

}  // namespace

WebPorts make_web_ports(WebPortEvents events) {
  auto storage = std::make_unique<WebStorage>();
  auto stream = std::make_unique<WebEventStream>();
  auto browser = std::make_unique<WebBrowser>();
  g_registry = Registry{std::move(events), storage.get(), stream.get(), browser.get()};
  js_listen();
  return WebPorts{std::move(storage), std::move(stream), std::move(browser)};
}

}  // namespace tessera::client

extern "C" EMSCRIPTEN_KEEPALIVE void tessera_port_event(const char* kind_text, double a, double b, char* text,
                                                         const char* text_b) {
  using tessera::client::g_registry;
  const std::string kind = kind_text != nullptr ? kind_text : "";
  auto& events = g_registry.events;
  if (kind == "file") {  // the bytes are not a C string: `b` says how many (-1: cancelled)
    if (g_registry.browser) g_registry.browser->file_chosen(a, b, text, text_b != nullptr ? text_b : "");
    std::free(text);
    if (events.wake) events.wake();
    return;
  }
  const std::string first = text != nullptr ? text : "";
  std::free(text);
  if (kind == "stored" && g_registry.storage) g_registry.storage->answer(a, b != 0, first.c_str());
  else if (kind == "event" && g_registry.stream) g_registry.stream->event(first, a, text_b != nullptr ? text_b : "");
  else if (kind == "persisted" && g_registry.browser) g_registry.browser->persisted(a, b != 0);
  else if (kind == "address" && events.address_changed) events.address_changed(first);
  else if (kind == "online" && events.online_changed) events.online_changed(a != 0);
  else if (kind == "visible" && events.visible) events.visible();
  else if (kind == "update" && events.update_available) events.update_available();
  if (events.wake) events.wake();
}
