// System time-zone data to TimeZoneRules (see time_zone.hpp).
#include "adapters/time_zone.hpp"

#include <date/tz.h>

#include <stdexcept>

namespace tessera::server {

Result<TimeZoneRules> system_time_zone(const std::string& iana_name, int from_year, int to_year) {
  using namespace std::chrono;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(iana_name);
  } catch (const std::runtime_error&) {
    return make_error("invalid_time_zone", "time_zone");
  }
  TimeZoneRules rules;
  rules.name = iana_name;
  const date::sys_seconds end{date::sys_days{date::year{to_year} / 1 / 1}};
  date::sys_info info = zone->get_info(date::sys_seconds{date::sys_days{date::year{from_year} / 1 / 1}});
  rules.initial_offset_seconds = static_cast<std::int32_t>(info.offset.count());
  std::int32_t current = rules.initial_offset_seconds;
  while (info.end < end) {
    const date::sys_seconds change = info.end;
    info = zone->get_info(change);
    const auto offset = static_cast<std::int32_t>(info.offset.count());
    if (offset != current) rules.transitions.push_back(OffsetTransition{change.time_since_epoch().count(), offset});
    current = offset;
  }
  return rules;
}

}  // namespace tessera::server
