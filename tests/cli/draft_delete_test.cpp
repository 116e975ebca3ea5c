// SPDX-License-Identifier: EUPL-1.2
// `proposal delete` takes away a draft recorded by mistake, with its earlier versions and the
// conflicts of interest declared with it; the audit entry keeps all of them, the acronym is
// free again and the id is never given to another proposal. A submission stays on record.

#include "cli/corrections_fixture.hpp"

namespace cfp::test {
namespace {

using nlohmann::json;

class DraftDeleteTest : public CorrectionsTest
{
protected:
  void SetUp() override
  {
    CorrectionsTest::SetUp();
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "STRAY", "--title", "Stray draft", "--host", "FR",
        "--entity", "Entity", "--draft"});
  }
};

TEST_F(DraftDeleteTest, DeletesADraftWithItsHistoryAndTheAuditEntryKeepsEverything)
{
  ok({"proposal", "update", "STRAY", "--title", "Stray draft, revised"}, "2024-10-02T10:00:00Z");
  ok({"proposal", "update", "STRAY", "--partner", "DE"}, "2024-10-03T10:00:00Z");
  ok({"expert", "add", "Ana Ferreira", "--state", "PT"});
  ok({"expert", "conflict", "Ana Ferreira", "STRAY", "--reason", "Advised the consortium"});
  const auto id = query("SELECT id FROM proposal WHERE acronym = 'STRAY'");

  const auto result = cfp({"proposal", "delete", "EUROHPC-2024-CEI-AI-02/stray"}, "2024-10-04T10:00:00Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "EUROHPC-2024-CEI-AI-02/STRAY\n");
  EXPECT_EQ(result.err, "deleted draft EUROHPC-2024-CEI-AI-02/STRAY (id " + id +
                            ") with its 2 earlier versions and 1 declared conflict of interest; the audit log keeps "
                            "them all ('cfp log')\n");
  fails({"proposal", "show", "STRAY"}, 1, "no proposal 'STRAY'");
  EXPECT_EQ(query("SELECT count(*) FROM proposal_version WHERE proposal_id = " + id), "0");
  EXPECT_EQ(query("SELECT count(*) FROM declared_conflict"), "0");

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "delete");
  EXPECT_EQ(entry.at("entity"), "proposal EUROHPC-2024-CEI-AI-02/STRAY");
  EXPECT_TRUE(entry.at("after").is_null());
  const auto& before = entry.at("before");
  EXPECT_EQ(before.at("title"), "Stray draft, revised");
  EXPECT_EQ(before.at("partners"), json::array({"DE"}));
  EXPECT_EQ(before.at("version"), 3);
  ASSERT_EQ(before.at("versions").size(), 3u);
  EXPECT_EQ(before.at("versions")[0].at("snapshot").at("title"), "Stray draft");
  EXPECT_EQ(before.at("versions")[0].at("recorded_at"), "2024-10-01T10:00:00Z");
  EXPECT_EQ(before.at("versions")[2].at("recorded_at"), "2024-10-03T10:00:00Z");
  EXPECT_EQ(before.at("versions")[2].at("simulated"), true);
  ASSERT_EQ(before.at("declared_conflicts").size(), 1u);
  EXPECT_EQ(before.at("declared_conflicts")[0].at("expert"), "Ana Ferreira");
  EXPECT_EQ(before.at("declared_conflicts")[0].at("reason"), "Advised the consortium");
  expect_checks_pass();
}

TEST_F(DraftDeleteTest, TheAcronymIsFreeAgainAndTheIdIsNotReused)
{
  const auto id = query("SELECT id FROM proposal WHERE acronym = 'STRAY'");
  ok({"proposal", "delete", "STRAY"});
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "STRAY", "--title", "Stray, for real", "--host", "FR",
      "--entity", "Entity", "--draft"});
  const auto new_id = query("SELECT id FROM proposal WHERE acronym = 'STRAY'");
  EXPECT_NE(new_id, id);
  // The new proposal's log holds its own entry only, not the deleted draft's.
  const auto log = json::parse(ok({"log", "--ref", "STRAY", "--format", "json"}));
  ASSERT_EQ(log.size(), 1u) << log.dump(2);
  EXPECT_EQ(log[0].at("action"), "add");
  EXPECT_EQ(log[0].at("after").at("title"), "Stray, for real");
  expect_checks_pass();
}

TEST_F(DraftDeleteTest, DeletePrintsTheDeletedDraftInJson)
{
  const auto id = query("SELECT id FROM proposal WHERE acronym = 'STRAY'");
  const auto result = cfp({"proposal", "delete", "STRAY", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err,
            "deleted draft EUROHPC-2024-CEI-AI-02/STRAY (id " + id + "); the audit log keeps it ('cfp log')\n");
  const auto record = json::parse(result.out);
  EXPECT_EQ(record.at("acronym"), "STRAY");
  EXPECT_EQ(record.at("status"), "draft");
}

TEST_F(DraftDeleteTest, ASubmittedProposalIsRefusedWithWhatToDoInstead)
{
  fails({"proposal", "delete", "BSC-AIF"}, 1,
        "cannot delete EUROHPC-2024-CEI-AI-01/BSC-AIF: it is submitted (to cut-off '2024-11-04'), and a submission "
        "stays on record; withdraw it instead with 'cfp proposal withdraw EUROHPC-2024-CEI-AI-01/BSC-AIF --reason "
        "TEXT'");
  fails({"proposal", "delete", "BSC-AIF"}, 1, "its cut-off has closed, so it stays as submitted",
        "2024-11-04T16:00:01Z");
}

TEST_F(DraftDeleteTest, AWithdrawnProposalIsRefused)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged into another proposal"});
  fails({"proposal", "delete", "MIMER"}, 1,
        "cannot delete EUROHPC-2024-CEI-AI-01/MIMER: it is withdrawn, and a submission stays on record even "
        "withdrawn");
}

TEST_F(DraftDeleteTest, ADraftThatOnceWasSubmittedIsRefused)
{
  // Only a file edited outside cfp can hold such a draft: cfp never takes a submission back.
  exec("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) SELECT id, 1, "
       "'2024-10-01T10:00:00Z', 'x', json_object('id', id, 'call', 'EUROHPC-2024-CEI-AI-02', 'acronym', 'STRAY', "
       "'title', 'T', 'host', 'FR', 'partners', json_array(), 'entity', 'E', 'plan', 'new', 'experimental_platform', "
       "json('false'), 'eu_contribution_eur', '0.00', 'national_contribution_eur', '0.00', 'sectors', json_array(), "
       "'status', 'submitted', 'cutoff', '2024-11-04', 'cutoff_closes_at', '2024-11-04T16:00:00Z', 'submitted_at', "
       "'2024-10-01T10:00:00Z', 'version', 1, 'withdrawal_reason', NULL) FROM proposal WHERE acronym = 'STRAY';"
       "UPDATE proposal SET version = 2 WHERE acronym = 'STRAY'");
  fails({"proposal", "delete", "STRAY"}, 1,
        "cannot delete EUROHPC-2024-CEI-AI-02/STRAY: its version 1 was submitted, and a submission stays on record");
}

TEST_F(DraftDeleteTest, UnknownOrAmbiguousReferencesAreRefused)
{
  fails({"proposal", "delete", "NOPE"}, 1, "no proposal 'NOPE'; 'cfp proposal list' shows the proposals");
  fails({"proposal", "delete", "999"}, 1, "no proposal with id 999");
  ok({"proposal", "add", "--call", k_call, "--acronym", "STRAY", "--title", "Another stray", "--host", "FR", "--entity",
      "Entity", "--draft"});
  fails({"proposal", "delete", "stray"}, 1, "'stray' is an acronym in several calls; name one");
}

TEST_F(DraftDeleteTest, DryRunChangesNothing)
{
  const auto err = dry_run({"proposal", "delete", "STRAY"});
  EXPECT_NE(err.find("deleted draft EUROHPC-2024-CEI-AI-02/STRAY"), std::string::npos) << err;
}

} // namespace
} // namespace cfp::test
