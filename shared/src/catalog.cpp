// Catalog defaults and validation (see catalog.hpp).
#include "tessera/catalog.hpp"

#include <set>

namespace tessera {

namespace {
constexpr Cents kMaximumPrice = 100'000'000;  // one million euros: beyond that, a typo

Error field_error(std::string code, const std::string& prefix, const char* field) {
  return make_error(std::move(code), prefix + field);
}
}  // namespace

Catalog default_catalog() {
  Catalog catalog;
  catalog.packs = {
      PackOffer{"pack_1", 1, 6, false, 4500, true},
      PackOffer{"pack_20", 20, 12, false, 80000, true},
      PackOffer{"pool_20", 20, 12, true, 85000, true},
  };
  catalog.minute_blocks = {
      MinuteBlockOffer{"minutes_60", 60, 12, 9000, true},
      MinuteBlockOffer{"minutes_180", 180, 12, 25000, true},
      MinuteBlockOffer{"minutes_600", 600, 12, 78000, true},
  };
  return catalog;
}

std::optional<Error> validate_pack_offer(const PackOffer& offer, const std::string& prefix) {
  if (offer.code.empty() || offer.code.size() > 64) return field_error("missing_offer_code", prefix, "code");
  if (offer.units < 1 || offer.units > 100'000) return field_error("invalid_units", prefix, "units");
  if (offer.multi_user && offer.units < kMinimumMultiUserUnits)
    return field_error("multi_user_pack_too_small", prefix, "units");
  if (offer.validity_months < kMinimumValidityMonths || offer.validity_months > 120)
    return field_error("validity_too_short", prefix, "validity_months");
  if (offer.price < 0 || offer.price > kMaximumPrice) return field_error("invalid_price", prefix, "price");
  return std::nullopt;
}

std::optional<Error> validate_minute_block_offer(const MinuteBlockOffer& offer, const std::string& prefix) {
  if (offer.code.empty() || offer.code.size() > 64) return field_error("missing_offer_code", prefix, "code");
  if (offer.minutes < 1 || offer.minutes > 1'000'000) return field_error("invalid_minutes", prefix, "minutes");
  if (offer.validity_months < kMinimumValidityMonths || offer.validity_months > 120)
    return field_error("validity_too_short", prefix, "validity_months");
  if (offer.price < 0 || offer.price > kMaximumPrice) return field_error("invalid_price", prefix, "price");
  return std::nullopt;
}

Result<Catalog> validate_catalog(const Catalog& catalog) {
  const SubscriptionOffer& subscription = catalog.subscription;
  if (subscription.monthly_price < 0 || subscription.monthly_price > kMaximumPrice)
    return make_error("invalid_price", "subscription.monthly_price");
  if (subscription.extra_user_monthly_price < 0 || subscription.extra_user_monthly_price > kMaximumPrice)
    return make_error("invalid_price", "subscription.extra_user_monthly_price");
  if (subscription.included_users < 1 || subscription.included_users > 1000)
    return make_error("invalid_users", "subscription.included_users");
  if (catalog.vat_rate < 0 || catalog.vat_rate > 10'000) return make_error("invalid_vat_rate", "vat_rate");
  std::set<std::string> codes;
  for (std::size_t i = 0; i < catalog.packs.size(); ++i) {
    const std::string prefix = "packs[" + std::to_string(i) + "].";
    if (auto error = validate_pack_offer(catalog.packs[i], prefix)) return *error;
    if (!codes.insert(catalog.packs[i].code).second) return make_error("duplicate_offer_code", prefix + "code");
  }
  for (std::size_t i = 0; i < catalog.minute_blocks.size(); ++i) {
    const std::string prefix = "minute_blocks[" + std::to_string(i) + "].";
    if (auto error = validate_minute_block_offer(catalog.minute_blocks[i], prefix)) return *error;
    if (!codes.insert(catalog.minute_blocks[i].code).second)
      return make_error("duplicate_offer_code", prefix + "code");
  }
  return catalog;
}

const PackOffer* find_pack(const Catalog& catalog, std::string_view code) {
  for (const PackOffer& offer : catalog.packs)
    if (offer.code == code) return &offer;
  return nullptr;
}

const MinuteBlockOffer* find_minute_block(const Catalog& catalog, std::string_view code) {
  for (const MinuteBlockOffer& offer : catalog.minute_blocks)
    if (offer.code == code) return &offer;
  return nullptr;
}

Cents subscription_period_price(const SubscriptionOffer& offer, std::int64_t extra_users) {
  return offer.monthly_price + offer.extra_user_monthly_price * (extra_users < 0 ? 0 : extra_users);
}

}  // namespace tessera
