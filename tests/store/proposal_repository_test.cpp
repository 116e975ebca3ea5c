// SPDX-License-Identifier: EUPL-1.2
// The proposal repository: every field stored and read back, versions, lookups and filters.

#include "store/repository_fixture.hpp"

namespace cfp::test {
namespace {

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
    const auto id = proposals().insert(call.id, proposal, stamp(utc("2024-10-01T10:00:00Z"), "alice"));

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
    const auto id = proposals().insert(call.id, make_proposal(call, "DRAFT", "BE", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
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
    const auto id = proposals().insert(call.id, make_proposal(call, "X", "ES", {"FR"}, {"health"}, cutoff_id), stamp(utc("2024-10-01T10:00:00Z"), "alice"));

    auto second = *proposals().find(id);
    second.fields.title = "Second title";
    second.fields.partners = {"IT", "DE"};
    second.fields.sectors = {"climate"};
    second.version = 2;
    proposals().update(second, stamp(utc("2024-10-02T10:00:00Z"), "bob"));

    auto third = *proposals().find(id);
    third.status = ProposalStatus::withdrawn;
    third.withdrawal_reason = "merged with another proposal";
    third.version = 3;
    proposals().update(third, stamp(utc("2024-10-03T10:00:00Z"), "carol"));

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
    const auto id = proposals().insert(call.id, make_proposal(call, "X", "ES", {"FR"}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    auto swapped = *proposals().find(id);
    swapped.fields.host = "FR";
    swapped.fields.partners = {"ES"};
    swapped.version = 2;
    EXPECT_NO_THROW(proposals().update(swapped, stamp(utc("2024-10-02T10:00:00Z"), "alice")));
    EXPECT_EQ(proposals().find(id)->fields.host, "FR");
    EXPECT_EQ(proposals().find(id)->fields.partners, (std::vector<std::string>{"ES"}));
  });
}

TEST_F(RepositoryTest, AcronymLookupIgnoresCase)
{
  in_transaction([&] {
    const auto a = make_call("A");
    const auto b = make_call("B");
    const auto in_a = proposals().insert(a.id, make_proposal(a, "BSC-AIF", "ES", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));
    const auto in_b = proposals().insert(b.id, make_proposal(b, "bsc-aif", "ES", {}, {}, std::nullopt), stamp(utc("2024-10-01T10:00:00Z"), "alice"));

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
    filter.call_ids = {m_a.id};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByCutoffLabel)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.cutoff_labels = {"2025-02-01"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega", "EUROHPC-2024-CEI-AI-01/Alpha"}));
    filter.call_ids = {m_b.id};
    filter.cutoff_labels = {"2024-11-04"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByHostIgnoresPartners)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.hosts = {"ES"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByStateMatchesHostOrPartner)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.states = {"ES"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
    filter.states = {"DE"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega", "EUROHPC-2024-CEI-AI-01/Alpha"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterByStatus)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.statuses = {ProposalStatus::draft};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/beta"}));
    filter.statuses = {ProposalStatus::withdrawn};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"AAA-CALL/Omega"}));
    filter.statuses = {ProposalStatus::submitted};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
  });
}

TEST_F(ProposalListRepositoryTest, FilterBySector)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.sectors = {"health"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha", "EUROHPC-2024-CEI-AI-01/zeta"}));
    filter.sectors = {"automotive"};
    EXPECT_TRUE(list(filter).empty());
  });
}

TEST_F(ProposalListRepositoryTest, FiltersCombineWithAnd)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.call_ids = {m_b.id};
    filter.states = {"ES"};
    filter.sectors = {"climate"};
    EXPECT_EQ(list(filter), (std::vector<std::string>{"EUROHPC-2024-CEI-AI-01/Alpha"}));
  });
}

TEST_F(ProposalListRepositoryTest, CountsProposalsOfACallByStatus)
{
  in_transaction([&] {
    const auto counts = proposals().count_by_status(m_b.id);
    EXPECT_EQ(counts, (std::vector<std::pair<ProposalStatus, int>>{{ProposalStatus::draft, 1},
                                                                   {ProposalStatus::submitted, 2}}));
  });
}

TEST_F(ProposalListRepositoryTest, NewCutoffReportsSubmittedProposalsItWouldMove)
{
  in_transaction([&] {
    // zeta went to 2024-11-04 and Alpha to 2025-02-01, both submitted on 2024-10-01.
    EXPECT_EQ(proposals().moved_by_new_cutoff(m_b.id, utc("2024-10-15T15:00:00Z")),
              (std::vector<std::string>{"Alpha", "zeta"}));
    EXPECT_EQ(proposals().moved_by_new_cutoff(m_b.id, utc("2024-12-01T16:00:00Z")),
              (std::vector<std::string>{"Alpha"}));
    EXPECT_TRUE(proposals().moved_by_new_cutoff(m_b.id, utc("2024-09-30T15:00:00Z")).empty());
    EXPECT_TRUE(proposals().moved_by_new_cutoff(m_b.id, utc("2025-05-02T15:00:00Z")).empty());
  });
}

} // namespace
} // namespace cfp::test
