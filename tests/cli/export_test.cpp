// SPDX-License-Identifier: EUPL-1.2
// What `export proposals` writes (formats, quoting, order, selection), and that importing it
// into an empty database gives it back byte for byte.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cfp::test {
namespace {

using nlohmann::json;

TEST_F(ImportExportTest, CsvExportImportedIntoAnEmptyDatabaseExportsByteForByteTheSame)
{
  expect_round_trip("csv");
}

TEST_F(ImportExportTest, JsonExportImportedIntoAnEmptyDatabaseExportsByteForByteTheSame)
{
  expect_round_trip("json");
}

TEST_F(ImportExportTest, NdjsonExportImportedIntoAnEmptyDatabaseExportsByteForByteTheSame)
{
  expect_round_trip("ndjson");
}

TEST_F(ImportExportTest, CsvExportQuotesCommasQuotesAndLineBreaksAndEndsLinesWithCrlf)
{
  add_tricky_proposals();
  const std::string exported = ok({"export", "proposals", "--call", k_other_call});
  EXPECT_EQ(exported, std::string(k_full_header).insert(std::string(k_full_header).size() - 1, "\r") +
                        "EUROHPC-2024-CEI-AI-02,A.1_b,\"\"\"\",PL,,\",\",new,true,2000000.00,,finance,submitted,"
                        "2024-10-01T10:00:00Z,\r\n"
                        "EUROHPC-2024-CEI-AI-02,QUOTE,\"Café \"\"Ørsted\"\", Ålesund\nsecond line 🚀\r\nthird\",FR,DE;IT,"
                        "\"  Entité, \"\"SA\"\" ; x \",none,false,1250000.50,0.01,health;space,submitted,"
                        "2024-10-01T10:00:00Z,\r\n");
}

TEST_F(ImportExportTest, JsonExportIsOneArrayWithOneObjectPerLineAndAmountsAsStrings)
{
  const std::string exported = ok({"export", "proposals", "--format", "json"});
  const auto lines = lines_of(exported);
  ASSERT_EQ(lines.size(), 4u) << exported;
  EXPECT_EQ(lines.front(), "[");
  EXPECT_EQ(lines.back(), "]");
  const auto array = as_json(exported);
  ASSERT_EQ(array.size(), 2u);
  EXPECT_EQ(array[0]["eu_contribution_eur"], "31000000.00");
  EXPECT_EQ(array[0]["experimental_platform"], true);
  EXPECT_EQ(array[0]["partners"], json({"PT", "RO", "TR"}));
  // The first record, without its trailing comma, read keeping the order of its keys.
  const auto first = nlohmann::ordered_json::parse(lines[1].substr(0, lines[1].size() - 1));
  std::vector<std::string> keys;
  for (const auto& [key, value] : first.items()) {
    keys.push_back(key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"call", "acronym", "title", "host", "partners", "entity", "plan",
                                            "experimental_platform", "eu_contribution_eur",
                                            "national_contribution_eur", "sectors", "status", "submitted_at",
                                            "withdrawal_reason"}));
}

TEST_F(ImportExportTest, ExportOfAnEmptySelectionIsAHeaderOrAnEmptyArray)
{
  const auto copy = m_dir / "empty.db";
  ASSERT_EQ(run_cli(copy, {"import", "calls", write("calls.json", ok({"export", "calls"})).string()}, k_now).exit_code,
            0);
  EXPECT_EQ(run_cli(copy, {"export", "proposals"}, k_now).out,
            std::string(k_full_header).insert(std::string(k_full_header).size() - 1, "\r"));
  EXPECT_EQ(run_cli(copy, {"export", "proposals", "--format", "json"}, k_now).out, "[]\n");
  EXPECT_EQ(run_cli(copy, {"export", "proposals", "--format", "ndjson"}, k_now).out, "");
}

TEST_F(ImportExportTest, ExportIsOrderedByCallThenAcronymWhateverTheInsertionOrder)
{
  for (const auto& [call, acronym] : std::vector<std::pair<std::string, std::string>>{
         {k_other_call, "ZETA"}, {k_call, "ZZZ"}, {k_other_call, "ALPHA"}, {k_call, "AAA"}, {k_call, "CCC"}}) {
    ok({"proposal", "add", "--call", call, "--acronym", acronym, "--title", "T", "--host", "FI", "--entity", "E",
        "--eu-contribution", "0"});
  }
  const std::vector<std::string> expected{k_call + std::string("/AAA"),       k_call + std::string("/BSC-AIF"),
                                          k_call + std::string("/CCC"),       k_call + std::string("/MIMER"),
                                          k_call + std::string("/ZZZ"),       k_other_call + std::string("/ALPHA"),
                                          k_other_call + std::string("/ZETA")};
  for (const std::string format : {"json", "ndjson"}) {
    std::vector<std::string> keys;
    const std::string exported = ok({"export", "proposals", "--format", format});
    if (format == "json") {
      for (const auto& record : as_json(exported)) {
        keys.push_back(record["call"].get<std::string>() + "/" + record["acronym"].get<std::string>());
      }
    } else {
      for (const auto& line : lines_of(exported)) {
        const auto record = as_json(line);
        keys.push_back(record["call"].get<std::string>() + "/" + record["acronym"].get<std::string>());
      }
    }
    EXPECT_EQ(keys, expected) << format;
  }
  std::vector<std::string> csv_keys;
  const auto lines = lines_of(ok({"export", "proposals"}));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto first = lines[i].find(',');
    const auto second = lines[i].find(',', first + 1);
    csv_keys.push_back(lines[i].substr(0, first) + "/" + lines[i].substr(first + 1, second - first - 1));
  }
  EXPECT_EQ(csv_keys, expected);
}

TEST_F(ImportExportTest, ExportWithCallWritesOnlyThatCallsProposals)
{
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "OTHER", "--title", "Other", "--host", "FI", "--entity",
      "CSC", "--eu-contribution", "0"});
  const auto lines = lines_of(ok({"export", "proposals", "--call", k_other_call}));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].rfind(std::string(k_other_call) + ",OTHER,", 0), 0u) << lines[1];
  const auto ndjson = lines_of(ok({"export", "proposals", "--call", "eurohpc-2024-cei-ai-01", "--format", "ndjson"}));
  ASSERT_EQ(ndjson.size(), 2u);
  EXPECT_EQ(as_json(ndjson[0])["acronym"], "BSC-AIF");
  EXPECT_EQ(as_json(ndjson[1])["acronym"], "MIMER");
}

TEST_F(ImportExportTest, ExportWithAnUnknownCallIsNotFound)
{
  fails({"export", "proposals", "--call", "EUROHPC-2099-NOPE"}, 1, "EUROHPC-2099-NOPE");
}

} // namespace
} // namespace cfp::test
