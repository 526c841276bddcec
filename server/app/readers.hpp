// What the use cases read back of what others stored: the admin's settings documents (the
// stored value decoded and so validated again, or nothing: the default applies) and an
// account's onboarding details. Read here so that a use case never includes another one.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>

#include "store/store.hpp"
#include "tessera/catalog.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/invoice.hpp"
#include "tessera/members.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/sla.hpp"
#include "tessera/trial.hpp"

namespace tessera::server {

// What the business sets once (admin settings); defaults until then.
struct BusinessSettings {
  Catalog catalog = default_catalog();
  Party seller{"Tessera Support", "1 rue de l'Exemple\n75001 Paris\nFrance", "FR00123456789", "billing@tessera.local"};
  std::string bank_holder = "Tessera Support";
  std::string bank_iban = "FR76 0000 0000 0000 0000 0000 000";
  std::string bank_bic = "TESSFRPPXXX";
  std::string check_payee = "Tessera Support";
  std::string check_address = "1 rue de l'Exemple, 75001 Paris, France";
};

// [SECTION] Settings documents (storage keys: see settings.cpp)
std::optional<nlohmann::json> stored_json(Store& store, const std::string& key);
// The stored value decoded (and so validated again), or nothing.
template <class Decode>
auto stored(Store& store, const std::string& key, Decode decode)
    -> std::optional<std::decay_t<decltype(decode(nlohmann::json()).value())>> {
  const auto parsed = stored_json(store, key);
  if (!parsed) return std::nullopt;
  auto decoded = decode(*parsed);
  if (!decoded) return std::nullopt;
  return std::move(decoded).value();
}
std::optional<TrialRules> stored_trial_rules(Store& store);
// The business's opening hours and SLA targets (transparency, the queue and the settings read
// the same rows); until an admin sets them, Monday to Friday 9:00–18:00 in Europe/Paris.
OpeningHours stored_opening_hours(Store& store);
SlaTargets stored_sla_targets(Store& store);
// Overwrites the catalog, VAT rate, seller, bank and check details with the stored ones.
void apply_stored_settings(Store& store, BusinessSettings& settings);

// [SECTION] Onboarding details
// The details an owner gave (contacts, work environment), or nothing when none or unreadable.
std::optional<codec::OnboardingDetails> onboarding_details(const OnboardingRecord& record);
// The account's work environment as its owner gave it, for ticket details (staff only).
std::optional<WorkEnvironment> stored_work_environment(Store& store, Id account_id);
// Its contacts (phones, emails, preferred hours), shown to staff beside the work environment.
std::optional<ContactDetails> stored_contacts(Store& store, Id account_id);

// [SECTION] The subscription's seats
// The subscription's seats taken now: the owner, the users holding the subscription scope and
// the pending invitations giving it.
SeatCount subscription_seats(Store& store, Id account_id, Instant at);

}  // namespace tessera::server
