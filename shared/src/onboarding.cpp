// The onboarding step after the first activation (see onboarding.hpp).
#include "tessera/onboarding.hpp"

#include <algorithm>
#include <array>

#include "tessera/email.hpp"

namespace tessera {

namespace {
constexpr std::array<std::pair<OnboardingChoice, std::string_view>, 3> kChoices{
    {{OnboardingChoice::pending, "pending"},
     {OnboardingChoice::call_booked, "call_booked"},
     {OnboardingChoice::by_email, "by_email"}}};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string() : std::string(text.substr(first, last - first + 1));
}

std::optional<Error> check_list(std::vector<std::string>& list, const std::string& field) {
  if (list.size() > kMaxOnboardingListEntries) return make_error("too_many_entries", field);
  for (std::size_t i = 0; i < list.size(); ++i) {
    list[i] = trimmed(list[i]);
    const std::string entry = field + "[" + std::to_string(i) + "]";
    if (list[i].empty()) return make_error("required", entry);
    if (list[i].size() > kMaxOnboardingText) return make_error("too_long", entry);
  }
  return std::nullopt;
}

std::optional<Error> check_text(std::string& text, const char* field) {
  text = trimmed(text);
  if (text.size() > kMaxOnboardingText) return make_error("too_long", field);
  return std::nullopt;
}
}  // namespace

std::string_view to_string(OnboardingChoice choice) {
  for (const auto& [candidate, name] : kChoices)
    if (candidate == choice) return name;
  return "?";
}

std::optional<OnboardingChoice> parse_onboarding_choice(std::string_view text) {
  for (const auto& [candidate, name] : kChoices)
    if (name == text) return candidate;
  return std::nullopt;
}

bool is_valid_phone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '+' && i == 0) continue;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return false;
  }
  return digits >= 6 && digits <= 20;
}

bool onboarding_required(bool subscription_ever_activated, const Onboarding& onboarding) {
  return subscription_ever_activated && !onboarding.done;
}

Result<Onboarding> book_onboarding_call(const Onboarding& onboarding, Instant slot_start,
                                        const std::vector<AvailabilitySlot>& free_slots, Instant now) {
  if (onboarding.done) return make_error("onboarding_done");
  const auto slot = std::find_if(free_slots.begin(), free_slots.end(),
                                 [slot_start](const AvailabilitySlot& free) { return free.starts_at == slot_start; });
  if (slot == free_slots.end() || slot_start <= now) return make_error("slot_unavailable", "slot");
  Onboarding next = onboarding;
  next.choice = OnboardingChoice::call_booked;
  next.call = *slot;
  return next;
}

Result<Onboarding> choose_onboarding_by_email(const Onboarding& onboarding) {
  if (onboarding.done) return make_error("onboarding_done");
  Onboarding next = onboarding;
  next.choice = OnboardingChoice::by_email;
  next.call.reset();
  return next;
}

Result<Onboarding> update_onboarding_details(const Onboarding& onboarding, const ContactDetails& contacts,
                                             const WorkEnvironment& environment) {
  Onboarding next = onboarding;
  next.contacts = contacts;
  next.environment = environment;
  ContactDetails& c = next.contacts;
  WorkEnvironment& e = next.environment;
  if (auto error = check_list(c.phones, "contacts.phones")) return *error;
  for (std::size_t i = 0; i < c.phones.size(); ++i)
    if (!is_valid_phone(c.phones[i])) return make_error("invalid_phone", "contacts.phones[" + std::to_string(i) + "]");
  if (auto error = check_list(c.emails, "contacts.emails")) return *error;
  for (std::size_t i = 0; i < c.emails.size(); ++i) {
    c.emails[i] = normalize_email(c.emails[i]);
    if (!is_valid_email(c.emails[i])) return make_error("invalid_email", "contacts.emails[" + std::to_string(i) + "]");
  }
  if (c.phones.empty() && c.emails.empty()) return make_error("required", "contacts.phones");
  if (auto error = check_text(c.preferred_hours, "contacts.preferred_hours")) return *error;
  if (auto error = check_list(e.devices, "environment.devices")) return *error;
  if (auto error = check_list(e.operating_systems, "environment.operating_systems")) return *error;
  if (auto error = check_text(e.network, "environment.network")) return *error;
  if (auto error = check_list(e.key_software, "environment.key_software")) return *error;
  return next;
}

Result<Onboarding> complete_onboarding(const Onboarding& onboarding, Role role, std::string_view notes, Instant now) {
  if (role != Role::operator_ && role != Role::admin) return make_error("forbidden_action");
  if (onboarding.done) return make_error("onboarding_done");
  if (onboarding.choice == OnboardingChoice::pending) return make_error("onboarding_not_started");
  std::string text = trimmed(notes);
  if (text.empty()) return make_error("note_required", "notes");
  if (text.size() > 10'000) return make_error("too_long", "notes");
  Onboarding next = onboarding;
  next.done = true;
  next.done_at = now;
  next.operator_notes = std::move(text);
  return next;
}

std::optional<Error> validate_availability_slot(const AvailabilitySlot& slot, Instant now) {
  if (slot.starts_at <= now) return make_error("slot_in_past", "starts_at");
  if (slot.length < kMinOnboardingCallLength || slot.length > kMaxOnboardingCallLength) {
    Error error = make_error("out_of_range", "length_minutes");
    error.params = {{"min", std::to_string(kMinOnboardingCallLength)}, {"max", std::to_string(kMaxOnboardingCallLength)}};
    return error;
  }
  return std::nullopt;
}

}  // namespace tessera
