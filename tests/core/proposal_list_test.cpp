// SPDX-License-Identifier: EUPL-1.2
// Listing proposals with filters.
#include "core/proposals_fixture.hpp"

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
