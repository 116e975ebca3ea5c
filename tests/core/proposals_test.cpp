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

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = "EUROHPC-2024-CEI-AI-01";
constexpr auto k_other_call = "EUROHPC-2025-AIF-02";


std::vector<std::string> refs(const std::vector<domain::Proposal>& proposals)
{
  std::vector<std::string> result;
  for (const auto& proposal : proposals) {
    result.push_back(proposal.call_code + "/" + proposal.acronym);
  }
  return result;
}

// A call that opens on 2024-09-10 (Brussels) with cut-offs on 2024-11-04 and 2025-02-01 at
// 17:00 Brussels (16:00Z both); the clock reads 2024-10-01T10:00:00Z.
class ProposalsTest : public ::testing::Test
{
protected:
  ProposalsTest()
  {
    core::add_call(session(), {k_call, "AI Factories", "2024-09-10", "485M"});
    // Added latest first: the earliest open cut-off must win by time, not by insertion.
    core::add_deadline(session(), {k_call, "2025-02-01", std::nullopt});
    core::add_deadline(session(), {k_call, "2024-11-04", std::nullopt});
  }

  core::Session& session() { return m_fixture.session(); }
  void now(const std::string& instant) { m_fixture.clock().set(utc(instant)); }

  static core::NewProposal request(const std::string& acronym, const std::string& host = "ES",
                                   std::vector<std::string> partners = {}, const std::string& call = k_call)
  {
    core::NewProposal result;
    result.call_code = call;
    result.acronym = acronym;
    result.input.title = "AI Factory " + acronym;
    result.input.host = host;
    result.input.partners = std::move(partners);
    result.input.entity = "Barcelona Supercomputing Center";
    result.input.plan = "upgrade";
    result.input.experimental_platform = true;
    result.input.eu_contribution = "61M";
    result.input.national_contribution = "61_000_000.50";
    result.input.sectors = std::vector<std::string>{"Space", "health"};
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

  std::int64_t audit_entries() { return m_fixture.audit_entries(); }

  // The proposal REF names, read in a transaction of its own.
  domain::Proposal resolve(const std::string& ref)
  {
    return m_fixture.database().read("resolve", [&](const store::Transaction& tx) { return core::resolve_proposal(tx, ref); });
  }

  // The newest audit entry, with its before and after documents parsed.
  struct LastAudit
  {
    domain::AuditEntry entry;
    nlohmann::json before;
    nlohmann::json after;
  };

  LastAudit last_audit()
  {
    const auto entries = core::list_audit(session(), std::nullopt, 1);
    LastAudit last;
    if (entries.empty()) {
      ADD_FAILURE() << "the audit log is empty";
      return last;
    }
    last.entry = entries.front();
    if (last.entry.before) {
      last.before = nlohmann::json::parse(*last.entry.before);
    }
    if (last.entry.after) {
      last.after = nlohmann::json::parse(*last.entry.after);
    }
    return last;
  }

  DatabaseFixture m_fixture;
};

// ---- cut-off assignment ---------------------------------------------------------------------

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

// ---- drafts ---------------------------------------------------------------------------------

TEST_F(ProposalsTest, DraftHasNoCutoffAndIsSubmittedLater)
{
  const auto draft = add_draft("BSC-AIF");
  EXPECT_EQ(draft.status, ProposalStatus::draft);
  EXPECT_FALSE(draft.cutoff_id);
  EXPECT_FALSE(draft.cutoff_label);
  EXPECT_FALSE(draft.submitted_at);

  now("2024-12-01T09:00:00Z");
  const auto submitted = core::submit_proposal(session(), "BSC-AIF");
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

// ---- updates --------------------------------------------------------------------------------

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
  core::UpdateOutcome outcome;
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

// ---- withdrawal -----------------------------------------------------------------------------

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
  const auto withdrawn = core::withdraw_proposal(session(), "BSC-AIF", "waiting for national co-funding");
  EXPECT_EQ(withdrawn.status, ProposalStatus::withdrawn);
  EXPECT_EQ(withdrawn.withdrawal_reason, "waiting for national co-funding");
  EXPECT_EQ(withdrawn.version, 2);

  now("2024-11-04T16:00:00Z");
  const auto resubmitted = core::submit_proposal(session(), "BSC-AIF");
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
  EXPECT_THAT(failure.message, HasSubstr("read-only"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, WithdrawingADraftIsRefused)
{
  add_draft("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { core::withdraw_proposal(session(), "BSC-AIF", "no need"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_TRUE(failure.unchanged);
}

// ---- states ---------------------------------------------------------------------------------

TEST_F(ProposalsTest, HostIsNeverAPartner)
{
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"FR", "es"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("ES"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, HostGivenAsGrIsTheSameStateAsPartnerEl)
{
  const auto failure = attempt(m_fixture, [&] { add("GRNET-AIF", "GR", {"EL"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, UpdateCannotMakeTheHostAPartner)
{
  add("BSC-AIF", "ES", {"FR"});
  core::ProposalInput input;
  input.partners = std::vector<std::string>{"FR", "ES"};
  const auto failure = attempt(m_fixture, [&] { core::update_proposal(session(), "BSC-AIF", input); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, PartnersAreDistinct)
{
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"FR", "fr"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("FR"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, GreeceAsGrIsStoredAsElAndBritainAsGbAsUk)
{
  const auto proposal = add("GRNET-AIF", "gr", {"GB", "at"});
  EXPECT_EQ(proposal.fields.host, "EL");
  EXPECT_EQ(proposal.fields.partners, (std::vector<std::string>{"AT", "UK"}));
  const auto shown = core::show_proposal(session(), "GRNET-AIF");
  EXPECT_EQ(shown.fields.host, "EL");
  EXPECT_EQ(shown.fields.partners, (std::vector<std::string>{"AT", "UK"}));
}

TEST_F(ProposalsTest, UnknownStateIsInvalidInputWithASuggestion)
{
  const auto host = attempt(m_fixture, [&] { add("BSC-AIF", "Spai"); });
  EXPECT_EQ(host.kind, ErrorKind::invalid_input);
  EXPECT_THAT(host.message, HasSubstr("did you mean ES"));
  EXPECT_TRUE(host.unchanged);

  const auto partner = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"Portu"}); });
  EXPECT_EQ(partner.kind, ErrorKind::invalid_input);
  EXPECT_THAT(partner.message, HasSubstr("partner"));
  EXPECT_THAT(partner.message, HasSubstr("PT"));
  EXPECT_TRUE(partner.unchanged);
}

TEST_F(ProposalsTest, StateCannotBeNamedInASubmissionBeforeItJoins)
{
  // Switzerland takes part from 2025-01-01.
  const auto failure = attempt(m_fixture, [&] { add("CSCS-AIF", "CH"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2025-01-01"));
  EXPECT_TRUE(failure.unchanged);

  auto draft = request("CSCS-AIF", "CH");
  draft.draft = true;
  EXPECT_NO_THROW(core::add_proposal(session(), draft));
  now("2025-01-02T10:00:00Z");
  EXPECT_EQ(core::submit_proposal(session(), "CSCS-AIF").cutoff_label, "2025-02-01");
}

// ---- other values ---------------------------------------------------------------------------

TEST_F(ProposalsTest, InvalidFieldValuesAreInvalidInput)
{
  const std::vector<std::function<void(core::NewProposal&)>> breakages{
      [](core::NewProposal& r) { r.acronym = "BSC AIF"; },
      [](core::NewProposal& r) { r.input.title.reset(); },
      [](core::NewProposal& r) { r.input.entity = "  "; },
      [](core::NewProposal& r) { r.input.host.reset(); },
      [](core::NewProposal& r) { r.input.plan = "huge"; },
      [](core::NewProposal& r) { r.input.eu_contribution = "-1"; },
      [](core::NewProposal& r) { r.input.national_contribution = "lots"; },
      [](core::NewProposal& r) { r.input.sectors = std::vector<std::string>{"gardening"}; },
      [](core::NewProposal& r) {
        r.input.sectors = std::vector<std::string>{"health", "Health"};
      },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    auto broken = request("BSC-AIF");
    breakages[i](broken);
    const auto failure = attempt(m_fixture, [&] { core::add_proposal(session(), broken); });
    EXPECT_EQ(failure.kind, ErrorKind::invalid_input) << "breakage " << i << ": " << failure.message;
    EXPECT_TRUE(failure.unchanged) << "breakage " << i;
  }
}

TEST_F(ProposalsTest, EveryBrokenFieldIsReportedAtOnce)
{
  auto broken = request("BSC-AIF", "XX");
  broken.input.plan = "huge";
  broken.input.sectors = std::vector<std::string>{"gardening"};
  const auto failure = attempt(m_fixture, [&] { core::add_proposal(session(), broken); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("XX"));
  EXPECT_THAT(failure.message, HasSubstr("huge"));
  EXPECT_THAT(failure.message, HasSubstr("gardening"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, ProposalForAnUnknownCallIsNotFound)
{
  const auto failure =
      attempt(m_fixture, [&] { core::add_proposal(session(), request("BSC-AIF", "ES", {}, "NO-SUCH-CALL")); });
  EXPECT_EQ(failure.kind, ErrorKind::not_found);
  EXPECT_TRUE(failure.unchanged);
}

// ---- acronyms and references ----------------------------------------------------------------

TEST_F(ProposalsTest, DuplicateAcronymInTheSameCallIsRefusedIgnoringCase)
{
  add("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { add("bsc-aif"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr(k_call));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, SameAcronymIsAllowedInAnotherCall)
{
  core::add_call(session(), {k_other_call, "AI Factories 2", std::nullopt, std::nullopt});
  core::add_deadline(session(), {k_other_call, "2025-02-01", std::nullopt});
  add("BSC-AIF");
  EXPECT_NO_THROW(core::add_proposal(session(), request("bsc-aif", "ES", {}, k_other_call)));
}

TEST_F(ProposalsTest, RefResolvesByIdByCallAndAcronymAndByAcronym)
{
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(resolve(std::to_string(proposal.id)).id, proposal.id);
  EXPECT_EQ(resolve(std::string(k_call) + "/BSC-AIF").id, proposal.id);
  EXPECT_EQ(resolve("eurohpc-2024-cei-ai-01/bsc-aif").id, proposal.id);
  EXPECT_EQ(resolve("BSC-AIF").id, proposal.id);
  EXPECT_EQ(resolve("bsc-aif").id, proposal.id);
}

TEST_F(ProposalsTest, AllDigitAcronymResolvesWhenNoProposalHasThatId)
{
  const auto proposal = add("2025");
  EXPECT_EQ(resolve("2025").id, proposal.id);
  EXPECT_EQ(resolve(std::to_string(proposal.id)).id, proposal.id);
}

TEST_F(ProposalsTest, UnknownRefIsNotFound)
{
  add("BSC-AIF");
  for (const std::string& ref :
       std::vector<std::string>{"999", "NOPE", std::string(k_call) + "/NOPE", "NO-CALL/BSC-AIF"}) {
    const auto failure = attempt(m_fixture, [&] { resolve(ref); });
    EXPECT_EQ(failure.kind, ErrorKind::not_found) << ref;
  }
}

TEST_F(ProposalsTest, AcronymInSeveralCallsIsAmbiguousAndNamesBoth)
{
  core::add_call(session(), {k_other_call, "AI Factories 2", std::nullopt, std::nullopt});
  core::add_deadline(session(), {k_other_call, "2025-02-01", std::nullopt});
  add("BSC-AIF");
  core::add_proposal(session(), request("BSC-AIF", "ES", {}, k_other_call));

  const auto failure = attempt(m_fixture, [&] { retitle("BSC-AIF", "Which one?"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr(std::string(k_call) + "/BSC-AIF"));
  EXPECT_THAT(failure.message, HasSubstr(std::string(k_other_call) + "/BSC-AIF"));
  EXPECT_TRUE(failure.unchanged);
  EXPECT_NO_THROW(retitle(std::string(k_other_call) + "/BSC-AIF", "This one"));
}

// ---- audit ----------------------------------------------------------------------------------

TEST_F(ProposalsTest, AddWritesExactlyOneAuditEntryWithTheProposalAfter)
{
  const auto before = audit_entries();
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(audit_entries(), before + 1);
  const auto last = last_audit();
  EXPECT_EQ(last.entry.action, "add");
  EXPECT_EQ(last.entry.entity, std::string("proposal ") + k_call + "/BSC-AIF");
  EXPECT_EQ(last.entry.subject, (domain::AuditSubject{domain::SubjectKind::proposal, proposal.id}));
  EXPECT_EQ(last.entry.actor, "tester");
  EXPECT_EQ(last.entry.command, "cfp test");
  EXPECT_FALSE(last.entry.before);
  EXPECT_EQ(last.after.at("id"), proposal.id);
  EXPECT_EQ(last.after.at("acronym"), "BSC-AIF");
  EXPECT_EQ(last.after.at("status"), "submitted");
  EXPECT_EQ(last.after.at("cutoff"), "2024-11-04");
  EXPECT_EQ(last.after.at("version"), 1);
}

TEST_F(ProposalsTest, UpdateWritesExactlyOneAuditEntryWithBeforeAndAfter)
{
  add("BSC-AIF");
  const auto before = audit_entries();
  retitle("BSC-AIF", "Second title");
  EXPECT_EQ(audit_entries(), before + 1);
  const auto last = last_audit();
  EXPECT_EQ(last.entry.action, "update");
  EXPECT_EQ(last.before.at("title"), "AI Factory BSC-AIF");
  EXPECT_EQ(last.before.at("version"), 1);
  EXPECT_EQ(last.after.at("title"), "Second title");
  EXPECT_EQ(last.after.at("version"), 2);
}

TEST_F(ProposalsTest, WithdrawAndSubmitEachWriteExactlyOneAuditEntry)
{
  add("BSC-AIF");
  auto count = audit_entries();
  core::withdraw_proposal(session(), "BSC-AIF", "paused");
  EXPECT_EQ(audit_entries(), ++count);
  auto last = last_audit();
  EXPECT_EQ(last.entry.action, "withdraw");
  EXPECT_EQ(last.before.at("status"), "submitted");
  EXPECT_EQ(last.after.at("status"), "withdrawn");
  EXPECT_EQ(last.after.at("withdrawal_reason"), "paused");

  core::submit_proposal(session(), "BSC-AIF");
  EXPECT_EQ(audit_entries(), ++count);
  last = last_audit();
  EXPECT_EQ(last.entry.action, "submit");
  EXPECT_EQ(last.before.at("status"), "withdrawn");
  EXPECT_EQ(last.after.at("status"), "submitted");
  EXPECT_TRUE(last.after.at("withdrawal_reason").is_null());
}

TEST_F(ProposalsTest, AuditOfOneProposalListsOnlyItsEntriesNewestFirst)
{
  add("ONE");
  add("TWO");
  retitle("ONE", "One, again");
  const auto entries = core::list_audit(session(), std::string("ONE"), 10);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(entries[1].action, "add");
  const auto failure = attempt(m_fixture, [&] { core::list_audit(session(), std::nullopt, 0); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
}

// ---- listing --------------------------------------------------------------------------------

TEST_F(ProposalsTest, ListProposalsReadsFiltersAsTyped)
{
  add("ZETA", "ES", {"FR"});
  add("alpha", "gr", {"es"});
  add_draft("beta");

  EXPECT_EQ(refs(core::list_proposals(session(), {})),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/beta",
                                      std::string(k_call) + "/ZETA"}));

  core::ProposalQuery query;
  query.state = "es";
  EXPECT_EQ(refs(core::list_proposals(session(), query)),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/beta",
                                      std::string(k_call) + "/ZETA"}));
  query = {};
  query.host = "GR";
  EXPECT_EQ(refs(core::list_proposals(session(), query)), (std::vector<std::string>{std::string(k_call) + "/alpha"}));
  query = {};
  query.status = "Draft";
  query.call = "eurohpc-2024-cei-ai-01";
  EXPECT_EQ(refs(core::list_proposals(session(), query)), (std::vector<std::string>{std::string(k_call) + "/beta"}));
  query = {};
  query.cutoff = "2024-11-04";
  query.sector = "HEALTH";
  EXPECT_EQ(refs(core::list_proposals(session(), query)),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/ZETA"}));
}

TEST_F(ProposalsTest, ListProposalsRefusesUnknownFilterValues)
{
  core::ProposalQuery status;
  status.status = "accepted";
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), status); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery sector;
  sector.sector = "gardening";
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), sector); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery state;
  state.state = "XX";
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), state); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery call;
  call.call = "NOPE";
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), call); }).kind, ErrorKind::not_found);
  core::ProposalQuery cutoff;
  cutoff.cutoff = "2030-01-01";
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), cutoff); }).kind, ErrorKind::not_found);
}

} // namespace
} // namespace cfp::test
