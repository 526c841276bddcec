// The startup phone conference (SPEC §1.2): after the first activation of a subscription the
// account has an onboarding step. The customer books a slot from the admin's availability or
// chooses "by email instead"; the step captures every way of reaching them and their work
// environment; an operator marks it done with notes. Pure transitions with precise errors.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/units.hpp"

namespace tessera {

enum class OnboardingChoice { pending, call_booked, by_email };
std::string_view to_string(OnboardingChoice choice);
std::optional<OnboardingChoice> parse_onboarding_choice(std::string_view text);

struct ContactDetails {
  std::vector<std::string> phones;  // as typed, checked: + ( ) . - and spaces around 6–20 digits
  std::vector<std::string> emails;  // normalized (trimmed, lower-cased)
  std::string preferred_hours;      // free text: "weekdays after 18:00"
  bool operator==(const ContactDetails&) const = default;
};

struct WorkEnvironment {
  std::vector<std::string> devices;            // "Dell XPS 13 laptop", "HP LaserJet printer"
  std::vector<std::string> operating_systems;  // "Windows 11", "iOS 17"
  std::string network;                         // "Fibre box, Wi-Fi mesh"
  std::vector<std::string> key_software;       // "Outlook", "Sage accounting"
  bool operator==(const WorkEnvironment&) const = default;
};

struct AvailabilitySlot {
  Instant starts_at = 0;
  Minutes length = 30;
  bool operator==(const AvailabilitySlot&) const = default;
};

struct Onboarding {
  OnboardingChoice choice = OnboardingChoice::pending;
  std::optional<AvailabilitySlot> call;  // when a call is booked
  ContactDetails contacts;
  WorkEnvironment environment;
  bool done = false;
  Instant done_at = 0;
  std::string operator_notes;
  bool operator==(const Onboarding&) const = default;
};

constexpr std::size_t kMaxOnboardingListEntries = 20;
constexpr std::size_t kMaxOnboardingText = 500;

// Whether the account still has the step to do: after the first activation, until done.
bool onboarding_required(bool subscription_ever_activated, const Onboarding& onboarding);

// Book one of the admin's free slots (not in the past). Rebooking moves the call.
// Errors: "onboarding_done", "slot_unavailable" (field slot).
Result<Onboarding> book_onboarding_call(const Onboarding& onboarding, Instant slot_start,
                                        const std::vector<AvailabilitySlot>& free_slots, Instant now);
// Errors: "onboarding_done".
Result<Onboarding> choose_onboarding_by_email(const Onboarding& onboarding);
// Replace the contact details and the work environment (customer, or an operator during the
// call). Errors: "onboarding_done" is NOT one: details stay editable; "invalid_phone" /
// "invalid_email" (field "contacts.phones[i]" ...), "too_many_entries", "too_long", "required"
// (at least one phone or email).
Result<Onboarding> update_onboarding_details(const Onboarding& onboarding, const ContactDetails& contacts,
                                             const WorkEnvironment& environment);
// An operator (or admin) marks it done with notes. Errors: "forbidden_action",
// "onboarding_not_started" (no choice made yet), "onboarding_done", "note_required".
Result<Onboarding> complete_onboarding(const Onboarding& onboarding, Role role, std::string_view notes, Instant now);

bool is_valid_phone(std::string_view phone);

// [SECTION] The admin's availability
constexpr Minutes kMinOnboardingCallLength = 15;
constexpr Minutes kMaxOnboardingCallLength = 240;
// A slot the admin offers: starting after `now`, 15–240 minutes long.
// Errors: "slot_in_past" (field starts_at), "out_of_range" (field length_minutes, params min, max).
std::optional<Error> validate_availability_slot(const AvailabilitySlot& slot, Instant now);

}  // namespace tessera
