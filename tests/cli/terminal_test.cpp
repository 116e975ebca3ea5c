// SPDX-License-Identifier: EUPL-1.2
// What cfp does for a person at a terminal that it never does for a script: tables that fit the
// terminal's width.
#include "cli/cli_fixture.hpp"

#include <cfp/util/text.hpp>

#include <sstream>

namespace cfp::test {
namespace {

class TerminalTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    ok({"proposal", "add", "--call", k_call, "--acronym", "LONG-ONE", "--title",
        "A very long title of an AI factory that no terminal shows whole", "--host", "FI", "--entity",
        "Linköping University, National Supercomputer Centre and partners", "--eu-contribution", "1.5M"});
  }

  // `args` with stdout a terminal of `columns` columns (0: one that does not say), and `env`.
  CliResult on_terminal(const std::vector<std::string>& args, std::size_t columns,
                        const std::vector<std::string>& env = {})
  {
    return run_cli(m_db, args, "2024-10-01T10:00:00Z", env, cli::Terminals{true, true, columns});
  }
};

TEST_F(TerminalTest, AProposalListFitsTheTerminalWithEllipsesAndTitlesWhenThereIsRoom)
{
  // Piped: every column whole, the title included.
  const auto piped = ok({"proposal", "list"});
  EXPECT_NE(piped.find("TITLE"), std::string::npos) << piped;
  EXPECT_NE(piped.find("A very long title of an AI factory that no terminal shows whole"), std::string::npos);
  EXPECT_EQ(piped.find("\u2026"), std::string::npos) << piped;

  // A wide terminal shows the title (cut), a narrow one leaves it out; neither is wider than it is.
  for (const std::size_t columns : {100u, 130u, 160u}) {
    const auto shown = on_terminal({"proposal", "list"}, columns);
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    for (const auto& line : lines_of(shown.out)) {
      EXPECT_LE(util::display_width(line), columns) << line;
    }
    EXPECT_NE(shown.out.find("\u2026"), std::string::npos) << shown.out;
    EXPECT_EQ(shown.out.find("TITLE") != std::string::npos, columns >= 130) << columns << "\n" << shown.out;
    EXPECT_NE(shown.out.find("LONG-ONE"), std::string::npos) << "the key is never cut";
  }
  // The terminal's own width, when COLUMNS is not set; COLUMNS first when it is.
  const auto own = on_terminal({"proposal", "list"}, 110);
  const auto columns = on_terminal({"proposal", "list"}, 110, {"COLUMNS=160"});
  EXPECT_NE(own.out, columns.out);
  EXPECT_EQ(columns.out, on_terminal({"proposal", "list"}, 160).out);
  // A COLUMNS that is not a width is ignored; a terminal that does not say is 80 wide.
  EXPECT_EQ(on_terminal({"proposal", "list"}, 110, {"COLUMNS=wide"}).out, own.out);
  EXPECT_EQ(on_terminal({"proposal", "list"}, 0).out, on_terminal({"proposal", "list"}, 80).out);
}

TEST_F(TerminalTest, DataFormatsAreNeverCutOnATerminal)
{
  for (const char* format : {"csv", "json", "ndjson"}) {
    const auto shown = on_terminal({"proposal", "list", "--format", format}, 40);
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_EQ(shown.out, ok({"proposal", "list", "--format", format})) << format;
    EXPECT_EQ(shown.out.find("\u2026"), std::string::npos) << format;
  }
}

TEST_F(TerminalTest, EveryListingTableFitsTheTerminal)
{
  for (const std::vector<std::string>& args : {std::vector<std::string>{"log"},
                                               {"call", "list"},
                                               {"deadline", "list"},
                                               {"state", "list"},
                                               {"report", "states"},
                                               {"proposal", "history", "LONG-ONE"}}) {
    const auto shown = on_terminal(args, 60);
    ASSERT_EQ(shown.exit_code, 0) << args[0] << ": " << shown.err;
    for (const auto& line : lines_of(shown.out)) {
      // The least widths may not fit 60 columns; no line is wider than the widest table gets.
      EXPECT_LE(util::display_width(line), std::max<std::size_t>(60, util::display_width(lines_of(shown.out)[0])))
          << args[0] << ": " << line;
    }
    const auto piped = ok(args);
    EXPECT_EQ(piped.find("\u2026"), std::string::npos) << args[0] << ": piped output is never cut";
  }
  // The log's command lines are long: on a terminal they end in an ellipsis.
  EXPECT_NE(on_terminal({"log"}, 100).out.find("\u2026"), std::string::npos);
}

TEST_F(TerminalTest, TheRealProgramFitsTheWidthItsTerminalSays)
{
  const std::vector<std::string> env{"CFP_DB=" + m_db.string(), "CFP_NOW=2024-10-01T10:00:00Z", "TERM=xterm"};
  const std::vector<std::string> argv{CFP_BINARY, "proposal", "list"};
  for (const unsigned short columns : std::initializer_list<unsigned short>{80, 100, 400}) {
    const auto shown = run_in_terminal(argv, env, columns);
    ASSERT_EQ(shown.exit_code, 0) << shown.out;
    std::size_t widest = 0;
    for (auto line : lines_of(shown.out)) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      widest = std::max(widest, util::display_width(line));
    }
    EXPECT_LE(widest, columns) << shown.out;
    EXPECT_EQ(shown.out.find("\u2026") != std::string::npos, columns < 400) << shown.out;
  }
  // COLUMNS says more than the terminal.
  auto wide = env;
  wide.emplace_back("COLUMNS=400");
  EXPECT_EQ(run_in_terminal(argv, wide, 80).out.find("\u2026"), std::string::npos);
}

} // namespace
} // namespace cfp::test
