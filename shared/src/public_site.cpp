// The public side's values and formats (see public_site.hpp).
//
// [SECTION] Number formats  [SECTION] Offers  [SECTION] FAQ  [SECTION] Board  [SECTION] Contact
#include "tessera/public_site.hpp"

#include <array>

#include "tessera/domain_wire.hpp"
#include "tessera/email.hpp"
#include "tessera/invoice.hpp"
#include "tessera/texts.hpp"
#include "wire_fields.hpp"

namespace tessera::site {

using nlohmann::json;

namespace {
std::string text(std::string_view key, Language language) { return std::string(tr(key, language)); }
std::string format(std::string_view key, Language language, const std::map<std::string, std::string>& params) {
  return format_text(tr(key, language), params);
}
// "58.80" with the language's decimal separator ("58,80").
std::string decimal(std::int64_t whole, std::int64_t fraction, int digits, Language language) {
  std::string out = std::to_string(whole);
  if (digits == 0) return out;
  std::string tail = std::to_string(fraction);
  while (static_cast<int>(tail.size()) < digits) tail.insert(tail.begin(), '0');
  out += language == Language::en ? "." : ",";
  return out + tail;
}
}  // namespace

// [SECTION] Number formats

std::string money_text(Cents amount, Language language) {
  const Cents magnitude = amount < 0 ? -amount : amount;
  const std::string number = (amount < 0 ? "-" : "") + decimal(magnitude / 100, magnitude % 100, 2, language);
  return format("site.money", language, {{"amount", number}});
}

std::string vat_rate_text(BasisPoints rate, Language language) {
  // 2000 basis points = 20 %; 550 = 5.5 %; 1234 = 12.34 %.
  const std::int64_t whole = rate / 100;
  const std::int64_t hundredths = rate % 100;
  std::string number = hundredths == 0        ? decimal(whole, 0, 0, language)
                       : hundredths % 10 == 0 ? decimal(whole, hundredths / 10, 1, language)
                                              : decimal(whole, hundredths, 2, language);
  return format("site.percent", language, {{"value", number}});
}

std::string duration_text(std::optional<Minutes> minutes, Language language) {
  if (!minutes) return text("site.none", language);
  if (*minutes < 60) return format("site.duration.minutes", language, {{"minutes", std::to_string(*minutes)}});
  const Minutes rest = *minutes % 60;
  return format("site.duration.hours", language,
                {{"hours", std::to_string(*minutes / 60)}, {"minutes", (rest < 10 ? "0" : "") + std::to_string(rest)}});
}

std::string per_mille_text(std::int64_t per_mille, Language language) {
  const std::string number =
      per_mille % 10 == 0 ? decimal(per_mille / 10, 0, 0, language) : decimal(per_mille / 10, per_mille % 10, 1, language);
  return format("site.percent", language, {{"value", number}});
}

std::string rating_text(std::int64_t hundredths, Language language) {
  return decimal(hundredths / 100, hundredths % 100, 2, language);
}

std::string group_label(std::string_view group, Language language) {
  if (group == "all") return text("site.board.all", language);
  if (parse_criticality(group)) return text("criticality." + std::string(group), language);
  static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (group.size() == 7 && group[4] == '-') {
    const int month = (group[5] - '0') * 10 + (group[6] - '0');
    if (month >= 1 && month <= 12)
      return format("site.month_year", language,
                    {{"month", text("month." + std::string(kMonths[month - 1]), language)},
                     {"year", std::string(group.substr(0, 4))}});
  }
  return std::string(group);
}

// [SECTION] Offers

namespace {
std::string with_vat(Cents net, BasisPoints rate, Language language, std::string_view key) {
  return format(key, language, {{"amount", money_text(net + vat_cents(net, rate), language)}});
}
std::string net_detail(Cents net, BasisPoints rate, Language language) {
  return format("site.price.net_detail", language,
                {{"net", money_text(net, language)}, {"rate", vat_rate_text(rate, language)}});
}
}  // namespace

std::vector<Offer> offers(const Catalog& catalog, Language language, const TrialRules& trial) {
  std::vector<Offer> out;
  const BasisPoints rate = catalog.vat_rate;
  out.push_back(Offer{.id = "trial",
                      .kind = OfferKind::trial,
                      .name = text("site.offer.trial.name", language),
                      .price = text("site.offer.trial.price", language),
                      .meaning = format("site.offer.trial.meaning", language,
                                        {{"minutes", std::to_string(trial.minutes)},
                                         {"days", std::to_string(trial.validity_days)}})});

  const SubscriptionOffer& subscription = catalog.subscription;
  out.push_back(Offer{
      .id = "subscription",
      .kind = OfferKind::subscription,
      .name = text("site.offer.subscription.name", language),
      .price = with_vat(subscription.monthly_price, rate, language, "site.price.gross_per_month"),
      .price_detail = net_detail(subscription.monthly_price, rate, language),
      .meaning = format(subscription.included_users == 1 ? "site.offer.subscription.meaning_one"
                                                         : "site.offer.subscription.meaning_many",
                        language, {{"users", std::to_string(subscription.included_users)}}),
      .extra = format("site.offer.subscription.extra", language,
                      {{"price", with_vat(subscription.extra_user_monthly_price, rate, language, "site.price.gross")}}),
      .gross = subscription.monthly_price + vat_cents(subscription.monthly_price, rate)});

  for (const PackOffer& pack : catalog.packs) {
    if (!pack.active) continue;
    const std::map<std::string, std::string> params{{"units", std::to_string(pack.units)},
                                                    {"months", std::to_string(pack.validity_months)},
                                                    {"minutes", std::to_string(kMinutesPerTicketUnit)}};
    const char* name_key = pack.multi_user ? "site.offer.pack.name_pool"
                           : pack.units == 1 ? "site.offer.pack.name_one"
                                             : "site.offer.pack.name_many";
    out.push_back(Offer{.id = pack.code,
                        .kind = OfferKind::pack,
                        .name = format(name_key, language, params),
                        .price = with_vat(pack.price, rate, language, "site.price.gross"),
                        .price_detail = net_detail(pack.price, rate, language),
                        .meaning = format(pack.multi_user ? "site.offer.pack.meaning_pool"
                                          : pack.units == 1 ? "site.offer.pack.meaning_one"
                                                            : "site.offer.pack.meaning_many",
                                          language, params),
                        .gross = pack.price + vat_cents(pack.price, rate)});
  }
  for (const MinuteBlockOffer& block : catalog.minute_blocks) {
    if (!block.active) continue;
    const std::map<std::string, std::string> params{{"minutes", std::to_string(block.minutes)},
                                                    {"months", std::to_string(block.validity_months)},
                                                    {"minimum", std::to_string(kMinutesPerTicketUnit)}};
    out.push_back(Offer{.id = block.code,
                        .kind = OfferKind::minutes,
                        .name = format("site.offer.minutes.name", language, params),
                        .price = with_vat(block.price, rate, language, "site.price.gross"),
                        .price_detail = net_detail(block.price, rate, language),
                        .meaning = format("site.offer.minutes.meaning", language, params),
                        .gross = block.price + vat_cents(block.price, rate)});
  }
  return out;
}

std::string vat_note(const Catalog& catalog, Language language) {
  return format("site.price.vat_note", language, {{"rate", vat_rate_text(catalog.vat_rate, language)}});
}

// [SECTION] FAQ

std::vector<FaqEntry> faq(Language language) {
  std::vector<FaqEntry> entries;
  for (int n = 1;; ++n) {
    const std::string question_key = "faq.q" + std::to_string(n) + ".question";
    const std::string_view question = tr(question_key, language);
    if (question == question_key) break;
    entries.push_back({std::string(question), text("faq.q" + std::to_string(n) + ".answer", language)});
  }
  return entries;
}

// [SECTION] Board

namespace {
std::optional<Error> read_count(const json& in, const char* field, std::int64_t& out) {
  const auto found = in.find(field);
  if (found == in.end()) return Error{"required", field, {}};
  if (!found->is_number_integer() || found->get<std::int64_t>() < 0) return Error{"invalid_type", field, {}};
  out = found->get<std::int64_t>();
  return std::nullopt;
}
std::optional<Error> read_optional_minutes(const json& in, const char* field, std::optional<Minutes>& out) {
  const auto found = in.find(field);
  if (found == in.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer()) return Error{"invalid_type", field, {}};
  out = found->get<Minutes>();
  return std::nullopt;
}
Result<std::vector<BoardAggregate>> decode_aggregates(const json& in, const char* field) {
  const auto found = in.find(field);
  if (found == in.end()) return Error{"required", field, {}};
  if (!found->is_array()) return Error{"invalid_type", field, {}};
  std::vector<BoardAggregate> out;
  for (const auto& item : *found) {
    auto aggregate = decode_board_aggregate(item);
    if (!aggregate) return aggregate.error();
    out.push_back(std::move(aggregate.value()));
  }
  return out;
}
}  // namespace

Result<BoardAggregate> decode_board_aggregate(const json& in) {
  if (!in.is_object()) return make_error("invalid_type");
  BoardAggregate out;
  const auto group = in.find("group");
  if (group == in.end() || !group->is_string()) return Error{"invalid_type", "group", {}};
  out.group = group->get<std::string>();
  for (auto [field, target] : {std::pair{"tickets", &out.tickets}, std::pair{"within_sla", &out.within_sla},
                               std::pair{"within_sla_per_mille", &out.within_sla_per_mille},
                               std::pair{"rated", &out.rated},
                               std::pair{"average_rating_hundredths", &out.average_rating_hundredths}})
    if (auto error = read_count(in, field, *target)) return *error;
  if (auto error = read_optional_minutes(in, "median_first_response_minutes", out.median_first_response)) return *error;
  if (auto error = read_optional_minutes(in, "p90_first_response_minutes", out.p90_first_response)) return *error;
  const auto counts = in.find("rating_counts");
  if (counts == in.end() || !counts->is_array() || counts->size() != 5) return Error{"invalid_type", "rating_counts", {}};
  for (std::size_t i = 0; i < 5; ++i) {
    if (!(*counts)[i].is_number_integer() || (*counts)[i].get<std::int64_t>() < 0)
      return Error{"invalid_type", "rating_counts", {}};
    out.rating_counts[i] = (*counts)[i].get<std::int64_t>();
  }
  return out;
}

Result<BoardPage> decode_board_page(const json& in) {
  if (!in.is_object()) return make_error("invalid_json");
  BoardPage page;
  const auto rows = in.find("rows");
  if (rows == in.end() || !rows->is_array()) return Error{"invalid_type", "rows", {}};
  for (const auto& item : *rows) {
    auto row = codec::decode_board_row(item);
    if (!row) return row.error();
    page.rows.push_back(std::move(row.value()));
  }
  std::int64_t total = static_cast<std::int64_t>(page.rows.size()), offset = 0, limit = total;
  if (in.contains("total"))
    if (auto error = read_count(in, "total", total)) return *error;
  if (in.contains("offset"))
    if (auto error = read_count(in, "offset", offset)) return *error;
  if (in.contains("limit"))
    if (auto error = read_count(in, "limit", limit)) return *error;
  page.total = static_cast<std::size_t>(total);
  page.offset = static_cast<std::size_t>(offset);
  page.limit = static_cast<std::size_t>(limit);
  auto by_criticality = decode_aggregates(in, "by_criticality");
  if (!by_criticality) return by_criticality.error();
  page.by_criticality = std::move(by_criticality.value());
  auto by_month = decode_aggregates(in, "by_month");
  if (!by_month) return by_month.error();
  page.by_month = std::move(by_month.value());
  const auto all = in.find("all");
  if (all == in.end()) return Error{"required", "all", {}};
  auto overall = decode_board_aggregate(*all);
  if (!overall) return overall.error();
  page.all = std::move(overall.value());
  return page;
}

// [SECTION] Contact

json to_json(const ContactRequest& request) {
  return json{{"name", request.name}, {"email", request.email}, {"message", request.message}};
}

Result<ContactRequest> parse_contact(const json& body) {
  if (!body.is_object()) return make_error("invalid_json");
  ContactRequest out;
  if (auto error = wire::fields::read_text(body, "name", ContactLimits::name_max, out.name)) return *error;
  if (auto error = wire::fields::read_text(body, "email", ContactLimits::email_max, out.email)) return *error;
  out.email = normalize_email(out.email);
  if (!is_valid_email(out.email)) return Error{"invalid_email", "email", {}};
  if (auto error = wire::fields::read_text(body, "message", ContactLimits::message_max, out.message)) return *error;
  return out;
}

}  // namespace tessera::site
