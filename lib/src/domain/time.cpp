// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/time.hpp>

#include "date_hint.hpp"

#include <cfp/util/text.hpp>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <optional>

namespace cfp::domain {

namespace {

// A strict reader of fixed-width digit fields; date/tz then decides what is a real date.
class Scanner
{
public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  bool at_end() const { return m_pos == m_text.size(); }
  char peek() const { return at_end() ? '\0' : m_text[m_pos]; }

  bool literal(char c)
  {
    if (peek() != c) {
      return false;
    }
    ++m_pos;
    return true;
  }

  std::optional<int> digits(std::size_t count)
  {
    if (m_pos + count > m_text.size()) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = m_text[m_pos + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    m_pos += count;
    return value;
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

constexpr auto k_accepted_forms =
  "use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], or ISO-8601 with Z or an offset (2025-02-01T16:00:00Z)";

// Reads YYYY-MM-DD, any year: which instants cfp keeps is decided on the instant (within_range),
// and what the store wrote before that rule must still be read so that it can be corrected.
util::Result<date::year_month_day> read_date(Scanner& scan)
{
  const auto year = scan.digits(4);
  std::optional<int> month;
  std::optional<int> day;
  if (year && scan.literal('-')) {
    month = scan.digits(2);
    if (month && scan.literal('-')) {
      day = scan.digits(2);
    }
  }
  if (!year || !month || !day) {
    return util::Failure{k_accepted_forms};
  }
  const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                 date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) {
    return util::Failure{fmt::format("{:04}-{:02}-{:02} is not a date in the calendar", *year, *month, *day)};
  }
  return ymd;
}

enum class Seconds { optional, required };

// Reads HH:MM[:SS] (HH:MM:SS with Seconds::required) and returns the time of day.
util::Result<std::chrono::seconds> read_time(Scanner& scan, Seconds seconds_field = Seconds::optional)
{
  const auto hours = scan.digits(2);
  if (!hours || !scan.literal(':')) {
    return util::Failure{k_accepted_forms};
  }
  const auto minutes = scan.digits(2);
  if (!minutes) {
    return util::Failure{k_accepted_forms};
  }
  int seconds = 0;
  if (seconds_field == Seconds::required && scan.peek() != ':') {
    return util::Failure{k_accepted_forms};
  }
  if (scan.literal(':')) {
    const auto read = scan.digits(2);
    if (!read) {
      return util::Failure{k_accepted_forms};
    }
    seconds = *read;
  }
  if (*hours > 23 || *minutes > 59 || seconds > 59) {
    return util::Failure{fmt::format("{:02}:{:02}:{:02} is not a time of day (00:00:00 to 23:59:59)", *hours,
                                     *minutes, seconds)};
  }
  return std::chrono::hours{*hours} + std::chrono::minutes{*minutes} + std::chrono::seconds{seconds};
}

// Reads Z, +HH:MM, +HHMM or +HH; returns the offset east of UTC, or nullopt for none.
util::Result<std::optional<std::chrono::minutes>> read_offset(Scanner& scan)
{
  if (scan.at_end()) {
    return std::optional<std::chrono::minutes>{};
  }
  if (scan.literal('Z') || scan.literal('z')) {
    return std::optional<std::chrono::minutes>{std::chrono::minutes{0}};
  }
  const char sign = scan.peek();
  if (sign != '+' && sign != '-') {
    return util::Failure{k_accepted_forms};
  }
  scan.literal(sign);
  const auto hours = scan.digits(2);
  if (!hours) {
    return util::Failure{k_accepted_forms};
  }
  int minutes = 0;
  if (!scan.at_end()) {
    scan.literal(':');
    const auto read = scan.digits(2);
    if (!read) {
      return util::Failure{k_accepted_forms};
    }
    minutes = *read;
  }
  if (minutes > 59 || *hours * 60 + minutes > 18 * 60) {
    return util::Failure{"the UTC offset is out of range (-18:00 to +18:00)"};
  }
  const std::chrono::minutes offset{*hours * 60 + minutes};
  return std::optional<std::chrono::minutes>{sign == '-' ? -offset : offset};
}

std::string format_offset(std::chrono::seconds offset)
{
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  const auto magnitude = minutes < 0 ? -minutes : minutes;
  return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

util::Result<When> from_wall_time(date::local_seconds wall, const date::time_zone& zone)
{
  const auto info = zone.get_info(wall);
  switch (info.result) {
  case date::local_info::unique:
    return When{zone.to_sys(wall), wall, std::string(zone.name())};
  case date::local_info::nonexistent:
    return util::Failure{fmt::format("{} does not exist in {}: the clocks skip it", format_wall_time(wall),
                                     zone.name())};
  case date::local_info::ambiguous:
    return util::Failure{fmt::format("{} happens twice in {} when the clocks go back; add an offset such as {} or {}",
                                     format_wall_time(wall), zone.name(), format_offset(info.first.offset),
                                     format_offset(info.second.offset))};
  }
  return util::Failure{"unknown local time"};
}

// A bare date stands for the first instant of that day, even where the day does not start
// at midnight (a clock change at 00:00) or starts twice.
When start_of_day(date::local_days day, const date::time_zone& zone)
{
  const date::local_seconds wall{day};
  const Instant instant = zone.to_sys(wall, date::choose::earliest);
  return When{instant, date::make_zoned(&zone, instant).get_local_time(), std::string(zone.name())};
}

const date::time_zone& brussels()
{
  static const date::time_zone* zone = date::locate_zone(k_brussels);
  return *zone;
}

} // namespace

util::Result<const date::time_zone*> find_zone(std::string_view name)
{
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return util::Failure{fmt::format("unknown time zone '{}'; use an IANA name such as Europe/Brussels or UTC", util::excerpt(name))};
  }
}

namespace {

// The first and last instants cfp keeps: every instant must fit YYYY-MM-DDTHH:MM:SSZ from 1970 on.
constexpr Instant k_earliest{std::chrono::seconds{0}};
const Instant k_latest = date::sys_days{date::year{9999} / 12 / 31} + std::chrono::hours{23} +
                         std::chrono::minutes{59} + std::chrono::seconds{59};

// Refuses an instant outside what cfp keeps, whatever zone or offset it was written in. A date
// before 1970 is named as such; a later date that is still before the epoch in UTC (a date of
// 1970 east of UTC) is named with its instant.
util::Result<When> within_range(util::Result<When> when, std::string_view text)
{
  if (!when) {
    return when;
  }
  const Instant instant = when.value().instant;
  if (instant < k_earliest) {
    if (text.substr(0, 4) < "1970") {
      return util::Failure{fmt::format("{} is before 1970; cfp keeps dates from 1970 on", text.substr(0, 10))};
    }
    return util::Failure{fmt::format("{} is {}, before 1970-01-01T00:00:00Z; cfp keeps instants from 1970 on", text,
                                     format_utc(instant))};
  }
  if (instant > k_latest) {
    return util::Failure{fmt::format("{} is {}, after 9999-12-31T23:59:59Z; cfp keeps instants up to the end of 9999",
                                     text, format_utc(instant))};
  }
  // The legal wall time is kept too, with four digits for its year (parse_when_unchecked defines
  // the last hour of 9999 UTC in UTC for that reason; this is what holds it to that).
  if (when.value().wall_time > date::local_seconds{k_latest.time_since_epoch()}) {
    return util::Failure{fmt::format("{} is {} in {}, after the end of 9999; cfp keeps times up to the end of 9999",
                                     text, format_wall_time(when.value().wall_time), when.value().zone)};
  }
  return when;
}

util::Result<When> parse_when_unchecked(std::string_view text, const date::time_zone& display, BareDate bare_date)
{
  Scanner scan(text);
  const auto day = read_date(scan);
  if (!day) {
    return util::Failure{day.error()};
  }
  const date::local_days local_day{day.value()};
  if (scan.at_end()) {
    if (bare_date == BareDate::deadline_brussels) {
      return from_wall_time(local_day + std::chrono::hours{17}, brussels());
    }
    if (bare_date == BareDate::end_of_day) {
      // The second before the next day starts, which is 23:59:59 even when a clock change skips
      // the next midnight.
      const Instant instant = start_of_day(local_day + date::days{1}, display).instant - std::chrono::seconds{1};
      return When{instant, date::make_zoned(&display, instant).get_local_time(), std::string(display.name())};
    }
    return start_of_day(local_day, display);
  }
  if (!scan.literal('T') && !scan.literal(' ')) {
    return util::Failure{k_accepted_forms};
  }
  const auto time_of_day = read_time(scan);
  if (!time_of_day) {
    return util::Failure{time_of_day.error()};
  }
  const date::local_seconds wall = local_day + time_of_day.value();
  const auto offset = read_offset(scan);
  if (!offset) {
    return util::Failure{offset.error()};
  }
  if (!scan.at_end()) {
    return util::Failure{k_accepted_forms};
  }
  if (!offset.value()) {
    return from_wall_time(wall, display);
  }
  const Instant instant{wall.time_since_epoch() - *offset.value()};
  const auto legal = date::make_zoned(&brussels(), instant).get_local_time();
  if (legal > date::local_seconds{k_latest.time_since_epoch()}) {
    // The last hour of 9999 in UTC is 10000 in Brussels, a wall time the store cannot keep; the
    // instant is defined in UTC then, so that every instant cfp keeps reads back in its Z form.
    return When{instant, date::local_seconds{instant.time_since_epoch()}, "UTC"};
  }
  return When{instant, legal, std::string(k_brussels)};
}

} // namespace

util::Result<When> parse_when(std::string_view text, const date::time_zone& display, BareDate bare_date)
{
  auto when = within_range(parse_when_unchecked(text, display, bare_date), text);
  if (!when && when.error() == k_accepted_forms) {
    // 31/01/2025: the date in the form cfp reads, when that is one.
    if (const auto iso = detail::iso_form(text); iso && within_range(parse_when_unchecked(*iso, display, bare_date), *iso)) {
      return util::Failure{fmt::format("{}; did you mean {}?", k_accepted_forms, *iso)};
    }
  }
  return when;
}

namespace {

// A clock reading `since_epoch` as "YYYY-MM-DD", `separator`, "HH:MM:SS", then `suffix`.
// date::format builds a stream and a locale on every call, and a format string parsed at run
// time costs more than the rest: a batch import, a CSV listing or a log formats millions.
std::string format_reading(std::chrono::seconds since_epoch, char separator, std::string_view suffix)
{
  const date::sys_seconds reading{since_epoch};
  const auto day = date::floor<date::days>(reading);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss time{reading - day};
  char text[48];
  const auto end = fmt::format_to(text, FMT_COMPILE("{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}"), static_cast<int>(ymd.year()),
                                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), separator,
                                  time.hours().count(), time.minutes().count(), time.seconds().count());
  std::string formatted(text, end);
  formatted += suffix;
  return formatted;
}

} // namespace

std::string format_utc(Instant instant)
{
  return format_reading(instant.time_since_epoch(), 'T', "Z");
}

util::Result<Instant> parse_utc(std::string_view text)
{
  Scanner scan(text);
  const auto day = read_date(scan);
  if (!day || !scan.literal('T')) {
    return util::Failure{fmt::format("'{}' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)", util::excerpt(text))};
  }
  const auto time_of_day = read_time(scan, Seconds::required);
  if (!time_of_day || !scan.literal('Z') || !scan.at_end()) {
    return util::Failure{fmt::format("'{}' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)", util::excerpt(text))};
  }
  return Instant{date::sys_days{day.value()} + time_of_day.value()};
}

std::string format_local(Instant instant, const date::time_zone& zone)
{
  // What date::format("%F %T %Z") of the zoned time prints: the wall time the zone's offset at
  // that instant gives, and the zone's abbreviation then.
  const auto info = zone.get_info(instant);
  std::string suffix = " ";
  suffix += info.abbrev;
  return format_reading(instant.time_since_epoch() + info.offset, ' ', suffix);
}

std::string format_brussels(Instant instant)
{
  static const date::time_zone* const brussels = date::locate_zone(k_brussels);
  return format_local(instant, *brussels) + " (Brussels time)";
}

std::string format_wall_time(date::local_seconds wall_time)
{
  return format_reading(wall_time.time_since_epoch(), 'T', "");
}

util::Result<date::local_seconds> parse_wall_time(std::string_view text)
{
  Scanner scan(text);
  const auto day = read_date(scan);
  if (!day || !scan.literal('T')) {
    return util::Failure{fmt::format("'{}' is not a wall time (YYYY-MM-DDTHH:MM:SS)", util::excerpt(text))};
  }
  const auto time_of_day = read_time(scan, Seconds::required);
  if (!time_of_day || !scan.at_end()) {
    return util::Failure{fmt::format("'{}' is not a wall time (YYYY-MM-DDTHH:MM:SS)", util::excerpt(text))};
  }
  return date::local_days{day.value()} + time_of_day.value();
}

bool is_wall_time_of(date::local_seconds wall, const date::time_zone& zone, Instant instant)
{
  return date::make_zoned(&zone, instant).get_local_time() == wall;
}

} // namespace cfp::domain
