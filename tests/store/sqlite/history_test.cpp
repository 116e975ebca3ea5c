// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

namespace cfp::test {
namespace {

int snapshot_rows(DatabaseFixture& fixture)
{
  return fixture.connection().execAndGet("SELECT count(*) FROM proposal_version").getInt();
}

TEST(HistoryTest, TheCurrentVersionIsTheRowAndEarlierVersionsAreSnapshots)
{
  DatabaseFixture fixture("2024-09-01T09:00:00Z");
  core::add_call(fixture.session(), {"C1", "Call", std::string("2024-09-10"), std::nullopt});
  core::add_deadline(fixture.session(), {"C1", "2024-11-04", std::nullopt});
  fixture.clock().set(utc("2024-10-01T10:00:00Z"));
  core::NewProposal request{"C1", "P1", {}, false, std::nullopt};
  request.input.title = "First";
  request.input.host = "ES";
  request.input.entity = "E";
  request.input.eu_contribution = "1M";
  core::add_proposal(fixture.session(), request);
  EXPECT_EQ(snapshot_rows(fixture), 0) << "recording a proposal writes no snapshot";

  fixture.clock().set(utc("2024-10-02T10:00:00Z"));
  core::ProposalInput change;
  change.title = "Second";
  core::update_proposal(fixture.session(), "P1", change);
  EXPECT_EQ(snapshot_rows(fixture), 1) << "an update keeps the version it replaces";

  const auto history = core::proposal_history(fixture.session(), "P1");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].proposal.fields.title, "First");
  EXPECT_EQ(history[0].proposal.version, 1);
  EXPECT_EQ(history[0].recorded_at, utc("2024-10-01T10:00:00Z"));
  EXPECT_EQ(history[0].recorded_by, "tester");
  EXPECT_EQ(history[1].proposal.fields.title, "Second");
  EXPECT_EQ(history[1].proposal.version, 2);
  EXPECT_EQ(history[1].recorded_at, utc("2024-10-02T10:00:00Z"));
}

} // namespace
} // namespace cfp::test
