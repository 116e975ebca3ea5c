// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/domain/call.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/audit_repository.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::Proposal;
using domain::ProposalStatus;

date::local_seconds wall(const std::string& text)
{
  const auto parsed = domain::parse_wall_time(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed ? parsed.value() : date::local_seconds{};
}

domain::Cutoff cutoff(const std::string& label, const std::string& closes_at, const std::string& wall_time)
{
  domain::Cutoff result;
  result.label = label;
  result.closes_at = utc(closes_at);
  result.wall_time = wall(wall_time);
  result.zone = "Europe/Brussels";
  return result;
}

std::vector<std::string> acronyms(const std::vector<Proposal>& proposals)
{
  std::vector<std::string> result;
  for (const auto& proposal : proposals) {
    result.push_back(proposal.call_code + "/" + proposal.acronym);
  }
  return result;
}

class RepositoryTest : public ::testing::Test
{
protected:
  // Runs `body` in one write transaction, whose repositories calls(), proposals() and audit() hand out.
  void in_transaction(const std::function<void()>& body)
  {
    m_fixture.database().write("test", [&](store::Transaction& tx) {
      m_tx = &tx;
      body();
      m_tx = nullptr;
    });
  }

  store::CallRepository& calls() { return m_tx->calls(); }
  store::ProposalRepository& proposals() { return m_tx->proposals(); }
  store::AuditRepository& audit() { return m_tx->audit(); }

  domain::Call make_call(const std::string& code)
  {
    domain::Call call;
    call.code = code;
    call.title = "AI Factories";
    call.id = calls().insert(call, utc("2024-09-01T08:00:00Z"));
    return call;
  }

  // A submitted proposal of `call` for `cutoff_id` (a draft when it has none).
  Proposal make_proposal(const domain::Call& call, const std::string& acronym, const std::string& host,
                         std::vector<std::string> partners, std::vector<std::string> sectors,
                         std::optional<std::int64_t> cutoff_id)
  {
    Proposal proposal;
    proposal.call_code = call.code;
    proposal.acronym = acronym;
    proposal.fields.title = "AI Factory " + acronym;
    proposal.fields.host = host;
    proposal.fields.partners = std::move(partners);
    proposal.fields.entity = "Entity of " + acronym;
    proposal.fields.plan = domain::Plan::upgrade;
    proposal.fields.experimental_platform = true;
    proposal.fields.eu_contribution = 12'345'678'901;
    proposal.fields.national_contribution = 99;
    proposal.fields.sectors = std::move(sectors);
    // ProposalFields keeps partners sorted and sectors in the calls' order; core does this before storing.
    domain::canonicalize(proposal.fields);
    if (cutoff_id) {
      proposal.status = ProposalStatus::submitted;
      proposal.cutoff_id = cutoff_id;
      proposal.submitted_at = utc("2024-10-01T10:00:00Z");
    }
    return proposal;
  }

  DatabaseFixture m_fixture;
  store::Transaction* m_tx = nullptr;
};

// ---- calls and cut-offs ---------------------------------------------------------------------

TEST_F(RepositoryTest, CallRoundTripsWithAndWithoutOptionalFields)
{
  in_transaction([&] {
    domain::Call full;
    full.code = "EUROHPC-2024-CEI-AI-01";
    full.title = "AI Factories";
    full.opens_at = utc("2024-09-09T22:00:00Z");
    full.budget = 48'500'000'000;
    const auto full_id = calls().insert(full, utc("2024-09-01T08:00:00Z"));

    domain::Call bare;
    bare.code = "AAA-01";
    bare.title = "Bare";
    const auto bare_id = calls().insert(bare, utc("2024-09-01T08:00:00Z"));

    const auto found = calls().find("EUROHPC-2024-CEI-AI-01");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, full_id);
    EXPECT_EQ(found->title, "AI Factories");
    EXPECT_EQ(found->opens_at, utc("2024-09-09T22:00:00Z"));
    EXPECT_EQ(found->budget, 48'500'000'000);

    const auto found_bare = calls().find("AAA-01");
    ASSERT_TRUE(found_bare);
    EXPECT_EQ(found_bare->id, bare_id);
    EXPECT_FALSE(found_bare->opens_at);
    EXPECT_FALSE(found_bare->budget);
  });
}

TEST_F(RepositoryTest, CallCodeLookupIgnoresCase)
{
  in_transaction([&] {
    make_call("EUROHPC-2024-CEI-AI-01");
    const auto found = calls().find("eurohpc-2024-cei-ai-01");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code, "EUROHPC-2024-CEI-AI-01");
    EXPECT_FALSE(calls().find("EUROHPC-2024-CEI-AI-02"));
  });
}

TEST_F(RepositoryTest, CallsAreListedByCode)
{
  in_transaction([&] {
    make_call("ZZZ");
    make_call("AAA");
    make_call("MMM");
    std::vector<std::string> codes;
    for (const auto& call : calls().list()) {
      codes.push_back(call.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"AAA", "MMM", "ZZZ"}));
  });
}

TEST_F(RepositoryTest, CutoffRoundTripsItsLegalDefinition)
{
  in_transaction([&] {
    const auto call = make_call("EUROHPC-2024-CEI-AI-01");
    const auto id = calls().insert_cutoff(call.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto cutoffs = calls().cutoffs(call.id);
    ASSERT_EQ(cutoffs.size(), 1u);
    EXPECT_EQ(cutoffs[0].id, id);
    EXPECT_EQ(cutoffs[0].call_code, "EUROHPC-2024-CEI-AI-01");
    EXPECT_EQ(cutoffs[0].label, "2025-02-01");
    EXPECT_EQ(cutoffs[0].closes_at, utc("2025-02-01T16:00:00Z"));
    EXPECT_EQ(cutoffs[0].wall_time, wall("2025-02-01T17:00:00"));
    EXPECT_EQ(cutoffs[0].zone, "Europe/Brussels");
  });
}

TEST_F(RepositoryTest, CutoffsAreListedByClosingTimeForOneCallOrAll)
{
  in_transaction([&] {
    const auto a = make_call("A");
    const auto b = make_call("B");
    calls().insert_cutoff(a.id, cutoff("late", "2025-05-02T15:00:00Z", "2025-05-02T17:00:00"));
    calls().insert_cutoff(b.id, cutoff("middle", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    calls().insert_cutoff(a.id, cutoff("early", "2024-11-04T16:00:00Z", "2024-11-04T17:00:00"));

    std::vector<std::string> of_a;
    for (const auto& item : calls().cutoffs(a.id)) {
      of_a.push_back(item.label);
    }
    EXPECT_EQ(of_a, (std::vector<std::string>{"early", "late"}));

    std::vector<std::string> all;
    for (const auto& item : calls().cutoffs(std::nullopt)) {
      all.push_back(item.call_code + "/" + item.label);
    }
    EXPECT_EQ(all, (std::vector<std::string>{"A/early", "B/middle", "A/late"}));
  });
}

// ---- proposals ------------------------------------------------------------------------------

TEST_F(RepositoryTest, ProposalRoundTripsEveryField)
{
  in_transaction([&] {
    const auto call = make_call("EUROHPC-2024-CEI-AI-01");
    const auto cutoff_id =
        calls().insert_cutoff(call.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    auto proposal = make_proposal(call, "BSC-AIF", "ES", {"PT", "FR"}, {"space", "health"}, cutoff_id);
    // The snapshot is taken from what the caller gives, so give it what core gives: the whole cut-off.
    proposal.cutoff_label = "2025-02-01";
    proposal.cutoff_closes_at = utc("2025-02-01T16:00:00Z");
    const auto id = proposals().insert(call.id, proposal, utc("2024-10-01T10:00:00Z"), "alice");

    const auto found = proposals().find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->call_code, "EUROHPC-2024-CEI-AI-01");
    EXPECT_EQ(found->acronym, "BSC-AIF");
    EXPECT_EQ(found->fields.title, "AI Factory BSC-AIF");
    EXPECT_EQ(found->fields.host, "ES");
    EXPECT_EQ(found->fields.partners, (std::vector<std::string>{"FR", "PT"}));
    EXPECT_EQ(found->fields.entity, "Entity of BSC-AIF");
    EXPECT_EQ(found->fields.plan, domain::Plan::upgrade);
    EXPECT_TRUE(found->fields.experimental_platform);
    EXPECT_EQ(found->fields.eu_contribution, 12'345'678'901);
    EXPECT_EQ(found->fields.national_contribution, 99);
    EXPECT_EQ(found->fields.sectors, (std::vector<std::string>{"health", "space"}));
    EXPECT_EQ(found->status, ProposalStatus::submitted);
    EXPECT_EQ(found->cutoff_id, cutoff_id);
    EXPECT_EQ(found->cutoff_label, "2025-02-01");
    EXPECT_EQ(found->cutoff_closes_at, utc("2025-02-01T16:00:00Z"));
    EXPECT_EQ(found->submitted_at, utc("2024-10-01T10:00:00Z"));
    EXPECT_FALSE(found->withdrawal_reason);
    EXPECT_EQ(found->version, 1);

    const auto history = proposals().history(id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].recorded_by, "alice");
    EXPECT_EQ(history[0].recorded_at, utc("2024-10-01T10:00:00Z"));
    EXPECT_EQ(history[0].proposal.id, id);
    EXPECT_EQ(history[0].proposal.fields, found->fields);
    EXPECT_EQ(history[0].proposal.status, ProposalStatus::submitted);
    EXPECT_EQ(history[0].proposal.cutoff_label, "2025-02-01");
    EXPECT_EQ(history[0].proposal.cutoff_closes_at, utc("2025-02-01T16:00:00Z"));
    EXPECT_EQ(history[0].proposal.submitted_at, utc("2024-10-01T10:00:00Z"));
  });
}

TEST_F(RepositoryTest, DraftRoundTripsWithoutCutoffOrPartners)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto id = proposals().insert(call.id, make_proposal(call, "DRAFT", "BE", {}, {}, std::nullopt),
                                       utc("2024-10-01T10:00:00Z"), "alice");
    const auto found = proposals().find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->status, ProposalStatus::draft);
    EXPECT_FALSE(found->cutoff_id);
    EXPECT_FALSE(found->cutoff_label);
    EXPECT_FALSE(found->cutoff_closes_at);
    EXPECT_FALSE(found->submitted_at);
    EXPECT_TRUE(found->fields.partners.empty());
    EXPECT_TRUE(found->fields.sectors.empty());
  });
}

TEST_F(RepositoryTest, UpdateReplacesTheCurrentVersionAndKeepsASnapshot)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto cutoff_id =
        calls().insert_cutoff(call.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto id = proposals().insert(call.id, make_proposal(call, "X", "ES", {"FR"}, {"health"}, cutoff_id),
                                       utc("2024-10-01T10:00:00Z"), "alice");

    auto second = *proposals().find(id);
    second.fields.title = "Second title";
    second.fields.partners = {"IT", "DE"};
    second.fields.sectors = {"climate"};
    second.version = 2;
    proposals().update(second, utc("2024-10-02T10:00:00Z"), "bob");

    auto third = *proposals().find(id);
    third.status = ProposalStatus::withdrawn;
    third.withdrawal_reason = "merged with another proposal";
    third.version = 3;
    proposals().update(third, utc("2024-10-03T10:00:00Z"), "carol");

    const auto current = proposals().find(id);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->version, 3);
    EXPECT_EQ(current->fields.title, "Second title");
    EXPECT_EQ(current->fields.partners, (std::vector<std::string>{"DE", "IT"}));
    EXPECT_EQ(current->fields.sectors, (std::vector<std::string>{"climate"}));
    EXPECT_EQ(current->status, ProposalStatus::withdrawn);
    EXPECT_EQ(current->withdrawal_reason, "merged with another proposal");

    const auto history = proposals().history(id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].proposal.version, 1);
    EXPECT_EQ(history[0].proposal.fields.title, "AI Factory X");
    EXPECT_EQ(history[0].proposal.fields.partners, (std::vector<std::string>{"FR"}));
    EXPECT_EQ(history[0].recorded_by, "alice");
    EXPECT_EQ(history[1].proposal.version, 2);
    EXPECT_EQ(history[1].proposal.fields.title, "Second title");
    EXPECT_EQ(history[1].recorded_by, "bob");
    EXPECT_EQ(history[1].recorded_at, utc("2024-10-02T10:00:00Z"));
    EXPECT_EQ(history[2].proposal.version, 3);
    EXPECT_EQ(history[2].proposal.status, ProposalStatus::withdrawn);
    EXPECT_EQ(history[2].recorded_by, "carol");
  });
}

TEST_F(RepositoryTest, UpdateMaySwapTheHostWithAPartner)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto id = proposals().insert(call.id, make_proposal(call, "X", "ES", {"FR"}, {}, std::nullopt),
                                       utc("2024-10-01T10:00:00Z"), "alice");
    auto swapped = *proposals().find(id);
    swapped.fields.host = "FR";
    swapped.fields.partners = {"ES"};
    swapped.version = 2;
    EXPECT_NO_THROW(proposals().update(swapped, utc("2024-10-02T10:00:00Z"), "alice"));
    EXPECT_EQ(proposals().find(id)->fields.host, "FR");
    EXPECT_EQ(proposals().find(id)->fields.partners, (std::vector<std::string>{"ES"}));
  });
}

TEST_F(RepositoryTest, AcronymLookupIgnoresCase)
{
  in_transaction([&] {
    const auto a = make_call("A");
    const auto b = make_call("B");
    const auto in_a = proposals().insert(a.id, make_proposal(a, "BSC-AIF", "ES", {}, {}, std::nullopt),
                                         utc("2024-10-01T10:00:00Z"), "alice");
    const auto in_b = proposals().insert(b.id, make_proposal(b, "bsc-aif", "ES", {}, {}, std::nullopt),
                                         utc("2024-10-01T10:00:00Z"), "alice");

    const auto found = proposals().find(a.id, "Bsc-Aif");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, in_a);
    EXPECT_FALSE(proposals().find(a.id, "OTHER"));

    const auto everywhere = proposals().find_by_acronym("BSC-aif");
    ASSERT_EQ(everywhere.size(), 2u);
    EXPECT_EQ(everywhere[0].id, in_a);
    EXPECT_EQ(everywhere[1].id, in_b);
  });
}

class ProposalListRepositoryTest : public RepositoryTest
{
protected:
  ProposalListRepositoryTest()
  {
    in_transaction([&] { insert_proposals(); });
  }

  void insert_proposals()
  {
    m_a = make_call("AAA-CALL");
    m_b = make_call("EUROHPC-2024-CEI-AI-01");
    const auto b_first =
        calls().insert_cutoff(m_b.id, cutoff("2024-11-04", "2024-11-04T16:00:00Z", "2024-11-04T17:00:00"));
    const auto b_second =
        calls().insert_cutoff(m_b.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto a_first =
        calls().insert_cutoff(m_a.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto at = utc("2024-10-01T10:00:00Z");
    proposals().insert(m_b.id, make_proposal(m_b, "zeta", "ES", {"FR"}, {"health"}, b_first), at, "t");
    proposals().insert(m_b.id, make_proposal(m_b, "Alpha", "DE", {"ES", "IT"}, {"climate", "health"}, b_second), at,
                       "t");
    proposals().insert(m_b.id, make_proposal(m_b, "beta", "FR", {}, {"space"}, std::nullopt), at, "t");
    auto omega = make_proposal(m_a, "Omega", "IT", {"DE"}, {"finance"}, a_first);
    omega.status = ProposalStatus::withdrawn;
    omega.withdrawal_reason = "no co-funding";
    proposals().insert(m_a.id, omega, at, "t");
  }

  std::vector<std::string> list(const store::ProposalFilter& filter) { return acronyms(proposals().list(filter)); }

  domain::Call m_a;
  domain::Call m_b;
};

TEST_F(ProposalListRepositoryTest, WithoutFilterListsEveryProposalByCallThenAcronymIgnoringCase)
{
  in_transaction([&] {
    EXPECT_EQ(list({}), (std::vector<std::string>{"AAA-CALL/Omega", "EUROHPC-2024-CEI-AI-01/Alpha",
                                                  "EUROHPC-2024-CEI-AI-01/beta", "EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByCall)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.call_id = m_a.id;
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByCutoffLabel)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.cutoff_label = "2025-02-01";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega", "EUROHPC-2024-CEI-AI-01/Alpha"}));
    filter.call_id = m_b.id;
    filter.cutoff_label = "2024-11-04";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByHostIgnoresPartners)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.host = "ES";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByStateMatchesHostOrPartner)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.state = "ES";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
    filter.state = "DE";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega", "EUROHPC-2024-CEI-AI-01/Alpha"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByStatus)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.status = ProposalStatus::draft;
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/beta"}));
    filter.status = ProposalStatus::withdrawn;
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega"}));
    filter.status = ProposalStatus::submitted;
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterBySector)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.sector = "health";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
    filter.sector = "automotive";
    EXPECT_TRUE(list(filter).empty());
  });
}

TEST_F(ProposalListRepositoryTest, FiltersCombineWithAnd)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.call_id = m_b.id;
    filter.state = "ES";
    filter.sector = "climate";
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha"}));
  });
}

TEST_F(ProposalListRepositoryTest, CountsProposalsOfACallByStatus)
{
  in_transaction([&] {
    const auto counts = proposals().count_by_status(m_b.id);
    EXPECT_EQ(counts,
              (std::vector<std::pair<ProposalStatus, int>>{{ProposalStatus::draft, 1}, {ProposalStatus::submitted, 2}}));
  });
}

TEST_F(ProposalListRepositoryTest, NewCutoffReportsSubmittedProposalsItWouldMove)
{
  in_transaction([&] {
    // zeta went to 2024-11-04 and Alpha to 2025-02-01, both submitted on 2024-10-01.
    EXPECT_EQ(proposals().moved_by_new_cutoff(m_b.id, utc("2024-10-15T15:00:00Z")),
              (std::vector<std::string>{"Alpha", "zeta"}));
    EXPECT_EQ(proposals().moved_by_new_cutoff(m_b.id, utc("2024-12-01T16:00:00Z")), (std::vector<std::string>{"Alpha"}));
    EXPECT_TRUE(proposals().moved_by_new_cutoff(m_b.id, utc("2024-09-30T15:00:00Z")).empty());
    EXPECT_TRUE(proposals().moved_by_new_cutoff(m_b.id, utc("2025-05-02T15:00:00Z")).empty());
  });
}

// ---- audit ----------------------------------------------------------------------------------

TEST_F(RepositoryTest, AuditListsNewestFirstWithLimitAndProposalFilter)
{
  in_transaction([&] {
    const auto call = make_call("C");
    const auto first = proposals().insert(call.id, make_proposal(call, "ONE", "ES", {}, {}, std::nullopt),
                                          utc("2024-10-01T10:00:00Z"), "alice");
    const auto second = proposals().insert(call.id, make_proposal(call, "TWO", "ES", {}, {}, std::nullopt),
                                           utc("2024-10-01T10:00:00Z"), "alice");
    const auto append = [&](const std::string& at, std::optional<std::int64_t> proposal_id, const std::string& action) {
      domain::AuditEntry entry;
      entry.at = utc(at);
      entry.actor = "alice";
      entry.command = "cfp proposal " + action;
      entry.entity = "proposal";
      entry.action = action;
      entry.subject = proposal_id ? domain::AuditSubject{domain::SubjectKind::proposal, proposal_id}
                                : domain::AuditSubject{domain::SubjectKind::import, std::nullopt};
      entry.before = R"({"version":1})";
      entry.after = R"({"version":2})";
      audit().append(entry);
    };
    append("2024-10-01T10:00:00Z", std::nullopt, "call-add");
    append("2024-10-01T11:00:00Z", first, "add");
    append("2024-10-01T12:00:00Z", second, "add");
    append("2024-10-01T13:00:00Z", first, "update");

    const auto all = audit().list({std::nullopt, 100});
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].action, "update");
    EXPECT_EQ(all[0].at, utc("2024-10-01T13:00:00Z"));
    EXPECT_EQ(all[0].subject.id, first);
    EXPECT_EQ(all[0].actor, "alice");
    EXPECT_EQ(all[0].command, "cfp proposal update");
    EXPECT_EQ(all[0].before, R"({"version":1})");
    EXPECT_EQ(all[0].after, R"({"version":2})");
    EXPECT_EQ(all[3].action, "call-add");
    EXPECT_FALSE(all[3].subject.id);

    const auto newest_two = audit().list({std::nullopt, 2});
    ASSERT_EQ(newest_two.size(), 2u);
    EXPECT_EQ(newest_two[0].at, utc("2024-10-01T13:00:00Z"));
    EXPECT_EQ(newest_two[1].at, utc("2024-10-01T12:00:00Z"));

    const auto about_first = audit().list({domain::AuditSubject{domain::SubjectKind::proposal, first}, 100});
    ASSERT_EQ(about_first.size(), 2u);
    EXPECT_EQ(about_first[0].action, "update");
    EXPECT_EQ(about_first[1].action, "add");
    EXPECT_EQ(audit().list({domain::AuditSubject{domain::SubjectKind::proposal, first}, 1}).size(), 1u);
  });
}

TEST_F(RepositoryTest, AuditKeepsMissingBeforeAndAfterAsEmpty)
{
  in_transaction([&] {
    domain::AuditEntry entry;
    entry.subject = {domain::SubjectKind::call, 1};
    entry.at = utc("2024-10-01T10:00:00Z");
    entry.actor = "alice";
    entry.command = "cfp call add";
    entry.entity = "call C";
    entry.action = "add";
    audit().append(entry);
    const auto entries = audit().list({std::nullopt, 10});
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_FALSE(entries[0].before);
    EXPECT_FALSE(entries[0].after);
  });
}

TEST_F(RepositoryTest, CountRowsAndJournalMode)
{
  in_transaction([&] {
    const auto call = make_call("C");
    calls().insert_cutoff(call.id, cutoff("1", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    proposals().insert(call.id, make_proposal(call, "X", "ES", {}, {}, std::nullopt), utc("2024-10-01T10:00:00Z"),
                       "alice");
    const auto info = m_tx->info();
    const auto& counts = info.counts;
    EXPECT_EQ(counts.calls, 1);
    EXPECT_EQ(counts.cutoffs, 1);
    EXPECT_EQ(counts.proposals, 1);
    EXPECT_EQ(counts.audit_entries, 0);
    EXPECT_EQ(info.journal_mode, "wal");
  });
}

} // namespace
} // namespace cfp::test
