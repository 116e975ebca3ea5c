// SPDX-License-Identifier: EUPL-1.2
// What may change around a cut-off: only a submitted proposal is withdrawn, and a proposal is
// read-only once its cut-off has closed (at the closing instant it is still open).

#include "core/rule_boundaries_fixture.hpp"

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = k_boundary_call;
constexpr auto k_late_call = k_boundary_late_call;

// ---- only a submitted proposal can be withdrawn ----------------------------------------------

TEST_F(RuleBoundariesTest, WithdrawingAWithdrawnProposalIsRefusedAndKeepsTheFirstReason)
{
  add("BSC-AIF");
  core::withdraw_proposal(session(), "BSC-AIF", "waiting for national co-funding");
  now("2024-10-02T10:00:00Z");
  const auto failure =
      attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", "another reason altogether"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("BSC-AIF is withdrawn, not submitted"));
  EXPECT_THAT(failure.message, HasSubstr("only a submitted proposal can be withdrawn"));
  EXPECT_TRUE(failure.unchanged);

  const auto shown = core::show_proposal(session(), "BSC-AIF");
  EXPECT_EQ(shown.status, ProposalStatus::withdrawn);
  EXPECT_EQ(shown.withdrawal_reason, "waiting for national co-funding");
  EXPECT_EQ(shown.version, 2);
  EXPECT_EQ(core::proposal_history(session(), "BSC-AIF").size(), 2u);
}

TEST_F(RuleBoundariesTest, WithdrawingADraftIsRefusedBecauseItIsNotSubmitted)
{
  // The schema would refuse a withdrawn row without a cut-off too; the rule must say why first.
  add_draft("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", "no need"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("BSC-AIF is draft, not submitted"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, WithdrawingAResubmittedProposalIsAccepted)
{
  add("BSC-AIF");
  core::withdraw_proposal(session(), "BSC-AIF", "first");
  core::submit_proposal(session(), "BSC-AIF");
  const auto withdrawn = core::withdraw_proposal(session(), "BSC-AIF", "second").proposal;
  EXPECT_EQ(withdrawn.status, ProposalStatus::withdrawn);
  EXPECT_EQ(withdrawn.withdrawal_reason, "second");
  EXPECT_EQ(withdrawn.version, 4);
}

// ---- a proposal is read-only once its cut-off has closed -------------------------------------

TEST_F(RuleBoundariesTest, UpdateIsAcceptedOneSecondBeforeAndAtTheClosingInstant)
{
  add("ONE");
  add("TWO");
  now("2024-11-04T15:59:59Z");
  EXPECT_EQ(retitle("ONE", "One, revised").proposal.cutoff_label, "2024-11-04");
  now("2024-11-04T16:00:00Z");
  const auto outcome = retitle("TWO", "Two, revised");
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.cutoff_label, "2024-11-04");
  EXPECT_EQ(outcome.proposal.version, 2);
}

TEST_F(RuleBoundariesTest, UpdateOneSecondAfterTheCutoffClosedIsRefusedAndNotMovedToTheNextCutoff)
{
  add("ONE");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { retitle("ONE", "Too late"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("cannot update ONE: ONE belongs to cut-off '2024-11-04', which closed at "
                                         "2024-11-04 17:00:00 CET (Brussels time); it is read-only now"));
  EXPECT_TRUE(failure.unchanged);
  EXPECT_EQ(core::show_proposal(session(), "ONE").cutoff_label, "2024-11-04");
}

TEST_F(RuleBoundariesTest, UpdateOfAWithdrawnProposalAfterItsCutoffClosedIsRefused)
{
  add("ONE");
  core::withdraw_proposal(session(), "ONE", "paused");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { retitle("ONE", "Too late"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("read-only"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, DraftHasNoCutoffAndMayBeUpdatedAfterEveryCutoffClosed)
{
  add_draft("DRAFTY");
  now("2025-02-01T16:00:01Z");
  const auto outcome = retitle("DRAFTY", "Still a draft");
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.status, ProposalStatus::draft);
  EXPECT_EQ(outcome.proposal.version, 2);
}

TEST_F(RuleBoundariesTest, WithdrawalIsAcceptedOneSecondBeforeAndAtTheClosingInstant)
{
  add("ONE");
  add("TWO");
  now("2024-11-04T15:59:59Z");
  EXPECT_EQ(core::withdraw_proposal(session(), "ONE", "paused").proposal.status, ProposalStatus::withdrawn);
  now("2024-11-04T16:00:00Z");
  const auto withdrawn = core::withdraw_proposal(session(), "TWO", "paused").proposal;
  EXPECT_EQ(withdrawn.status, ProposalStatus::withdrawn);
  EXPECT_EQ(withdrawn.cutoff_label, "2024-11-04");
  EXPECT_EQ(withdrawn.version, 2);
}

TEST_F(RuleBoundariesTest, WithdrawalOneSecondAfterTheCutoffClosedIsRefused)
{
  add("ONE");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "ONE", "too late"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("cannot withdraw ONE: ONE belongs to cut-off '2024-11-04', which closed"));
  EXPECT_TRUE(failure.unchanged);
  EXPECT_EQ(core::show_proposal(session(), "ONE").status, ProposalStatus::submitted);
}

TEST_F(RuleBoundariesTest, ResubmissionIsAcceptedOneSecondBeforeAndAtTheClosingInstant)
{
  add("ONE");
  add("TWO");
  core::withdraw_proposal(session(), "ONE", "paused");
  core::withdraw_proposal(session(), "TWO", "paused");
  now("2024-11-04T15:59:59Z");
  EXPECT_EQ(core::submit_proposal(session(), "ONE").proposal.cutoff_label, "2024-11-04");
  now("2024-11-04T16:00:00Z");
  const auto resubmitted = core::submit_proposal(session(), "TWO").proposal;
  EXPECT_EQ(resubmitted.status, ProposalStatus::submitted);
  EXPECT_EQ(resubmitted.cutoff_label, "2024-11-04");
  EXPECT_EQ(resubmitted.version, 3);
}

TEST_F(RuleBoundariesTest, ResubmissionOneSecondAfterTheCutoffClosedIsRefusedAndNotMovedToTheNextCutoff)
{
  add("ONE");
  core::withdraw_proposal(session(), "ONE", "paused");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::submit_proposal(session(), "ONE"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("cannot submit ONE again to cut-off '2024-11-04', which closed"));
  EXPECT_TRUE(failure.unchanged);
  const auto shown = core::show_proposal(session(), "ONE");
  EXPECT_EQ(shown.status, ProposalStatus::withdrawn);
  EXPECT_EQ(shown.cutoff_label, "2024-11-04");
}

} // namespace
} // namespace cfp::test
