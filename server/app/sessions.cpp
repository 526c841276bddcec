// Sessions and the user's view of themselves (see sessions.hpp).
#include "app/sessions.hpp"

#include "adapters/crypto.hpp"
#include "tessera/trial.hpp"

namespace tessera::server {

SessionStart open_session(Context& context, const UserRecord& user) {
  SessionStart start;
  start.token = random_token_hex();
  const Instant at = context.now();
  context.store().create_session(sha256_hex(start.token), SessionRecord{user.id, at, at});
  start.me = me_of(context, user);
  return start;
}

wire::Me me_of(Context& context, const UserRecord& user) {
  wire::Me me;
  me.user = wire::UserView{user.id, user.account_id.value_or(0), user.name, user.email, user.role, user.language};
  me.user.account_owner = user.account_id && context.store().account_owner(*user.account_id) == user.id;
  if (!user.account_id) return me;
  const AccountLedger ledger = context.ledgers().load(*user.account_id);
  const Instant at = context.now();
  const UserScope scope = context.scope_of(user, context.viewer_of(user));
  const AccountBalances balances = account_balances(ledger, at);
  wire::Balances& out = me.balances;
  for (const Lot& lot : ledger.lots())
    if (lot.kind == LotKind::trial_minutes) {
      out.trial_minutes_granted = lot.credited;
      out.trial_expires_at = lot.expires_at;
    }
  out.trial_minutes_left = trial_minutes_available(ledger, scope, at);
  out.overrun_minutes = balances.overrun;
  out.units_available = balances.units_available;
  out.units_reserved = balances.units_reserved;
  out.bank_minutes_available = balances.bank_minutes_available;
  out.subscription = balances.subscription;
  out.subscription_period_end = balances.subscription_period_end;
  out.next_expiry = balances.next_expiry.value_or(0);
  out.funding_options = funding_options(ledger, scope, at);
  out.subscription_included_users = balances.subscription_included_users;
  out.subscription_extra_users = balances.subscription_extra_users;
  out.subscription_extra_users_next = balances.subscription_extra_users_next;
  out.subscription_user_limit = balances.subscription_user_limit;
  return me;
}

}  // namespace tessera::server
