// SPDX-License-Identifier: EUPL-1.2
// `cfp log`: --ref (with the imports that made or changed the proposal), --call, --actor,
// --action, --since, --until, --sort, --desc and --limit.

#include "cli/import_fixture.hpp"

namespace cfp::test {
namespace {

using Strings = std::vector<std::string>;

// Besides the fixture's entries (tester adds both calls and their cut-offs on 2024-09-01, and
// BSC-AIF and MIMER on 2024-10-01): alice retitles MIMER on 2024-10-02; tester imports LUMI-AIF
// and JUPITER-AIF on 2024-10-03 and retitles BSC-AIF by an import on 2024-10-04; bob adds GAMMA
// to the other call on 2024-10-05; tester changes the other call's title by an import of calls
// on 2024-10-06.
class LogFiltersTest : public ImportExportTest
{
protected:
  void SetUp() override
  {
    ImportExportTest::SetUp();
    ok({"--as", "alice", "proposal", "update", "MIMER", "--title", "MIMER, retitled"}, "2024-10-02T10:00:00Z");
    import_ok(write("new.csv", k_two_new_rows), "2024-10-03T10:00:00Z");
    import_ok(write("bsc.csv", std::string(k_min_header) + k_call + ",BSC-AIF,BSC AI Factory II,ES,BSC,31M\n"),
              "2024-10-04T10:00:00Z");
    ok({"--as", "bob", "proposal", "add", "--call", k_other_call, "--acronym", "GAMMA", "--title", "Gamma", "--host",
        "FI", "--entity", "Gamma Centre", "--eu-contribution", "1M"},
       "2024-10-05T10:00:00Z");
    const auto calls = write("calls.json", std::string(R"({"calls": [{"code": ")") + k_other_call +
                                               R"(", "title": "AI Factories, services"}]})");
    ok({"import", "calls", calls.string()}, "2024-10-06T10:00:00Z");
  }

  // The entity of each entry `log ARGS` lists, newest first.
  Strings entities(std::vector<std::string> args)
  {
    args.insert(args.begin(), "log");
    args.insert(args.end(), {"--format", "json"});
    Strings result;
    for (const auto& entry : as_json(ok(args, "2024-12-01T10:00:00Z"))) {
      result.push_back(entry["action"].get<std::string>() + " " + entry["entity"].get<std::string>());
    }
    return result;
  }

  const std::string a = std::string("proposal ") + k_call + "/";
};

TEST_F(LogFiltersTest, RefListsTheImportsThatMadeOrChangedTheProposal)
{
  EXPECT_EQ(entities({"--ref", "LUMI-AIF"}), (Strings{"import import proposals " + (m_dir / "new.csv").string()}));
  EXPECT_EQ(entities({"--ref", "BSC-AIF"}),
            (Strings{"import import proposals " + (m_dir / "bsc.csv").string(), "add " + a + "BSC-AIF"}));
  // Untouched by either import.
  EXPECT_EQ(entities({"--ref", "MIMER"}), (Strings{"update " + a + "MIMER", "add " + a + "MIMER"}));
  // Several proposals, each entry once.
  EXPECT_EQ(entities({"--ref", "LUMI-AIF,JUPITER-AIF", "--ref", "MIMER"}),
            (Strings{"import import proposals " + (m_dir / "new.csv").string(), "update " + a + "MIMER",
                     "add " + a + "MIMER"}));
  // An import that leaves a proposal as it is does not concern it.
  import_ok(write("new.csv", k_two_new_rows), "2024-10-07T10:00:00Z");
  EXPECT_EQ(entities({"--ref", "LUMI-AIF"}).size(), 1u);
  fails({"log", "--ref", "LUMI-AIF,NOPE"}, 1, "no proposal 'NOPE'");
}

TEST_F(LogFiltersTest, CallListsTheCallItsCutoffsProposalsAndTheImportsIntoIt)
{
  const std::string other = k_other_call;
  EXPECT_EQ(
      entities({"--call", other}),
      (Strings{"import import calls " + (m_dir / "calls.json").string(), "update call " + other,
               "add proposal " + other + "/GAMMA", "add cutoff " + other + "/2025-02-01",
               "add cutoff " + other + "/2024-11-04", "add criterion " + other + "/implementation",
               "add criterion " + other + "/impact", "add criterion " + other + "/excellence", "add call " + other}));
  // The call, its 3 criteria and 2 cut-offs, 2 proposals added, 1 updated, 2 imports of proposals.
  const auto of_first = entities({"--call", k_call});
  EXPECT_EQ(of_first.size(), 11u);
  EXPECT_EQ(of_first.front(), "import import proposals " + (m_dir / "bsc.csv").string());
  EXPECT_EQ(entities({"--call", std::string(k_call) + "," + other}).size(), entities({}).size());
  // An import of calls that changes nothing of the call does not concern it.
  ok({"import", "calls", (m_dir / "calls.json").string()}, "2024-10-07T10:00:00Z");
  EXPECT_EQ(entities({"--call", other, "--action", "import"}),
            (Strings{"import import calls " + (m_dir / "calls.json").string()}));
  EXPECT_EQ(entities({"--action", "import"}).size(), 4u);
  fails({"log", "--call", "NOPE"}, 1, "no call 'NOPE'");
}

TEST_F(LogFiltersTest, ActorsAndActionsTakeSeveralValuesIgnoringCase)
{
  EXPECT_EQ(entities({"--actor", "ALICE"}), (Strings{"update " + a + "MIMER"}));
  EXPECT_EQ(entities({"--actor", "alice,Bob"}),
            (Strings{"add proposal " + std::string(k_other_call) + "/GAMMA", "update " + a + "MIMER"}));
  EXPECT_EQ(entities({"--action", "update", "--actor", "tester"}),
            (Strings{"update call " + std::string(k_other_call)}));
  EXPECT_EQ(entities({"--action", "IMPORT", "--call", k_call}),
            (Strings{"import import proposals " + (m_dir / "bsc.csv").string(),
                     "import import proposals " + (m_dir / "new.csv").string()}));
  fails({"log", "--actor", "alice,carol"}, 1, "--actor: no entry of the audit log was made by 'carol'");
  fails({"log", "--action", "add,delete"}, 1,
        "--action: no entry of the audit log has the action 'delete'; its actions are: add, import, update");
}

TEST_F(LogFiltersTest, AnActorWithACommaIsGivenWhole)
{
  ok({"--as", "Rossi, Maria", "proposal", "update", "MIMER", "--title", "MIMER again"}, "2024-10-08T10:00:00Z");
  EXPECT_EQ(entities({"--actor", "rossi, maria"}), (Strings{"update " + a + "MIMER"}));
  EXPECT_EQ(entities({"--actor", "Rossi, Maria", "--actor", "bob,alice"}).size(), 3u);
}

TEST_F(LogFiltersTest, SinceAndUntilTakeEveryWhenAndABareUntilIncludesItsDay)
{
  // Brussels time: 2024-10-03 ends at 21:59:59Z.
  EXPECT_EQ(entities({"--since", "2024-10-02", "--until", "2024-10-03"}),
            (Strings{"import import proposals " + (m_dir / "new.csv").string(), "update " + a + "MIMER"}));
  EXPECT_EQ(entities({"--since", "2024-10-02T10:00:01Z", "--until", "2024-10-03 12:00"}),
            (Strings{"import import proposals " + (m_dir / "new.csv").string()}));
  EXPECT_EQ(entities({"--until", "2024-10-01", "--action", "add", "--limit", "2"}),
            (Strings{"add " + a + "MIMER", "add " + a + "BSC-AIF"}));
  EXPECT_EQ(entities({"--since", "2024-10-06", "--until", "2024-10-06"}).size(), 2u);
  // In another zone the same day is another range: 2024-10-06 in Kiritimati (UTC+14) runs from
  // 2024-10-05T10:00:00Z, when bob added GAMMA, to 09:59:59Z, a second before the import of calls.
  EXPECT_EQ(entities({"--tz", "Pacific/Kiritimati", "--since", "2024-10-06", "--until", "2024-10-06"}),
            (Strings{"add proposal " + std::string(k_other_call) + "/GAMMA"}));
  fails({"log", "--since", "2024-10-05", "--until", "2024-10-01"}, 2,
        "--since '2024-10-05' (2024-10-04T22:00:00Z) is later than --until '2024-10-01' (2024-10-01T21:59:59Z)");
  fails({"log", "--since", "yesterday"}, 65, "--since: ");
  fails({"log", "--until", "2024-02-30"}, 65, "--until: ");
}

TEST_F(LogFiltersTest, SortDescAndLimit)
{
  EXPECT_EQ(entities({"--desc", "--limit", "1"}), (Strings{"add call " + std::string(k_call)}));
  EXPECT_EQ(entities({"--sort", "actor", "--limit", "2"}),
            (Strings{"update " + a + "MIMER", "add proposal " + std::string(k_other_call) + "/GAMMA"}));
  EXPECT_EQ(entities({"--sort", "at", "--desc", "--actor", "tester", "--limit", "1"}),
            (Strings{"import import calls " + (m_dir / "calls.json").string()}));
  // Entries of the same time keep the default order: newest first.
  EXPECT_EQ(entities({"--sort", "at", "--until", "2024-09-01", "--limit", "2"}),
            (Strings{"add cutoff " + std::string(k_other_call) + "/2025-02-01",
                     "add cutoff " + std::string(k_other_call) + "/2024-11-04"}));
  EXPECT_EQ(entities({}).size(), 20u);
  EXPECT_EQ(entities({"--limit", "3"}).size(), 3u);
  fails({"log", "--limit", "0"}, 2, "--limit: '0' is not a whole number of 1 or more");
  fails({"log", "--sort", "when"}, 2,
        "--sort: unknown field 'when'; sort by one of: at, actor, command, entity, action, before, after, real_at, "
        "simulated");
}

} // namespace
} // namespace cfp::test
