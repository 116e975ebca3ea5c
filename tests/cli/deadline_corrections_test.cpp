// SPDX-License-Identifier: EUPL-1.2
// `deadline update` moves or relabels a cut-off and `deadline remove` takes it away, only while
// nothing is bound to it (no submission of any version, no evaluation) and only so that no
// submission moves to another cut-off. The new instant follows the rules of `deadline add`.

#include "cli/corrections_fixture.hpp"

namespace cfp::test {
namespace {

using nlohmann::json;

class DeadlineCorrectionsTest : public CorrectionsTest
{
protected:
  // The cut-offs of one call, as `deadline list --format json` prints them.
  json cutoffs(const std::string& call)
  {
    return json::parse(ok({"deadline", "list", "--call", call, "--format", "json"}));
  }

  void add_proposal(const std::string& acronym, const std::string& now, bool draft = false)
  {
    std::vector<std::string> args{"proposal",          "add",   "--call", k_other_call, "--acronym", acronym,
                                  "--title",           acronym, "--host", "FR",         "--entity",  "Entity",
                                  "--eu-contribution", "1M"};
    if (draft) {
      args.emplace_back("--draft");
    }
    ok(args, now);
  }
};

TEST_F(DeadlineCorrectionsTest, UpdateMovesAnUnboundCutoffWithItsLegalDefinition)
{
  const auto result = cfp({"deadline", "update", k_other_call, "2025-02-01", "--when", "2025-02-10"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "EUROHPC-2024-CEI-AI-02/2025-02-01\n");
  EXPECT_EQ(result.err, "changed: closes_at 2025-02-01 17:00:00 CET -> 2025-02-10 17:00:00 CET; legal_wall_time "
                        "2025-02-01T17:00:00 -> 2025-02-10T17:00:00\nupdated cut-off '2025-02-01' of call "
                        "EUROHPC-2024-CEI-AI-02: closes 2025-02-10 17:00:00 CET (2025-02-10T16:00:00Z)\n");
  const auto moved = cutoffs(k_other_call).at(1);
  EXPECT_EQ(moved.at("closes_at"), "2025-02-10T16:00:00Z");
  EXPECT_EQ(moved.at("legal_wall_time"), "2025-02-10T17:00:00");
  EXPECT_EQ(moved.at("legal_zone"), "Europe/Brussels");

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "update");
  EXPECT_EQ(entry.at("entity"), "cutoff EUROHPC-2024-CEI-AI-02/2025-02-01");
  EXPECT_EQ(entry.at("before").at("closes_at"), "2025-02-01T16:00:00Z");
  EXPECT_EQ(entry.at("after").at("closes_at"), "2025-02-10T16:00:00Z");
  EXPECT_EQ(entry.at("after").at("legal_wall_time"), "2025-02-10T17:00:00");
  expect_checks_pass();
}

TEST_F(DeadlineCorrectionsTest, AWallTimeIsDefinedInTheDisplayZoneAsDeadlineAddDefinesIt)
{
  ok({"--tz", "UTC", "deadline", "update", k_other_call, "2025-02-01", "--when", "2025-02-10 12:00"});
  const auto moved = cutoffs(k_other_call).at(1);
  EXPECT_EQ(moved.at("closes_at"), "2025-02-10T12:00:00Z");
  EXPECT_EQ(moved.at("legal_wall_time"), "2025-02-10T12:00:00");
  EXPECT_EQ(moved.at("legal_zone"), "UTC");
  EXPECT_EQ(query("SELECT wall_time || ' ' || zone || ' ' || closes_at FROM cutoff WHERE label = '2025-02-01' AND "
                  "call_id = (SELECT id FROM call WHERE code = 'EUROHPC-2024-CEI-AI-02')"),
            "2025-02-10T12:00:00 UTC 2025-02-10T12:00:00Z");
}

TEST_F(DeadlineCorrectionsTest, UpdateRelabelsACutoff)
{
  const auto result =
      cfp({"deadline", "update", k_other_call, "2025-02-01", "--label", "February 2025", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out).at("label"), "February 2025");
  EXPECT_NE(result.err.find("changed: label 2025-02-01 -> February 2025\n"), std::string::npos) << result.err;
  EXPECT_EQ(cutoffs(k_other_call).at(1).at("label"), "February 2025");
  EXPECT_EQ(last_entry().at("entity"), "cutoff EUROHPC-2024-CEI-AI-02/February 2025");
  fails({"deadline", "update", k_other_call, "2025-02-01", "--label", "X"}, 1,
        "call EUROHPC-2024-CEI-AI-02 has no cut-off labelled '2025-02-01'");
  // Only the case of the label may change too.
  ok({"deadline", "update", k_other_call, "february 2025", "--label", "FEBRUARY 2025"});
  EXPECT_EQ(cutoffs(k_other_call).at(1).at("label"), "FEBRUARY 2025");
}

TEST_F(DeadlineCorrectionsTest, UpdateWithTheCurrentValuesSaysUnchangedAndRecordsNothing)
{
  const std::string before = dump_database(m_db);
  const auto result =
      cfp({"deadline", "update", k_call, "2024-11-04", "--when", "2024-11-04", "--label", "2024-11-04"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "cut-off '2024-11-04' of call EUROHPC-2024-CEI-AI-01 unchanged: the values given are the "
                        "current ones\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(DeadlineCorrectionsTest, UpdateNeedsAnOption)
{
  fails({"deadline", "update", k_other_call, "2025-02-01"}, 2, "deadline update needs --when or --label");
}

TEST_F(DeadlineCorrectionsTest, ACutoffWithSubmissionsIsRefusedNamingThem)
{
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"deadline", "update", k_call, "2024-11-04", "--when", "2024-11-05"},
        std::vector<std::string>{"deadline", "update", k_call, "2024-11-04", "--label", "November"},
        std::vector<std::string>{"deadline", "remove", k_call, "2024-11-04"}}) {
    fails(args, 1,
          "proposals were submitted to it (EUROHPC-2024-CEI-AI-01/BSC-AIF, EUROHPC-2024-CEI-AI-01/MIMER); a cut-off "
          "that received submissions (withdrawn ones and earlier versions included) stays as it is; add another "
          "with 'cfp deadline add EUROHPC-2024-CEI-AI-01 WHEN' instead");
  }
}

TEST_F(DeadlineCorrectionsTest, AWithdrawnProposalStillBindsItsCutoff)
{
  add_proposal("GONE", "2024-10-01T10:00:00Z");
  ok({"proposal", "withdraw", "GONE", "--reason", "Changed our minds"}, "2024-10-02T10:00:00Z");
  fails({"deadline", "remove", k_other_call, "2024-11-04"}, 1,
        "cannot remove cut-off '2024-11-04' of call EUROHPC-2024-CEI-AI-02: proposals were submitted to it "
        "(EUROHPC-2024-CEI-AI-02/GONE)");
}

TEST_F(DeadlineCorrectionsTest, AnEarlierVersionSubmittedToTheCutoffBindsIt)
{
  // GONE's current version belongs to 2025-02-01; an earlier one, as an import of another period
  // may have left it, to 2024-11-04.
  add_proposal("LATER", "2024-11-10T10:00:00Z");
  exec("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) "
       "SELECT id, 1, '2024-10-01T10:00:00Z', 'import', json_object('id', id, 'call', 'EUROHPC-2024-CEI-AI-02', "
       "'acronym', 'LATER', 'title', 'LATER', 'host', 'FR', 'partners', json_array(), 'entity', 'Entity', 'plan', "
       "'new', 'experimental_platform', json('false'), 'eu_contribution_eur', '0.00', 'national_contribution_eur', "
       "'0.00', 'sectors', json_array(), 'status', 'submitted', 'cutoff', '2024-11-04', 'cutoff_closes_at', "
       "'2024-11-04T16:00:00Z', 'submitted_at', '2024-10-01T10:00:00Z', 'version', 1, 'withdrawal_reason', NULL) "
       "FROM proposal WHERE acronym = 'LATER'; UPDATE proposal SET version = 2 WHERE acronym = 'LATER'");
  fails({"deadline", "remove", k_other_call, "2024-11-04"}, 1,
        "proposals were submitted to it (EUROHPC-2024-CEI-AI-02/LATER (version 1))", "2024-11-10T10:00:00Z");
}

TEST_F(DeadlineCorrectionsTest, ACutoffWithEvaluationsIsRefused)
{
  // An evaluation at 2024-11-04 of a proposal that belongs elsewhere now, as an import of
  // another period may have left it.
  add_proposal("LATER", "2024-11-10T10:00:00Z");
  exec("INSERT INTO expert (name, name_key, state, created_at) VALUES ('Ana', 'ana', 'PT', '2024-11-01T00:00:00Z');"
       "INSERT INTO evaluation (proposal_id, cutoff_id, expert_id, version, recorded_at, recorded_real_at, "
       "recorded_simulated, recorded_by) SELECT p.id, k.id, e.id, 1, '2024-11-20T10:00:00Z', "
       "'2024-11-20T10:00:00Z', 0, 'x' FROM proposal p JOIN cutoff k ON k.call_id = p.call_id AND k.label = "
       "'2024-11-04' JOIN expert e WHERE p.acronym = 'LATER'");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", "Nov"}, 1,
        "cannot change cut-off '2024-11-04' of call EUROHPC-2024-CEI-AI-02: proposals were evaluated at it",
        "2024-11-10T10:00:00Z");
}

TEST_F(DeadlineCorrectionsTest, AMoveThatWouldTakeSubmissionsFromALaterCutoffIsRefused)
{
  // BSC-AIF and MIMER were submitted on 2024-10-01 to 2024-11-04: 2025-02-01 may not come
  // before that cut-off and after them.
  fails({"deadline", "update", k_call, "2025-02-01", "--when", "2024-10-15"}, 1,
        "cannot change cut-off '2025-02-01' of call EUROHPC-2024-CEI-AI-01: a cut-off at 2024-10-15 17:00:00 CEST "
        "(Brussels time) would take proposals submitted to a later cut-off of "
        "call EUROHPC-2024-CEI-AI-01 (EUROHPC-2024-CEI-AI-01/BSC-AIF, EUROHPC-2024-CEI-AI-01/MIMER); move it before "
        "2024-10-01 12:00:00 CEST (Brussels time), when the first of them was submitted, or after their cut-off");
  ok({"deadline", "update", k_call, "2025-02-01", "--when", "2024-12-15"});
}

TEST_F(DeadlineCorrectionsTest, AMoveIsCheckedAgainstEarlierVersionsToo)
{
  // LATER was submitted on 2024-11-10 to 2025-02-01 (version 1), and again on 2024-12-01.
  add_proposal("LATER", "2024-11-10T10:00:00Z");
  ok({"proposal", "update", "LATER", "--title", "Later, revised"}, "2024-12-01T10:00:00Z");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2024-11-20"}, 1,
        "(EUROHPC-2024-CEI-AI-02/LATER (version 1))", "2024-12-02T10:00:00Z");
  ok({"deadline", "update", k_other_call, "2024-11-04", "--when", "2024-11-05"}, "2024-12-02T10:00:00Z");
}

TEST_F(DeadlineCorrectionsTest, AnOpenCutoffCannotBeMovedToATimeAlreadyPast)
{
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2024-09-30"}, 1,
        "cannot change cut-off '2024-11-04' of call EUROHPC-2024-CEI-AI-02: it is open now (until 2024-11-04 "
        "17:00:00 CET (Brussels time)), and 2024-09-30 17:00:00 CEST (Brussels time) has passed, which would close "
        "it at once; give a later time, or remove it with 'cfp deadline remove EUROHPC-2024-CEI-AI-02 \"2024-11-04\"'");
  // A cut-off already closed may be corrected to another time past.
  ok({"deadline", "update", k_other_call, "2024-11-04", "--when", "2024-11-05"}, "2024-12-01T10:00:00Z");
}

TEST_F(DeadlineCorrectionsTest, UpdateFollowsTheRulesOfDeadlineAdd)
{
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2024-09-09"}, 1,
        "the cut-off 2024-09-09 17:00:00 CEST (Brussels time) is not after the opening of call "
        "EUROHPC-2024-CEI-AI-02");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", "2025-02-01"}, 1,
        "call EUROHPC-2024-CEI-AI-02 has a cut-off labelled '2025-02-01' already (closing 2025-02-01 17:00:00 CET "
        "(Brussels time)); choose another label");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2025-02-01T17:00+01:00"}, 1,
        "call EUROHPC-2024-CEI-AI-02 has a cut-off at 2025-02-01 17:00:00 CET (Brussels time) already ('2025-02-01')");
}

TEST_F(DeadlineCorrectionsTest, UpdateRefusesBadValues)
{
  fails({"deadline", "update", "NO-SUCH-CALL", "2024-11-04", "--label", "X"}, 1, "no call 'NO-SUCH-CALL'");
  fails({"deadline", "update", k_other_call, "no such label", "--label", "X"}, 1,
        "call EUROHPC-2024-CEI-AI-02 has no cut-off labelled 'no such label'; 'cfp deadline list --call "
        "EUROHPC-2024-CEI-AI-02' shows them");
  const std::string label_rule =
      "a cut-off label is 1 to 64 characters of UTF-8 text without control characters or surrounding spaces";
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", ""}, 65, label_rule);
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", " padded"}, 65, label_rule);
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", "tab\there"}, 65, label_rule);
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", std::string(65, 'x')}, 65, label_rule);
  fails({"deadline", "update", k_other_call, "2024-11-04", "--label", "bad\xff"}, 65, label_rule);
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2025-03-30 02:30"}, 65,
        "--when '2025-03-30 02:30': 2025-03-30T02:30:00 does not exist in Europe/Brussels: the clocks skip it");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2025-10-26 02:30"}, 65, "happens twice");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "2025-02-29"}, 65, "--when '2025-02-29'");
  fails({"deadline", "update", k_other_call, "2024-11-04", "--when", "tomorrow"}, 65, "--when 'tomorrow'");
}

TEST_F(DeadlineCorrectionsTest, UpdateDryRunChangesNothing)
{
  const auto err = dry_run({"deadline", "update", k_other_call, "2025-02-01", "--when", "2025-02-10"});
  EXPECT_NE(err.find("changed: closes_at"), std::string::npos) << err;
}

TEST_F(DeadlineCorrectionsTest, RemoveTakesAnUnboundCutoffAndTheLogKeepsIt)
{
  const auto result = cfp({"deadline", "remove", k_other_call, "2025-02-01"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "EUROHPC-2024-CEI-AI-02/2025-02-01\n");
  EXPECT_EQ(result.err, "removed cut-off '2025-02-01' of call EUROHPC-2024-CEI-AI-02 (closing 2025-02-01 17:00:00 "
                        "CET)\n");
  ASSERT_EQ(cutoffs(k_other_call).size(), 1u);
  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "remove");
  EXPECT_EQ(entry.at("entity"), "cutoff EUROHPC-2024-CEI-AI-02/2025-02-01");
  EXPECT_EQ(entry.at("before").at("legal_wall_time"), "2025-02-01T17:00:00");
  EXPECT_TRUE(entry.at("after").is_null());
  EXPECT_EQ(log_json().at(0).at("entity"), "cutoff EUROHPC-2024-CEI-AI-02/2025-02-01");
  expect_checks_pass();
  // Label and instant are free again; the new cut-off gets a new id.
  const auto old_id = query("SELECT max(subject_id) FROM audit WHERE subject_kind = 'cutoff'");
  ok({"deadline", "add", k_other_call, "2025-02-01"});
  EXPECT_NE(query("SELECT max(id) FROM cutoff"), old_id);
}

TEST_F(DeadlineCorrectionsTest, RemovingTheLastOpenCutoffSaysWhichDraftsCannotBeSubmitted)
{
  add_proposal("DRAFTY", "2024-10-01T10:00:00Z", true);
  const auto first = cfp({"deadline", "remove", k_other_call, "2024-11-04"});
  EXPECT_EQ(first.err.find("no open cut-off"), std::string::npos) << first.err;
  const auto last = cfp({"deadline", "remove", k_other_call, "2025-02-01"});
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_NE(last.err.find("call EUROHPC-2024-CEI-AI-02 has no open cut-off left: its 1 draft cannot be submitted "
                          "until one is added ('cfp deadline add EUROHPC-2024-CEI-AI-02 WHEN')"),
            std::string::npos)
      << last.err;
}

TEST_F(DeadlineCorrectionsTest, RemoveRefusesUnknownCutoffs)
{
  fails({"deadline", "remove", "NO-SUCH-CALL", "2024-11-04"}, 1, "no call 'NO-SUCH-CALL'");
  fails({"deadline", "remove", k_other_call, "2024-11-05"}, 1, "has no cut-off labelled '2024-11-05'");
  fails({"deadline", "remove", k_other_call, "\x1b]0;x\a"}, 1, "has no cut-off labelled '\\x1b]0;x\\x07'");
}

TEST_F(DeadlineCorrectionsTest, RemoveDryRunChangesNothing)
{
  dry_run({"deadline", "remove", k_other_call, "2025-02-01"});
}

} // namespace
} // namespace cfp::test
