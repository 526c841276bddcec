// The business's settings (see settings.hpp). Storage keys: "opening_hours" and
// "sla_targets" (the codec forms transparency.cpp reads), "trial", "vat_rate", "seller",
// "bank", "check", "catalog".
#include "app/settings.hpp"

#include <array>

#include "app/readers.hpp"
#include "tessera/domain_wire.hpp"
#include "adapters/time_zone.hpp"
#include "app/unit_of_work.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
struct PartKey {
  std::string_view part;  // in the API
  const char* key;        // in the settings table
};
constexpr std::array<PartKey, 7> kParts{{{"opening_hours", "opening_hours"},
                                         {"sla_targets", "sla_targets"},
                                         {"trial", "trial"},
                                         {"vat", "vat_rate"},
                                         {"seller", "seller"},
                                         {"bank", "bank"},
                                         {"check", "check"}}};

const char* storage_key(std::string_view part) {
  for (const PartKey& entry : kParts)
    if (entry.part == part) return entry.key;
  return nullptr;
}

// The API shows the zone by its IANA name; storage keeps its transitions (codec form).
json api_opening_hours(const OpeningHours& hours) {
  json out = codec::encode(hours);
  out.erase("zone");
  out["time_zone"] = hours.zone.name;
  return out;
}

Result<OpeningHours> decode_api_opening_hours(const json& body) {
  const auto name = body.find("time_zone");
  if (name == body.end() || name->is_null()) return make_error("required", "time_zone");
  if (!name->is_string()) return make_error("invalid_type", "time_zone");
  if (name->get_ref<const std::string&>().size() > 64) return make_error("invalid_time_zone", "time_zone");
  const auto zone = system_time_zone(name->get<std::string>());
  if (!zone) return make_error("invalid_time_zone", "time_zone");
  json storage = body;
  storage.erase("time_zone");
  storage["zone"] = codec::encode(zone.value());
  return codec::decode_opening_hours(storage);
}

// A part's new value: what is stored, and what the API answers.
struct DecodedPart {
  json stored;
  json shown;
};

Result<DecodedPart> decode_part(std::string_view part, const json& body) {
  const auto both = [](json value) { return DecodedPart{value, value}; };
  if (part == "opening_hours") {
    const auto hours = decode_api_opening_hours(body);
    if (!hours) return hours.error();
    return DecodedPart{codec::encode(hours.value()), api_opening_hours(hours.value())};
  }
  if (part == "sla_targets") {
    const auto targets = codec::decode_sla_targets(body);
    if (!targets) return targets.error();
    return both(codec::encode(targets.value()));
  }
  if (part == "trial") {
    const auto rules = codec::decode_trial_rules(body);
    if (!rules) return rules.error();
    return both(codec::encode(rules.value()));
  }
  if (part == "vat") {
    const auto rate = codec::decode_vat_rate(body);
    if (!rate) return rate.error();
    return both(json{{"vat_rate", rate.value()}});
  }
  if (part == "seller") {
    const auto seller = codec::decode_seller(body);
    if (!seller) return seller.error();
    return both(codec::encode_seller(seller.value()));
  }
  if (part == "bank") {
    const auto bank = codec::decode_bank_details(body);
    if (!bank) return bank.error();
    return both(codec::encode(bank.value()));
  }
  if (part == "check") {
    const auto check = codec::decode_check_details(body);
    if (!check) return check.error();
    return both(codec::encode(check.value()));
  }
  return make_error("not_found");
}
}  // namespace

// [SECTION] The admin's use cases
const std::vector<std::string_view>& Settings::parts() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const PartKey& entry : kParts) out.push_back(entry.part);
    return out;
  }();
  return names;
}

Settings::Settings(Store& store, Context& context, const Config& config)
    : store_(store), context_(context), config_(config) {}

OpeningHours Settings::opening_hours() { return stored_opening_hours(store_); }

SlaTargets Settings::sla_targets() { return stored_sla_targets(store_); }

Catalog Settings::current_catalog() {
  BusinessSettings settings;
  apply_stored_settings(store_, settings);
  return settings.catalog;
}

std::optional<json> Settings::encoded_part(std::string_view name) {
  if (name == "opening_hours") return api_opening_hours(opening_hours());
  if (name == "sla_targets") return codec::encode(sla_targets());
  if (name == "trial") return codec::encode(stored_trial_rules(store_).value_or(config_.trial));
  BusinessSettings business;
  apply_stored_settings(store_, business);
  if (name == "vat") return json{{"vat_rate", business.catalog.vat_rate}};
  if (name == "seller") return codec::encode_seller(business.seller);
  if (name == "bank") return codec::encode(BankDetails{business.bank_holder, business.bank_iban, business.bank_bic});
  if (name == "check") return codec::encode(CheckDetails{business.check_payee, business.check_address});
  return std::nullopt;
}

Result<json> Settings::document(const UserRecord& admin) {
  if (admin.role != Role::admin) return make_error("forbidden");
  json out = json::object();
  for (std::string_view name : parts()) out[std::string(name)] = *encoded_part(name);
  return out;
}

Result<json> Settings::part(const UserRecord& admin, std::string_view name) {
  if (admin.role != Role::admin) return make_error("forbidden");
  auto encoded = encoded_part(name);
  if (!encoded) return make_error("not_found");
  return std::move(*encoded);
}

Result<json> Settings::update(const UserRecord& admin, std::string_view name, const json& body) {
  if (admin.role != Role::admin) return make_error("forbidden");
  const char* key = storage_key(name);
  if (!key) return make_error("not_found");
  if (!body.is_object()) return make_error("invalid_json");
  const auto decoded = decode_part(name, body);
  if (!decoded) return decoded.error();  // nothing stored: the previous value stays
  return atomically<json>(store_, [&]() -> Result<json> {
    const json before = *encoded_part(name);
    store_.put_setting(key, decoded->stored.dump());
    store_.audit(context_.now(), admin.id, "settings_changed",
                 json{{"part", std::string(name)}, {"before", before}, {"after", decoded->shown}}.dump());
    return decoded->shown;
  });
}

Result<json> Settings::catalog(const UserRecord& admin) {
  if (admin.role != Role::admin) return make_error("forbidden");
  return codec::encode(current_catalog());
}

Result<json> Settings::update_catalog(const UserRecord& admin, const json& body) {
  if (admin.role != Role::admin) return make_error("forbidden");
  if (!body.is_object()) return make_error("invalid_json");
  json offers = body;
  offers.erase("vat_rate");  // set with the "vat" settings part
  auto decoded = codec::decode_catalog(offers);
  if (!decoded) return decoded.error();
  return atomically<json>(store_, [&]() -> Result<json> {
    const Catalog before = current_catalog();
    Catalog catalog = decoded.value();
    catalog.vat_rate = before.vat_rate;
    const json after = codec::encode(catalog);
    store_.put_setting("catalog", after.dump());
    store_.audit(context_.now(), admin.id, "catalog_changed",
                 json{{"before", codec::encode(before)}, {"after", after}}.dump());
    return after;
  });
}

}  // namespace tessera::server
