// SPDX-License-Identifier: EUPL-1.2
// Importing proposals that exist: unchanged records write nothing, changed ones make a new
// version as `proposal update` would; the summary counts both.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, ImportingTheSameFileTwiceChangesNothingTheSecondTime)
{
  const auto file = write("new.csv", k_two_new_rows);
  EXPECT_EQ(import_ok(file), "imported 2 proposals: 2 inserted, 0 updated, 0 unchanged\n");
  const std::string exported = ok({"export", "proposals"});
  EXPECT_EQ(import_ok(file, "2024-10-02T10:00:00Z"), "imported 2 proposals: 0 inserted, 0 updated, 2 unchanged\n");
  EXPECT_EQ(versions_of("LUMI-AIF"), 1u);
  EXPECT_EQ(versions_of("JUPITER-AIF"), 1u);
  EXPECT_EQ(ok({"export", "proposals"}), exported);
}

TEST_F(ImportExportTest, ReimportingAnExportInEveryFormatLeavesEveryProposalUnchanged)
{
  for (const std::string format : {"csv", "json", "ndjson"}) {
    const auto file = write("export." + format, ok({"export", "proposals", "--format", format}));
    EXPECT_EQ(import_ok(file, "2024-10-20T10:00:00Z"), "imported 2 proposals: 0 inserted, 0 updated, 2 unchanged\n")
      << format;
  }
  EXPECT_EQ(versions_of("BSC-AIF"), 1u);
  EXPECT_EQ(versions_of("MIMER"), 1u);
}

TEST_F(ImportExportTest, ARowDifferingOnlyInTheOrderOrCaseOfCodesIsUnchanged)
{
  const auto file = write("reordered.csv", std::string(k_full_header) + k_call +
                                             ",BSC-AIF,BSC AI Factory,es,tr; RO ;PT,Barcelona Supercomputing Center,"
                                             "Upgrade,yes,31M,,Climate;health,Submitted,2024-10-01T12:00:00+02:00,\n");
  EXPECT_EQ(import_ok(file, "2024-10-02T10:00:00Z"), "imported 1 proposals: 0 inserted, 0 updated, 1 unchanged\n");
  EXPECT_EQ(versions_of("BSC-AIF"), 1u);
}

TEST_F(ImportExportTest, AnUnchangedRowIsAcceptedAfterItsCutoffHasClosed)
{
  const auto file = write("export.csv", ok({"export", "proposals"}));
  EXPECT_EQ(import_ok(file, "2025-03-01T00:00:00Z"), "imported 2 proposals: 0 inserted, 0 updated, 2 unchanged\n");
}

TEST_F(ImportExportTest, AChangedRowMakesVersionTwoAsProposalUpdateWould)
{
  import_ok(write("v1.csv", k_two_new_rows));
  const auto v2 =
    write("v2.csv", std::string(k_min_header) + k_call + ",LUMI-AIF,LUMI AI Factory (revised),FI,CSC,300M\n");
  EXPECT_EQ(import_ok(v2, "2024-10-02T08:00:00Z"), "imported 1 proposals: 0 inserted, 1 updated, 0 unchanged\n");
  const auto lumi = show("LUMI-AIF");
  EXPECT_EQ(lumi["version"], 2);
  EXPECT_EQ(lumi["title"], "LUMI AI Factory (revised)");
  // As `proposal update`: a changed submitted proposal is submitted again now.
  EXPECT_EQ(lumi["submitted_at"], "2024-10-02T08:00:00Z");
  EXPECT_EQ(lumi["cutoff"], "2024-11-04");
  const auto history = as_json(ok({"proposal", "history", "LUMI-AIF", "--format", "json"}));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["title"], "LUMI AI Factory");
  EXPECT_EQ(history[1]["title"], "LUMI AI Factory (revised)");
  EXPECT_EQ(versions_of("JUPITER-AIF"), 1u);
}

TEST_F(ImportExportTest, AChangedRowOfAProposalWhoseCutoffHasClosedIsInvalidAndNothingIsWritten)
{
  const auto file = write("changed.csv", std::string(k_min_header) + k_call + ",NEW-ONE,New,FI,CSC,1M\n" + k_call +
                                           ",MIMER,MIMER AI Factory (late change),SE,Linköping University,0\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string()}, "2024-11-04T16:00:01Z");
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, file.string() +
                          ":3: record: MIMER belongs to cut-off '2024-11-04', which closed at 2024-11-04 17:00:00 CET "
                          "(Brussels time); it is read-only now\n"
                          "cfp: error: 1 of 2 records are invalid; nothing was imported\n");
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_EQ(versions_of("MIMER"), 1u);
}

TEST_F(ImportExportTest, AChangedRowOfAWithdrawnProposalIsInvalid)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "merged"});
  const auto file =
    write("changed.csv", std::string(k_min_header) + k_call + ",MIMER,MIMER again,SE,Linköping University,0\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(file.string() + ":2: status: MIMER is withdrawn"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportExportTest, TheSummaryCountsInsertedUpdatedAndUnchanged)
{
  const auto file = write("mixed.csv", std::string(k_full_header) + k_bsc_row + k_mimer_row + k_call +
                                         ",NEW-ONE,New,FI,,CSC,,,1M,,,,,\n");
  const auto changed = write("changed.csv", std::string(k_full_header) + k_bsc_row + k_call +
                                              ",MIMER,MIMER renamed,SE,,Linköping University,new,false,0.00,0.00,"
                                              "manufacturing,submitted,,\n" +
                                              k_call + ",NEW-TWO,New,FI,,CSC,,,1M,,,,,\n");
  EXPECT_EQ(import_ok(file), "imported 3 proposals: 1 inserted, 0 updated, 2 unchanged\n");
  EXPECT_EQ(import_ok(changed, "2024-10-05T00:00:00Z"), "imported 3 proposals: 1 inserted, 1 updated, 1 unchanged\n");
  EXPECT_EQ(versions_of("MIMER"), 2u);
  EXPECT_EQ(versions_of("BSC-AIF"), 1u);
}

TEST_F(ImportExportTest, ImportWithFormatJsonPrintsTheCountsOnStdout)
{
  const auto file = write("new.csv", k_two_new_rows);
  const auto result = cfp({"import", "proposals", file.string(), "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto record = as_json(result.out);
  EXPECT_EQ(record["file"], file.string());
  EXPECT_EQ(record["sha256"], k_two_new_rows_sha256);
  EXPECT_EQ(record["records"], 2);
  EXPECT_EQ(record["inserted"], 2);
  EXPECT_EQ(record["invalid"], 0);
  EXPECT_EQ(record["written"], true);
}

} // namespace
} // namespace cfp::test
