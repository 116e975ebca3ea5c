// SPDX-License-Identifier: EUPL-1.2
// --sort, --desc and --limit on the lists held in memory (calls, cut-offs, experts, scores),
// and the --call of `deadline list` and `score list` with several values.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::ordered_json;
using Strings = std::vector<std::string>;

class ListOrderCliTest : public CliTest
{
protected:
  // The values of `key` in the JSON list `args` print, as text.
  Strings values(std::vector<std::string> args, const std::string& key, const std::string& now = "2024-10-01T10:00:00Z")
  {
    args.insert(args.end(), {"--format", "json"});
    Strings result;
    for (const auto& record : ordered_json::parse(ok(args, now))) {
      result.push_back(record[key].is_string() ? record[key].get<std::string>() : record[key].dump());
    }
    return result;
  }
};

TEST_F(ListOrderCliTest, CallsByAnyFieldWithMissingValuesLast)
{
  const std::string before_opening = "2024-09-01T09:00:00Z";
  ok({"call", "add", "AAA-SMALL", "--title", "Small call", "--budget", "2M"}, before_opening);
  ok({"call", "add", "ZZZ-OPEN", "--title", "Another call"}, before_opening);
  EXPECT_EQ(values({"call", "list"}, "code"), (Strings{"AAA-SMALL", k_call, k_other_call, "ZZZ-OPEN"}));
  // ZZZ-OPEN has no budget: last either way; the two AI Factories calls tie, in code order.
  EXPECT_EQ(values({"call", "list", "--sort", "budget_eur"}, "code"),
            (Strings{"AAA-SMALL", k_call, k_other_call, "ZZZ-OPEN"}));
  EXPECT_EQ(values({"call", "list", "--sort", "budget_eur", "--desc"}, "code"),
            (Strings{k_call, k_other_call, "AAA-SMALL", "ZZZ-OPEN"}));
  EXPECT_EQ(values({"call", "list", "--sort", "title", "--limit", "2"}, "code"), (Strings{k_call, k_other_call}));
  EXPECT_EQ(values({"call", "list", "--desc", "--limit", "1"}, "code"), (Strings{"ZZZ-OPEN"}));
  fails({"call", "list", "--sort", "budget"}, 2,
        "--sort: unknown field 'budget'; sort by one of: code, title, opens_at, budget_eur");
  fails({"call", "list", "--limit", "0"}, 2, "--limit: '0' is not a whole number of 1 or more");
}

TEST_F(ListOrderCliTest, DeadlinesOfSeveralCallsInAnyOrder)
{
  ok({"deadline", "add", k_other_call, "2025-06-02", "--label", "June"}, "2024-09-01T09:00:00Z");
  EXPECT_EQ(values({"deadline", "list", "--call", std::string(k_call) + "," + k_other_call, "--open"}, "label"),
            (Strings{"2024-11-04", "2024-11-04", "2025-02-01", "2025-02-01", "June"}));
  EXPECT_EQ(values({"deadline", "list", "--call", k_other_call, "--call", k_other_call}, "label"),
            (Strings{"2024-11-04", "2025-02-01", "June"}));
  EXPECT_EQ(values({"deadline", "list", "--sort", "label", "--desc", "--limit", "2"}, "call"),
            (Strings{k_other_call, k_call}));
  // Time left is negative once closed: the closed cut-offs first.
  EXPECT_EQ(values({"deadline", "list", "--sort", "seconds_left", "--limit", "2"}, "label", "2024-12-01T00:00:00Z"),
            (Strings{"2024-11-04", "2024-11-04"}));
  EXPECT_EQ(values({"deadline", "list", "--sort", "status"}, "status", "2024-12-01T00:00:00Z"),
            (Strings{"closed", "closed", "open", "open", "open"}));
  fails({"deadline", "list", "--call", std::string(k_call) + ",NOPE"}, 1, "no call 'NOPE'");
  fails({"deadline", "list", "--sort", "closes"}, 2, "--sort: unknown field 'closes'; sort by one of: call, label");
}

TEST_F(ListOrderCliTest, ExpertsInAnyOrder)
{
  ok({"expert", "add", "Ana Ferreira", "--state", "PT", "--organisation", "University of Porto"});
  ok({"expert", "add", "Jonas Berg", "--state", "SE"});
  ok({"expert", "add", "Katrin Vogel", "--state", "DE", "--organisation", "HLRS"});
  EXPECT_EQ(values({"expert", "list", "--sort", "state"}, "name"),
            (Strings{"Katrin Vogel", "Ana Ferreira", "Jonas Berg"}));
  EXPECT_EQ(values({"expert", "list", "--sort", "organisation", "--desc"}, "name"),
            (Strings{"Ana Ferreira", "Katrin Vogel", "Jonas Berg"}));
  EXPECT_EQ(values({"expert", "list", "--limit", "1"}, "name"), (Strings{"Ana Ferreira"}));
}

TEST_F(ListOrderCliTest, ScoresOfSeveralCallsInAnyOrder)
{
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "GAMMA", "--title", "Gamma", "--host", "FI", "--entity",
      "Gamma Centre", "--eu-contribution", "1M"});
  EXPECT_EQ(values({"score", "list", "--call", std::string(k_other_call) + "," + k_call}, "acronym"),
            (Strings{"BSC-AIF", "BSC-AIF", "BSC-AIF", "MIMER", "MIMER", "MIMER", "GAMMA", "GAMMA", "GAMMA"}));
  EXPECT_EQ(values({"score", "list", "--call", k_call, "--call", k_other_call, "--sort", "criterion", "--limit", "3"},
                   "criterion"),
            (Strings{"excellence", "excellence", "excellence"}));
  EXPECT_EQ(values({"score", "list", "--call", std::string(k_other_call) + "," + k_call, "--desc", "--limit", "1"},
                   "acronym"),
            (Strings{"GAMMA"}));
  fails({"score", "list", "--call", std::string(k_call) + ",NOPE"}, 1, "no call 'NOPE'");
  fails({"score", "list", "MIMER", "--call", k_call}, 2, "give either REF or --call CODE");
  fails({"score", "list", "--call", k_call, "--sort", "score"}, 2, "--sort: unknown field 'score'");
}

} // namespace
} // namespace cfp::test
