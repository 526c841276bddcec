// JSON forms of the domain values (see domain_wire.hpp). Sections: catalog, ledger,
// opening hours and SLA, board, evaluations and onboarding. Reading helpers: codec_fields.hpp.
#include "tessera/domain_wire.hpp"

#include "codec_fields.hpp"

#include <array>
#include <limits>

#include "tessera/json_limits.hpp"

namespace tessera::codec {

using namespace fields;  // codec_fields.hpp

// [SECTION] Catalog
json encode(const SubscriptionOffer& offer) {
  return json{{"monthly_price", offer.monthly_price},
              {"included_users", offer.included_users},
              {"extra_user_monthly_price", offer.extra_user_monthly_price}};
}

json encode(const PackOffer& offer) {
  return json{{"code", offer.code},         {"units", offer.units}, {"validity_months", offer.validity_months},
              {"multi_user", offer.multi_user}, {"price", offer.price}, {"active", offer.active}};
}

json encode(const MinuteBlockOffer& offer) {
  return json{{"code", offer.code},   {"minutes", offer.minutes}, {"validity_months", offer.validity_months},
              {"price", offer.price}, {"active", offer.active}};
}

json encode(const Catalog& catalog) {
  json packs = json::array();
  for (const PackOffer& offer : catalog.packs) packs.push_back(encode(offer));
  json blocks = json::array();
  for (const MinuteBlockOffer& offer : catalog.minute_blocks) blocks.push_back(encode(offer));
  return json{{"subscription", encode(catalog.subscription)},
              {"packs", std::move(packs)},
              {"minute_blocks", std::move(blocks)},
              {"vat_rate", catalog.vat_rate}};
}

namespace {
std::optional<Error> read_pack(const json& in, PackOffer& offer, const std::string& prefix) {
  if (auto error = require_object(in, prefix)) return error;
  if (auto error = read_string(in, "code", offer.code, 64, prefix)) return error;
  if (auto error = read_int(in, "units", offer.units, 0, kMaxCount, prefix)) return error;
  if (auto error = read_int32(in, "validity_months", offer.validity_months, 0, 1200, prefix)) return error;
  if (auto error = read_bool(in, "multi_user", offer.multi_user, prefix, false)) return error;
  if (auto error = read_int(in, "price", offer.price, -kMaxCents, kMaxCents, prefix)) return error;
  if (auto error = read_bool(in, "active", offer.active, prefix, false)) return error;
  return validate_pack_offer(offer, prefix.empty() ? prefix : prefix + ".");
}

std::optional<Error> read_block(const json& in, MinuteBlockOffer& offer, const std::string& prefix) {
  if (auto error = require_object(in, prefix)) return error;
  if (auto error = read_string(in, "code", offer.code, 64, prefix)) return error;
  if (auto error = read_int(in, "minutes", offer.minutes, 0, kMaxCount, prefix)) return error;
  if (auto error = read_int32(in, "validity_months", offer.validity_months, 0, 1200, prefix)) return error;
  if (auto error = read_int(in, "price", offer.price, -kMaxCents, kMaxCents, prefix)) return error;
  if (auto error = read_bool(in, "active", offer.active, prefix, false)) return error;
  return validate_minute_block_offer(offer, prefix.empty() ? prefix : prefix + ".");
}
}  // namespace

Result<PackOffer> decode_pack_offer(const json& in) {
  PackOffer offer;
  if (auto error = read_pack(in, offer, {})) return *error;
  return offer;
}

Result<MinuteBlockOffer> decode_minute_block_offer(const json& in) {
  MinuteBlockOffer offer;
  if (auto error = read_block(in, offer, {})) return *error;
  return offer;
}

Result<Catalog> decode_catalog(const json& in) {
  if (auto error = require_object(in)) return *error;
  Catalog catalog;
  const auto subscription = in.find("subscription");
  if (subscription == in.end()) return field_error("required", "subscription");
  if (auto error = require_object(*subscription, "subscription")) return *error;
  SubscriptionOffer& offer = catalog.subscription;
  if (auto error = read_int(*subscription, "monthly_price", offer.monthly_price, -kMaxCents, kMaxCents, "subscription"))
    return *error;
  if (auto error = read_int(*subscription, "included_users", offer.included_users, 0, 1000, "subscription"))
    return *error;
  if (auto error = read_int(*subscription, "extra_user_monthly_price", offer.extra_user_monthly_price, -kMaxCents,
                            kMaxCents, "subscription"))
    return *error;
  for (const char* list : {"packs", "minute_blocks"}) {
    const auto found = in.find(list);
    if (found == in.end()) continue;
    if (!found->is_array()) return field_error("invalid_type", list);
    for (std::size_t i = 0; i < found->size(); ++i) {
      const std::string prefix = std::string(list) + "[" + std::to_string(i) + "]";
      if (std::string_view(list) == "packs") {
        PackOffer pack;
        if (auto error = read_pack((*found)[i], pack, prefix)) return *error;
        catalog.packs.push_back(std::move(pack));
      } else {
        MinuteBlockOffer block;
        if (auto error = read_block((*found)[i], block, prefix)) return *error;
        catalog.minute_blocks.push_back(std::move(block));
      }
    }
  }
  if (auto error = read_int(in, "vat_rate", catalog.vat_rate, -1, 100'000, {}, false)) return *error;
  return validate_catalog(catalog);
}

// [SECTION] Ledger (the stored entry: storage_codec.cpp)
json encode(const AccountBalances& balances) {
  json out{{"subscription", to_string(balances.subscription)},
           {"units_available", balances.units_available},
           {"units_reserved", balances.units_reserved},
           {"bank_minutes_available", balances.bank_minutes_available},
           {"trial_minutes_available", balances.trial_minutes_available},
           {"overrun_minutes", balances.overrun}};
  if (balances.subscription != SubscriptionPhase::none)
    out["subscription_period_end"] = balances.subscription_period_end;
  out["next_expiry"] = balances.next_expiry ? json(*balances.next_expiry) : json(nullptr);
  return out;
}

json encode_cost(const Cost& cost) {
  return json{{"units", cost.units},
              {"bank_minutes", cost.bank_minutes},
              {"trial_minutes", cost.trial_minutes},
              {"subscription_minutes", cost.subscription_minutes},
              {"overrun_minutes", cost.overrun_minutes},
              {"minimum_applied", cost.minimum_applied}};
}

json encode(const TicketCostStatement& statement, Language language) {
  json lines = json::array();
  for (const CostLine& line : statement.lines) {
    json cost = encode_cost(line.cost);
    cost["text"] = describe_cost(line.cost, language);
    lines.push_back(json{{"at", line.at},
                         {"kind", to_string(line.kind)},
                         {"minutes", line.minutes},
                         {"note", line.note},
                         {"cost", std::move(cost)}});
  }
  json total = encode_cost(statement.total);
  total["text"] = describe_cost(statement.total, language);
  return json{{"ticket", statement.ticket},
              {"funding", to_string(statement.source)},
              {"minutes_worked", statement.worked},
              {"total", std::move(total)},
              {"lines", std::move(lines)}};
}

// [SECTION] Opening hours and SLA
namespace {
constexpr std::array<const char*, 7> kDayNames{"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
constexpr std::int64_t kMaxOffset = 18 * 3600;
}  // namespace

std::string format_clock(int minute_of_day) {
  const int hours = minute_of_day / 60;
  const int minutes = minute_of_day % 60;
  std::string text;
  text += static_cast<char>('0' + hours / 10);
  text += static_cast<char>('0' + hours % 10);
  text += ':';
  text += static_cast<char>('0' + minutes / 10);
  text += static_cast<char>('0' + minutes % 10);
  return text;
}

std::optional<int> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

json encode(const TimeZoneRules& zone) {
  json transitions = json::array();
  for (const OffsetTransition& transition : zone.transitions)
    transitions.push_back(json::array({transition.at, transition.offset_seconds}));
  return json{{"name", zone.name},
              {"initial_offset_seconds", zone.initial_offset_seconds},
              {"transitions", std::move(transitions)}};
}

Result<TimeZoneRules> decode_time_zone(const json& in) {
  if (auto error = require_object(in, "zone")) return *error;
  TimeZoneRules zone;
  std::int64_t initial = 0;
  if (auto error = read_string(in, "name", zone.name, 64, "zone")) return *error;
  if (auto error = read_int(in, "initial_offset_seconds", initial, -kMaxOffset, kMaxOffset, "zone")) return *error;
  zone.initial_offset_seconds = static_cast<std::int32_t>(initial);
  const auto transitions = in.find("transitions");
  if (transitions != in.end()) {
    if (!transitions->is_array() || transitions->size() > 10'000)
      return field_error("invalid_type", "zone.transitions");
    for (std::size_t i = 0; i < transitions->size(); ++i) {
      const json& pair = (*transitions)[i];
      const std::string field = "zone.transitions[" + std::to_string(i) + "]";
      std::int64_t checked = 0;
      if (!pair.is_array() || pair.size() != 2 ||
          read_integer(pair[0], std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
                       checked) != IntegerRefusal::none ||
          read_integer(pair[1], -86'400, 86'400, checked) != IntegerRefusal::none)
        return field_error("invalid_type", field);
      const auto at = pair[0].get<std::int64_t>();
      const auto offset = pair[1].get<std::int64_t>();
      if (offset < -kMaxOffset || offset > kMaxOffset || at < kMinInstant || at > kMaxInstant)
        return field_error("invalid_value", field);
      zone.transitions.push_back(OffsetTransition{at, static_cast<std::int32_t>(offset)});
    }
  }
  if (auto error = validate_time_zone(zone)) return *error;
  return zone;
}

json encode(const OpeningHours& hours) {
  json weekly = json::object();
  for (std::size_t day = 0; day < 7; ++day) {
    json windows = json::array();
    for (const OpeningWindow& window : hours.weekly[day])
      windows.push_back(json{{"opens", format_clock(window.opens_at_minute)},
                             {"closes", format_clock(window.closes_at_minute)}});
    weekly[kDayNames[day]] = std::move(windows);
  }
  json closed = json::array();
  for (const Date& date : hours.closed_dates) closed.push_back(to_iso(date));
  return json{{"zone", encode(hours.zone)}, {"weekly", std::move(weekly)}, {"closed_dates", std::move(closed)}};
}

Result<OpeningHours> decode_opening_hours(const json& in) {
  if (auto error = require_object(in)) return *error;
  OpeningHours hours;
  const auto zone = in.find("zone");
  if (zone == in.end()) return field_error("required", "zone");
  auto decoded_zone = decode_time_zone(*zone);
  if (!decoded_zone) return decoded_zone.error();
  hours.zone = std::move(decoded_zone).value();
  const auto weekly = in.find("weekly");
  if (weekly == in.end()) return field_error("required", "weekly");
  if (!weekly->is_object()) return field_error("invalid_type", "weekly");
  for (std::size_t day = 0; day < 7; ++day) {
    const auto windows = weekly->find(kDayNames[day]);
    if (windows == weekly->end() || windows->is_null()) continue;
    const std::string day_field = std::string("weekly.") + kDayNames[day];
    if (!windows->is_array() || windows->size() > 24) return field_error("invalid_type", day_field);
    for (std::size_t i = 0; i < windows->size(); ++i) {
      const std::string field = day_field + "[" + std::to_string(i) + "]";
      const json& window = (*windows)[i];
      std::string opens;
      std::string closes;
      if (auto error = require_object(window, field)) return *error;
      if (auto error = read_string(window, "opens", opens, 5, field)) return *error;
      if (auto error = read_string(window, "closes", closes, 5, field)) return *error;
      const auto open_minute = parse_clock(opens);
      const auto close_minute = parse_clock(closes);
      if (!open_minute || !close_minute || *open_minute >= *close_minute)
        return field_error("invalid_opening_window", field);
      hours.weekly[day].push_back(OpeningWindow{*open_minute, *close_minute});
    }
  }
  const auto closed = in.find("closed_dates");
  if (closed != in.end() && !closed->is_null()) {
    if (!closed->is_array() || closed->size() > 10'000) return field_error("invalid_type", "closed_dates");
    for (std::size_t i = 0; i < closed->size(); ++i) {
      const json& value = (*closed)[i];
      const auto date = value.is_string() ? parse_iso_date(value.get_ref<const std::string&>()) : std::nullopt;
      if (!date) return field_error("invalid_date", "closed_dates[" + std::to_string(i) + "]");
      hours.closed_dates.push_back(*date);
    }
  }
  if (auto error = validate_opening_hours(hours)) {
    // Field names of the validator use indices; the wire form names the days.
    Error renamed = *error;
    if (renamed.field.rfind("weekly[", 0) == 0 && renamed.field.size() > 8) {
      const auto day = static_cast<std::size_t>(renamed.field[7] - '0');
      if (day < 7) renamed.field = std::string("weekly.") + kDayNames[day] + renamed.field.substr(9);
    }
    return renamed;
  }
  return hours;
}

json encode(const SlaTargets& targets) {
  return json{{"critical", targets.critical}, {"high", targets.high}, {"normal", targets.normal}, {"low", targets.low}};
}

Result<SlaTargets> decode_sla_targets(const json& in) {
  if (auto error = require_object(in)) return *error;
  SlaTargets targets;
  std::optional<Error> error;
  if ((error = read_int(in, "critical", targets.critical, -kMaxCount, kMaxCount)) ||
      (error = read_int(in, "high", targets.high, -kMaxCount, kMaxCount)) ||
      (error = read_int(in, "normal", targets.normal, -kMaxCount, kMaxCount)) ||
      (error = read_int(in, "low", targets.low, -kMaxCount, kMaxCount)) || (error = validate_sla_targets(targets)))
    return *error;
  return targets;
}

// [SECTION] Transparency board and invoices
json encode(const BoardRow& row) {
  const auto optional = [](const auto& value) { return value ? json(*value) : json(nullptr); };
  return json{{"reference", row.reference},
              {"category", to_string(row.category)},
              {"criticality", to_string(row.criticality)},
              {"language", to_string(row.language)},
              {"month_opened", row.month_opened},
              {"first_response_minutes", optional(row.first_response_minutes)},
              {"resolution_minutes", optional(row.resolution_minutes)},
              {"within_sla", row.within_sla},
              {"rating", optional(row.rating)},
              {"comment", optional(row.comment)}};
}

Result<BoardRow> decode_board_row(const json& in) {
  if (auto error = require_object(in)) return *error;
  BoardRow row;
  std::optional<Error> error;
  if ((error = read_string(in, "reference", row.reference, 64)) ||
      (error = read_name(in, "category", row.category, parse_category)) ||
      (error = read_name(in, "criticality", row.criticality, parse_criticality)) ||
      (error = read_name(in, "language", row.language, parse_language)) ||
      (error = read_string(in, "month_opened", row.month_opened, 7)) ||
      (error = read_bool(in, "within_sla", row.within_sla)))
    return *error;
  std::int64_t number = 0;
  if (in.contains("first_response_minutes") && !in.at("first_response_minutes").is_null()) {
    if ((error = read_int(in, "first_response_minutes", number, 0, kMaxCount))) return *error;
    row.first_response_minutes = number;
  }
  if (in.contains("resolution_minutes") && !in.at("resolution_minutes").is_null()) {
    if ((error = read_int(in, "resolution_minutes", number, 0, kMaxCount))) return *error;
    row.resolution_minutes = number;
  }
  if (in.contains("rating") && !in.at("rating").is_null()) {
    if ((error = read_int(in, "rating", number, 1, 5))) return field_error("invalid_rating", "rating");
    row.rating = static_cast<int>(number);
  }
  if (in.contains("comment") && !in.at("comment").is_null()) {
    std::string comment;
    if ((error = read_string(in, "comment", comment, 10'000))) return *error;
    row.comment = std::move(comment);
  }
  return row;
}

json encode(const BoardAggregate& aggregate) {
  const auto optional = [](const auto& value) { return value ? json(*value) : json(nullptr); };
  return json{{"group", aggregate.group},
              {"tickets", aggregate.tickets},
              {"median_first_response_minutes", optional(aggregate.median_first_response)},
              {"p90_first_response_minutes", optional(aggregate.p90_first_response)},
              {"within_sla", aggregate.within_sla},
              {"within_sla_per_mille", aggregate.within_sla_per_mille},
              {"rated", aggregate.rated},
              {"average_rating_hundredths", aggregate.average_rating_hundredths},
              {"rating_counts", aggregate.rating_counts}};
}

// [SECTION] Evaluations and onboarding
Result<EvaluationRequest> decode_evaluation_request(const json& in) {
  if (auto error = require_object(in)) return *error;
  EvaluationRequest request;
  std::int64_t rating = 0;
  const auto found = in.find("rating");
  if (found == in.end() || found->is_null()) return field_error("required", "rating");
  if (std::int64_t any = 0; read_integer(*found, std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max(), any) == IntegerRefusal::not_an_integer)
    return field_error("invalid_type", "rating");
  if (auto error = read_int(in, "rating", rating, 1, 5)) return field_error("invalid_rating", "rating");
  request.rating = static_cast<int>(rating);
  std::optional<Error> error;
  if ((error = read_string(in, "comment", request.comment, 4 * kMaxEvaluationComment, {}, false)) ||
      (error = read_bool(in, "publish_comment", request.publish_comment, {}, false)))
    return *error;
  return request;
}

json encode(const Evaluation& evaluation) {
  return json{{"rating", evaluation.rating},
              {"comment", evaluation.comment},
              {"publish_comment", evaluation.publish_comment},
              {"at", evaluation.at}};
}

json encode(const Onboarding& onboarding) {
  json out{{"choice", to_string(onboarding.choice)},
           {"contacts",
            {{"phones", onboarding.contacts.phones},
             {"emails", onboarding.contacts.emails},
             {"preferred_hours", onboarding.contacts.preferred_hours}}},
           {"environment",
            {{"devices", onboarding.environment.devices},
             {"operating_systems", onboarding.environment.operating_systems},
             {"network", onboarding.environment.network},
             {"key_software", onboarding.environment.key_software}}},
           {"done", onboarding.done},
           {"operator_notes", onboarding.operator_notes}};
  out["call"] = onboarding.call ? json{{"starts_at", onboarding.call->starts_at}, {"length", onboarding.call->length}}
                                : json(nullptr);
  if (onboarding.done) out["done_at"] = onboarding.done_at;
  return out;
}

namespace {
std::optional<Error> read_list(const json& in, const char* name, std::vector<std::string>& out,
                               const std::string& prefix) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null()) return std::nullopt;
  const std::string field = path_of(prefix, name);
  if (!found->is_array()) return field_error("invalid_type", field);
  if (found->size() > kMaxOnboardingListEntries) return field_error("too_many_entries", field);
  for (std::size_t i = 0; i < found->size(); ++i) {
    if (!(*found)[i].is_string()) return field_error("invalid_type", field + "[" + std::to_string(i) + "]");
    out.push_back((*found)[i].get<std::string>());
  }
  return std::nullopt;
}
}  // namespace

Result<OnboardingDetails> decode_onboarding_details(const json& in) {
  if (auto error = require_object(in)) return *error;
  OnboardingDetails details;
  const auto contacts = in.find("contacts");
  if (contacts == in.end()) return field_error("required", "contacts");
  if (auto error = require_object(*contacts, "contacts")) return *error;
  std::optional<Error> error;
  if ((error = read_list(*contacts, "phones", details.contacts.phones, "contacts")) ||
      (error = read_list(*contacts, "emails", details.contacts.emails, "contacts")) ||
      (error = read_string(*contacts, "preferred_hours", details.contacts.preferred_hours, 4 * kMaxOnboardingText,
                           "contacts", false)))
    return *error;
  const auto environment = in.find("environment");
  if (environment != in.end() && !environment->is_null()) {
    if ((error = require_object(*environment, "environment")) ||
        (error = read_list(*environment, "devices", details.environment.devices, "environment")) ||
        (error = read_list(*environment, "operating_systems", details.environment.operating_systems, "environment")) ||
        (error = read_string(*environment, "network", details.environment.network, 4 * kMaxOnboardingText,
                             "environment", false)) ||
        (error = read_list(*environment, "key_software", details.environment.key_software, "environment")))
      return *error;
  }
  // The domain rule checks the values themselves (phones, emails, lengths).
  auto checked = update_onboarding_details(Onboarding{}, details.contacts, details.environment);
  if (!checked) return checked.error();
  details.contacts = checked->contacts;
  details.environment = checked->environment;
  return details;
}

}  // namespace tessera::codec
