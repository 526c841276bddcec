// Filters of ticket lists (see ticket_filter.hpp).
#include "tessera/ticket_filter.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace tessera {

namespace {
std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}
}  // namespace

Result<TicketFilter> parse_ticket_filter(const std::map<std::string, std::string>& parameters) {
  TicketFilter filter;
  if (const auto status = parameters.find("status"); status != parameters.end() && !status->second.empty()) {
    std::stringstream list(status->second);
    for (std::string item; std::getline(list, item, ',');) {
      if (item == "open") {
        filter.open_only = true;
        continue;
      }
      const auto parsed = parse_ticket_status(item);
      if (!parsed) return make_error("invalid_value", "status");
      filter.statuses.push_back(*parsed);
    }
  }
  if (const auto category = parameters.find("category"); category != parameters.end() && !category->second.empty()) {
    filter.category = parse_category(category->second);
    if (!filter.category) return make_error("invalid_value", "category");
  }
  if (const auto criticality = parameters.find("criticality");
      criticality != parameters.end() && !criticality->second.empty()) {
    filter.criticality = parse_criticality(criticality->second);
    if (!filter.criticality) return make_error("invalid_value", "criticality");
  }
  if (const auto text = parameters.find("q"); text != parameters.end()) {
    if (text->second.size() > 200) return Error{"too_long", "q", {{"max", "200"}}};
    filter.text = lower_ascii(text->second);
  }
  return filter;
}

bool ticket_matches(const TicketFilter& filter, const wire::TicketSummary& ticket) {
  if (filter.open_only || !filter.statuses.empty()) {  // any of the statuses asked for
    const bool listed =
        std::find(filter.statuses.begin(), filter.statuses.end(), ticket.status) != filter.statuses.end();
    if (!listed && !(filter.open_only && is_open(ticket.status))) return false;
  }
  if (filter.category && ticket.category != *filter.category) return false;
  if (filter.criticality && ticket.triage.value_or(ticket.criticality) != *filter.criticality) return false;
  if (!filter.text.empty() && lower_ascii(ticket.subject).find(filter.text) == std::string::npos &&
      lower_ascii(ticket.reference).find(filter.text) == std::string::npos)
    return false;
  return true;
}

Result<std::vector<Language>> parse_language_list(std::string_view text) {
  std::vector<Language> languages;
  std::stringstream list{std::string(text)};
  for (std::string item; std::getline(list, item, ',');) {
    const auto language = parse_language(item);
    if (!language) return make_error("invalid_value", "languages");
    if (std::find(languages.begin(), languages.end(), *language) == languages.end()) languages.push_back(*language);
  }
  return languages;
}

}  // namespace tessera
