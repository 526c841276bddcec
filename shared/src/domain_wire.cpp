// JSON forms of the domain values (see domain_wire.hpp). Sections: reading helpers that
// never throw, catalog, ledger, opening hours and SLA, board and invoices.
#include "tessera/domain_wire.hpp"

#include <array>
#include <limits>

#include "tessera/json_limits.hpp"

namespace tessera::codec {

// [SECTION] Reading helpers
namespace {

Error field_error(std::string code, std::string field) { return make_error(std::move(code), std::move(field)); }

std::string path_of(const std::string& prefix, const char* name) { return prefix.empty() ? name : prefix + "." + name; }

// Each reader: a missing member keeps `out` as it is when `required` is false.
std::optional<Error> read_int(const json& in, const char* name, std::int64_t& out, std::int64_t min, std::int64_t max,
                              const std::string& prefix = {}, bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (auto error = read_integer_field(in, name, min, max, out)) {
    error->field = path_of(prefix, name);
    if (error->code == "invalid_value") error->params.clear();  // as before: no params
    return error;
  }
  return std::nullopt;
}

std::optional<Error> read_int32(const json& in, const char* name, int& out, int min, int max,
                                const std::string& prefix = {}, bool required = true) {
  std::int64_t value = out;
  if (auto error = read_int(in, name, value, min, max, prefix, required)) return error;
  out = static_cast<int>(value);
  return std::nullopt;
}

std::optional<Error> read_bool(const json& in, const char* name, bool& out, const std::string& prefix = {},
                               bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (!found->is_boolean()) return field_error("invalid_type", path_of(prefix, name));
  out = found->get<bool>();
  return std::nullopt;
}

std::optional<Error> read_string(const json& in, const char* name, std::string& out, std::size_t max,
                                 const std::string& prefix = {}, bool required = true) {
  const auto found = in.find(name);
  if (found == in.end() || found->is_null())
    return required ? std::optional(field_error("required", path_of(prefix, name))) : std::nullopt;
  if (!found->is_string()) return field_error("invalid_type", path_of(prefix, name));
  const auto& text = found->get_ref<const std::string&>();
  if (text.size() > max) return field_error("too_long", path_of(prefix, name));
  out = text;
  return std::nullopt;
}

template <class Enum, class Parse>
std::optional<Error> read_name(const json& in, const char* name, Enum& out, Parse parse, const std::string& prefix = {},
                               bool required = true) {
  std::string text;
  const bool present = in.contains(name) && !in.at(name).is_null();
  if (auto error = read_string(in, name, text, 64, prefix, required)) return error;
  if (!present) return std::nullopt;
  const auto parsed = parse(text);
  if (!parsed) return field_error("invalid_value", path_of(prefix, name));
  out = *parsed;
  return std::nullopt;
}

std::optional<Error> read_date(const json& in, const char* name, Date& out, const std::string& prefix = {},
                               bool required = true) {
  std::string text;
  const bool present = in.contains(name) && !in.at(name).is_null();
  if (auto error = read_string(in, name, text, 10, prefix, required)) return error;
  if (!present) return std::nullopt;
  const auto parsed = parse_iso_date(text);
  if (!parsed) return field_error("invalid_date", path_of(prefix, name));
  out = *parsed;
  return std::nullopt;
}

std::optional<Error> require_object(const json& in, const std::string& field = {}) {
  if (!in.is_object()) return field_error(field.empty() ? "invalid_json" : "invalid_type", field);
  return std::nullopt;
}

constexpr Cents kMaxCents = 100'000'000;
constexpr std::int64_t kMaxCount = 1'000'000'000;
constexpr Instant kMinInstant = -62'135'596'800;  // 0001-01-01
constexpr Instant kMaxInstant = 253'402'300'799;  // 9999-12-31T23:59:59Z

}  // namespace

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

// [SECTION] Ledger
json encode(const LedgerEntry& entry) {
  const LedgerEntry defaults;
  json out{{"kind", to_string(entry.kind)}, {"at", entry.at}};
  const auto put = [&](const char* name, auto value, auto default_value) {
    if (value != default_value) out[name] = value;
  };
  put("lot", entry.lot, defaults.lot);
  put("from_lot", entry.from_lot, defaults.from_lot);
  put("ticket", entry.ticket, defaults.ticket);
  put("user", entry.user, defaults.user);
  put("order", entry.order, defaults.order);
  put("amount", entry.amount, defaults.amount);
  if (entry.lot_kind != defaults.lot_kind) out["lot_kind"] = to_string(entry.lot_kind);
  put("multi_user", entry.multi_user, defaults.multi_user);
  put("settlement", entry.settlement, defaults.settlement);
  if (entry.source != defaults.source) out["source"] = to_string(entry.source);
  put("pool", entry.pool, defaults.pool);
  put("expires_at", entry.expires_at, defaults.expires_at);
  put("period_start", entry.period_start, defaults.period_start);
  put("period_end", entry.period_end, defaults.period_end);
  put("users", entry.users, defaults.users);
  put("cents", entry.cents, defaults.cents);
  if (entry.method != defaults.method) out["method"] = to_string(entry.method);
  if (entry.restart_on != defaults.restart_on) out["restart_on"] = to_iso(entry.restart_on);
  put("offer_code", entry.offer_code, defaults.offer_code);
  put("note", entry.note, defaults.note);
  return out;
}

Result<LedgerEntry> decode_ledger_entry(const json& in) {
  if (auto error = require_object(in)) return *error;
  LedgerEntry entry;
  const auto lot_kind = [](std::string_view text) -> std::optional<LotKind> {
    for (LotKind kind : {LotKind::trial_minutes, LotKind::ticket_units, LotKind::bank_minutes})
      if (to_string(kind) == text) return kind;
    return std::nullopt;
  };
  constexpr std::int64_t kBig = std::int64_t{1} << 53;  // JSON-safe integers
  std::optional<Error> error;
  if ((error = read_name(in, "kind", entry.kind, parse_entry_kind)) ||
      (error = read_int(in, "at", entry.at, kMinInstant, kMaxInstant)) ||
      (error = read_int(in, "lot", entry.lot, 0, kBig, {}, false)) ||
      (error = read_int(in, "from_lot", entry.from_lot, 0, kBig, {}, false)) ||
      (error = read_int(in, "ticket", entry.ticket, 0, kBig, {}, false)) ||
      (error = read_int(in, "user", entry.user, 0, kBig, {}, false)) ||
      (error = read_int(in, "order", entry.order, 0, kBig, {}, false)) ||
      (error = read_int(in, "amount", entry.amount, -kBig, kBig, {}, false)) ||
      (error = read_name(in, "lot_kind", entry.lot_kind, lot_kind, {}, false)) ||
      (error = read_bool(in, "multi_user", entry.multi_user, {}, false)) ||
      (error = read_bool(in, "settlement", entry.settlement, {}, false)) ||
      (error = read_name(in, "source", entry.source, parse_funding_source, {}, false)) ||
      (error = read_bool(in, "pool", entry.pool, {}, false)) ||
      (error = read_int(in, "expires_at", entry.expires_at, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "period_start", entry.period_start, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "period_end", entry.period_end, kMinInstant, kMaxInstant, {}, false)) ||
      (error = read_int(in, "users", entry.users, 0, kBig, {}, false)) ||
      (error = read_int(in, "cents", entry.cents, -kBig, kBig, {}, false)) ||
      (error = read_name(in, "method", entry.method, parse_payment_method, {}, false)) ||
      (error = read_date(in, "restart_on", entry.restart_on, {}, false)) ||
      (error = read_string(in, "offer_code", entry.offer_code, 64, {}, false)) ||
      (error = read_string(in, "note", entry.note, 10'000, {}, false)))
    return *error;
  return entry;
}

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

json encode(const Invoice& invoice) {
  const auto party = [](const Party& p) {
    return json{{"name", p.name}, {"address", p.address}, {"vat_number", p.vat_number}, {"email", p.email}};
  };
  json lines = json::array();
  for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
    const InvoiceLine& line = invoice.lines[i];
    const InvoiceLineTotals totals =
        i < invoice.totals.lines.size() ? invoice.totals.lines[i] : line_totals(line);
    lines.push_back(json{{"description", line.description},
                         {"quantity", line.quantity},
                         {"unit_price_net", line.unit_price_net},
                         {"vat_rate", line.vat_rate},
                         {"net", totals.net},
                         {"vat", totals.vat},
                         {"gross", totals.gross}});
  }
  return json{{"number", invoice.number},
              {"issued_at", invoice.issued_at},
              {"seller", party(invoice.seller)},
              {"buyer", party(invoice.buyer)},
              {"lines", std::move(lines)},
              {"net", invoice.totals.net},
              {"vat", invoice.totals.vat},
              {"gross", invoice.totals.gross},
              {"payment_method", to_string(invoice.payment_method)},
              {"paid_at", invoice.paid_at},
              {"order", invoice.order_id}};
}

Result<Invoice> decode_invoice(const json& in) {
  if (auto error = require_object(in)) return *error;
  Invoice invoice;
  std::optional<Error> error;
  if ((error = read_string(in, "number", invoice.number, 32)) ||
      (error = read_int(in, "issued_at", invoice.issued_at, kMinInstant, kMaxInstant)) ||
      (error = read_name(in, "payment_method", invoice.payment_method, parse_payment_method)) ||
      (error = read_int(in, "paid_at", invoice.paid_at, kMinInstant, kMaxInstant)) ||
      (error = read_int(in, "order", invoice.order_id, 0, std::int64_t{1} << 53)))
    return *error;
  for (const char* name : {"seller", "buyer"}) {
    const auto found = in.find(name);
    if (found == in.end()) return field_error("required", name);
    if ((error = require_object(*found, name))) return *error;
    Party& party = std::string_view(name) == "seller" ? invoice.seller : invoice.buyer;
    if ((error = read_string(*found, "name", party.name, 1000, name)) ||
        (error = read_string(*found, "address", party.address, 2000, name, false)) ||
        (error = read_string(*found, "vat_number", party.vat_number, 100, name, false)) ||
        (error = read_string(*found, "email", party.email, 254, name, false)))
      return *error;
  }
  const auto lines = in.find("lines");
  if (lines == in.end()) return field_error("required", "lines");
  if (!lines->is_array()) return field_error("invalid_type", "lines");
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string prefix = "lines[" + std::to_string(i) + "]";
    const json& line_json = (*lines)[i];
    InvoiceLine line;
    if ((error = require_object(line_json, prefix)) ||
        (error = read_string(line_json, "description", line.description, 1000, prefix)) ||
        (error = read_int(line_json, "quantity", line.quantity, 1, kMaxCount, prefix)) ||
        (error = read_int(line_json, "unit_price_net", line.unit_price_net, -kMaxCents, kMaxCents, prefix)) ||
        (error = read_int(line_json, "vat_rate", line.vat_rate, 0, 10'000, prefix)))
      return *error;
    invoice.lines.push_back(std::move(line));
  }
  invoice.totals = invoice_totals(invoice.lines);
  for (const auto& [name, computed] :
       {std::pair{"net", invoice.totals.net}, {"vat", invoice.totals.vat}, {"gross", invoice.totals.gross}}) {
    std::int64_t stored = 0;
    if ((error = read_int(in, name, stored, -kMaxCount * kMaxCents, kMaxCount * kMaxCents))) return *error;
    if (stored != computed) return field_error("invalid_value", name);
  }
  // "2026-000042": the year and the sequence come from the number.
  const std::string& number = invoice.number;
  bool well_formed = number.size() == 11 && number[4] == '-';
  for (std::size_t i = 0; well_formed && i < number.size(); ++i)
    well_formed = i == 4 || (number[i] >= '0' && number[i] <= '9');
  if (!well_formed) return field_error("invalid_value", "number");
  for (std::size_t i = 0; i < 4; ++i) invoice.year = invoice.year * 10 + (number[i] - '0');
  for (std::size_t i = 5; i < 11; ++i) invoice.sequence = invoice.sequence * 10 + (number[i] - '0');
  return invoice;
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
