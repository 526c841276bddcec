// The FAQ (everyone): the business's questions and answers in reading order, each question
// in the accent colour over its answer; then "Your question is not here?" with the contact
// form, and the free trial.
#include "tessera/public_site.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_faq(App& app) {
  title(app, "site.faq.title");
  const auto entries = site::faq(app.language);
  int n = 0;
  for (const auto& entry : entries) {
    const std::string id = "faq.q" + std::to_string(++n);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().brand);
    recorded_text(app, id, entry.question, true);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", entry.answer.c_str());
    ImGui::Spacing();
    ImGui::Spacing();
  }
  app.record().texts["faq.count"] = std::to_string(entries.size());
  ImGui::Separator();
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", std::string(app.text("site.faq.not_answered")).c_str());
  link_button(app, "faq.contact", "site.contact.link", "/contact");
  if (!app.signed_in()) {
    ImGui::SameLine();
    if (submit_button(app, "faq.try_free", "home.try_free")) app.navigate("/signup");
  }
}

}  // namespace tessera::client::ui
