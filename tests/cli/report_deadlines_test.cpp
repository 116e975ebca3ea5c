// SPDX-License-Identifier: EUPL-1.2
// `cfp report deadlines`: each cut-off at the report time with its status, the time left (in
// seconds under an hour, how long ago once closed), the proposals submitted, drafts and
// withdrawn, and the EU contribution requested against the call's budget.

#include "cli/import_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class ReportDeadlinesTest : public CliTest
{
protected:
  // "call label status time_left seconds_left submitted drafts withdrawn eu share" of each row.
  std::vector<std::string> rows(std::vector<std::string> args, const std::string& now = "2024-10-01T10:00:00Z")
  {
    std::vector<std::string> command{"report", "deadlines", "--format", "json"};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::string> result;
    for (const auto& row : json::parse(ok(command, now))) {
      result.push_back(row.at("call").get<std::string>().substr(17) + " " + row.at("label").get<std::string>() + " " +
                       row.at("status").get<std::string>() + " " + row.at("time_left").get<std::string>() + " " +
                       row.at("seconds_left").dump() + " " + row.at("submitted").dump() + " " +
                       row.at("drafts").dump() + " " + row.at("withdrawn").dump() + " " +
                       row.at("eu_requested_eur").get<std::string>() + " " + row.at("budget_share").dump());
    }
    return result;
  }
};

TEST_F(ReportDeadlinesTest, EachOpenCutOffWithItsProposalsAndTheShareOfTheBudget)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "T", "--host", "FI", "--entity", "E",
      "--draft"});
  EXPECT_EQ(rows({}), (std::vector<std::string>{
                          "AI-01 2024-11-04 open 34d 06h 00m 2959200 2 1 0 31000000.00 2.1",
                          "AI-02 2024-11-04 open 34d 06h 00m 2959200 0 0 0 0.00 0.0",
                          "AI-01 2025-02-01 open 123d 06h 00m 10648800 0 0 0 0.00 0.0",
                          "AI-02 2025-02-01 open 123d 06h 00m 10648800 0 0 0 0.00 0.0",
                      }));
  // Once the first cut-off has closed, the drafts would go to the next one; a withdrawal counts
  // where the proposal was.
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged"}, "2024-11-02T10:00:00Z");
  EXPECT_EQ(rows({"--call", k_call}, "2024-11-05T16:00:00Z"),
            (std::vector<std::string>{"AI-01 2024-11-04 closed closed 1d ago -86400 1 0 1 31000000.00 2.1",
                                      "AI-01 2025-02-01 open 88d 00h 00m 7603200 0 1 0 0.00 0.0"}));
}

TEST_F(ReportDeadlinesTest, TheLastHourShowsSecondsTheClosingSecondIsOpenAndTheNextClosed)
{
  const auto first = [&](const std::string& at) { return rows({"--call", k_call, "--at", at}).front(); };
  EXPECT_EQ(first("2024-11-04T15:00:00Z"), "AI-01 2024-11-04 open 0d 01h 00m 3600 2 0 0 31000000.00 2.1");
  EXPECT_EQ(first("2024-11-04T15:59:30Z"), "AI-01 2024-11-04 open 0d 00h 00m 30s 30 2 0 0 31000000.00 2.1");
  EXPECT_EQ(first("2024-11-04T16:00:00Z"), "AI-01 2024-11-04 open 0d 00h 00m 00s 0 2 0 0 31000000.00 2.1");
  EXPECT_EQ(first("2024-11-04T16:00:01Z"), "AI-01 2024-11-04 closed closed 1s ago -1 2 0 0 31000000.00 2.1");
  EXPECT_EQ(first("2024-11-04 18:00"), "AI-01 2024-11-04 closed closed 1h ago -3600 2 0 0 31000000.00 2.1")
    << "--at as a wall time in the display zone";
}

TEST_F(ReportDeadlinesTest, TheDefaultWindowWithinAndAll)
{
  ok({"deadline", "add", k_call, "2025-06-02"});
  // 30 days after the first cut-off it is still shown; a day later it is not.
  EXPECT_EQ(rows({"--call", k_call}, "2024-12-04T16:00:00Z").size(), 3u);
  EXPECT_EQ(rows({"--call", k_call}, "2024-12-04T16:00:01Z").size(), 2u);
  EXPECT_EQ(rows({"--call", k_call, "--within", "60"}, "2024-12-04T16:00:00Z"),
            (std::vector<std::string>{"AI-01 2025-02-01 open 59d 00h 00m 5097600 0 0 0 0.00 0.0"}));
  const auto all = rows({"--call", k_call, "--all"}, "2025-07-01T10:00:00Z");
  ASSERT_EQ(all.size(), 3u);
  // A cut-off in summer is shown in summer time.
  const auto summer = json::parse(ok({"report", "deadlines", "--call", k_call, "--all", "--format", "json"}));
  EXPECT_EQ(summer.at(2).at("closes_local"), "2025-06-02 17:00:00 CEST");
  EXPECT_EQ(summer.at(2).at("closes_at"), "2025-06-02T15:00:00Z");
}

TEST_F(ReportDeadlinesTest, BeforeTheCallOpensWithoutABudgetAndWithoutAnyCall)
{
  ok({"call", "add", "EUROHPC-2026-NOBUDGET", "--title", "Later", "--opens", "2026-03-01"}, "2026-01-10T10:00:00Z");
  ok({"deadline", "add", "EUROHPC-2026-NOBUDGET", "2026-04-02"}, "2026-01-10T10:00:00Z");
  const auto later = json::parse(
      ok({"report", "deadlines", "--call", "EUROHPC-2026-NOBUDGET", "--all", "--format", "json"}, "2026-02-01T10:00:00Z"));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later.at(0).at("status"), "not_open");
  EXPECT_TRUE(later.at(0).at("budget_share").is_null()) << "a call without a budget has no share";

  const TempDir empty;
  const auto db = empty / "empty.db";
  ASSERT_EQ(run_cli(db, {"db", "init"}, "2024-10-01T10:00:00Z").exit_code, 0);
  const auto none = run_cli(db, {"report", "deadlines", "--format", "json"}, "2024-10-01T10:00:00Z");
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "[]\n");
}

TEST_F(ReportDeadlinesTest, ABadOptionSaysWhatToGive)
{
  fails({"report", "deadlines", "--within", "0"}, 65, "--within '0': give a whole number of days from 1 to 36500");
  fails({"report", "deadlines", "--within", "7d"}, 65, "--within '7d': give a whole number of days");
  fails({"report", "deadlines", "--at", "31/01/2025"}, 65, "--at");
  fails({"report", "deadlines", "--call", "NOPE"}, 1, "no call 'NOPE'");
}

} // namespace
} // namespace cfp::test
