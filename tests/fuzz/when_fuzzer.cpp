// SPDX-License-Identifier: EUPL-1.2
// domain::parse_when on any text, in a display zone and BareDate mode chosen by the first byte.
// Invariants: an instant lies in what cfp keeps, format_utc of it parses back to it, and the
// wall time and zone that define it give it back, as the store and `import calls` read them.

#include "fuzz_support.hpp"

#include <cfp/domain/time.hpp>

#include <array>
#include <string>
#include <string_view>

namespace {

using cfp::domain::BareDate;
using cfp::domain::Instant;
using cfp::fuzz::require;

// Zones with what makes wall times hard: none (UTC), the legal zone, clock changes at midnight
// (Santiago, Havana, Beirut), a skipped day (Apia), half-hour shifts (Lord Howe), odd offsets
// (Kathmandu), +14:00 (Kiritimati) and a daylight saving time that goes back in summer (Casablanca).
constexpr std::array<std::string_view, 10> k_zones{
    "UTC",          "Europe/Brussels",     "America/Santiago", "America/Havana",     "Asia/Beirut",
    "Pacific/Apia", "Australia/Lord_Howe", "Asia/Kathmandu",   "Pacific/Kiritimati", "Africa/Casablanca"};

const date::time_zone& zone_named(std::string_view name)
{
  return *date::locate_zone(name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  if (size == 0) {
    return 0;
  }
  const auto& display = zone_named(k_zones[data[0] % k_zones.size()]);
  const auto mode = (data[0] / k_zones.size()) % 2 == 0 ? BareDate::start_of_day : BareDate::deadline_brussels;
  const std::string_view text = cfp::fuzz::as_text(data + 1, size - 1);

  const auto when = cfp::domain::parse_when(text, display, mode);
  if (!when) {
    require(!when.error().empty(), "a refusal says why");
    return 0;
  }
  const Instant instant = when.value().instant;
  require(instant >= Instant{} && instant <= Instant{date::sys_days{date::year{9999} / 12 / 31}} +
                                                 std::chrono::hours{23} + std::chrono::minutes{59} +
                                                 std::chrono::seconds{59},
          "an instant lies from 1970 to the end of 9999");

  const std::string utc = cfp::domain::format_utc(instant);
  const auto again = cfp::domain::parse_when(utc, display, mode);
  require(again && again.value().instant == instant, "format_utc of a parsed instant parses back to it: " + utc);
  const auto stored = cfp::domain::parse_utc(utc);
  require(stored && stored.value() == instant, "parse_utc reads what format_utc wrote: " + utc);

  // The legal definition: the wall time in its zone is the instant.
  const auto legal_zone = cfp::domain::find_zone(when.value().zone);
  require(legal_zone.ok(), "the legal zone is a zone");
  const auto& wall = when.value().wall_time;
  require(date::make_zoned(legal_zone.value(), instant).get_local_time() == wall,
          "the wall time is the instant's local time in the legal zone");
  // A wall time in year 10000 (the last hour of 9999 UTC, in Brussels) is refused at parse
  // time (regressions/when/legal_wall_time_in_year_10000), as the store cannot keep it.
  require(date::year_month_day{date::floor<date::days>(wall)}.year() <= date::year{9999},
          "the wall time lies in a year the store keeps: " + utc);
  // The store keeps the wall time as text (and reads it back with parse_wall_time); `export
  // calls` writes it as legal_wall_time, which `import calls` checks against the instant with
  // is_wall_time_of (a wall time that happens twice is either of its instants,
  // regressions/when/ambiguous_legal_wall_time).
  const std::string wall_text = cfp::domain::format_wall_time(wall);
  const auto wall_again = cfp::domain::parse_wall_time(wall_text);
  require(wall_again && wall_again.value() == wall, "parse_wall_time reads what format_wall_time wrote: " + wall_text);
  require(cfp::domain::is_wall_time_of(wall, *legal_zone.value(), instant),
          "the legal wall time in its zone is the instant: " + utc + " " + wall_text + " " + when.value().zone);
  return 0;
}
