// SPDX-License-Identifier: EUPL-1.2
// Submitting a proposal: which cut-off it belongs to, and when a submission is refused.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

TEST_F(ProposalsTest, SubmittedProposalStoresEveryFieldAsVersionOne)
{
  const auto proposal = add("BSC-AIF", "ES", {"PT", "fr"});
  EXPECT_GT(proposal.id, 0);
  EXPECT_EQ(proposal.call_code, k_call);
  EXPECT_EQ(proposal.version, 1);
  EXPECT_EQ(proposal.status, ProposalStatus::submitted);

  const auto shown = core::show_proposal(session(), "BSC-AIF");
  EXPECT_EQ(shown.id, proposal.id);
  EXPECT_EQ(shown.fields.host, "ES");
  EXPECT_EQ(shown.fields.partners, (std::vector<std::string>{"FR", "PT"}));
  EXPECT_EQ(shown.fields.plan, domain::Plan::upgrade);
  EXPECT_TRUE(shown.fields.experimental_platform);
  EXPECT_EQ(shown.fields.eu_contribution, 6'100'000'000);
  EXPECT_EQ(shown.fields.national_contribution, 6'100'000'050);
  EXPECT_EQ(shown.fields.sectors, (std::vector<std::string>{"health", "space"}));
  EXPECT_EQ(shown.fields, proposal.fields);
}

TEST_F(ProposalsTest, SubmittedProposalBelongsToTheEarliestOpenCutoff)
{
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(proposal.cutoff_label, "2024-11-04");
  EXPECT_EQ(proposal.cutoff_closes_at, utc("2024-11-04T16:00:00Z"));
  EXPECT_EQ(proposal.submitted_at, utc("2024-10-01T10:00:00Z"));
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").cutoff_label, "2024-11-04");
}

TEST_F(ProposalsTest, SubmissionAtExactlyTheCutoffInstantIsOnTime)
{
  now("2024-11-04T16:00:00Z");
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(proposal.cutoff_label, "2024-11-04");
  EXPECT_EQ(proposal.submitted_at, utc("2024-11-04T16:00:00Z"));
}

TEST_F(ProposalsTest, SubmissionOneSecondAfterACutoffGoesToTheNextCutoff)
{
  now("2024-11-04T16:00:01Z");
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(proposal.cutoff_label, "2025-02-01");
  EXPECT_EQ(proposal.cutoff_closes_at, utc("2025-02-01T16:00:00Z"));
}

TEST_F(ProposalsTest, SubmissionAfterTheLastCutoffIsRefusedNamingItInBrusselsTime)
{
  now("2025-02-01T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2025-02-01 17:00:00 CET"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, SubmissionBeforeTheCallOpensIsRefused)
{
  now("2024-09-09T21:59:59Z");
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2024-09-10 00:00:00 CEST"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, SubmissionAtTheOpeningInstantIsAccepted)
{
  now("2024-09-09T22:00:00Z");
  EXPECT_EQ(add("BSC-AIF").cutoff_label, "2024-11-04");
}

TEST_F(ProposalsTest, SubmissionToACallWithoutCutoffsIsRefused)
{
  core::add_call(session(), {k_other_call, "AI Factories 2", std::nullopt, std::nullopt});
  const auto failure =
      attempt(m_fixture, [&] { core::add_proposal(session(), request("BSC-AIF", "ES", {}, k_other_call)); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("draft"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, ASubmissionConfirmedForACutoffThatClosedMeanwhileIsRefused)
{
  const auto confirmed = core::check_new_proposal(session(), request("LATE-AIF"));
  ASSERT_TRUE(confirmed.problems.empty());
  ASSERT_EQ(confirmed.proposal.cutoff_label, "2024-11-04");
  auto late = request("LATE-AIF");
  late.cutoff_id = confirmed.proposal.cutoff_id;
  now("2024-11-04T16:00:01Z");
  const auto failure = attempt(m_fixture, [&] { core::add_proposal(session(), late); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("the cut-off confirmed has closed meanwhile; it would go to cut-off '2025-02-01'"));
  EXPECT_TRUE(failure.unchanged);
  late.cutoff_id.reset();
  EXPECT_EQ(core::add_proposal(session(), late).proposal.cutoff_label, "2025-02-01");
}

TEST_F(ProposalsTest, CheckingANewProposalNamesEachProblemByFieldAndWritesNothing)
{
  auto bad = request("BAD AIF", "XX", {"YY"});
  bad.input.eu_contribution = "1,5M";
  bad.input.label = [](std::string_view field) { return "--" + std::string(field); }; // not used by the check
  const auto check = core::check_new_proposal(session(), bad);
  std::vector<std::string> fields;
  for (const auto& problem : check.problems) {
    fields.push_back(problem.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"acronym", "host", "partners", "eu_contribution_eur"}));
  EXPECT_TRUE(core::list_proposals(session(), {}).empty());

  now("2025-02-01T16:00:01Z"); // after the last cut-off: the submission as a whole
  const auto closed = core::check_new_proposal(session(), request("OK-AIF"));
  ASSERT_EQ(closed.problems.size(), 1u);
  EXPECT_EQ(closed.problems.front().field, "submission");
  EXPECT_THAT(closed.problems.front().message, HasSubstr("2025-02-01 17:00:00 CET"));
  auto draft = request("OK-AIF");
  draft.draft = true;
  EXPECT_TRUE(core::check_new_proposal(session(), draft).problems.empty());
}

} // namespace
} // namespace cfp::test
