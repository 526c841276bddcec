// Wire form of GET /account/ledger (the account's lots and the history of its credits and
// debits, see ledger_history.hpp), shared by the server that writes it and the client that
// reads it.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "tessera/ledger_history.hpp"

namespace tessera::wire {

struct LedgerView {
  std::vector<LotView> lots;
  std::vector<HistoryLine> history;
};

void to_json(nlohmann::json& out, const LedgerView& value);
void from_json(const nlohmann::json& in, LedgerView& value);  // throws nlohmann's errors on a wrong shape

}  // namespace tessera::wire
