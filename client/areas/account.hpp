// The account area: signing up, logging in and out. Its screens are sign-up, the sign-up's
// confirmation link and log-in (the home page is the public area's); its forms reuse the wire
// types the server parses. With mail on the server answers a sign-up with "confirmation_sent"
// (the same for any address), and the mail's link "#signup-confirm=<token>" opens the session.
#pragma once
#include <optional>
#include <string>

#include "tessera/result.hpp"
#include "tessera/wire.hpp"

namespace tessera::client {

class App;

struct SignupForm {
  wire::SignupRequest fields;
  bool language_chosen = false;  // until chosen, the account's language follows the interface
  std::string sent_to;           // non-empty: the server mailed a link (or told the owner): "check your mail"
};

// The mail's link "…/#signup-confirm=<token>", read by the router as "/signup-confirm/<token>".
struct SignupConfirmState {
  std::string token;                 // in memory only: the address bar shows "/signup-confirm" once entered
  std::optional<Error> link_error;   // signup_link_unknown | _expired | _used | _missing
  bool unanswered = false;           // no answer came (offline, the server down): Try again
};

struct AccountArea {
  SignupForm signup;
  SignupConfirmState confirm;
  wire::LoginRequest login;
};

namespace account {
void install(App& app);  // screens, request kinds
void submit_signup(App& app);
void signup_again(App& app);    // back to the form from "check your mail" (another address)
void confirm_signup(App& app);  // POST /auth/signup/confirm with the link's token
void submit_login(App& app);
void logout(App& app);
}  // namespace account

}  // namespace tessera::client
