// SPDX-License-Identifier: EUPL-1.2
// Usage errors in plain words: the closest command or option to a mistyped one, a group's
// commands when none is given, an option given twice or without its value, and enumerations in
// any case.
#include "cli/cli_fixture.hpp"

#include "usage_errors.hpp"

#include <algorithm>
#include <fstream>

namespace cfp::test {
namespace {

TEST(ClosestNameTest, SuggestsOnlyANameCloseEnoughAndNeverOneOfATie)
{
  const std::vector<std::string> groups{"db", "state", "call", "deadline", "proposal", "report", "rank", "log"};
  EXPECT_EQ(cli::closest_name("proposl", groups), "proposal");
  EXPECT_EQ(cli::closest_name("PROPOSAL", groups), "proposal") << "case does not count";
  EXPECT_EQ(cli::closest_name("porposal", groups), "proposal") << "two neighbours swapped are one edit";
  EXPECT_EQ(cli::closest_name("deadlines", groups), "deadline");
  EXPECT_EQ(cli::closest_name("lgo", groups), "log");
  EXPECT_EQ(cli::closest_name("frobnicate", groups), std::nullopt);
  EXPECT_EQ(cli::closest_name("", groups), std::nullopt);
  EXPECT_EQ(cli::closest_name("cal", groups), "call");
  // Equally close to two names: neither is suggested.
  EXPECT_EQ(cli::closest_name("--stat", {"--state", "--stats"}), std::nullopt);
  // A beginning of one name only.
  const std::vector<std::string> options{"--status", "--state", "--sort", "--sector"};
  EXPECT_EQ(cli::closest_name("--stauts", options), "--status");
  EXPECT_EQ(cli::closest_name("--sec", options), "--sector");
  EXPECT_EQ(cli::closest_name("--sta", options), std::nullopt) << "--status and --state both begin so";
  EXPECT_EQ(cli::closest_name("--statu", {"--status-of-it", "--status-quo"}), std::nullopt)
      << "both begin so, neither is close";
}

class UsageErrorsTest : public CliTest
{
};

TEST_F(UsageErrorsTest, AMistypedCommandOrOptionNamesTheClosest)
{
  fails({"proposl", "list"}, 2, "cfp: error: unknown command 'proposl'; did you mean 'proposal'?");
  fails({"proposal", "lst"}, 2, "unknown command 'lst' for 'cfp proposal'; did you mean 'list'?");
  fails({"proposal", "list", "--stauts", "submitted"}, 2,
        "unknown option '--stauts' for 'cfp proposal list'; did you mean '--status'?");
  fails({"proposal", "list", "--stauts=submitted"}, 2, "unknown option '--stauts' for 'cfp proposal list'; did you "
                                                        "mean '--status'?");
  // The global options count too.
  fails({"proposal", "list", "--formt", "csv"}, 2, "did you mean '--format'?");
  // Nothing close: what there is.
  fails({"frobnicate"}, 2, "unknown command 'frobnicate'; the commands are db, state, call, deadline, proposal");
  fails({"proposal", "list", "--bogus"}, 2,
        "unknown option '--bogus' for 'cfp proposal list'; 'cfp proposal list --help' lists its options");
}

TEST_F(UsageErrorsTest, AGroupWithoutItsCommandListsThem)
{
  fails({"proposal"}, 2,
        "'cfp proposal' needs a command: add, submit, resubmit, update, withdraw, delete, attach, detach, documents, "
        "document, show, history, list; 'cfp proposal COMMAND --help' tells more about one");
  fails({"report"}, 2, "'cfp report' needs a command: ");
  fails({}, 2, "'cfp' needs a command: db, state, call, deadline, proposal, criterion, expert, score, consensus, "
               "report, rank, log, import, export");
}

TEST_F(UsageErrorsTest, AnOptionTwiceOrWithoutItsValueIsSaidPlainly)
{
  fails({"proposal", "add", "--call", k_call, "--acronym", "X", "--title", "T", "--host", "FI", "--host", "SE",
         "--entity", "E", "--eu-contribution", "1M"},
        2, "cfp: error: --host takes one value and was given more than once; give it once");
  fails({"proposal", "list", "--limit"}, 2, "cfp: error: --limit needs a value after it");
  fails({"proposal", "show", "MIMER", "BSC-AIF"}, 2,
        "unexpected argument 'BSC-AIF': 'cfp proposal show' takes no more; quote a value that has spaces");
}

TEST_F(UsageErrorsTest, FormatsAreTakenInAnyCase)
{
  const auto lower = ok({"proposal", "list", "--format", "json"});
  EXPECT_EQ(ok({"proposal", "list", "--format", "JSON"}), lower);
  EXPECT_EQ(ok({"proposal", "list", "--format", "Json"}), lower);
  EXPECT_EQ(ok({"--format", "CSV", "proposal", "list"}), ok({"proposal", "list", "--format", "csv"}));
  fails({"proposal", "list", "--format", "xml"}, 2, "xml");

  const auto file = m_dir / "rows.data";
  {
    std::ofstream out(file);
    out << "call,acronym,title,host,entity,eu_contribution_eur\n" << k_call << ",CASE-AIF,T,FI,CSC,1M\n";
  }
  const auto imported = cfp({"import", "proposals", file.string(), "--input-format", "CSV"});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(ok({"proposal", "show", "CASE-AIF"}).find("CASE-AIF"), std::string::npos);
}

TEST(ClosestNameTest, GuessesNothingFromTooLittleOrTooMuch)
{
  const std::vector<std::string> options{"--as", "--db", "--desc", "--tz", "-h", "--format"};
  EXPECT_EQ(cli::closest_name("--csv", options), std::nullopt) << "three letters, two edits from --as";
  EXPECT_EQ(cli::closest_name("--zz1", options), std::nullopt);
  EXPECT_EQ(cli::closest_name("-x", options), std::nullopt);
  EXPECT_EQ(cli::closest_name("--", options), std::nullopt);
  EXPECT_EQ(cli::closest_name("--de", options), std::nullopt) << "--db, or --desc which it begins?";
  EXPECT_EQ(cli::closest_name("--" + std::string(100000, 'p'), options), std::nullopt);
  EXPECT_EQ(cli::closest_name("--fromat", options), "--format");
}

TEST_F(UsageErrorsTest, AWordInTheWrongPlaceIsSaidToBeThere)
{
  fails({"--limit", "3", "proposal", "list"}, 2,
        "cfp: error: '--limit' is in the wrong place: an option goes after the command it belongs to ('cfp proposal "
        "list --limit ...')");
  fails({"list", "proposal"}, 2,
        "cfp: error: 'list' is in the wrong place: a command comes after its group ('cfp proposal list')");
  // A value with spaces for an option of one value: quotes, never commas.
  fails({"proposal", "add", "--call", k_call, "--acronym", "Z9", "--title", "T", "--host", "FI", "--entity",
         "University", "of", "Oulu", "--eu-contribution", "1M"},
        2,
        "unexpected argument 'of' for 'cfp proposal add'; --entity takes one value: quote a value that has spaces "
        "(--entity 'University of Oulu')");
}

TEST_F(UsageErrorsTest, ARefusedFormatIsQuotedAndCut)
{
  const auto refused = cfp({"--format", std::string(100000, 'p'), "call", "list"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_LT(refused.err.size(), 400u) << "quoted in part, not whole";
  EXPECT_NE(refused.err.find("--format: 'ppp"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("…' is not one of table,json,csv,ndjson"), std::string::npos) << refused.err;
  fails({"--format", "JSON ", "call", "list"}, 2, "--format: 'JSON ' is not one of table,json,csv,ndjson");
}

TEST_F(UsageErrorsTest, ASemicolonOrTabSeparatedFileSaysSoAndImportsNothing)
{
  const auto before = dump_database(m_db);
  for (const char separator : {';', '\t'}) {
    const auto file = m_dir / (separator == ';' ? "semicolons.csv" : "tabs.csv");
    {
      std::string text = "call;acronym;title;host;entity;eu_contribution_eur\n" + std::string(k_call) +
                         ";SEMI-AIF;T;FI;CSC;1,5M\n";
      std::replace(text.begin(), text.end(), ';', separator);
      std::ofstream out(file);
      out << text;
    }
    const auto refused = cfp({"import", "proposals", file.string()});
    EXPECT_EQ(refused.exit_code, 65) << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_NE(refused.err.find(file.string() + ":1: header: the columns are separated by " +
                               (separator == ';' ? std::string("';'") : std::string("tabs")) + ", not commas"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find(separator == ';' ? "import it with --delimiter ';'" : "import it with --delimiter tab"),
              std::string::npos)
        << refused.err;
    EXPECT_EQ(dump_database(m_db), before);
  }
  // A header with a ';' that is not a list of columns is an unknown column, as before.
  const auto odd = m_dir / "odd.csv";
  {
    std::ofstream out(odd);
    out << "call,acronym;colour,title\n";
  }
  EXPECT_NE(cfp({"import", "proposals", odd.string()}).err.find("unknown column 'acronym;colour'"), std::string::npos);
}

} // namespace
} // namespace cfp::test
