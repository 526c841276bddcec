// The admin's settings: opening hours per weekday and the time zone, closed dates on a month
// calendar, SLA targets per criticality, the free trial, the VAT rate, the seller printed on
// invoices, the bank account and the check payee of payment instructions. Each part is its
// own form with its own Save (one part saved never overwrites another); each rule is said
// under its field, and an error — the browser's check or the server's — shows at the field.
#include <algorithm>
#include <array>
#include <string>

#include "tessera/dates.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tessera::client::ui {

namespace {

constexpr std::array<std::string_view, 7> kDays{"monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 4> kLevels{"critical", "high", "normal", "low"};

void heading(App& app, std::string_view id, std::string_view key) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  with_title_font([&] { recorded_text(app, id, std::string(app.text(key))); });
}

// The part's Save, its "saved" note, and an error about the whole part.
void save_row(App& app, std::string_view part) {
  const std::string id = "settings." + std::string(part) + ".save";
  if (submit_button(app, id, "admin.save", "admin.settings." + std::string(part))) admin::save_settings(app, part);
  if (app.admin.settings.saved_part == part) {
    ImGui::SameLine();
    notice_banner(app, "settings." + std::string(part) + ".saved", std::string(app.text("admin.saved")), Tone::success);
  }
  field_error(app, std::string(part) + ".save");
}

// [SECTION] The calendar of closed dates: a month, each day a button; a closed day is marked.
void calendar(App& app) {
  auto& form = app.admin.settings;
  if (form.calendar_year == 0) {
    const auto now = static_cast<Instant>(app.browser().now_ms() / 1000);
    const Date today = utc_date_of(now);
    form.calendar_year = today.year;
    form.calendar_month = today.month;
  }
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"};
  if (button_with_text(app, "settings.calendar.previous", "<")) {
    if (--form.calendar_month == 0) form.calendar_month = 12, --form.calendar_year;
  }
  ImGui::SameLine();
  const std::string month_title = std::string(app.text("admin.month." + std::string(kMonths[form.calendar_month - 1]))) +
                                  " " + std::to_string(form.calendar_year);
  recorded_text(app, "settings.calendar.month", month_title);
  ImGui::SameLine();
  if (button_with_text(app, "settings.calendar.next", ">")) {
    if (++form.calendar_month == 13) form.calendar_month = 1, ++form.calendar_year;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float cell = std::min(3.2f * ImGui::GetFontSize(), (ImGui::GetContentRegionAvail().x - 6 * gap) / 7.0f);
  for (std::size_t day = 0; day < kDays.size(); ++day) {
    if (day > 0) ImGui::SameLine(0, gap);
    const std::string name(app.text("admin.weekday_short." + std::string(kDays[day])));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(cell, 0));
    ImGui::TextDisabled("%s", name.c_str());
    ImGui::EndGroup();
  }
  const Date first{form.calendar_year, form.calendar_month, 1};
  const int lead = static_cast<int>(weekday_of(first));
  const int length = days_in_month(form.calendar_year, form.calendar_month);
  for (int slot = 0; slot < lead + length; ++slot) {
    if (slot % 7 != 0) ImGui::SameLine(0, gap);
    if (slot < lead) {
      ImGui::Dummy(ImVec2(cell, ImGui::GetFrameHeight()));
      continue;
    }
    const Date date{form.calendar_year, form.calendar_month, slot - lead + 1};
    const std::string iso = to_iso(date);
    const bool closed = std::find(form.closed_dates.begin(), form.closed_dates.end(), iso) != form.closed_dates.end();
    if (closed) push_button_style(ButtonStyle::danger);
    const bool pressed = ImGui::Button(label(std::to_string(date.day), "settings.calendar." + iso).c_str(),
                                       ImVec2(cell, 0));
    if (closed) pop_button_style();
    record_item(app, "settings.calendar." + iso);
    if (pressed) {
      if (closed) admin::remove_closed_date(app, iso);
      else admin::add_closed_date(app, iso);
    }
  }
}

void opening_hours(App& app) {
  auto& form = app.admin.settings;
  heading(app, "settings.opening_hours.heading", "admin.settings.opening_hours");
  help_text(std::string(app.text("admin.settings.opening_hours_help")));
  text_field(app, "settings.time_zone", "admin.settings.time_zone", form.time_zone, "opening_hours.time_zone");
  help_text(std::string(app.text("admin.settings.time_zone_help")));
  for (std::size_t day = 0; day < kDays.size(); ++day) {
    const std::string name(kDays[day]);
    text_field(app, "settings.hours." + name, "admin.weekday." + name, form.hours[day], "opening_hours.weekly." + name);
  }
  field_error(app, "opening_hours.weekly");
  ImGui::Spacing();
  ImGui::TextUnformatted(std::string(app.text("admin.settings.closed_dates")).c_str());
  help_text(std::string(app.text("admin.settings.closed_dates_help")));
  calendar(app);
  ImGui::Spacing();
  const bool entered = text_field(app, "settings.closed_date", "admin.settings.closed_date_add", form.new_closed_date,
                                  "opening_hours.closed_dates");
  if (button(app, "settings.closed_date.add", "admin.add") || entered) admin::add_closed_date(app, form.new_closed_date);
  if (form.closed_dates.empty()) help_text(std::string(app.text("admin.settings.no_closed_dates")));
  for (const auto& date : std::vector<std::string>(form.closed_dates)) {
    ImGui::TextUnformatted(date.c_str());
    ImGui::SameLine();
    if (button_with_text(app, "settings.closed_date.remove." + date, std::string(app.text("admin.remove"))))
      admin::remove_closed_date(app, date);
  }
  save_row(app, "opening_hours");
}

void sla_targets(App& app) {
  auto& form = app.admin.settings;
  heading(app, "settings.sla_targets.heading", "admin.settings.sla_targets");
  help_text(std::string(app.text("admin.settings.sla_help")));
  for (std::size_t level = 0; level < kLevels.size(); ++level) {
    const std::string name(kLevels[level]);
    text_field(app, "settings.sla." + name, "criticality." + name, form.sla[level], "sla_targets." + name,
               ImGuiInputTextFlags_CharsDecimal);
  }
  save_row(app, "sla_targets");
}

void trial_and_vat(App& app) {
  auto& form = app.admin.settings;
  heading(app, "settings.trial.heading", "admin.settings.trial");
  text_field(app, "settings.trial.minutes", "admin.settings.trial_minutes", form.trial_minutes, "trial.minutes",
             ImGuiInputTextFlags_CharsDecimal);
  text_field(app, "settings.trial.days", "admin.settings.trial_days", form.trial_days, "trial.validity_days",
             ImGuiInputTextFlags_CharsDecimal);
  help_text(std::string(app.text("admin.settings.trial_help")));
  save_row(app, "trial");

  heading(app, "settings.vat.heading", "admin.settings.vat");
  text_field(app, "settings.vat", "admin.settings.vat_rate", form.vat_percent, "vat.vat_rate");
  help_text(std::string(app.text("admin.settings.vat_help")));
  save_row(app, "vat");
}

void parties(App& app) {
  auto& form = app.admin.settings;
  heading(app, "settings.seller.heading", "admin.settings.seller");
  text_field(app, "settings.seller.name", "admin.settings.seller_name", form.seller_name, "seller.name");
  multiline_field(app, "settings.seller.address", "admin.settings.address", form.seller_address, "seller.address", 3);
  text_field(app, "settings.seller.vat_number", "admin.settings.vat_number", form.seller_vat_number,
             "seller.vat_number");
  text_field(app, "settings.seller.email", "admin.settings.email", form.seller_email, "seller.email");
  help_text(std::string(app.text("admin.settings.seller_help")));
  save_row(app, "seller");

  heading(app, "settings.bank.heading", "admin.settings.bank");
  text_field(app, "settings.bank.holder", "admin.settings.bank_holder", form.bank_holder, "bank.holder");
  text_field(app, "settings.bank.iban", "admin.settings.iban", form.bank_iban, "bank.iban");
  text_field(app, "settings.bank.bic", "admin.settings.bic", form.bank_bic, "bank.bic");
  help_text(std::string(app.text("admin.settings.bank_help")));
  save_row(app, "bank");

  heading(app, "settings.check.heading", "admin.settings.check");
  text_field(app, "settings.check.payee", "admin.settings.check_payee", form.check_payee, "check.payee");
  multiline_field(app, "settings.check.address", "admin.settings.address", form.check_address, "check.address", 3);
  save_row(app, "check");
}

}  // namespace

void draw_admin_settings(App& app) {
  title(app, "admin.settings.title");
  const auto& form = app.admin.settings;
  if (!form.loaded) {
    if (form.load_failed && !app.busy("admin.settings")) {
      help_text(std::string(app.text("admin.load_failed")));
      if (button(app, "settings.retry", "admin.retry")) admin::load_settings(app);
    } else {
      ImGui::TextDisabled("%s", std::string(app.text("common.loading")).c_str());
    }
    return;
  }
  opening_hours(app);
  sla_targets(app);
  trial_and_vat(app);
  parties(app);
}

}  // namespace tessera::client::ui
