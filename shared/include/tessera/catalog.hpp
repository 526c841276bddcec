// The catalog of offers (SPEC §1.2, §1.4, §1.5): the one monthly subscription, ticket packs
// (single-user or multi-user pool) and blocks of minutes, with their prices in cents and
// validity in months, and the rules an admin's edit must respect (validity ≥ 6 months,
// multi-user packs ≥ 20 units, prices ≥ 0, unique codes).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "tessera/invoice.hpp"
#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera {

constexpr int kMinimumValidityMonths = 6;
constexpr std::int64_t kMinimumMultiUserUnits = 20;
constexpr Minutes kMinutesPerTicketUnit = 30;

struct SubscriptionOffer {
  Cents monthly_price = 4900;         // includes `included_users`
  std::int64_t included_users = 1;
  Cents extra_user_monthly_price = 1500;
  bool operator==(const SubscriptionOffer&) const = default;
};

struct PackOffer {
  std::string code;  // stable identifier, e.g. "pack_1"
  std::int64_t units = 1;
  int validity_months = 6;
  bool multi_user = false;
  Cents price = 0;
  bool active = true;
  bool operator==(const PackOffer&) const = default;
};

struct MinuteBlockOffer {
  std::string code;  // e.g. "minutes_60"
  Minutes minutes = 60;
  int validity_months = 12;
  Cents price = 0;
  bool active = true;
  bool operator==(const MinuteBlockOffer&) const = default;
};

struct Catalog {
  SubscriptionOffer subscription;
  std::vector<PackOffer> packs;
  std::vector<MinuteBlockOffer> minute_blocks;
  BasisPoints vat_rate = kDefaultVatRate;
  bool operator==(const Catalog&) const = default;
};

// The defaults of SPEC §1: packs of 1 ticket (6 months), 20 tickets (12 months), a
// multi-user pool of 20 (12 months); blocks of 60, 180 and 600 minutes (12 months).
Catalog default_catalog();

// Field-level checks; the field names the offending entry ("packs[1].validity_months").
// Codes: "validity_too_short", "multi_user_pack_too_small", "invalid_units",
// "invalid_minutes", "invalid_price", "invalid_users", "duplicate_offer_code",
// "missing_offer_code", "invalid_vat_rate".
Result<Catalog> validate_catalog(const Catalog& catalog);
std::optional<Error> validate_pack_offer(const PackOffer& offer, const std::string& field_prefix = {});
std::optional<Error> validate_minute_block_offer(const MinuteBlockOffer& offer, const std::string& field_prefix = {});

const PackOffer* find_pack(const Catalog& catalog, std::string_view code);
const MinuteBlockOffer* find_minute_block(const Catalog& catalog, std::string_view code);

// The monthly price of a subscription period with `extra_users` beyond the included ones.
Cents subscription_period_price(const SubscriptionOffer& offer, std::int64_t extra_users);

}  // namespace tessera
