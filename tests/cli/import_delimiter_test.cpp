// SPDX-License-Identifier: EUPL-1.2
// `import proposals|scores --delimiter`: CSV as spreadsheets save it where the comma is the
// decimal mark, and a rejects file in the same shape.
#include "cli/import_fixture.hpp"

namespace cfp::test {
namespace {

using ImportDelimiterTest = ImportExportTest;

TEST_F(ImportDelimiterTest, SemicolonsTabsAndBarsImportWithTheDelimiterNamed)
{
  const auto semicolons = write("semicolons.csv", "call;acronym;title;host;entity;eu_contribution_eur\n"
                                                  "EUROHPC-2024-CEI-AI-01;ROMA-AIF;Roma, Italia;IT;CINECA;1.5M\n");
  import_ok(semicolons, k_now, {"--delimiter", ";"});
  EXPECT_EQ(show("ROMA-AIF")["title"], "Roma, Italia");
  EXPECT_EQ(show("ROMA-AIF")["eu_contribution_eur"], "1500000.00");

  const auto tabs = write("tabs.tsv", "call\tacronym\ttitle\thost\tentity\teu_contribution_eur\n"
                                      "EUROHPC-2024-CEI-AI-01\tTAB-AIF\t\"Tab; AI\"\tFI\tCSC\t2M\n");
  import_ok(tabs, k_now, {"--delimiter", "tab", "--input-format", "csv"});
  EXPECT_EQ(show("TAB-AIF")["title"], "Tab; AI");
  const auto escaped = write("escaped.csv", "call\tacronym\ttitle\thost\tentity\teu_contribution_eur\n"
                                            "EUROHPC-2024-CEI-AI-01\tTAB2-AIF\tT\tFI\tCSC\t2M\n");
  import_ok(escaped, k_now, {"--delimiter", "\\t"});
  const auto bars = write("bars.csv", "call|acronym|title|host|entity|eu_contribution_eur\n"
                                      "EUROHPC-2024-CEI-AI-01|BAR-AIF|Bar|SE|KTH|3M\n");
  import_ok(bars, k_now, {"--delimiter", "|"});
  EXPECT_EQ(show("BAR-AIF")["host"], "SE");
}

TEST_F(ImportDelimiterTest, ADelimiterForJsonOrOneNotOfTheFourIsAUsageError)
{
  const auto json = write("p.json", "[]");
  fails({"import", "proposals", json.string(), "--delimiter", ";"}, 2, "--delimiter is for CSV input");
  const auto csv = write("p.csv", k_two_new_rows);
  fails({"import", "proposals", csv.string(), "--delimiter", "x"}, 2, "--delimiter 'x': give ',', ';', '|' or tab");
  fails({"import", "proposals", csv.string(), "--delimiter", "\""}, 2, "give ',', ';', '|' or tab");
  fails({"import", "scores", csv.string(), "--delimiter", ""}, 2, "give ',', ';', '|' or tab");
  // The wrong delimiter says which one the file has.
  fails({"import", "proposals", csv.string(), "--delimiter", ";"}, 65,
        "header: the columns are separated by commas, not ';'; import it without --delimiter");
}

TEST_F(ImportDelimiterTest, TheRejectsFileKeepsTheDelimiterAndImportsAgainOnceCorrected)
{
  const auto input = write("in.csv", "call;acronym;title;host;entity;eu_contribution_eur\n"
                                     "EUROHPC-2024-CEI-AI-01;GOOD-AIF;Good;FI;CSC;1M\n"
                                     "EUROHPC-2024-CEI-AI-01;BAD-AIF;\"Bad; really\";XX;CSC;2M\n");
  const auto rejects = m_dir / "rejects.csv";
  import_ok(input, k_now, {"--delimiter", ";", "--skip-invalid", "--rejects", rejects.string()});
  const std::string written = read_file(rejects);
  EXPECT_EQ(written.rfind("call;acronym;title;host;entity;eu_contribution_eur;error\r\n", 0), 0u) << written;
  EXPECT_NE(written.find("EUROHPC-2024-CEI-AI-01;BAD-AIF;\"Bad; really\";XX;CSC;2M;"), std::string::npos) << written;

  // Corrected in place, the rejects file imports with the same delimiter (its error column is
  // one the import ignores).
  std::string corrected = written;
  corrected.replace(corrected.find(";XX;"), 4, ";DE;");
  const auto again = write("again.csv", corrected);
  import_ok(again, k_now, {"--delimiter", ";"});
  EXPECT_EQ(show("BAD-AIF")["title"], "Bad; really");
  EXPECT_EQ(show("BAD-AIF")["host"], "DE");
}

TEST_F(ImportDelimiterTest, ScoresImportWithSemicolons)
{
  ok({"expert", "add", "Ana Silva", "--state", "PT"});
  const auto scores = write("scores.csv", "call;acronym;expert;criterion;score;comment\n"
                                          "EUROHPC-2024-CEI-AI-01;MIMER;Ana Silva;excellence;4.5;Strong, clear\n"
                                          "EUROHPC-2024-CEI-AI-01;MIMER;Ana Silva;impact;4.0;\n"
                                          "EUROHPC-2024-CEI-AI-01;MIMER;Ana Silva;implementation;3.5;\n");
  const auto result = cfp({"import", "scores", scores.string(), "--delimiter", ";"}, "2024-11-04T16:00:01Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto exported = ok({"export", "scores"}, "2024-11-04T16:00:01Z");
  EXPECT_NE(exported.find("MIMER,Ana Silva,excellence,4.5,\"Strong, clear\""), std::string::npos) << exported;
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

} // namespace
} // namespace cfp::test
