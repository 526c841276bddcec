// The contact form (everyone): name, email and message, checked as the server checks them
// before anything is sent (a field at fault is said under it, in the interface's language);
// the rules said beside the form (length, a few messages a minute); once sent, a thank-you
// and "Write another message".
#include "tessera/public_site.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

void draw_contact(App& app) {
  title(app, "site.contact.title");
  auto& form = app.site.contact;
  if (app.site.contact_sent) {
    notice_banner(app, "contact.sent", std::string(app.text("site.contact.sent")), Tone::success);
    ImGui::Spacing();
    if (button(app, "contact.another", "site.contact.another")) public_site::new_contact(app);
    return;
  }
  help_text(std::string(app.text("site.contact.intro")));
  ImGui::Spacing();
  bool submit = false;
  submit |= text_field(app, "contact.name", "site.contact.name", form.name, "name");
  submit |= text_field(app, "contact.email", "site.contact.email", form.email, "email");
  multiline_field(app, "contact.message", "site.contact.message", form.message, "message", 8.0f);
  const auto max = std::to_string(site::ContactLimits::message_max);
  help_text(app.format("site.contact.rules", {{"max", max}}) + " " +
            app.format("site.contact.count", {{"count", std::to_string(form.message.size())}, {"max", max}}));
  ImGui::Spacing();
  submit |= submit_button(app, "contact.submit", "site.contact.submit", "public.contact");
  if (submit && !app.busy("public.contact")) public_site::send_contact(app);
}

}  // namespace tessera::client::ui
