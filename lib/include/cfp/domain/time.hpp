// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/result.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <string>
#include <string_view>

namespace cfp::domain {

/// A point in time, UTC, to the second.
using Instant = std::chrono::sys_seconds;

/// The zone whose wall time is the legal definition of EU deadlines.
inline constexpr std::string_view k_brussels = "Europe/Brussels";

/// What a bare date (no time of day) stands for.
enum class BareDate {
  start_of_day,       ///< 00:00:00 in the display zone (call openings, submission times)
  deadline_brussels,  ///< 17:00:00 Europe/Brussels, the EU convention for deadlines
  end_of_day,         ///< the last second of that day in the display zone (the end of a range)
};

/// An instant as someone wrote it: the instant itself and the wall time and zone that define it.
struct When
{
  Instant instant;
  date::local_seconds wall_time; ///< the legal wall time in `zone`
  std::string zone;              ///< IANA name
};

/// The IANA zone called `name`, or why there is none.
util::Result<const date::time_zone*> find_zone(std::string_view name);

/// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (also with `T`; wall time in `display`) or
/// ISO-8601 with `Z` or an offset (`+01:00`, `+0100`, `+01`). Impossible dates and times, wall
/// times skipped by a clock change and ambiguous wall times fail with the reason.
/// An instant given with Z or an offset keeps Brussels as its legal zone.
util::Result<When> parse_when(std::string_view text, const date::time_zone& display, BareDate bare_date);

/// "2025-02-01T16:00:00Z".
std::string format_utc(Instant instant);

/// Reads what format_utc wrote; anything else fails.
util::Result<Instant> parse_utc(std::string_view text);

/// "2025-02-01 17:00:00 CET": wall time and zone abbreviation in `zone`.
std::string format_local(Instant instant, const date::time_zone& zone);

/// "2025-02-01 17:00:00 CET (Brussels time)": how messages about deadlines show an instant.
std::string format_brussels(Instant instant);

/// "2025-02-01T17:00:00": a wall time as the store keeps it.
std::string format_wall_time(date::local_seconds wall_time);

/// Reads what format_wall_time wrote.
util::Result<date::local_seconds> parse_wall_time(std::string_view text);

/// Whether the clocks of `zone` show `wall` at `instant`. A wall time that happens twice (when
/// the clocks go back) is either of its instants; one the clocks skip is none.
bool is_wall_time_of(date::local_seconds wall, const date::time_zone& zone, Instant instant);

} // namespace cfp::domain
