// The account's ledger as its owner reads it (see ledger_view.hpp): one read of the stored
// entries, replayed for the lots, walked for the history.
#include "app/ledger_view.hpp"

namespace tessera::server {

Result<wire::LedgerView> account_ledger_view(Context& context, const UserRecord& user) {
  if (user.role != Role::customer || !user.account_id || !context.viewer_of(user).is_account_owner)
    return make_error("owner_only");
  const std::vector<LedgerEntry> entries = context.ledgers().entries(*user.account_id);
  const AccountLedger ledger = context.ledgers().replay_entries(entries);
  wire::LedgerView view;
  view.lots = lot_views(ledger, AccountLedgers::not_before_last(ledger, context.now()));
  view.history = ledger_history(entries);
  return view;
}

}  // namespace tessera::server
