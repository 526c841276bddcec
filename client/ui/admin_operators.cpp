// The staff: operators and admins with the languages they answer in (an operator's queue
// holds the tickets in those languages), each member's languages to change and a Disable
// (confirmed first: their sessions end, their tickets stay) or Enable; and the form that creates
// one — name, email, a first password (the sign-up's rules), languages, and whether they are an admin.
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

std::string member_text(App& app, const StaffMember& member) {
  std::string text = std::string(app.text("admin.role." + member.role)) + " · " + languages_text(app, member.languages);
  if (member.disabled) text += " · " + std::string(app.text("admin.operators.disabled_mark"));
  return text;
}

void member_actions(App& app, const StaffMember& member) {
  const std::string id = "operator." + std::to_string(member.id);
  if (secondary_button(app, id + ".edit", "admin.operators.edit")) admin::edit_operator(app, member.id);
  if (member.disabled) {
    same_line_if_fits(std::string(app.text("admin.operators.enable")));
    if (secondary_button(app, id + ".enable", "admin.operators.enable")) admin::set_operator_disabled(app, member.id, false);
  } else if (member.id != (app.session.me ? app.session.me->user.id : 0)) {  // nobody disables themselves
    same_line_if_fits(std::string(app.text("admin.operators.disable")));
    if (secondary_button(app, id + ".disable", "admin.operators.disable")) admin::set_operator_disabled(app, member.id, true);
  }
}

// Under the list: the languages of the member being edited, or the disabling to confirm.
void member_panel(App& app) {
  auto& area = app.admin.operators;
  const StaffMember* member = nullptr;
  for (const auto& candidate : area.staff)
    if (candidate.id == area.editing || candidate.id == area.confirming_disable) member = &candidate;
  if (!member) return;
  ImGui::Spacing();
  if (area.editing == member->id) {
    with_title_font([&] {
      recorded_text(app, "operator_edit.title", app.format("admin.operators.edit_title", {{"name", member->name}}));
    });
    checkbox(app, "operator_edit.language.fr", "language.fr", area.edit_fr);
    same_line_if_fits(std::string(app.text("language.en")), true);
    checkbox(app, "operator_edit.language.en", "language.en", area.edit_en);
    same_line_if_fits(std::string(app.text("language.es")), true);
    checkbox(app, "operator_edit.language.es", "language.es", area.edit_es);
    field_error(app, "operator_edit.languages");
    help_text(std::string(app.text("admin.operators.languages_help")));
    if (submit_button(app, "operator_edit.save", "admin.operators.save_languages", "admin.operator_update"))
      admin::save_operator_languages(app);
  } else {
    notice_banner(app, "operator_edit.confirm", app.format("admin.operators.disable_confirm", {{"name", member->name}}),
                  Tone::warning);
    if (danger_button(app, "operator_edit.disable_yes", "admin.operators.disable", "admin.operator_update"))
      admin::confirm_disable_operator(app);
  }
  ImGui::SameLine();
  if (secondary_button(app, "operator_edit.cancel", "common.cancel")) admin::close_operator_edit(app);
  field_error(app, "operator_edit.disabled");
  field_error(app, "operator_edit.save");
  ImGui::Spacing();
}

void staff_list(App& app) {
  const auto& area = app.admin.operators;
  if (!draw_list_state(app, area.loaded, "admin.operators", area.staff.empty(), "admin.operators.empty")) return;
  if (!area.changed.empty()) notice_banner(app, "operators.changed", area.changed, Tone::success);
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
  if (compact_layout()) {
    for (const auto& member : area.staff) {
      recorded_text(app, "operator." + std::to_string(member.id) + ".name", member.name);
      ImGui::TextDisabled("%s", member.email.c_str());
      recorded_text(app, "operator." + std::to_string(member.id) + ".about", member_text(app, member), true);
      member_actions(app, member);
      ImGui::Separator();
    }
    member_panel(app);
    return;
  }
  if (ImGui::BeginTable("##staff", 4, kFlags)) {
    ImGui::TableSetupColumn(std::string(app.text("admin.operators.name")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("admin.operators.email")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("admin.operators.role")).c_str());
    ImGui::TableSetupColumn(std::string(app.text("admin.operators.actions")).c_str());
    ImGui::TableHeadersRow();
    for (const auto& member : area.staff) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      recorded_text(app, "operator." + std::to_string(member.id) + ".name", member.name);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(member.email.c_str());
      ImGui::TableNextColumn();
      recorded_text(app, "operator." + std::to_string(member.id) + ".about", member_text(app, member), true);
      ImGui::TableNextColumn();
      member_actions(app, member);
    }
    ImGui::EndTable();
  }
  member_panel(app);
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
