// Filters of ticket lists (GET /tickets?status=…&category=…&criticality=…&q=…): read from
// the query's parameters with precise errors, and matched against a ticket summary.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tessera/result.hpp"
#include "tessera/ticket.hpp"
#include "tessera/wire.hpp"

namespace tessera {

struct TicketFilter {
  std::vector<TicketStatus> statuses;         // any of them (or open, with open_only); none: all
  std::optional<Category> category;
  std::optional<Criticality> criticality;     // the effective one (triage, else declared)
  bool open_only = false;                     // "open" in status: every status not closed
  std::string text;                           // in the subject or reference, case-insensitive (ASCII)
};

// Parameters: status (comma-separated statuses, or "open"), category, criticality, q (≤ 200 bytes).
// Errors: invalid_value / too_long with the parameter's name as field.
Result<TicketFilter> parse_ticket_filter(const std::map<std::string, std::string>& parameters);
bool ticket_matches(const TicketFilter& filter, const wire::TicketSummary& ticket);

// The operator queue's `languages` parameter: "fr,es" (empty: none asked for, so all spoken).
// Error: invalid_value with field "languages".
Result<std::vector<Language>> parse_language_list(std::string_view text);

}  // namespace tessera
