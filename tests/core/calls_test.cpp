// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/audit_repository.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using ::testing::HasSubstr;

constexpr auto k_call = "EUROHPC-2024-CEI-AI-01";


class CallsTest : public ::testing::Test
{
protected:
  core::Session& session() { return m_fixture.session(); }

  domain::Call add_call(const std::string& code = k_call, std::optional<std::string> opens = "2024-09-10")
  {
    return core::add_call(session(), {code, "AI Factories", std::move(opens), "485M"});
  }

  domain::Cutoff add_deadline(const std::string& when, std::optional<std::string> label = std::nullopt,
                              const std::string& code = k_call)
  {
    return core::add_deadline(session(), {code, when, std::move(label)});
  }

  // A submitted proposal of k_call, submitted now.
  domain::Proposal add_proposal(const std::string& acronym)
  {
    core::NewProposal request;
    request.call_code = k_call;
    request.acronym = acronym;
    request.input.title = "AI Factory " + acronym;
    request.input.host = "ES";
    request.input.entity = "BSC";
    request.input.eu_contribution = "1M";
    return core::add_proposal(session(), request).proposal;
  }

  std::int64_t audit_entries() { return m_fixture.audit_entries(); }

  DatabaseFixture m_fixture;
};

// ---- calls ----------------------------------------------------------------------------------

TEST_F(CallsTest, AddCallStoresTheCallWithOpeningAtMidnightBrussels)
{
  const auto call = add_call();
  EXPECT_GT(call.id, 0);
  EXPECT_EQ(call.code, k_call);
  EXPECT_EQ(call.opens_at, utc("2024-09-09T22:00:00Z"));
  EXPECT_EQ(call.budget, 48'500'000'000);

  const auto calls = core::list_calls(session());
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].id, call.id);
  EXPECT_EQ(calls[0].title, "AI Factories");
  EXPECT_EQ(calls[0].opens_at, utc("2024-09-09T22:00:00Z"));
  EXPECT_EQ(calls[0].budget, 48'500'000'000);
}

TEST_F(CallsTest, AddCallWritesOneAuditEntryWithTheCallAsJsonThenOneACriterion)
{
  add_call();
  auto entries = core::list_audit(session(), std::nullopt, 100);
  ASSERT_EQ(entries.size(), 4u) << "the call, then its three standard criteria";
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(entries[i].subject.kind, domain::SubjectKind::criterion);
  }
  entries.erase(entries.begin(), entries.begin() + 3); // newest first: the call's is the last
  EXPECT_EQ(entries[0].action, "add");
  EXPECT_EQ(entries[0].entity, std::string("call ") + k_call);
  EXPECT_EQ(entries[0].actor, "tester");
  EXPECT_EQ(entries[0].command, "cfp test");
  EXPECT_EQ(entries[0].at, utc("2024-10-01T10:00:00Z"));
  EXPECT_EQ(entries[0].subject.kind, domain::SubjectKind::call);
  EXPECT_FALSE(entries[0].before);
  ASSERT_TRUE(entries[0].after);
  const auto after = nlohmann::json::parse(*entries[0].after);
  EXPECT_EQ(after.at("code"), k_call);
  EXPECT_EQ(after.at("opens_at"), "2024-09-09T22:00:00Z");
  EXPECT_EQ(after.at("budget_eur"), "485000000.00");
}

TEST_F(CallsTest, CallWithoutOpeningOrBudgetIsAccepted)
{
  const auto call = core::add_call(session(), {"PLAIN", "Plain call", std::nullopt, std::nullopt});
  EXPECT_FALSE(call.opens_at);
  EXPECT_FALSE(call.budget);
}

TEST_F(CallsTest, DuplicateCallCodeIsRefusedIgnoringCase)
{
  add_call();
  const auto failure = attempt(m_fixture, [&] { add_call("eurohpc-2024-cei-ai-01"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr(k_call));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, InvalidCallValuesAreInvalidInput)
{
  const std::vector<core::NewCall> requests{
      {"BAD CODE", "AI Factories", std::nullopt, std::nullopt},
      {"", "AI Factories", std::nullopt, std::nullopt},
      {"OK", "   ", std::nullopt, std::nullopt},
      {"OK", "AI Factories", "2024-02-30", std::nullopt},
      {"OK", "AI Factories", "soon", std::nullopt},
      {"OK", "AI Factories", std::nullopt, "-5"},
      {"OK", "AI Factories", std::nullopt, "1.005"},
  };
  for (const auto& request : requests) {
    const auto failure = attempt(m_fixture, [&] { core::add_call(session(), request); });
    EXPECT_EQ(failure.kind, ErrorKind::invalid_input) << request.code << " " << request.title;
    EXPECT_TRUE(failure.unchanged);
  }
}

TEST_F(CallsTest, UnknownCallIsNotFound)
{
  const auto failure = attempt(m_fixture, [&] { core::show_call(session(), "NOPE"); });
  EXPECT_EQ(failure.kind, ErrorKind::not_found);
  EXPECT_THAT(failure.message, HasSubstr("NOPE"));
  const auto deadline = attempt(m_fixture, [&] { add_deadline("2025-02-01", std::nullopt, "NOPE"); });
  EXPECT_EQ(deadline.kind, ErrorKind::not_found);
  EXPECT_TRUE(deadline.unchanged);
}

// ---- cut-offs -------------------------------------------------------------------------------

TEST_F(CallsTest, BareDateDeadlineIsSeventeenHundredBrusselsInWinter)
{
  add_call();
  const auto cutoff = add_deadline("2025-02-01");
  EXPECT_EQ(cutoff.closes_at, utc("2025-02-01T16:00:00Z"));
  EXPECT_EQ(domain::format_wall_time(cutoff.wall_time), "2025-02-01T17:00:00");
  EXPECT_EQ(cutoff.zone, "Europe/Brussels");
  EXPECT_EQ(cutoff.label, "2025-02-01");
  EXPECT_EQ(cutoff.call_code, k_call);
}

TEST_F(CallsTest, BareDateDeadlineIsSeventeenHundredBrusselsInSummer)
{
  add_call();
  const auto cutoff = add_deadline("2025-06-02");
  EXPECT_EQ(cutoff.closes_at, utc("2025-06-02T15:00:00Z"));
  EXPECT_EQ(domain::format_wall_time(cutoff.wall_time), "2025-06-02T17:00:00");
}

TEST_F(CallsTest, BareDateDeadlineIsBrusselsEvenWhenTheDisplayZoneIsNot)
{
  DatabaseFixture fixture;
  core::Session tokyo{fixture.database(), fixture.clock(), "tester", "cfp test", *date::locate_zone("Asia/Tokyo")};
  core::add_call(tokyo, {k_call, "AI Factories", std::nullopt, std::nullopt});
  const auto cutoff = core::add_deadline(tokyo, {k_call, "2025-02-01", std::nullopt});
  EXPECT_EQ(cutoff.closes_at, utc("2025-02-01T16:00:00Z"));
  EXPECT_EQ(cutoff.zone, "Europe/Brussels");
}

TEST_F(CallsTest, DeadlineWithATimeOfDayIsReadInTheDisplayZone)
{
  add_call();
  const auto cutoff = add_deadline("2025-02-01 12:30", "noon");
  EXPECT_EQ(cutoff.closes_at, utc("2025-02-01T11:30:00Z"));
  EXPECT_EQ(cutoff.label, "noon");
}

TEST_F(CallsTest, DeadlineInUtcKeepsItsBrusselsWallTime)
{
  add_call();
  const auto cutoff = add_deadline("2025-02-01T16:00:00Z");
  EXPECT_EQ(cutoff.closes_at, utc("2025-02-01T16:00:00Z"));
  EXPECT_EQ(domain::format_wall_time(cutoff.wall_time), "2025-02-01T17:00:00");
  EXPECT_EQ(cutoff.zone, "Europe/Brussels");
  EXPECT_EQ(cutoff.label, "2025-02-01");
}

TEST_F(CallsTest, InvalidDeadlineIsInvalidInput)
{
  add_call();
  for (const std::string when : {"2025-02-30", "tomorrow", "2025-03-30 02:30", "2025-10-26 02:30"}) {
    const auto failure = attempt(m_fixture, [&] { add_deadline(when); });
    EXPECT_EQ(failure.kind, ErrorKind::invalid_input) << when;
    EXPECT_TRUE(failure.unchanged) << when;
  }
  const auto bad_label = attempt(m_fixture, [&] { add_deadline("2025-02-01", " padded "); });
  EXPECT_EQ(bad_label.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(bad_label.unchanged);
}

TEST_F(CallsTest, AddDeadlineWritesExactlyOneAuditEntry)
{
  add_call();
  const auto before = audit_entries();
  add_deadline("2025-02-01", "second");
  EXPECT_EQ(audit_entries(), before + 1);
  const auto entries = core::list_audit(session(), std::nullopt, 1);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "add");
  EXPECT_EQ(entries[0].entity, std::string("cutoff ") + k_call + "/second");
  EXPECT_FALSE(entries[0].before);
  ASSERT_TRUE(entries[0].after);
  const auto after = nlohmann::json::parse(*entries[0].after);
  EXPECT_EQ(after.at("closes_at"), "2025-02-01T16:00:00Z");
  EXPECT_EQ(after.at("legal_wall_time"), "2025-02-01T17:00:00");
  EXPECT_EQ(after.at("legal_zone"), "Europe/Brussels");
}

TEST_F(CallsTest, DuplicateCutoffLabelIsRefusedIgnoringCase)
{
  add_call();
  add_deadline("2025-02-01", "Second");
  const auto failure = attempt(m_fixture, [&] { add_deadline("2025-05-02", "second"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("Second"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, DuplicateCutoffInstantIsRefused)
{
  add_call();
  add_deadline("2025-02-01");
  // The same instant written another way, under another label.
  const auto failure = attempt(m_fixture, [&] { add_deadline("2025-02-01T17:00:00+01:00", "again"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2025-02-01 17:00:00 CET"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, CutoffBeforeTheCallOpensIsRefused)
{
  add_call();
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-09-09"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2024-09-10 00:00:00 CEST"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, CutoffAtTheOpeningInstantIsRefused)
{
  add_call();
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-09-09T22:00:00Z"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_TRUE(failure.unchanged);
  EXPECT_NO_THROW(add_deadline("2024-09-09T22:00:01Z"));
  const auto deadlines = core::list_deadlines(session(), {std::string(k_call)}, core::DeadlineSet::all);
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].cutoff.closes_at, utc("2024-09-09T22:00:01Z"));
}

TEST_F(CallsTest, CutoffThatWouldMoveSubmittedProposalsIsRefused)
{
  add_call();
  add_deadline("2025-02-01");
  add_proposal("BSC-AIF"); // submitted on 2024-10-01, to the 2025-02-01 cut-off
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-11-04"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("BSC-AIF"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, CutoffThatWouldMoveWithdrawnProposalsIsRefused)
{
  add_call();
  add_deadline("2025-02-01");
  add_proposal("BSC-AIF");
  core::withdraw_proposal(session(), "BSC-AIF", "no co-funding");
  const auto failure = attempt(m_fixture, [&] { add_deadline("2024-11-04"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("BSC-AIF"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(CallsTest, CutoffThatMovesNoSubmittedProposalIsAccepted)
{
  add_call();
  add_deadline("2024-11-04");
  add_proposal("BSC-AIF"); // to 2024-11-04
  EXPECT_NO_THROW(add_deadline("2025-02-01"));
  // Before the submission: the proposal was late for it, so it stays where it is.
  EXPECT_NO_THROW(add_deadline("2024-09-30"));
  EXPECT_EQ(core::show_proposal(session(), "BSC-AIF").cutoff_label, "2024-11-04");
  std::vector<std::string> labels;
  for (const auto& deadline : core::list_deadlines(session(), {std::string(k_call)}, core::DeadlineSet::all)) {
    labels.push_back(deadline.cutoff.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"2024-09-30", "2024-11-04", "2025-02-01"}));
}

TEST_F(CallsTest, CutoffThatMovesOnlyDraftsIsAccepted)
{
  add_call();
  add_deadline("2025-02-01");
  core::NewProposal draft;
  draft.call_code = k_call;
  draft.acronym = "DRAFT";
  draft.input.title = "Draft";
  draft.input.host = "ES";
  draft.input.entity = "BSC";
  draft.draft = true;
  core::add_proposal(session(), draft);
  EXPECT_NO_THROW(add_deadline("2024-11-04"));
  std::vector<std::string> labels;
  for (const auto& deadline : core::list_deadlines(session(), {std::string(k_call)}, core::DeadlineSet::all)) {
    labels.push_back(deadline.cutoff.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"2024-11-04", "2025-02-01"}));
  const auto stored = core::show_proposal(session(), "DRAFT");
  EXPECT_EQ(stored.status, domain::ProposalStatus::draft);
  EXPECT_FALSE(stored.cutoff_label);
}

TEST_F(CallsTest, DeadlinesAreListedByClosingTimeWithWhetherTheyAreOpen)
{
  add_call();
  add_deadline("2025-02-01");
  add_deadline("2024-11-04");
  m_fixture.clock().set(utc("2024-11-04T16:00:01Z"));

  const auto all = core::list_deadlines(session(), {std::string(k_call)}, core::DeadlineSet::all);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].cutoff.label, "2024-11-04");
  EXPECT_FALSE(all[0].open);
  EXPECT_EQ(all[1].cutoff.label, "2025-02-01");
  EXPECT_TRUE(all[1].open);

  const auto open = core::list_deadlines(session(), {}, core::DeadlineSet::open_only);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].cutoff.label, "2025-02-01");

  m_fixture.clock().set(utc("2024-11-04T16:00:00Z"));
  EXPECT_EQ(core::list_deadlines(session(), {}, core::DeadlineSet::open_only).size(), 2u);
}

TEST_F(CallsTest, ShowCallGivesCutoffsAndProposalsByStatus)
{
  add_call();
  add_deadline("2025-02-01");
  add_deadline("2024-11-04");
  add_proposal("ONE");
  add_proposal("TWO");
  core::withdraw_proposal(session(), "TWO", "merged into ONE");

  const auto details = core::show_call(session(), "eurohpc-2024-cei-ai-01");
  EXPECT_EQ(details.call.code, k_call);
  ASSERT_EQ(details.cutoffs.size(), 2u);
  EXPECT_EQ(details.cutoffs[0].label, "2024-11-04");
  EXPECT_EQ(details.cutoffs[1].label, "2025-02-01");
  EXPECT_EQ(details.proposals_by_status,
            (std::vector<std::pair<domain::ProposalStatus, int>>{{domain::ProposalStatus::submitted, 1},
                                                                 {domain::ProposalStatus::withdrawn, 1}}));
}

} // namespace
} // namespace cfp::test
