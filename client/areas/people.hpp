// The people area (customers): the account's authorized users and invitations (SPEC §1.3),
// the public page a guest opens from an invitation link to join, the startup conference
// step after the first activation (SPEC §1.2), the password change and logging out
// everywhere. Forms reuse the wire types of wire_account.hpp and are checked with the same
// parsers as the server before anything is sent; what is typed in the longer forms is kept
// on the device (the "people" document).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tessera/members.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/wire_account.hpp"

namespace tessera::client {

class App;

// The startup conference as the owner sees it (GET /onboarding), and the form of its details,
// one entry per line where the API takes a list.
struct OnboardingSlot {
  Id id = 0;
  Instant starts_at = 0;
  Minutes length = 0;
};

struct OnboardingStep {
  bool available = false;  // the subscription was activated once
  bool required = false;   // available and not done
  OnboardingChoice choice = OnboardingChoice::pending;
  Instant call_at = 0;
  Minutes call_length = 0;
  bool done = false;
  Instant done_at = 0;
  std::vector<OnboardingSlot> free_slots;
};

struct OnboardingForm {
  std::string phones, emails, preferred_hours;                   // contacts
  std::string devices, operating_systems, network, key_software;  // work environment
  bool edited = false;  // typed here since the server's copy was read
  bool operator==(const OnboardingForm&) const = default;
};

struct PeopleArea {
  // [SECTION] Authorized users (the owner's screen)
  std::optional<wire::AccountPeople> people;  // the last list received
  bool people_owner_only = false;             // 403: only the account's owner manages users
  std::string invite_email;
  MemberScope invite_scope;
  std::optional<wire::InvitationView> created;  // the invitation just made, with its one-time link (mail off)
  std::string sent_by_mail;                      // mail on: the address the invitation was mailed to
  bool link_copied = false;
  Id confirm_remove = 0;  // the user whose removal waits for a confirmation
  std::string notice;     // "Invitation withdrawn", "Scope changed"

  // [SECTION] The invitation page (a guest, no session)
  std::string token;
  std::optional<wire::InvitationPreview> preview;
  std::optional<Error> preview_error;  // unknown, used, expired or withdrawn link
  wire::AcceptInvitationRequest accept;

  // [SECTION] Password and sessions
  wire::PasswordChangeRequest password;
  bool password_changed = false;

  // [SECTION] Startup conference
  std::optional<OnboardingStep> onboarding;
  bool onboarding_owner_only = false;
  OnboardingForm onboarding_form;
  bool onboarding_saved = false;
};

namespace people {
void install(App& app);
void load_users(App& app);
void invite(App& app);
void copy_link(App& app);
void withdraw(App& app, Id invitation_id);
void set_scope(App& app, Id user_id, MemberScope scope);
void remove(App& app, Id user_id);
void load_invitation(App& app, const std::string& token);
void accept_invitation(App& app);
void change_password(App& app);
void log_out_everywhere(App& app);
void load_onboarding(App& app);
void book_slot(App& app, Id slot_id);
void choose_by_email(App& app);
void save_onboarding_details(App& app);
// The details form as the API's body; lines become list entries (blank ones dropped).
nlohmann::json onboarding_body(const OnboardingForm& form);
}  // namespace people

}  // namespace tessera::client
