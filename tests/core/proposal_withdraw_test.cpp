// SPDX-License-Identifier: EUPL-1.2
// Withdrawing a proposal and undoing it.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

TEST_F(ProposalsTest, WithdrawalNeedsANonEmptyReason)
{
  add("BSC-AIF");
  for (const std::string reason : {"", "   ", "\t\n"}) {
    const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", reason); });
    EXPECT_EQ(failure.kind, ErrorKind::invalid_input) << "'" << reason << "'";
    EXPECT_TRUE(failure.unchanged);
  }
}

TEST_F(ProposalsTest, WithdrawalCanBeUndoneBySubmittingBeforeTheCutoff)
{
  add("BSC-AIF");
  now("2024-10-02T10:00:00Z");
  const auto withdrawn = core::withdraw_proposal(session(), "BSC-AIF", "waiting for national co-funding").proposal;
  EXPECT_EQ(withdrawn.status, ProposalStatus::withdrawn);
  EXPECT_EQ(withdrawn.withdrawal_reason, "waiting for national co-funding");
  EXPECT_EQ(withdrawn.version, 2);

  now("2024-11-04T16:00:00Z");
  const auto resubmitted = core::submit_proposal(session(), "BSC-AIF").proposal;
  EXPECT_EQ(resubmitted.status, ProposalStatus::submitted);
  EXPECT_FALSE(resubmitted.withdrawal_reason);
  EXPECT_EQ(resubmitted.submitted_at, utc("2024-11-04T16:00:00Z"));
  EXPECT_EQ(resubmitted.cutoff_label, "2024-11-04");
  EXPECT_EQ(resubmitted.version, 3);
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").status, ProposalStatus::submitted);
}

TEST_F(ProposalsTest, WithdrawAfterTheCutoffIsRefused)
{
  add("BSC-AIF");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", "changed our minds"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("read-only"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, ResubmitAfterTheCutoffIsRefused)
{
  add("BSC-AIF");
  core::withdraw_proposal(session(), "BSC-AIF", "changed our minds");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::submit_proposal(session(), "BSC-AIF"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("'cfp proposal resubmit BSC-AIF' enters it into the next open cut-off"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, WithdrawingADraftIsRefused)
{
  add_draft("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", "no need"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_TRUE(failure.unchanged);
}

} // namespace
} // namespace cfp::test
