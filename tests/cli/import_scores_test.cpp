// SPDX-License-Identifier: EUPL-1.2
// `cfp import scores` and `cfp export scores`: the rows of one proposal and expert are one
// evaluation, checked with the rules of `score add` and written or rejected as a whole; all or
// nothing, FILE:LINE: column: message, --dry-run, --skip-invalid --rejects, idempotent, and a
// byte-identical round trip in CSV, JSON and NDJSON.

#include "cli/import_fixture.hpp"

#include <SQLiteCpp/Database.h>

namespace cfp::test {
namespace {

// The second after the cut-off of 4 November 2024 (17:00:00 Brussels, 16:00:00 UTC).
constexpr auto k_after = "2024-11-04T16:00:01Z";

constexpr auto k_header = "call,acronym,expert,criterion,score,comment\r\n";
// Two evaluations of BSC-AIF as `export scores` writes them.
constexpr auto k_two_evaluations = "call,acronym,expert,criterion,score,comment\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4.5,Strong team\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,4.0,Strong team\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,implementation,3.5,Strong team\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,excellence,5.0,\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,impact,4.5,\r\n"
                                   "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,implementation,4.0,\r\n";

class ImportScoresTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    ok({"expert", "add", "Ana", "--state", "PT"}); // a partner of BSC-AIF
    ok({"expert", "add", "Luca", "--state", "IT"});
    ok({"expert", "add", "Marie", "--state", "FR"});
  }

  std::filesystem::path write(const std::string& name, const std::string& content)
  {
    const auto path = m_dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  CliResult import(const std::vector<std::string>& args)
  {
    std::vector<std::string> all{"import", "scores"};
    all.insert(all.end(), args.begin(), args.end());
    return cfp(all, k_after);
  }

  // Expects the import of `content` to fail with exit 65, printing `errors` (one a line) and the
  // summary line, and to leave the database as it was.
  void refused(const std::string& content, const std::string& errors, const std::string& summary,
               const std::string& name = "bad.csv")
  {
    const auto file = write(name, content);
    const std::string before = dump_database(m_db);
    const auto result = import({file.string()});
    EXPECT_EQ(result.exit_code, 65) << result.err;
    EXPECT_EQ(result.out, "");
    std::string expected;
    for (const auto& line : lines_of(errors)) {
      expected += file.string() + ":" + line + "\n";
    }
    EXPECT_EQ(result.err, expected + "cfp: error: " + summary + "\n");
    EXPECT_EQ(dump_database(m_db), before) << "the database changed";
  }

  std::int64_t count(const std::string& table)
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
};

TEST_F(ImportScoresTest, EachProposalAndExpertIsOneEvaluationWhereverItsRowsStand)
{
  // Rows interleaved, the expert's name in another case, a comment on one row of three.
  const auto file = write("scores.csv", std::string(k_header) +
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,marie,impact,4.5,\r\n"
                                            "EUROHPC-2024-CEI-AI-01,bsc-aif,Luca,implementation,3.5,\r\n"
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,excellence,5,\r\n"
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4.5,Strong team\r\n"
                                            "eurohpc-2024-cei-ai-01,BSC-AIF,MARIE,implementation,4.0,\r\n"
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,4,Strong team\r\n");
  const auto result = import({file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 6 scores: 2 evaluations inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(ok({"export", "scores"}), k_two_evaluations);
  EXPECT_EQ(count("evaluation"), 2);
  EXPECT_EQ(count("score"), 6);
  // As `score add` would have recorded them: the consensus is the median.
  const auto listed = as_json(ok({"score", "list", "BSC-AIF", "--format", "json"}, k_after));
  EXPECT_EQ(listed[0]["criterion"], "excellence");
  EXPECT_EQ(listed[0]["consensus"], 4.5);
  EXPECT_EQ(listed[0]["scores"][0]["comment"], "Strong team");
}

TEST_F(ImportScoresTest, ImportingTheSameFileAgainChangesNoEvaluation)
{
  const auto file = write("scores.csv", k_two_evaluations);
  ASSERT_EQ(import({file.string()}).exit_code, 0);
  const auto again = import({file.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "imported 6 scores: 0 evaluations inserted, 0 updated, 2 unchanged\n");
  EXPECT_EQ(count("evaluation_version"), 0);
  EXPECT_EQ(ok({"export", "scores"}), k_two_evaluations);
}

TEST_F(ImportScoresTest, AChangedEvaluationReplacesTheCurrentOneWhichTheHistoryKeeps)
{
  ASSERT_EQ(import({write("scores.csv", k_two_evaluations).string()}).exit_code, 0);
  const std::string changed = "call,acronym,expert,criterion,score,comment\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4.5,Weaker impact\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,3.0,Weaker impact\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,implementation,3.5,Weaker impact\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,excellence,5.0,\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,impact,4.5,\r\n"
                              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,implementation,4.0,\r\n";
  const auto replaced = import({write("changed.csv", changed).string()});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(replaced.err, "imported 6 scores: 0 evaluations inserted, 1 updated, 1 unchanged\n");
  EXPECT_EQ(ok({"export", "scores"}), changed);
  EXPECT_EQ(count("evaluation_version"), 1);
  SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM audit WHERE entity LIKE 'import scores %'").getInt64(), 2);
}

TEST_F(ImportScoresTest, TheLogOfAProposalListsTheImportsThatSavedItsScores)
{
  ASSERT_EQ(import({write("scores.csv", k_two_evaluations).string()}).exit_code, 0);
  ASSERT_EQ(import({write("again.csv", k_two_evaluations).string()}).exit_code, 0); // changes nothing
  const auto of_bsc = as_json(ok({"log", "--ref", "BSC-AIF", "--action", "import", "--format", "json"}, k_after));
  ASSERT_EQ(of_bsc.size(), 1u);
  EXPECT_EQ(of_bsc[0]["entity"], "import scores " + (m_dir / "scores.csv").string());
  EXPECT_EQ(ok({"log", "--ref", "MIMER", "--action", "import", "--format", "json"}, k_after), "[]\n");
  EXPECT_EQ(as_json(ok({"log", "--call", k_call, "--action", "import", "--format", "json"}, k_after)).size(), 1u);
}

TEST_F(ImportScoresTest, EveryBrokenRuleIsReportedWithItsLineAndNothingIsWritten)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "T", "--host", "FI", "--entity", "E",
      "--draft"});
  refused(std::string(k_header) +
              "EUROHPC-2099,BSC-AIF,Luca,excellence,4,\r\n"                 // 2
              "EUROHPC-2024-CEI-AI-01,NOPE,Luca,excellence,4,\r\n"          // 3
              "EUROHPC-2024-CEI-AI-01,DRAFTY,Luca,excellence,4,\r\n"        // 4
              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Zoe,excellence,4,\r\n"        // 5
              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Ana,excellence,4,\r\n"        // 6
              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,novelty,4,\r\n"          // 7
              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,5.5,\r\n"         // 8
              "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,implementation,4.25,\r\n" // 9
              "EUROHPC-2024-CEI-AI-01,MIMER,Luca,excellence,4,\r\n"         // 10
              "EUROHPC-2024-CEI-AI-01,MIMER,Luca,excellence,4.5,\r\n"       // 11
              "EUROHPC-2024-CEI-AI-01,MIMER,Marie,excellence,4,One\r\n"     // 12
              "EUROHPC-2024-CEI-AI-01,MIMER,Marie,impact,4,Two\r\n"         // 13
              "EUROHPC-2024-CEI-AI-01,MIMER,Marie,implementation,4,\r\n"    // 14
              "EUROHPC-2024-CEI-AI-01,MIMER,Luca,impact\r\n",              // 15
          "2: call: no call 'EUROHPC-2099'; 'cfp call list' shows the calls\n"
          "3: acronym: no proposal 'NOPE' in call EUROHPC-2024-CEI-AI-01\n"
          "4: acronym: DRAFTY is draft: only a submitted proposal is evaluated\n"
          "5: expert: no expert 'Zoe'; 'cfp expert list' shows the experts\n"
          "6: expert: Ana may not score BSC-AIF: a conflict of interest: PT is a partner of the proposal "
          "(partner_state)\n"
          "7: criterion: the call has no criterion 'novelty'; its criteria: excellence, impact, implementation\n"
          "8: score: '5.5' is more than 5 (scores go from 0 to 5)\n"
          "9: score: '4.25' is not a half point; scores go in steps of 0.5 (scores go from 0 to 5)\n"
          "10: record: the evaluation of MIMER by Luca is rejected as a whole: line 11 is invalid\n"
          "11: criterion: excellence is scored twice in the evaluation of MIMER by Luca: on line 10 and on line 11\n"
          "12: record: the evaluation of MIMER by Marie is rejected as a whole: line 13 is invalid\n"
          "13: comment: not the comment of line 12: the rows of the evaluation of MIMER by Marie share one "
          "comment (or leave it empty on all but one)\n"
          "14: record: the evaluation of MIMER by Marie is rejected as a whole: line 13 is invalid\n"
          "15: record: 4 fields where the header has 6\n",
          "14 of 14 records are invalid; nothing was imported");
}

TEST_F(ImportScoresTest, AnEvaluationWithoutEveryCriterionIsRejectedOnEachOfItsRows)
{
  refused(std::string(k_header) + "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4,\r\n"
                                  "EUROHPC-2024-CEI-AI-01,MIMER,Luca,excellence,4,\r\n"
                                  "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,4,\r\n"
                                  "EUROHPC-2024-CEI-AI-01,MIMER,Luca,impact,4,\r\n"
                                  "EUROHPC-2024-CEI-AI-01,MIMER,Luca,implementation,4,\r\n",
          "2: criterion: the evaluation of BSC-AIF by Luca has no score for implementation: every criterion of the "
          "call needs one\n"
          "4: criterion: the evaluation of BSC-AIF by Luca has no score for implementation: every criterion of the "
          "call needs one\n",
          "2 of 5 records are invalid; nothing was imported");
}

TEST_F(ImportScoresTest, ScoresAreImportedOnlyOnceTheCutOffHasPassed)
{
  const auto file = write("scores.csv", k_two_evaluations);
  const std::string before = dump_database(m_db);
  const auto at_the_cutoff = cfp({"import", "scores", file.string()}, "2024-11-04T16:00:00Z");
  EXPECT_EQ(at_the_cutoff.exit_code, 65);
  EXPECT_NE(at_the_cutoff.err.find(":2: acronym: the cut-off 2024-11-04 of BSC-AIF has not passed yet (it closes at "
                                   "2024-11-04T16:00:00Z): its content can still change\n"),
            std::string::npos)
    << at_the_cutoff.err;
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_EQ(cfp({"import", "scores", file.string()}, k_after).exit_code, 0);
}

TEST_F(ImportScoresTest, ADryRunSaysWhatWouldHappenAndWritesNothing)
{
  const auto file = write("scores.csv", k_two_evaluations);
  const std::string before = dump_database(m_db);
  const auto result = import({file.string(), "--dry-run", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "dry run: would import 6 scores: 2 evaluations inserted, 0 updated, 0 unchanged; nothing "
                        "was written\n");
  const auto summary = as_json(result.out);
  EXPECT_EQ(summary["records"], 6);
  EXPECT_EQ(summary["inserted"], 2);
  EXPECT_EQ(summary["written"], false);
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportScoresTest, SkipInvalidWritesTheValidEvaluationsAndRejectsEachInvalidOneWhole)
{
  const std::string marie_bad = "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,excellence,5.0,\r\n"
                                "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,impact,9,\r\n"
                                "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,implementation,4.0,\r\n";
  const auto file = write("scores.csv", std::string(k_header) +
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4.5,Strong team\r\n"
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,4.0,Strong team\r\n"
                                            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,implementation,3.5,Strong team\r\n" +
                                            marie_bad);
  const auto rejects = m_dir / "rejects.csv";
  const auto result = import({file.string(), "--skip-invalid", "--rejects", rejects.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.err).back(), "imported 3 scores: 1 evaluation inserted, 0 updated, 0 unchanged, 3 "
                                         "invalid (written to " +
                                           rejects.string() + ")");
  EXPECT_EQ(read_file(rejects),
            "call,acronym,expert,criterion,score,comment,error\r\n"
            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,excellence,5.0,,record: the evaluation of BSC-AIF by Marie is "
            "rejected as a whole: line 6 is invalid\r\n"
            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,impact,9,,score: '9' is more than 5 (scores go from 0 to 5)\r\n"
            "EUROHPC-2024-CEI-AI-01,BSC-AIF,Marie,implementation,4.0,,record: the evaluation of BSC-AIF by Marie is "
            "rejected as a whole: line 6 is invalid\r\n");
  EXPECT_EQ(count("evaluation"), 1);

  // The rejects file, corrected, imports as it is.
  std::string corrected = read_file(rejects);
  corrected.replace(corrected.find("impact,9,"), 9, "impact,4.5,");
  const auto again = import({write("corrected.csv", corrected).string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ok({"export", "scores"}), k_two_evaluations);
}

TEST_F(ImportScoresTest, JsonAndNdjsonRoundTripByteForByte)
{
  ASSERT_EQ(import({write("scores.csv", k_two_evaluations).string()}).exit_code, 0);
  const auto json = ok({"export", "scores", "--format", "json"});
  const auto ndjson = ok({"export", "scores", "--format", "ndjson"});
  EXPECT_EQ(lines_of(ndjson).front(), R"({"call":"EUROHPC-2024-CEI-AI-01","acronym":"BSC-AIF","expert":"Luca",)"
                                      R"("criterion":"excellence","score":4.5,"comment":"Strong team"})");

  // Into a second database with the same calls, proposals and experts but no scores.
  const TempDir other;
  const auto other_db = other / "copy.db";
  const auto setup = [&](const std::vector<std::string>& args) {
    const auto result = run_cli(other_db, args, "2024-10-01T10:00:00Z", {});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  };
  const auto copy_of = [&](const std::string& format, const std::string& content) {
    std::filesystem::remove(other_db);
    setup({"db", "init"});
    const auto calls = write("calls.json", ok({"export", "calls"}));
    const auto proposals = write("proposals.csv", ok({"export", "proposals"}));
    setup({"import", "calls", calls.string()});
    setup({"import", "proposals", proposals.string()});
    setup({"expert", "add", "Luca", "--state", "IT"});
    setup({"expert", "add", "Marie", "--state", "FR"});
    const auto file = write("scores." + format, content);
    const auto imported = run_cli(other_db, {"import", "scores", file.string()}, k_after, {});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return run_cli(other_db, {"export", "scores", "--format", format}, k_after, {}).out;
  };
  EXPECT_EQ(copy_of("json", json), json);
  EXPECT_EQ(copy_of("ndjson", ndjson), ndjson);
  EXPECT_EQ(copy_of("csv", k_two_evaluations), k_two_evaluations);
}

TEST_F(ImportScoresTest, JsonGivesScoresAsNumbersOrStrings)
{
  const std::string luca = R"("call":"EUROHPC-2024-CEI-AI-01","acronym":"BSC-AIF","expert":"Luca",)";
  refused("{" + luca + R"("criterion":"excellence","score":4.5})" + "\n{" + luca +
              R"("criterion":"impact","score":"4"})" + "\n{" + luca +
              R"("criterion":"implementation","score":true})" + "\n{" + luca + R"("criterion":"impact"})" + "\n",
          "1: record: the evaluation of BSC-AIF by Luca is rejected as a whole: line 3 is invalid\n"
          "2: record: the evaluation of BSC-AIF by Luca is rejected as a whole: line 3 is invalid\n"
          "3: score: must be a number such as 4.5, not boolean\n"
          "4: score: a value is required\n",
          "4 of 4 records are invalid; nothing was imported", "bad.ndjson");
  const auto file = write("good.json", "[{" + luca + R"("criterion":"excellence","score":4.5},)" + "\n{" + luca +
                                           R"("criterion":"impact","score":"4"},)" + "\n{" + luca +
                                           R"("criterion":"implementation","score":3, "comment":null}])");
  const auto result = import({file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ok({"export", "scores"}), std::string(k_header) +
                                          "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,excellence,4.5,\r\n"
                                          "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,impact,4.0,\r\n"
                                          "EUROHPC-2024-CEI-AI-01,BSC-AIF,Luca,implementation,3.0,\r\n");
}

TEST_F(ImportScoresTest, AHeaderWithoutARequiredColumnIsRefusedAsAWhole)
{
  const auto file = write("bad.csv", "call,acronym,expert,criterion,comment\r\n");
  const std::string before = dump_database(m_db);
  const auto result = import({file.string()});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_EQ(result.err, "cfp: error: " + file.string() + ":1: header: the required column 'score' is missing\n");
  const auto empty = import({write("empty.csv", "").string()});
  EXPECT_EQ(empty.err, "cfp: error: " + (m_dir / "empty.csv").string() +
                           ":1: the file is empty; the first line must name the columns "
                           "(call,acronym,expert,criterion,score,comment)\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ImportScoresTest, TheExportLeavesOutScoresSetAsideByADeclaredConflict)
{
  ASSERT_EQ(import({write("scores.csv", k_two_evaluations).string()}).exit_code, 0);
  ok({"expert", "conflict", "Marie", "BSC-AIF", "--reason", "Former employee"}, k_after);
  EXPECT_EQ(ok({"export", "scores", "--call", k_call}), std::string(k_two_evaluations).substr(0, 237));
  EXPECT_EQ(ok({"export", "scores", "--call", k_other_call}), k_header);
  fails({"export", "scores", "--call", "NOPE"}, 1, "no call 'NOPE'; 'cfp call list' shows the calls");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(ImportScoresTest, ABrokenRowStillRejectsItsWholeEvaluationAndARejectsFileTakesRowsWithoutErrors)
{
  // Row 2 lacks its comment field: it is broken, and its evaluation is rejected with it rather
  // than found without an excellence score.
  refused(std::string(k_header) + "EUROHPC-2024-CEI-AI-01,MIMER,Luca,excellence,4.5\r\n"
                                  "EUROHPC-2024-CEI-AI-01,MIMER,Luca,impact,4,\r\n"
                                  "EUROHPC-2024-CEI-AI-01,MIMER,Luca,implementation,4,\r\n",
          "2: record: 5 fields where the header has 6\n"
          "3: record: the evaluation of MIMER by Luca is rejected as a whole: line 2 is invalid\n"
          "4: record: the evaluation of MIMER by Luca is rejected as a whole: line 2 is invalid\n",
          "3 of 3 records are invalid; nothing was imported");

  // A rejects file with a row added by hand, without the error column.
  const auto rejects = write("rejects.csv", "call,acronym,expert,criterion,score,comment,error\r\n"
                                            "EUROHPC-2024-CEI-AI-01,MIMER,Luca,excellence,4.5,,old error\r\n"
                                            "EUROHPC-2024-CEI-AI-01,MIMER,Luca,impact,4,,old error\r\n"
                                            "EUROHPC-2024-CEI-AI-01,MIMER,Luca,implementation,4,\r\n");
  const auto result = import({rejects.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 3 scores: 1 evaluation inserted, 0 updated, 0 unchanged\n");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(ImportScoresTest, AJsonScoreIsReadAsWrittenNeverRoundedThroughFloatingPoint)
{
  const std::string luca = R"({"call":"EUROHPC-2024-CEI-AI-01","acronym":"BSC-AIF","expert":"Luca",)";
  refused(luca + R"("criterion":"excellence","score":4.9999999999999999})" + "\n" + luca +
              R"("criterion":"impact","score":4.0000000000000001})" + "\n" + luca +
              R"("criterion":"implementation","score":4.5e0})" + "\n",
          "1: score: '4.9999999999999999' is not a half point; scores go in steps of 0.5 (scores go from 0 to 5)\n"
          "2: score: '4.0000000000000001' is not a half point; scores go in steps of 0.5 (scores go from 0 to 5)\n"
          "3: score: '4.5e0' is not a score; write it like 4 or 4.5 (scores go from 0 to 5)\n",
          "3 of 3 records are invalid; nothing was imported", "floats.ndjson");
}

} // namespace
} // namespace cfp::test
