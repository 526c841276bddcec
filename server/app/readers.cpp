// Reading back stored documents (see readers.hpp).
#include "app/readers.hpp"

#include "adapters/time_zone.hpp"
#include "tessera/business_settings.hpp"
#include "tessera/domain_wire.hpp"

namespace tessera::server {

using nlohmann::json;

// [SECTION] Settings documents
std::optional<json> stored_json(Store& store, const std::string& key) {
  const auto text = store.setting(key);
  if (!text) return std::nullopt;
  json parsed = json::parse(*text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

std::optional<TrialRules> stored_trial_rules(Store& store) {
  return stored(store, "trial", codec::decode_trial_rules);
}

OpeningHours stored_opening_hours(Store& store) {
  static const TimeZoneRules paris = [] {
    const auto zone = system_time_zone("Europe/Paris");
    return zone ? zone.value() : fixed_offset_zone("Europe/Paris", 3600);
  }();
  return stored(store, "opening_hours", codec::decode_opening_hours).value_or(default_opening_hours(paris));
}

SlaTargets stored_sla_targets(Store& store) {
  return stored(store, "sla_targets", codec::decode_sla_targets).value_or(SlaTargets{});
}

void apply_stored_settings(Store& store, BusinessSettings& settings) {
  if (auto catalog = stored(store, "catalog", codec::decode_catalog)) settings.catalog = std::move(*catalog);
  // The VAT rate is its own setting; until it is set, the catalog's own rate applies.
  if (const auto rate = stored(store, "vat_rate", codec::decode_vat_rate)) settings.catalog.vat_rate = *rate;
  if (auto seller = stored(store, "seller", codec::decode_seller)) settings.seller = std::move(*seller);
  if (const auto bank = stored(store, "bank", codec::decode_bank_details)) {
    settings.bank_holder = bank->holder;
    settings.bank_iban = bank->iban;
    settings.bank_bic = bank->bic;
  }
  if (const auto check = stored(store, "check", codec::decode_check_details)) {
    settings.check_payee = check->payee;
    settings.check_address = check->address;
  }
}

// [SECTION] Onboarding details
std::optional<codec::OnboardingDetails> onboarding_details(const OnboardingRecord& record) {
  if (record.details_json.empty()) return std::nullopt;
  const auto decoded = codec::decode_onboarding_details(json::parse(record.details_json, nullptr, false));
  if (!decoded) return std::nullopt;
  return decoded.value();
}

namespace {
std::optional<codec::OnboardingDetails> stored_details(Store& store, Id account_id) {
  const auto record = store.onboarding(account_id);
  return record ? onboarding_details(*record) : std::nullopt;
}
}  // namespace

std::optional<WorkEnvironment> stored_work_environment(Store& store, Id account_id) {
  const auto details = stored_details(store, account_id);
  return details ? std::optional(details->environment) : std::nullopt;
}

std::optional<ContactDetails> stored_contacts(Store& store, Id account_id) {
  const auto details = stored_details(store, account_id);
  return details ? std::optional(details->contacts) : std::nullopt;
}

// [SECTION] The subscription's seats
SeatCount subscription_seats(Store& store, Id account_id, Instant at) {
  SeatCount seats;
  for (const MemberRecord& member : store.members_of_account(account_id))
    if (!member.removed_at && member.scope.subscription)
      ++seats.members_with_subscription;
  for (const InvitationRecord& invitation : store.invitations_of_account(account_id))
    if (invitation.scope.subscription &&
        invitation_state({invitation.created_at, invitation.accepted_at, invitation.revoked_at}, at) ==
            InvitationState::pending)
      ++seats.pending_with_subscription;
  return seats;
}

}  // namespace tessera::server
