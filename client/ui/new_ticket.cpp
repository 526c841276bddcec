// New ticket: subject, description, category, criticality, language and how it is funded.
// While the subject is typed, the FAQ answers that fit it are offered (a question the FAQ
// answers needs no ticket). The funding choices are what the account holds, each with what
// it will cost. What is typed is a draft kept on the device (it survives a reload, or the
// browser closing); submitting checks it as the server will, then queues it in the outbox,
// which sends it now or once online.
#include <algorithm>

#include "tessera/faq_match.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void faq_suggestions(App& app, const std::string& subject) {
  const auto matches = match_faq(subject, app.language);
  app.record().texts["ticket.faq"] = std::to_string(matches.size());
  if (matches.empty()) return;
  notice_banner(app, "ticket.faq_heading", std::string(app.text("ticket.faq_heading")), Tone::info);
  for (const int number : matches) {
    const std::string key = "faq.q" + std::to_string(number);
    const std::string id = "ticket.faq." + std::to_string(number);
    if (ImGui::CollapsingHeader(label(app.text(key + ".question"), id).c_str())) help_text(std::string(app.text(key + ".answer")));
    record_item(app, id);
  }
  ImGui::Spacing();
}

std::string funding_text(App& app, FundingSource source, const wire::Balances& balances) {
  const std::string name(to_string(source));
  return app.format("ticket.funding." + name,
                    {{"units", std::to_string(balances.units_available)},
                     {"minutes", std::to_string(source == FundingSource::trial ? balances.trial_minutes_left
                                                                                : balances.bank_minutes_available)},
                     {"date", balances.subscription_period_end > 0 ? app.local_time(balances.subscription_period_end) : ""}});
}

void funding_choice(App& app, wire::TicketDraft& form) {
  if (!app.session.me) return;
  const auto& balances = app.session.me->balances;
  const auto& options = balances.funding_options;
  ImGui::TextUnformatted(std::string(app.text("ticket.funding")).c_str());
  if (options.empty()) {
    notice_banner(app, "ticket.no_funding", std::string(app.text("ticket.no_funding")), Tone::warning);
    field_error(app, "funding");
    ImGui::Spacing();
    return;
  }
  // A choice the account no longer holds falls back to the default order.
  if (form.funding && std::find(options.begin(), options.end(), *form.funding) == options.end()) form.funding.reset();
  const FundingSource current = form.funding.value_or(options.front());
  for (const FundingSource source : options) {
    const std::string id = "ticket.funding." + std::string(to_string(source));
    if (ImGui::RadioButton(label(funding_text(app, source, balances), id).c_str(), current == source))
      form.funding = source;
    record_item(app, id);
  }
  if (options.size() > 1) help_text(std::string(app.text("ticket.funding_fixed")));
  field_error(app, "funding");
  ImGui::Spacing();
}

// A row of radio buttons that goes on to the next line when the next one does not fit (a
// phone's width), with the ids of radio_row ("<id>.<value>").
template <class Enum>
void choice_row(App& app, std::string_view id, std::string_view key, std::string_view value_key_prefix, Enum& value,
                std::initializer_list<Enum> choices, std::string_view field) {
  ImGui::TextUnformatted(std::string(app.text(key)).c_str());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const Enum choice : choices) {
    const auto name = std::string(to_string(choice));
    const auto item_id = std::string(id) + "." + name;
    const auto text = std::string(app.text(std::string(value_key_prefix) + name));
    const float width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    first = false;
    if (ImGui::RadioButton(label(text, item_id).c_str(), value == choice)) value = choice;
    record_item(app, item_id);
  }
  field_error(app, field);
  ImGui::Spacing();
}

}  // namespace

void draw_new_ticket(App& app) {
  auto& form = app.tickets.new_ticket;
  title(app, "ticket.new_title");
  bool submit = text_field(app, "ticket.subject", "ticket.subject", form.subject, "subject");
  faq_suggestions(app, form.subject);
  multiline_field(app, "ticket.description", "ticket.description", form.description, "description", 5.0f);
  help_text(std::string(app.text("ticket.attach_after")));
  choice_row(app, "ticket.category", "ticket.category", "category.", form.category,
            {Category::hardware, Category::software, Category::network, Category::account, Category::other},
            "category");
  choice_row(app, "ticket.criticality", "ticket.criticality", "criticality.", form.criticality,
            {Criticality::critical, Criticality::high, Criticality::normal, Criticality::low}, "criticality");
  choice_row(app, "ticket.language", "ticket.language", "language.", form.language,
            {Language::fr, Language::en, Language::es}, "language");
  funding_choice(app, form);
  if (app.offline()) help_text(std::string(app.text("draft.offline_submit")));
  submit |= submit_button(app, "ticket.submit", "ticket.submit");
  if (submit) tickets::submit_new(app);
  ImGui::SameLine();
  if (secondary_button(app, "ticket.back", "common.back")) app.navigate("/tickets");
  // Below the buttons, so its appearing moves nothing the user is aiming at.
  if (tickets::draft_state(app, 0) == "draft")
    notice_banner(app, "ticket.draft_state", std::string(app.text("draft.saved_on_device")), Tone::info);
}

}  // namespace tessera::client::ui
