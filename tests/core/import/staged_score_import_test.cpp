// SPDX-License-Identifier: EUPL-1.2
// `import scores` checks every row without the write lock, then writes in one write
// transaction: when nothing was committed in between, what the check found holds and the rows
// are not read again; when another writer committed, every row is checked again.

#include "core/proposals_fixture.hpp"

#include <cfp/core/experts.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/core/transfer.hpp>

#include <fmt/format.h>

#include <sstream>

namespace cfp::test {
namespace {

class StagedScoreImportTest : public ProposalsTest
{
protected:
  void SetUp() override
  {
    ProposalsTest::SetUp();
    add("BSC-AIF", "ES");
    core::add_expert(session(), {"Luca", "IT", std::nullopt, std::nullopt});
    now("2024-11-05T09:00:00Z"); // the first cut-off has passed
  }

  // Luca's evaluation of BSC-AIF, then `padding` rows of an unknown expert (so that the check
  // pass reports progress at 1000 rows).
  static std::string rows(int padding)
  {
    std::string csv = "call,acronym,expert,criterion,score,comment\n";
    for (const char* criterion : {"excellence", "impact", "implementation"}) {
      csv += fmt::format("{},BSC-AIF,Luca,{},4,\n", k_call, criterion);
    }
    for (int i = 0; i < padding; ++i) {
      csv += fmt::format("{},BSC-AIF,Nobody {},excellence,4,\n", k_call, i);
    }
    return csv;
  }

  core::ImportSummary import(const std::string& csv, core::ImportOptions options)
  {
    std::istringstream in(csv);
    options.source_name = "scores.csv";
    options.format = core::DataFormat::csv;
    options.skip_invalid = true;
    options.keep_rejects = [](std::istream&) {};
    return core::import_scores(session(), in, options);
  }
};

TEST_F(StagedScoreImportTest, WithNothingCommittedInBetweenTheRowsAreReadOnce)
{
  core::ImportOptions options;
  std::vector<std::string> phases;
  options.progress = [&](std::string_view phase, std::uint64_t) { phases.emplace_back(phase); };
  const auto summary = import(rows(1000), options);
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 1u);
  EXPECT_EQ(summary.invalid, 1000u);
  EXPECT_EQ(phases, std::vector<std::string>{"checking"}) << "the apply pass reads no row again";
}

TEST_F(StagedScoreImportTest, AConflictDeclaredBetweenTheCheckAndTheWriteIsSeenByTheWrite)
{
  auto other_database = store::Database::open(m_fixture.path().string());
  core::FixedClock other_clock(utc("2024-11-05T09:00:00Z"));
  core::Session other{*other_database, other_clock, "other", "cfp other", *date::locate_zone("Europe/Brussels")};
  core::ImportOptions options;
  std::vector<std::string> phases;
  options.progress = [&](std::string_view phase, std::uint64_t records) {
    phases.emplace_back(phase);
    if (phase == "checking" && records == 1000) {
      core::declare_conflict(other, "Luca", "BSC-AIF", "Former colleague of the coordinator");
    }
  };
  const auto summary = import(rows(1000), options);
  EXPECT_TRUE(summary.written);
  EXPECT_EQ(summary.inserted, 0u) << "the write saw the conflict the check did not";
  EXPECT_EQ(summary.invalid, 1003u);
  EXPECT_EQ(phases, (std::vector<std::string>{"checking", "importing"}));
  bool scored = false;
  core::for_each_scored(session(), {std::string("BSC-AIF"), {}},
                        [&](const core::ProposalScores& scores) { scored = !scores.criteria[0].scores.empty(); });
  EXPECT_FALSE(scored);
}

} // namespace
} // namespace cfp::test
