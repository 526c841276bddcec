// FrameDriver (see frame_driver.hpp).
#include "frame_driver.hpp"

#include "platform/dom_input.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace tessera::client::testing {

namespace {
void set_mods(ImGuiIO& io, ImGuiKeyChord mods, bool down) {
  for (const ImGuiKey mod : {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super})
    if ((mods & mod) != 0) io.AddKeyEvent(mod, down);
}
}  // namespace

FrameDriver::FrameDriver(std::shared_ptr<Api> api, Language language, Device* device) : api_(std::move(api)) {
  if (device == nullptr) {
    own_device_ = std::make_unique<Device>();
    device = own_device_.get();
  }
  device_ = device;
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  platform::configure_io(io);  // as the browser platform does
  io.DisplaySize = ImVec2(1280.0f, 1000.0f);
  io.DeltaTime = 1.0f / 60.0f;
  ui::apply_theme();
  // Dear ImGui's own font at the text styles' sizes: the same layout rules without a font file.
  io.FontGlobalScale = ui::load_text_styles(*io.Fonts, {}, 1.0f);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas, as a renderer would
  app_ = std::make_unique<App>(Ports{*api_, device_->storage, device_->events, device_->browser}, language, 42, ui::draw_root);
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

bool FrameDriver::back() {
  if (!device_->browser.back()) return false;
  app_->on_address_changed(device_->browser.address());
  step(2);
  return true;
}

bool FrameDriver::forward() {
  if (!device_->browser.forward()) return false;
  app_->on_address_changed(device_->browser.address());
  step(2);
  return true;
}

bool FrameDriver::wait_until(const std::function<bool()>& condition, int max_frames) {
  for (int i = 0; i < max_frames; ++i) {
    if (condition()) return true;
    step();
  }
  return condition();
}

bool FrameDriver::scroll_into_view(std::string_view id) {
  const float height = ImGui::GetIO().DisplaySize.y;
  for (int turns = 0; turns < 400; ++turns) {  // long pages (20 board rows) need many
    const auto rect = app_->widget_rect(id);
    if (!rect) return false;
    const float lines = rect->y < 0.0f ? -3.0f : rect->y + rect->h > height ? 3.0f : 0.0f;
    if (lines == 0.0f) return true;
    // Over the widget's column, in the middle of the display: the window that holds it scrolls.
    scroll(ImVec2(rect->x + rect->w * 0.5f, height * 0.5f), lines);
  }
  return false;
}

bool FrameDriver::click(std::string_view id) {
  if (!scroll_into_view(id)) return false;
  const auto rect = app_->widget_rect(id);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(rect->x + rect->w * 0.5f, rect->y + rect->h * 0.5f);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  // The queue gives the press and the release a frame each; then a frame draws what the
  // click changed (as the browser does).
  step(3);
  return true;
}

bool FrameDriver::type(std::string_view id, std::string_view text) {
  if (!click(id)) return false;
  if (state()["focus"] != id) return false;
  type_text(text);
  return true;
}

void FrameDriver::press_key(ImGuiKey key, ImGuiKeyChord mods) {
  ImGuiIO& io = ImGui::GetIO();
  set_mods(io, mods, true);
  io.AddKeyEvent(key, true);
  io.AddKeyEvent(key, false);
  set_mods(io, mods, false);
  step(3);  // the press, the release, then the frame that shows the result (Tab's focus moves)
}

void FrameDriver::type_text(std::string_view text) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
  step();
}

bool FrameDriver::scroll(std::string_view id, float lines) {
  const auto rect = app_->widget_rect(id);
  if (!rect) return false;
  scroll(ImVec2(rect->x + rect->w * 0.5f, rect->y + rect->h * 0.5f), lines);
  return true;
}

void FrameDriver::scroll(ImVec2 position, float lines) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(position.x, position.y);
  // As a wheel in "lines" mode turned by `lines` (the browser platform's conversion).
  const ImVec2 wheel = platform::imgui_wheel_from_dom(0.0, lines, platform::DeltaMode::lines,
                                                      ui::text_size(ui::TextStyle::body), io.DisplaySize.y);
  io.AddMouseWheelEvent(wheel.x, wheel.y);
  step(3);  // the move, the wheel (a frame each), then the frame drawn at the new scroll
}

}  // namespace tessera::client::testing
