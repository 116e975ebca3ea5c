// SPDX-License-Identifier: EUPL-1.2
// Updating a proposal: new versions before the cut-off, read-only after it.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using ::testing::HasSubstr;

TEST_F(ProposalsTest, UpdateBeforeTheCutoffCreatesANewVersionThatCounts)
{
  add("BSC-AIF");
  now("2024-11-04T16:00:00Z");
  const auto outcome = retitle("BSC-AIF", "Second title");
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.version, 2);
  EXPECT_EQ(outcome.proposal.submitted_at, utc("2024-11-04T16:00:00Z"));
  EXPECT_EQ(outcome.proposal.cutoff_label, "2024-11-04");

  const auto shown = core::show_proposal(session(), "BSC-AIF");
  EXPECT_EQ(shown.fields.title, "Second title");
  EXPECT_EQ(shown.version, 2);
  EXPECT_EQ(shown.submitted_at, utc("2024-11-04T16:00:00Z"));

  const auto history = core::proposal_history(session(), "BSC-AIF");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].proposal.version, 1);
  EXPECT_EQ(history[0].proposal.fields.title, "AI Factory BSC-AIF");
  EXPECT_EQ(history[0].recorded_at, utc("2024-10-01T10:00:00Z"));
  EXPECT_EQ(history[1].proposal.version, 2);
  EXPECT_EQ(history[1].proposal.fields.title, "Second title");
  EXPECT_EQ(history[1].recorded_at, utc("2024-11-04T16:00:00Z"));
  EXPECT_EQ(history[1].recorded_by, "tester");
}

TEST_F(ProposalsTest, UpdateAfterTheCutoffIsRefusedAsReadOnly)
{
  add("BSC-AIF");
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { retitle("BSC-AIF", "Too late"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("read-only"));
  EXPECT_THAT(failure.message, HasSubstr("2024-11-04 17:00:00 CET"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, UpdateWithIdenticalValuesCreatesNoVersion)
{
  add("BSC-AIF", "ES", {"FR", "PT"});
  core::ProposalInput input;
  input.title = "AI Factory BSC-AIF";
  input.host = "es";
  input.partners = std::vector<std::string>{"pt", "FR"};
  input.sectors = std::vector<std::string>{"health", "space"};
  input.eu_contribution = "61_000_000";
  core::ProposalChange outcome;
  const auto result = attempt(m_fixture, [&] { outcome = core::update_proposal(session(), "BSC-AIF", input); });
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.unchanged);
  EXPECT_FALSE(outcome.changed);
  EXPECT_EQ(outcome.proposal.version, 1);
  EXPECT_EQ(core::proposal_history(session(), "BSC-AIF").size(), 1u);
}

TEST_F(ProposalsTest, UpdateWithoutAnyFieldIsAUsageError)
{
  add("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { core::update_proposal(session(), "BSC-AIF", {}); });
  EXPECT_EQ(failure.kind, ErrorKind::usage);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, UpdateMaySwapTheHostWithAPartner)
{
  add("BSC-AIF", "ES", {"FR"});
  core::ProposalInput input;
  input.host = "FR";
  input.partners = std::vector<std::string>{"ES"};
  const auto outcome = core::update_proposal(session(), "BSC-AIF", input);
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").fields.host, "FR");
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").fields.partners, (std::vector<std::string>{"ES"}));
}

} // namespace
} // namespace cfp::test
