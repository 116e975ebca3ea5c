// SPDX-License-Identifier: EUPL-1.2
// `import proposals -`: reading standard input.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, ImportReadsStandardInputGivenDashAndInputFormat)
{
  CliResult result;
  {
    StdinFrom in(k_two_new_rows);
    result = cfp({"import", "proposals", "-", "--input-format", "csv"});
  }
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 2 proposals: 2 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(show("JUPITER-AIF")["entity"], "Forschungszentrum Jülich");
  const auto entry = audit(1).at(0);
  EXPECT_EQ(entry["after"]["file"], "-");
  EXPECT_EQ(entry["after"]["sha256"], k_two_new_rows_sha256);
}

TEST_F(ImportExportTest, ErrorsInStandardInputAreNamedDashWithTheLine)
{
  const std::string before = dump_database(m_db);
  CliResult result;
  {
    StdinFrom in(std::string("{\"call\": \"") + k_call +
                 "\", \"acronym\": \"OK\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\", "
                 "\"eu_contribution_eur\": \"1M\"}\n\n"
                 "{\"call\": \"" +
                 k_call + "\", \"acronym\": \"BAD\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\", "
                          "\"plan\": \"rebuild\", \"eu_contribution_eur\": \"1M\"}\n");
    result = cfp({"import", "proposals", "-", "--input-format", "ndjson"});
  }
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_EQ(result.err, "-:3: plan: 'rebuild' is not a plan; use new, upgrade or none\n"
                        "cfp: error: 1 of 2 records are invalid; nothing was imported\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportExportTest, DashWithoutInputFormatIsAUsageError)
{
  StdinFrom in(k_two_new_rows);
  fails({"import", "proposals", "-"}, 2, "reading standard input needs --input-format");
}

} // namespace
} // namespace cfp::test
