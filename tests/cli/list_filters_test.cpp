// SPDX-License-Identifier: EUPL-1.2
// Filters of several values (comma-separated or repeated), and --sort, --desc and --limit, on
// `proposal list` and the other lists that take them.

#include "cli/cli_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::ordered_json;
using Strings = std::vector<std::string>;

// Besides the fixture's BSC-AIF (ES) and MIMER (SE), submitted to the first cut-off of k_call:
// GAMMA (FI, partner ES, space, 5M) in k_other_call, and DELTA (DK, 70M), a draft of k_call.
class ListFiltersTest : public CliTest
{
protected:
  void SetUp() override
  {
    CliTest::SetUp();
    ok({"proposal", "add", "--call", k_other_call, "--acronym", "GAMMA", "--title", "Gamma", "--host", "FI",
        "--partner", "ES", "--entity", "Gamma Centre", "--sector", "space", "--eu-contribution", "5M"});
    ok({"proposal", "add", "--call", k_call, "--acronym", "DELTA", "--title", "Delta", "--host", "DK", "--entity",
        "Delta Centre", "--eu-contribution", "70M", "--draft"});
  }

  // The values of `key` in the JSON list `args` print.
  Strings values(std::vector<std::string> args, const std::string& key = "acronym")
  {
    args.insert(args.end(), {"--format", "json"});
    Strings result;
    for (const auto& record : ordered_json::parse(ok(args))) {
      result.push_back(record[key].get<std::string>());
    }
    return result;
  }
};

TEST_F(ListFiltersTest, AFilterTakesValuesSeparatedByCommasOrRepeated)
{
  EXPECT_EQ(values({"proposal", "list", "--host", "ES,FI", "--host", "se"}), (Strings{"BSC-AIF", "MIMER", "GAMMA"}));
  EXPECT_EQ(values({"proposal", "list", "--status", "draft,submitted", "--call", k_call}),
            (Strings{"BSC-AIF", "DELTA", "MIMER"}));
  EXPECT_EQ(values({"proposal", "list", "--call", std::string(k_call) + "," + k_other_call, "--state", "ES"}),
            (Strings{"BSC-AIF", "GAMMA"}));
  EXPECT_EQ(values({"proposal", "list", "--sector", "space,manufacturing"}), (Strings{"MIMER", "GAMMA"}));
  EXPECT_EQ(values({"proposal", "list", "--cutoff", "2024-11-04,2025-02-01", "--host", "FI,SE"}),
            (Strings{"MIMER", "GAMMA"}));
  EXPECT_EQ(values({"export", "proposals", "--call", std::string(k_other_call) + "," + k_call}),
            (Strings{"BSC-AIF", "DELTA", "MIMER", "GAMMA"}));
}

TEST_F(ListFiltersTest, DuplicatesAreHarmless)
{
  EXPECT_EQ(values({"proposal", "list", "--host", "ES,es,ES", "--host", "ES", "--status", "submitted,submitted"}),
            (Strings{"BSC-AIF"}));
  EXPECT_EQ(values({"proposal", "list", "--call", std::string(k_call) + "," + k_call, "--status", "draft"}),
            (Strings{"DELTA"}));
}

TEST_F(ListFiltersTest, AnUnknownValueAmongSeveralIsRefusedByName)
{
  fails({"proposal", "list", "--host", "FI,XX"}, 65, "--host: 'XX' is not a participating state");
  fails({"proposal", "list", "--state", "SE", "--state", "FI,Atlantis"}, 65, "--state: 'Atlantis'");
  fails({"proposal", "list", "--status", "submitted,accepted"}, 65, "--status: ");
  fails({"proposal", "list", "--status", "submitted,accepted"}, 65, "'accepted'");
  fails({"proposal", "list", "--sector", "space,gardening"}, 65, "--sector: ");
  fails({"proposal", "list", "--outcome", "selected,maybe"}, 65, "--outcome: ");
  fails({"proposal", "list", "--call", std::string(k_call) + ",NOPE"}, 1, "no call 'NOPE'");
  fails({"proposal", "list", "--cutoff", "2024-11-04,June"}, 1, "no cut-off labelled 'June'");
  fails({"proposal", "list", "--call", std::string(k_call) + "," + k_other_call, "--cutoff", "June"}, 1,
        "no cut-off labelled 'June' in calls " + std::string(k_call) + ", " + k_other_call);
  fails({"export", "proposals", "--call", "NOPE," + std::string(k_call)}, 1, "no call 'NOPE'");
}

TEST_F(ListFiltersTest, OneValueAnOccurrence)
{
  // A second word is not a second value: it is refused, not taken as a host.
  fails({"proposal", "list", "--host", "FI", "SE"}, 2,
        "unexpected argument 'SE' for 'cfp proposal list'; to give --host several values, join them with commas "
        "(--host FI,SE)");
}

TEST_F(ListFiltersTest, ACutoffLabelWithACommaIsGivenWhole)
{
  ok({"deadline", "add", k_call, "2025-06-02", "--label", "June, late"}, "2024-09-01T09:00:00Z");
  ok({"proposal", "add", "--call", k_call, "--acronym", "EPS", "--title", "Eps", "--host", "PT", "--entity", "E",
      "--eu-contribution", "1M"},
     "2025-03-01T10:00:00Z");
  EXPECT_EQ(values({"proposal", "list", "--cutoff", "june, LATE"}), (Strings{"EPS"}));
  EXPECT_EQ(values({"proposal", "list", "--cutoff", "June, late", "--cutoff", "2024-11-04,2025-02-01"}),
            (Strings{"BSC-AIF", "EPS", "MIMER", "GAMMA"}));
}

TEST_F(ListFiltersTest, SortByAnyFieldEitherWayWithTiesInTheDefaultOrder)
{
  EXPECT_EQ(values({"proposal", "list", "--sort", "eu_contribution_eur"}),
            (Strings{"MIMER", "GAMMA", "BSC-AIF", "DELTA"}));
  EXPECT_EQ(values({"proposal", "list", "--sort", "eu_contribution_eur", "--desc"}),
            (Strings{"DELTA", "BSC-AIF", "GAMMA", "MIMER"}));
  EXPECT_EQ(values({"proposal", "list", "--sort", "host", "--desc", "--limit", "2"}), (Strings{"MIMER", "GAMMA"}));
  // A draft has no cut-off: last, whichever way.
  EXPECT_EQ(values({"proposal", "list", "--sort", "cutoff", "--desc"}),
            (Strings{"BSC-AIF", "MIMER", "GAMMA", "DELTA"}));
  EXPECT_EQ(values({"proposal", "list", "--sort", "submitted_at"}), (Strings{"BSC-AIF", "MIMER", "GAMMA", "DELTA"}));
  // Without --sort, --desc reverses the default order (call code, acronym).
  EXPECT_EQ(values({"proposal", "list", "--desc"}), (Strings{"GAMMA", "MIMER", "DELTA", "BSC-AIF"}));
  EXPECT_EQ(values({"proposal", "list", "--limit", "1"}), (Strings{"BSC-AIF"}));
  EXPECT_EQ(values({"proposal", "list", "--state", "ES", "--sort", "acronym", "--desc"}),
            (Strings{"GAMMA", "BSC-AIF"}));
}

TEST_F(ListFiltersTest, ABadSortOrLimitIsAUsageError)
{
  fails({"proposal", "list", "--sort", "budget"}, 2,
        "--sort: unknown field 'budget'; sort by one of: id, call, acronym, title, host, partners, entity, plan, "
        "experimental_platform, eu_contribution_eur, national_contribution_eur, sectors, status, cutoff, "
        "cutoff_closes_at, submitted_at, version, withdrawal_reason, outcome");
  fails({"proposal", "list", "--limit", "0"}, 2, "--limit: '0' is not a whole number of 1 or more");
  fails({"proposal", "list", "--limit", "-2"}, 2, "--limit: '-2' is not a whole number of 1 or more");
  fails({"proposal", "list", "--limit", "ten"}, 2, "--limit: 'ten' is not a whole number of 1 or more");
  fails({"proposal", "list", "--sort"}, 2, "--sort");
}

TEST_F(ListFiltersTest, ExpertConflictsTakeSeveralCallsAndExperts)
{
  ok({"expert", "add", "Ana Ferreira", "--state", "PT"});
  ok({"expert", "add", "Berg, Jonas", "--state", "SE"});
  ok({"expert", "add", "Kari Virtanen", "--state", "FI"});
  EXPECT_EQ(values({"expert", "conflicts", "--expert", "Ana Ferreira", "--expert", "Kari Virtanen"}, "expert"),
            (Strings{"Ana Ferreira", "Kari Virtanen"}));
  // A name holding a comma is taken whole.
  EXPECT_EQ(values({"expert", "conflicts", "--expert", "berg, jonas"}, "acronym"), (Strings{"MIMER"}));
  EXPECT_EQ(values({"expert", "conflicts", "--call", std::string(k_call) + "," + k_other_call}, "acronym"),
            (Strings{"BSC-AIF", "MIMER", "GAMMA"}));
  EXPECT_EQ(
      values({"expert", "conflicts", "--call", k_other_call, "--expert", "Kari Virtanen,Ana Ferreira"}, "acronym"),
      (Strings{"GAMMA"}));
  fails({"expert", "conflicts", "--expert", "Ana Ferreira,Nobody"}, 1, "no expert 'Nobody'");
  fails({"expert", "conflicts", "--call", std::string(k_call) + ",NOPE"}, 1, "no call 'NOPE'");
}

} // namespace
} // namespace cfp::test
