// SPDX-License-Identifier: EUPL-1.2
#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::json;

TEST_F(CliTest, BareDateDeadlinesCloseAtSeventeenHundredBrusselsInWinterAndSummer)
{
  ok({"deadline", "add", k_call, "2025-04-01", "--label", "spring"}, "2024-09-01T09:00:00Z");
  const auto deadlines = json::parse(ok({"deadline", "list", "--call", k_call, "--format", "json"}));
  ASSERT_EQ(deadlines.size(), 3u);
  EXPECT_EQ(deadlines[0]["closes_at"], "2024-11-04T16:00:00Z");
  EXPECT_EQ(deadlines[0]["closes_local"], "2024-11-04 17:00:00 CET");
  EXPECT_EQ(deadlines[1]["closes_at"], "2025-02-01T16:00:00Z");
  EXPECT_EQ(deadlines[2]["label"], "spring");
  EXPECT_EQ(deadlines[2]["closes_at"], "2025-04-01T15:00:00Z");
  EXPECT_EQ(deadlines[2]["closes_local"], "2025-04-01 17:00:00 CEST");
  EXPECT_EQ(deadlines[2]["open"], true);
}

TEST_F(CliTest, DeadlinesShowInTheDisplayZone)
{
  const auto deadlines =
    json::parse(ok({"deadline", "list", "--call", k_call, "--format", "json", "--tz", "America/New_York"}));
  EXPECT_EQ(deadlines[0]["closes_local"], "2024-11-04 11:00:00 EST");
}

TEST_F(CliTest, WallTimesWithoutOffsetAreReadInTheDisplayZone)
{
  ok({"--tz", "UTC", "deadline", "add", k_call, "2025-06-30 12:00", "--label", "june"}, "2024-09-01T09:00:00Z");
  const auto deadlines = json::parse(ok({"deadline", "list", "--call", k_call, "--format", "json"}));
  EXPECT_EQ(deadlines.back()["closes_at"], "2025-06-30T12:00:00Z");
  EXPECT_EQ(deadlines.back()["legal_zone"], "UTC");
}

TEST_F(CliTest, OpenDeadlinesAreThoseNotYetPassed)
{
  auto open = json::parse(ok({"deadline", "list", "--open", "--format", "json"}, "2024-11-04T16:00:00Z"));
  EXPECT_EQ(open.size(), 4u);
  open = json::parse(ok({"deadline", "list", "--open", "--format", "json"}, "2024-11-04T16:00:01Z"));
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0]["label"], "2025-02-01");
}

TEST_F(CliTest, CallListAndShow)
{
  const auto calls = json::parse(ok({"call", "list", "--format", "json"}));
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0]["code"], k_call);
  EXPECT_EQ(calls[0]["budget_eur"], "1500000000.00");
  EXPECT_EQ(calls[0]["opens_at"], "2024-09-09T22:00:00Z");

  const auto call = json::parse(ok({"call", "show", "eurohpc-2024-cei-ai-01", "--format", "json"}));
  EXPECT_EQ(call["code"], k_call);
  EXPECT_EQ(call["cutoffs"].size(), 2u);
  EXPECT_EQ(call["submitted"], 2);
  EXPECT_EQ(call["draft"], 0);
}

TEST_F(CliTest, ACutoffThatWouldMoveSubmittedProposalsIsRefused)
{
  fails({"deadline", "add", k_call, "2024-10-15"}, 1, "BSC-AIF, MIMER", "2024-10-02T00:00:00Z");
}

TEST_F(CliTest, StateListHasTheParticipatingStates)
{
  const auto states = json::parse(ok({"state", "list", "--format", "json"}));
  EXPECT_EQ(states.size(), 38u);
  const auto eu = json::parse(ok({"state", "list", "--eu", "--format", "json"}));
  EXPECT_EQ(eu.size(), 27u);
  bool found_switzerland = false;
  for (const auto& state : states) {
    if (state["code"] == "CH") {
      found_switzerland = true;
      EXPECT_EQ(state["eu"], false);
      EXPECT_EQ(state["participating_since"], "2025-01-01");
    }
    EXPECT_NE(state["code"], "GR");
    EXPECT_NE(state["code"], "GB");
  }
  EXPECT_TRUE(found_switzerland);
}

TEST_F(CliTest, DbStatusReportsSchemaAndCounts)
{
  const auto status = json::parse(ok({"db", "status", "--format", "json"}));
  EXPECT_EQ(status["schema_version"], status["latest_schema_version"]);
  EXPECT_EQ(status["journal_mode"], "wal");
  EXPECT_EQ(status["calls"], 2);
  EXPECT_EQ(status["cutoffs"], 4);
  EXPECT_EQ(status["proposals"], 2);
}

TEST_F(CliTest, DbInitOnAnUpToDateDatabaseChangesNothing)
{
  const std::string before = dump_database(m_db);
  const auto out = ok({"db", "init", "--format", "json"});
  EXPECT_EQ(json::parse(out)["outcome"], "up to date");
  EXPECT_EQ(dump_database(m_db), before);
}

} // namespace
} // namespace cfp::test
