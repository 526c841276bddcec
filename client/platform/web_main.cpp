// The browser platform: owns the main loop and wires the page around the App - a WebGL2
// context (emscripten/html5.h) drawn by Dear ImGui's OpenGL3 renderer, the DOM's input
// through our own layer (web_input.js listens, dom_input.hpp decides, this file feeds ImGui's
// event queue), the canvas in device pixels with fonts rasterised for the screen's pixel
// ratio, the system clipboard, the fetch Api and the test hook. It draws only when something
// happened - an input event, a network answer, a resize, the font, or a time the App asked
// for - so an idle tab draws nothing and uses no CPU.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // the input-event queue: frames are drawn until it is empty

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "app.hpp"
#include "net/api_fetch.hpp"
#include "platform/app_wakeup.hpp"
#include "platform/dom_input.hpp"
#include "ports/web_ports.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

// [SECTION] The DOM side (client/platform/web_input.js, linked with --js-library)
extern "C" {
void tessera_dom_install();  // the listeners, the hidden textarea, the canvas's size and ratio
void tessera_dom_set_text_input(int active, float x, float y, float line_height);
void tessera_dom_copy_text(const char* utf8);
void tessera_dom_set_cursor(int cursor);
void tessera_dom_await_font();
void tessera_dom_first_frame();
char* tessera_dom_language_tags();  // malloc'd
int tessera_dom_is_mac();
}

namespace {

using tessera::client::App;
namespace platform = tessera::client::platform;
namespace ui = tessera::client::ui;

void request_frames(int count);

// [SECTION] The App: the one place that knows how it is made (its ports change here)

// The browser's language, from its language tags ("fr-FR,fr,en").
tessera::Language browser_language() {
  char* tags = tessera_dom_language_tags();
  const tessera::Language language = tessera::language_from_tag(tags != nullptr ? tags : "");
  std::free(tags);
  return language;
}

// The App's ports: the server, and the page's storage, event stream and browser (web_ports.cpp).
std::unique_ptr<tessera::client::Api> g_api;
tessera::client::WebPorts g_ports;
std::unique_ptr<App> g_app;

// What the page tells the app (Back, online, visible, an update) reaches it here (not before
// it exists: ports.js may deliver what happened earlier as soon as it is listened to); each
// ends with a frame (`wake`).
std::unique_ptr<App> make_app() {
  using namespace tessera::client;
  const auto seed = static_cast<std::uint64_t>(std::random_device{}()) << 32 ^
                    static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  g_api = make_fetch_api([] { request_frames(3); });
  g_ports = make_web_ports(WebPortEvents{
      .address_changed = [](const std::string& address) { if (g_app) g_app->on_address_changed(address); },
      .online_changed = [](bool online) { if (g_app) g_app->on_online_changed(online); },
      .visible = [] { if (g_app) g_app->on_visible(); },
      .update_available = [] { if (g_app) g_app->on_update_available(); },
      .wake = [] { request_frames(3); },
  });
  return std::make_unique<App>(Ports{*g_api, *g_ports.storage, *g_ports.events, *g_ports.browser}, browser_language(),
                               seed, ui::draw_root);
}

// [SECTION] State of the page (static: main() returns and the browser keeps calling back)
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;

struct Display {
  float css_width = 0, css_height = 0;  // ImGui's display: CSS pixels
  int pixel_width = 1, pixel_height = 1;  // the canvas: device pixels
  float ratio = 1.0f;                     // devicePixelRatio
};
Display g_display;

std::vector<std::uint8_t> g_font;  // DejaVu Sans, kept for rebuilds at another ratio
bool g_font_ready = false;         // no frame before the font: the first one shows the right text
float g_font_ratio = 0.0f;         // the ratio the atlas was rasterised for
int g_atlas_width = 0, g_atlas_height = 0;

// Frames
constexpr int kFramesPerEvent = 3;  // ImGui settles in a few frames after an event (layout, hover)
constexpr int kFramesPerKey = 2;
constexpr int kFramesPerCharacter = 1;
constexpr int kMostFramesNow = 6;
bool g_frame_scheduled = false;
int g_frames_wanted = 0;
bool g_in_frame = false;
bool g_first_frame_done = false;
double g_last_frame_ms = 0;
long g_wakeup_timer = 0;
std::uint64_t g_frames_drawn = 0, g_frames_run_now = 0, g_wakeups = 0, g_atlas_builds = 0;

// Input
platform::TouchGesture g_touch;
ImGuiKeyChord g_mods = ImGuiMod_None;  // the modifiers held, as the last DOM event said
bool g_mac = false;
std::string g_clipboard;  // the last text pasted into, or copied from, ImGui
ImGuiPlatformImeData g_ime;           // where ImGui's active text field wants the keyboard
bool g_ime_applied = false;           // g_ime was handed to the DOM
ImGuiPlatformImeData g_ime_in_dom;    // ... as this
ImGuiMouseCursor g_cursor = ImGuiMouseCursor_COUNT;

// [SECTION] Display: the canvas, the pixel ratio, the fonts

// The atlas for the current ratio, and its texture. Between frames only.
void rebuild_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.FontGlobalScale = ui::load_text_styles(*io.Fonts, g_font, g_display.ratio);
  g_font_ratio = g_display.ratio;
  static bool device_objects = false;
  if (device_objects) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  } else {
    device_objects = ImGui_ImplOpenGL3_CreateDeviceObjects();  // shaders, buffers and this atlas's texture
  }
  unsigned char* pixels = nullptr;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &g_atlas_width, &g_atlas_height);
  ++g_atlas_builds;
}

// [SECTION] Frames

void apply_text_input() {
  const ImGuiPlatformImeData& ime = g_ime;
  if (g_ime_applied && ime.WantVisible == g_ime_in_dom.WantVisible && ime.InputPos.x == g_ime_in_dom.InputPos.x &&
      ime.InputPos.y == g_ime_in_dom.InputPos.y && ime.InputLineHeight == g_ime_in_dom.InputLineHeight)
    return;
  g_ime_applied = true;
  g_ime_in_dom = ime;
  tessera_dom_set_text_input(ime.WantVisible ? 1 : 0, ime.InputPos.x, ime.InputPos.y, ime.InputLineHeight);
}

void on_wakeup(void*) {
  g_wakeup_timer = 0;
  ++g_wakeups;
  request_frames(1);
}

// After each frame: a later frame the App asks for (App::wakeup_in_ms(), through the one
// place that calls it, platform/app_wakeup.hpp), one timer at a time.
void schedule_wakeup() {
  if (g_wakeup_timer != 0) emscripten_clear_timeout(g_wakeup_timer);
  g_wakeup_timer = 0;
  const double in_ms = platform::app_wakeup_in_ms(*g_app);
  if (in_ms > 0.0) g_wakeup_timer = emscripten_set_timeout(on_wakeup, in_ms, nullptr);
}

// The last frame's draw data to the canvas.
void draw_frame() {
  const ImVec4 background = ui::palette().background;
  glViewport(0, 0, g_display.pixel_width, g_display.pixel_height);
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g_frames_drawn;
  if (!g_first_frame_done) {
    g_first_frame_done = true;
    tessera_dom_first_frame();
  }
}

// One ImGui frame of the App (drawn by the caller: frames run in a row inside an event
// handler draw the last one only), then what it changed for the page: the textarea's focus
// and place, the cursor, the next wakeup.
void run_frame() {
  g_in_frame = true;
  ImGuiIO& io = ImGui::GetIO();
  if (g_font_ratio != g_display.ratio) rebuild_fonts();
  const double now = emscripten_get_now();
  io.DeltaTime = g_last_frame_ms > 0.0 ? std::max(1e-4f, static_cast<float>((now - g_last_frame_ms) / 1000.0))
                                       : 1.0f / 60.0f;
  g_last_frame_ms = now;
  io.DisplaySize = ImVec2(g_display.css_width, g_display.css_height);
  io.DisplayFramebufferScale =
      ImVec2(g_display.css_width > 0 ? static_cast<float>(g_display.pixel_width) / g_display.css_width : 1.0f,
             g_display.css_height > 0 ? static_cast<float>(g_display.pixel_height) / g_display.css_height : 1.0f);
  ImGui_ImplOpenGL3_NewFrame();
  g_app->frame();  // NewFrame, the screens, Render
  g_in_frame = false;
  apply_text_input();
  if (const ImGuiMouseCursor cursor = ImGui::GetMouseCursor(); cursor != g_cursor) {
    g_cursor = cursor;
    tessera_dom_set_cursor(cursor);
  }
  schedule_wakeup();
}

bool input_queued() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

EM_BOOL on_animation_frame(double, void*) {
  g_frame_scheduled = false;
  run_frame();
  draw_frame();
  --g_frames_wanted;
  if (g_app->take_redraw_request()) g_frames_wanted = std::max(g_frames_wanted, kFramesPerEvent);
  if (input_queued()) g_frames_wanted = std::max(g_frames_wanted, 1);  // trickled to later frames
  if (g_frames_wanted > 0) request_frames(g_frames_wanted);
  return EM_FALSE;
}

void request_frames(int count) {
  g_frames_wanted = std::max(g_frames_wanted, count);
  if (!g_frame_scheduled && g_font_ready) {
    g_frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

// Runs ImGui now, inside the DOM event's handler, until the queued input is processed and
// `after` more frames went by: a tap's text field focuses the textarea within the gesture (a
// phone opens its keyboard only then), Tab's focus lands before the next key, and a copy
// reaches ImGui before the browser's copy event. Then the usual frames follow.
void run_frames_now(int after) {
  if (!g_font_ready || g_in_frame) {
    request_frames(kFramesPerEvent);
    return;
  }
  int frames = 0;
  while (frames < kMostFramesNow && (input_queued() || after > 0)) {
    if (!input_queued()) --after;
    run_frame();
    ++frames;
    ++g_frames_run_now;
  }
  if (frames > 0) draw_frame();
  request_frames(kFramesPerEvent);
}

// [SECTION] Input from the DOM (called by web_input.js)

void set_modifiers(ImGuiKeyChord mods) {
  ImGuiIO& io = ImGui::GetIO();
  for (const ImGuiKey mod : {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super})
    io.AddKeyEvent(mod, (mods & mod) != 0);  // unchanged ones are filtered by ImGui
  g_mods = mods;
}

ImGuiKeyChord modifiers_of(int dom_mods) {
  return platform::dom_modifiers((dom_mods & 1) != 0, (dom_mods & 2) != 0, (dom_mods & 4) != 0, (dom_mods & 8) != 0);
}

ImGuiMouseSource mouse_source(int source) {
  return source == 1 ? ImGuiMouseSource_TouchScreen : source == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse;
}

// DOM buttons: 0 left, 1 middle, 2 right; ImGui's: 0 left, 1 right, 2 middle.
int imgui_button(int dom_button) { return dom_button == 1 ? 2 : dom_button == 2 ? 1 : dom_button; }

}  // namespace

extern "C" {

// phase: 0 move, 1 down, 2 up, 3 leave, 4 cancel; source: 0 mouse, 1 touch, 2 pen.
EMSCRIPTEN_KEEPALIVE void tessera_on_pointer(int phase, int source, int button, float x, float y, int dom_mods) {
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(modifiers_of(dom_mods));
  if (source == 1) {  // a finger: a tap is a click, a drag scrolls
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (phase == 1) {
      g_touch.down(ImVec2(x, y));
    } else if (phase == 0) {
      if (const auto scroll = g_touch.move(ImVec2(x, y))) {
        const float line = ui::text_size(ui::TextStyle::body);
        io.AddMousePosEvent(x, y);  // the window under the finger scrolls
        io.AddMouseWheelEvent(platform::imgui_wheel_from_pixels(scroll->x, line),
                              platform::imgui_wheel_from_pixels(scroll->y, line));
        request_frames(kFramesPerEvent);
      }
    } else if (phase == 2) {
      if (g_touch.up()) {
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no hover left behind by a finger
        run_frames_now(1);
      } else {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        request_frames(kFramesPerEvent);
      }
    } else if (phase == 4) {
      g_touch.cancel();
    }
    return;
  }
  io.AddMouseSourceEvent(mouse_source(source));
  if (phase == 3) {
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    request_frames(kFramesPerEvent);
    return;
  }
  io.AddMousePosEvent(x, y);
  if (phase == 1 || phase == 2) {
    io.AddMouseButtonEvent(imgui_button(button), phase == 1);
    run_frames_now(1);  // a press may activate a text field: focus the textarea in this handler
  } else if (phase == 4) {
    for (int b = 0; b < 3; ++b) io.AddMouseButtonEvent(b, false);
    request_frames(kFramesPerEvent);
  } else {
    request_frames(kFramesPerKey);
  }
}

EMSCRIPTEN_KEEPALIVE void tessera_on_wheel(double delta_x, double delta_y, int delta_mode, float x, float y,
                                           int dom_mods) {
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(modifiers_of(dom_mods));
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(x, y);  // the window under the pointer scrolls
  // Shift+wheel: the browser already turned it sideways, and ImGui turns a Shift wheel
  // sideways itself (not on a Mac): hand it over upright.
  if ((dom_mods & 2) != 0 && !g_mac && delta_y == 0.0) std::swap(delta_x, delta_y);
  const ImVec2 wheel = platform::imgui_wheel_from_dom(delta_x, delta_y, static_cast<platform::DeltaMode>(delta_mode),
                                                      ui::text_size(ui::TextStyle::body), g_display.css_height);
  io.AddMouseWheelEvent(wheel.x, wheel.y);
  request_frames(kFramesPerEvent);
}

// Returns flags for the DOM side: 1 prevent the browser's default, 2 a copy/cut event follows.
EMSCRIPTEN_KEEPALIVE int tessera_on_key(const char* key, const char* code, int down, int repeat, int dom_mods) {
  ImGuiIO& io = ImGui::GetIO();
  set_modifiers(modifiers_of(dom_mods));
  if (!down) {
    const ImGuiKey released = platform::imgui_key_from_dom(key, code);
    if (released != ImGuiKey_None) io.AddKeyEvent(released, false);  // ImGui ignores keys it never saw down
    request_frames(kFramesPerKey);
    return 0;
  }
  const platform::DomKeyEvent event{key, code, (dom_mods & 1) != 0, (dom_mods & 2) != 0, (dom_mods & 4) != 0,
                                    (dom_mods & 8) != 0};
  const platform::KeyDecision decision = platform::decide_keydown(event, g_ime.WantVisible, g_mac);
  if (decision.key != ImGuiKey_None) {
    if (repeat) io.AddKeyEvent(decision.key, false);  // each of the system's repeats is a press
    io.AddKeyEvent(decision.key, true);
  }
  if (decision.run_frames_now)
    run_frames_now(decision.copy_or_cut ? 0 : 2);  // Tab's focus lands the frame after its press
  else
    request_frames(kFramesPerKey);
  return (decision.prevent_default ? 1 : 0) | (decision.copy_or_cut ? 2 : 0);
}

EMSCRIPTEN_KEEPALIVE void tessera_on_text(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  request_frames(kFramesPerCharacter + 1);
}

// The paste event's text: ImGui pastes it with its own shortcut (which replaces a selection
// and keeps a single-line field on one line), whatever modifiers are held.
EMSCRIPTEN_KEEPALIVE void tessera_on_paste(const char* utf8) {
  g_clipboard = utf8 != nullptr ? utf8 : "";
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiKeyChord held = g_mods;
  set_modifiers(io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  set_modifiers(held);
  run_frames_now(0);
}

EMSCRIPTEN_KEEPALIVE void tessera_on_focus(int focused) {
  ImGui::GetIO().AddFocusEvent(focused != 0);
  request_frames(kFramesPerEvent);
}

EMSCRIPTEN_KEEPALIVE void tessera_on_resize(double css_width, double css_height, int pixel_width, int pixel_height,
                                            double ratio) {
  g_display.css_width = static_cast<float>(css_width);
  g_display.css_height = static_cast<float>(css_height);
  g_display.pixel_width = std::max(1, pixel_width);
  g_display.pixel_height = std::max(1, pixel_height);
  g_display.ratio = std::clamp(static_cast<float>(ratio), 1.0f, 4.0f);
  request_frames(kFramesPerEvent);  // the next frame rebuilds the fonts if the ratio changed
}

EMSCRIPTEN_KEEPALIVE void tessera_font_loaded(void* data, int size) {
  if (data != nullptr && size > 0) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    g_font.assign(bytes, bytes + size);
  }
  std::free(data);
  g_font_ready = true;
  g_font_ratio = 0.0f;  // the first frame builds the atlas
  request_frames(kFramesPerEvent);
}

// [SECTION] Test hook, called from the page's JavaScript (window.tesseraTest in boot.js)
EMSCRIPTEN_KEEPALIVE const char* tessera_test_rect(const char* id) {
  static std::string answer;
  answer.clear();
  if (!g_app || id == nullptr) return answer.c_str();
  if (const auto rect = g_app->widget_rect(id))  // ImGui works in CSS pixels, as the page does
    answer = nlohmann::json{{"x", rect->x}, {"y", rect->y}, {"w", rect->w}, {"h", rect->h}}.dump();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* tessera_test_state() {
  static std::string answer;
  if (!g_app) {
    answer = "null";
    return answer.c_str();
  }
  auto state = g_app->test_state();
  // Settled: no frame is waiting to be drawn, so the widget rectangles match the state.
  state["settled"] = !g_frame_scheduled && g_frames_wanted <= 0;
  answer = state.dump();
  return answer.c_str();
}

// The platform's own figures: display, ratio, atlas, frames, text input.
EMSCRIPTEN_KEEPALIVE const char* tessera_test_platform() {
  static std::string answer;
  answer = nlohmann::json{
      {"pixelRatio", g_display.ratio},
      {"display", {{"width", g_display.css_width}, {"height", g_display.css_height}}},
      {"canvas", {{"width", g_display.pixel_width}, {"height", g_display.pixel_height}}},
      {"fontRatio", g_font_ratio},
      {"atlas", {{"width", g_atlas_width}, {"height", g_atlas_height}, {"builds", g_atlas_builds}}},
      {"framesDrawn", g_frames_drawn},
      {"framesRunNow", g_frames_run_now},
      {"wakeups", g_wakeups},
      {"textInput", g_ime.WantVisible},
      {"caret", {{"x", g_ime.InputPos.x}, {"y", g_ime.InputPos.y}, {"h", g_ime.InputLineHeight}}},
      {"clipboard", g_clipboard},
  }.dump();
  return answer.c_str();
}
}

// [SECTION] Start: the WebGL2 context, ImGui, the DOM side, the App; then the browser calls back.
int main() {
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = EM_FALSE;  // an opaque canvas
  attributes.depth = EM_FALSE;
  attributes.stencil = EM_FALSE;
  attributes.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  g_gl = emscripten_webgl_create_context("#canvas", &attributes);
  if (g_gl <= 0 || emscripten_webgl_make_context_current(g_gl) != EMSCRIPTEN_RESULT_SUCCESS) return 1;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  platform::configure_io(io);
  g_mac = tessera_dom_is_mac() != 0;
  io.ConfigMacOSXBehaviors = g_mac;  // Cmd shortcuts, Option+arrows by word
  io.BackendPlatformName = "tessera_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text != nullptr ? text : "";
    tessera_dom_copy_text(g_clipboard.c_str());
  };
  io.GetClipboardTextFn = [](void*) -> const char* { return g_clipboard.c_str(); };
  io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; };
  ui::apply_theme();
  ImGui_ImplOpenGL3_Init("#version 300 es");

  tessera_dom_install();  // sizes the canvas (tessera_on_resize) and starts listening
  g_app = make_app();
  g_app->start();
  tessera_dom_await_font();
  return 0;
}
