// Widgets with a test id: each draws a Dear ImGui widget whose ImGui id is the stable test
// id ("signup.submit"), whatever the language of its label, and records the widget's screen
// rectangle (and a text field's content) in the frame record for the test hook.
#pragma once
#include <imgui.h>

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "app.hpp"

namespace tessera::client::ui {

// "Shown text##id": ImGui shows the text and identifies the widget by the id.
std::string label(std::string_view text, std::string_view id);

void record_item(App& app, std::string_view id);  // the last item's rectangle under `id`

// Shows a text and keeps it in the record under `id` (tests read texts["title"]).
void recorded_text(App& app, std::string_view id, const std::string& text, bool wrapped = false);
void title(App& app, std::string_view key);
// Draws `draw` in the title font: the atlas's second font if the platform loaded one, else
// the body font scaled up.
void with_title_font(const std::function<void()>& draw);

bool button(App& app, std::string_view id, std::string_view key);
bool button_with_text(App& app, std::string_view id, const std::string& text);
// The screen's main action, in the accent colour; disabled while a request of `busy_kind`
// runs (other calls in flight, the event stream among them, leave it enabled).
bool submit_button(App& app, std::string_view id, std::string_view key, std::string_view busy_kind = {});
// A secondary action, drawn quieter than the primary one.
bool secondary_button(App& app, std::string_view id, std::string_view key);
// A destructive action (cancel a subscription, remove a user): in the danger colour.
bool danger_button(App& app, std::string_view id, std::string_view key, std::string_view busy_kind = {});

enum class Tone { info, success, warning, danger };
ImVec4 tone_colour(Tone tone);
// A line of coloured text, wrapped by words, recorded under `id` for the tests.
void notice_banner(App& app, std::string_view id, const std::string& text, Tone tone);
// Greyed, wrapped help text under a heading or a field.
void help_text(const std::string& text);

// Between two buttons (or radio buttons) of a row: the next one, showing `text`, stays on the
// line when it fits there, else it starts the next line (a phone's narrow screen wraps the row).
void same_line_if_fits(const std::string& text, bool radio = false);

// A labelled single-line field (label above, full width); `field` is its name in the API's
// error answers, so its error shows right under it. True when Enter was pressed in it.
bool text_field(App& app, std::string_view id, std::string_view key, std::string& value, std::string_view field,
                ImGuiInputTextFlags flags = 0);
void multiline_field(App& app, std::string_view id, std::string_view key, std::string& value, std::string_view field,
                     float lines);
void checkbox(App& app, std::string_view id, std::string_view key, bool& value);

// A row of radio buttons for an enumeration; each one's id is "<id>.<value>".
template <class Enum>
void radio_row(App& app, std::string_view id, std::string_view key, std::string_view value_key_prefix, Enum& value,
               std::initializer_list<Enum> choices, std::string_view field);

void field_error(App& app, std::string_view field);  // the current error, if it is about `field`
void error_banner(App& app);  // the current error, unless a field of this frame showed it already

// [SECTION] Template bodies
template <class Enum>
void radio_row(App& app, std::string_view id, std::string_view key, std::string_view value_key_prefix, Enum& value,
               std::initializer_list<Enum> choices, std::string_view field) {
  ImGui::TextWrapped("%s", std::string(app.text(key)).c_str());  // a long label wraps on a phone
  bool first = true;
  for (const Enum choice : choices) {
    const auto name = std::string(to_string(choice));
    const auto item_id = std::string(id) + "." + name;
    const auto text = std::string(app.text(std::string(value_key_prefix) + name));
    if (!first) same_line_if_fits(text, true);
    first = false;
    if (ImGui::RadioButton(label(text, item_id).c_str(), value == choice)) value = choice;
    record_item(app, item_id);
  }
  field_error(app, field);
  ImGui::Spacing();
}

// A list's states before its rows: loading (or, once its request `request_kind` is over without
// data, the admin's "could not load" text) until `loaded`, then `empty_key`'s text when there is
// nothing. True when the rows are to be drawn.
bool draw_list_state(App& app, bool loaded, std::string_view request_kind, bool empty, std::string_view empty_key);

}  // namespace tessera::client::ui
