// SPDX-License-Identifier: EUPL-1.2
// An instant before 1970 in UTC (a date of 1970 east of UTC) or after 9999 is refused where it is
// typed, with exit 65, before it can reach the database; a database that holds one from before
// this rule stays usable.

#include "cli/cli_fixture.hpp"

#include <SQLiteCpp/Database.h>

#include <fstream>

namespace cfp::test {
namespace {

TEST_F(CliTest, AnOpeningOnTheFirstDayOf1970InBrusselsIsRefused)
{
  fails({"call", "add", "EARLY", "--title", "Early", "--opens", "1970-01-01"}, 65,
        "opening '1970-01-01': 1970-01-01 is 1969-12-31T23:00:00Z, before 1970-01-01T00:00:00Z; cfp keeps instants "
        "from 1970 on");
  ok({"call", "add", "EARLY", "--title", "Early", "--opens", "1970-01-01", "--tz", "UTC"});
}

TEST_F(CliTest, ANowOnTheFirstDayOf1970InBrusselsIsRefusedForEveryCommand)
{
  fails({"proposal", "add", "--call", k_call, "--acronym", "D", "--title", "D", "--host", "ES", "--entity", "E",
         "--draft"},
        65, "CFP_NOW '1970-01-01': 1970-01-01 is 1969-12-31T23:00:00Z, before", "1970-01-01");
  fails({"log"}, 65, "CFP_NOW '1970-01-01'", "1970-01-01");
}

TEST_F(CliTest, ADeadlineAfter9999IsRefusedInsteadOfBreakingAConstraint)
{
  fails({"deadline", "add", k_call, "9999-12-31 23:30", "--tz", "America/New_York"}, 65,
        "WHEN '9999-12-31 23:30': 9999-12-31 23:30 is 10000-01-01T04:30:00Z, after 9999-12-31T23:59:59Z");
  ok({"deadline", "add", k_call, "9999-12-31"});
}

TEST_F(CliTest, InstantsInTheLastHourOf9999SurviveExportAndImport)
{
  // Found by the fuzzer (tests/fuzz/regressions/when/utc_wall_time_in_the_last_hour_of_9999):
  // they were accepted as UTC wall times, and their Z form, which export writes, refused.
  ok({"call", "add", "EUROHPC-9999", "--title", "Late", "--opens", "9999-12-31 23:00", "--tz", "UTC"});
  ok({"deadline", "add", "EUROHPC-9999", "9999-12-31 23:59:59", "--label", "wall", "--tz", "UTC"});
  ok({"deadline", "add", "EUROHPC-9999", "9999-12-31T23:30:00Z", "--label", "instant"});
  const std::string exported = ok({"export", "calls"});
  EXPECT_NE(exported.find(R"("legal_wall_time": "9999-12-31T23:30:00",)"), std::string::npos) << exported;

  const auto file = m_dir / "calls.json";
  std::ofstream(file) << exported;
  const auto copy = m_dir / "copy.db";
  const auto imported = run_cli(copy, {"import", "calls", file.string()}, "2024-10-01T10:00:00Z");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(run_cli(copy, {"export", "calls"}, "2024-10-01T10:00:00Z").out, exported);
}

TEST_F(CliTest, ACallOpeningBefore1970WrittenBeforeTheRuleIsStillListedAndShown)
{
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE call SET opens_at = '1969-12-31T23:00:00Z' WHERE code = 'EUROHPC-2024-CEI-AI-02'");
  }
  EXPECT_NE(ok({"call", "list", "--format", "csv"}).find("EUROHPC-2024-CEI-AI-02,AI Factories,1969-12-31T23:00:00Z"),
            std::string::npos);
  EXPECT_NE(ok({"call", "show", k_other_call}).find("1970-01-01 00:00:00 CET"), std::string::npos);
  EXPECT_NE(ok({"export", "calls"}).find("\"opens_at\": \"1969-12-31T23:00:00Z\""), std::string::npos);
}

} // namespace
} // namespace cfp::test
