// FrameDriver (see frame_driver.hpp).
#include "frame_driver.hpp"

#include <imgui.h>

namespace tessera::client::testing {

namespace {
constexpr int kEnterKey = 257;  // any index of io.KeysDown; GLFW's numbers for Enter and Tab
constexpr int kTabKey = 258;

void press(int key, FrameDriver& driver) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  driver.step();
  io.KeysDown[key] = false;
  driver.step(2);
}
}

FrameDriver::FrameDriver(std::unique_ptr<Api> api, Language language) : api_(std::move(api)) {
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;
  io.DisplaySize = ImVec2(1280.0f, 1000.0f);
  io.DeltaTime = 1.0f / 60.0f;
  io.KeyMap[ImGuiKey_Enter] = kEnterKey;
  io.KeyMap[ImGuiKey_Tab] = kTabKey;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->AddFontDefault();
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas, as a renderer would
  app_ = std::make_unique<App>(*api_, language, 42);
  app_->start();
  step();
}

FrameDriver::~FrameDriver() {
  app_.reset();
  ImGui::DestroyContext(context_);
}

void FrameDriver::step(int count) {
  ImGui::SetCurrentContext(context_);
  for (int i = 0; i < count; ++i) {
    api_->poll();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    app_->frame();
  }
}

bool FrameDriver::wait_until(const std::function<bool()>& condition, int max_frames) {
  for (int i = 0; i < max_frames; ++i) {
    if (condition()) return true;
    step();
  }
  return condition();
}

bool FrameDriver::click(std::string_view id) {
  const auto rect = app_->widget_rect(id);
  if (!rect) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(rect->x + rect->w * 0.5f, rect->y + rect->h * 0.5f);
  io.MouseDown[0] = true;
  step();
  io.MouseDown[0] = false;
  step(2);  // the release, then a frame that draws what the click changed (as the browser does)
  return true;
}

bool FrameDriver::type(std::string_view id, std::string_view text) {
  if (!click(id)) return false;
  if (state()["focus"] != id) return false;
  type_text(text);
  return true;
}

void FrameDriver::press_enter() { press(kEnterKey, *this); }
void FrameDriver::press_tab() { press(kTabKey, *this); }

void FrameDriver::type_text(std::string_view text) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
  step();
}

}  // namespace tessera::client::testing
