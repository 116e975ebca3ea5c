// SPDX-License-Identifier: EUPL-1.2
// Every listing a table measures before it prints (ListPasses) gives the same rows in each pass,
// in one read snapshot, even when another connection commits between the passes.

#include "core/proposals_fixture.hpp"

#include <cfp/core/experts.hpp>
#include <cfp/core/scores.hpp>

#include <algorithm>

namespace cfp::test {
namespace {

constexpr auto k_after = "2024-11-04T16:00:01Z";

class ListingPassesTest : public ProposalsTest
{
protected:
  ListingPassesTest()
      : m_other_database(store::Database::open(m_fixture.path().string())), m_other_clock(utc(k_after)),
        m_other{*m_other_database, m_other_clock, "other", "cfp other", *date::locate_zone("Europe/Brussels")}
  {
    core::add_expert(session(), {"Ella", "FI", std::string("Barcelona Supercomputing Center"), std::nullopt});
    core::add_expert(session(), {"Frans", "DE", std::nullopt, std::nullopt});
    add("ALPHA");
    add("BETA", "FI");
    now(k_after);
    core::add_score(session(), {"ALPHA", "Frans", {"excellence=4", "impact=4", "implementation=4"}, std::nullopt});
    core::add_score(session(), {"ALPHA", "Frans", {"excellence=5", "impact=4", "implementation=4"}, std::nullopt});
  }

  // The rows seen in two passes, with "|" between them: the same rows each time.
  static void expect_same_passes(const std::vector<std::string>& seen)
  {
    const auto bar = std::find(seen.begin(), seen.end(), "|");
    ASSERT_NE(bar, seen.end()) << "no second pass";
    const std::vector<std::string> first(seen.begin(), bar);
    const std::vector<std::string> second(bar + 1, seen.end());
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, second) << "the second pass saw what the first did not";
  }

  // Two passes, with "|" noted between them, when `change` commits from another connection.
  static core::ListPasses passes(std::vector<std::string>& seen, const std::function<void()>& change)
  {
    return {2, [&seen, change] {
              seen.emplace_back("|");
              change();
            }};
  }

  std::unique_ptr<store::Database> m_other_database;
  core::FixedClock m_other_clock;
  core::Session m_other;
};

TEST_F(ListingPassesTest, ScoreListIsVisitedAgainInTheSameSnapshot)
{
  std::vector<std::string> seen;
  core::for_each_scored(
      session(), {std::nullopt, {k_call}},
      [&](const core::ProposalScores& scores) {
        seen.push_back(scores.proposal.acronym + " " + std::to_string(scores.criteria.front().scores.size()));
      },
      passes(seen, [&] {
        core::add_score(m_other, {"BETA", "Frans", {"excellence=3", "impact=3", "implementation=3"}, std::nullopt});
      }));
  expect_same_passes(seen);
  EXPECT_EQ(seen.front(), "ALPHA 1");
}

TEST_F(ListingPassesTest, ScoreHistoryIsVisitedAgainInTheSameSnapshot)
{
  std::vector<std::string> seen;
  core::for_each_evaluation_version(
      session(), "ALPHA", std::nullopt,
      [&](const core::EvaluationVersion& version) {
        seen.push_back(version.evaluation.expert + " " + std::to_string(version.evaluation.version) +
                       (version.current ? " current" : ""));
      },
      passes(seen, [&] {
        core::add_score(m_other, {"ALPHA", "Frans", {"excellence=3", "impact=3", "implementation=3"}, std::nullopt});
      }));
  expect_same_passes(seen);
  EXPECT_EQ(seen, (std::vector<std::string>{"Frans 1", "Frans 2 current", "|", "Frans 1", "Frans 2 current"}));
}

TEST_F(ListingPassesTest, ProposalHistoryIsVisitedAgainInTheSameSnapshot)
{
  now("2024-10-02T10:00:00Z");
  m_other_clock.set(utc("2024-10-02T10:00:00Z"));
  retitle("BETA", "BETA, revised");
  std::vector<std::string> seen;
  core::for_each_proposal_version(
      session(), "BETA",
      [&](const domain::ProposalVersion& version) {
        seen.push_back(std::to_string(version.proposal.version) + " " + version.proposal.fields.title);
      },
      passes(seen, [&] {
        core::ProposalInput input;
        input.title = "BETA, again";
        core::update_proposal(m_other, "BETA", input);
      }));
  expect_same_passes(seen);
  EXPECT_EQ(seen.size(), 5u);
}

TEST_F(ListingPassesTest, ConflictsAreVisitedAgainInTheSameSnapshot)
{
  now("2024-10-02T10:00:00Z");
  m_other_clock.set(utc("2024-10-02T10:00:00Z"));
  std::vector<std::string> seen;
  core::for_each_conflict(
      session(), {},
      [&](const core::ConflictListing& conflict) {
        seen.push_back(conflict.expert + " " + conflict.acronym + " " + std::string(domain::to_string(conflict.cause)));
      },
      passes(seen, [&] { core::add_proposal(m_other, request("GAMMA", "FI")); }));
  expect_same_passes(seen);
  // Ella: FI hosts BETA, and her organisation hosts both; Frans (DE): none.
  EXPECT_EQ(std::vector<std::string>(seen.begin(), std::find(seen.begin(), seen.end(), "|")),
            (std::vector<std::string>{"Ella ALPHA organisation", "Ella BETA host_state", "Ella BETA organisation"}));
}

} // namespace
} // namespace cfp::test
