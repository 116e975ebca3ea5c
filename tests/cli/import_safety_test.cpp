// SPDX-License-Identifier: EUPL-1.2
// An import that goes wrong does no harm: the input and an earlier rejects file are kept,
// hostile input (deep nesting, invalid UTF-8, smuggled lines, repeated keys) is refused.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <utility>

namespace cfp::test {
namespace {

class ImportSafetyTest : public ImportExportTest
{
protected:
  const std::string k_header = "call,acronym,title,host,entity,eu_contribution_eur\n";
  const std::string k_good = "EUROHPC-2024-CEI-AI-01,GOOD,Good,ES,E,1M\n";
  const std::string k_bad = "EUROHPC-2024-CEI-AI-01,BAD,Bad,XX,E,1M\n";
};

TEST_F(ImportSafetyTest, RejectsNamingTheInputFileIsRefusedAndTheInputKept)
{
  const auto file = write("in.csv", k_header + k_good + k_bad);
  fails({"import", "proposals", file.string(), "--skip-invalid", "--rejects", file.string()}, 66,
        "is the input file");
  EXPECT_EQ(read_file(file), k_header + k_good + k_bad);
}

TEST_F(ImportSafetyTest, AFailedImportLeavesAnEarlierRejectsFileAsItWas)
{
  const auto rejects = write("rejects.csv", "earlier\n");
  const auto broken = write("broken.csv", "call,acronym,title,host,entity,colour\n" + k_good);
  fails({"import", "proposals", broken.string(), "--skip-invalid", "--rejects", rejects.string()}, 65,
        "unknown column 'colour'");
  EXPECT_EQ(read_file(rejects), "earlier\n");
  for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".cfp-"), std::string::npos)
      << "a temporary file was left: " << entry.path();
  }
}

TEST_F(ImportSafetyTest, DeeplyNestedJsonIsRefusedWithoutCrashing)
{
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  const auto json_file = write("deep.json", "[{\"call\": \"EUROHPC-2024-CEI-AI-01\", \"sectors\": " + deep + "}]\n");
  fails({"import", "proposals", json_file.string(), "--dry-run"}, 65, "nested more than 16 levels");
  const auto ndjson_file = write("deep.ndjson", "{\"sectors\": " + deep + "}\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", ndjson_file.string()});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("deep.ndjson:1: record: values nested more than 16"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportSafetyTest, InvalidUtf8InANdjsonLineIsARejectedRecord)
{
  const auto file = write("utf.ndjson",
                          "{\"call\":\"EUROHPC-2024-CEI-AI-01\",\"acronym\":\"U1\",\"title\":\"T\",\"host\":\"ES\","
                          "\"entity\":\"E\",\"eu_contribution_eur\":\"1M\"}\n"
                          "{\"call\":\"EUROHPC-2024-CEI-AI-01\",\"acronym\":\"U2\",\"title\":\"T\xff\",\"host\":\"ES\","
                          "\"entity\":\"E\"}\n");
  const auto rejects = m_dir / "r.ndjson";
  const auto err = import_ok(file, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  EXPECT_NE(err.find("1 inserted"), std::string::npos) << err;
  EXPECT_NE(read_file(rejects).find("not valid UTF-8"), std::string::npos);
}

TEST_F(ImportSafetyTest, AnEmptyNdjsonFileIsAnError)
{
  const auto file = write("empty.ndjson", "\n  \n");
  fails({"import", "proposals", file.string()}, 65, "empty.ndjson:1: the file is empty");
}

TEST_F(ImportSafetyTest, AMalformedCsvRecordNeverLetsItsQuotedLinesPassAsRecords)
{
  const auto file = write("resync.csv", k_header + "EUROHPC-2024-CEI-AI-01,R1,\"T\"x,ES,\"note:\n" +
                                          "EUROHPC-2024-CEI-AI-01,SMUGGLED,T,ES,E\nend\"\n" + k_good);
  const auto rejects = m_dir / "r.csv";
  const auto err = import_ok(file, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  EXPECT_NE(err.find("1 inserted"), std::string::npos) << err;
  EXPECT_NE(err.find("resync.csv:2: record: a closing quote"), std::string::npos) << err;
  EXPECT_EQ(cfp({"proposal", "show", "SMUGGLED"}).exit_code, 1);
}

TEST_F(ImportSafetyTest, AKeyTwiceInAJsonRecordIsAnError)
{
  const std::string record =
    R"({"call":"EUROHPC-2024-CEI-AI-01","acronym":"D1","title":"First","title":"Second","host":"ES","entity":"E"})";
  for (const auto& [name, text] : {std::pair{"dup.json", "[\n" + record + "\n]\n"}, std::pair{"dup.ndjson", record + "\n"}}) {
    const auto file = write(name, text);
    const auto result = cfp({"import", "proposals", file.string()});
    EXPECT_EQ(result.exit_code, 65) << name;
    EXPECT_NE(result.err.find(":2: title: 'title' appears twice") == std::string::npos
                ? result.err.find(":1: title: 'title' appears twice")
                : 0,
              std::string::npos)
      << result.err;
  }
}

} // namespace
} // namespace cfp::test
