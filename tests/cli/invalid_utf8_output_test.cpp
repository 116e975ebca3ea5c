// SPDX-License-Identifier: EUPL-1.2
// Bytes that are not UTF-8 reach the audit log through a command line or a file name. JSON
// cannot hold them: output and stored JSON show U+FFFD in their place instead of failing, so
// that the append-only log stays readable.

#include "cli/import_fixture.hpp"

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, AFileNameThatIsNotUtf8IsImportedAndTheLogStaysReadable)
{
  const auto file = write("r\xE9sum\xE9.csv", k_two_new_rows);
  import_ok(file);
  for (const std::string format : {"json", "ndjson", "csv", "table"}) {
    const auto result = cfp({"log", "--format", format, "--limit", "1"});
    EXPECT_EQ(result.exit_code, 0) << format << ": " << result.err;
  }
  const auto entry = audit(1).at(0);
  EXPECT_EQ(entry.at("action"), "import");
  EXPECT_EQ(entry.at("after").at("file"), (m_dir / "r\xEF\xBF\xBDsum\xEF\xBF\xBD.csv").string());
  EXPECT_NE(entry.at("command").get<std::string>().find("r\xEF\xBF\xBDsum\xEF\xBF\xBD.csv"), std::string::npos);
  // CSV keeps the bytes of the command as stored; only JSON must replace them.
  const auto csv = ok({"log", "--format", "csv", "--limit", "1"});
  EXPECT_NE(csv.find("r\xE9sum\xE9.csv"), std::string::npos) << csv;
}

} // namespace
} // namespace cfp::test
