// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/time.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core {

/// What `cfp report ics` asks for, as typed.
struct CalendarRequest
{
  std::optional<std::string> call;
};

/// One cut-off as a calendar event: its call and when it closes.
struct CalendarEvent
{
  std::string call_code;
  std::string call_title;
  std::string label;
  domain::Instant closes_at;
};

/// The cut-offs as a calendar: its name, when it was written, and its events by closing time.
struct Calendar
{
  std::string name;
  domain::Instant stamp;
  std::vector<CalendarEvent> events;
};

/// The cut-offs of every call (or of one), by closing time, read in one snapshot, stamped with
/// the session's time. Not found when the call is unknown.
Calendar cutoff_calendar(Session& session, const CalendarRequest& request);

/// Writes `calendar` as an RFC 5545 iCalendar: one VEVENT a cut-off, at its wall time in
/// Europe/Brussels (in UTC when that wall time happens twice), 15 minutes long, with alarms a
/// week and a day before, and a VTIMEZONE for Europe/Brussels taken from the tz database for
/// the years around the events. Lines end with CRLF and are folded at 75 octets.
void write_calendar(std::ostream& out, const Calendar& calendar);

/// `line` as RFC 5545 writes a content line: cut into pieces of at most 75 octets, never inside
/// a UTF-8 character, each piece after the first starting with one space, each ending with CRLF.
std::string fold_line(std::string_view line);

/// `text` as an iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
/// a line break (LF, CRLF or CR) as `\n`, other control characters but TAB dropped, so that no
/// value can end its content line.
std::string escape_text(std::string_view text);

/// The UID of cut-off `label` of call `call_code`, the same at every report:
/// `cutoff-<call>_<label>@cfp`, each part with every byte outside [A-Za-z0-9.-] written as
/// `%XX`. The `_` between them is never left bare inside a part, so two cut-offs never share one.
std::string cutoff_uid(std::string_view call_code, std::string_view label);

} // namespace cfp::core
