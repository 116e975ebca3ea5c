// SPDX-License-Identifier: EUPL-1.2
// `cfp report deadlines` on a terminal: cut-offs closing within 7 days in colour, within 24
// hours in bold; no colour off a terminal, with NO_COLOR, with TERM=dumb or unset, or in the
// data formats.

#include "cli/cli_fixture.hpp"

namespace cfp::test {
namespace {

constexpr auto k_yellow = "\x1b[33m";
constexpr auto k_bold_red = "\x1b[1;31m";
constexpr auto k_reset = "\x1b[0m";

class ReportColourTest : public CliTest
{
protected:
  // The table of `report deadlines --call AI-01` at `at`, printed as if stdout were a terminal.
  std::string on_terminal(const std::string& at, const std::vector<std::string>& env = {"TERM=xterm-256color"},
                          const std::vector<std::string>& extra_args = {})
  {
    std::vector<std::string> args{"report", "deadlines", "--call", k_call};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    const auto result = run_cli(m_db, args, at, env, {.out = true, .err = true});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }

  static std::vector<std::string> lines(const std::string& text)
  {
    std::vector<std::string> result;
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
      result.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return result;
  }
};

TEST_F(ReportColourTest, AWeekAheadInColourADayAheadInBoldLaterAndClosedPlain)
{
  // 2024-10-28 16:00Z: the first cut-off closes in exactly 7 days, the second in 96 days.
  auto table = lines(on_terminal("2024-10-28T16:00:00Z"));
  ASSERT_EQ(table.size(), 3U);
  EXPECT_EQ(table[0].find('\x1b'), std::string::npos) << "the header stays plain";
  EXPECT_EQ(table[1].rfind(k_yellow, 0), 0U) << table[1];
  EXPECT_NE(table[1].find("7d 00h 00m"), std::string::npos);
  EXPECT_EQ(table[1].substr(table[1].size() - 4), k_reset);
  EXPECT_EQ(table[2].find('\x1b'), std::string::npos) << table[2];

  // One second more than a week: plain.
  table = lines(on_terminal("2024-10-28T15:59:59Z"));
  EXPECT_EQ(table[1].find('\x1b'), std::string::npos) << table[1];

  // 24 hours and less, up to the closing second: bold.
  for (const auto* at : {"2024-11-03T16:00:00Z", "2024-11-04T15:59:30Z", "2024-11-04T16:00:00Z"}) {
    table = lines(on_terminal(at));
    EXPECT_EQ(table[1].rfind(k_bold_red, 0), 0U) << at << ": " << table[1];
  }
  table = lines(on_terminal("2024-11-03T15:59:59Z"));
  EXPECT_EQ(table[1].rfind(k_yellow, 0), 0U) << table[1];

  // Closed a second ago: plain, as is a cut-off whose call has not opened.
  table = lines(on_terminal("2024-11-04T16:00:01Z"));
  EXPECT_EQ(table[1].find('\x1b'), std::string::npos) << table[1];
}

TEST_F(ReportColourTest, TheColouredRowKeepsItsAlignment)
{
  const auto coloured = lines(on_terminal("2024-11-04T10:00:00Z"));
  const auto plain = lines(on_terminal("2024-11-04T10:00:00Z", {"TERM=xterm", "NO_COLOR=1"}));
  ASSERT_EQ(coloured.size(), plain.size());
  EXPECT_EQ(coloured[1], k_bold_red + plain[1] + k_reset);
}

TEST_F(ReportColourTest, NoColourOffATerminalWithNoColourOrADumbTerminal)
{
  constexpr auto at = "2024-11-04T10:00:00Z";
  const auto has_escape = [](const std::string& text) { return text.find('\x1b') != std::string::npos; };
  ASSERT_TRUE(has_escape(on_terminal(at)));
  EXPECT_TRUE(has_escape(on_terminal(at, {"TERM=xterm", "NO_COLOR="}))) << "an empty NO_COLOR is unset";
  EXPECT_FALSE(has_escape(on_terminal(at, {"TERM=xterm", "NO_COLOR=1"})));
  EXPECT_FALSE(has_escape(on_terminal(at, {"TERM=dumb"})));
  EXPECT_FALSE(has_escape(on_terminal(at, {})));
  for (const auto* format : {"json", "csv", "ndjson"}) {
    EXPECT_FALSE(has_escape(on_terminal(at, {"TERM=xterm"}, {"--format", format}))) << format;
  }
  // Not a terminal: a pipe or a file.
  const auto piped = run_cli(m_db, {"report", "deadlines", "--call", k_call}, at, {"TERM=xterm"});
  EXPECT_EQ(piped.exit_code, 0);
  EXPECT_FALSE(has_escape(piped.out));
  EXPECT_NE(piped.out.find("0d 06h 00m"), std::string::npos);
}

TEST_F(ReportColourTest, TheRealProgramColoursOnlyOnARealTerminal)
{
  const std::vector<std::string> base{"CFP_DB=" + m_db.string(), "CFP_NOW=2024-11-04T10:00:00Z"};
  const std::vector<std::string> argv{CFP_BINARY, "report", "deadlines", "--call", k_call};
  auto env = base;
  env.emplace_back("TERM=xterm");
  // Wide enough for the table whole (TableLayout::fit).
  const auto terminal = run_in_terminal(argv, env, 200);
  EXPECT_EQ(terminal.exit_code, 0) << terminal.out;
  EXPECT_NE(terminal.out.find(std::string(k_bold_red) + k_call), std::string::npos) << terminal.out;

  env.emplace_back("NO_COLOR=yes");
  const auto no_colour = run_in_terminal(argv, env, 200);
  EXPECT_EQ(no_colour.exit_code, 0);
  EXPECT_EQ(no_colour.out.find('\x1b'), std::string::npos) << no_colour.out;

  env = base;
  env.emplace_back("TERM=xterm");
  const auto piped = run_process(argv, env);
  EXPECT_EQ(piped.exit_code, 0);
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos) << piped.out;
}

} // namespace
} // namespace cfp::test
