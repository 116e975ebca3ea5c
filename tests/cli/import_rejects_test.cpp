// SPDX-License-Identifier: EUPL-1.2
// `import proposals --skip-invalid --rejects FILE`: the valid records are written, the
// invalid ones go to the rejects file in the input's format.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, SkipInvalidWritesTheValidRowsAndCopiesCsvRejectsVerbatimWithAnErrorColumn)
{
  const std::string bad_multiline = std::string(k_call) + ",BAD1,\"Multi\nline, \"\"quoted\"\"\",FI,CSC,1M,rebuild";
  const std::string bad_short = std::string(k_call) + ",BAD2,Short";
  const auto file = write("mixed.csv", "call,acronym,title,host,entity,eu_contribution_eur,plan\n" +
                                         std::string(k_call) + ",GOOD,Good,FI,CSC,1M,new\n" + bad_multiline + "\n" +
                                         bad_short + "\n");
  const auto rejects = m_dir / "rejects.csv";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, file.string() + ":3: plan: 'rebuild' is not a plan; use new, upgrade or none\n" +
                          file.string() + ":5: record: 3 fields where the header has 7\n" +
                          "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 2 invalid (written to " +
                          rejects.string() + ")\n");
  EXPECT_EQ(read_file(rejects), "call,acronym,title,host,entity,eu_contribution_eur,plan,error\r\n" + bad_multiline +
                                  ",\"plan: 'rebuild' is not a plan; use new, upgrade or none\"\r\n" + bad_short +
                                  ",record: 3 fields where the header has 7\r\n");
  EXPECT_EQ(show("GOOD")["version"], 1);
}

TEST_F(ImportExportTest, ARejectsFileImportedAgainGivesARejectsFileThatReadsBack)
{
  const std::string bad = std::string(k_call) + ",BAD1,Bad,XX,CSC";
  const auto first_rejects = m_dir / "rejects1.csv";
  const auto file = write("bad.csv", "call,acronym,title,host,entity\n" + bad + "\n");
  ASSERT_EQ(cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", first_rejects.string()}).exit_code,
            0);
  const auto second_rejects = m_dir / "rejects2.csv";
  const auto again =
    cfp({"import", "proposals", first_rejects.string(), "--skip-invalid", "--rejects", second_rejects.string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_file(second_rejects), read_file(first_rejects));
  const auto third = cfp({"import", "proposals", second_rejects.string(), "--dry-run"});
  EXPECT_EQ(third.err.find("appears twice"), std::string::npos) << third.err;
  EXPECT_NE(third.err.find(":2: host: 'XX'"), std::string::npos) << third.err;
}

TEST_F(ImportExportTest, AnUnclosedQuoteAtTheEndKeepsItsRejectAOneRecordRow)
{
  const auto file = write("open.csv", "call,acronym,title,host,entity\n" + std::string(k_call) + ",A,\"never closed\n");
  const auto rejects = m_dir / "rejects.csv";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // The rejects file read back: the header and exactly one record, whose error names the problem.
  const auto back = cfp({"import", "proposals", rejects.string(), "--dry-run"});
  EXPECT_NE(back.exit_code, 0);
  EXPECT_NE(back.err.find(rejects.string() + ":2: "), std::string::npos) << back.err;
  EXPECT_EQ(back.err.find(rejects.string() + ":3"), std::string::npos) << back.err;
}

TEST_F(ImportExportTest, SkipInvalidWritesNdjsonRejectsAsTheObjectPlusAnErrorKey)
{
  const std::string good = std::string("{\"call\": \"") + k_call +
                           "\", \"acronym\": \"GOOD\", \"title\": \"Good\", \"host\": \"FI\", \"entity\": \"CSC\", "
                           "\"eu_contribution_eur\": \"1M\"}";
  const std::string bad = std::string("{\"call\": \"") + k_call +
                          "\", \"acronym\": \"BAD\", \"title\": \"Bad\", \"host\": \"XX\", \"entity\": \"CSC\", "
                          "\"eu_contribution_eur\": \"1M\"}";
  const auto file = write("mixed.ndjson", good + "\n" + bad + "\n{\"call\": \n[1]\n");
  const auto rejects = m_dir / "rejects.ndjson";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(rejects),
            std::string("{\"call\":\"") + k_call +
              "\",\"acronym\":\"BAD\",\"title\":\"Bad\",\"host\":\"XX\",\"entity\":\"CSC\","
              "\"eu_contribution_eur\":\"1M\","
              "\"error\":\"host: 'XX' "
              "is not a participating state; 'cfp state list' shows the codes\"}\n"
              "{\"record\":\"{\\\"call\\\": \",\"error\":\"record: the line is not a JSON object\"}\n"
              "{\"record\":[1],\"error\":\"record: each record must be a JSON object\"}\n");
  EXPECT_NE(result.err.find("imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 3 invalid"), std::string::npos)
    << result.err;
  EXPECT_EQ(show("GOOD")["title"], "Good");
}

TEST_F(ImportExportTest, SkipInvalidWritesJsonRejectsAsAnArrayOfTheObjectsPlusAnErrorKey)
{
  const auto file = write("mixed.json", std::string("[\n  {\"call\": \"") + k_call +
                                          "\", \"acronym\": \"GOOD\", \"title\": \"Good\", \"host\": \"FI\", "
                                          "\"entity\": \"CSC\", \"eu_contribution_eur\": 1000000},\n  {\"call\": \"" +
                                          k_call + "\", \"acronym\": \"BAD\", \"title\": 5, \"host\": \"FI\", "
                                                   "\"entity\": \"CSC\"}\n]\n");
  const auto rejects = m_dir / "rejects.json";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(rejects), std::string("[\n{\"call\":\"") + k_call +
                                  "\",\"acronym\":\"BAD\",\"title\":5,\"host\":\"FI\",\"entity\":\"CSC\",\"error\":"
                                  "\"title: must be a string, not number\"}\n]\n");
  EXPECT_EQ(show("GOOD")["title"], "Good");
}

TEST_F(ImportExportTest, SkipInvalidWithNoInvalidRecordWritesAnEmptyRejectsFile)
{
  const auto rejects = m_dir / "rejects.csv";
  const auto result =
    cfp({"import", "proposals", write("new.csv", k_two_new_rows).string(), "--skip-invalid", "--rejects",
         rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 2 proposals: 2 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(read_file(rejects), "call,acronym,title,host,entity,eu_contribution_eur,error\r\n");
}

} // namespace
} // namespace cfp::test
