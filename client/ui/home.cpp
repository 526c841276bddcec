// Home (visitors): what Tessera is, "Try 15 minutes free" and log in, then the offers of the
// catalog with their prices with VAT and what each means in one sentence (two cards a row on
// a desktop, one column on a phone), the VAT note, and the ways to the FAQ, the board and
// the contact form.
#include "tessera/public_site.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {
void offer_card(App& app, const site::Offer& offer) {
  const std::string id = "offer." + offer.id;
  draw_card(app, id, [&] {
    with_title_font([&] { recorded_text(app, id + ".name", offer.name); });
    ImGui::PushStyleColor(ImGuiCol_Text, palette().brand);
    recorded_text(app, id + ".price", offer.price, true);
    ImGui::PopStyleColor();
    if (!offer.price_detail.empty()) help_text(offer.price_detail);
    ImGui::Spacing();
    recorded_text(app, id + ".meaning", offer.meaning, true);
    if (!offer.extra.empty()) recorded_text(app, id + ".extra", offer.extra, true);
  });
}

void offers(App& app) {
  with_title_font([&] { ImGui::TextUnformatted(std::string(app.text("site.offers.title")).c_str()); });
  const auto& area = app.site;
  if (draw_fetch_state(app, area.catalog_fetch, area.catalog.has_value(), "home.offers", "site.offers.error"))
    public_site::load_catalog(app);
  if (!area.catalog) return;
  const auto list = site::offers(*area.catalog, app.language);
  const int columns = compact_layout() ? 1 : 2;
  if (ImGui::BeginTable("##offers", columns, ImGuiTableFlags_SizingStretchSame)) {
    for (const auto& offer : list) {
      ImGui::TableNextColumn();
      offer_card(app, offer);
      ImGui::Spacing();
    }
    ImGui::EndTable();
  }
  recorded_text(app, "home.vat_note", site::vat_note(*area.catalog, app.language), true);
  help_text(std::string(app.text("site.offers.buy_note")));
}
}  // namespace

void draw_home(App& app) {
  title(app, "app.name");
  recorded_text(app, "tagline", std::string(app.text("app.tagline")), true);
  ImGui::Spacing();
  if (submit_button(app, "home.try_free", "home.try_free")) app.navigate("/signup");
  help_text(std::string(app.text("home.try_free_note")));
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(std::string(app.text("home.have_account")).c_str());
  ImGui::SameLine();
  if (secondary_button(app, "home.login", "nav.login")) app.navigate("/login");
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  offers(app);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  link_button(app, "home.faq", "site.faq.title", "/faq");
  if (!compact_layout()) ImGui::SameLine();
  link_button(app, "home.board", "site.board.title", "/board");
  if (!compact_layout()) ImGui::SameLine();
  link_button(app, "home.contact", "site.contact.title", "/contact");
}

}  // namespace tessera::client::ui
