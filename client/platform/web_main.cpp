// The browser platform: owns the main loop and wires GLFW (canvas input), WebGL2 (drawing),
// the fetch Api and the test hook around the App. It redraws only when something happened:
// an input event, a network answer, a resize; an idle tab renders no frame and uses no CPU.
// The font (DejaVu Sans, with Latin accents) arrives before the first frame.
#include <GLFW/glfw3.h>
#include <cstdlib>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // the input-event queue, to draw until it is empty
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app.hpp"
#include "net/api_fetch.hpp"
#include "ports/web_ports.hpp"

namespace {

using tessera::client::App;

// [SECTION] State of the page (static: main() returns and the browser keeps calling back)
GLFWwindow* g_window = nullptr;
std::unique_ptr<tessera::client::Api> g_api;
std::unique_ptr<App> g_app;
tessera::client::WebPorts g_ports;
bool g_font_ready = false;
bool g_frame_scheduled = false;
int g_frames_wanted = 0;
bool g_first_frame_done = false;
// Device pixels per CSS pixel, read once at startup. The canvas holds device pixels (sharp
// text on high-density screens) and ImGui works in them; the test hook converts back to CSS
// pixels, so tests click at page coordinates whatever the screen.
float g_pixel_ratio = 1.0f;

// Dear ImGui needs a few frames to settle after an event (press, release, layout); a typed
// character needs one (the field takes it and draws it in the same frame), a key two (Tab
// moves the focus on the frame after).
constexpr int kFramesPerEvent = 3;
constexpr int kFramesPerKey = 2;
constexpr int kFramesPerCharacter = 1;

EM_BOOL on_animation_frame(double, void*);

void request_frames(int count = kFramesPerEvent) {
  g_frames_wanted = std::max(g_frames_wanted, count);
  if (!g_frame_scheduled && g_font_ready) {
    g_frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

void render_frame() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(g_window, &width, &height);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  g_app->frame();
  glViewport(0, 0, width, height);
  glClearColor(0.95f, 0.95f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (!g_first_frame_done) {
    g_first_frame_done = true;
    EM_ASM({
      window.tesseraTest.firstFrameMs = performance.now();
      const loading = document.getElementById('loading');
      if (loading) loading.remove();
    });
  }
}

// The app asks for a frame at a later time (an outbox retry is due): one timer at a time.
int g_wakeup_timer = 0;
void schedule_wakeup() {
  const double delay = g_app->wakeup_in_ms();
  if (g_wakeup_timer != 0) emscripten_clear_timeout(g_wakeup_timer);
  g_wakeup_timer = 0;
  if (delay > 0)
    g_wakeup_timer = emscripten_set_timeout([](void*) { g_wakeup_timer = 0; request_frames(1); }, delay, nullptr);
}

EM_BOOL on_animation_frame(double, void*) {
  g_frame_scheduled = false;
  render_frame();
  --g_frames_wanted;
  if (g_app->take_redraw_request()) g_frames_wanted = std::max(g_frames_wanted, kFramesPerEvent);
  // Events still queued (trickled to later frames) need their frames.
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) g_frames_wanted = std::max(g_frames_wanted, 1);
  if (g_frames_wanted > 0) request_frames(g_frames_wanted);
  schedule_wakeup();
  return EM_FALSE;
}

// [SECTION] Input: every event asks for frames; ImGui's backend chains these callbacks.
void on_mouse_button(GLFWwindow*, int, int, int) { request_frames(); }
void on_scroll(GLFWwindow*, double, double) { request_frames(); }
// ImGui 1.87+ queues key events and trickles a press and its release over two frames, so a
// quick tap between two frames is no longer lost (1.86 needed the releases held back here).
void on_key(GLFWwindow*, int, int, int, int) { request_frames(kFramesPerKey); }
void on_char(GLFWwindow*, unsigned int) { request_frames(kFramesPerCharacter); }
void on_cursor_enter(GLFWwindow*, int) { request_frames(); }
void on_window_focus(GLFWwindow*, int) { request_frames(); }
void on_cursor_pos(GLFWwindow*, double, double) { request_frames(); }

// The canvas follows the window: its CSS size is the window's (see index.html), its pixel
// size that times the pixel ratio; GLFW's window size follows. Not glfwSetWindowSize: Emscripten's GLFW goes fullscreen when the size
// asked equals the screen's, which a maximised or headless browser window does.
void fit_canvas_to_window(int width, int height) {
  const int pixel_width = std::max(1, static_cast<int>(static_cast<float>(width) * g_pixel_ratio));
  const int pixel_height = std::max(1, static_cast<int>(static_cast<float>(height) * g_pixel_ratio));
  EM_ASM({ Browser.setCanvasSize($0, $1); }, pixel_width, pixel_height);
}

EM_BOOL on_resize(int, const EmscriptenUiEvent* event, void*) {
  fit_canvas_to_window(event->windowInnerWidth, event->windowInnerHeight);
  request_frames();
  return EM_FALSE;
}

// [SECTION] Font: DejaVu Sans for Latin, Latin-1, Latin Extended-A, punctuation and arrows.
// index.html starts downloading it with the page (window.tesseraFont), in parallel with
// app.js and app.wasm; tessera_font_loaded receives its bytes, or nothing if it failed.
void use_font(void* data, std::size_t size) {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF, 0};
  ImGuiIO& io = ImGui::GetIO();
  if (data != nullptr && size > 0) {
    ImFontConfig body;
    body.OversampleH = 2;  // the atlas owns `data` (malloc'ed) and frees it
    io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(size), 17.0f * g_pixel_ratio, &body, kRanges);
    ImFontConfig heading = body;  // the second font, for titles, reads the same bytes
    heading.FontDataOwnedByAtlas = false;
    io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(size), 23.0f * g_pixel_ratio, &heading, kRanges);
  } else {
    io.Fonts->AddFontDefault();
  }
  g_font_ready = true;
  request_frames();
}

void await_font() {
  EM_ASM({
    const deliver = (buffer) => {
      if (!buffer || !buffer.byteLength) return _tessera_font_loaded(0, 0);
      const bytes = new Uint8Array(buffer);
      const pointer = _malloc(bytes.length);
      HEAPU8.set(bytes, pointer);
      _tessera_font_loaded(pointer, bytes.length);
    };
    (window.tesseraFont || Promise.resolve(null)).then(deliver, () => deliver(null));
  });
}

// The browser's language tags, "fr-FR,fr,en" (a malloc'd string; no eval, so the page
// works under a Content-Security-Policy without 'unsafe-eval').
EM_JS(char*, tessera_browser_language_tags, (), {
  const tags = (navigator.languages && navigator.languages.length ? navigator.languages.join(',') : navigator.language) || '';
  const size = lengthBytesUTF8(tags) + 1;
  const pointer = _malloc(size);
  stringToUTF8(tags, pointer, size);
  return pointer;
});

tessera::Language browser_language() {
  char* tags = tessera_browser_language_tags();
  const tessera::Language language = tessera::language_from_tag(tags != nullptr ? tags : "");
  std::free(tags);
  return language;
}

void set_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.FrameRounding = 4.0f;
  style.FrameBorderSize = 1.0f;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.ScaleAllSizes(g_pixel_ratio);
}

}  // namespace

// [SECTION] Test hook, called from the page's JavaScript (window.tesseraTest in index.html)
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* tessera_test_rect(const char* id) {
  static std::string answer;
  answer.clear();
  if (!g_app || id == nullptr) return answer.c_str();
  if (const auto rect = g_app->widget_rect(id))
    answer = nlohmann::json{{"x", rect->x / g_pixel_ratio},
                            {"y", rect->y / g_pixel_ratio},
                            {"w", rect->w / g_pixel_ratio},
                            {"h", rect->h / g_pixel_ratio}}
                 .dump();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void tessera_font_loaded(void* data, int size) {
  use_font(data, size > 0 ? static_cast<std::size_t>(size) : 0);
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
}

// [SECTION] The app and its ports: what the page tells it asks for a frame.
void make_app(std::uint64_t seed) {
  using namespace tessera::client;
  g_api = make_fetch_api([] { request_frames(); });
  g_ports = make_web_ports(WebPortEvents{
      .address_changed = [](const std::string& address) { g_app->on_address_changed(address); },
      .online_changed = [](bool online) { g_app->on_online_changed(online); },
      .visible = [] { g_app->on_visible(); },
      .update_available = [] { g_app->on_update_available(); },
      .wake = [] { request_frames(); },
  });
  g_app = std::make_unique<App>(Ports{*g_api, *g_ports.storage, *g_ports.events, *g_ports.browser}, browser_language(),
                                seed);
}

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_pixel_ratio = std::clamp(static_cast<float>(emscripten_get_device_pixel_ratio()), 1.0f, 3.0f);
  double width = 0, height = 0;
  emscripten_get_element_css_size("#canvas", &width, &height);
  g_window = glfwCreateWindow(100, 100, "Tessera", nullptr, nullptr);
  if (g_window == nullptr) return 1;
  fit_canvas_to_window(static_cast<int>(width), static_cast<int>(height));
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames forever
  set_style();

  // Ours first: ImGui's backend keeps them and calls them after its own.
  glfwSetMouseButtonCallback(g_window, on_mouse_button);
  glfwSetScrollCallback(g_window, on_scroll);
  glfwSetKeyCallback(g_window, on_key);
  glfwSetCharCallback(g_window, on_char);
  glfwSetCursorEnterCallback(g_window, on_cursor_enter);
  glfwSetWindowFocusCallback(g_window, on_window_focus);
  glfwSetCursorPosCallback(g_window, on_cursor_pos);
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);

  const auto seed = static_cast<std::uint64_t>(std::random_device{}()) << 32 ^
                    static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  make_app(seed);
  g_app->start();
  await_font();
  return 0;
}
