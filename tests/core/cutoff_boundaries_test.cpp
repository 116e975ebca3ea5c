// SPDX-License-Identifier: EUPL-1.2
// Where a new cut-off may close: after the call opens, and not so as to move a proposal already
// submitted.

#include "core/rule_boundaries_fixture.hpp"

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = k_boundary_call;
constexpr auto k_late_call = k_boundary_late_call;

// ---- a new cut-off must not move proposals already submitted ---------------------------------

TEST_F(RuleBoundariesTest, NewCutoffClosingAtExactlyASubmissionInstantIsRefused)
{
  // Submitted at 2024-10-01T10:00:00Z to the 2024-11-04 cut-off. A cut-off closing at that very
  // instant would take it, since a submission at the closing instant is on time.
  add("BSC-AIF");
  now("2024-10-02T08:00:00Z");
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-10-01T10:00:00Z"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("a cut-off at 2024-10-01 12:00:00 CEST (Brussels time) would move proposals"));
  EXPECT_THAT(failure.message, HasSubstr("(BSC-AIF)"));
  EXPECT_TRUE(failure.unchanged);
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").cutoff_label, "2024-11-04");
}

TEST_F(RuleBoundariesTest, NewCutoffClosingOneSecondBeforeASubmissionIsAcceptedAndMovesNothing)
{
  add("BSC-AIF");
  now("2024-10-02T08:00:00Z");
  const auto cutoff = add_deadline("2024-10-01T09:59:59Z");
  EXPECT_EQ(cutoff.closes_at, utc("2024-10-01T09:59:59Z"));
  const auto proposal = core::show_proposal(session(), "BSC-AIF");
  EXPECT_EQ(proposal.cutoff_label, "2024-11-04");
  EXPECT_EQ(proposal.version, 1);
}

TEST_F(RuleBoundariesTest, NewCutoffClosingAtExactlyTheSubmissionInstantOfAWithdrawnProposalIsRefused)
{
  add("BSC-AIF");
  core::withdraw_proposal(session(), "BSC-AIF", "waiting for co-funding");
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-10-01T10:00:00Z"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("(BSC-AIF)"));
  EXPECT_TRUE(failure.unchanged);
}

// ---- a cut-off must close after the call opens -----------------------------------------------

TEST_F(RuleBoundariesTest, CutoffAtExactlyTheOpeningInstantIsRefusedNamingBoth)
{
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-09-09T22:00:00Z"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("the cut-off 2024-09-10 00:00:00 CEST (Brussels time) is not after the "
                                         "opening of call EUROHPC-2024-CEI-AI-01 (2024-09-10 00:00:00 CEST"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, CutoffOneSecondAfterTheOpeningInstantIsAccepted)
{
  const auto cutoff = add_deadline("2024-09-09T22:00:01Z");
  EXPECT_EQ(cutoff.closes_at, utc("2024-09-09T22:00:01Z"));
  EXPECT_EQ(cutoff.label, "2024-09-10");
}

TEST_F(RuleBoundariesTest, CutoffAtAnOpeningWithATimeOfDayIsRefusedAndOneSecondLaterAccepted)
{
  // Opens at 09:30 Brussels (07:30Z): the rule compares instants, not days.
  core::add_call(session(), {k_late_call, "AI Factories 3", "2024-09-10 09:30", std::nullopt});
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-09-10 09:30", k_late_call); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("is not after the opening of call EUROHPC-2024-CEI-AI-03"));
  EXPECT_TRUE(failure.unchanged);

  const auto before = attempt(m_fixture, [&] { add_deadline("2024-09-10T07:29:59Z", k_late_call); });
  EXPECT_EQ(before.kind, ErrorKind::refused);
  EXPECT_TRUE(before.unchanged);

  EXPECT_EQ(add_deadline("2024-09-10T07:30:01Z", k_late_call).closes_at, utc("2024-09-10T07:30:01Z"));
}

} // namespace
} // namespace cfp::test
