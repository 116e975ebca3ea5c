// SPDX-License-Identifier: EUPL-1.2
// Listing proposals with filters.
#include "core/proposals_fixture.hpp"

#include <cfp/core/record_fields.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

std::vector<std::string> refs(const std::vector<domain::Proposal>& proposals)
{
  std::vector<std::string> result;
  for (const auto& proposal : proposals) {
    result.push_back(proposal.call_code + "/" + proposal.acronym);
  }
  return result;
}

TEST_F(ProposalsTest, ListProposalsReadsFiltersAsTyped)
{
  add("ZETA", "ES", {"FR"});
  add("alpha", "gr", {"es"});
  add_draft("beta");

  EXPECT_EQ(refs(core::list_proposals(session(), {})),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/beta",
                                      std::string(k_call) + "/ZETA"}));

  core::ProposalQuery query;
  query.states = {"es"};
  EXPECT_EQ(refs(core::list_proposals(session(), query)),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/beta",
                                      std::string(k_call) + "/ZETA"}));
  query = {};
  query.hosts = {"GR"};
  EXPECT_EQ(refs(core::list_proposals(session(), query)), (std::vector<std::string>{std::string(k_call) + "/alpha"}));
  query = {};
  query.statuses = {"Draft"};
  query.calls = {"eurohpc-2024-cei-ai-01"};
  EXPECT_EQ(refs(core::list_proposals(session(), query)), (std::vector<std::string>{std::string(k_call) + "/beta"}));
  query = {};
  query.cutoffs = {"2024-11-04"};
  query.sectors = {"HEALTH"};
  EXPECT_EQ(refs(core::list_proposals(session(), query)),
            (std::vector<std::string>{std::string(k_call) + "/alpha", std::string(k_call) + "/ZETA"}));
}

TEST_F(ProposalsTest, ListProposalsRefusesUnknownFilterValues)
{
  core::ProposalQuery status;
  status.statuses = {"accepted"};
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), status); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery sector;
  sector.sectors = {"gardening"};
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), sector); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery state;
  state.states = {"XX"};
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), state); }).kind, ErrorKind::invalid_input);
  core::ProposalQuery call;
  call.calls = {"NOPE"};
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), call); }).kind, ErrorKind::not_found);
  core::ProposalQuery cutoff;
  cutoff.cutoffs = {"2030-01-01"};
  EXPECT_EQ(attempt(m_fixture, [&] { core::list_proposals(session(), cutoff); }).kind, ErrorKind::not_found);
}

TEST_F(ProposalsTest, ListProposalsSortsByEveryProposalField)
{
  add("ZETA", "ES", {"FR"});
  add("alpha", "gr", {"es"});
  add_draft("beta");
  for (const auto& field : core::proposal_fields()) {
    for (const auto direction : {core::Direction::ascending, core::Direction::descending}) {
      std::size_t count = 0;
      core::for_each_proposal(session(), {}, {std::string(field.name), direction, std::nullopt},
                              [&](const domain::Proposal&) { ++count; });
      EXPECT_EQ(count, 3u) << field.name;
    }
  }
  core::ListOrder by_host{"host", core::Direction::descending, 2};
  std::vector<std::string> found;
  core::for_each_proposal(session(), {}, by_host, [&](const domain::Proposal& p) { found.push_back(p.acronym); });
  EXPECT_EQ(found, (std::vector<std::string>{"beta", "ZETA"})); // both hosted by ES, in the default order
}

} // namespace
} // namespace cfp::test
