// How ledger entries are stored: one JSON object per entry (only the fields that differ
// from their defaults), in the order they were decided. Storage format only: the rules
// are in shared/ledger.hpp.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "tessera/ledger.hpp"

namespace tessera::server {

nlohmann::json encode_entry(const LedgerEntry& entry);
std::optional<LedgerEntry> decode_entry(const nlohmann::json& stored);

}  // namespace tessera::server
