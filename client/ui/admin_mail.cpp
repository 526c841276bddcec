// The admin's outbox (SPEC §1.13): every mail the server wrote, newest first — when, what kind,
// to whom, its subject, whether it is waiting, sent or failed, its attempts, the next one and
// the SMTP server's last reason — filtered by state with the counts of each, a banner when no
// SMTP server is configured, and "Send again" for a failed mail.
#include <string>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

std::string kind_text(App& app, const std::string& kind) {
  for (const auto known : mail::kKinds)
    if (known == kind) return std::string(app.text("mail.kind." + kind));
  return kind;  // a kind newer than this client: its name
}

std::string state_text(App& app, const std::string& state) {
  for (const auto known : mail::kStates)
    if (known == state) return std::string(app.text("mail.state." + state));
  return state;
}

Tone state_tone(const std::string& state) {
  return state == "failed" ? Tone::danger : state == "sent" ? Tone::success : Tone::warning;
}

// "Next attempt": when a waiting mail goes out again; when a sent one went.
std::string next_text(App& app, const OutboxMail& mail) {
  if (mail.state == "sent" && mail.sent_at) return app.format("admin.mail.sent_at", {{"date", app.local_time(*mail.sent_at)}});
  if (mail.state == "pending" && mail.next_attempt_at > 0) return app.local_time(mail.next_attempt_at);
  return "—";
}

void filters(App& app) {
  const auto& outbox = app.mail.outbox;
  const std::int64_t counts[] = {outbox.pending, outbox.sent, outbox.failed};
  const auto filter_button = [&](std::string_view state, std::int64_t count, bool first) {
    const std::string id = "mail.filter." + std::string(state.empty() ? "all" : state);
    const std::string text =
        app.format("admin.mail.filter", {{"state", std::string(app.text(state.empty() ? "admin.mail.all" : "mail.state." + std::string(state)))},
                                         {"count", std::to_string(count)}});
    if (!first) same_line_if_fits(text);
    const bool current = outbox.filter == state;
    if (current) push_button_style(ButtonStyle::primary);
    const bool pressed = button_with_text(app, id, text);
    if (current) pop_button_style();
    if (pressed) mail::show_outbox(app, state);
  };
  filter_button("", outbox.pending + outbox.sent + outbox.failed, true);
  for (std::size_t i = 0; i < std::size(mail::kStates); ++i) filter_button(mail::kStates[i], counts[i], false);
}

void empty_state(App& app) {
  const auto& filter = app.mail.outbox.filter;
  recorded_text(app, "mail.empty", std::string(app.text(filter.empty() ? "admin.mail.empty" : "admin.mail.empty_" + filter)), true);
}

void retry_button(App& app, const OutboxMail& mail) {
  if (mail.state != "failed") return;
  ImGui::BeginDisabled(app.busy("mail.retry"));
  if (button(app, "mail.retry." + std::to_string(mail.id), "admin.mail.retry")) mail::retry(app, mail.id);
  ImGui::EndDisabled();
}

void mail_table(App& app) {
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##mails", 9, kFlags)) return;
  for (const char* key : {"admin.mail.created", "admin.mail.kind", "admin.mail.to", "admin.mail.subject", "admin.mail.state",
                          "admin.mail.attempts", "admin.mail.next", "admin.mail.reason"})
    ImGui::TableSetupColumn(std::string(app.text(key)).c_str());
  ImGui::TableSetupColumn("##retry", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  const auto cell = [] {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
  };
  for (const auto& mail : app.mail.outbox.mails) {
    const std::string row = "mail." + std::to_string(mail.id);
    ImGui::TableNextRow();
    cell();
    ImGui::TextUnformatted(app.local_time(mail.created_at).c_str());
    cell();
    ImGui::TextWrapped("%s", kind_text(app, mail.kind).c_str());
    cell();
    ImGui::TextWrapped("%s", mail.to.c_str());
    cell();
    ImGui::TextWrapped("%s", mail.subject.c_str());
    cell();
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(state_tone(mail.state)));
    recorded_text(app, row + ".state", state_text(app, mail.state));
    ImGui::PopStyleColor();
    cell();
    ImGui::Text("%lld", static_cast<long long>(mail.attempts));
    cell();
    ImGui::TextWrapped("%s", next_text(app, mail).c_str());
    cell();
    ImGui::TextWrapped("%s", mail.last_error.empty() ? "" : mail.last_error.c_str());
    cell();
    retry_button(app, mail);
  }
  ImGui::EndTable();
}

// On a phone: one block per mail, its facts on a few lines.
void mail_cards(App& app) {
  for (const auto& mail : app.mail.outbox.mails) {
    const std::string row = "mail." + std::to_string(mail.id);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(state_tone(mail.state)));
    recorded_text(app, row + ".state", state_text(app, mail.state));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s", kind_text(app, mail.kind).c_str(), app.local_time(mail.created_at).c_str());
    ImGui::TextWrapped("%s", mail.to.c_str());
    ImGui::TextWrapped("%s", mail.subject.c_str());
    help_text(app.format("admin.mail.card_attempts", {{"attempts", std::to_string(mail.attempts)}, {"next", next_text(app, mail)}}));
    if (!mail.last_error.empty()) help_text(app.format("admin.mail.card_reason", {{"reason", mail.last_error}}));
    retry_button(app, mail);
    ImGui::Spacing();
    ImGui::Separator();
  }
}

}  // namespace

void draw_admin_mail(App& app) {
  title(app, "admin.mail.title");
  const auto& outbox = app.mail.outbox;
  help_text(std::string(app.text("admin.mail.help")));
  if (button(app, "mail.refresh", "common.refresh")) mail::load_outbox(app);
  ImGui::Spacing();
  if (!draw_list_state(app, outbox.loaded, "mail.outbox", false, {})) return;
  if (!outbox.mail_enabled) notice_banner(app, "mail.disabled", std::string(app.text("admin.mail.disabled")), Tone::warning);
  if (!outbox.retried.empty())
    notice_banner(app, "mail.retried", app.format("admin.mail.retried", {{"to", outbox.retried}}), Tone::success);
  filters(app);
  ImGui::Spacing();
  if (outbox.mails.empty()) return empty_state(app);
  if (compact_layout()) mail_cards(app);
  else mail_table(app);
}

}  // namespace tessera::client::ui
