// SPDX-License-Identifier: EUPL-1.2
// The proposal list of the store: filters that take several values, the order by any field,
// and the limit.

#include "store/repository_fixture.hpp"

namespace cfp::test {
namespace {

using store::Direction;
using store::ProposalSort;

// The fixture's proposals: AAA-CALL/Omega (IT; partner DE; finance; cut-off 2025-02-01,
// withdrawn), and in EUROHPC-2024-CEI-AI-01 Alpha (DE; ES, IT; health, climate; 2025-02-01),
// beta (FR; no partner; space; a draft) and zeta (ES; FR; health; 2024-11-04).
class ProposalListOrderTest : public ProposalListRepositoryTest
{
protected:
  std::vector<std::string> list(const store::ProposalFilter& filter, const store::ProposalOrder& order = {})
  {
    std::vector<std::string> result;
    proposals().for_each(filter, order, [&](const Proposal& proposal) { result.push_back(proposal.acronym); });
    return result;
  }

  std::vector<std::string> sorted(ProposalSort key, Direction direction = Direction::ascending)
  {
    return list({}, {key, direction, std::nullopt});
  }

  using Acronyms = std::vector<std::string>;
};

TEST_F(ProposalListOrderTest, AFilterMatchesAnyOfItsValues)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.hosts = {"ES", "FR"};
    EXPECT_EQ(list(filter), (Acronyms{"beta", "zeta"}));
    filter = {};
    filter.states = {"IT", "FR"}; // Omega and beta host, Alpha and zeta as partner
    EXPECT_EQ(list(filter), (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
    filter = {};
    filter.sectors = {"finance", "space"};
    EXPECT_EQ(list(filter), (Acronyms{"Omega", "beta"}));
    filter = {};
    filter.statuses = {ProposalStatus::draft, ProposalStatus::withdrawn};
    EXPECT_EQ(list(filter), (Acronyms{"Omega", "beta"}));
    filter = {};
    filter.call_ids = {m_a.id, m_b.id};
    EXPECT_EQ(list(filter), (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
    filter = {};
    filter.cutoff_labels = {"2024-11-04", "2025-02-01"};
    EXPECT_EQ(list(filter), (Acronyms{"Omega", "Alpha", "zeta"}));
  });
}

TEST_F(ProposalListOrderTest, FiltersOfSeveralValuesCombineWithAnd)
{
  in_transaction([&] {
    store::ProposalFilter filter;
    filter.hosts = {"ES", "FR", "IT"};
    filter.statuses = {ProposalStatus::submitted, ProposalStatus::withdrawn};
    filter.call_ids = {m_b.id};
    EXPECT_EQ(list(filter), (Acronyms{"zeta"}));
    filter.sectors = {"space"};
    EXPECT_TRUE(list(filter).empty());
  });
}

TEST_F(ProposalListOrderTest, OutcomesFilterTakeSeveralValues)
{
  in_transaction([&] {
    const auto all = proposals().list({});
    for (const auto& proposal : all) {
      if (proposal.acronym == "Alpha") {
        proposals().set_outcome(proposal.id, domain::Outcome::selected);
      } else if (proposal.acronym == "zeta") {
        proposals().set_outcome(proposal.id, domain::Outcome::reserve);
      } else if (proposal.acronym == "Omega") {
        proposals().set_outcome(proposal.id, domain::Outcome::rejected);
      }
    }
    store::ProposalFilter filter;
    filter.outcomes = {domain::Outcome::selected, domain::Outcome::reserve};
    EXPECT_EQ(list(filter), (Acronyms{"Alpha", "zeta"}));
    EXPECT_EQ(sorted(ProposalSort::outcome), (Acronyms{"Omega", "zeta", "Alpha", "beta"}));
    EXPECT_EQ(sorted(ProposalSort::outcome, Direction::descending), (Acronyms{"Alpha", "zeta", "Omega", "beta"}));
  });
}

TEST_F(ProposalListOrderTest, CutoffLabelsAreComparedIgnoringCase)
{
  in_transaction([&] {
    const auto id =
        calls().insert_cutoff(m_a.id, cutoff("Spring Round", "2025-04-01T15:00:00Z", "2025-04-01T17:00:00"));
    proposals().insert(m_a.id, make_proposal(m_a, "Rho", "PT", {}, {}, id), stamp(utc("2024-10-01T10:00:00Z"), "t"));
    store::ProposalFilter filter;
    filter.cutoff_labels = {"SPRING round", "2024-11-04"};
    EXPECT_EQ(list(filter), (Acronyms{"Rho", "zeta"}));
  });
}

TEST_F(ProposalListOrderTest, DescendingWithoutAKeyReversesTheDefaultOrder)
{
  in_transaction([&] {
    EXPECT_EQ(sorted(ProposalSort::call_and_acronym), (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
    EXPECT_EQ(sorted(ProposalSort::call_and_acronym, Direction::descending),
              (Acronyms{"zeta", "beta", "Alpha", "Omega"}));
  });
}

TEST_F(ProposalListOrderTest, SortsByAFieldEitherWay)
{
  in_transaction([&] {
    EXPECT_EQ(sorted(ProposalSort::host), (Acronyms{"Alpha", "zeta", "beta", "Omega"}));
    EXPECT_EQ(sorted(ProposalSort::host, Direction::descending), (Acronyms{"Omega", "beta", "zeta", "Alpha"}));
    // Acronyms and titles ignoring ASCII case, as the default order does.
    EXPECT_EQ(sorted(ProposalSort::acronym), (Acronyms{"Alpha", "beta", "Omega", "zeta"}));
    EXPECT_EQ(sorted(ProposalSort::title, Direction::descending), (Acronyms{"zeta", "Omega", "beta", "Alpha"}));
    EXPECT_EQ(sorted(ProposalSort::status), (Acronyms{"beta", "Alpha", "zeta", "Omega"}));
  });
}

TEST_F(ProposalListOrderTest, MissingValuesGoLastEitherWayAndTiesKeepTheDefaultOrder)
{
  in_transaction([&] {
    // Omega and Alpha share their label; beta, a draft, has none.
    EXPECT_EQ(sorted(ProposalSort::cutoff), (Acronyms{"zeta", "Omega", "Alpha", "beta"}));
    EXPECT_EQ(sorted(ProposalSort::cutoff, Direction::descending), (Acronyms{"Omega", "Alpha", "zeta", "beta"}));
    EXPECT_EQ(sorted(ProposalSort::submitted_at, Direction::descending), (Acronyms{"Omega", "Alpha", "zeta", "beta"}));
    EXPECT_EQ(sorted(ProposalSort::withdrawal_reason), (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
    EXPECT_EQ(sorted(ProposalSort::withdrawal_reason, Direction::descending),
              (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
    // Every proposal asks for the same EU contribution: the default order.
    EXPECT_EQ(sorted(ProposalSort::eu_contribution, Direction::descending),
              (Acronyms{"Omega", "Alpha", "beta", "zeta"}));
  });
}

TEST_F(ProposalListOrderTest, ListsSortItemByItemInTheOrderTheProposalKeepsThem)
{
  in_transaction([&] {
    // Sectors in the sectors' order (Alpha: health, climate), not by name; a shorter list that
    // starts the same comes first; an empty list before any other.
    EXPECT_EQ(sorted(ProposalSort::sectors), (Acronyms{"Omega", "zeta", "Alpha", "beta"}));
    EXPECT_EQ(sorted(ProposalSort::partners), (Acronyms{"beta", "Omega", "Alpha", "zeta"}));
    EXPECT_EQ(sorted(ProposalSort::partners, Direction::descending), (Acronyms{"zeta", "Alpha", "Omega", "beta"}));
  });
}

TEST_F(ProposalListOrderTest, TheLimitCutsTheOrderedList)
{
  in_transaction([&] {
    EXPECT_EQ(list({}, {ProposalSort::host, Direction::descending, 2}), (Acronyms{"Omega", "beta"}));
    store::ProposalFilter filter;
    filter.call_ids = {m_b.id};
    EXPECT_EQ(list(filter, {ProposalSort::call_and_acronym, Direction::ascending, 1}), (Acronyms{"Alpha"}));
  });
}

TEST_F(ProposalListOrderTest, EveryOrderListsEveryProposal)
{
  in_transaction([&] {
    for (int key = 0; key <= static_cast<int>(ProposalSort::outcome); ++key) {
      for (const auto direction : {Direction::ascending, Direction::descending}) {
        EXPECT_EQ(sorted(static_cast<ProposalSort>(key), direction).size(), 4u) << "order " << key;
      }
    }
  });
}

TEST_F(ProposalListOrderTest, ASummaryReadsWhatTheTableShowsInTheSameOrderAndNothingElse)
{
  in_transaction([&] {
    for (int key = 0; key <= static_cast<int>(ProposalSort::outcome); ++key) {
      for (const auto direction : {Direction::ascending, Direction::descending}) {
        const store::ProposalOrder order{static_cast<ProposalSort>(key), direction, std::nullopt};
        std::vector<Proposal> whole;
        std::vector<Proposal> summary;
        proposals().for_each({}, order, [&](const Proposal& proposal) { whole.push_back(proposal); });
        store::ProposalFilter filter;
        filter.detail = store::ProposalDetail::summary;
        proposals().for_each(filter, order, [&](const Proposal& proposal) { summary.push_back(proposal); });
        ASSERT_EQ(summary.size(), whole.size()) << "order " << key;
        for (std::size_t i = 0; i < whole.size(); ++i) {
          const auto& a = whole[i];
          const auto& b = summary[i];
          EXPECT_EQ(b.id, a.id) << "order " << key << ", row " << i;
          EXPECT_EQ(b.call_code, a.call_code);
          EXPECT_EQ(b.acronym, a.acronym);
          EXPECT_EQ(b.fields.host, a.fields.host);
          EXPECT_EQ(b.fields.partners, a.fields.partners);
          EXPECT_EQ(b.fields.entity, a.fields.entity);
          EXPECT_EQ(b.fields.plan, a.fields.plan);
          EXPECT_EQ(b.fields.eu_contribution, a.fields.eu_contribution);
          EXPECT_EQ(b.fields.title, a.fields.title);
          EXPECT_EQ(b.status, a.status);
          EXPECT_EQ(b.cutoff_id, a.cutoff_id);
          EXPECT_EQ(b.cutoff_label, a.cutoff_label);
          EXPECT_EQ(b.version, a.version);
          // The rest is not read.
          EXPECT_TRUE(b.fields.sectors.empty());
          EXPECT_FALSE(b.cutoff_closes_at);
          EXPECT_FALSE(b.submitted_at);
        }
      }
    }
    // The fixture's proposals have titles and sectors: the whole read has them.
    std::vector<Proposal> whole;
    proposals().for_each({}, {}, [&](const Proposal& proposal) { whole.push_back(proposal); });
    ASSERT_FALSE(whole.empty());
    EXPECT_NE(whole.front().fields.title, "");
    EXPECT_FALSE(whole.front().fields.sectors.empty());
    // Filters select the same proposals either way.
    store::ProposalFilter filter;
    filter.sectors = {"finance", "space"};
    const auto chosen = list(filter);
    filter.detail = store::ProposalDetail::summary;
    EXPECT_EQ(list(filter), chosen);
  });
}

} // namespace
} // namespace cfp::test
