// SPDX-License-Identifier: EUPL-1.2
// `import calls` and `export calls`.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>
#include <string>

namespace cfp::test {
namespace {

TEST_F(ImportExportTest, CallsExportImportedIntoAnEmptyDatabaseExportsByteForByteTheSame)
{
  ok({"call", "add", "EUROHPC-2025-NO-BUDGET", "--title", "Ça « marche », \"oui\" 🚀"}, "2024-09-01T09:00:00Z");
  const std::string exported = ok({"export", "calls"});
  const auto file = write("calls.json", exported);
  const auto copy = m_dir / "copy.db";
  const auto imported = run_cli(copy, {"import", "calls", file.string()}, k_now);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.err, "imported calls: 3 added, 0 updated, 0 unchanged; cut-offs: 4 added, 0 unchanged\n");
  EXPECT_EQ(run_cli(copy, {"export", "calls"}, k_now).out, exported);
}

TEST_F(ImportExportTest, ImportingTheCallsExportAgainChangesNoCall)
{
  const std::string exported = ok({"export", "calls"});
  const auto file = write("calls.json", exported);
  const auto result = cfp({"import", "calls", file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported calls: 0 added, 0 updated, 2 unchanged; cut-offs: 0 added, 4 unchanged\n");
  EXPECT_EQ(ok({"export", "calls"}), exported);
  EXPECT_EQ(audit(1).at(0)["action"], "import");
}

TEST_F(ImportExportTest, ImportCallsUpdatesAChangedCallAndAddsMissingCutoffs)
{
  auto document = as_json(ok({"export", "calls"}));
  document["calls"][0]["title"] = "AI Factories (amended)";
  document["calls"][0]["cutoffs"].push_back(
    {{"label", "2025-05-02"}, {"closes_at", "2025-05-02T15:00:00Z"}, {"legal_wall_time", nullptr},
     {"legal_zone", nullptr}});
  const auto result = cfp({"import", "calls", write("calls.json", document.dump()).string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported calls: 0 added, 1 updated, 1 unchanged; cut-offs: 1 added, 4 unchanged\n");
  const auto after = as_json(ok({"export", "calls"}));
  EXPECT_EQ(after["calls"][0]["title"], "AI Factories (amended)");
  EXPECT_EQ(after["calls"][0]["cutoffs"].size(), 3u);
}

TEST_F(ImportExportTest, ImportCallsReadsStandardInput)
{
  const std::string exported = ok({"export", "calls"});
  const auto copy = m_dir / "copy.db";
  CliResult result;
  {
    StdinFrom in(exported);
    result = run_cli(copy, {"import", "calls", "-"}, k_now);
  }
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(run_cli(copy, {"export", "calls"}, k_now).out, exported);
}

struct BadCallsDocument
{
  std::string name;
  std::string content;
  std::string message;
};

std::ostream& operator<<(std::ostream& out, const BadCallsDocument& document)
{
  return out << document.name;
}

class ImportCallsBadDocumentTest : public ImportExportTest, public ::testing::WithParamInterface<BadCallsDocument>
{
};

TEST_P(ImportCallsBadDocumentTest, ExitsSixtyFiveAndWritesNothing)
{
  const auto& document = GetParam();
  const auto file = write("calls.json", document.content);
  fails({"import", "calls", file.string()}, 65, file.string() + ": " + document.message);
}

const BadCallsDocument k_bad_calls_documents[] = {
  {"NotJson", "{\"calls\": [", "not a JSON document"},
  {"Empty", "", "not a JSON document"},
  {"NotAnObject", "[]", "expected {\"calls\": [...]}"},
  {"CallsNotAnArray", "{\"calls\": {}}", "expected {\"calls\": [...]}"},
  {"UnknownTopLevelKey", "{\"calls\": [], \"proposals\": []}", "unknown key 'proposals'"},
  {"CallNotAnObject", "{\"calls\": [\"EUROHPC-X\"]}", "calls[0]: must be an object"},
  {"UnknownCallKey", "{\"calls\": [{\"code\": \"NEW\", \"title\": \"T\", \"colour\": \"red\"}]}",
   "calls[0]: unknown key 'colour'"},
  {"TitleNotAString", "{\"calls\": [{\"code\": \"NEW\", \"title\": 5}]}", "calls[0]: title must be a string"},
  // A valid new call first: the whole document is refused, the first call too.
  {"BadBudgetAfterAValidCall",
   "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\"}, {\"code\": \"NEW-2\", \"title\": \"T\", \"budget_eur\": "
   "\"-1\"}]}",
   "calls[1]: "},
  {"BadOpensAt", "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\", \"opens_at\": \"tomorrow\"}]}", "calls[0]: "},
  {"CutoffsNotAnArray", "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\", \"cutoffs\": 3}]}",
   "calls[0]: cutoffs must be an array"},
  {"UnknownCutoffKey",
   "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\", \"cutoffs\": [{\"label\": \"a\", \"closes_at\": "
   "\"2025-01-01T00:00:00Z\", \"when\": 1}]}]}",
   "calls[0].cutoffs[0]: unknown key 'when'"},
  {"LegalWallTimeWithoutZone",
   "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\", \"cutoffs\": [{\"closes_at\": \"2025-01-01T00:00:00Z\", "
   "\"legal_wall_time\": \"2025-01-01T01:00:00\"}]}]}",
   "calls[0].cutoffs[0]: give both legal_wall_time and legal_zone, or neither"},
};

std::string document_name(const ::testing::TestParamInfo<BadCallsDocument>& param)
{
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Documents, ImportCallsBadDocumentTest, ::testing::ValuesIn(k_bad_calls_documents),
                         document_name);

TEST_F(ImportExportTest, ImportCallsWithAnExistingCutoffLabelAtAnotherInstantIsRefusedAndWritesNothing)
{
  // docs/cli.md: exit 65 for an invalid value, 1 for a refused one; a valid new call first is not kept.
  const auto file = write("calls.json", "{\"calls\": [{\"code\": \"NEW-1\", \"title\": \"T\"}, {\"code\": "
                                        "\"EUROHPC-2024-CEI-AI-01\", \"title\": \"AI Factories\", \"cutoffs\": "
                                        "[{\"label\": \"2024-11-04\", \"closes_at\": \"2024-11-05T16:00:00Z\"}]}]}");
  fails({"import", "calls", file.string()}, 1,
        file.string() + ": calls[1].cutoffs[0]: call EUROHPC-2024-CEI-AI-01 has a cut-off labelled '2024-11-04' "
                        "already");
}

TEST_F(CliTest, ImportCallsKeepsValuesLeftOutAndRefusesAnOpeningAfterACutoff)
{
  TempDir dir;
  const auto file = dir / "calls.json";
  const auto write = [&](const std::string& text) {
    std::ofstream out(file);
    out << text;
  };
  write(R"({"calls": [{"code": "EUROHPC-2024-CEI-AI-01", "title": "Renamed"}]})");
  ok({"import", "calls", file.string()});
  const auto call = nlohmann::json::parse(ok({"call", "show", k_call, "--format", "json"}));
  EXPECT_EQ(call["title"], "Renamed");
  EXPECT_EQ(call["budget_eur"], "1500000000.00");
  EXPECT_EQ(call["opens_at"], "2024-09-09T22:00:00Z");

  write(R"({"calls": [{"code": "EUROHPC-2024-CEI-AI-01", "title": "T", "opens_at": "2026-06-01"}]})");
  fails({"import", "calls", file.string()}, 1, "cannot open at 2026-05-31T22:00:00Z, after its cut-off '2024-11-04'");
}

TEST_F(CliTest, ACutoffInTheHourThatHappensTwiceSurvivesExportAndImport)
{
  // 2025-10-26 02:30 happens twice in Brussels; closes_at says which.
  for (const char* instant : {"2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z"}) {
    ok({"deadline", "add", k_call, instant, "--label", std::string("twice-") + instant});
  }
  TempDir dir;
  const auto file = dir / "calls.json";
  {
    std::ofstream out(file);
    out << ok({"export", "calls"});
  }
  const auto exported = nlohmann::json::parse(std::ifstream(file));
  std::size_t twice = 0;
  for (const auto& cutoff : exported["calls"][0]["cutoffs"]) {
    twice += cutoff["legal_wall_time"] == "2025-10-26T02:30:00" ? 1U : 0U;
  }
  EXPECT_EQ(twice, 2U);

  TempDir other_dir;
  const auto other = other_dir / "other.db";
  const auto imported = run_cli(other, {"import", "calls", file.string()}, "2024-10-01T10:00:00Z");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(run_cli(other, {"export", "calls"}, "2024-10-01T10:00:00Z").out, ok({"export", "calls"}));
}

TEST_F(CliTest, ALegalWallTimeThatIsNotTheInstantIsRefused)
{
  TempDir dir;
  const auto file = dir / "calls.json";
  std::ofstream(file) << R"({"calls": [{"code": "NEW-1", "title": "T", "cutoffs": [{"label": "a", "closes_at": )"
                         R"("2025-10-26T02:30:00Z", "legal_wall_time": "2025-10-26T02:30:00", "legal_zone": )"
                         R"("Europe/Brussels"}]}]})";
  fails({"import", "calls", file.string()}, 65,
        "legal_wall_time 2025-10-26T02:30:00 in Europe/Brussels is not 2025-10-26T02:30:00Z, which is "
        "2025-10-26T03:30:00 there");
}

TEST_F(CliTest, ExportCallsWritesJsonOnly)
{
  fails({"export", "calls", "--format", "csv"}, 2, "export calls writes one JSON document");
}

} // namespace
} // namespace cfp::test
