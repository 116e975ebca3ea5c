// SPDX-License-Identifier: EUPL-1.2
// `cfp report states [--call] [--cutoff] [--all]`: per participating state, the submitted
// proposals it hosts and partners, its drafts, the EU and national contributions as host, and
// what the evaluation selected; a total row in the table only.

#include "cli/import_fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

constexpr auto k_after = "2024-11-04T16:00:01Z";

class ReportStatesTest : public CliTest
{
protected:
  // "code hosted partnered drafts eu national selected eu_selected" of each row.
  std::vector<std::string> rows(std::vector<std::string> args, const std::string& now = "2024-10-01T10:00:00Z")
  {
    std::vector<std::string> command{"report", "states", "--format", "json"};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<std::string> result;
    for (const auto& row : json::parse(ok(command, now))) {
      result.push_back(row.at("code").get<std::string>() + " " + row.at("hosted").dump() + " " +
                       row.at("partnered").dump() + " " + row.at("drafts").dump() + " " +
                       row.at("eu_requested_eur").get<std::string>() + " " +
                       row.at("national_committed_eur").get<std::string>() + " " + row.at("selected").dump() + " " +
                       row.at("eu_selected_eur").get<std::string>());
    }
    return result;
  }

  void add(const std::string& acronym, const std::string& host, const std::vector<std::string>& more,
           const std::string& now = "2024-10-02T10:00:00Z", const std::string& call = k_call)
  {
    std::vector<std::string> args{"proposal", "add", "--call", call, "--acronym", acronym,
                                  "--title",  "T",   "--host", host, "--entity",  "E " + acronym};
    args.insert(args.end(), more.begin(), more.end());
    if (std::find(more.begin(), more.end(), "--eu-contribution") == more.end()) {
      args.insert(args.end(), {"--eu-contribution", "0"});
    }
    ok(args, now);
  }
};

TEST_F(ReportStatesTest, HostsPartnersDraftsAndContributionsOfTheStatesWithProposals)
{
  add("DRAFTY", "FI", {"--partner", "ES", "--eu-contribution", "9M", "--draft"});
  add("ITALIA", "IT", {"--partner", "ES,SI", "--eu-contribution", "215M", "--national-contribution", "215.5M"});
  add("GONE", "IT", {"--eu-contribution", "1M"});
  ok({"proposal", "withdraw", "GONE", "--reason", "Merged"}, "2024-10-03T10:00:00Z");
  add("OTHER", "SE", {"--eu-contribution", "2M"}, "2024-10-02T10:00:00Z", k_other_call);
  // A withdrawn proposal counts nowhere; a draft only as the host's draft.
  EXPECT_EQ(rows({}), (std::vector<std::string>{
                          "ES 1 1 0 31000000.00 0.00 0 0.00",
                          "FI 0 0 1 0.00 0.00 0 0.00",
                          "IT 1 0 0 215000000.00 215500000.00 0 0.00",
                          "PT 0 1 0 0.00 0.00 0 0.00",
                          "RO 0 1 0 0.00 0.00 0 0.00",
                          "SE 2 0 0 2000000.00 0.00 0 0.00",
                          "SI 0 1 0 0.00 0.00 0 0.00",
                          "TR 0 1 0 0.00 0.00 0 0.00",
                      }));
  EXPECT_EQ(rows({"--call", k_other_call}), (std::vector<std::string>{"SE 1 0 0 2000000.00 0.00 0 0.00"}));

  // The table adds a total row, which the data formats leave out.
  const auto table = ok({"report", "states"});
  const auto last_line = table.substr(table.rfind('\n', table.size() - 2) + 1);
  EXPECT_EQ(
      last_line,
      "       TOTAL          4          5       1      248,000,000.00  215,500,000.00         0               0.00\n")
      << table;
  EXPECT_EQ(table.find("TOTAL"), table.rfind("TOTAL"));
  for (const auto* format : {"json", "csv", "ndjson"}) {
    EXPECT_EQ(ok({"report", "states", "--format", format}).find("TOTAL"), std::string::npos) << format;
  }
}

TEST_F(ReportStatesTest, AllListsEveryParticipatingStateWithZeros)
{
  const auto every = json::parse(ok({"report", "states", "--all", "--format", "json"}));
  const auto states = json::parse(ok({"state", "list", "--format", "json"}));
  ASSERT_EQ(every.size(), states.size());
  for (std::size_t i = 0; i < every.size(); ++i) {
    EXPECT_EQ(every[i].at("code"), states[i].at("code"));
    EXPECT_EQ(every[i].at("name"), states[i].at("name"));
  }
  const auto austria = std::find_if(every.begin(), every.end(), [](const json& row) { return row.at("code") == "AT"; });
  ASSERT_NE(austria, every.end());
  EXPECT_EQ(austria->dump(), R"({"code":"AT","name":"Austria","hosted":0,"partnered":0,"drafts":0,)"
                             R"("eu_requested_eur":"0.00","national_committed_eur":"0.00","selected":0,)"
                             R"("eu_selected_eur":"0.00"})");
}

TEST_F(ReportStatesTest, OneCutOffCountsTheDraftsOnlyWhereTheyWouldGo)
{
  add("DRAFTY", "FI", {"--draft"});
  add("LATER", "DE", {"--eu-contribution", "5M"}, "2024-12-01T10:00:00Z");
  EXPECT_EQ(rows({"--call", k_call, "--cutoff", "2024-11-04"}),
            (std::vector<std::string>{"ES 1 0 0 31000000.00 0.00 0 0.00", "FI 0 0 1 0.00 0.00 0 0.00",
                                      "PT 0 1 0 0.00 0.00 0 0.00", "RO 0 1 0 0.00 0.00 0 0.00",
                                      "SE 1 0 0 0.00 0.00 0 0.00", "TR 0 1 0 0.00 0.00 0 0.00"}));
  // Before the first cut-off closes, the drafts would go to it, not to the second.
  EXPECT_EQ(rows({"--call", k_call, "--cutoff", "2025-02-01"}),
            (std::vector<std::string>{"DE 1 0 0 5000000.00 0.00 0 0.00"}));
  // Once it has closed, they would go to the second.
  EXPECT_EQ(rows({"--call", k_call, "--cutoff", "2025-02-01"}, k_after),
            (std::vector<std::string>{"DE 1 0 0 5000000.00 0.00 0 0.00", "FI 0 0 1 0.00 0.00 0 0.00"}));
  EXPECT_EQ(rows({"--call", k_call, "--cutoff", "2024-11-04"}, k_after).size(), 5U);
}

TEST_F(ReportStatesTest, SelectedOnceTheRankingIsApplied)
{
  for (const char* expert : {"Ella", "Frans", "Greta"}) {
    ok({"expert", "add", expert, "--state", "FI"});
  }
  for (const char* ref : {"BSC-AIF", "MIMER"}) {
    ok({"score", "add", ref, "--expert", "Ella", "excellence=4", "impact=4", "implementation=4"}, k_after);
  }
  ok({"rank", k_call, "--min-experts", "1", "--budget", "40M", "--apply"}, k_after);
  EXPECT_EQ(rows({}, k_after)[0], "ES 1 0 0 31000000.00 0.00 1 31000000.00");
  EXPECT_EQ(rows({}, k_after)[3], "SE 1 0 0 0.00 0.00 1 0.00");
}

TEST_F(ReportStatesTest, TheSameNumbersInEveryFormat)
{
  const auto as_json = json::parse(ok({"report", "states", "--format", "json"}));
  const auto csv = lines_of(ok({"report", "states", "--format", "csv"}));
  const auto ndjson = lines_of(ok({"report", "states", "--format", "ndjson"}));
  ASSERT_EQ(csv.size(), as_json.size() + 1);
  ASSERT_EQ(ndjson.size(), as_json.size());
  EXPECT_EQ(csv[0],
            "code,name,hosted,partnered,drafts,eu_requested_eur,national_committed_eur,selected,eu_selected_eur");
  EXPECT_EQ(csv[1], "ES,Spain,1,0,0,31000000.00,0.00,0,0.00");
  for (std::size_t i = 0; i < as_json.size(); ++i) {
    EXPECT_EQ(json::parse(ndjson[i]), as_json[i]);
  }
}

TEST_F(ReportStatesTest, SumsUpToTheLimitAreExactPastItTheReportsRefuse)
{
  const std::string before_opening = "2024-09-01T09:00:00Z";
  ok({"call", "add", "BIG", "--title", "Big", "--opens", "2024-09-10", "--budget", "0.01"}, before_opening);
  ok({"deadline", "add", "BIG", "2025-02-01"}, before_opening);
  add("HALF1", "BE", {"--eu-contribution", "46116860184273879.03"}, "2024-10-02T10:00:00Z", "BIG");
  add("HALF2", "BE", {"--eu-contribution", "46116860184273879.04"}, "2024-10-02T10:00:00Z", "BIG");
  // Exactly the most cfp counts: 92,233,720,368,547,758.07 EUR.
  EXPECT_EQ(rows({"--call", "BIG"}), (std::vector<std::string>{"BE 2 0 0 92233720368547758.07 0.00 0 0.00"}));
  const auto deadline = json::parse(ok({"report", "deadlines", "--call", "BIG", "--format", "json"})).at(0);
  EXPECT_EQ(deadline.at("eu_requested_eur"), "92233720368547758.07");
  EXPECT_EQ(deadline.at("budget_share"), "922337203685477580700.0")
      << "past what a JSON reader's double holds: a string";
  // One cent more, in another state or the same: every report that adds it up refuses, and says why.
  add("CENT", "FR", {"--eu-contribution", "0.01"}, "2024-10-02T10:00:00Z", "BIG");
  const std::string message = "the amounts add up to more than cfp can count (about 92 million billion euros)";
  fails({"report", "states"}, 1, message);
  fails({"report", "deadlines"}, 1, message);
  fails({"report", "calls"}, 1, message);
  fails({"report", "html", "--out", (m_dir / "page.html").string()}, 1, message);
  EXPECT_FALSE(std::filesystem::exists(m_dir / "page.html"));
  add("MORE", "BE", {"--eu-contribution", "0.01", "--draft"}, "2024-10-02T10:00:00Z", "BIG");
  ok({"proposal", "submit", "BIG/MORE"}, "2024-10-03T10:00:00Z");
  fails({"report", "states", "--call", "BIG"}, 1, message);
}

TEST_F(ReportStatesTest, AnEmptyDatabaseAndBadOptions)
{
  const TempDir empty;
  const auto db = empty / "empty.db";
  ASSERT_EQ(run_cli(db, {"db", "init"}).exit_code, 0);
  const auto none = run_cli(db, {"report", "states"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "(none)\n");
  EXPECT_EQ(run_cli(db, {"report", "states", "--format", "json"}).out, "[]\n");
  EXPECT_EQ(json::parse(run_cli(db, {"report", "states", "--all", "--format", "json"}).out).at(0).at("hosted"), 0);

  fails({"report", "states", "--cutoff", "2024-11-04"}, 2, "--cutoff needs --call");
  fails({"report", "states", "--call", "NOPE"}, 1, "no call 'NOPE'");
  fails({"report", "states", "--call", k_call, "--cutoff", "2031-01-01"}, 1,
        "call EUROHPC-2024-CEI-AI-01 has no cut-off labelled '2031-01-01'");
}

} // namespace
} // namespace cfp::test
