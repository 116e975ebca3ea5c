// SPDX-License-Identifier: EUPL-1.2
// `import proposals --dry-run`: counts what the import would do and writes nothing.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, DryRunCountsWhatWouldHappenAndWritesNothing)
{
  const auto file = write("mixed.csv", std::string(k_full_header) + k_call +
                                         ",BSC-AIF,BSC AI Factory (revised),ES,PT;RO;TR,Barcelona Supercomputing Center,"
                                         "upgrade,true,31000000.00,,health;climate,submitted,,\n" +
                                         k_mimer_row + k_call + ",NEW-ONE,New,FI,,CSC,,,1M,,,,,\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string(), "--dry-run"}, "2024-10-02T09:00:00Z");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "dry run: would import 3 proposals: 1 inserted, 1 updated, 1 unchanged; nothing was written\n");
  EXPECT_EQ(dump_database(m_db), before);
  // The real import does what the dry run said.
  EXPECT_EQ(import_ok(file, "2024-10-02T09:00:00Z"), "imported 3 proposals: 1 inserted, 1 updated, 1 unchanged\n");
}

TEST_F(ImportExportTest, DryRunWithInvalidRecordsExitsSixtyFiveAndWritesNothing)
{
  const auto file = write("bad.csv", std::string(k_min_header) + k_call + ",GOOD,Good,FI,CSC,1M\n" + k_call +
                                       ",BAD,Bad,XX,CSC,1M\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string(), "--dry-run"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, file.string() + ":3: host: 'XX' is not a participating state; 'cfp state list' shows the "
                                        "codes\ncfp: error: 1 of 2 records are invalid; nothing was imported (dry run)\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportExportTest, DryRunWithSkipInvalidCountsTheProposalsTheImportWouldWrite)
{
  const auto file = write("bad.csv", std::string(k_min_header) + k_call + ",GOOD,Good,FI,CSC,1M\n" + k_call +
                                       ",BAD,Bad,FI\n");
  const auto rejects = m_dir / "rejects.csv";
  const std::string before = dump_database(m_db);
  const auto dry = cfp({"import", "proposals", file.string(), "--dry-run", "--skip-invalid", "--rejects",
                        rejects.string()});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_NE(dry.err.find("dry run: would import 1 proposals: 1 inserted, 0 updated, 0 unchanged, 1 invalid; nothing "
                         "was written\n"),
            std::string::npos)
    << dry.err;
  const auto real = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_NE(real.err.find("imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 1 invalid"), std::string::npos)
    << real.err;
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, ADryRunOnADatabaseThatDoesNotExistCreatesNone)
{
  const auto typo = m_dir / "typo.db";
  const auto file = write("new.csv", k_two_new_rows);
  for (const char* kind : {"proposals", "scores"}) {
    const auto result = run_cli(typo, {"import", kind, file.string(), "--dry-run"}, k_now);
    EXPECT_EQ(result.exit_code, 74) << result.err;
    EXPECT_EQ(result.err, "cfp: error: no database at " + typo.string() +
                            ": create it with 'cfp db init' (or point --db or CFP_DB at it)\n");
    EXPECT_FALSE(std::filesystem::exists(typo));
  }
}

} // namespace
} // namespace cfp::test
