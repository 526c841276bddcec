// The staff: operators and admins with the languages they answer in (an operator's queue
// holds the tickets in those languages), and the form that creates one — name, email, a
// first password (the sign-up's rules), languages, and whether they are an admin.
#include <string>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string languages_text(App& app, const std::vector<std::string>& languages) {
  std::string text;
  for (const auto& language : languages) {
    if (!text.empty()) text += ", ";
    text += std::string(app.text("language." + language));
  }
  return text;
}

void staff_list(App& app) {
  const auto& area = app.admin.operators;
  if (!area.loaded) {
    ImGui::TextDisabled("%s", std::string(app.text(app.busy("admin.operators") ? "common.loading" : "admin.load_failed")).c_str());
    return;
  }
  if (area.staff.empty()) {
    help_text(std::string(app.text("admin.operators.empty")));
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
  if (compact_layout()) {
    for (const auto& member : area.staff) {
      recorded_text(app, "operator." + std::to_string(member.id) + ".name", member.name);
      ImGui::TextDisabled("%s", member.email.c_str());
      ImGui::TextWrapped("%s · %s", std::string(app.text("admin.role." + member.role)).c_str(),
                         languages_text(app, member.languages).c_str());
      ImGui::Separator();
    }
    return;
  }
  if (!ImGui::BeginTable("##staff", 4, kFlags)) return;
  ImGui::TableSetupColumn(std::string(app.text("admin.operators.name")).c_str());
  ImGui::TableSetupColumn(std::string(app.text("admin.operators.email")).c_str());
  ImGui::TableSetupColumn(std::string(app.text("admin.operators.role")).c_str());
  ImGui::TableSetupColumn(std::string(app.text("admin.operators.languages")).c_str());
  ImGui::TableHeadersRow();
  for (const auto& member : area.staff) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    recorded_text(app, "operator." + std::to_string(member.id) + ".name", member.name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(member.email.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(app.text("admin.role." + member.role)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", languages_text(app, member.languages).c_str());
  }
  ImGui::EndTable();
}

void create_form(App& app) {
  auto& form = app.admin.operators.form;
  with_title_font([&] { recorded_text(app, "operators.new", std::string(app.text("admin.operators.new"))); });
  text_field(app, "operator.name", "admin.operators.name", form.name, "operator.name");
  text_field(app, "operator.email", "admin.operators.email", form.email, "operator.email");
  text_field(app, "operator.password", "admin.operators.password", form.password, "operator.password",
             ImGuiInputTextFlags_Password);
  help_text(std::string(app.text("admin.operators.password_help")));
  ImGui::TextUnformatted(std::string(app.text("admin.operators.languages")).c_str());
  checkbox(app, "operator.language.fr", "language.fr", form.speaks_fr);
  ImGui::SameLine();
  checkbox(app, "operator.language.en", "language.en", form.speaks_en);
  ImGui::SameLine();
  checkbox(app, "operator.language.es", "language.es", form.speaks_es);
  field_error(app, "operator.languages");
  help_text(std::string(app.text("admin.operators.languages_help")));
  checkbox(app, "operator.admin", "admin.operators.is_admin", form.admin);
  ImGui::Spacing();
  if (submit_button(app, "operator.submit", "admin.operators.create", "admin.operator_create"))
    admin::create_operator(app);
  field_error(app, "operator.save");
  field_error(app, "operator.role");
}

}  // namespace

void draw_admin_operators(App& app) {
  title(app, "admin.operators.title");
  if (!app.admin.operators.created.empty())
    notice_banner(app, "operators.created", app.format("admin.operators.created", {{"email", app.admin.operators.created}}),
                  Tone::success);
  staff_list(app);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  create_form(app);
}

}  // namespace tessera::client::ui
