// SPDX-License-Identifier: EUPL-1.2
// A write to standard output that fails (a full disk, a closed descriptor) is an error, exit
// 74, naming the reason; a command that recorded a change says that the change stays.

#include "support/support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace cfp::test {
namespace {

class StdoutFailureTest : public ::testing::Test
{
protected:
  std::vector<std::string> env() const
  {
    return {"CFP_DB=" + m_db.string(), "CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "PATH=/usr/bin:/bin"};
  }

  void SetUp() override
  {
    for (const auto& args : std::vector<std::vector<std::string>>{
           {"call", "add", "C-1", "--title", "AI Factories", "--opens", "2024-09-10"},
           {"deadline", "add", "C-1", "2024-11-04"},
           {"proposal", "add", "--call", "C-1", "--acronym", "MIMER", "--title", "MIMER", "--host", "SE", "--entity",
            "Linköping University", "--eu-contribution", "0"}}) {
      const auto result = run_binary(args, env());
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
  }

  CliResult cfp_to(const std::vector<std::string>& args, const StdoutTo& to) const
  {
    std::vector<std::string> argv{CFP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env(), to);
  }

  TempDir m_dir;
  std::filesystem::path m_db = m_dir / "cfp.db";
};

TEST_F(StdoutFailureTest, EveryReadCommandWritingToAFullDiskExitsSeventyFour)
{
  for (const auto& args : std::vector<std::vector<std::string>>{{"export", "proposals"},
                                                                 {"export", "calls"},
                                                                 {"proposal", "list", "--format", "json"},
                                                                 {"proposal", "list"},
                                                                 {"proposal", "show", "MIMER"},
                                                                 {"proposal", "history", "MIMER", "--format", "csv"},
                                                                 {"call", "list", "--format", "ndjson"},
                                                                 {"deadline", "list"},
                                                                 {"state", "list"},
                                                                 {"report", "deadlines", "--all"},
                                                                 {"report", "states", "--format", "csv"},
                                                                 {"report", "calls"},
                                                                 {"report", "ics"},
                                                                 {"log"},
                                                                 {"db", "status"}}) {
    const auto result = cfp_to(args, {"/dev/full"});
    EXPECT_EQ(result.exit_code, 74) << ::testing::PrintToString(args) << ": " << result.err;
    EXPECT_EQ(result.err, "cfp: error: cannot write to standard output: No space left on device\n")
      << ::testing::PrintToString(args);
  }
}

TEST_F(StdoutFailureTest, HelpTheVersionATopicAndCompletionWritingNowhereAreErrorsToo)
{
  for (const auto& args : std::vector<std::vector<std::string>>{{"--version"},
                                                                 {"--help"},
                                                                 {"proposal", "add", "--help"},
                                                                 {"help"},
                                                                 {"help", "dates"},
                                                                 {"help", "call", "add"},
                                                                 {"completion", "bash"},
                                                                 {"__complete", "proposal", "show", ""}}) {
    for (const auto* to : {"/dev/full", ""}) {
      const auto result = cfp_to(args, {to});
      EXPECT_EQ(result.exit_code, 74) << ::testing::PrintToString(args) << " > " << to << ": " << result.err;
      EXPECT_EQ(result.err.rfind("cfp: error: cannot write to standard output: ", 0), 0u)
          << ::testing::PrintToString(args) << " > " << to << ": " << result.err;
    }
  }
}

TEST_F(StdoutFailureTest, AClosedStandardOutputIsAnErrorToo)
{
  const auto result = cfp_to({"proposal", "list"}, {""});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.err, "cfp: error: cannot write to standard output: Bad file descriptor\n");
}

TEST_F(StdoutFailureTest, AChangeWhoseRecordCannotBePrintedStaysAndTheMessageSaysSo)
{
  const auto result = cfp_to({"proposal", "update", "MIMER", "--title", "MIMER 2", "--format", "json"}, {"/dev/full"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("cfp: error: cannot write to standard output: No space left on device; what the command "
                            "recorded in the database stays recorded ('cfp log' shows it)"),
            std::string::npos)
    << result.err;
  const auto shown = run_binary({"proposal", "show", "MIMER", "--format", "json"}, env());
  EXPECT_NE(shown.out.find("\"title\": \"MIMER 2\""), std::string::npos) << shown.out;
}

TEST_F(StdoutFailureTest, ARankingAppliedButNotPrintedSaysThatTheOutcomesStay)
{
  auto after = env();
  after[2] = "CFP_NOW=2024-11-05T10:00:00Z";
  for (const auto& args : std::vector<std::vector<std::string>>{
         {"expert", "add", "Ella", "--state", "FI"},
         {"score", "add", "MIMER", "--expert", "Ella", "excellence=4", "impact=4", "implementation=4"}}) {
    const auto result = run_binary(args, after);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  std::vector<std::string> argv{CFP_BINARY, "rank", "C-1", "--min-experts", "1", "--apply"};
  const auto result = run_process(argv, after, StdoutTo{"/dev/full"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("cfp: error: cannot write to standard output: No space left on device; what the command "
                            "recorded in the database stays recorded ('cfp log' shows it)"),
            std::string::npos)
      << result.err;
  const auto shown = run_binary({"proposal", "show", "MIMER", "--format", "json"}, after);
  EXPECT_NE(shown.out.find("\"outcome\": \"selected\""), std::string::npos) << shown.out;
}

TEST_F(StdoutFailureTest, ADryRunWhoseSummaryCannotBePrintedDoesNotClaimToHaveRecordedAnything)
{
  const auto csv = m_dir / "in.csv";
  std::ofstream(csv) << "call,acronym,title,host,entity,eu_contribution_eur\nC-1,NEW,New,FI,Centre,1M\n";
  const auto result =
      cfp_to({"import", "proposals", csv.string(), "--dry-run", "--format", "json"}, {"/dev/full"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("cfp: error: cannot write to standard output: No space left on device"), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("stays recorded"), std::string::npos) << result.err;
}

} // namespace
} // namespace cfp::test
