// SPDX-License-Identifier: EUPL-1.2
// The boundaries of the rules of the core use cases, each pinned from both sides: a new cut-off
// at exactly a submission instant, withdrawing what is not submitted, a cut-off at exactly the
// opening, changes to a proposal around its cut-off, the day a state starts taking part, and an
// import that would submit an existing proposal into a cut-off that has closed.
#include "support/support.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = "EUROHPC-2024-CEI-AI-01";
constexpr auto k_late_call = "EUROHPC-2024-CEI-AI-03";

// A call that opens on 2024-09-10 (Brussels, 2024-09-09T22:00:00Z) with cut-offs on 2024-11-04
// and 2025-02-01 at 17:00 Brussels (16:00Z both); the clock reads 2024-10-01T10:00:00Z.
class RuleBoundariesTest : public ::testing::Test
{
protected:
  RuleBoundariesTest()
  {
    core::add_call(session(), {k_call, "AI Factories", "2024-09-10", "485M"});
    core::add_deadline(session(), {k_call, "2024-11-04", std::nullopt});
    core::add_deadline(session(), {k_call, "2025-02-01", std::nullopt});
  }

  core::Session& session() { return m_fixture.session(); }
  void now(const std::string& instant) { m_fixture.clock().set(utc(instant)); }

  static core::NewProposal request(const std::string& acronym, const std::string& host = "ES",
                                   std::vector<std::string> partners = {})
  {
    core::NewProposal result;
    result.call_code = k_call;
    result.acronym = acronym;
    result.input.title = "AI Factory " + acronym;
    result.input.host = host;
    result.input.partners = std::move(partners);
    result.input.entity = "Barcelona Supercomputing Center";
    return result;
  }

  domain::Proposal add(const std::string& acronym, const std::string& host = "ES",
                       std::vector<std::string> partners = {})
  {
    return core::add_proposal(session(), request(acronym, host, std::move(partners)));
  }

  domain::Proposal add_draft(const std::string& acronym)
  {
    auto draft = request(acronym);
    draft.draft = true;
    return core::add_proposal(session(), draft);
  }

  core::UpdateOutcome retitle(const std::string& ref, const std::string& title)
  {
    core::ProposalInput input;
    input.title = title;
    return core::update_proposal(session(), ref, input);
  }

  domain::Cutoff add_deadline(const std::string& when, const std::string& call = k_call)
  {
    return core::add_deadline(session(), {call, when, std::nullopt});
  }

  // Imports `csv` as the file "proposals.csv".
  core::ImportSummary import_csv(const std::string& csv)
  {
    std::istringstream in(csv);
    core::ImportOptions options;
    options.source_name = "proposals.csv";
    options.format = core::DataFormat::csv;
    return core::import_proposals(session(), in, options);
  }

  DatabaseFixture m_fixture;
};

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
  const auto withdrawn = core::withdraw_proposal(session(), "BSC-AIF", "second");
  EXPECT_EQ(withdrawn.status, ProposalStatus::withdrawn);
  EXPECT_EQ(withdrawn.withdrawal_reason, "second");
  EXPECT_EQ(withdrawn.version, 4);
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
  EXPECT_EQ(core::withdraw_proposal(session(), "ONE", "paused").status, ProposalStatus::withdrawn);
  now("2024-11-04T16:00:00Z");
  const auto withdrawn = core::withdraw_proposal(session(), "TWO", "paused");
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
  EXPECT_EQ(core::submit_proposal(session(), "ONE").cutoff_label, "2024-11-04");
  now("2024-11-04T16:00:00Z");
  const auto resubmitted = core::submit_proposal(session(), "TWO");
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
  EXPECT_THAT(failure.message, HasSubstr("cannot resubmit ONE: ONE belongs to cut-off '2024-11-04', which closed"));
  EXPECT_TRUE(failure.unchanged);
  const auto shown = core::show_proposal(session(), "ONE");
  EXPECT_EQ(shown.status, ProposalStatus::withdrawn);
  EXPECT_EQ(shown.cutoff_label, "2024-11-04");
}

// ---- a state takes part from midnight, Brussels time, of its first day ----------------------

// Switzerland takes part from 2025-01-01: 2024-12-31T23:00:00Z, midnight in Brussels (CET).

TEST_F(RuleBoundariesTest, SwitzerlandAsHostOneSecondBeforeMidnightBrusselsOnNewYearIsRefused)
{
  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { add("CSCS-AIF", "CH"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01; a proposal "
                                         "submitted on 2024-12-31 cannot name it"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, SwitzerlandAsHostAtMidnightBrusselsOnNewYearIsAccepted)
{
  now("2024-12-31T23:00:00Z");
  const auto proposal = add("CSCS-AIF", "CH");
  EXPECT_EQ(proposal.fields.host, "CH");
  EXPECT_EQ(proposal.status, ProposalStatus::submitted);
  EXPECT_EQ(proposal.cutoff_label, "2025-02-01");
}

TEST_F(RuleBoundariesTest, SwitzerlandAsPartnerOneSecondBeforeMidnightBrusselsOnNewYearIsRefused)
{
  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"PT", "CH"}); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, SwitzerlandAsPartnerAtMidnightBrusselsOnNewYearIsAccepted)
{
  now("2024-12-31T23:00:00Z");
  const auto proposal = add("BSC-AIF", "ES", {"PT", "CH"});
  EXPECT_EQ(proposal.fields.partners, (std::vector<std::string>{"CH", "PT"}));
  EXPECT_EQ(proposal.cutoff_label, "2025-02-01");
}

TEST_F(RuleBoundariesTest, AddingSwitzerlandByUpdateFollowsTheSameInstant)
{
  now("2024-12-31T22:00:00Z");
  add("BSC-AIF");
  core::ProposalInput input;
  input.partners = std::vector<std::string>{"CH"};

  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { core::update_proposal(session(), "BSC-AIF", input); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01"));
  EXPECT_TRUE(failure.unchanged);

  now("2024-12-31T23:00:00Z");
  const auto outcome = core::update_proposal(session(), "BSC-AIF", input);
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.fields.partners, (std::vector<std::string>{"CH"}));
}

// ---- an import changes an existing proposal now --------------------------------------------

constexpr auto k_status_header = "call,acronym,title,host,entity,status,submitted_at\n";

std::string draft_row(const std::string& submitted_at)
{
  return std::string(k_call) + ",DRAFTY,AI Factory DRAFTY,ES,Barcelona Supercomputing Center,submitted," +
         submitted_at + "\n";
}

TEST_F(RuleBoundariesTest, ImportSubmittingAnExistingDraftBackdatedIntoAClosedCutoffIsInvalid)
{
  add_draft("DRAFTY");
  now("2024-12-01T00:00:00Z");
  core::ImportSummary summary;
  const auto result =
    attempt(m_fixture, [&] { summary = import_csv(std::string(k_status_header) + draft_row("2024-11-01T00:00:00Z")); });
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
  const auto result =
    attempt(m_fixture, [&] { summary = import_csv(std::string(k_status_header) + draft_row("2024-11-04T16:00:00Z")); });
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
                         ",BSC-AIF,AI Factory BSC-AIF,ES,Barcelona Supercomputing Center,submitted,"
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

TEST_F(RuleBoundariesTest, ImportOfANewProposalBackdatedIntoAClosedCutoffIsAccepted)
{
  // Only a change to an existing proposal happens now; a new one records a past submission.
  now("2024-12-01T00:00:00Z");
  const auto summary = import_csv(std::string(k_status_header) + k_call +
                                  ",NEWONE,AI Factory NEWONE,ES,Barcelona Supercomputing Center,submitted,"
                                  "2024-11-01T00:00:00Z\n");
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 1u);
  EXPECT_EQ(core::show_proposal(session(), "NEWONE").cutoff_label, "2024-11-04");
}

} // namespace
} // namespace cfp::test
