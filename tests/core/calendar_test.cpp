// SPDX-License-Identifier: EUPL-1.2
// The iCalendar of the cut-offs: content lines folded at 75 octets without splitting a UTF-8
// character, TEXT values escaped, a UID that depends only on the call and the label, and wall
// times and a VTIMEZONE from the tz database on both sides of a clock change.

#include "support/support.hpp"

#include <cfp/core/calendar.hpp>
#include <cfp/util/text.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace cfp::test {
namespace {

using core::Calendar;
using core::CalendarEvent;

// The pieces of folded content lines, without their CRLF.
std::vector<std::string> pieces(const std::string& folded)
{
  std::vector<std::string> result;
  std::size_t start = 0;
  for (auto end = folded.find("\r\n"); end != std::string::npos; end = folded.find("\r\n", start)) {
    result.push_back(folded.substr(start, end - start));
    start = end + 2;
  }
  EXPECT_EQ(start, folded.size()) << "the text does not end with CRLF";
  return result;
}

// Folded text unfolded again (RFC 5545 3.1: CRLF followed by one space goes).
std::string unfolded(const std::string& folded)
{
  std::string text;
  for (const auto& piece : pieces(folded)) {
    if (piece.starts_with(' ')) {
      text += piece.substr(1);
    } else {
      text += (text.empty() ? "" : "\n") + piece;
    }
  }
  return text;
}

std::string written(const Calendar& calendar)
{
  std::ostringstream out;
  core::write_calendar(out, calendar);
  return out.str();
}

// The content lines of a written calendar, unfolded.
std::vector<std::string> content_lines(const Calendar& calendar)
{
  std::vector<std::string> lines;
  std::istringstream in(unfolded(written(calendar)));
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The lines from `begin` (a line) up to the `end` line after it, both included.
std::vector<std::string> block(const std::vector<std::string>& lines, const std::string& begin, const std::string& end)
{
  const auto first = std::find(lines.begin(), lines.end(), begin);
  const auto last = std::find(first, lines.end(), end);
  return last == lines.end() ? std::vector<std::string>{} : std::vector<std::string>(first, last + 1);
}

Calendar calendar_of(std::vector<CalendarEvent> events)
{
  return {"cfp cut-offs", utc("2025-01-31T12:00:00Z"), std::move(events)};
}

TEST(CalendarFoldTest, ALineOfSeventyFiveOctetsStaysWholeTheNextOctetGoesOnALineOfItsOwn)
{
  EXPECT_EQ(core::fold_line(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(core::fold_line(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
  // A continuation line holds 74 octets after its space.
  EXPECT_EQ(pieces(core::fold_line(std::string(75 + 74 + 1, 'a'))),
            (std::vector<std::string>{std::string(75, 'a'), " " + std::string(74, 'a'), " a"}));
  EXPECT_EQ(core::fold_line(""), "\r\n");
}

TEST(CalendarFoldTest, NeverSplitsAUtf8Character)
{
  // "é" would straddle octets 75 and 76: it moves whole to the next line.
  EXPECT_EQ(pieces(core::fold_line(std::string(74, 'a') + "é")),
            (std::vector<std::string>{std::string(74, 'a'), " é"}));
  // Characters of two, three and four octets at every offset against the limit.
  for (const std::string character : {"é", "€", "😀"}) {
    for (std::size_t prefix = 0; prefix < 80; ++prefix) {
      std::string line = std::string(prefix, 'a');
      for (int i = 0; i < 60; ++i) {
        line += character;
      }
      const auto folded = core::fold_line(line);
      for (const auto& piece : pieces(folded)) {
        EXPECT_LE(piece.size(), 75u) << character << " after " << prefix;
        EXPECT_TRUE(util::is_valid_utf8(piece)) << character << " after " << prefix << ": " << piece;
      }
      EXPECT_EQ(unfolded(folded), line);
    }
  }
}

TEST(CalendarEscapeTest, BackslashSemicolonCommaAndLineBreaksAreEscaped)
{
  EXPECT_EQ(core::escape_text(R"(a\b;c,d)"), R"(a\\b\;c\,d)");
  EXPECT_EQ(core::escape_text("one\ntwo\r\nthree\rfour"), R"(one\ntwo\nthree\nfour)");
  EXPECT_EQ(core::escape_text("Linköping: \"AI\"\tFactories"), "Linköping: \"AI\"\tFactories");
}

TEST(CalendarEscapeTest, OtherControlCharactersAreDropped)
{
  EXPECT_EQ(core::escape_text("a\x1b[31mb\x7f" + std::string(1, '\0') + "c"), "a[31mbc");
  EXPECT_EQ(core::escape_text("\x01\x02\x0b\x0c"), "");
  EXPECT_EQ(core::escape_text("a\xC2\x9B"
                              "b\xE2\x80\xAE"
                              "c\xE2\x81\xA9"),
            "abc")
      << "C1 and bidirectional controls";
  EXPECT_EQ(core::escape_text("\xC2\xA0\xE2\x80\x94\xE2\x80\xAF"), "\xC2\xA0\xE2\x80\x94\xE2\x80\xAF")
      << "a no-break space, a dash and a narrow no-break space stay";
}

TEST(CalendarUidTest, DependsOnlyOnTheCallAndTheLabel)
{
  EXPECT_EQ(core::cutoff_uid("EUROHPC-2024-CEI-AI-01", "2025-02-01"), "cutoff-EUROHPC-2024-CEI-AI-01_2025-02-01@cfp");
  EXPECT_EQ(core::cutoff_uid("C_1.a", "2025-05-02 (assumed)"), "cutoff-C%5F1.a_2025-05-02%20%28assumed%29@cfp");
  EXPECT_EQ(core::cutoff_uid("C", "Février, 2%;x@y"), "cutoff-C_F%C3%A9vrier%2C%202%25%3Bx%40y@cfp");
}

TEST(CalendarUidTest, TwoCutOffsNeverShareOne)
{
  const std::vector<std::pair<std::string, std::string>> cutoffs{
      {"A-B", "C"}, {"A", "B-C"},   {"A_B", "C"}, {"A", "B_C"},    {"A", "a b"},   {"A", "a%20b"},
      {"A", "a_b"}, {"A", "a%5Fb"}, {"A", "é"},   {"A", "%C3%A9"}, {"A", "x@cfp"}, {"A", "x%40cfp"},
      {"A", "x"},   {"A", "X"},     {"A%", "x"},  {"A", "%x"},     {"A.", "x"},    {"A", ".x"},
  };
  std::set<std::string> uids;
  for (const auto& [call, label] : cutoffs) {
    EXPECT_TRUE(uids.insert(core::cutoff_uid(call, label)).second) << call << " / " << label;
  }
}

TEST(CalendarWriteTest, TheCalendarItsEventAndItsAlarms)
{
  const auto lines = content_lines(
      calendar_of({{"EUROHPC-2024-CEI-AI-01", "AI Factories", "2025-02-01", utc("2025-02-01T16:00:00Z")}}));
  EXPECT_EQ(std::vector<std::string>(lines.begin(), lines.begin() + 6),
            (std::vector<std::string>{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cfp//cfp " CFP_VERSION "//EN",
                                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:cfp cut-offs"}));
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_EQ(block(lines, "BEGIN:VEVENT", "END:VEVENT"),
            (std::vector<std::string>{
                "BEGIN:VEVENT",
                "UID:cutoff-EUROHPC-2024-CEI-AI-01_2025-02-01@cfp",
                "DTSTAMP:20250131T120000Z",
                "DTSTART;TZID=Europe/Brussels:20250201T170000",
                "DTEND;TZID=Europe/Brussels:20250201T171500",
                "SUMMARY:EUROHPC-2024-CEI-AI-01: cut-off 2025-02-01 closes",
                R"(DESCRIPTION:AI Factories\nCut-off 2025-02-01 closes at 2025-02-01T16:00:00Z )"
                R"((UTC)\; proposals submitted after it are late.)",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:EUROHPC-2024-CEI-AI-01: cut-off 2025-02-01 closes in 7 days",
                "TRIGGER:-P7D",
                "END:VALARM",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:EUROHPC-2024-CEI-AI-01: cut-off 2025-02-01 closes in 1 day",
                "TRIGGER:-P1D",
                "END:VALARM",
                "END:VEVENT",
            }));
}

TEST(CalendarWriteTest, SummerAndWinterWallTimesWithTheZonesRulesAroundThem)
{
  const auto lines = content_lines(calendar_of(
      {{"C", "T", "winter", utc("2025-02-01T16:00:00Z")}, {"C", "T", "summer", utc("2025-06-30T15:00:00Z")}}));
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTSTART;TZID=Europe/Brussels:20250201T170000"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTSTART;TZID=Europe/Brussels:20250630T170000"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "DTEND;TZID=Europe/Brussels:20250630T171500"), lines.end());
  // Every change of the clocks from 2024 to 2026 (the year before and after the events), and
  // the winter time in effect when 2024 begins, since the 2023 change.
  const auto zone = block(lines, "BEGIN:VTIMEZONE", "END:VTIMEZONE");
  const auto observance = [](const std::string& kind, const std::string& start, const std::string& from,
                             const std::string& to, const std::string& name) {
    return std::vector<std::string>{"BEGIN:" + kind,    "DTSTART:" + start, "TZOFFSETFROM:" + from,
                                    "TZOFFSETTO:" + to, "TZNAME:" + name,   "END:" + kind};
  };
  std::vector<std::string> expected{"BEGIN:VTIMEZONE", "TZID:Europe/Brussels"};
  for (const auto& year : {"2023", "2024", "2025", "2026"}) {
    static const std::map<std::string, std::pair<std::string, std::string>> k_changes{
        {"2023", {"", "20231029T030000"}},
        {"2024", {"20240331T020000", "20241027T030000"}},
        {"2025", {"20250330T020000", "20251026T030000"}},
        {"2026", {"20260329T020000", "20261025T030000"}},
    };
    const auto& [spring, autumn] = k_changes.at(year);
    if (!spring.empty()) {
      const auto daylight = observance("DAYLIGHT", spring, "+0100", "+0200", "CEST");
      expected.insert(expected.end(), daylight.begin(), daylight.end());
    }
    const auto standard = observance("STANDARD", autumn, "+0200", "+0100", "CET");
    expected.insert(expected.end(), standard.begin(), standard.end());
  }
  expected.push_back("END:VTIMEZONE");
  EXPECT_EQ(zone, expected);
}

TEST(CalendarWriteTest, AWallTimeThatHappensTwiceIsWrittenInUtc)
{
  // From 02:00 to 03:00 on 2025-10-26 every wall time happens twice: 02:30 at 00:30Z (summer
  // time) and at 01:30Z (winter time).
  const auto lines = content_lines(calendar_of(
      {{"C", "T", "first", utc("2025-10-26T00:30:00Z")}, {"C", "T", "second", utc("2025-10-26T01:50:00Z")}}));
  const auto first = block(lines, "UID:cutoff-C_first@cfp", "STATUS:CONFIRMED");
  ASSERT_GE(first.size(), 4u);
  EXPECT_EQ(first.at(2), "DTSTART:20251026T003000Z");
  EXPECT_EQ(first.at(3), "DTEND:20251026T004500Z");
  const auto second = block(lines, "UID:cutoff-C_second@cfp", "STATUS:CONFIRMED");
  ASSERT_GE(second.size(), 4u);
  EXPECT_EQ(second.at(2), "DTSTART:20251026T015000Z");
  EXPECT_EQ(second.at(3), "DTEND;TZID=Europe/Brussels:20251026T030500") << "03:05 happens once, in winter time";
}

TEST(CalendarWriteTest, AWallTimePastTheYear9999IsWrittenInUtc)
{
  // 9999-12-31T23:59:59Z is already 10000-01-01 in Brussels, which no DATE-TIME can write.
  const auto lines = content_lines(calendar_of({{"C", "T", "last", utc("9999-12-31T23:59:59Z")}}));
  const auto event = block(lines, "UID:cutoff-C_last@cfp", "STATUS:CONFIRMED");
  ASSERT_GE(event.size(), 4u);
  EXPECT_EQ(event.at(2), "DTSTART:99991231T235959Z");
  EXPECT_EQ(event.at(3), "DURATION:PT15M") << "its end, too, is past the year 9999";
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("10000"), std::string::npos) << line;
  }
}

TEST(CalendarWriteTest, WithoutEventsTheZoneAroundTheReportTimeKeepsItValid)
{
  const auto lines = content_lines(calendar_of({}));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 0);
  const auto zone = block(lines, "BEGIN:VTIMEZONE", "END:VTIMEZONE");
  EXPECT_NE(std::find(zone.begin(), zone.end(), "DTSTART:20240331T020000"), zone.end());
  EXPECT_NE(std::find(zone.begin(), zone.end(), "DTSTART:20261025T030000"), zone.end());
  EXPECT_EQ(std::find(zone.begin(), zone.end(), "DTSTART:20270328T020000"), zone.end());
}

TEST(CalendarWriteTest, AHostileTitleStaysInItsValueAndEveryLineIsFolded)
{
  const std::string title =
      "Evil; title, \\ with\r\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\x1b[2J " + std::string(200, 'x');
  const auto text = written(calendar_of({{"C", title, "2025-02-01", utc("2025-02-01T16:00:00Z")}}));
  for (const auto& piece : pieces(text)) {
    EXPECT_LE(piece.size(), 75u) << piece;
    EXPECT_FALSE(util::has_control_characters(piece, "\t")) << piece;
  }
  const auto lines = content_lines(calendar_of({{"C", title, "2025-02-01", utc("2025-02-01T16:00:00Z")}}));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 1);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "END:VEVENT"), 1);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [](const std::string& line) { return line.starts_with("UID:"); }),
            1);
  const auto description = std::find_if(lines.begin(), lines.end(),
                                        [](const std::string& line) { return line.starts_with("DESCRIPTION:"); });
  ASSERT_NE(description, lines.end());
  EXPECT_TRUE(
      description->starts_with(R"(DESCRIPTION:Evil\; title\, \\ with\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil[2J x)"))
      << *description;
}

} // namespace
} // namespace cfp::test
