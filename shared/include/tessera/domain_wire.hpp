// JSON forms of the domain core's values (nlohmann) as the API sends and reads them (the
// settings documents are stored in the same forms): the catalog, balances, cost statements,
// time-zone rules, opening hours, SLA targets, the transparency board, evaluations and
// onboarding. What only the store keeps (ledger entries, issued invoices): storage_codec.hpp. `encode` writes; `decode_*` reads and
// validates, returning the first field at fault ("weekly.monday[0]") as an Error with the
// codes required / invalid_type / invalid_value or the domain rule's own code.
// No exception escapes: every read checks the JSON type first.
#pragma once
#include <nlohmann/json.hpp>

#include "tessera/catalog.hpp"
#include "tessera/evaluation.hpp"
#include "tessera/invoice.hpp"
#include "tessera/ledger.hpp"
#include "tessera/onboarding.hpp"
#include "tessera/opening_hours.hpp"
#include "tessera/result.hpp"
#include "tessera/sla.hpp"
#include "tessera/stats.hpp"

namespace tessera::codec {

using nlohmann::json;

// [SECTION] Catalog
json encode(const SubscriptionOffer& offer);
json encode(const PackOffer& offer);
json encode(const MinuteBlockOffer& offer);
json encode(const Catalog& catalog);
Result<Catalog> decode_catalog(const json& in);
Result<PackOffer> decode_pack_offer(const json& in);
Result<MinuteBlockOffer> decode_minute_block_offer(const json& in);

// [SECTION] Ledger
json encode(const AccountBalances& balances);
json encode_cost(const Cost& cost);
json encode(const TicketCostStatement& statement, Language language);  // with "text": describe_cost

// [SECTION] Opening hours and SLA
json encode(const TimeZoneRules& zone);
Result<TimeZoneRules> decode_time_zone(const json& in);
// {"zone": {...}, "weekly": {"monday": [{"opens": "09:00", "closes": "18:00"}], ...},
//  "closed_dates": ["2026-05-25"]}
json encode(const OpeningHours& hours);
Result<OpeningHours> decode_opening_hours(const json& in);
json encode(const SlaTargets& targets);
Result<SlaTargets> decode_sla_targets(const json& in);
std::string format_clock(int minute_of_day);                 // 540 -> "09:00", 1440 -> "24:00"
std::optional<int> parse_clock(std::string_view text);       // "09:00" -> 540

// [SECTION] Transparency board and invoices
json encode(const BoardRow& row);
Result<BoardRow> decode_board_row(const json& in);
json encode(const BoardAggregate& aggregate);

// [SECTION] Evaluations and onboarding
Result<EvaluationRequest> decode_evaluation_request(const json& in);  // {"rating", "comment"?, "publish_comment"?}
json encode(const Evaluation& evaluation);
json encode(const Onboarding& onboarding);
// {"contacts": {"phones": [...], "emails": [...], "preferred_hours": "..."},
//  "environment": {"devices": [...], "operating_systems": [...], "network": "...", "key_software": [...]}}
struct OnboardingDetails {
  ContactDetails contacts;
  WorkEnvironment environment;
};
Result<OnboardingDetails> decode_onboarding_details(const json& in);

}  // namespace tessera::codec
