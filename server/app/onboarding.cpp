// The startup phone conference's use cases (see onboarding.hpp).
#include "app/onboarding.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "app/readers.hpp"
#include "tessera/domain_wire.hpp"
#include "tessera/json_limits.hpp"

namespace tessera::server {

using nlohmann::json;

namespace {
json slot_json(const OnboardingSlotRecord& slot) {
  return json{{"id", slot.id},
              {"starts_at", slot.starts_at},
              {"length_minutes", slot.length},
              {"booked", slot.account_id.has_value()},
              {"account_id", slot.account_id ? json(*slot.account_id) : json(nullptr)}};
}
}  // namespace

OnboardingService::OnboardingService(Store& store, Context& context) : store_(store), context_(context) {}

OnboardingService::Step OnboardingService::load(Id account_id) {
  Step step;
  for (const LedgerEntry& entry : store_.ledger_entries(account_id))
    if (entry.kind == EntryKind::subscription_activated) step.available = true;
  const auto record = store_.onboarding(account_id);
  if (!record) return step;
  Onboarding& onboarding = step.onboarding;
  onboarding.choice = record->choice;
  if (const auto details = onboarding_details(*record)) {
    onboarding.contacts = details->contacts;
    onboarding.environment = details->environment;
  }
  step.slot_id = record->slot_id;
  if (record->slot_id)
    if (const auto slot = store_.onboarding_slot(*record->slot_id))
      onboarding.call = AvailabilitySlot{slot->starts_at, slot->length};
  onboarding.done = record->done;
  onboarding.done_at = record->done_at;
  onboarding.operator_notes = record->operator_notes;
  step.done_by = record->done_by;
  step.updated_at = record->updated_at;
  return step;
}

void OnboardingService::save(Id account_id, const Step& step) {
  const Onboarding& onboarding = step.onboarding;
  OnboardingRecord record;
  record.account_id = account_id;
  record.choice = onboarding.choice;
  record.slot_id = onboarding.choice == OnboardingChoice::call_booked ? step.slot_id : std::nullopt;
  if (!onboarding.contacts.phones.empty() || !onboarding.contacts.emails.empty()) {
    const json encoded = codec::encode(onboarding);
    record.details_json = json{{"contacts", encoded["contacts"]}, {"environment", encoded["environment"]}}.dump();
  }
  record.done = onboarding.done;
  record.done_at = onboarding.done_at;
  record.done_by = step.done_by;
  record.operator_notes = onboarding.operator_notes;
  record.updated_at = step.updated_at;
  store_.save_onboarding(record);
}

json OnboardingService::view(Id account_id, const Step& step, bool for_staff) {
  json out = codec::encode(step.onboarding);
  out["account_id"] = account_id;
  out["available"] = step.available;
  out["required"] = onboarding_required(step.available, step.onboarding);
  if (out["call"].is_object() && step.slot_id) out["call"]["slot_id"] = *step.slot_id;
  if (!step.onboarding.done) out["done_at"] = nullptr;
  out["updated_at"] = step.updated_at;
  if (!for_staff) {
    out.erase("operator_notes");  // the operator's notes are for staff only
    return out;
  }
  out["owner"] = nullptr;
  if (const auto owner_id = store_.account_owner(account_id))
    if (const auto owner = store_.user_by_id(*owner_id))
      out["owner"] = json{{"id", owner->id}, {"name", owner->name}, {"email", owner->email}};
  out["done_by"] = step.done_by ? json(*step.done_by) : json(nullptr);
  return out;
}

Result<Id> OnboardingService::owned_account(const UserRecord& user) {
  if (is_staff(user.role)) return make_error("forbidden");
  if (!user.account_id || !context_.viewer_of(user).is_account_owner) return make_error("owner_only");
  return *user.account_id;
}

// [SECTION] The account owner
Result<json> OnboardingService::own(const UserRecord& user) {
  const auto account = owned_account(user);
  if (!account) return account.error();
  const Step step = load(*account);
  json free = json::array();
  if (step.available && !step.onboarding.done) {
    const Instant now = context_.now();
    for (const OnboardingSlotRecord& slot : store_.onboarding_slots())
      if (!slot.account_id && slot.starts_at > now)
        free.push_back(json{{"id", slot.id}, {"starts_at", slot.starts_at}, {"length_minutes", slot.length}});
  }
  return json{{"onboarding", view(*account, step, false)}, {"free_slots", free}};
}

Result<json> OnboardingService::book(const UserRecord& user, Id slot_id) {
  const auto account = owned_account(user);
  if (!account) return account.error();
  return atomically<json>(store_, [&]() -> Result<json> {
    Step step = load(*account);
    if (!step.available) return make_error("onboarding_not_available");
    const auto slot = store_.onboarding_slot(slot_id);
    if (!slot || (slot->account_id && *slot->account_id != *account)) {
      if (step.onboarding.done) return make_error("onboarding_done");
      return make_error("slot_unavailable", "slot_id");
    }
    const Instant now = context_.now();
    const auto booked =
        book_onboarding_call(step.onboarding, slot->starts_at, {AvailabilitySlot{slot->starts_at, slot->length}}, now);
    if (!booked) {
      Error error = booked.error();
      if (error.field == "slot") error.field = "slot_id";
      return error;
    }
    // Rebooking moves the call: the previous slot is free again. The conditional UPDATE
    // gives the slot to one account only, whatever runs at the same time.
    store_.release_onboarding_slots(*account);
    if (!store_.claim_onboarding_slot(slot_id, *account)) return make_error("slot_unavailable", "slot_id");
    step.onboarding = booked.value();
    step.slot_id = slot_id;
    step.updated_at = now;
    save(*account, step);
    return view(*account, step, false);
  });
}

Result<json> OnboardingService::choose_by_email(const UserRecord& user) {
  const auto account = owned_account(user);
  if (!account) return account.error();
  return atomically<json>(store_, [&]() -> Result<json> {
    Step step = load(*account);
    if (!step.available) return make_error("onboarding_not_available");
    const auto chosen = choose_onboarding_by_email(step.onboarding);
    if (!chosen) return chosen.error();
    store_.release_onboarding_slots(*account);
    step.onboarding = chosen.value();
    step.slot_id.reset();
    step.updated_at = context_.now();
    save(*account, step);
    return view(*account, step, false);
  });
}

Result<json> OnboardingService::update_details(const UserRecord& user, const json& body) {
  const auto account = owned_account(user);
  if (!account) return account.error();
  return save_details(*account, body, std::nullopt);
}

Result<json> OnboardingService::save_details(Id account_id, const json& body, std::optional<Id> staff_author) {
  const auto details = codec::decode_onboarding_details(body);
  if (!details) return details.error();
  return atomically<json>(store_, [&]() -> Result<json> {
    Step step = load(account_id);
    if (!step.available) return make_error("onboarding_not_available");
    const auto updated = update_onboarding_details(step.onboarding, details->contacts, details->environment);
    if (!updated) return updated.error();
    step.onboarding = updated.value();
    step.updated_at = context_.now();
    save(account_id, step);
    if (staff_author)
      store_.audit(step.updated_at, *staff_author, "onboarding_details_updated", json{{"account", account_id}}.dump());
    return view(account_id, step, staff_author.has_value());
  });
}

Result<json> OnboardingService::update_details_of(const UserRecord& user, Id account_id, const json& body) {
  if (!is_staff(user.role)) {
    if (user.account_id != account_id) return make_error("not_found");
    return update_details(user, body);
  }
  if (!store_.account_owner(account_id)) return make_error("not_found");
  return save_details(account_id, body, user.id);
}

// [SECTION] Staff
Result<json> OnboardingService::of_account(const UserRecord& user, Id account_id) {
  if (!is_staff(user.role)) {
    // Customers: their own account's step, through the same rules as GET /onboarding.
    if (user.account_id != account_id) return make_error("not_found");
    const auto own_view = own(user);
    if (!own_view) return own_view.error();
    return (*own_view)["onboarding"];
  }
  if (!store_.account_owner(account_id)) return make_error("not_found");
  const Step step = load(account_id);
  if (!step.available && !store_.onboarding(account_id)) return make_error("not_found");
  return view(account_id, step, true);
}

Result<json> OnboardingService::all(const UserRecord& staff) {
  if (!is_staff(staff.role)) return make_error("forbidden");
  std::set<Id> accounts;
  for (Id account : store_.accounts_with_ledger_entry(std::string(to_string(EntryKind::subscription_activated))))
    accounts.insert(account);
  for (const OnboardingRecord& record : store_.onboarding_records()) accounts.insert(record.account_id);
  json steps = json::array();
  for (Id account : accounts) steps.push_back(view(account, load(account), true));
  return json{{"steps", steps}};
}

Result<json> OnboardingService::complete(const UserRecord& user, Id account_id, const json& body) {
  if (!is_staff(user.role) && user.account_id != account_id) return make_error("not_found");
  std::string notes;
  if (const auto found = body.find("notes"); found != body.end() && !found->is_null()) {
    if (!found->is_string()) return make_error("invalid_type", "notes");
    notes = found->get<std::string>();
  }
  return atomically<json>(store_, [&]() -> Result<json> {
    if (!store_.account_owner(account_id)) return make_error("not_found");
    Step step = load(account_id);
    if (!step.available && is_staff(user.role)) return make_error("onboarding_not_available");
    const Instant now = context_.now();
    const auto completed = complete_onboarding(step.onboarding, user.role, notes, now);
    if (!completed) return completed.error();
    step.onboarding = completed.value();
    step.done_by = user.id;
    step.updated_at = now;
    save(account_id, step);
    store_.audit(now, user.id, "onboarding_done", json{{"account", account_id}}.dump());
    return view(account_id, step, true);
  });
}

// [SECTION] Availability
Result<json> OnboardingService::slots(const UserRecord& staff) {
  if (!is_staff(staff.role)) return make_error("forbidden");
  json list = json::array();
  for (const OnboardingSlotRecord& slot : store_.onboarding_slots()) list.push_back(slot_json(slot));
  return json{{"slots", list}};
}

Result<json> OnboardingService::add_slot(const UserRecord& admin, const json& body) {
  if (admin.role != Role::admin) return make_error("forbidden");
  AvailabilitySlot slot;
  // Instants in seconds since 1970, up to the end of the year 9999; the rules check the length's range.
  constexpr std::int64_t kLatestInstant = 253'402'300'799;
  std::int64_t starts_at = 0, length = slot.length;
  if (auto error = read_integer_field(body, "starts_at", 0, kLatestInstant, starts_at)) return *error;
  if (auto error = read_integer_field(body, "length_minutes", std::numeric_limits<std::int32_t>::min(),
                                      std::numeric_limits<std::int32_t>::max(), length, "out_of_range", /*optional=*/true))
    return *error;
  slot.starts_at = starts_at;
  slot.length = length;
  const Instant now = context_.now();
  if (auto error = validate_availability_slot(slot, now)) return *error;
  return atomically<json>(store_, [&]() -> Result<json> {
    const auto existing = store_.onboarding_slots();
    if (std::any_of(existing.begin(), existing.end(),
                    [&](const OnboardingSlotRecord& other) { return other.starts_at == slot.starts_at; }))
      return make_error("already_exists", "starts_at");
    OnboardingSlotRecord record{0, slot.starts_at, slot.length, std::nullopt, now};
    record.id = store_.add_onboarding_slot(record);
    store_.audit(now, admin.id, "onboarding_slot_added",
                 json{{"slot", record.id}, {"starts_at", record.starts_at}, {"length_minutes", record.length}}.dump());
    return slot_json(record);
  });
}

Result<bool> OnboardingService::remove_slot(const UserRecord& admin, Id slot_id) {
  if (admin.role != Role::admin) return make_error("forbidden");
  return atomically<bool>(store_, [&]() -> Result<bool> {
    const auto slot = store_.onboarding_slot(slot_id);
    if (!slot) return make_error("not_found");
    if (slot->account_id || !store_.delete_free_onboarding_slot(slot_id)) return make_error("slot_booked");
    store_.audit(context_.now(), admin.id, "onboarding_slot_removed",
                 json{{"slot", slot_id}, {"starts_at", slot->starts_at}}.dump());
    return true;
  });
}

}  // namespace tessera::server
