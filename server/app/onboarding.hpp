// The startup phone conference (SPEC §1.2) as use cases: the admin offers availability slots;
// after the subscription's first activation the account owner books one free slot (a slot
// goes to one account only, decided by one conditional UPDATE inside the transaction) or
// chooses "by email instead", and gives contacts and work environment; an operator or admin
// marks it done with notes. Rules from shared/onboarding.hpp; answers are JSON views.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "app/context.hpp"
#include "tessera/onboarding.hpp"

namespace tessera::server {

class OnboardingService {
 public:
  OnboardingService(Store& store, Context& context);

  // [SECTION] The account owner ("owner_only" for other users, "forbidden" for staff)
  // {"onboarding": view, "free_slots": [{id, starts_at, length_minutes}]}
  Result<nlohmann::json> own(const UserRecord& user);
  // Errors: "onboarding_not_available" (no activation yet), "onboarding_done",
  // "slot_unavailable" (unknown, past, or booked by another account).
  Result<nlohmann::json> book(const UserRecord& user, Id slot_id);
  Result<nlohmann::json> choose_by_email(const UserRecord& user);
  // Contacts and work environment, editable until and after done (they change over time).
  Result<nlohmann::json> update_details(const UserRecord& user, const nlohmann::json& body);

  // [SECTION] Staff (the owner may read their own; other customers get "not_found")
  Result<nlohmann::json> of_account(const UserRecord& user, Id account_id);
  Result<nlohmann::json> all(const UserRecord& staff);  // every account that has the step
  Result<nlohmann::json> complete(const UserRecord& user, Id account_id, const nlohmann::json& body);
  // An operator fills in the contacts and environment during the call (audit-logged); the
  // owner of that account may use it too (same as update_details).
  Result<nlohmann::json> update_details_of(const UserRecord& user, Id account_id, const nlohmann::json& body);

  // [SECTION] Availability: staff read it, admins add and remove free slots.
  Result<nlohmann::json> slots(const UserRecord& staff);
  Result<nlohmann::json> add_slot(const UserRecord& admin, const nlohmann::json& body);
  Result<bool> remove_slot(const UserRecord& admin, Id slot_id);

 private:
  struct Step {
    Onboarding onboarding;
    std::optional<Id> slot_id;
    bool available = false;  // the subscription was activated once
    std::optional<Id> done_by;
    Instant updated_at = 0;
  };
  Step load(Id account_id);
  void save(Id account_id, const Step& step);
  nlohmann::json view(Id account_id, const Step& step, bool for_staff);
  Result<Id> owned_account(const UserRecord& user);
  Result<nlohmann::json> save_details(Id account_id, const nlohmann::json& body, std::optional<Id> staff_author);
  std::vector<AvailabilitySlot> free_slots_for(Id account_id);

  Store& store_;
  Context& context_;
};

}  // namespace tessera::server
