// SPDX-License-Identifier: EUPL-1.2
// The one audit entry a written import adds, with the SHA-256 of the bytes read.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, AnImportWritesExactlyOneAuditEntryWithTheFilesSha256AndCounts)
{
  const auto before = audit().size();
  const auto file = write("new.csv", k_two_new_rows);
  import_ok(file);
  const auto entries = audit();
  ASSERT_EQ(entries.size(), before + 1);
  const auto& entry = entries.at(0);
  EXPECT_EQ(entry["action"], "import");
  EXPECT_EQ(entry["actor"], "tester");
  EXPECT_EQ(entry["after"]["file"], file.string());
  EXPECT_EQ(entry["after"]["sha256"], k_two_new_rows_sha256);
  EXPECT_EQ(entry["after"]["records"], 2);
  EXPECT_EQ(entry["after"]["inserted"], 2);
  EXPECT_EQ(entry["after"]["updated"], 0);
  EXPECT_EQ(entry["after"]["unchanged"], 0);

  import_ok(file);
  const auto again = audit();
  ASSERT_EQ(again.size(), before + 2);
  EXPECT_EQ(again.at(0)["after"]["sha256"], k_two_new_rows_sha256);
  EXPECT_EQ(again.at(0)["after"]["unchanged"], 2);
}

TEST_F(ImportExportTest, TheAuditSha256CoversEveryByteOfAFileLargerThanTheReadBuffer)
{
  // 1200 records, 116451 bytes; sha256sum gives the digest below.
  std::string csv = k_min_header;
  for (int i = 0; i < 1200; ++i) {
    char acronym[8];
    std::snprintf(acronym, sizeof acronym, "P%04d", i);
    csv += std::string(k_call) + "," + acronym + ",Proposal " + (acronym + 1) +
           " with a title long enough to fill the buffer,FI,CSC,1M\n";
  }
  ASSERT_EQ(csv.size(), 116451u);
  EXPECT_EQ(import_ok(write("big.csv", csv)), "imported 1200 proposals: 1200 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(audit(1).at(0)["after"]["sha256"], "e38dbf5ea4669319f068ab7f439d33cd046e82d019f2d3ccfbde9902563300d2");
}

TEST_F(ImportExportTest, AFailedOrDryRunImportWritesNoAuditEntry)
{
  const auto before = audit().size();
  import_ok(write("new.csv", k_two_new_rows), k_now, {"--dry-run"});
  EXPECT_EQ(cfp({"import", "proposals",
                 write("bad.csv", std::string(k_min_header) + k_call + ",X,T,XX,E,1M\n").string()})
              .exit_code,
            65);
  EXPECT_EQ(audit().size(), before);
}

TEST_F(ImportExportTest, TheImportsEntryIsRelatedToEveryProposalItWrotePastTheNotesBatches)
{
  // The notes are gathered 4096 at a time: the first, the last of a batch, the first of the
  // next and the last of the file must each find the import.
  std::string csv = k_min_header;
  for (int i = 1; i <= 8193; ++i) {
    char acronym[8];
    std::snprintf(acronym, sizeof acronym, "N%04d", i);
    csv += std::string(k_call) + "," + acronym + ",Proposal " + acronym + ",FI,CSC,1M\n";
  }
  import_ok(write("many.csv", csv));
  for (const char* acronym : {"N0001", "N4096", "N4097", "N8192", "N8193"}) {
    const auto entries = as_json(ok({"log", "--ref", acronym, "--format", "json"}));
    ASSERT_EQ(entries.size(), 1u) << acronym;
    EXPECT_EQ(entries.at(0)["action"], "import") << acronym;
    EXPECT_EQ(entries.at(0)["after"]["inserted"], 8193) << acronym;
  }
}

TEST_F(ImportExportTest, EverySectorAndPartnerIsWrittenHoweverMany)
{
  // Sectors go in eight a statement: eleven take two; partners one a statement.
  const std::string all_sectors = "health;manufacturing;climate;finance;automotive;cybersecurity;agrifood;"
                                  "education;culture;green-economy;space";
  const std::string csv = "call,acronym,title,host,partners,entity,eu_contribution_eur,sectors\n" +
                          std::string(k_call) + ",ALL,All sectors,FI,SE;NO;DK;EE;LV;LT;PL;DE;NL;BE,CSC,1M," +
                          all_sectors + "\n" + std::string(k_call) + ",EIGHT,Eight sectors,FI,,CSC,1M," +
                          "space;culture;education;agrifood;cybersecurity;automotive;finance;climate\n" +
                          std::string(k_call) + ",NINE,Nine sectors,FI,SE,CSC,1M," +
                          "space;culture;education;agrifood;cybersecurity;automotive;finance;climate;health\n";
  import_ok(write("sectors.csv", csv));
  const auto all = as_json(ok({"proposal", "show", "ALL", "--format", "json"}));
  EXPECT_EQ(all["sectors"].size(), 11u);
  EXPECT_EQ(all["sectors"].front(), "health");
  EXPECT_EQ(all["sectors"].back(), "space");
  EXPECT_EQ(all["partners"].size(), 10u);
  EXPECT_EQ(as_json(ok({"proposal", "show", "EIGHT", "--format", "json"}))["sectors"].size(), 8u);
  EXPECT_EQ(as_json(ok({"proposal", "show", "NINE", "--format", "json"}))["sectors"].size(), 9u);
  EXPECT_EQ(as_json(ok({"proposal", "show", "NINE", "--format", "json"}))["sectors"].front(), "health");
}

} // namespace
} // namespace cfp::test
