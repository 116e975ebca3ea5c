// SPDX-License-Identifier: EUPL-1.2
// Drafts: recorded without a cut-off, submitted later.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

TEST_F(ProposalsTest, DraftHasNoCutoffAndIsSubmittedLater)
{
  const auto draft = add_draft("BSC-AIF");
  EXPECT_EQ(draft.status, ProposalStatus::draft);
  EXPECT_FALSE(draft.cutoff_id);
  EXPECT_FALSE(draft.cutoff_label);
  EXPECT_FALSE(draft.submitted_at);

  now("2024-12-01T09:00:00Z");
  const auto submitted = core::submit_proposal(session(), "BSC-AIF").proposal;
  EXPECT_EQ(submitted.status, ProposalStatus::submitted);
  EXPECT_EQ(submitted.cutoff_label, "2025-02-01");
  EXPECT_EQ(submitted.submitted_at, utc("2024-12-01T09:00:00Z"));
  EXPECT_EQ(submitted.version, 2);
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").status, ProposalStatus::submitted);
}

TEST_F(ProposalsTest, DraftMayBeRecordedBeforeTheCallOpensOrAfterTheLastCutoff)
{
  now("2024-09-01T00:00:00Z");
  EXPECT_EQ(add_draft("EARLY").status, ProposalStatus::draft);
  now("2025-03-01T00:00:00Z");
  EXPECT_EQ(add_draft("LATE").status, ProposalStatus::draft);
}

TEST_F(ProposalsTest, SubmittingADraftAfterTheLastCutoffIsRefused)
{
  add_draft("BSC-AIF");
  now("2025-02-01T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::submit_proposal(session(), "BSC-AIF"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2025-02-01 17:00:00 CET"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, SubmittingASubmittedProposalIsRefused)
{
  add("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { core::submit_proposal(session(), "BSC-AIF"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, UpdatingADraftKeepsItADraft)
{
  add_draft("BSC-AIF");
  const auto outcome = retitle("BSC-AIF", "New title");
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.status, ProposalStatus::draft);
  EXPECT_FALSE(outcome.proposal.cutoff_id);
  EXPECT_EQ(outcome.proposal.version, 2);
}

} // namespace
} // namespace cfp::test
