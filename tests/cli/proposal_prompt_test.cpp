// SPDX-License-Identifier: EUPL-1.2
// `cfp proposal add` with fields missing: asked for on a terminal, named in one usage error
// everywhere else.
#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <sstream>
#include <streambuf>

namespace cfp::test {
namespace {

using nlohmann::json;

// A person at a terminal typing `answers`, a line each.
class PromptTest : public CliTest
{
protected:
  CliResult at_terminal(const std::vector<std::string>& args, const std::string& answers,
                        const std::string& now = "2024-10-01T10:00:00Z")
  {
    m_answers.str(answers);
    m_answers.clear();
    cli::Terminals terminals;
    terminals.err = true;
    terminals.in = true;
    terminals.input = &m_answers;
    return run_cli(m_db, args, now, {}, terminals);
  }

  json shown(const std::string& ref) { return json::parse(ok({"proposal", "show", ref, "--format", "json"})); }

  std::istringstream m_answers;
};

const std::vector<std::string> k_add_nothing{"proposal", "add"};

// Answers typed a line at a time, with `before` run just before line `at` (0 first) is read:
// what another official does between two questions.
class TypedLines : public std::streambuf
{
public:
  TypedLines(std::vector<std::string> lines, std::size_t at, std::function<void()> before)
      : m_lines(std::move(lines)), m_at(at), m_before(std::move(before))
  {
  }

protected:
  int_type underflow() override
  {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    if (m_next >= m_lines.size()) {
      return traits_type::eof();
    }
    if (m_next == m_at && m_before) {
      m_before();
    }
    m_current = m_lines[m_next++] + "\n";
    setg(m_current.data(), m_current.data(), m_current.data() + m_current.size());
    return traits_type::to_int_type(*gptr());
  }

private:
  std::vector<std::string> m_lines;
  std::size_t m_at;
  std::function<void()> m_before;
  std::size_t m_next = 0;
  std::string m_current;
};

TEST_F(PromptTest, WithoutATerminalEveryMissingFieldIsNamedInOneUsageError)
{
  fails(k_add_nothing, 2,
        "missing --call, --acronym, --title, --host, --entity, --eu-contribution; give them on the command line, "
        "or run the command on a terminal to be asked for them (a --draft may leave out --eu-contribution until it "
        "is submitted)");
  fails({"proposal", "add", "--call", k_call, "--acronym", "X", "--title", "T", "--host", "FI", "--draft"}, 2,
        "missing --entity; give it on the command line, or run");
}

TEST_F(PromptTest, NoInputOrAStreamThatIsNoTerminalNeverAsks)
{
  const std::string before = dump_database(m_db);
  const std::vector<std::string> no_input{"--no-input", "proposal", "add", "--call", k_call};
  auto result = at_terminal(no_input, "ANSWER\n");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(result.err,
            "cfp: error: missing --acronym, --title, --host, --entity, --eu-contribution; give them on the command "
            "line (a --draft may leave out --eu-contribution until it is submitted)\n");
  EXPECT_EQ(m_answers.tellg(), 0) << "nothing was read";

  for (const bool in : {false, true}) {
    cli::Terminals terminals; // one of stdin and stderr is no terminal
    terminals.in = in;
    terminals.err = !in;
    std::istringstream answers("ANSWER\n");
    terminals.input = &answers;
    result = run_cli(m_db, k_add_nothing, "2024-10-01T10:00:00Z", {}, terminals);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("missing --call"), std::string::npos) << result.err;
    EXPECT_EQ(answers.tellg(), 0) << "nothing was read";
  }
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(PromptTest, AsksForEachFieldOfferingCallsStatesAndSectorsThenSubmits)
{
  // call, acronym, title, host, partners, entity, plan, platform, EU, national, sectors, confirm
  const auto result = at_terminal(k_add_nothing, "eurohpc-2024-cei-ai-01\nLUMI-AIF\nLUMI AI Factory\nfi\nSE, no\n"
                                                 "CSC\n\ny\n250M\n\nhealth space\n\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "EUROHPC-2024-CEI-AI-01/LUMI-AIF\n");
  for (const auto* expected :
       {"open: EUROHPC-2024-CEI-AI-01, cut-off '2024-11-04', closes", "open: EUROHPC-2024-CEI-AI-02, cut-off",
        "Call: ", "Acronym", "Title: ", "states taking part: AL, AT, BE", "Host state (code): ",
        "AI supercomputer: new, upgrade or none [new]: ", "Experimental platform? [y/N]: ",
        "sectors: health, manufacturing, climate", "To be recorded:", "  host", "FI",
        "Submit it now to cut-off '2024-11-04'? [Y/n]: ", "is submitted for cut-off '2024-11-04'"}) {
    EXPECT_NE(result.err.find(expected), std::string::npos) << expected << "\n" << result.err;
  }
  EXPECT_EQ(count_of(result.err, "states taking part"), 1u) << "offered once";
  const auto proposal = shown("LUMI-AIF");
  EXPECT_EQ(proposal["host"], "FI");
  EXPECT_EQ(proposal["partners"], json({"NO", "SE"}));
  EXPECT_EQ(proposal["entity"], "CSC");
  EXPECT_EQ(proposal["plan"], "new");
  EXPECT_EQ(proposal["experimental_platform"], true);
  EXPECT_EQ(proposal["eu_contribution_eur"], "250000000.00");
  EXPECT_TRUE(proposal["national_contribution_eur"].is_null());
  EXPECT_EQ(proposal["sectors"], json({"health", "space"}));
  EXPECT_EQ(proposal["status"], "submitted");
}

TEST_F(PromptTest, OnlyWhatTheCommandLineLacksIsAskedAndTheOnlyOpenCallIsTheDefault)
{
  ok({"call", "add", "EUROHPC-2025-SOLO", "--title", "Solo", "--opens", "2024-09-10"}, "2024-09-01T09:00:00Z");
  ok({"deadline", "add", "EUROHPC-2025-SOLO", "2025-06-01"}, "2024-09-01T09:00:00Z");
  // After the last cut-off of the two AI Factories calls, only the new call is open.
  const auto result =
      at_terminal({"proposal", "add", "--acronym", "SOLO-1", "--title", "Solo", "--host", "FI", "--entity", "CSC",
                   "--eu-contribution", "1M", "--plan", "upgrade"},
                  "\n\n\n\n\n\n", "2025-03-01T10:00:00Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("Call [EUROHPC-2025-SOLO]: "), std::string::npos) << result.err;
  for (const auto* not_asked : {"Acronym (", "Title:", "Host state (", "Hosting entity:", "AI supercomputer:",
                                "EU contribution in euros"}) {
    EXPECT_EQ(result.err.find(not_asked), std::string::npos) << not_asked << "\n" << result.err;
  }
  EXPECT_EQ(shown("SOLO-1")["plan"], "upgrade");
  EXPECT_EQ(shown("SOLO-1")["call"], "EUROHPC-2025-SOLO");
}

TEST_F(PromptTest, AWrongAnswerIsExplainedAndAskedAgain)
{
  const auto result =
      at_terminal({"proposal", "add", "--call", k_call, "--title", "T", "--entity", "E", "--plan", "new"},
                  "BSC-AIF\nNEW-AIF\n\nDeutschland\nDE\nDE\n\n\n1,5M\n1.5M\n\nhealthcare\nhealth\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const auto* expected :
       {"BSC-AIF is already used in call", "a host state is required", "did you mean DE?", "1.5M", "is the host",
        "'healthcare'"}) {
    EXPECT_NE(result.err.find(expected), std::string::npos) << expected << "\n" << result.err;
  }
  const auto proposal = shown("NEW-AIF");
  EXPECT_EQ(proposal["host"], "DE");
  EXPECT_EQ(proposal["partners"], json::array());
  EXPECT_EQ(proposal["eu_contribution_eur"], "1500000.00");
}

TEST_F(PromptTest, AValueTheCommandLineGotWrongIsAskedAgainAtTheEnd)
{
  const auto result =
      at_terminal({"proposal", "add", "--call", k_call, "--acronym", "FIXED", "--host", "XX", "--entity", "E",
                   "--eu-contribution", "1M", "--partner", "SE", "--plan", "new", "--national-contribution", "1M",
                   "--sector", "health"},
                  "Title\nn\nFI\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("--host: "), std::string::npos) << result.err;
  EXPECT_EQ(shown("FIXED")["host"], "FI");
}

TEST_F(PromptTest, NoAtTheEndOrTheEndOfInputRecordsNothing)
{
  const std::string before = dump_database(m_db);
  auto result = at_terminal({"proposal", "add", "--call", k_call, "--acronym", "NOPE", "--host", "FI", "--entity",
                             "E", "--eu-contribution", "1M", "--partner", "SE", "--plan", "new",
                             "--national-contribution", "1M", "--sector", "health"},
                            "Title\nn\nno\n");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("cfp: error: cancelled: nothing was recorded"), std::string::npos) << result.err;
  result = at_terminal(k_add_nothing, std::string(k_call) + "\nHALF\n");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("cfp: error: cancelled: nothing was recorded"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(PromptTest, WhenNoCutoffIsOpenItOffersToKeepADraft)
{
  const std::string after_all = "2025-03-01T10:00:00Z";
  auto result = at_terminal({"proposal", "add", "--acronym", "LATE", "--title", "Late", "--host", "FI", "--entity",
                             "CSC", "--eu-contribution", "1M"},
                            "y\n" + std::string(k_call) + "\n\n\n\n\n\n\n", after_all);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("no cut-off is open now"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Record it as a draft? [Y/n]"), std::string::npos) << result.err;
  EXPECT_EQ(shown("LATE")["status"], "draft");
  const std::string before = dump_database(m_db);
  result = at_terminal({"proposal", "add", "--acronym", "LATER"}, "n\n", after_all);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(PromptTest, ACutoffThatClosesBeforeTheConfirmationIsSaidAndConfirmedAgain)
{
  const std::string now = "2024-10-01T10:00:00Z";
  // title, partners, plan, platform, national, sectors, the confirmation, the confirmation again
  TypedLines typed({"T", "", "", "n", "", "", "y", "y"}, 6, [&] {
    // Meanwhile, the cut-off the summary names stops taking submissions.
    EXPECT_EQ(run_cli(m_db, {"deadline", "remove", k_other_call, "2024-11-04"}, now).exit_code, 0);
  });
  std::istream answers(&typed);
  cli::Terminals terminals;
  terminals.err = true;
  terminals.in = true;
  terminals.input = &answers;
  const auto result = run_cli(m_db,
                              {"proposal", "add", "--call", k_other_call, "--acronym", "STALE", "--host", "FI",
                               "--entity", "E", "--eu-contribution", "1M"},
                              now, {}, terminals);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("Submit it now to cut-off '2024-11-04'? [Y/n]: cut-off '2024-11-04' no longer takes the "
                            "submission (it closed or changed meanwhile)"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("Submit it now to cut-off '2025-02-01'? [Y/n]"), std::string::npos) << result.err;
  EXPECT_EQ(shown(std::string(k_other_call) + "/STALE")["cutoff"], "2025-02-01");
}

TEST_F(PromptTest, ProblemsAreAskedOneAtATimeEachAnswerCheckedAgain)
{
  const auto result = at_terminal({"proposal", "add", "--call", k_call, "--acronym", "FIXES", "--host", "XX",
                                   "--partner", "YY,DE,DE", "--entity", "E", "--eu-contribution", "1M", "--plan",
                                   "new", "--national-contribution", "1M", "--sector", "health"},
                                  "Title\nn\nFI\nFR\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(count_of(result.err, "Partner states ("), 1u) << result.err;
  EXPECT_EQ(shown("FIXES")["partners"], json({"FR"}));
  EXPECT_EQ(shown("FIXES")["host"], "FI");
}

TEST_F(PromptTest, AnAnswerTooLongIsRefusedAndAskedAgain)
{
  const auto result = at_terminal({"proposal", "add", "--call", k_call, "--acronym", "LONG", "--host", "FI",
                                   "--partner", "SE", "--entity", "E", "--eu-contribution", "1M", "--plan", "new",
                                   "--national-contribution", "1M", "--sector", "health"},
                                  std::string(70'000, 'x') + "\nShort title\nn\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("the answer is longer than 64 KiB"), std::string::npos) << result.err.substr(0, 400);
  EXPECT_EQ(shown("LONG")["title"], "Short title");
}

TEST_F(PromptTest, TheSummaryShowsEachFieldOnOneLineAndAnEmptyCallIsAskedAgain)
{
  const auto result = at_terminal({"proposal", "add", "--acronym", "ESC", "--title", "Real\n  EU contribution  1.00 EUR",
                                   "--host", "FI", "--partner", "SE", "--entity", "E", "--eu-contribution", "9M",
                                   "--plan", "new", "--national-contribution", "1M", "--sector", "health"},
                                  "\n" + std::string(k_call) + "\nn\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("Call: " + std::string("  a call is required")), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Real\\n  EU contribution  1.00 EUR"), std::string::npos) << result.err;
  EXPECT_EQ(count_of(result.err, "\n  EU contribution"), 1u) << result.err; // the real one alone
}

TEST_F(PromptTest, AWarningOfTheRulesIsShownBeforeTheConfirmationOnce)
{
  const auto result = at_terminal({"proposal", "add", "--call", k_call, "--acronym", "BIG", "--host", "FI",
                                   "--partner", "SE", "--entity", "E", "--eu-contribution", "2bn", "--plan", "new",
                                   "--national-contribution", "1M", "--sector", "health"},
                                  "Big\nn\ny\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto warning = result.err.find("warning: BIG asks for an EU contribution of 2,000,000,000.00 EUR, more than "
                                       "the budget of call");
  EXPECT_LT(warning, result.err.find("Submit it now")) << result.err;
  EXPECT_EQ(count_of(result.err, "warning: "), 1u) << result.err;
}

TEST_F(PromptTest, TheRealBinaryAsksOnAPseudoTerminalAndNotOnAPipe)
{
  const std::vector<std::string> env{"CFP_DB=" + m_db.string(), "CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z",
                                     "TERM=xterm"};
  const auto piped = run_binary({"proposal", "add", "--call", k_call}, env);
  EXPECT_EQ(piped.exit_code, 2) << piped.err;
  EXPECT_NE(piped.err.find("missing --acronym, --title, --host, --entity, --eu-contribution"), std::string::npos)
      << piped.err;

  const auto typed = run_in_terminal({CFP_BINARY, "proposal", "add", "--call", k_call}, env, 100,
                                     "PTY-AIF\nPty title\nFI\n\nCSC\n\n\n2M\n\n\n\n");
  ASSERT_EQ(typed.exit_code, 0) << typed.out;
  EXPECT_NE(typed.out.find("Acronym"), std::string::npos) << typed.out;
  EXPECT_NE(typed.out.find("Submit it now to cut-off '2024-11-04'? [Y/n]"), std::string::npos) << typed.out;
  EXPECT_NE(typed.out.find("EUROHPC-2024-CEI-AI-01/PTY-AIF"), std::string::npos) << typed.out;
  EXPECT_EQ(shown("PTY-AIF")["eu_contribution_eur"], "2000000.00");
}

} // namespace
} // namespace cfp::test
