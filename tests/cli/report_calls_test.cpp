// SPDX-License-Identifier: EUPL-1.2
// `cfp report calls [--at WHEN]`: per call, its cut-offs open and closed, its proposals by
// status, the EU contribution requested against its budget, and its next cut-off.

#include "cli/import_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class ReportCallsTest : public CliTest
{
protected:
  // "call cutoffs open closed drafts submitted withdrawn eu share | next local at left seconds".
  std::vector<std::string> rows(std::vector<std::string> args, const std::string& now = "2024-10-01T10:00:00Z")
  {
    std::vector<std::string> command{"report", "calls", "--format", "json"};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::string> result;
    const auto text = [](const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); };
    for (const auto& row : json::parse(ok(command, now))) {
      std::string line = row.at("call").get<std::string>();
      if (line.rfind("EUROHPC-2024-CEI-", 0) == 0) {
        line.erase(0, 17);
      }
      for (const auto* field : {"cutoffs", "cutoffs_open", "cutoffs_closed", "drafts", "submitted", "withdrawn",
                                "eu_requested_eur", "budget_eur", "budget_share"}) {
        line += " " + text(row.at(field));
      }
      line += " |";
      for (const auto* field : {"next_cutoff", "next_closes_local", "next_closes_at", "time_left", "seconds_left"}) {
        line += " " + text(row.at(field));
      }
      result.push_back(line);
    }
    return result;
  }
};

TEST_F(ReportCallsTest, EachCallWithItsCutOffsProposalsAndNextCutOff)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFTY", "--title", "T", "--host", "FI", "--entity", "E",
      "--draft"});
  EXPECT_EQ(rows({}), (std::vector<std::string>{
                          "AI-01 2 2 0 1 2 0 31000000.00 1500000000.00 2.1 | 2024-11-04 2024-11-04 17:00:00 CET "
                          "2024-11-04T16:00:00Z 34d 06h 00m 2959200",
                          "AI-02 2 2 0 0 0 0 0.00 1500000000.00 0.0 | 2024-11-04 2024-11-04 17:00:00 CET "
                          "2024-11-04T16:00:00Z 34d 06h 00m 2959200",
                      }));
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged"}, "2024-10-02T10:00:00Z");
  // At the closing second the cut-off is still the next one; a second later the next is the second.
  EXPECT_EQ(rows({"--at", "2024-11-04T16:00:00Z"})[0],
            "AI-01 2 2 0 1 1 1 31000000.00 1500000000.00 2.1 | 2024-11-04 2024-11-04 17:00:00 CET "
            "2024-11-04T16:00:00Z 0d 00h 00m 00s 0");
  EXPECT_EQ(rows({"--at", "2024-11-04T16:00:01Z"})[0],
            "AI-01 2 1 1 1 1 1 31000000.00 1500000000.00 2.1 | 2025-02-01 2025-02-01 17:00:00 CET "
            "2025-02-01T16:00:00Z 88d 23h 59m 7689599");
  // After the last cut-off no next one.
  EXPECT_EQ(rows({"--at", "2025-03-01"})[0],
            "AI-01 2 0 2 1 1 1 31000000.00 1500000000.00 2.1 | null null null null null");
  const auto table = ok({"report", "calls", "--at", "2025-03-01"});
  EXPECT_NE(table.find("CALL                    OPEN  CLOSED  DRAFTS"), std::string::npos) << table;
}

TEST_F(ReportCallsTest, BeforeTheCallOpensInSummerAndWithoutABudget)
{
  ok({"call", "add", "SUMMER", "--title", "Summer call", "--opens", "2025-05-01"}, "2024-10-01T10:00:00Z");
  ok({"deadline", "add", "SUMMER", "2025-06-30"}, "2024-10-01T10:00:00Z");
  const auto summer = rows({});
  ASSERT_EQ(summer.size(), 3U);
  // Not yet open: neither open nor closed, and still the next cut-off; summer time is CEST.
  EXPECT_EQ(summer[2], "SUMMER 1 0 0 0 0 0 0.00 null null | 2025-06-30 2025-06-30 17:00:00 CEST "
                       "2025-06-30T15:00:00Z 272d 05h 00m 23518800")
      << summer[2];
  const auto csv = lines_of(ok({"report", "calls", "--format", "csv"}));
  EXPECT_EQ(csv[0], "call,title,budget_eur,cutoffs,cutoffs_open,cutoffs_closed,drafts,submitted,withdrawn,"
                    "eu_requested_eur,budget_share,next_cutoff,next_closes_local,next_closes_at,time_left,"
                    "seconds_left");
  EXPECT_EQ(csv[3], "SUMMER,Summer call,,1,0,0,0,0,0,0.00,,2025-06-30,2025-06-30 17:00:00 CEST,"
                    "2025-06-30T15:00:00Z,272d 05h 00m,23518800");
}

TEST_F(ReportCallsTest, AnEmptyDatabaseAndABadTime)
{
  const TempDir empty;
  const auto db = empty / "empty.db";
  ASSERT_EQ(run_cli(db, {"db", "init"}).exit_code, 0);
  const auto none = run_cli(db, {"report", "calls"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.err, "(none)\n");
  EXPECT_EQ(run_cli(db, {"report", "calls", "--format", "ndjson"}).out, "");
  fails({"report", "calls", "--at", "yesterday"}, 65, "--at");
}

} // namespace
} // namespace cfp::test
