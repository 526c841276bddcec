// The adapter that turns the system's IANA time-zone data (Howard Hinnant's date/tz over
// /usr/share/zoneinfo) into the domain's TimeZoneRules: the UTC-offset transitions of a
// zone over a range of years. shared/ never reads a file; this is where the file is read.
#pragma once
#include <string>

#include "tessera/opening_hours.hpp"
#include "tessera/result.hpp"

namespace tessera::server {

// Errors: "invalid_time_zone" (unknown name).
Result<TimeZoneRules> system_time_zone(const std::string& iana_name, int from_year = 2000, int to_year = 2100);

}  // namespace tessera::server
