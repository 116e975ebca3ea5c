// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/calendar.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/store/call_repository.hpp>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace cfp::core {

namespace {

// RFC 5545 3.1: a content line is at most 75 octets, not counting its CRLF.
constexpr std::size_t k_line_octets = 75;
constexpr auto k_event_length = std::chrono::minutes{15};
// Before 1970 the tz database is not authoritative; a zone without transitions since then is
// described from that day.
constexpr domain::Instant k_oldest_transition{};

bool is_continuation_byte(char c)
{
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// `text` with every byte outside [A-Za-z0-9.-] as %XX.
std::string percent_escaped(std::string_view text)
{
  std::string escaped;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
      escaped += c;
    } else {
      escaped += fmt::format("%{:02X}", byte);
    }
  }
  return escaped;
}

// "+0100", or "+013045" for an offset with seconds (RFC 5545 3.3.14).
std::string utc_offset(std::chrono::seconds offset)
{
  const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
  const auto total = offset < std::chrono::seconds{0} ? -offset.count() : offset.count();
  const auto hours = total / 3600;
  const auto minutes = total % 3600 / 60;
  const auto seconds = total % 60;
  return seconds == 0 ? fmt::format("{}{:02}{:02}", sign, hours, minutes)
                      : fmt::format("{}{:02}{:02}{:02}", sign, hours, minutes, seconds);
}

std::string local_date_time(date::local_seconds wall)
{
  return date::format("%Y%m%dT%H%M%S", wall);
}

std::string utc_date_time(domain::Instant instant)
{
  return date::format("%Y%m%dT%H%M%SZ", instant);
}

// NAME;TZID=zone:wall time, or NAME:UTC time when the wall time also names another instant (it
// happens twice when the clocks go back, and a reader takes the first) or none.
std::string date_time(std::string_view name, const date::time_zone& zone, domain::Instant instant)
{
  const auto wall = zone.to_local(instant);
  // A wall time past 9999-12-31 has no DATE-TIME form: UTC then, too.
  const auto year = date::year_month_day{date::floor<date::days>(wall)}.year();
  if (zone.get_info(wall).result == date::local_info::unique && year <= date::year{9999}) {
    return fmt::format("{};TZID={}:{}", name, zone.name(), local_date_time(wall));
  }
  return fmt::format("{}:{}", name, utc_date_time(instant));
}

date::year local_year(const date::time_zone& zone, domain::Instant instant)
{
  return date::year_month_day{date::floor<date::days>(zone.to_local(instant))}.year();
}

// Writes content lines, folded, with CRLF.
class LineWriter
{
public:
  explicit LineWriter(std::ostream& out) : m_out(out) {}

  void line(std::string_view text) { m_out << fold_line(text); }

  // NAME:value with `value` escaped as TEXT.
  void text(std::string_view name, std::string_view value) { line(std::string(name) + ":" + escape_text(value)); }

private:
  std::ostream& m_out;
};

// One STANDARD or DAYLIGHT observance: the offset `now` in effect from the transition at
// `begin`, before which the offset was `before`.
void write_observance(LineWriter& writer, const date::sys_info& now, std::chrono::seconds before, domain::Instant begin)
{
  const std::string kind = now.save != std::chrono::minutes{0} ? "DAYLIGHT" : "STANDARD";
  writer.line("BEGIN:" + kind);
  // DTSTART is the wall time at which the clocks change, read on the clocks before the change.
  writer.line("DTSTART:" + local_date_time(date::local_seconds{begin.time_since_epoch() + before}));
  writer.line("TZOFFSETFROM:" + utc_offset(before));
  writer.line("TZOFFSETTO:" + utc_offset(now.offset));
  writer.text("TZNAME", now.abbrev);
  writer.line("END:" + kind);
}

// The VTIMEZONE of `zone` with every transition from the start of year `first` to the end of
// year `last`, and the observance in effect when `first` begins.
void write_timezone(LineWriter& writer, const date::time_zone& zone, date::year first, date::year last)
{
  const domain::Instant from{date::sys_days{first / date::January / 1}};
  const domain::Instant to{date::sys_days{(last + date::years{1}) / date::January / 1}};
  writer.line("BEGIN:VTIMEZONE");
  writer.text("TZID", zone.name());
  auto info = zone.get_info(from);
  if (info.begin > k_oldest_transition) {
    write_observance(writer, info, zone.get_info(info.begin - std::chrono::seconds{1}).offset, info.begin);
  } else {
    write_observance(writer, info, info.offset, k_oldest_transition);
  }
  while (info.end < to) {
    const auto before = info.offset;
    info = zone.get_info(info.end);
    write_observance(writer, info, before, info.begin);
  }
  writer.line("END:VTIMEZONE");
}

void write_event(LineWriter& writer, const date::time_zone& zone, domain::Instant stamp, const CalendarEvent& event)
{
  const std::string summary = fmt::format("{}: cut-off {} closes", event.call_code, event.label);
  writer.line("BEGIN:VEVENT");
  writer.line("UID:" + cutoff_uid(event.call_code, event.label));
  writer.line("DTSTAMP:" + utc_date_time(stamp));
  writer.line(date_time("DTSTART", zone, event.closes_at));
  const auto end = event.closes_at + k_event_length;
  if (date::year_month_day{date::floor<date::days>(end)}.year() <= date::year{9999}) {
    writer.line(date_time("DTEND", zone, end));
  } else {
    writer.line("DURATION:PT15M"); // an end past 9999-12-31 has no DATE-TIME form
  }
  writer.text("SUMMARY", summary);
  writer.text("DESCRIPTION", fmt::format("{}\nCut-off {} closes at {} (UTC); proposals submitted after it are late.",
                                         event.call_title, event.label, domain::format_utc(event.closes_at)));
  writer.line("STATUS:CONFIRMED");
  writer.line("TRANSP:TRANSPARENT");
  for (const auto& [trigger, when] : {std::pair{"-P7D", "in 7 days"}, std::pair{"-P1D", "in 1 day"}}) {
    writer.line("BEGIN:VALARM");
    writer.line("ACTION:DISPLAY");
    writer.text("DESCRIPTION", summary + " " + when);
    writer.line(std::string("TRIGGER:") + trigger);
    writer.line("END:VALARM");
  }
  writer.line("END:VEVENT");
}

} // namespace

std::string fold_line(std::string_view line)
{
  std::string folded;
  std::size_t limit = k_line_octets; // the first line has no leading space
  while (line.size() > limit) {
    auto cut = limit;
    while (cut > 0 && is_continuation_byte(line[cut])) {
      --cut;
    }
    if (cut == 0) {
      cut = limit; // not UTF-8: any cut keeps the bytes
    }
    folded.append(line.substr(0, cut)).append("\r\n ");
    line.remove_prefix(cut);
    limit = k_line_octets - 1;
  }
  return folded.append(line).append("\r\n");
}

namespace {

// The length of the C1 control (U+0080-U+009F) or bidirectional control (U+202A-U+202E,
// U+2066-U+2069) that `text` starts with, in UTF-8, or 0.
std::size_t invisible_control(std::string_view text)
{
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) {
    return 2;
  }
  if (byte(0) == 0xE2 && ((byte(1) == 0x80 && byte(2) >= 0xAA && byte(2) <= 0xAE) ||
                          (byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9))) {
    return 3;
  }
  return 0;
}

} // namespace

std::string escape_text(std::string_view text)
{
  std::string escaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue; // the LF writes the line break
    } else if (c == '\n' || c == '\r') {
      escaped += "\\n";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      continue;
    } else if (const auto length = invisible_control(text.substr(i)); length > 0) {
      i += length - 1; // C1 controls and bidirectional controls are left out too
      continue;
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string cutoff_uid(std::string_view call_code, std::string_view label)
{
  return "cutoff-" + percent_escaped(call_code) + "_" + percent_escaped(label) + "@cfp";
}

Calendar cutoff_calendar(Session& session, const CalendarRequest& request)
{
  Calendar calendar;
  calendar.stamp = session.clock.now();
  calendar.name = "cfp cut-offs";
  // The read may run again when the backend asks for a retry: it starts from nothing each time.
  calendar.events = session.database.read("write the cut-offs calendar", [&](const store::Transaction& tx) {
    std::vector<CalendarEvent> events;
    std::optional<std::int64_t> only;
    if (request.call) {
      const auto call = require_call(tx, *request.call);
      only = call.id;
      calendar.name = "cfp cut-offs: " + call.code; // as stored, whatever the case typed
    }
    std::map<std::string, std::string> titles; // by call code
    for (auto& call : tx.calls().list()) {
      titles.emplace(call.code, std::move(call.title));
    }
    for (auto& cutoff : tx.calls().cutoffs(only)) {
      events.push_back({cutoff.call_code, titles.at(cutoff.call_code), cutoff.label, cutoff.closes_at});
    }
    return events;
  });
  return calendar;
}

void write_calendar(std::ostream& out, const Calendar& calendar)
{
  const auto& zone = *date::locate_zone(std::string(domain::k_brussels));
  LineWriter writer(out);
  writer.line("BEGIN:VCALENDAR");
  writer.line("VERSION:2.0");
  writer.line("PRODID:-//cfp//cfp " CFP_VERSION "//EN");
  writer.line("CALSCALE:GREGORIAN");
  writer.line("METHOD:PUBLISH");
  writer.text("X-WR-CALNAME", calendar.name);
  // The zone's rules around every event (or around the report time, since a calendar needs a
  // component): a year before the first and a year after the last.
  auto first = calendar.stamp;
  auto last = calendar.stamp;
  if (!calendar.events.empty()) {
    const auto [earliest, latest] =
        std::minmax_element(calendar.events.begin(), calendar.events.end(),
                            [](const CalendarEvent& a, const CalendarEvent& b) { return a.closes_at < b.closes_at; });
    first = earliest->closes_at;
    last = latest->closes_at + k_event_length;
  }
  // (No further than 9999, the last year a DATE-TIME can write.)
  write_timezone(writer, zone, std::min(local_year(zone, first) - date::years{1}, date::year{9998}),
                 std::min(local_year(zone, last) + date::years{1}, date::year{9999}));
  for (const auto& event : calendar.events) {
    write_event(writer, zone, calendar.stamp, event);
  }
  writer.line("END:VCALENDAR");
}

} // namespace cfp::core
