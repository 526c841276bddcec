// The catalog: the subscription's monthly prices and included users, each pack (tickets,
// validity, multi-user, price, on sale or not) and each block of minutes. Prices are in euros
// before VAT (the VAT rate in force is said); the domain's rules are said above the offers
// (validity at least 6 months, multi-user packs from 20 tickets) and an error shows at its
// offer's field. Orders already placed keep the prices they were placed with.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <string>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

void number_cell(App& app, const std::string& id, std::string& value, const std::string& field) {
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputText(label("", id).c_str(), &value);
  record_item(app, id);
  app.record().fields[id] = value;
  if (ImGui::IsItemActive()) app.record().focus = id;
  field_error(app, field);
}

// One offer: on a desktop its fields side by side, on a phone one under the other.
template <class Draw>
void offer_fields(int columns, const char* table_id, const Draw& draw) {
  if (compact_layout()) {
    draw();
    return;
  }
  if (ImGui::BeginTable(table_id, columns, ImGuiTableFlags_SizingStretchSame)) {
    draw();
    ImGui::EndTable();
  }
}

void cell(App& app, std::string_view key) {
  if (!compact_layout()) ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", std::string(app.text(key)).c_str());
}

void packs(App& app) {
  auto& form = app.admin.catalog;
  with_title_font([&] { recorded_text(app, "catalog.packs", std::string(app.text("admin.catalog.packs"))); });
  for (std::size_t i = 0; i < form.packs.size(); ++i) {
    auto& row = form.packs[i];
    const std::string id = "catalog.pack." + row.code + ".";
    const std::string field = "catalog.packs[" + std::to_string(i) + "].";
    ImGui::PushID(id.c_str());
    recorded_text(app, id + "code", row.code);
    offer_fields(4, "##pack", [&] {
      cell(app, "admin.catalog.units");
      number_cell(app, id + "units", row.units, field + "units");
      cell(app, "admin.catalog.validity_months");
      number_cell(app, id + "validity", row.validity_months, field + "validity_months");
      cell(app, "admin.catalog.price");
      number_cell(app, id + "price", row.price, field + "price");
      cell(app, "admin.catalog.options");
      checkbox(app, id + "multi_user", "admin.catalog.multi_user", row.multi_user);
      checkbox(app, id + "active", "admin.catalog.active", row.active);
    });
    field_error(app, field + "code");
    ImGui::PopID();
    ImGui::Separator();
  }
}

void minute_blocks(App& app) {
  auto& form = app.admin.catalog;
  with_title_font([&] { recorded_text(app, "catalog.blocks", std::string(app.text("admin.catalog.minute_blocks"))); });
  for (std::size_t i = 0; i < form.minute_blocks.size(); ++i) {
    auto& row = form.minute_blocks[i];
    const std::string id = "catalog.block." + row.code + ".";
    const std::string field = "catalog.minute_blocks[" + std::to_string(i) + "].";
    ImGui::PushID(id.c_str());
    recorded_text(app, id + "code", row.code);
    offer_fields(4, "##block", [&] {
      cell(app, "admin.catalog.minutes");
      number_cell(app, id + "minutes", row.minutes, field + "minutes");
      cell(app, "admin.catalog.validity_months");
      number_cell(app, id + "validity", row.validity_months, field + "validity_months");
      cell(app, "admin.catalog.price");
      number_cell(app, id + "price", row.price, field + "price");
      cell(app, "admin.catalog.options");
      checkbox(app, id + "active", "admin.catalog.active", row.active);
    });
    ImGui::PopID();
    ImGui::Separator();
  }
}

}  // namespace

void draw_admin_catalog(App& app) {
  title(app, "admin.catalog.title");
  auto& form = app.admin.catalog;
  if (!form.loaded) {
    if (form.load_failed && !app.busy("admin.catalog")) {
      help_text(std::string(app.text("admin.load_failed")));
      if (button(app, "catalog.retry", "admin.retry")) admin::load_catalog(app);
    } else {
      ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    }
    return;
  }
  const std::string vat = std::to_string(form.vat_rate / 100) +
                          (form.vat_rate % 100 ? "," + std::to_string(form.vat_rate % 100) : std::string());
  help_text(app.format("admin.catalog.help", {{"vat", vat}}));
  with_title_font([&] { recorded_text(app, "catalog.subscription", std::string(app.text("admin.catalog.subscription"))); });
  text_field(app, "catalog.monthly_price", "admin.catalog.monthly_price", form.monthly_price,
             "catalog.subscription.monthly_price");
  text_field(app, "catalog.included_users", "admin.catalog.included_users", form.included_users,
             "catalog.subscription.included_users");
  text_field(app, "catalog.extra_user_price", "admin.catalog.extra_user_price", form.extra_user_monthly_price,
             "catalog.subscription.extra_user_monthly_price");
  ImGui::Separator();
  packs(app);
  minute_blocks(app);
  ImGui::Spacing();
  if (submit_button(app, "catalog.save", "admin.save", "admin.catalog_save")) admin::save_catalog(app);
  if (form.saved) {
    ImGui::SameLine();
    notice_banner(app, "catalog.saved", std::string(app.text("admin.saved")), Tone::success);
  }
  field_error(app, "catalog.save");
}

}  // namespace tessera::client::ui
