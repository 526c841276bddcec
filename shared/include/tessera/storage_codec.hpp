// The JSON forms the server stores and reads back, apart from the API's (domain_wire.hpp): a
// ledger entry (one row of ledger_entries, default-valued fields left out) and an issued
// invoice (immutable). `decode_*` validates as the API's decoders do: the first field at
// fault as an Error, never an exception.
#pragma once
#include <nlohmann/json.hpp>

#include "tessera/invoice.hpp"
#include "tessera/ledger.hpp"
#include "tessera/result.hpp"

namespace tessera::codec {

using nlohmann::json;

json encode(const LedgerEntry& entry);
Result<LedgerEntry> decode_ledger_entry(const json& in);

json encode(const Invoice& invoice);
// Reads back a stored invoice (for the PDF, the client's list): the totals are recomputed
// from the lines and must match the stored ones (error "invalid_value", field "gross"...).
Result<Invoice> decode_invoice(const json& in);

}  // namespace tessera::codec
