// GET /account/ledger's use case: the account owner reads the lots of the account's
// support-time ledger and the history of its credits and debits (shared/ledger_history.hpp).
#pragma once
#include "app/context.hpp"
#include "tessera/wire_ledger.hpp"

namespace tessera::server {

// owner_only for anyone but the account's owner (authorized users, staff).
Result<wire::LedgerView> account_ledger_view(Context& context, const UserRecord& user);

}  // namespace tessera::server
