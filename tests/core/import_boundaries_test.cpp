// SPDX-License-Identifier: EUPL-1.2
// An import changes an existing proposal now: it may not land it in a cut-off that has closed.

#include "core/rule_boundaries_fixture.hpp"

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = k_boundary_call;
constexpr auto k_late_call = k_boundary_late_call;

// ---- an import changes an existing proposal now --------------------------------------------

constexpr auto k_status_header = "call,acronym,title,host,entity,eu_contribution_eur,status,submitted_at\n";

std::string draft_row(const std::string& submitted_at)
{
  return std::string(k_call) + ",DRAFTY,AI Factory DRAFTY,ES,Barcelona Supercomputing Center,10M,submitted," +
         submitted_at + "\n";
}

TEST_F(RuleBoundariesTest, ImportSubmittingAnExistingDraftBackdatedIntoAClosedCutoffIsInvalid)
{
  add_draft("DRAFTY");
  now("2024-12-01T00:00:00Z");
  core::ImportSummary summary;
  const auto result = attempt(
      m_fixture, [&] { summary = import_csv(std::string(k_status_header) + draft_row("2024-11-01T00:00:00Z")); });
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.unchanged);
  EXPECT_FALSE(summary.written);
  EXPECT_EQ(summary.records, 1u);
  EXPECT_EQ(summary.invalid, 1u);
  EXPECT_EQ(summary.updated, 0u);
  ASSERT_EQ(summary.errors.size(), 1u);
  EXPECT_EQ(summary.errors[0].line, 2u);
  EXPECT_EQ(summary.errors[0].column, "submitted_at");
  EXPECT_EQ(summary.errors[0].message, "2024-11-01T00:00:00Z would place DRAFTY in cut-off '2024-11-04', which "
                                       "closed at 2024-11-04 17:00:00 CET (Brussels time)");
  const auto shown = core::show_proposal(session(), "DRAFTY");
  EXPECT_EQ(shown.status, ProposalStatus::draft);
  EXPECT_EQ(shown.version, 1);
}

TEST_F(RuleBoundariesTest, ImportSubmittingAnExistingDraftAtExactlyAClosedCutoffsInstantIsInvalid)
{
  add_draft("DRAFTY");
  now("2024-12-01T00:00:00Z");
  core::ImportSummary summary;
  const auto result = attempt(
      m_fixture, [&] { summary = import_csv(std::string(k_status_header) + draft_row("2024-11-04T16:00:00Z")); });
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.unchanged);
  EXPECT_EQ(summary.invalid, 1u);
  ASSERT_EQ(summary.errors.size(), 1u);
  EXPECT_EQ(summary.errors[0].column, "submitted_at");
  EXPECT_THAT(summary.errors[0].message, HasSubstr("would place DRAFTY in cut-off '2024-11-04'"));
}

TEST_F(RuleBoundariesTest, ImportSubmittingAnExistingDraftBackdatedIntoAnOpenCutoffIsAccepted)
{
  add_draft("DRAFTY");
  now("2024-12-01T00:00:00Z");
  const auto summary = import_csv(std::string(k_status_header) + draft_row("2024-11-04T16:00:01Z"));
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.invalid, 0u);
  EXPECT_EQ(summary.updated, 1u);
  const auto shown = core::show_proposal(session(), "DRAFTY");
  EXPECT_EQ(shown.status, ProposalStatus::submitted);
  EXPECT_EQ(shown.submitted_at, utc("2024-11-04T16:00:01Z"));
  EXPECT_EQ(shown.cutoff_label, "2025-02-01");
  EXPECT_EQ(shown.version, 2);
}

TEST_F(RuleBoundariesTest, ImportAtExactlyTheClosingInstantMaySubmitAnExistingDraftIntoThatCutoff)
{
  // The cut-off closes at 16:00:00Z inclusive: a change made at that very instant is on time.
  add_draft("DRAFTY");
  now("2024-11-04T16:00:00Z");
  const auto summary = import_csv(std::string(k_status_header) + draft_row("2024-11-01T00:00:00Z"));
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.invalid, 0u) << (summary.errors.empty() ? "" : summary.errors[0].message);
  EXPECT_EQ(summary.updated, 1u);
  const auto shown = core::show_proposal(session(), "DRAFTY");
  EXPECT_EQ(shown.status, ProposalStatus::submitted);
  EXPECT_EQ(shown.cutoff_label, "2024-11-04");
  EXPECT_EQ(shown.submitted_at, utc("2024-11-01T00:00:00Z"));
}

TEST_F(RuleBoundariesTest, ImportMayChangeASubmittedProposalUntilItsCutoffClosesInclusive)
{
  add("ONE");
  add("TWO");
  const std::string header = "call,acronym,title,host,entity\n";
  const auto row = [](const std::string& acronym) {
    return std::string(k_call) + "," + acronym + ",Revised " + acronym + ",ES,Barcelona Supercomputing Center\n";
  };

  now("2024-11-04T16:00:00Z");
  const auto on_time = import_csv(header + row("ONE"));
  EXPECT_TRUE(on_time.written);
  EXPECT_EQ(on_time.updated, 1u);
  const auto one = core::show_proposal(session(), "ONE");
  EXPECT_EQ(one.fields.title, "Revised ONE");
  EXPECT_EQ(one.cutoff_label, "2024-11-04");
  EXPECT_EQ(one.submitted_at, utc("2024-11-04T16:00:00Z"));

  now("2024-11-04T16:00:01Z");
  core::ImportSummary late;
  const auto result = attempt(m_fixture, [&] { late = import_csv(header + row("TWO")); });
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.unchanged);
  EXPECT_EQ(late.invalid, 1u);
  ASSERT_EQ(late.errors.size(), 1u);
  EXPECT_EQ(late.errors[0].line, 2u);
  EXPECT_EQ(late.errors[0].column, "record");
  EXPECT_THAT(late.errors[0].message, HasSubstr("TWO belongs to cut-off '2024-11-04', which closed at 2024-11-04 "
                                                "17:00:00 CET (Brussels time); it is read-only now"));
}

TEST_F(RuleBoundariesTest, ImportMovingASubmittedProposalBackIntoAClosedCutoffIsInvalid)
{
  // Submitted to 2025-02-01 (still open); a backdated submitted_at would put it in 2024-11-04.
  now("2024-11-10T10:00:00Z");
  add("BSC-AIF");
  now("2024-12-01T00:00:00Z");
  core::ImportSummary summary;
  const auto result = attempt(m_fixture, [&] {
    summary = import_csv(std::string(k_status_header) + k_call +
                         ",BSC-AIF,AI Factory BSC-AIF,ES,Barcelona Supercomputing Center,10M,submitted,"
                         "2024-10-01T10:00:00Z\n");
  });
  EXPECT_FALSE(result.kind) << result.message;
  EXPECT_TRUE(result.unchanged);
  EXPECT_EQ(summary.invalid, 1u);
  ASSERT_EQ(summary.errors.size(), 1u);
  EXPECT_EQ(summary.errors[0].line, 2u);
  EXPECT_EQ(summary.errors[0].column, "submitted_at");
  EXPECT_THAT(summary.errors[0].message, HasSubstr("would place BSC-AIF in cut-off '2024-11-04', which closed"));
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").cutoff_label, "2025-02-01");
}

TEST_F(RuleBoundariesTest, ImportOfANewProposalBackdatedIntoAClosedCutoffIsAcceptedAsHistorical)
{
  // Only a change to an existing proposal happens now; a new one records a past submission,
  // when the import is told it brings in the past.
  now("2024-12-01T00:00:00Z");
  const auto summary = import_csv(std::string(k_status_header) + k_call +
                                      ",NEWONE,AI Factory NEWONE,ES,Barcelona Supercomputing Center,10M,submitted,"
                                      "2024-11-01T00:00:00Z\n",
                                  true);
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 1u);
  EXPECT_EQ(core::show_proposal(session(), "NEWONE").cutoff_label, "2024-11-04");
}

} // namespace
} // namespace cfp::test
