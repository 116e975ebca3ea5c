// Batch import and export of proposals and calls through the command line: round trips,
// idempotence, versions, dry runs, rejects files, standard input, the audit entry and exit codes.
#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace cfp::test {
namespace {

using nlohmann::json;

constexpr auto k_now = "2024-10-01T10:00:00Z";
constexpr auto k_min_header = "call,acronym,title,host,entity\n";
constexpr auto k_full_header = "call,acronym,title,host,partners,entity,plan,experimental_platform,eu_contribution_eur,"
                               "national_contribution_eur,sectors,status,submitted_at\n";
// The fixture's two proposals as `export proposals` writes them.
constexpr auto k_bsc_row = "EUROHPC-2024-CEI-AI-01,BSC-AIF,BSC AI Factory,ES,PT;RO;TR,Barcelona Supercomputing "
                           "Center,upgrade,true,31000000.00,0.00,health;climate,submitted,2024-10-01T10:00:00Z\n";
constexpr auto k_mimer_row = "EUROHPC-2024-CEI-AI-01,MIMER,MIMER AI Factory,SE,,Linköping University,new,false,0.00,"
                             "0.00,manufacturing,submitted,2024-10-01T10:00:00Z\n";
constexpr auto k_two_new_rows = "call,acronym,title,host,entity\n"
                                "EUROHPC-2024-CEI-AI-01,LUMI-AIF,LUMI AI Factory,FI,CSC\n"
                                "EUROHPC-2024-CEI-AI-01,JUPITER-AIF,JUPITER AI Factory,DE,Forschungszentrum Jülich\n";
// sha256sum of k_two_new_rows, computed outside the program.
constexpr auto k_two_new_rows_sha256 = "88dd81f8d77674824ed95970ec56a27942cda941a43b171f055c3df9388542f2";

json as_json(const std::string& text)
{
  auto parsed = json::parse(text, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << text;
  return parsed;
}

std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

/// Connects std::cin to `text` while it lives, for in-process runs reading standard input.
class StdinFrom
{
public:
  explicit StdinFrom(const std::string& text) : m_buffer(text), m_saved(std::cin.rdbuf(&m_buffer)) {}
  ~StdinFrom()
  {
    std::cin.rdbuf(m_saved);
    std::cin.clear();
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

private:
  std::stringbuf m_buffer;
  std::streambuf* m_saved;
};

class ImportExportTest : public CliTest
{
protected:
  std::filesystem::path write(const std::string& name, const std::string& content)
  {
    const auto path = m_dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    return path;
  }

  /// Runs `import proposals FILE` and expects success; returns stderr.
  std::string import_ok(const std::filesystem::path& file, const std::string& now = k_now,
                        std::vector<std::string> extra = {})
  {
    std::vector<std::string> args{"import", "proposals", file.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, 0) << "cfp " << ::testing::PrintToString(args) << "\nstderr: " << result.err;
    EXPECT_EQ(result.out, "");
    return result.err;
  }

  std::size_t versions_of(const std::string& ref) { return as_json(ok({"proposal", "history", ref, "--format", "json"})).size(); }

  json show(const std::string& ref) { return as_json(ok({"proposal", "show", ref, "--format", "json"})); }

  json audit(std::int64_t limit = 1000)
  {
    return as_json(ok({"log", "--format", "json", "--limit", std::to_string(limit)}));
  }

  /// Adds proposals with accents, quotes, commas, line breaks, emoji, a draft and a second call.
  void add_tricky_proposals()
  {
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "QUOTE", "--title",
        "Café \"Ørsted\", Ålesund\nsecond line 🚀\r\nthird", "--host", "fr", "--partner", "de,it", "--entity",
        "  Entité, \"SA\" ; x ", "--plan", "none", "--eu-contribution", "1_250_000.50", "--national-contribution",
        "0.01", "--sector", "space,health"});
    ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "Draft 😀, \"not yet\"", "--host", "gr",
        "--entity", "Ελληνικό Ίδρυμα\nΑθήνα", "--draft"});
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "A.1_b", "--title", "\"", "--host", "PL", "--entity",
        ",", "--experimental-platform", "--sector", "finance"});
  }

  /// Exports in `format`, imports that into an empty database given the same calls, and
  /// expects the second export to be byte for byte the first.
  void expect_round_trip(const std::string& format)
  {
    add_tricky_proposals();
    const std::string exported = ok({"export", "proposals", "--format", format});
    ASSERT_NE(exported.find("🚀"), std::string::npos) << exported;
    const auto proposals = write("proposals." + format, exported);
    const auto calls = write("calls.json", ok({"export", "calls"}));

    const auto copy = m_dir / "copy.db";
    const auto calls_import = run_cli(copy, {"import", "calls", calls.string()}, k_now);
    ASSERT_EQ(calls_import.exit_code, 0) << calls_import.err;
    const auto proposals_import = run_cli(copy, {"import", "proposals", proposals.string()}, k_now);
    ASSERT_EQ(proposals_import.exit_code, 0) << proposals_import.err;
    EXPECT_EQ(proposals_import.err, "imported 5 proposals: 5 inserted, 0 updated, 0 unchanged\n");

    const auto again = run_cli(copy, {"export", "proposals", "--format", format}, k_now);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, exported);
  }
};

// ---- Round trips ------------------------------------------------------------------------------

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
                        "EUROHPC-2024-CEI-AI-02,A.1_b,\"\"\"\",PL,,\",\",new,true,0.00,0.00,finance,submitted,"
                        "2024-10-01T10:00:00Z\r\n"
                        "EUROHPC-2024-CEI-AI-02,QUOTE,\"Café \"\"Ørsted\"\", Ålesund\nsecond line 🚀\r\nthird\",FR,DE;IT,"
                        "\"  Entité, \"\"SA\"\" ; x \",none,false,1250000.50,0.01,health;space,submitted,"
                        "2024-10-01T10:00:00Z\r\n");
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
                                            "national_contribution_eur", "sectors", "status", "submitted_at"}));
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

// ---- Export selection and order ---------------------------------------------------------------

TEST_F(ImportExportTest, ExportIsOrderedByCallThenAcronymWhateverTheInsertionOrder)
{
  for (const auto& [call, acronym] : std::vector<std::pair<std::string, std::string>>{
         {k_other_call, "ZETA"}, {k_call, "ZZZ"}, {k_other_call, "ALPHA"}, {k_call, "AAA"}, {k_call, "CCC"}}) {
    ok({"proposal", "add", "--call", call, "--acronym", acronym, "--title", "T", "--host", "FI", "--entity", "E"});
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
      "CSC"});
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

// ---- Values and defaults ----------------------------------------------------------------------

TEST_F(ImportExportTest, MissingStatusAndSubmittedAtMeanSubmittedNowToTheOpenCutoff)
{
  import_ok(write("new.csv", k_two_new_rows), "2024-11-04T16:00:01Z");
  const auto lumi = show("LUMI-AIF");
  EXPECT_EQ(lumi["status"], "submitted");
  EXPECT_EQ(lumi["submitted_at"], "2024-11-04T16:00:01Z");
  EXPECT_EQ(lumi["cutoff"], "2025-02-01");
  EXPECT_EQ(lumi["version"], 1);
  EXPECT_EQ(lumi["plan"], "new");
  EXPECT_EQ(lumi["experimental_platform"], false);
  EXPECT_EQ(lumi["eu_contribution_eur"], "0.00");
}

TEST_F(ImportExportTest, SubmittedAtDecidesTheCutoffEvenWhenThatCutoffHasClosedSince)
{
  import_ok(write("late.csv", std::string("call,acronym,title,host,entity,submitted_at\n") +
                                k_call + ",ON-TIME,T,FI,CSC,2024-11-04T16:00:00Z\n" + k_call +
                                ",NEXT,T,FI,CSC,2024-11-04T16:00:01Z\n" + k_call + ",LOCAL,T,FI,CSC,2024-11-04 17:00\n"),
            "2024-12-01T00:00:00Z");
  EXPECT_EQ(show("ON-TIME")["cutoff"], "2024-11-04");
  EXPECT_EQ(show("ON-TIME")["submitted_at"], "2024-11-04T16:00:00Z");
  EXPECT_EQ(show("NEXT")["cutoff"], "2025-02-01");
  EXPECT_EQ(show("LOCAL")["cutoff"], "2024-11-04");
}

TEST_F(ImportExportTest, DraftsHaveNoSubmissionTimeNorCutoff)
{
  import_ok(write("draft.csv", std::string("call,acronym,title,host,entity,status,submitted_at\n") + k_call +
                                 ",DRAFT,T,FI,CSC,draft,\n"));
  const auto draft = show("DRAFT");
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_TRUE(draft["submitted_at"].is_null());
  EXPECT_TRUE(draft["cutoff"].is_null());
}

TEST_F(ImportExportTest, BooleansAreTrueFalseYesNoOneOrZeroInAnyCase)
{
  std::string csv = "call,acronym,title,host,entity,experimental_platform\n";
  const std::vector<std::pair<std::string, bool>> cases{{"true", true}, {"FALSE", false}, {"yes", true},
                                                        {"No", false},  {"1", true},      {"0", false}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    csv += std::string(k_call) + ",B" + std::to_string(i) + ",T,FI,CSC," + cases[i].first + "\n";
  }
  import_ok(write("booleans.csv", csv));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(show("B" + std::to_string(i))["experimental_platform"], cases[i].second) << cases[i].first;
  }
}

TEST_F(ImportExportTest, AmountsAreReadAsInProposalAddAndJsonIntegersAreAccepted)
{
  import_ok(write("amounts.csv", std::string("call,acronym,title,host,entity,eu_contribution_eur,"
                                             "national_contribution_eur\n") +
                                   k_call + ",M1,T,FI,CSC,1.5M,1_250_000.50\n" + k_call + ",M2,T,FI,CSC,,\n"));
  EXPECT_EQ(show("M1")["eu_contribution_eur"], "1500000.00");
  EXPECT_EQ(show("M1")["national_contribution_eur"], "1250000.50");
  EXPECT_EQ(show("M2")["eu_contribution_eur"], "0.00");
  import_ok(write("amounts.json", std::string("[{\"call\": \"") + k_call +
                                    "\", \"acronym\": \"J1\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\", "
                                    "\"eu_contribution_eur\": 31000000, \"national_contribution_eur\": \"12.5k\", "
                                    "\"partners\": [\"se\", \"NO\"], \"sectors\": [\"Climate\", \"health\"], "
                                    "\"experimental_platform\": true, \"plan\": null}]\n"));
  const auto j1 = show("J1");
  EXPECT_EQ(j1["eu_contribution_eur"], "31000000.00");
  EXPECT_EQ(j1["national_contribution_eur"], "12500.00");
  EXPECT_EQ(j1["partners"], json({"NO", "SE"}));
  EXPECT_EQ(j1["sectors"], json({"health", "climate"}));
  EXPECT_EQ(j1["experimental_platform"], true);
  EXPECT_EQ(j1["plan"], "new");
}

TEST_F(ImportExportTest, CsvWithBomCrlfAndQuotedLineBreaksIsRead)
{
  import_ok(write("bom.csv", std::string("\xEF\xBB\xBF") + "call,acronym,title,host,entity\r\n" + k_call +
                               ",BOM,\"Two\r\nlines, \"\"quoted\"\"\",FI,CSC\r\n\r\n" + k_call + ",LAST,Last,FI,CSC"));
  EXPECT_EQ(show("BOM")["title"], "Two\r\nlines, \"quoted\"");
  EXPECT_EQ(show("LAST")["title"], "Last");
}

TEST_F(ImportExportTest, InputFormatOverridesTheFileName)
{
  const auto file = write("proposals.txt", std::string("{\"call\": \"") + k_call +
                                               "\", \"acronym\": \"TXT\", \"title\": \"T\", \"host\": \"FI\", "
                                               "\"entity\": \"CSC\"}\n");
  import_ok(file, k_now, {"--input-format", "ndjson"});
  EXPECT_EQ(show("TXT")["title"], "T");
}

// ---- Idempotence and versions -----------------------------------------------------------------

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
                                             "Upgrade,yes,31M,0,Climate;health,Submitted,2024-10-01T12:00:00+02:00\n");
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
  const auto v2 = write("v2.csv", std::string(k_min_header) + k_call + ",LUMI-AIF,LUMI AI Factory (revised),FI,CSC\n");
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
  const auto file = write("changed.csv", std::string(k_min_header) + k_call + ",NEW-ONE,New,FI,CSC\n" + k_call +
                                           ",MIMER,MIMER AI Factory (late change),SE,Linköping University\n");
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
    write("changed.csv", std::string(k_min_header) + k_call + ",MIMER,MIMER again,SE,Linköping University\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(file.string() + ":2: status: MIMER is withdrawn"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportExportTest, TheSummaryCountsInsertedUpdatedAndUnchanged)
{
  const auto file = write("mixed.csv", std::string(k_full_header) + k_bsc_row + k_mimer_row + k_call +
                                         ",NEW-ONE,New,FI,,CSC,,,,,,,\n");
  const auto changed = write("changed.csv", std::string(k_full_header) + k_bsc_row + k_call +
                                              ",MIMER,MIMER renamed,SE,,Linköping University,new,false,0.00,0.00,"
                                              "manufacturing,submitted,\n" +
                                              k_call + ",NEW-TWO,New,FI,,CSC,,,,,,,\n");
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

// ---- Dry run ----------------------------------------------------------------------------------

TEST_F(ImportExportTest, DryRunCountsWhatWouldHappenAndWritesNothing)
{
  const auto file = write("mixed.csv", std::string(k_full_header) + k_call +
                                         ",BSC-AIF,BSC AI Factory (revised),ES,PT;RO;TR,Barcelona Supercomputing Center,"
                                         "upgrade,true,31000000.00,0.00,health;climate,submitted,\n" +
                                         k_mimer_row + k_call + ",NEW-ONE,New,FI,,CSC,,,,,,,\n");
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
  const auto file = write("bad.csv", std::string(k_min_header) + k_call + ",GOOD,Good,FI,CSC\n" + k_call +
                                       ",BAD,Bad,XX,CSC\n");
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
  const auto file = write("bad.csv", std::string(k_min_header) + k_call + ",GOOD,Good,FI,CSC\n" + k_call +
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

// ---- Skipping invalid records -----------------------------------------------------------------

TEST_F(ImportExportTest, SkipInvalidWritesTheValidRowsAndCopiesCsvRejectsVerbatimWithAnErrorColumn)
{
  const std::string bad_multiline = std::string(k_call) + ",BAD1,\"Multi\nline, \"\"quoted\"\"\",FI,CSC,rebuild";
  const std::string bad_short = std::string(k_call) + ",BAD2,Short";
  const auto file = write("mixed.csv", "call,acronym,title,host,entity,plan\n" + std::string(k_call) +
                                         ",GOOD,Good,FI,CSC,new\n" + bad_multiline + "\n" + bad_short + "\n");
  const auto rejects = m_dir / "rejects.csv";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, file.string() + ":3: plan: 'rebuild' is not a plan; use new, upgrade or none\n" +
                          file.string() + ":5: record: 3 fields where the header has 6\n" +
                          "imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 2 invalid (written to " +
                          rejects.string() + ")\n");
  EXPECT_EQ(read_file(rejects), "call,acronym,title,host,entity,plan,error\r\n" + bad_multiline +
                                  ",\"plan: 'rebuild' is not a plan; use new, upgrade or none\"\r\n" + bad_short +
                                  ",record: 3 fields where the header has 6\r\n");
  EXPECT_EQ(show("GOOD")["version"], 1);
}

TEST_F(ImportExportTest, SkipInvalidWritesNdjsonRejectsAsTheObjectPlusAnErrorKey)
{
  const std::string good = std::string("{\"call\": \"") + k_call +
                           "\", \"acronym\": \"GOOD\", \"title\": \"Good\", \"host\": \"FI\", \"entity\": \"CSC\"}";
  const std::string bad = std::string("{\"call\": \"") + k_call +
                          "\", \"acronym\": \"BAD\", \"title\": \"Bad\", \"host\": \"XX\", \"entity\": \"CSC\"}";
  const auto file = write("mixed.ndjson", good + "\n" + bad + "\n{\"call\": \n[1]\n");
  const auto rejects = m_dir / "rejects.ndjson";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(rejects),
            std::string("{\"call\":\"") + k_call +
              "\",\"acronym\":\"BAD\",\"title\":\"Bad\",\"host\":\"XX\",\"entity\":\"CSC\",\"error\":\"host: 'XX' "
              "is not a participating state; 'cfp state list' shows the codes\"}\n"
              "{\"record\":\"{\\\"call\\\": \",\"error\":\"record: the line is not a JSON object\"}\n"
              "{\"record\":[1],\"error\":\"record: each record must be a JSON object\"}\n");
  EXPECT_NE(result.err.find("imported 1 proposals: 1 inserted, 0 updated, 0 unchanged, 3 invalid"), std::string::npos)
    << result.err;
  EXPECT_EQ(show("GOOD")["title"], "Good");
}

TEST_F(ImportExportTest, SkipInvalidWritesJsonRejectsAsAnArrayOfTheObjectsPlusAnErrorKey)
{
  const auto file = write("mixed.json", std::string("[\n  {\"call\": \"") + k_call +
                                          "\", \"acronym\": \"GOOD\", \"title\": \"Good\", \"host\": \"FI\", "
                                          "\"entity\": \"CSC\"},\n  {\"call\": \"" +
                                          k_call + "\", \"acronym\": \"BAD\", \"title\": 5, \"host\": \"FI\", "
                                                   "\"entity\": \"CSC\"}\n]\n");
  const auto rejects = m_dir / "rejects.json";
  const auto result = cfp({"import", "proposals", file.string(), "--skip-invalid", "--rejects", rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(rejects), std::string("[\n{\"call\":\"") + k_call +
                                  "\",\"acronym\":\"BAD\",\"title\":5,\"host\":\"FI\",\"entity\":\"CSC\",\"error\":"
                                  "\"title: must be a string, not number\"}\n]\n");
  EXPECT_EQ(show("GOOD")["title"], "Good");
}

TEST_F(ImportExportTest, SkipInvalidWithNoInvalidRecordWritesAnEmptyRejectsFile)
{
  const auto rejects = m_dir / "rejects.csv";
  const auto result =
    cfp({"import", "proposals", write("new.csv", k_two_new_rows).string(), "--skip-invalid", "--rejects",
         rejects.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 2 proposals: 2 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(read_file(rejects), "call,acronym,title,host,entity,error\r\n");
}

// ---- Standard input ---------------------------------------------------------------------------

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
                 "\", \"acronym\": \"OK\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\"}\n\n"
                 "{\"call\": \"" +
                 k_call + "\", \"acronym\": \"BAD\", \"title\": \"T\", \"host\": \"FI\", \"entity\": \"CSC\", "
                          "\"plan\": \"rebuild\"}\n");
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

// ---- Audit ------------------------------------------------------------------------------------

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
  // 1200 records, 112831 bytes; sha256sum gives the digest below.
  std::string csv = k_min_header;
  for (int i = 0; i < 1200; ++i) {
    char acronym[8];
    std::snprintf(acronym, sizeof acronym, "P%04d", i);
    csv += std::string(k_call) + "," + acronym + ",Proposal " + (acronym + 1) +
           " with a title long enough to fill the buffer,FI,CSC\n";
  }
  ASSERT_EQ(csv.size(), 112831u);
  EXPECT_EQ(import_ok(write("big.csv", csv)), "imported 1200 proposals: 1200 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(audit(1).at(0)["after"]["sha256"], "7ce138440ee9fe8a28b8c796f8c63961331fdce8dde25400e0ab04362a1f28df");
}

TEST_F(ImportExportTest, AFailedOrDryRunImportWritesNoAuditEntry)
{
  const auto before = audit().size();
  import_ok(write("new.csv", k_two_new_rows), k_now, {"--dry-run"});
  EXPECT_EQ(cfp({"import", "proposals", write("bad.csv", std::string(k_min_header) + k_call + ",X,T,XX,E\n").string()})
              .exit_code,
            65);
  EXPECT_EQ(audit().size(), before);
}

// ---- Calls ------------------------------------------------------------------------------------

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

// ---- Exit codes for the command line itself ---------------------------------------------------

TEST_F(ImportExportTest, AMissingFileExitsSixtySix)
{
  const auto missing = (m_dir / "missing.csv").string();
  fails({"import", "proposals", missing}, 66, "cannot read " + missing);
  fails({"import", "proposals", missing, "--dry-run"}, 66, "cannot read " + missing);
  fails({"import", "calls", (m_dir / "missing.json").string()}, 66, "cannot read");
}

TEST_F(ImportExportTest, AFolderGivenAsTheFileExitsSixtySix)
{
  fails({"import", "proposals", m_dir.path().string(), "--input-format", "csv"}, 66, "it is a folder");
}

TEST_F(ImportExportTest, SkipInvalidWithoutRejectsIsAUsageError)
{
  const auto file = write("new.csv", k_two_new_rows).string();
  fails({"import", "proposals", file, "--skip-invalid"}, 2, "--skip-invalid and --rejects FILE go together");
  fails({"import", "proposals", file, "--rejects", (m_dir / "r.csv").string()}, 2,
        "--skip-invalid and --rejects FILE go together");
}

TEST_F(ImportExportTest, AFileNameWithoutAKnownExtensionNeedsInputFormat)
{
  fails({"import", "proposals", write("proposals.txt", k_two_new_rows).string()}, 2, "cannot tell the format");
}

TEST_F(ImportExportTest, AnUnknownInputFormatIsAUsageError)
{
  fails({"import", "proposals", write("new.csv", k_two_new_rows).string(), "--input-format", "xml"}, 2, "xml");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

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

TEST_F(CliTest, ExportCallsWritesJsonOnly)
{
  fails({"export", "calls", "--format", "csv"}, 2, "export calls writes one JSON document");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

class ImportSafetyTest : public ImportExportTest
{
protected:
  const std::string k_header = "call,acronym,title,host,entity\n";
  const std::string k_good = "EUROHPC-2024-CEI-AI-01,GOOD,Good,ES,E\n";
  const std::string k_bad = "EUROHPC-2024-CEI-AI-01,BAD,Bad,XX,E\n";
};

TEST_F(ImportSafetyTest, RejectsNamingTheInputFileIsRefusedAndTheInputKept)
{
  const auto file = write("in.csv", k_header + k_good + k_bad);
  fails({"import", "proposals", file.string(), "--skip-invalid", "--rejects", file.string()}, 2,
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
  EXPECT_FALSE(std::filesystem::exists(rejects.string() + ".cfp-tmp"));
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
                          "\"entity\":\"E\"}\n"
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

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

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
