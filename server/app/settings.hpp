// The business's settings an admin edits (SPEC §1 "default" numbers, §1.6, §1.9): opening
// hours (weekly schedule, IANA time zone, closed dates), SLA targets, the free trial, the VAT
// rate, the seller on invoices, the bank account and check payee of payment instructions, and
// the catalog. Each part is one row of the settings table, so editing one part never
// overwrites another; readers fall back to the defaults; a change is validated whole before
// it is stored, and audit-logged with what it was and what it became.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/config.hpp"
#include "app/context.hpp"
#include "tessera/business_settings.hpp"
#include "tessera/catalog.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"

namespace tessera::server {

// [SECTION] The admin's use cases
class Settings {
 public:
  // The parts, as named in /admin/settings/{part}.
  static const std::vector<std::string_view>& parts();

  Settings(Store& store, Context& context, const Config& config);

  // Admins only ("forbidden" otherwise). The document holds every part in its API form.
  Result<nlohmann::json> document(const UserRecord& admin);
  // "not_found" for an unknown part.
  Result<nlohmann::json> part(const UserRecord& admin, std::string_view name);
  // Validates the whole part, stores it, writes the audit log; answers the stored part.
  Result<nlohmann::json> update(const UserRecord& admin, std::string_view name, const nlohmann::json& body);

  // The catalog with the VAT rate in force (the public GET /catalog shows the same).
  Result<nlohmann::json> catalog(const UserRecord& admin);
  // Validated by the domain's catalog rules; `vat_rate` is not part of it (settings "vat").
  // Orders already placed keep the offer and prices they were placed with.
  Result<nlohmann::json> update_catalog(const UserRecord& admin, const nlohmann::json& body);

  OpeningHours opening_hours();
  SlaTargets sla_targets();

 private:
  std::optional<nlohmann::json> encoded_part(std::string_view name);
  Catalog current_catalog();

  Store& store_;
  Context& context_;
  const Config& config_;
};

}  // namespace tessera::server
