// The account area: signing up, logging in and out. Its screens are sign-up and log-in (the
// home page is the public area's); its forms reuse the wire types the server parses.
#pragma once
#include "tessera/wire.hpp"

namespace tessera::client {

class App;

struct SignupForm {
  wire::SignupRequest fields;
  bool language_chosen = false;  // until chosen, the account's language follows the interface
};

struct AccountArea {
  SignupForm signup;
  wire::LoginRequest login;
};

namespace account {
void install(App& app);  // screens, request kinds
void submit_signup(App& app);
void submit_login(App& app);
void logout(App& app);
}  // namespace account

}  // namespace tessera::client
