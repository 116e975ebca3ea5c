// SPDX-License-Identifier: EUPL-1.2
// The limits of an import file, from the command line: a string over 1 MiB, a record over
// 4 MiB, more than 64 keys or 1024 items make a record invalid, which --skip-invalid writes to
// the rejects file; `import calls` refuses a document over 16 MiB, nested more than 16 levels
// deep or with a string over 1 MiB, writing nothing.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cfp::test {
namespace {

constexpr std::size_t k_mib = std::size_t{1} << 20;

// One JSON record of a new proposal ACRONYM to the fixture's call, with `title`.
std::string json_record(const std::string& acronym, const std::string& title)
{
  return nlohmann::json{{"call", k_call}, {"acronym", acronym}, {"title", title},
                        {"host", "FI"},   {"entity", "CSC"},    {"eu_contribution_eur", "1M"}}
      .dump();
}

TEST_F(ImportExportTest, ATitleOfOneMebibyteIsImportedFromEachFormat)
{
  const std::string longest(k_mib, 'a');
  import_ok(write("long.csv", std::string(k_min_header) + k_call + ",LONG-CSV," + longest + ",FI,CSC,1M\n"));
  import_ok(write("long.json", "[" + json_record("LONG-JSON", longest) + "]"));
  import_ok(write("long.ndjson", json_record("LONG-NDJSON", longest) + "\n"));
  for (const auto* acronym : {"LONG-CSV", "LONG-JSON", "LONG-NDJSON"}) {
    EXPECT_EQ(show(acronym)["title"], longest) << acronym;
  }
}

TEST_F(ImportExportTest, ATitleOverOneMebibyteIsAnInvalidRecordInEachFormat)
{
  const std::string too_long(k_mib + 1, 'a');
  const auto refused = [&](const std::filesystem::path& file, const std::string& problem) {
    const std::string before = dump_database(m_db);
    const auto result = cfp({"import", "proposals", file.string()});
    EXPECT_EQ(result.exit_code, 65);
    EXPECT_EQ(result.err, file.string() + problem + "\ncfp: error: 1 of 1 records are invalid; nothing was imported\n");
    EXPECT_EQ(dump_database(m_db), before);
  };
  refused(write("long.csv", std::string(k_min_header) + k_call + ",LONG," + too_long + ",FI,CSC,1M\n"),
          ":2: record: field 3 is longer than 1 MiB");
  refused(write("long.json", "[\n" + json_record("LONG", too_long) + "]"), ":2: title: a string is longer than 1 MiB");
  refused(write("long.ndjson", json_record("LONG", too_long) + "\n"), ":1: title: a string is longer than 1 MiB");
}

TEST_F(ImportExportTest, SkipInvalidWritesAJsonRecordWithALongTitleAsNullToTheRejectsFile)
{
  const auto file = write("long.json", "[\n" + json_record("LONG", std::string(k_mib + 1, 'a')) + ",\n" +
                                           json_record("SHORT", "Short") + "\n]\n");
  const auto rejects = m_dir / "rejects.json";
  const auto err = import_ok(file, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(err, file.string() + ":2: title: a string is longer than 1 MiB\n" +
                     "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 1 invalid (written to " +
                     rejects.string() + ")\n");
  EXPECT_EQ(read_file(rejects), std::string(R"([
{"acronym":"LONG","call":")") + k_call +
                                    R"(","entity":"CSC","eu_contribution_eur":"1M","host":"FI","title":null,)" +
                                    R"("error":"title: a string is longer than 1 MiB"})" + "\n]\n");
  EXPECT_EQ(show("SHORT")["title"], "Short");
}

TEST_F(ImportExportTest, SkipInvalidGoesOnAfterAJsonRecordOverFourMebibytes)
{
  const auto file = write("big.json", "[\n" + json_record("BIG", std::string(5 * k_mib, 'a')) + ",\n" +
                                          json_record("AFTER", "After") + "\n]\n");
  const auto rejects = m_dir / "rejects.json";
  const auto err = import_ok(file, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(err, file.string() + ":2: record: the record is longer than 4 MiB\n" +
                     "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 1 invalid (written to " +
                     rejects.string() + ")\n");
  EXPECT_EQ(read_file(rejects), "[\n{\"record\":null,\"error\":\"record: the record is longer than 4 MiB\"}\n]\n");
  EXPECT_EQ(show("AFTER")["title"], "After");
}

TEST_F(ImportExportTest, SkipInvalidGoesOnAfterAnNdjsonLineOverFourMebibytes)
{
  const auto file = write("big.ndjson", std::string(5 * k_mib, ' ') + "{}\n" + json_record("AFTER", "After") + "\n");
  const auto rejects = m_dir / "rejects.ndjson";
  const auto err = import_ok(file, k_now, {"--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(err, file.string() + ":1: record: the line is longer than 4 MiB\n" +
                     "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 1 invalid (written to " +
                     rejects.string() + ")\n");
  EXPECT_EQ(read_file(rejects), "{\"record\":null,\"error\":\"record: the line is longer than 4 MiB\"}\n");
  EXPECT_EQ(show("AFTER")["title"], "After");
}

TEST_F(ImportExportTest, AJsonRecordOfMoreThan64KeysOrALongArrayIsInvalid)
{
  nlohmann::json many = nlohmann::json::parse(json_record("MANY", "Many"));
  for (int i = 0; i < 60; ++i) {
    many["k" + std::to_string(i)] = 1;
  }
  nlohmann::json partners = nlohmann::json::parse(json_record("PARTNERS", "Partners"));
  partners["partners"] = std::vector<std::string>(1025, "PT");
  const auto file = write("limits.json", "[\n" + many.dump() + ",\n" + partners.dump() + "\n]");
  const auto result = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_EQ(result.err, file.string() + ":2: record: the record has more than 64 keys\n" + file.string() +
                            ":3: partners: an array has more than 1024 items\n" +
                            "cfp: error: 2 of 2 records are invalid; nothing was imported\n");
}

TEST_F(ImportExportTest, ImportCallsRefusesADocumentOverSixteenMebibytesBeforeReadingIt)
{
  // {"calls": []} padded with blanks to `size` bytes.
  const auto document = [](std::size_t size) {
    const std::string head = R"({"calls": [)";
    const std::string tail = "]}\n";
    return head + std::string(size - head.size() - tail.size(), ' ') + tail;
  };
  const auto too_big = write("calls.json", document(16 * k_mib + 1));
  fails({"import", "calls", too_big.string()}, 65,
        too_big.string() + ": the document is larger than 16 MiB; split the calls into several files");
  const auto result = cfp({"import", "calls", write("largest.json", document(16 * k_mib)).string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(ImportExportTest, ImportCallsRefusesNestingDeeperThanSixteenLevels)
{
  // The document, `calls`, the call and 13 more levels.
  const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  const auto deep = write("deep.json", R"({"calls": [{"code": "X", "title": )" + nested(14) + "}]}");
  fails({"import", "calls", deep.string()}, 65, deep.string() + ": values nested more than 16 levels deep");
  const auto deepest = write("deepest.json", R"({"calls": [{"code": "X", "title": )" + nested(13) + "}]}");
  fails({"import", "calls", deepest.string()}, 65, deepest.string() + ": calls[0]: title must be a string");
}

TEST_F(ImportExportTest, ImportCallsRefusesAStringOverOneMebibyte)
{
  const auto title = [](std::size_t size) {
    return R"({"calls": [{"code": "EUROHPC-2025-LONG", "title": ")" + std::string(size, 't') + "\"}]}";
  };
  const auto file = write("long.json", title(k_mib + 1));
  fails({"import", "calls", file.string()}, 65, file.string() + ": a string is longer than 1 MiB");
  const auto result = cfp({"import", "calls", write("longest.json", title(k_mib)).string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

} // namespace
} // namespace cfp::test
