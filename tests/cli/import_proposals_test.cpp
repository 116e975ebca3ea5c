// SPDX-License-Identifier: EUPL-1.2
// How `import proposals` reads the values of a record: defaults, booleans, amounts, the
// submission time, CSV with a byte order mark, the input format.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cfp::test {
namespace {

using nlohmann::json;

TEST_F(ImportExportTest, MissingStatusAndSubmittedAtMeanSubmittedNowToTheOpenCutoff)
{
  import_ok(write("new.csv", k_two_new_rows), "2024-11-04T16:00:01Z");
  const auto lumi = show("LUMI-AIF");
  EXPECT_EQ(lumi["status"], "submitted");
  EXPECT_EQ(lumi["submitted_at"], "2024-11-04T16:00:01Z");
  EXPECT_EQ(lumi["cutoff"], "2025-02-01");
  EXPECT_EQ(lumi["version"], 1);
  EXPECT_EQ(lumi["plan"], "new");
  EXPECT_EQ(lumi["experimental_platform"], false);
  EXPECT_EQ(lumi["eu_contribution_eur"], "300000000.00");
  EXPECT_TRUE(lumi["national_contribution_eur"].is_null()) << "no column: absent, not 0";
}

TEST_F(ImportExportTest, SubmittedAtDecidesTheCutoffEvenWhenThatCutoffHasClosedSinceGivenHistorical)
{
  const auto file = write("late.csv", std::string("call,acronym,title,host,entity,eu_contribution_eur,submitted_at\n") +
                                          k_call + ",ON-TIME,T,FI,CSC,1M,2024-11-04T16:00:00Z\n" + k_call +
                                          ",NEXT,T,FI,CSC,1M,2024-11-04T16:00:01Z\n" + k_call +
                                          ",LOCAL,T,FI,CSC,1M,2024-11-04 17:00\n");
  const auto before = dump_database(m_db);
  const auto refused = cfp({"import", "proposals", file.string()}, "2024-12-01T00:00:00Z");
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find(file.string() + ":2: submitted_at: 2024-11-04T16:00:00Z is in cut-off '2024-11-04', "
                                             "which closed at 2024-11-04 17:00:00 CET (Brussels time); to import "
                                             "submissions made before a cut-off closed, give --historical"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find(file.string() + ":4: submitted_at:"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find(file.string() + ":3:"), std::string::npos) << "NEXT is in an open cut-off";
  EXPECT_EQ(dump_database(m_db), before);

  import_ok(file, "2024-12-01T00:00:00Z", {"--historical"});
  // Each proposal's log holds the import that made it; a historical one its own entry too.
  for (const char* acronym : {"ON-TIME", "LOCAL"}) {
    const auto log = as_json(ok({"log", "--ref", acronym, "--format", "json"}));
    ASSERT_EQ(log.size(), 2u) << acronym;
    EXPECT_EQ(log[0]["action"], "import");
    EXPECT_EQ(log[1]["action"], "historical import");
  }
  const auto next = as_json(ok({"log", "--ref", "NEXT", "--format", "json"}));
  ASSERT_EQ(next.size(), 1u) << "NEXT is not historical";
  EXPECT_EQ(next[0]["action"], "import");
  EXPECT_EQ(show("ON-TIME")["cutoff"], "2024-11-04");
  EXPECT_EQ(show("ON-TIME")["submitted_at"], "2024-11-04T16:00:00Z");
  EXPECT_EQ(show("NEXT")["cutoff"], "2025-02-01");
  EXPECT_EQ(show("LOCAL")["cutoff"], "2024-11-04");
}

TEST_F(ImportExportTest, ANewVersionCannotBeSubmittedBeforeTheVersionItFollows)
{
  // BSC-AIF was submitted on 2024-10-01T10:00:00Z; a changed record may not date its new
  // version before that.
  const auto file = write("earlier.csv", std::string("call,acronym,title,host,partners,entity,submitted_at\n") + k_call +
                                             ",BSC-AIF,BSC AI Factory (changed),ES,PT;RO;TR,Barcelona Supercomputing "
                                             "Center,2024-09-30T10:00:00Z\n");
  const auto before = dump_database(m_db);
  const auto refused = cfp({"import", "proposals", file.string()}, "2024-10-02T10:00:00Z");
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find(file.string() + ":2: submitted_at: 2024-09-30T10:00:00Z is before 2024-10-01T10:00:00Z, "
                                             "when version 1 of BSC-AIF was submitted; a new version cannot be "
                                             "submitted earlier"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportExportTest, DraftsHaveNoSubmissionTimeNorCutoff)
{
  import_ok(write("draft.csv", std::string("call,acronym,title,host,entity,status,submitted_at\n") + k_call +
                                 ",DRAFT,T,FI,CSC,draft,\n"));
  const auto draft = show("DRAFT");
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_TRUE(draft["submitted_at"].is_null());
  EXPECT_TRUE(draft["cutoff"].is_null());
}

TEST_F(ImportExportTest, BooleansAreTrueFalseYesNoOneOrZeroInAnyCase)
{
  std::string csv = "call,acronym,title,host,entity,eu_contribution_eur,experimental_platform\n";
  const std::vector<std::pair<std::string, bool>> cases{{"true", true}, {"FALSE", false}, {"yes", true},
                                                        {"No", false},  {"1", true},      {"0", false}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    csv += std::string(k_call) + ",B" + std::to_string(i) + ",T,FI,CSC,1M," + cases[i].first + "\n";
  }
  import_ok(write("booleans.csv", csv));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(show("B" + std::to_string(i))["experimental_platform"], cases[i].second) << cases[i].first;
  }
}

TEST_F(ImportExportTest, AmountsAreReadAsInProposalAddAndJsonIntegersAreAccepted)
{
  import_ok(write("amounts.csv", std::string("call,acronym,title,host,entity,eu_contribution_eur,"
                                             "national_contribution_eur\n") +
                                   k_call + ",M1,T,FI,CSC,1.5M,1_250_000.50\n" + k_call + ",M2,T,FI,CSC,0,\n"));
  EXPECT_EQ(show("M1")["eu_contribution_eur"], "1500000.00");
  EXPECT_EQ(show("M1")["national_contribution_eur"], "1250000.50");
  EXPECT_EQ(show("M2")["eu_contribution_eur"], "0.00");
  EXPECT_TRUE(show("M2")["national_contribution_eur"].is_null()) << "an empty cell is absent, not 0";
  import_ok(write("amounts.json", std::string("[{\"call\": \"") + k_call +
                                    "\", \"acronym\": \"J1\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\", "
                                    "\"eu_contribution_eur\": 31000000, \"national_contribution_eur\": \"12.5k\", "
                                    "\"partners\": [\"se\", \"NO\"], \"sectors\": [\"Climate\", \"health\"], "
                                    "\"experimental_platform\": true, \"plan\": null}]\n"));
  const auto j1 = show("J1");
  EXPECT_EQ(j1["eu_contribution_eur"], "31000000.00");
  EXPECT_EQ(j1["national_contribution_eur"], "12500.00");
  EXPECT_EQ(j1["partners"], json({"NO", "SE"}));
  EXPECT_EQ(j1["sectors"], json({"health", "climate"}));
  EXPECT_EQ(j1["experimental_platform"], true);
  EXPECT_EQ(j1["plan"], "new");
}

TEST_F(ImportExportTest, CsvWithBomCrlfAndQuotedLineBreaksIsRead)
{
  import_ok(write("bom.csv", std::string("\xEF\xBB\xBF") + "call,acronym,title,host,entity,eu_contribution_eur\r\n" +
                               k_call + ",BOM,\"Two\r\nlines, \"\"quoted\"\"\",FI,CSC,1M\r\n\r\n" + k_call +
                               ",LAST,Last,FI,CSC,1M"));
  EXPECT_EQ(show("BOM")["title"], "Two\r\nlines, \"quoted\"");
  EXPECT_EQ(show("LAST")["title"], "Last");
}

TEST_F(ImportExportTest, InputFormatOverridesTheFileName)
{
  const auto file = write("proposals.txt", std::string("{\"call\": \"") + k_call +
                                               "\", \"acronym\": \"TXT\", \"title\": \"T\", \"host\": \"FI\", "
                                               "\"entity\": \"CSC\", \"eu_contribution_eur\": \"1M\"}\n");
  import_ok(file, k_now, {"--input-format", "ndjson"});
  EXPECT_EQ(show("TXT")["title"], "T");
}

} // namespace
} // namespace cfp::test
