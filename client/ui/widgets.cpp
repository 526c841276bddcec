// Bodies of the widgets with a test id (see widgets.hpp).
#include "ui/widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

namespace tessera::client::ui {

namespace {
const ImVec4 kErrorColor{0.75f, 0.05f, 0.05f, 1.0f};

void show_error(App& app, const Error& error) {
  app.record().error_shown = true;
  ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
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
  const auto& fonts = ImGui::GetIO().Fonts->Fonts;
  if (fonts.Size > 1) {
    ImGui::PushFont(fonts[1]);
    draw();
    ImGui::PopFont();
  } else {
    ImGui::SetWindowFontScale(1.35f);
    draw();
    ImGui::SetWindowFontScale(1.0f);
  }
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
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.16f, 0.38f, 0.72f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.22f, 0.45f, 0.80f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.12f, 0.30f, 0.62f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = button(app, id, key);
  ImGui::PopStyleColor(4);
  ImGui::EndDisabled();
  return pressed && !busy;
}

bool secondary_button(App& app, std::string_view id, std::string_view key) { return button(app, id, key); }

ImVec4 tone_colour(Tone tone) {
  switch (tone) {
    case Tone::info: return ImVec4(0.10f, 0.33f, 0.65f, 1.0f);
    case Tone::success: return ImVec4(0.09f, 0.45f, 0.20f, 1.0f);
    case Tone::warning: return ImVec4(0.62f, 0.38f, 0.0f, 1.0f);
    case Tone::danger: return kErrorColor;
  }
  return kErrorColor;
}

void notice_banner(App& app, std::string_view id, const std::string& text, Tone tone) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  record_item(app, id);
  app.record().texts[std::string(id)] = text;
}

void help_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

bool text_field(App& app, std::string_view id, std::string_view key, std::string& value, std::string_view field,
                ImGuiInputTextFlags flags) {
  ImGui::TextUnformatted(std::string(app.text(key)).c_str());
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
  ImGui::TextUnformatted(std::string(app.text(key)).c_str());
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

}  // namespace tessera::client::ui
