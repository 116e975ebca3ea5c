// SPDX-License-Identifier: EUPL-1.2
// `call update` corrects a call's title, opening or budget, never so that a submission made to
// it falls before its opening or a cut-off before it; `call remove` takes away a call recorded
// by mistake, with its cut-offs and criteria, while no proposal refers to it. Both are audited
// with the whole record.

#include "cli/corrections_fixture.hpp"

namespace cfp::test {
namespace {

using nlohmann::json;

class CallCorrectionsTest : public CorrectionsTest
{
protected:
  json call_json(const std::string& code) { return json::parse(ok({"call", "show", code, "--format", "json"})); }
};

TEST_F(CallCorrectionsTest, UpdateChangesTheValuesGivenSaysWhatChangedAndIsAudited)
{
  const auto result = cfp({"call", "update", k_call, "--title", "AI Factories (hosting)", "--budget", "2bn"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::string(k_call) + "\n");
  EXPECT_EQ(result.err, "changed: title AI Factories -> AI Factories (hosting); budget_eur 1,500,000,000.00 -> "
                        "2,000,000,000.00\nupdated call EUROHPC-2024-CEI-AI-01\n");
  const auto call = call_json(k_call);
  EXPECT_EQ(call.at("title"), "AI Factories (hosting)");
  EXPECT_EQ(call.at("budget_eur"), "2000000000.00");
  EXPECT_EQ(call.at("opens_at"), "2024-09-09T22:00:00Z");

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "update");
  EXPECT_EQ(entry.at("entity"), "call EUROHPC-2024-CEI-AI-01");
  EXPECT_EQ(entry.at("before").at("title"), "AI Factories");
  EXPECT_EQ(entry.at("before").at("budget_eur"), "1500000000.00");
  EXPECT_EQ(entry.at("after").at("title"), "AI Factories (hosting)");
  EXPECT_EQ(entry.at("after").at("budget_eur"), "2000000000.00");
  expect_checks_pass();
}

TEST_F(CallCorrectionsTest, UpdatePrintsTheCallInJson)
{
  const auto call = json::parse(ok({"call", "update", k_call, "--opens", "2024-09-01", "--format", "json"}));
  EXPECT_EQ(call.at("code"), k_call);
  EXPECT_EQ(call.at("opens_at"), "2024-08-31T22:00:00Z");
}

TEST_F(CallCorrectionsTest, UpdateWithTheCurrentValuesSaysUnchangedAndRecordsNothing)
{
  const std::string before = dump_database(m_db);
  const auto result = cfp({"call", "update", k_call, "--title", "AI Factories", "--budget", "1_500_000_000"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "call EUROHPC-2024-CEI-AI-01 unchanged: the values given are the current ones\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(CallCorrectionsTest, UpdateNeedsAnOption)
{
  fails({"call", "update", k_call}, 2,
        "call update needs at least one of --title, --opens, --budget, --required-parts and --document-limit");
}

TEST_F(CallCorrectionsTest, NoneClearsTheOpeningAndTheBudget)
{
  ok({"call", "update", k_other_call, "--opens", "none", "--budget", "NONE"});
  const auto call = call_json(k_other_call);
  EXPECT_TRUE(call.at("opens_at").is_null());
  EXPECT_TRUE(call.at("budget_eur").is_null());
  EXPECT_EQ(last_entry().at("after").at("opens_at"), nullptr);
  expect_checks_pass();
}

TEST_F(CallCorrectionsTest, AnOpeningAfterASubmissionIsRefusedNamingTheProposals)
{
  fails({"call", "update", k_call, "--opens", "2024-10-02"}, 1,
        "cannot open call EUROHPC-2024-CEI-AI-01 at 2024-10-02 00:00:00 CEST (Brussels time): proposals were "
        "submitted to it before then (EUROHPC-2024-CEI-AI-01/BSC-AIF, EUROHPC-2024-CEI-AI-01/MIMER); the opening "
        "may be 2024-10-01 12:00:00 CEST (Brussels time) at the latest");
}

TEST_F(CallCorrectionsTest, AnOpeningAtTheFirstSubmissionIsAccepted)
{
  ok({"call", "update", k_call, "--opens", "2024-10-01T10:00:00Z"});
  EXPECT_EQ(call_json(k_call).at("opens_at"), "2024-10-01T10:00:00Z");
}

TEST_F(CallCorrectionsTest, AnOpeningAfterAnEarlierVersionsSubmissionIsRefused)
{
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "EARLY", "--title", "Early", "--host", "FR", "--entity",
      "E", "--eu-contribution", "1M"},
     "2024-10-01T10:00:00Z");
  ok({"proposal", "update", "EARLY", "--title", "Early, revised"}, "2024-10-20T10:00:00Z");
  fails({"call", "update", k_other_call, "--opens", "2024-10-10"}, 1,
        "proposals were submitted to it before then (EUROHPC-2024-CEI-AI-02/EARLY (version 1))");
  ok({"call", "update", k_other_call, "--opens", "2024-09-30"});
}

TEST_F(CallCorrectionsTest, AnOpeningNotBeforeEveryCutoffIsRefused)
{
  fails({"call", "update", k_other_call, "--opens", "2024-11-04T16:00:00Z"}, 1,
        "cannot open call EUROHPC-2024-CEI-AI-02 at 2024-11-04 17:00:00 CET (Brussels time): its cut-off "
        "'2024-11-04' closes at 2024-11-04 17:00:00 CET (Brussels time), and a call opens before its cut-offs; open "
        "it earlier, or, if no proposal was submitted to that cut-off, move it first with 'cfp deadline update "
        "EUROHPC-2024-CEI-AI-02 \"2024-11-04\" "
        "--when WHEN'");
  ok({"call", "update", k_other_call, "--opens", "2024-11-04T15:59:59Z"});
}

TEST_F(CallCorrectionsTest, ABudgetBelowWhatTheRankingSelectedIsKeptWithAWarning)
{
  // As `rank --apply` records it.
  exec("UPDATE proposal SET outcome = 'selected'");
  const auto result = cfp({"call", "update", k_call, "--budget", "20M"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("warning: the proposals selected by 'cfp rank --apply' request 31,000,000.00 EUR, more "
                            "than the new budget of 20,000,000.00 EUR; run 'cfp rank EUROHPC-2024-CEI-AI-01 --apply' "
                            "again"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(call_json(k_call).at("budget_eur"), "20000000.00");
  const auto enough = cfp({"call", "update", k_call, "--budget", "31M"});
  EXPECT_EQ(enough.err.find("warning"), std::string::npos) << enough.err;
}

TEST_F(CallCorrectionsTest, UpdateRefusesBadValues)
{
  fails({"call", "update", "NO-SUCH-CALL", "--title", "X"}, 1, "no call 'NO-SUCH-CALL'");
  fails({"call", "update", k_call, "--budget", "92233720368547758.08"}, 65, "--budget '92233720368547758.08'");
  fails({"call", "update", k_call, "--budget", "-5"}, 65, "--budget '-5'");
  fails({"call", "update", k_call, "--budget", "1.000"}, 65, "at most two decimals");
  fails({"call", "update", k_call, "--opens", "2025-03-30 02:30"}, 65, "the clocks skip it");
  fails({"call", "update", k_call, "--opens", "2025-02-30"}, 65, "--opens '2025-02-30'");
  fails({"call", "update", k_call, "--opens", "1969-12-31"}, 65, "before 1970");
  fails({"call", "update", k_call, "--title", ""}, 65, "--title: the title must not be empty");
  fails({"call", "update", k_call, "--title", "bell\a"}, 65, "--title: the title contains a control character");
}

TEST_F(CallCorrectionsTest, TheLargestBudgetIsAccepted)
{
  ok({"call", "update", k_call, "--budget", "92233720368547758.07"});
  EXPECT_EQ(call_json(k_call).at("budget_eur"), "92233720368547758.07");
}

TEST_F(CallCorrectionsTest, UpdateDryRunChangesNothing)
{
  const auto err = dry_run({"call", "update", k_call, "--title", "Dry"});
  EXPECT_NE(err.find("changed: title AI Factories -> Dry"), std::string::npos) << err;
}

TEST_F(CallCorrectionsTest, RemoveTakesTheCallWithItsCutoffsAndCriteriaAndTheLogKeepsThem)
{
  ok({"call", "add", "TEST-CALL", "--title", "Test call", "--opens", "2024-09-10", "--budget", "1M"},
     "2024-09-01T09:00:00Z");
  ok({"deadline", "add", "TEST-CALL", "2024-12-01"});
  ok({"deadline", "add", "TEST-CALL", "2025-03-01", "--label", "March"});
  const auto result = cfp({"call", "remove", "test-call"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "TEST-CALL\n");
  EXPECT_EQ(result.err, "removed call TEST-CALL with its 2 cut-offs and 3 criteria; the audit log keeps them ('cfp "
                        "log')\n");
  fails({"call", "show", "TEST-CALL"}, 1, "no call 'TEST-CALL'");
  EXPECT_EQ(ok({"deadline", "list", "--format", "csv"}).find("TEST-CALL"), std::string::npos);
  EXPECT_EQ(query("SELECT count(*) FROM criterion WHERE call_id NOT IN (SELECT id FROM call)"), "0");

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "remove");
  EXPECT_EQ(entry.at("entity"), "call TEST-CALL");
  EXPECT_TRUE(entry.at("after").is_null());
  const auto& before = entry.at("before");
  EXPECT_EQ(before.at("code"), "TEST-CALL");
  EXPECT_EQ(before.at("title"), "Test call");
  EXPECT_EQ(before.at("budget_eur"), "1000000.00");
  EXPECT_EQ(before.at("overall_threshold"), "10.0");
  ASSERT_EQ(before.at("cutoffs").size(), 2u);
  EXPECT_EQ(before.at("cutoffs")[1].at("label"), "March");
  EXPECT_EQ(before.at("cutoffs")[1].at("legal_wall_time"), "2025-03-01T17:00:00");
  ASSERT_EQ(before.at("criteria").size(), 3u);
  EXPECT_EQ(before.at("criteria")[0].at("key"), "excellence");

  // The entries about the call and its cut-offs stay, under the names they had.
  std::vector<std::string> seen;
  for (const auto& earlier : log_json()) {
    seen.push_back(earlier.at("action").get<std::string>() + " " + earlier.at("entity").get<std::string>());
  }
  for (const std::string expected : {"remove call TEST-CALL", "add call TEST-CALL", "add cutoff TEST-CALL/March",
                                     "add cutoff TEST-CALL/2024-12-01"}) {
    EXPECT_NE(std::find(seen.begin(), seen.end(), expected), seen.end()) << expected;
  }
  expect_checks_pass();

  // The code is free again.
  ok({"call", "add", "TEST-CALL", "--title", "Test call, again"});
}

TEST_F(CallCorrectionsTest, RemoveIsRefusedWhileTheCallHasProposals)
{
  fails({"call", "remove", k_call}, 1,
        "cannot remove call EUROHPC-2024-CEI-AI-01: it has 2 proposals (EUROHPC-2024-CEI-AI-01/BSC-AIF "
        "(submitted), EUROHPC-2024-CEI-AI-01/MIMER (submitted)); a call that received submissions stays on record");
}

TEST_F(CallCorrectionsTest, RemoveIsRefusedWhileTheCallHasDraftsAndSaysToDeleteThem)
{
  for (int i = 1; i <= 12; ++i) {
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "D" + std::to_string(100 + i), "--title", "Draft",
        "--host", "FR", "--entity", "E", "--draft"});
  }
  fails({"call", "remove", k_other_call}, 1,
        "cannot remove call EUROHPC-2024-CEI-AI-02: it has 12 proposals (EUROHPC-2024-CEI-AI-02/D101, "
        "EUROHPC-2024-CEI-AI-02/D102, EUROHPC-2024-CEI-AI-02/D103, EUROHPC-2024-CEI-AI-02/D104, "
        "EUROHPC-2024-CEI-AI-02/D105, EUROHPC-2024-CEI-AI-02/D106, EUROHPC-2024-CEI-AI-02/D107, "
        "EUROHPC-2024-CEI-AI-02/D108, EUROHPC-2024-CEI-AI-02/D109, EUROHPC-2024-CEI-AI-02/D110 and 2 more); delete "
        "the drafts first with 'cfp proposal delete REF'");
}

TEST_F(CallCorrectionsTest, RemoveOfAnUnknownCallIsNotFound)
{
  fails({"call", "remove", "NO-SUCH-CALL"}, 1, "no call 'NO-SUCH-CALL'; 'cfp call list' shows the calls");
  fails({"call", "remove", "bad\x1b[31m"}, 1, "no call 'bad\\x1b[31m'");
}

TEST_F(CallCorrectionsTest, RemoveDryRunChangesNothing)
{
  const auto err = dry_run({"call", "remove", k_other_call});
  EXPECT_NE(err.find("removed call EUROHPC-2024-CEI-AI-02 with its 2 cut-offs and 3 criteria"), std::string::npos)
      << err;
}

TEST_F(CallCorrectionsTest, ARemovedCallsIdIsNotGivenToTheNextCall)
{
  ok({"call", "add", "ZZ-LAST", "--title", "Last"});
  const auto id = query("SELECT id FROM call WHERE code = 'ZZ-LAST'");
  ok({"call", "remove", "ZZ-LAST"});
  ok({"call", "add", "ZZ-NEXT", "--title", "Next"});
  EXPECT_NE(query("SELECT id FROM call WHERE code = 'ZZ-NEXT'"), id);
  EXPECT_EQ(query("SELECT count(*) FROM audit WHERE subject_kind = 'call' AND subject_id = " + id), "2");
}

} // namespace
} // namespace cfp::test
