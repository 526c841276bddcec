// The use cases' shared context (see context.hpp).
#include "app/context.hpp"

namespace tessera::server {

LedgerRules ledger_rules_of(const Config& config) {
  LedgerRules rules;
  rules.trial = config.trial;
  return rules;
}

Context::Context(Store& store, const Config& config)
    : store_(store), config_(config), ledgers_(store, ledger_rules_of(config)), mail_(store, config, [this] { return now(); }) {}

Viewer Context::viewer_of(const UserRecord& user) {
  Viewer viewer{user.id, user.role, user.account_id, false};
  if (user.account_id) viewer.is_account_owner = store_.account_owner(*user.account_id) == user.id;
  return viewer;
}

UserScope Context::scope_of(const UserRecord& user, const Viewer& viewer) {
  if (viewer.is_account_owner) return UserScope{user.id, true, true};
  const auto member = store_.member(user.id);
  if (!member || member->removed_at) return UserScope{user.id, false, false};
  return UserScope{user.id, member->scope.subscription, member->scope.pool};
}

}  // namespace tessera::server
