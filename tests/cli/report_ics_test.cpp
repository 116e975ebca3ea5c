// SPDX-License-Identifier: EUPL-1.2
// `cfp report ics`: the cut-offs as an iCalendar on stdout, one event a cut-off by closing
// time, with CRLF line ends and lines folded at 75 octets, read back by an independent reader
// (Python's icalendar, tests/cli/parse_ics.py) at the right instants.

#include "cli/cli_fixture.hpp"

#include <cfp/util/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cfp::test {
namespace {

using json = nlohmann::json;

constexpr auto k_install = "run scripts/install-deps.sh python3-icalendar";

class ReportIcsTest : public CliTest
{
protected:
  std::vector<std::string> env(const std::string& now = "2025-01-31T12:00:00Z") const
  {
    return {"CFP_DB=" + m_db.string(), "CFP_USER=tester", "CFP_NOW=" + now, "PATH=/usr/bin:/bin"};
  }

  // What icalendar reads in the calendar `cfp report ics args` writes, through the real binary.
  json parsed(std::vector<std::string> args = {})
  {
    const auto probe = run_process({CFP_SYSTEM_PYTHON, "-c", "import icalendar"}, {"PATH=/usr/bin:/bin"});
    if (probe.exit_code != 0) {
      ADD_FAILURE() << CFP_SYSTEM_PYTHON << " cannot import icalendar; " << k_install << "\n" << probe.err;
      return json::object();
    }
    args.insert(args.begin(), {"report", "ics"});
    const auto written = run_binary(args, env());
    EXPECT_EQ(written.exit_code, 0) << written.err;
    const auto file = m_dir / "cut-offs.ics";
    std::ofstream(file, std::ios::binary) << written.out;
    const auto read = run_process({CFP_SYSTEM_PYTHON, CFP_PARSE_ICS, file.string()}, {"PATH=/usr/bin:/bin"});
    if (read.exit_code != 0) {
      ADD_FAILURE() << "icalendar cannot read the calendar (" << k_install << " if it is missing):\n"
                    << read.err << "\n"
                    << written.out;
      return json::object();
    }
    return json::parse(read.out);
  }
};

// The physical lines of `text` split at CRLF; a bare LF or CR fails the test.
std::vector<std::string> crlf_lines(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  EXPECT_EQ(start, text.size()) << "the calendar does not end with CRLF";
  for (const auto& line : lines) {
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "a line break without CRLF: " << line;
  }
  return lines;
}

// The values of the unfolded content lines named `name` (up to the colon) in `text`.
std::vector<std::string> values(const std::string& text, const std::string& name)
{
  std::string unfolded;
  for (const auto& line : crlf_lines(text)) {
    unfolded += line.starts_with(' ') ? line.substr(1) : (unfolded.empty() ? "" : "\n") + line;
  }
  std::vector<std::string> found;
  std::istringstream in(unfolded);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(name + ":") || line.starts_with(name + ";")) {
      found.push_back(line.substr(line.find(':') + 1));
    }
  }
  return found;
}

TEST_F(ReportIcsTest, EveryLineEndsWithCrlfAndNoneIsLongerThanSeventyFiveOctets)
{
  std::string title;
  for (int i = 0; i < 100; ++i) {
    title += "Fabriques d'IA à Linköping € 😀 ";
  }
  ok({"call", "add", "LONG-1", "--title", title});
  ok({"deadline", "add", "LONG-1", "2025-06-30", "--label", "Très longue étiquette, avec des virgules; et plus"});
  const auto text = ok({"report", "ics"});
  const auto lines = crlf_lines(text);
  ASSERT_GT(lines.size(), 50u);
  std::size_t continued = 0;
  for (const auto& line : lines) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(util::is_valid_utf8(line)) << line;
    continued += line.starts_with(' ') ? 1u : 0u;
  }
  EXPECT_GT(continued, 40u) << "the long title is folded";
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
}

TEST_F(ReportIcsTest, OneEventPerCutOffByClosingTimeOrOnlyThoseOfOneCall)
{
  const auto all = ok({"report", "ics"}, "2025-01-31T12:00:00Z");
  EXPECT_EQ(values(all, "UID"), (std::vector<std::string>{"cutoff-EUROHPC-2024-CEI-AI-01_2024-11-04@cfp",
                                                          "cutoff-EUROHPC-2024-CEI-AI-02_2024-11-04@cfp",
                                                          "cutoff-EUROHPC-2024-CEI-AI-01_2025-02-01@cfp",
                                                          "cutoff-EUROHPC-2024-CEI-AI-02_2025-02-01@cfp"}));
  EXPECT_EQ(values(all, "DTSTART"),
            (std::vector<std::string>{"20221030T030000", "20230326T020000", "20231029T030000", "20240331T020000",
                                      "20241027T030000", "20250330T020000", "20251026T030000", "20260329T020000",
                                      "20261025T030000", "20241104T170000", "20241104T170000", "20250201T170000",
                                      "20250201T170000"}))
      << "the zone's changes from 2023 to 2026 (and the one in effect when 2023 begins), then the events";
  EXPECT_EQ(values(all, "DTSTAMP"), std::vector<std::string>(4, "20250131T120000Z"));
  EXPECT_EQ(values(all, "X-WR-CALNAME"), std::vector<std::string>{"cfp cut-offs"});
  const auto one = ok({"report", "ics", "--call", k_other_call});
  EXPECT_EQ(values(one, "UID"), (std::vector<std::string>{"cutoff-EUROHPC-2024-CEI-AI-02_2024-11-04@cfp",
                                                          "cutoff-EUROHPC-2024-CEI-AI-02_2025-02-01@cfp"}));
  EXPECT_EQ(values(one, "X-WR-CALNAME"), std::vector<std::string>{"cfp cut-offs: EUROHPC-2024-CEI-AI-02"});
  EXPECT_EQ(values(ok({"report", "ics", "--call", "eurohpc-2024-cei-ai-02"}), "X-WR-CALNAME"),
            std::vector<std::string>{"cfp cut-offs: EUROHPC-2024-CEI-AI-02"})
      << "the code as stored, whatever the case typed";
}

TEST_F(ReportIcsTest, TheSameCutOffKeepsItsUidWhateverTheRowIdsAndTheReportTime)
{
  // Another database where the cut-offs were added in the other order and more rows come first.
  TempDir other_dir;
  const auto other = other_dir / "cfp.db";
  const auto add = [&](const std::vector<std::string>& args) {
    ASSERT_EQ(run_cli(other, args, "2024-09-01T09:00:00Z").exit_code, 0) << ::testing::PrintToString(args);
  };
  add({"call", "add", "OTHER", "--title", "Other"});
  add({"deadline", "add", "OTHER", "2024-12-01"});
  for (const auto* call : {k_other_call, k_call}) {
    add({"call", "add", call, "--title", "AI Factories", "--opens", "2024-09-10", "--budget", "1.5bn"});
    add({"deadline", "add", call, "2025-02-01"});
    add({"deadline", "add", call, "2024-11-04"});
  }
  const auto here = values(ok({"report", "ics", "--call", k_call}, "2024-10-01T10:00:00Z"), "UID");
  EXPECT_EQ(values(ok({"report", "ics", "--call", k_call}, "2025-06-01T10:00:00Z"), "UID"), here);
  EXPECT_EQ(values(run_cli(other, {"report", "ics", "--call", k_call}, "2025-01-01T00:00:00Z").out, "UID"), here);
}

TEST_F(ReportIcsTest, AnUnknownCallFailsWithNothingOnStdout)
{
  fails({"report", "ics", "--call", "NOPE"}, 1, "no call 'NOPE'");
}

TEST_F(ReportIcsTest, RefusesAnyFormatButTheDefault)
{
  for (const auto* format : {"json", "csv", "ndjson"}) {
    fails({"report", "ics", "--format", format}, 2, "report ics writes one iCalendar; leave out --format");
  }
  EXPECT_EQ(ok({"report", "ics", "--format", "table"}), ok({"report", "ics"}));
}

TEST_F(ReportIcsTest, AnEmptyDatabaseGivesAValidCalendar)
{
  std::filesystem::remove(m_db);
  ASSERT_EQ(cfp({"db", "init"}).exit_code, 0);
  const auto text = ok({"report", "ics"});
  EXPECT_TRUE(values(text, "UID").empty());
  EXPECT_EQ(values(text, "TZID"), std::vector<std::string>{"Europe/Brussels"});
  const auto calendar = parsed();
  EXPECT_EQ(calendar.value("version", ""), "2.0");
  EXPECT_EQ(calendar.value("events", json::array()), json::array());
}

TEST_F(ReportIcsTest, AHostileTitleOrLabelCannotAddAPropertyOrComponent)
{
  const std::string title = "Evil; title, \\ with\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nDTSTART:20000101T000000Z\r\n"
                            "END:VCALENDAR";
  ok({"call", "add", "EVIL", "--title", title});
  ok({"deadline", "add", "EVIL", "2025-03-01", "--label", "x;UID=evil:END:VEVENT,y\\"});
  const auto text = ok({"report", "ics", "--call", "EVIL"});
  EXPECT_EQ(values(text, "BEGIN"),
            (std::vector<std::string>{"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "STANDARD", "DAYLIGHT",
                                      "STANDARD", "DAYLIGHT", "STANDARD", "VEVENT", "VALARM", "VALARM"}));
  EXPECT_EQ(values(text, "UID"), std::vector<std::string>{"cutoff-EVIL_x%3BUID%3Devil%3AEND%3AVEVENT%2Cy%5C@cfp"});
  const auto calendar = parsed({"--call", "EVIL"});
  ASSERT_EQ(calendar.value("events", json::array()).size(), 1u) << calendar.dump(1);
  const auto& event = calendar.at("events").at(0);
  EXPECT_EQ(event.at("summary"), "EVIL: cut-off x;UID=evil:END:VEVENT,y\\ closes");
  EXPECT_EQ(event.at("description"), "Evil; title, \\ with\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\n"
                                     "DTSTART:20000101T000000Z\nEND:VCALENDAR\nCut-off x;UID=evil:END:VEVENT,y\\ "
                                     "closes at 2025-03-01T16:00:00Z (UTC); proposals submitted after it are late.");
  EXPECT_EQ(event.at("dtstart"), "2025-03-01T16:00:00Z");
}

TEST_F(ReportIcsTest, AnIndependentReaderFindsEveryCutOffAtItsInstant)
{
  ok({"deadline", "add", k_call, "2025-06-30", "--label", "summer"});
  // A wall time the autumn change repeats: written in UTC, read back at the same instant.
  ok({"deadline", "add", k_call, "2025-10-26T01:30:00Z", "--label", "twice"});
  const auto calendar = parsed();
  EXPECT_EQ(calendar.value("timezones", json::array()), json::array({"Europe/Brussels"}));
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> expected{
      {k_call, "2024-11-04", "2024-11-04T16:00:00Z", "2024-11-04T16:15:00Z"},
      {k_other_call, "2024-11-04", "2024-11-04T16:00:00Z", "2024-11-04T16:15:00Z"},
      {k_call, "2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T16:15:00Z"},
      {k_other_call, "2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T16:15:00Z"},
      {k_call, "summer", "2025-06-30T15:00:00Z", "2025-06-30T15:15:00Z"},
      {k_call, "twice", "2025-10-26T01:30:00Z", "2025-10-26T01:45:00Z"},
  };
  const auto events = calendar.value("events", json::array());
  ASSERT_EQ(events.size(), expected.size()) << calendar.dump(1);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& [call, label, start, end] = expected[i];
    const auto& event = events.at(i);
    SCOPED_TRACE(event.dump());
    EXPECT_EQ(event.at("uid"), "cutoff-" + call + "_" + label + "@cfp");
    EXPECT_EQ(event.at("summary"), call + ": cut-off " + label + " closes");
    EXPECT_EQ(event.at("dtstart"), start);
    EXPECT_EQ(event.at("dtend"), end);
    EXPECT_EQ(event.at("dtstart_vtimezone"), start) << "the calendar's own VTIMEZONE gives the same instant";
    EXPECT_EQ(event.at("dtend_vtimezone"), end);
    EXPECT_EQ(event.at("triggers"), json::array({-7 * 86'400, -86'400}));
  }
}

TEST_F(ReportIcsTest, AFailedWriteToStdoutIsAnError)
{
  const auto result = run_process({CFP_BINARY, "report", "ics"}, env(), StdoutTo{"/dev/full"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.err, "cfp: error: cannot write to standard output: No space left on device\n");
}

} // namespace
} // namespace cfp::test
