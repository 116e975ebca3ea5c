// SPDX-License-Identifier: EUPL-1.2
// `cfp rank CALL [--cutoff] [--budget] [--min-experts] [--apply]`: thresholds per criterion and
// overall, weights that order but never decide a threshold, every tie-break, the funding line,
// incomplete proposals, and the outcomes --apply records.

#include "cli/import_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

constexpr auto k_after = "2024-11-04T16:00:01Z";

class RankTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    for (const char* expert : {"Ella", "Frans", "Greta"}) {
      ok({"expert", "add", expert, "--state", "FI"});
    }
  }

  void add(const std::string& acronym, const std::string& eu, const std::string& submitted = "2024-10-02T10:00:00Z")
  {
    ok({"proposal", "add", "--call", k_call, "--acronym", acronym, "--title", "T", "--host", "DE", "--entity",
        "Entity " + acronym, "--eu-contribution", eu},
       submitted);
  }

  void score(const std::string& ref, const std::string& excellence, const std::string& impact,
             const std::string& implementation, const std::string& expert = "Ella")
  {
    ok({"score", "add", ref, "--expert", expert, "excellence=" + excellence, "impact=" + impact,
        "implementation=" + implementation},
       k_after);
  }

  /// "rank acronym status reason" of each row of `cfp rank CALL ARGS...`, from its JSON.
  std::vector<std::string> ranked(std::vector<std::string> args = {"--min-experts", "1"})
  {
    std::vector<std::string> command{"rank", k_call, "--format", "json"};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::string> rows;
    for (const auto& row : json::parse(ok(command, k_after))) {
      rows.push_back((row.at("rank").is_null() ? std::string("-") : row.at("rank").dump()) + " " +
                     row.at("acronym").get<std::string>() + " " + row.at("status").get<std::string>() +
                     (row.at("reason").is_null() ? "" : " | " + row.at("reason").get<std::string>()));
    }
    return rows;
  }
};

TEST_F(RankTest, EachCriterionsThresholdAndTheOverallOneDecide)
{
  score("BSC-AIF", "4", "4", "4");
  score("MIMER", "4", "2.5", "4");
  add("LOW", "1M");
  score("LOW", "3", "3.5", "3");
  EXPECT_EQ(ranked(), (std::vector<std::string>{"1 BSC-AIF funded", "- MIMER below_threshold | impact 2.5 < 3.0",
                                                "- LOW below_threshold | total 9.5 < 10.0"}));
  // Exactly at a threshold passes.
  add("EDGE", "1M");
  score("EDGE", "3", "3", "4");
  EXPECT_EQ(ranked()[1], "2 EDGE funded");
}

TEST_F(RankTest, WeightsOrderButNeverDecideAThreshold)
{
  ok({"criterion", "set", k_call, "impact", "--weight", "2"});
  score("BSC-AIF", "5", "3.5", "3.5"); // 12 points; weighted 5 + 7 + 3.5 = 15.5
  score("MIMER", "3.5", "5", "3.5");   // 12 points; weighted 3.5 + 10 + 3.5 = 17
  add("HEAVY", "1M");
  score("HEAVY", "5", "2.5", "5"); // weighted 5 + 5 + 5 = 15, but impact misses its threshold
  const auto rows = json::parse(ok({"rank", k_call, "--min-experts", "1", "--format", "json"}, k_after));
  EXPECT_EQ(rows[0].at("acronym"), "MIMER");
  EXPECT_EQ(rows[0].at("weighted_total").dump(), "17.0");
  EXPECT_EQ(rows[0].at("total").dump(), "12.0");
  EXPECT_EQ(rows[1].at("acronym"), "BSC-AIF");
  EXPECT_EQ(rows[2].at("acronym"), "HEAVY");
  EXPECT_EQ(rows[2].at("status"), "below_threshold");
  EXPECT_EQ(rows[2].at("reason"), "impact 2.5 < 3.0");
}

TEST_F(RankTest, TiesAreBrokenByEachCriterionThenSubmissionThenAcronym)
{
  // Same weighted total (12) for all; BSC-AIF and MIMER were submitted on 2024-10-01.
  score("BSC-AIF", "4", "4", "4");
  score("MIMER", "4.5", "3.5", "4");
  add("LATER", "1M", "2024-10-05T10:00:00Z");
  score("LATER", "4", "4", "4");
  add("ALPHA", "1M", "2024-10-05T10:00:00Z");
  score("ALPHA", "4", "4", "4");
  add("BETA", "1M", "2024-10-05T10:00:00Z");
  score("BETA", "4", "4.5", "3.5");
  EXPECT_EQ(ranked(), (std::vector<std::string>{
                          "1 MIMER funded",
                          "2 BETA funded | excellence 4.0 < 4.5",
                          "3 BSC-AIF funded | impact 4.0 < 4.5",
                          "4 ALPHA funded | submitted later: 2024-10-05T10:00:00Z > 2024-10-01T10:00:00Z",
                          "5 LATER funded | acronym LATER after ALPHA",
                      }));
}

TEST_F(RankTest, TheFundingLineFundsWhatFitsExactlyAndNotACentMore)
{
  score("BSC-AIF", "5", "5", "5"); // 31M requested
  add("SECOND", "31M");
  score("SECOND", "4", "4", "4");
  add("THIRD", "1M");
  score("THIRD", "3.5", "3.5", "3.5");
  EXPECT_EQ(ranked({"--min-experts", "1", "--budget", "62000000.00"}),
            (std::vector<std::string>{"1 BSC-AIF funded", "2 SECOND funded",
                                      "3 THIRD reserve | over the budget: 63000000.00 > 62000000.00",
                                      "- MIMER incomplete | excellence: 0 experts, fewer than 1"}));
  EXPECT_EQ(
      ranked({"--min-experts", "1", "--budget", "61999999.99"}),
      (std::vector<std::string>{"1 BSC-AIF funded", "2 SECOND reserve | over the budget: 62000000.00 > 61999999.99",
                                "3 THIRD reserve", "- MIMER incomplete | excellence: 0 experts, fewer than 1"}));
  const auto rows = json::parse(ok({"rank", k_call, "--min-experts", "1", "--format", "json"}, k_after));
  EXPECT_EQ(rows[1].at("cumulative_eur"), "62000000.00");
  EXPECT_EQ(rows[1].at("eu_contribution_eur"), "31000000.00");
  // Without a budget, on the command line or the call, what passes is passing.
  ok({"call", "add", "NO-BUDGET", "--title", "T"}, "2024-09-01T09:00:00Z");
  ok({"deadline", "add", "NO-BUDGET", "2024-11-04"}, "2024-09-01T09:00:00Z");
  ok({"proposal", "add", "--call", "NO-BUDGET", "--acronym", "P", "--title", "T", "--host", "DE", "--entity", "E",
      "--eu-contribution", "0"});
  ok({"score", "add", "NO-BUDGET/P", "--expert", "Ella", "excellence=4", "impact=4", "implementation=4"}, k_after);
  const auto unbudgeted = json::parse(ok({"rank", "NO-BUDGET", "--min-experts", "1", "--format", "json"}, k_after));
  EXPECT_EQ(unbudgeted.at(0).at("status"), "passing");
}

TEST_F(RankTest, AProposalWithTooFewExpertsIsIncompleteAndBlocksApply)
{
  score("BSC-AIF", "4", "4", "4");
  score("BSC-AIF", "4", "4", "4", "Frans");
  score("BSC-AIF", "4", "4", "4", "Greta");
  score("MIMER", "4", "4", "4");
  EXPECT_EQ(ranked({}),
            (std::vector<std::string>{"1 BSC-AIF funded", "- MIMER incomplete | excellence: 1 expert, fewer than 3"}));
  fails({"rank", k_call, "--apply"}, 1,
        "cannot apply the ranking of call EUROHPC-2024-CEI-AI-01: a proposal is incomplete (MIMER); score it first, "
        "or rank with a lower --min-experts",
        k_after);
}

TEST_F(RankTest, ApplyRecordsEachOutcomeOnceWithAnAuditEntry)
{
  score("BSC-AIF", "5", "5", "5");
  score("MIMER", "4", "2", "4");
  add("THIRD", "1.5bn");
  score("THIRD", "4", "4", "4");
  const auto applied = cfp({"rank", k_call, "--min-experts", "1", "--apply"}, k_after);
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.err.find("1 funded, 1 reserve, 0 passing, 1 below a threshold, 0 incomplete; budget "
                             "1,500,000,000.00 EUR; 3 outcomes recorded"),
            std::string::npos)
      << applied.err;
  EXPECT_NE(ok({"proposal", "show", "BSC-AIF"}).find("outcome:               selected\n"), std::string::npos);
  EXPECT_EQ(json::parse(ok({"proposal", "show", "MIMER", "--format", "json"})).at("outcome"), "rejected");
  EXPECT_EQ(json::parse(ok({"proposal", "list", "--outcome", "reserve", "--format", "json"})).at(0).at("acronym"),
            "THIRD");
  const auto entry = json::parse(ok({"log", "--ref", "MIMER", "--limit", "1", "--format", "json"})).at(0);
  EXPECT_EQ(entry.at("action"), "set outcome");
  EXPECT_EQ(entry.at("before").dump(), R"({"outcome":null})");
  EXPECT_EQ(entry.at("after").dump(), R"({"outcome":"rejected"})");
  // Applying the same ranking again records nothing new, and says so.
  const auto before = dump_database(m_db);
  const auto again = cfp({"rank", k_call, "--min-experts", "1", "--apply"}, k_after);
  EXPECT_NE(again.err.find("; outcomes unchanged"), std::string::npos) << again.err;
  EXPECT_EQ(dump_database(m_db), before);
  // The outcome is no version's: history does not show it.
  EXPECT_FALSE(json::parse(ok({"proposal", "history", "MIMER", "--format", "json"})).at(0).contains("outcome"));
  fails({"proposal", "list", "--outcome", "funded"}, 65, "'funded' is not an outcome");
}

TEST_F(RankTest, OnlyProposalsWhoseCutOffHasPassedAreConsideredAndTheCutOffCanBeChosen)
{
  score("BSC-AIF", "4", "4", "4");
  add("NEXT", "1M", "2024-12-01T10:00:00Z"); // in the cut-off of 2025-02-01
  EXPECT_EQ(ranked(),
            (std::vector<std::string>{"1 BSC-AIF funded", "- MIMER incomplete | excellence: 0 experts, fewer than 1"}));
  EXPECT_EQ(json::parse(ok({"rank", k_call, "--min-experts", "1", "--cutoff", "2025-02-01", "--format", "json"},
                           "2025-02-01T16:00:01Z"))
                .at(0)
                .at("acronym"),
            "NEXT");
  fails({"rank", k_call, "--cutoff", "June"}, 1, "call EUROHPC-2024-CEI-AI-01 has no cut-off labelled 'June'", k_after);
  fails({"rank", k_call, "--min-experts", "0"}, 65, "--min-experts '0': give a number of experts from 1 to 100",
        k_after);
  fails({"rank", k_call, "--budget", "lots"}, 65, "--budget", k_after);
  fails({"rank", "NOPE"}, 1, "no call 'NOPE'", k_after);
}

TEST_F(RankTest, ContributionsTooLargeToAddUpAreRefusedRatherThanWrapped)
{
  add("HUGE-A", "50_000_000_000_000_000");
  add("HUGE-B", "50_000_000_000_000_000");
  score("HUGE-A", "5", "5", "5");
  score("HUGE-B", "4", "4", "4");
  fails({"rank", k_call, "--min-experts", "1"}, 1,
        "the EU contributions requested in call EUROHPC-2024-CEI-AI-01 add up to more than cfp can count", k_after);
}

TEST_F(RankTest, ABudgetLineAfterATieSaysBothAndTheCutOffIsNamedAsStored)
{
  add("TWIN-A", "20M", "2024-10-05T10:00:00Z");
  add("TWIN-B", "20M", "2024-10-05T10:00:00Z");
  score("TWIN-A", "4", "4", "4");
  score("TWIN-B", "4", "4", "4");
  score("BSC-AIF", "3", "3", "4");
  score("MIMER", "3", "3", "4");
  EXPECT_EQ(ranked({"--min-experts", "1", "--budget", "30M"})[1],
            "2 TWIN-B reserve | acronym TWIN-B after TWIN-A; over the budget: 40000000.00 > 30000000.00");
  const auto result = cfp({"rank", k_call, "--min-experts", "1", "--cutoff", "2024-11-04"}, k_after);
  EXPECT_NE(result.err.find("at cut-off 2024-11-04:"), std::string::npos) << result.err;
}

TEST_F(RankTest, ANewVersionOfAProposalClearsTheOutcomeDecidedOnTheOldOne)
{
  score("BSC-AIF", "4", "4", "4");
  score("MIMER", "4", "4", "4");
  ok({"rank", k_call, "--min-experts", "1", "--apply"}, k_after);
  ASSERT_EQ(json::parse(ok({"proposal", "show", "MIMER", "--format", "json"})).at("outcome"), "selected");
  // Only a clock set back before the cut-off lets the proposal change now; whatever changes
  // it (an update, a withdrawal), the outcome decided on its earlier content goes.
  ok({"proposal", "update", "MIMER", "--title", "MIMER, revised"}, "2024-11-01T10:00:00Z");
  EXPECT_TRUE(json::parse(ok({"proposal", "show", "MIMER", "--format", "json"})).at("outcome").is_null());
  ok({"proposal", "withdraw", "BSC-AIF", "--reason", "Merged"}, "2024-11-01T10:00:00Z");
  EXPECT_TRUE(json::parse(ok({"proposal", "show", "BSC-AIF", "--format", "json"})).at("outcome").is_null());
  EXPECT_EQ(ok({"proposal", "list", "--outcome", "selected", "--format", "csv"}).find("BSC-AIF"), std::string::npos);
}

} // namespace
} // namespace cfp::test


namespace cfp::test {
namespace {

TEST_F(RankTest, TheSummaryGivesWhereTheProposalStandsInItsCutOffAndTheOutcomeOnceRecorded)
{
  const auto summary = [&](const std::string& ref, const std::string& now = k_after) {
    return json::parse(ok({"score", "summary", ref, "--format", "json"}, now));
  };
  // Before its cut-off has passed: no standing.
  const auto early = summary("BSC-AIF", "2024-11-04T16:00:00Z");
  EXPECT_TRUE(early.at("rank").is_null());
  EXPECT_TRUE(early.at("status").is_null());
  EXPECT_EQ(lines_of(ok({"score", "summary", "BSC-AIF"}, "2024-11-04T16:00:00Z")).at(8),
            "rank:                                         not ranked: its cut-off has not passed");

  // Three experts a criterion, as `rank` needs by default; the call's budget draws the line.
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    score("BSC-AIF", "4", "4", "4", expert);
    score("MIMER", "4.5", "4", "4", expert);
  }
  const auto second = summary("BSC-AIF");
  EXPECT_EQ(second.at("rank"), 2);
  EXPECT_EQ(second.at("passing"), 2);
  EXPECT_EQ(second.at("status"), "funded");
  EXPECT_TRUE(second.at("reason").is_null()) << "no tie: the weighted totals differ";
  EXPECT_TRUE(second.at("outcome").is_null());
  EXPECT_EQ(lines_of(ok({"score", "summary", "BSC-AIF"}, k_after)).at(8),
            "rank:                                         2 of 2 passing at cut-off 2024-11-04 (funded within the "
            "call's budget)");

  ok({"rank", k_call, "--apply"}, k_after);
  EXPECT_EQ(summary("BSC-AIF").at("outcome"), "selected");
  EXPECT_EQ(lines_of(ok({"score", "summary", "BSC-AIF"}, k_after)).at(9),
            "outcome:                                      selected");

  // Below a threshold: not ranked, and why.
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    ok({"score", "add", "MIMER", "--expert", expert, "excellence=4", "impact=2.5", "implementation=4"}, k_after);
  }
  const auto below = summary("MIMER");
  EXPECT_TRUE(below.at("rank").is_null());
  EXPECT_EQ(below.at("status"), "below_threshold");
  EXPECT_EQ(below.at("reason"), "impact 2.5 < 3.0");
}

} // namespace
} // namespace cfp::test
