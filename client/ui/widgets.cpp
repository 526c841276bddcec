// Bodies of the widgets with a test id (see widgets.hpp).
#include "ui/widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include "ui/theme.hpp"

namespace tessera::client::ui {

namespace {
void show_error(App& app, const Error& error) {
  app.record().error_shown = true;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
  ImGui::TextWrapped("%s", app.error_text(error).c_str());
  ImGui::PopStyleColor();
}
}  // namespace

std::string label(std::string_view text, std::string_view id) {
  std::string out(text);
  out += "##";
  out += id;
  return out;
}

void record_item(App& app, std::string_view id) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  app.record().rects[std::string(id)] = WidgetRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void recorded_text(App& app, std::string_view id, const std::string& text, bool wrapped) {
  if (wrapped)
    ImGui::TextWrapped("%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
  app.record().texts[std::string(id)] = text;
}

void with_title_font(const std::function<void()>& draw) {
  push_text_style(TextStyle::heading);
  draw();
  pop_text_style();
}

void title(App& app, std::string_view key) {
  with_title_font([&] { recorded_text(app, "title", std::string(app.text(key))); });
  ImGui::Spacing();
}

bool button_with_text(App& app, std::string_view id, const std::string& text) {
  const bool pressed = ImGui::Button(label(text, id).c_str());
  record_item(app, id);
  return pressed;
}

bool button(App& app, std::string_view id, std::string_view key) {
  return button_with_text(app, id, std::string(app.text(key)));
}

bool submit_button(App& app, std::string_view id, std::string_view key, std::string_view busy_kind) {
  const bool busy = !busy_kind.empty() && app.busy(busy_kind);
  ImGui::BeginDisabled(busy);
  push_button_style(ButtonStyle::primary);
  const bool pressed = button(app, id, key);
  pop_button_style();
  ImGui::EndDisabled();
  return pressed && !busy;
}

bool secondary_button(App& app, std::string_view id, std::string_view key) { return button(app, id, key); }

bool danger_button(App& app, std::string_view id, std::string_view key, std::string_view busy_kind) {
  const bool busy = !busy_kind.empty() && app.busy(busy_kind);
  ImGui::BeginDisabled(busy);
  push_button_style(ButtonStyle::danger);
  const bool pressed = button(app, id, key);
  pop_button_style();
  ImGui::EndDisabled();
  return pressed && !busy;
}

ImVec4 tone_colour(Tone tone) {
  switch (tone) {
    case Tone::info: return palette().brand;
    case Tone::success: return palette().success;
    case Tone::warning: return palette().warning;
    case Tone::danger: return palette().danger;
  }
  return palette().text;
}

void notice_banner(App& app, std::string_view id, const std::string& text, Tone tone) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  record_item(app, id);
  app.record().texts[std::string(id)] = text;
}

void same_line_if_fits(const std::string& text, bool radio) {
  const auto& style = ImGui::GetStyle();
  const float text_width = ImGui::CalcTextSize(text.c_str(), nullptr, true).x;
  const float width = radio ? ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + text_width : text_width + 2 * style.FramePadding.x;
  const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

void help_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

bool text_field(App& app, std::string_view id, std::string_view key, std::string& value, std::string_view field,
                ImGuiInputTextFlags flags) {
  ImGui::TextWrapped("%s", std::string(app.text(key)).c_str());  // a long label wraps on a phone
  ImGui::SetNextItemWidth(-1.0f);
  const bool entered = ImGui::InputText(label("", id).c_str(), &value, flags | ImGuiInputTextFlags_EnterReturnsTrue);
  record_item(app, id);
  if (ImGui::IsItemActive()) app.record().focus = std::string(id);
  const bool secret = (flags & ImGuiInputTextFlags_Password) != 0;
  app.record().fields[std::string(id)] = secret ? std::string(value.size(), '*') : value;
  field_error(app, field);
  ImGui::Spacing();
  return entered;
}

void multiline_field(App& app, std::string_view id, std::string_view key, std::string& value, std::string_view field,
                     float lines) {
  ImGui::TextWrapped("%s", std::string(app.text(key)).c_str());  // a long label wraps on a phone
  ImGui::InputTextMultiline(label("", id).c_str(), &value,
                            ImVec2(-1.0f, ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2));
  record_item(app, id);
  if (ImGui::IsItemActive()) app.record().focus = std::string(id);
  app.record().fields[std::string(id)] = value;
  field_error(app, field);
  ImGui::Spacing();
}

void checkbox(App& app, std::string_view id, std::string_view key, bool& value) {
  ImGui::Checkbox(label(app.text(key), id).c_str(), &value);
  record_item(app, id);
}

void field_error(App& app, std::string_view field) {
  const auto& error = app.error;
  if (error && !field.empty() && error->field == field) show_error(app, *error);
}

void error_banner(App& app) {
  const auto& error = app.error;
  if (!error || app.record().error_shown) return;
  show_error(app, *error);
}

bool draw_list_state(App& app, bool loaded, std::string_view request_kind, bool empty, std::string_view empty_key) {
  if (!loaded) {
    ImGui::TextDisabled("%s", std::string(app.text(app.busy(request_kind) ? "common.loading" : "admin.load_failed")).c_str());
    return false;
  }
  if (empty) {
    help_text(std::string(app.text(empty_key)));
    return false;
  }
  return true;
}

}  // namespace tessera::client::ui
