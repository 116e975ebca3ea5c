// SPDX-License-Identifier: EUPL-1.2
// Listing proposals with filters.
#include "core/proposals_fixture.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/record_fields.hpp>

#include <gtest/gtest.h>

#include <algorithm>
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

TEST_F(ProposalsTest, APassedListIsVisitedAgainInTheSameSnapshot)
{
  add("ALPHA");
  add("BETA");
  // Another connection to the same file, which adds a proposal between the two passes.
  auto other_database = store::Database::open(m_fixture.path().string());
  core::FixedClock other_clock(utc("2024-10-01T10:00:00Z"));
  core::Session other{*other_database, other_clock, "other", "cfp other", *date::locate_zone("Europe/Brussels")};
  std::vector<std::string> seen;
  int betweens = 0;
  core::ListPasses passes{2, [&] {
                            ++betweens;
                            seen.emplace_back("|");
                            core::add_proposal(other, request("GAMMA"));
                          }};
  core::for_each_proposal(
      session(), {}, {}, [&](const domain::Proposal& p) { seen.push_back(p.acronym); }, passes);
  EXPECT_EQ(betweens, 1);
  EXPECT_EQ(seen, (std::vector<std::string>{"ALPHA", "BETA", "|", "ALPHA", "BETA"}))
      << "the second pass saw what the first did not";
  EXPECT_EQ(core::list_proposals(session(), {}).size(), 3u) << "GAMMA was added meanwhile";

  // The audit log's list the same way.
  std::vector<std::string> actions;
  core::for_each_audit_entry(
      session(), {}, {std::nullopt, core::Direction::ascending, std::nullopt},
      [&](const domain::AuditEntry& entry) { actions.push_back(entry.entity); },
      {2, [&] { core::add_proposal(other, request("DELTA")); }});
  ASSERT_EQ(actions.size() % 2, 0u);
  const auto half = static_cast<std::ptrdiff_t>(actions.size() / 2);
  EXPECT_TRUE(std::equal(actions.begin(), actions.begin() + half, actions.begin() + half));
}

} // namespace
} // namespace cfp::test
