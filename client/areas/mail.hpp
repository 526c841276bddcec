// The mail area (SPEC §1.13): asking for a password-reset link (the answer never says whether
// the address has an account), choosing a new password from the mail's one-time link, a
// customer's mail preferences (the non-security mails on or off), and the admin's outbox (what
// the server has sent, is sending, or gave up on; a failed mail sent again).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/result.hpp"
#include "tessera/units.hpp"

namespace tessera::client {

class App;

// [SECTION] Forgot password (a visitor)
struct ForgotState {
  std::string email;
  bool sent = false;  // the server took the request: the same "if an account uses it" text for any address
};

// [SECTION] A new password from the mail's link "…/#password-reset=<token>"
struct ResetState {
  std::string token;  // in memory only: the address bar shows "/password-reset" once entered
  std::optional<Instant> expires_at;  // the link is valid (GET answered)
  std::optional<Error> link_error;    // reset_link_unknown | reset_link_expired | reset_link_used | reset_link_missing
  std::string password, confirmation;
  bool done = false;
};

// [SECTION] Mail preferences (a customer)
struct MailPreferences {
  bool tickets = true;   // received, replied, resolution proposed, closed, awaiting funding
  bool commerce = true;  // orders, payments, renewals, expiring time
  bool operator==(const MailPreferences&) const = default;
};
struct PreferencesState {
  bool loaded = false;
  MailPreferences form;           // the checkboxes
  std::optional<Error> error;     // the last GET or PUT's, said in the section
  bool saved = false;             // the server confirmed the last save
};

// [SECTION] The admin's outbox
struct OutboxMail {
  Id id = 0;
  std::string kind, to, language, subject, state;  // state: pending | sent | failed
  std::int64_t attempts = 0;
  Instant next_attempt_at = 0;
  std::string last_error;
  Instant created_at = 0;
  std::optional<Instant> sent_at;
  std::string message_id;
};
struct MailOutboxState {
  bool loaded = false;
  bool mail_enabled = true;
  std::int64_t pending = 0, sent = 0, failed = 0;  // counts, whatever the filter
  std::vector<OutboxMail> mails;                   // newest first
  std::string filter;                              // "" (all), pending, sent, failed
  std::string retried;                             // the recipient of the mail sent again last
};

struct MailArea {
  ForgotState forgot;
  ResetState reset;
  PreferencesState preferences;
  MailOutboxState outbox;
};

namespace mail {
inline constexpr std::string_view kStates[] = {"pending", "sent", "failed"};
inline constexpr std::string_view kKinds[] = {
    "password_reset", "invitation",    "ticket_received", "ticket_replied",        "resolution_proposed",
    "ticket_closed",  "awaiting_funding", "order_pending", "payment_received",      "renewal_due",
    "grace_ending",   "subscription_suspended", "units_expiring", "critical_ticket", "signup_confirmation",
    "signup_account_exists", "invitation_account_exists"};

void install(App& app);
void ask_reset_link(App& app);       // POST /auth/password-reset, the email checked first
void check_reset_link(App& app);     // GET /auth/password-reset/{token}
void set_new_password(App& app);     // the two fields checked (length, same twice), then POST
void load_preferences(App& app);
void save_preferences(App& app);
void load_outbox(App& app);
void show_outbox(App& app, std::string_view state);  // "" for all: the address "/admin/mail?state=…"
void retry(App& app, Id mail_id);
}  // namespace mail

}  // namespace tessera::client
