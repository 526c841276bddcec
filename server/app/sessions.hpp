// A user's session and their own view of themselves, shared by the use cases that start a
// session (sign-up, log-in, an accepted invitation) or answer the user's state (GET /me, a
// cancelled subscription).
#pragma once
#include <string>

#include "app/context.hpp"
#include "tessera/wire.hpp"

namespace tessera::server {

struct SessionStart {
  wire::Me me;
  std::string token;  // to put in the session cookie; stored only as its digest
};

// A new session for a user who just proved who they are.
SessionStart open_session(Context& context, const UserRecord& user);
// The user, their role in the account and the account's balances as they may use them.
wire::Me me_of(Context& context, const UserRecord& user);

}  // namespace tessera::server
