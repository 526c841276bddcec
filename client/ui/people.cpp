// Authorized users (the account's owner): the subscription's seats, inviting someone by email
// — mailed by the server, or with mail off the one-time link to copy and share (valid 7 days,
// used once) —, each
// user's scope (the subscription, the multi-user pack pool) changed in place, removing a
// user (after a confirmation), and the pending invitations to withdraw.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void heading(App& app, std::string_view key) {
  ImGui::Spacing();
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text(key)).c_str()); });
}

std::string scope_text(App& app, const MemberScope& scope) {
  std::string text;
  if (scope.subscription) text = std::string(app.text("people.scope_subscription"));
  if (scope.pool) text += (text.empty() ? "" : " · ") + std::string(app.text("people.scope_pool"));
  return text.empty() ? std::string(app.text("people.scope_none")) : text;
}

void invite_form(App& app) {
  auto& area = app.people;
  heading(app, "people.invite_heading");
  help_text(std::string(app.text("people.invite_help")));
  bool submit = text_field(app, "people.invite_email", "people.invite_email", area.invite_email, "email");
  checkbox(app, "people.invite_subscription", "people.scope_subscription", area.invite_scope.subscription);
  help_text(std::string(app.text("people.scope_subscription_help")));
  checkbox(app, "people.invite_pool", "people.scope_pool", area.invite_scope.pool);
  help_text(std::string(app.text("people.scope_pool_help")));
  field_error(app, "scope");
  if (app.offline()) help_text(std::string(app.text("people.needs_connection")));
  ImGui::BeginDisabled(app.offline());
  submit |= submit_button(app, "people.invite", "people.invite", "people.invite");
  ImGui::EndDisabled();
  if (submit && !app.offline() && !app.busy("people.invite")) people::invite(app);

  if (!area.sent_by_mail.empty()) {
    ImGui::Spacing();
    notice_banner(app, "people.sent_by_mail", app.format("people.sent_by_mail", {{"email", area.sent_by_mail}}),
                  Tone::success);
  }
  if (!area.created) return;
  ImGui::Spacing();
  notice_banner(app, "people.link_ready", app.format("people.link_ready", {{"email", area.created->email}}),
                Tone::success);
  ImGui::SetNextItemWidth(-1.0f);
  std::string shown = area.created->link;  // read-only: select it, or Copy
  ImGui::InputText("##people.link", &shown, ImGuiInputTextFlags_ReadOnly);
  record_item(app, "people.link");
  app.record().texts["people.link"] = area.created->link;
  if (submit_button(app, "people.copy_link", "people.copy_link")) people::copy_link(app);
  if (area.link_copied) {
    ImGui::SameLine();
    notice_banner(app, "people.link_copied", std::string(app.text("people.link_copied")), Tone::success);
  }
  help_text(app.format("people.link_once", {{"date", app.local_time(area.created->expires_at)}}));
}

void member_row(App& app, const wire::AccountMember& member) {
  auto& area = app.people;
  const std::string id = "people.user." + std::to_string(member.id);
  ImGui::PushID(id.c_str());
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s — %s", member.name.c_str(), member.email.c_str());
  if (member.owner) {
    help_text(std::string(app.text("people.owner")));
    ImGui::PopID();
    return;
  }
  help_text(app.format("people.added_on", {{"date", app.local_time(member.added_at)}}));
  MemberScope scope = member.scope;
  const bool busy = app.busy("people.scope");
  ImGui::BeginDisabled(busy || app.offline());
  bool changed = false;
  if (ImGui::Checkbox(label(app.text("people.scope_subscription"), id + ".subscription").c_str(), &scope.subscription))
    changed = true;
  record_item(app, id + ".subscription");
  if (!compact_layout()) ImGui::SameLine();
  if (ImGui::Checkbox(label(app.text("people.scope_pool"), id + ".pool").c_str(), &scope.pool)) changed = true;
  record_item(app, id + ".pool");
  ImGui::EndDisabled();
  if (changed) people::set_scope(app, member.id, scope);
  if (area.confirm_remove == member.id) {
    notice_banner(app, id + ".confirm", app.format("people.remove_confirm", {{"name", member.name}}), Tone::warning);
    if (danger_button(app, id + ".remove_yes", "people.remove", "people.remove")) people::remove(app, member.id);
    ImGui::SameLine();
    if (secondary_button(app, id + ".remove_no", "common.cancel")) area.confirm_remove = 0;
  } else if (danger_button(app, id + ".remove", "people.remove")) {
    area.confirm_remove = member.id;
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void invitation_row(App& app, const wire::InvitationView& invitation) {
  const std::string id = "people.invitation." + std::to_string(invitation.id);
  ImGui::PushID(id.c_str());
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", invitation.email.c_str());
  help_text(app.format("people.invitation_line", {{"scope", scope_text(app, invitation.scope)},
                                                   {"date", app.local_time(invitation.expires_at)}}));
  ImGui::BeginDisabled(app.offline());
  if (secondary_button(app, id + ".withdraw", "people.withdraw") && !app.busy("people.withdraw"))
    people::withdraw(app, invitation.id);
  ImGui::EndDisabled();
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void draw_people(App& app) {
  if (secondary_button(app, "people.back", "common.back")) app.navigate("/account");
  ImGui::Spacing();
  title(app, "people.title");
  auto& area = app.people;
  if (area.people_owner_only) {
    help_text(std::string(app.text("people.owner_only")));
    return;
  }
  help_text(std::string(app.text("people.intro")));
  if (!area.notice.empty()) notice_banner(app, "people.notice", area.notice, Tone::success);
  if (area.people && area.people->subscription_user_limit > 0)
    recorded_text(app, "people.seats",
                  app.format("people.seats", {{"used", std::to_string(area.people->subscription_seats_used)},
                                              {"limit", std::to_string(area.people->subscription_user_limit)}}),
                  true);
  else if (area.people)
    help_text(std::string(app.text("people.no_subscription_seats")));
  invite_form(app);

  heading(app, "people.users_heading");
  if (!area.people) {
    if (app.busy("people.list") || !app.error) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
      recorded_text(app, "people.loading", std::string(app.text("common.loading")));
      ImGui::PopStyleColor();
    } else if (button(app, "people.retry", "people.retry")) {
      app.clear_error();
      people::load_users(app);
    }
    return;
  }
  for (const auto& member : area.people->users) member_row(app, member);
  if (area.people->users.size() <= 1) help_text(std::string(app.text("people.no_users")));

  heading(app, "people.invitations_heading");
  if (area.people->invitations.empty()) help_text(std::string(app.text("people.no_invitations")));
  for (const auto& invitation : area.people->invitations) invitation_row(app, invitation);
}

}  // namespace tessera::client::ui
