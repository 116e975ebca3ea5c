// SPDX-License-Identifier: EUPL-1.2
// `cfp proposal resubmit REF`: a proposal that a closed cut-off did not fund (withdrawn there,
// or rejected by the evaluation) enters the earliest open cut-off as a new version; the earlier
// cut-off keeps it, as it stood there, in its reports and its ranking.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

constexpr auto k_first_closed = "2024-11-04T16:00:01Z"; // the 2024-11-04 cut-off has closed
constexpr auto k_later = "2024-12-01T10:00:00Z";
constexpr auto k_all_closed = "2025-02-01T16:00:01Z";

class ResubmitTest : public CliTest
{
protected:
  json show(const std::string& ref, const std::string& now = k_later)
  {
    return json::parse(ok({"--format", "json", "proposal", "show", ref}, now));
  }

  // MIMER withdrawn from the first cut-off before it closed.
  void withdraw_mimer() { ok({"proposal", "withdraw", "MIMER", "--reason", "co-funding not confirmed"}); }

  // BSC-AIF scored below the threshold and rejected by `rank --apply` at the first cut-off.
  void reject_bsc()
  {
    ok({"expert", "add", "Ella", "--state", "FI"});
    ok({"score", "add", "BSC-AIF", "--expert", "Ella", "excellence=3", "impact=2", "implementation=3"}, k_first_closed);
    withdraw_mimer();
    ok({"rank", k_call, "--min-experts", "1", "--apply"}, k_first_closed);
    ASSERT_EQ(show("BSC-AIF", k_first_closed).at("outcome"), "rejected");
  }
};

TEST_F(ResubmitTest, AWithdrawnProposalEntersTheNextOpenCutoffAsANewVersion)
{
  withdraw_mimer();
  const auto result = cfp({"proposal", "resubmit", "MIMER"}, k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::string(k_call) + "/MIMER\n");
  EXPECT_NE(result.err.find("changed: status withdrawn -> submitted; cutoff 2024-11-04 -> 2025-02-01; submitted_at "
                            "2024-10-01 12:00:00 CEST -> 2024-12-01 11:00:00 CET; withdrawal_reason co-funding not "
                            "confirmed -> (none)\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("receipt: version 3 submitted at 2024-12-01T10:00:00Z"), std::string::npos) << result.err;
  const auto current = show("MIMER");
  EXPECT_EQ(current.at("status"), "submitted");
  EXPECT_EQ(current.at("cutoff"), "2025-02-01");
  EXPECT_EQ(current.at("version"), 3);
  EXPECT_TRUE(current.at("withdrawal_reason").is_null());
  // The history shows both cut-offs.
  const auto history = json::parse(ok({"--format", "json", "proposal", "history", "MIMER"}, k_later));
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[1].at("status"), "withdrawn");
  EXPECT_EQ(history[1].at("cutoff"), "2024-11-04");
  EXPECT_EQ(history[2].at("cutoff"), "2025-02-01");
  // The audit log has it.
  EXPECT_NE(ok({"log", "--ref", "MIMER"}, k_later).find("resubmit"), std::string::npos);
}

TEST_F(ResubmitTest, TheEarlierCutoffStillCountsTheWithdrawal)
{
  withdraw_mimer();
  ok({"proposal", "resubmit", "MIMER"}, k_later);
  const auto rows = json::parse(ok({"--format", "json", "report", "deadlines", "--call", k_call, "--all"}, k_later));
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].at("label"), "2024-11-04");
  EXPECT_EQ(rows[0].at("submitted"), 1); // BSC-AIF
  EXPECT_EQ(rows[0].at("withdrawn"), 1); // MIMER, as it stood there
  EXPECT_EQ(rows[1].at("submitted"), 1); // MIMER now
  EXPECT_EQ(rows[1].at("withdrawn"), 0);
}

TEST_F(ResubmitTest, ARejectedProposalKeepsItsRankingAndScoresAtTheEarlierCutoff)
{
  reject_bsc();
  ok({"proposal", "resubmit", "BSC-AIF"}, k_later);
  const auto current = show("BSC-AIF");
  EXPECT_EQ(current.at("cutoff"), "2025-02-01");
  EXPECT_TRUE(current.at("outcome").is_null()) << "a new round starts without an outcome";
  // The first cut-off's ranking still has it, with its scores there.
  const auto ranking =
      json::parse(ok({"--format", "json", "rank", k_call, "--cutoff", "2024-11-04", "--min-experts", "1"}, k_later));
  ASSERT_EQ(ranking.size(), 1U) << ranking.dump();
  EXPECT_EQ(ranking[0].at("acronym"), "BSC-AIF");
  EXPECT_EQ(ranking[0].at("status"), "below_threshold");
  // Its state report at that cut-off counts it; the new cut-off counts it too.
  for (const auto* label : {"2024-11-04", "2025-02-01"}) {
    const auto states =
        json::parse(ok({"--format", "json", "report", "states", "--call", k_call, "--cutoff", label}, k_later));
    ASSERT_FALSE(states.empty()) << label;
    EXPECT_EQ(states[0].at("code"), "ES") << label;
    EXPECT_EQ(states[0].at("hosted"), 1) << label;
  }
  // Applying the first cut-off's ranking again records the outcome of that round, not of the
  // proposal's current round.
  ok({"rank", k_call, "--cutoff", "2024-11-04", "--min-experts", "1", "--apply"}, k_later);
  EXPECT_TRUE(show("BSC-AIF").at("outcome").is_null());
}

TEST_F(ResubmitTest, OnlyWhatAClosedCutoffDidNotFundCanBeResubmitted)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFT", "--title", "t", "--host", "FI", "--entity", "e",
      "--draft"});
  fails({"proposal", "resubmit", "DRAFT"}, 1, "DRAFT is a draft, never submitted; submit it with", k_later);
  withdraw_mimer();
  fails({"proposal", "resubmit", "MIMER"}, 1,
        "MIMER is withdrawn for cut-off '2024-11-04', which is still open (until 2024-11-04 17:00:00 CET (Brussels "
        "time)); submit it again there with 'cfp proposal submit'");
  fails({"proposal", "resubmit", "BSC-AIF"}, 1, "still open");
  fails({"proposal", "resubmit", "BSC-AIF"}, 1,
        "BSC-AIF is submitted to cut-off '2024-11-04', which closed at 2024-11-04 17:00:00 CET (Brussels time), and "
        "has no outcome yet; it can be resubmitted once 'cfp rank --apply' has rejected it there",
        k_later);
}

TEST_F(ResubmitTest, ASelectedProposalIsNotResubmitted)
{
  ok({"expert", "add", "Ella", "--state", "FI"});
  ok({"score", "add", "BSC-AIF", "--expert", "Ella", "excellence=5", "impact=5", "implementation=5"}, k_first_closed);
  withdraw_mimer();
  ok({"rank", k_call, "--min-experts", "1", "--apply"}, k_first_closed);
  fails({"proposal", "resubmit", "BSC-AIF"}, 1,
        "BSC-AIF was selected at cut-off '2024-11-04'; only a withdrawn or rejected proposal can be resubmitted",
        k_later);
}

TEST_F(ResubmitTest, WithoutAnOpenCutoffItIsRefused)
{
  withdraw_mimer();
  fails({"proposal", "resubmit", "MIMER"}, 1, "no cut-off of call EUROHPC-2024-CEI-AI-01 is open", k_all_closed);
}

TEST_F(ResubmitTest, SubmitOfAWithdrawnProposalAfterItsCutoffPointsToResubmit)
{
  withdraw_mimer();
  fails({"proposal", "submit", "MIMER"}, 1,
        "cannot submit MIMER again to cut-off '2024-11-04', which closed at 2024-11-04 17:00:00 CET (Brussels time); "
        "'cfp proposal resubmit MIMER' enters it into the next open cut-off",
        k_later);
}

TEST_F(ResubmitTest, ADryRunChangesNothing)
{
  withdraw_mimer();
  const auto before = dump_database(m_db);
  const auto result = cfp({"proposal", "resubmit", "MIMER", "--dry-run"}, k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: status withdrawn -> submitted"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(ResubmitTest, AResubmittedProposalCanBeResubmittedAgainAfterItsNextCutoff)
{
  ok({"deadline", "add", k_call, "2025-06-01"}, k_later);
  withdraw_mimer();
  ok({"proposal", "resubmit", "MIMER"}, k_later);
  ok({"proposal", "withdraw", "MIMER", "--reason", "still waiting"}, k_later);
  ok({"proposal", "resubmit", "MIMER"}, k_all_closed);
  EXPECT_EQ(show("MIMER", k_all_closed).at("cutoff"), "2025-06-01");
  const auto rows =
      json::parse(ok({"--format", "json", "report", "deadlines", "--call", k_call, "--all"}, k_all_closed));
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].at("withdrawn"), 1);
  EXPECT_EQ(rows[1].at("withdrawn"), 1);
  EXPECT_EQ(rows[2].at("submitted"), 1);
  EXPECT_EQ(ok({"db", "check"}, k_all_closed).find("problem"), std::string::npos);
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(ResubmitTest, AResubmissionMayCorrectFieldsInTheSameVersion)
{
  // A partner that takes part only from later on keeps a withdrawn proposal from the next
  // cut-off; the resubmission drops it in the same version.
  withdraw_mimer();
  fails({"proposal", "resubmit", "MIMER", "--add-partner", "ZZ"}, 65, "cannot resubmit MIMER: --add-partner: 'ZZ'",
        k_later);
  const auto result = cfp({"proposal", "resubmit", "MIMER", "--add-partner", "FI", "--eu-contribution", "2M"}, k_later);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: partners (none) -> FI; eu_contribution_eur 0.00 -> 2,000,000.00; status "
                            "withdrawn -> submitted"),
            std::string::npos)
      << result.err;
  const auto current = show("MIMER");
  EXPECT_EQ(current.at("partners"), json::parse(R"(["FI"])"));
  EXPECT_EQ(current.at("version"), 3);
}

} // namespace
} // namespace cfp::test
