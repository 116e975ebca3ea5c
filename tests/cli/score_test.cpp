// SPDX-License-Identifier: EUPL-1.2
// `cfp score add|list|summary` and `cfp consensus set`: one expert's scores of a submitted
// proposal once its cut-off has passed, refused on a conflict of interest; scoring again
// replaces and keeps the earlier version; the consensus is the median of the experts unless
// agreed; criteria freeze once scored.

#include "cli/cli_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

// The second after the cut-off of 4 November 2024 (17:00:00 Brussels, 16:00:00 UTC).
constexpr auto k_after = "2024-11-04T16:00:01Z";

class ScoreCliTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    ok({"expert", "add", "Ana", "--state", "PT"});                    // a partner of BSC-AIF
    ok({"expert", "add", "Eva", "--state", "SE"});                    // MIMER's host
    ok({"expert", "add", "Katrin", "--state", "DE", "--organisation", // BSC-AIF's entity
        "barcelona supercomputing center"});
    ok({"expert", "add", "Luca", "--state", "IT"});
    ok({"expert", "add", "Marie", "--state", "FR"});
    ok({"expert", "add", "Nora", "--state", "NO"});
  }

  std::string score(const std::string& ref, const std::string& expert, const std::string& excellence,
                    const std::string& impact, const std::string& implementation)
  {
    return ok({"score", "add", ref, "--expert", expert, "excellence=" + excellence, "impact=" + impact,
               "implementation=" + implementation},
              k_after);
  }

  /// criterion -> "scores | consensus (source) | spread" of score list REF, as CSV gives them.
  std::map<std::string, std::string> listed(const std::string& ref)
  {
    std::map<std::string, std::string> rows;
    for (const auto& row : json::parse(ok({"score", "list", ref, "--format", "json"}, k_after))) {
      std::string scores;
      for (const auto& s : row.at("scores")) {
        scores += (scores.empty() ? "" : " ") + s.at("score").dump();
      }
      rows[row.at("criterion")] = scores + " | " + row.at("consensus").dump() + " (" +
                                  row.at("source").get<std::string>() + ") | " + row.at("spread").dump() +
                                  (row.at("wide_spread").get<bool>() ? " !" : "");
    }
    return rows;
  }
};

TEST_F(ScoreCliTest, AProposalIsScoredOnlyOnceItsCutOffHasPassed)
{
  const std::vector<std::string> add{"score", "add",          "MIMER",    "--expert",
                                     "Luca",  "excellence=4", "impact=4", "implementation=4"};
  fails(add, 1,
        "the cut-off 2024-11-04 of EUROHPC-2024-CEI-AI-01/MIMER has not passed yet (it closes at "
        "2024-11-04T16:00:00Z): its content can still change",
        "2024-11-04T16:00:00Z");
  const auto result = cfp(add, k_after);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "recorded the scores of EUROHPC-2024-CEI-AI-01/MIMER by Luca at cut-off 2024-11-04\n");
  EXPECT_EQ(result.out, "proposal:       EUROHPC-2024-CEI-AI-01/MIMER\n"
                        "expert:         Luca\n"
                        "excellence:     4.0\n"
                        "impact:         4.0\n"
                        "implementation: 4.0\n"
                        "version:        1\n");
}

TEST_F(ScoreCliTest, ADraftOrAWithdrawnProposalIsNotScored)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "T", "--host", "FI", "--entity", "E",
      "--draft"});
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged into another"});
  fails({"score", "add", "DRAFTY", "--expert", "Luca", "excellence=4", "impact=4", "implementation=4"}, 1,
        "EUROHPC-2024-CEI-AI-01/DRAFTY is draft: only a submitted proposal is evaluated", k_after);
  fails({"score", "add", "MIMER", "--expert", "Luca", "excellence=4", "impact=4", "implementation=4"}, 1,
        "EUROHPC-2024-CEI-AI-01/MIMER is withdrawn: only a submitted proposal is evaluated", k_after);
}

TEST_F(ScoreCliTest, AnExpertWithAConflictOfInterestMayNotScore)
{
  const auto refused = [&](const std::string& ref, const std::string& expert, const std::string& message) {
    fails({"score", "add", ref, "--expert", expert, "excellence=4", "impact=4", "implementation=4"}, 1, message,
          k_after);
  };
  refused("MIMER", "Eva",
          "Eva may not score EUROHPC-2024-CEI-AI-01/MIMER: a conflict of interest: SE hosts the "
          "proposal (host_state)");
  refused("BSC-AIF", "Ana", "PT is a partner of the proposal (partner_state)");
  refused("BSC-AIF", "katrin",
          "the expert's organisation is the hosting entity, Barcelona Supercomputing Center (organisation)");
  ok({"expert", "conflict", "Luca", "MIMER", "--reason", "Former colleague of the coordinator"});
  refused("MIMER", "Luca", "Former colleague of the coordinator (declared)");
}

TEST_F(ScoreCliTest, EveryCriterionOnceOnTheScaleInHalfPointsOrNothingIsRecorded)
{
  const auto invalid = [&](std::vector<std::string> scores, const std::string& message) {
    std::vector<std::string> args{"score", "add", "MIMER", "--expert", "Luca"};
    args.insert(args.end(), scores.begin(), scores.end());
    fails(args, 65, message, k_after);
  };
  invalid({"excellence=5.5", "impact=4", "implementation=4"}, "score of excellence: '5.5' is more than 5");
  invalid({"excellence=4.3", "impact=4", "implementation=4"}, "score of excellence: '4.3' is not a half point");
  invalid({"excellence=-1", "impact=4", "implementation=4"}, "'-1' is not a score");
  invalid({"excellence=4", "impact=4"}, "no score for implementation: every criterion of the call needs one");
  invalid({"excellence=4", "impact=4", "implementation=4", "novelty=3"},
          "score 'novelty=3': the call has no criterion 'novelty'; its criteria: excellence, impact, implementation");
  invalid({"excellence=4", "excellence=4.5", "impact=4", "implementation=4"},
          "score 'excellence=4.5': excellence is given twice");
  invalid({"excellence:4", "impact=4", "implementation=4"},
          "score: 'excellence:4' is not CRITERION=SCORE; write it like excellence=4.5");
  invalid({"excellence=", "impact=4", "implementation=4"}, "is not CRITERION=SCORE");
  fails({"score", "add", "MIMER", "--expert", "Nobody", "excellence=4", "impact=4", "implementation=4"}, 1,
        "no expert 'Nobody'", k_after);
  fails({"score", "add", "NOPE", "--expert", "Luca", "excellence=4", "impact=4", "implementation=4"}, 1,
        "no proposal 'NOPE'", k_after);
  fails({"score", "add", "MIMER", "--expert", "Luca"}, 2, "SCORES is required", k_after);
}

TEST_F(ScoreCliTest, ScoringAgainReplacesTheScoresAndKeepsTheEarlierOnes)
{
  score("MIMER", "Luca", "4", "4", "4");
  const auto again = cfp({"score", "add", "MIMER", "--expert", "luca", "excellence=3.5", "impact=4",
                          "implementation=4.5", "--comment", "Revised after reading the annex"},
                         k_after);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "replaced the scores of EUROHPC-2024-CEI-AI-01/MIMER by Luca at cut-off 2024-11-04 "
                       "(version 2; the earlier ones are kept)\n");
  EXPECT_EQ(listed("MIMER").at("excellence"), "3.5 | 3.5 (median) | 0.0");
  SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM evaluation").getInt(), 1);
  EXPECT_EQ(db.execAndGet("SELECT snapshot FROM evaluation_version WHERE version = 1").getString(),
            R"({"expert":"Luca","scores":{"excellence":"4.0","impact":"4.0","implementation":"4.0"},)"
            R"("comment":null,"version":1})");
  const auto entries = json::parse(ok({"log", "--limit", "2", "--format", "json"}));
  EXPECT_EQ(entries[0].at("action"), "replace");
  EXPECT_EQ(entries[0].at("entity"), "score EUROHPC-2024-CEI-AI-01/MIMER by Luca");
  EXPECT_EQ(entries[0].at("before").at("scores").at("excellence"), "4.0");
  EXPECT_EQ(entries[0].at("after").at("scores").at("excellence"), "3.5");
  EXPECT_EQ(entries[0].at("after").at("comment"), "Revised after reading the annex");
  EXPECT_EQ(entries[1].at("action"), "add");
}

TEST_F(ScoreCliTest, TheConsensusIsTheMedianRoundedDownToAHalfPointUnlessAgreed)
{
  score("MIMER", "Luca", "4.5", "3", "4");
  score("MIMER", "Marie", "4", "4", "2");
  // Two scores: the mean of 4.5 and 4 (4.25) rounds down to 4.0; of 3 and 4, 3.5.
  EXPECT_EQ(listed("MIMER"),
            (std::map<std::string, std::string>{{"excellence", "4.5 4.0 | 4.0 (median) | 0.5"},
                                                {"impact", "3.0 4.0 | 3.5 (median) | 1.0"},
                                                {"implementation", "4.0 2.0 | 3.0 (median) | 2.0 !"}}));
  score("MIMER", "Nora", "2", "5", "3.5");
  // Three scores: the middle one; a spread of 2 points or more is flagged.
  EXPECT_EQ(listed("MIMER"),
            (std::map<std::string, std::string>{{"excellence", "4.5 4.0 2.0 | 4.0 (median) | 2.5 !"},
                                                {"impact", "3.0 4.0 5.0 | 4.0 (median) | 2.0 !"},
                                                {"implementation", "4.0 2.0 3.5 | 3.5 (median) | 2.0 !"}}));
  const auto set =
      cfp({"consensus", "set", "MIMER", "implementation=3", "--comment", "Risks under-estimated"}, k_after);
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.err, "recorded the consensus of EUROHPC-2024-CEI-AI-01/MIMER: implementation=3.0\n");
  EXPECT_EQ(listed("MIMER").at("implementation"), "4.0 2.0 3.5 | 3.0 (set) | 2.0 !");
  const auto entry = json::parse(ok({"log", "--limit", "1", "--format", "json"})).at(0);
  EXPECT_EQ(entry.at("action"), "set consensus");
  EXPECT_EQ(entry.at("after").at("implementation").at("score"), "3.0");
}

TEST_F(ScoreCliTest, TheSummaryAppliesEachThresholdAndTheOverallOneWithoutWeights)
{
  score("MIMER", "Luca", "4", "3.5", "2.5");
  auto summary = json::parse(ok({"score", "summary", "MIMER", "--format", "json"}, k_after));
  EXPECT_EQ(summary.at("criteria").at(2).at("passed"), false) << "implementation 2.5 < 3";
  EXPECT_EQ(summary.at("total").dump(), "10.0");
  EXPECT_EQ(summary.at("passed"), false);
  ok({"consensus", "set", "MIMER", "implementation=3", "--comment", "Agreed"}, k_after);
  summary = json::parse(ok({"score", "summary", "MIMER", "--format", "json"}, k_after));
  EXPECT_EQ(summary.at("criteria").at(2).at("source"), "set");
  EXPECT_EQ(summary.at("criteria").at(2).at("comment"), "Agreed");
  EXPECT_EQ(summary.at("total").dump(), "10.5");
  EXPECT_EQ(summary.at("weighted_total").dump(), "10.5");
  EXPECT_EQ(summary.at("passed"), true);
  const auto table = ok({"score", "summary", "MIMER"}, k_after);
  EXPECT_NE(table.find("result:                                       passes every threshold\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("comment on implementation:                    Agreed\n"), std::string::npos) << table;
}

TEST_F(ScoreCliTest, TheOverallThresholdCanFailWhenEveryCriterionPasses)
{
  ok({"call", "set-threshold", k_call, "11"});
  score("MIMER", "Luca", "3.5", "3.5", "3.5");
  const auto summary = json::parse(ok({"score", "summary", "MIMER", "--format", "json"}, k_after));
  for (const auto& criterion : summary.at("criteria")) {
    EXPECT_EQ(criterion.at("passed"), true);
  }
  EXPECT_EQ(summary.at("total").dump(), "10.5");
  EXPECT_EQ(summary.at("overall_threshold").dump(), "11.0");
  EXPECT_EQ(summary.at("passed"), false);
}

TEST_F(ScoreCliTest, AProposalWithoutScoresIsIncomplete)
{
  const auto summary = json::parse(ok({"score", "summary", "BSC-AIF", "--format", "json"}, k_after));
  EXPECT_TRUE(summary.at("total").is_null());
  EXPECT_EQ(summary.at("passed"), false);
  EXPECT_NE(
      ok({"score", "summary", "BSC-AIF"}, k_after).find("result:                                       incomplete"),
      std::string::npos);
}

TEST_F(ScoreCliTest, CriteriaAndTheOverallThresholdAreFrozenOnceAProposalIsScored)
{
  ok({"criterion", "set", k_call, "impact", "--weight", "2"});
  score("MIMER", "Luca", "4", "4", "4");
  const std::string why = "the criteria of call EUROHPC-2024-CEI-AI-01 cannot change: its proposals are being scored";
  fails({"criterion", "set", k_call, "impact", "--weight", "1"}, 1, why);
  fails({"criterion", "add", k_call, "green", "--name", "Green"}, 1, why);
  fails({"criterion", "remove", k_call, "impact"}, 1, why);
  fails({"call", "set-threshold", k_call, "12"}, 1,
        "the overall threshold of call EUROHPC-2024-CEI-AI-01 cannot change: its proposals are being scored");
  // Values that are the current ones change nothing, and say so rather than refuse.
  EXPECT_EQ(cfp({"criterion", "set", k_call, "impact", "--weight", "2"}).exit_code, 0);
  EXPECT_EQ(cfp({"call", "set-threshold", k_call, "10"}).exit_code, 0);
  // The other call is not scored.
  ok({"criterion", "set", k_other_call, "impact", "--weight", "2"});
  // Weights count in the weighted total only.
  const auto summary = json::parse(ok({"score", "summary", "MIMER", "--format", "json"}, k_after));
  EXPECT_EQ(summary.at("total").dump(), "12.0");
  EXPECT_EQ(summary.at("weighted_total").dump(), "16.0");
}

TEST_F(ScoreCliTest, ScoresBelongToTheCutOffTheProposalWasEvaluatedAt)
{
  score("MIMER", "Luca", "4", "4", "4");
  EXPECT_EQ(listed("MIMER").at("excellence"), "4.0 | 4.0 (median) | 0.0");
  {
    // As if MIMER were now in the second cut-off: its earlier evaluation no longer counts.
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE proposal SET cutoff_id = (SELECT id FROM cutoff WHERE label = '2025-02-01' AND call_id = "
            "proposal.call_id) WHERE acronym = 'MIMER'");
  }
  EXPECT_EQ(listed("MIMER").at("excellence"), " | null (none) | null");
}

TEST_F(ScoreCliTest, ListTakesAProposalOrACall)
{
  score("MIMER", "Luca", "4", "4", "4");
  const auto rows = json::parse(ok({"score", "list", "--call", k_call, "--format", "json"}, k_after));
  ASSERT_EQ(rows.size(), 6u) << "two submitted proposals, three criteria each";
  EXPECT_EQ(rows[0].at("acronym"), "BSC-AIF");
  EXPECT_EQ(rows[0].at("source"), "none");
  EXPECT_EQ(rows[3].at("acronym"), "MIMER");
  EXPECT_EQ(rows[3].at("experts"), 1);
  fails({"score", "list"}, 2, "score list: give either REF or --call CODE", k_after);
  fails({"score", "list", "MIMER", "--call", k_call}, 2, "give either REF or --call CODE", k_after);
  fails({"score", "list", "--call", "NOPE"}, 1, "no call 'NOPE'", k_after);
}

TEST_F(ScoreCliTest, AConflictDeclaredAfterScoringSetsTheExpertsScoresAside)
{
  score("MIMER", "Luca", "2", "4", "4");
  score("MIMER", "Marie", "4", "4", "4");
  score("MIMER", "Nora", "4.5", "4", "4");
  EXPECT_EQ(listed("MIMER").at("excellence"), "2.0 4.0 4.5 | 4.0 (median) | 2.5 !");
  const auto declared = cfp({"expert", "conflict", "Luca", "MIMER", "--reason", "Co-author, found late"}, k_after);
  ASSERT_EQ(declared.exit_code, 0) << declared.err;
  EXPECT_NE(declared.err.find("the scores Luca gave EUROHPC-2024-CEI-AI-01/MIMER are kept but no longer count"),
            std::string::npos)
      << declared.err;
  EXPECT_EQ(listed("MIMER").at("excellence"), "4.0 4.5 | 4.0 (median) | 0.5");
  SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM evaluation").getInt(), 3) << "kept";
}

TEST_F(ScoreCliTest, AConsensusNeedsScoresAndKeepsItsCommentWhenGivenNone)
{
  fails({"consensus", "set", "MIMER", "excellence=4"}, 1,
        "no expert has scored EUROHPC-2024-CEI-AI-01/MIMER yet: a consensus is what the experts who scored it agree on",
        k_after);
  score("MIMER", "Luca", "4", "4", "4");
  ok({"consensus", "set", "MIMER", "excellence=4.5", "--comment", "Agreed after the panel"}, k_after);
  const auto set = json::parse(ok({"consensus", "set", "MIMER", "excellence=4", "--format", "json"}, k_after));
  EXPECT_EQ(set.dump(), R"({"call":"EUROHPC-2024-CEI-AI-01","acronym":"MIMER","cutoff":"2024-11-04",)"
                        R"("consensus":{"excellence":{"score":4.0,"comment":"Agreed after the panel"}}})");
  const auto before = dump_database(m_db);
  const auto again = cfp({"consensus", "set", "MIMER", "excellence=4"}, k_after);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err,
            "the consensus of EUROHPC-2024-CEI-AI-01/MIMER unchanged: the values given are the current ones\n");
  EXPECT_EQ(dump_database(m_db), before) << "nothing written, not even an audit entry";
}

TEST_F(ScoreCliTest, TheSameScoresAgainChangeNothing)
{
  score("MIMER", "Luca", "4", "4", "4");
  const auto before = dump_database(m_db);
  const auto again =
      cfp({"score", "add", "MIMER", "--expert", "Luca", "excellence=4.0", "impact=4", "implementation=4"}, k_after);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err,
            "the scores of EUROHPC-2024-CEI-AI-01/MIMER by Luca unchanged: the values given are the current ones\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ScoreCliTest, TheLogOfAProposalListsItsScoresAndAnExpertsCommentIsListed)
{
  ok({"score", "add", "MIMER", "--expert", "Luca", "excellence=4", "impact=4", "implementation=4", "--comment",
      "Solid plan"},
     k_after);
  const auto entries = json::parse(ok({"log", "--ref", "MIMER", "--format", "json"}));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].at("entity"), "score EUROHPC-2024-CEI-AI-01/MIMER by Luca");
  const auto rows = json::parse(ok({"score", "list", "MIMER", "--format", "json"}, k_after));
  EXPECT_EQ(rows[0].at("scores").dump(), R"([{"expert":"Luca","score":4.0,"comment":"Solid plan"}])");
}

TEST_F(ScoreCliTest, OnlyASubmittedProposalHasAnEvaluationToShow)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "T", "--host", "FI", "--entity", "E",
      "--draft"});
  fails({"score", "summary", "DRAFTY"}, 1,
        "EUROHPC-2024-CEI-AI-01/DRAFTY is draft: only a submitted proposal is "
        "evaluated",
        k_after);
  fails({"score", "list", "DRAFTY"}, 1, "is draft: only a submitted proposal is evaluated", k_after);
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged"});
  fails({"score", "summary", "MIMER"}, 1, "is withdrawn", k_after);
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(ScoreCliTest, HistoryListsEveryVersionOfEachExpertsScoresTheReplacedOnesToo)
{
  score("BSC-AIF", "Luca", "4", "4", "4");
  score("BSC-AIF", "Marie", "5", "4.5", "4");
  ok({"score", "add", "BSC-AIF", "--expert", "Luca", "excellence=3.5", "impact=4", "implementation=4", "--comment",
      "Revised"},
     "2024-11-06T09:00:00Z");
  const auto rows = json::parse(ok({"score", "history", "BSC-AIF", "--format", "json"}, k_after));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].dump(), R"({"call":"EUROHPC-2024-CEI-AI-01","acronym":"BSC-AIF","cutoff":"2024-11-04",)"
                            R"("expert":"Luca","version":1,"current":false,"set_aside":false,)"
                            R"("recorded_at":"2024-11-04T16:00:01Z","recorded_by":"tester",)"
                            R"("scores":{"excellence":4.0,"impact":4.0,"implementation":4.0},"comment":null})");
  EXPECT_EQ(rows[1].at("version"), 2);
  EXPECT_EQ(rows[1].at("current"), true);
  EXPECT_EQ(rows[1].at("comment"), "Revised");
  EXPECT_EQ(rows[1].at("recorded_at"), "2024-11-06T09:00:00Z");
  EXPECT_EQ(rows[2].at("expert"), "Marie");

  // One expert's; a conflict declared since sets the scores aside, which history says.
  ok({"expert", "conflict", "Marie", "BSC-AIF", "--reason", "Former employee"}, k_after);
  const auto marie = json::parse(ok({"score", "history", "BSC-AIF", "--expert", "marie", "--format", "json"}, k_after));
  ASSERT_EQ(marie.size(), 1u);
  EXPECT_EQ(marie[0].at("set_aside"), true);
  EXPECT_NE(ok({"score", "history", "BSC-AIF", "--expert", "Marie"}, k_after).find("1 (set aside)"), std::string::npos);
  fails({"score", "history", "BSC-AIF", "--expert", "Zoe"}, 1, "no expert 'Zoe'");
  fails({"score", "history", "NOPE"}, 1, "no proposal 'NOPE'");
}

} // namespace
} // namespace cfp::test
