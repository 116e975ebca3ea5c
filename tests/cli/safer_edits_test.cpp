// SPDX-License-Identifier: EUPL-1.2
// Safer edits: partners and sectors changed one at a time, the changed-fields line, --dry-run
// on the changing commands, every problem of a request at once, and the budget warning.
#include "cli/cli_fixture.hpp"
#include "store/sqlite/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::ordered_json;

class SaferEditsTestBase : public CliTest
{
protected:
  ordered_json show(const std::string& ref)
  {
    return ordered_json::parse(ok({"--format", "json", "proposal", "show", ref}));
  }
  std::size_t versions(const std::string& ref)
  {
    return ordered_json::parse(ok({"--format", "json", "proposal", "history", ref})).size();
  }
};

using SaferEditsTest = SaferEditsTestBase;

TEST_F(SaferEditsTest, AddPartnerKeepsTheOthers)
{
  const auto result = cfp({"proposal", "update", "BSC-AIF", "--add-partner", "it,FR"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(show("BSC-AIF")["partners"], ordered_json::parse(R"(["FR","IT","PT","RO","TR"])"));
  EXPECT_NE(result.err.find("changed: partners PT,RO,TR -> FR,IT,PT,RO,TR\n"), std::string::npos) << result.err;
}

TEST_F(SaferEditsTest, RemovePartnerKeepsTheOthers)
{
  ok({"proposal", "update", "BSC-AIF", "--remove-partner", "RO"});
  EXPECT_EQ(show("BSC-AIF")["partners"], ordered_json::parse(R"(["PT","TR"])"));
}

TEST_F(SaferEditsTest, AddAndRemoveSectors)
{
  const auto result = cfp({"proposal", "update", "BSC-AIF", "--add-sector", "space", "--remove-sector", "Health"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(show("BSC-AIF")["sectors"], ordered_json::parse(R"(["climate","space"])"));
  EXPECT_NE(result.err.find("changed: sectors health,climate -> climate,space"), std::string::npos) << result.err;
}

TEST_F(SaferEditsTest, RemovingAPartnerThatIsNotThereIsRefusedNamingThePartners)
{
  fails({"proposal", "update", "BSC-AIF", "--remove-partner", "SE"}, 65,
        "--remove-partner: SE is not a partner (the partners are: PT,RO,TR)");
  fails({"proposal", "update", "MIMER", "--remove-sector", "space"}, 65,
        "--remove-sector: space is not a sector (the sectors are: manufacturing)");
}

TEST_F(SaferEditsTest, AddingWhatIsThereOrAnUnknownStateIsRefused)
{
  fails({"proposal", "update", "BSC-AIF", "--add-partner", "PT"}, 65, "--add-partner: PT is already a partner");
  fails({"proposal", "update", "BSC-AIF", "--add-partner", "ZZ"}, 65, "--add-partner: 'ZZ' is not a participating");
  fails({"proposal", "update", "BSC-AIF", "--add-partner", "ES"}, 65, "ES is the host state");
  fails({"proposal", "update", "BSC-AIF", "--add-sector", "tourism"}, 65, "--add-sector: 'tourism' is not a sector");
}

TEST_F(SaferEditsTest, ReplacingAndChangingOneListAtOnceIsAUsageError)
{
  fails({"proposal", "update", "BSC-AIF", "--partner", "SE", "--add-partner", "FI"}, 2, "exclude --add-partner");
  fails({"proposal", "update", "BSC-AIF", "--clear-sectors", "--remove-sector", "health"}, 2,
        "exclude --add-sector and --remove-sector");
}

TEST_F(SaferEditsTest, UpdateHelpSaysThatPartnerAndSectorReplaceTheWholeList)
{
  const auto help = ok({"proposal", "update", "--help"});
  EXPECT_NE(help.find("Partner states: replaces the whole list"), std::string::npos) << help;
  EXPECT_NE(help.find("Target sectors: replaces the whole list"), std::string::npos) << help;
  EXPECT_NE(help.find("--add-partner"), std::string::npos);
  EXPECT_NE(help.find("--dry-run"), std::string::npos);
}

TEST_F(SaferEditsTest, AnUpdateSaysWhatChangedFieldByField)
{
  const auto result =
      cfp({"proposal", "update", "BSC-AIF", "--partner", "SE", "--eu-contribution", "31.5M"}, "2024-10-02T10:00:00Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: partners PT,RO,TR -> SE; eu_contribution_eur 31,000,000.00 -> 31,500,000.00; "
                            "submitted_at 2024-10-01 12:00:00 CEST -> 2024-10-02 12:00:00 CEST\n"),
            std::string::npos)
      << result.err;
}

TEST_F(SaferEditsTest, WithdrawAndSubmitSayWhatChanged)
{
  auto result = cfp({"proposal", "withdraw", "MIMER", "--reason", "co-funding"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: status submitted -> withdrawn; withdrawal_reason (none) -> co-funding\n"),
            std::string::npos)
      << result.err;
  result = cfp({"proposal", "submit", "MIMER"});
  EXPECT_NE(result.err.find("changed: status withdrawn -> submitted; withdrawal_reason co-funding -> (none)\n"),
            std::string::npos)
      << result.err;
}

TEST_F(SaferEditsTest, DryRunUpdateSaysWhatWouldChangeAndChangesNothing)
{
  const auto before = dump_database(m_db);
  const auto result = cfp({"proposal", "update", "BSC-AIF", "--partner", "SE", "--dry-run"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("changed: partners PT,RO,TR -> SE"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("dry run: nothing was changed"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("receipt:"), std::string::npos) << "a dry run gives no receipt: " << result.err;
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_EQ(versions("BSC-AIF"), 1U);
}

TEST_F(SaferEditsTest, DryRunOfEveryKindOfChangeChangesNothing)
{
  const std::vector<std::vector<std::string>> commands{
      {"call", "add", "TEST-CALL", "--title", "Test"},
      {"call", "set-threshold", k_call, "10"},
      {"deadline", "add", k_call, "2025-06-01"},
      {"proposal", "add", "--call", k_call, "--acronym", "NEW", "--title", "t", "--host", "FI", "--entity", "e",
       "--eu-contribution", "1M"},
      {"proposal", "withdraw", "BSC-AIF", "--reason", "r"},
      {"criterion", "add", k_call, "novelty", "--name", "Novelty"},
      {"expert", "add", "Ella Expert", "--state", "FI"},
  };
  const auto before = dump_database(m_db);
  for (auto args : commands) {
    args.emplace_back("--dry-run");
    const auto result = cfp(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << ' ' << args[1] << ": " << result.err;
    EXPECT_NE(result.err.find("dry run: nothing was changed"), std::string::npos) << result.err;
    EXPECT_EQ(dump_database(m_db), before) << args[0] << ' ' << args[1];
  }
}

TEST_F(SaferEditsTest, DryRunStillRefusesWhatTheRulesRefuse)
{
  fails({"proposal", "update", "BSC-AIF", "--title", "late", "--dry-run"}, 1, "read-only", "2025-03-01T10:00:00Z");
}

TEST_F(SaferEditsTest, DryRunCreatesNoDatabase)
{
  const auto missing = m_dir / "missing.db";
  const auto result = run_cli(missing, {"call", "add", "X", "--title", "t", "--dry-run"}, "2024-10-01T10:00:00Z");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("a dry run creates none"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(SaferEditsTest, AddReportsEveryProblemAtOnceUnderTheOptionNames)
{
  fails({"proposal", "add", "--call", "NO-SUCH-CALL", "--acronym", "bad acronym", "--title", "t", "--host", "ZZ",
         "--entity", "e", "--eu-contribution", "12,5"},
        65, "cannot record proposal bad acronym; 4 problems:\n  --acronym: ");
  const auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "MIMER", "--title", "t", "--host", "ZZ",
                           "--entity", "e", "--partner", "XX", "--eu-contribution", "1M"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("3 problems:\n  --acronym: MIMER is already used in call"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("\n  --host: 'ZZ' is not a participating state"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("\n  --partner: 'XX' is not a participating state"), std::string::npos) << result.err;
}

TEST_F(SaferEditsTest, OneProblemAloneKeepsItsExitCode)
{
  fails(
      {"proposal", "add", "--call", "NO-SUCH-CALL", "--acronym", "X", "--title", "t", "--host", "FI", "--entity", "e",
       "--eu-contribution", "1M"},
      1, "cannot record proposal X: --call: no call 'NO-SUCH-CALL'");
}

TEST_F(SaferEditsTest, UpdateReportsEveryProblemAtOnce)
{
  const auto result =
      cfp({"proposal", "update", "BSC-AIF", "--host", "ZZ", "--plan", "huge", "--remove-sector", "space"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("3 problems:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--host: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--plan: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--remove-sector: "), std::string::npos) << result.err;
}

TEST_F(SaferEditsTest, AnEuContributionAboveTheBudgetIsAcceptedWithAWarning)
{
  auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "BIG", "--title", "t", "--host", "FI",
                     "--entity", "e", "--eu-contribution", "2bn"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("warning: BIG asks for an EU contribution of 2,000,000,000.00 EUR, more than the budget "
                            "of call EUROHPC-2024-CEI-AI-01 (1,500,000,000.00 EUR)"),
            std::string::npos)
      << result.err;
  result = cfp({"proposal", "update", "BSC-AIF", "--eu-contribution", "1.6bn"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("warning: BSC-AIF asks for an EU contribution of 1,600,000,000.00 EUR"), std::string::npos)
      << result.err;
  result = cfp({"proposal", "update", "BSC-AIF", "--title", "no money change"});
  EXPECT_EQ(result.err.find("warning:"), std::string::npos) << result.err;
  result = cfp({"proposal", "update", "MIMER", "--eu-contribution", "1.5bn"});
  EXPECT_EQ(result.err.find("warning:"), std::string::npos) << "the whole budget is not above it: " << result.err;
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

// Found by the attack on the corrections: each of these once misled or changed what it should not.
class SaferEditsAttackTest : public SaferEditsTestBase
{
};

TEST_F(SaferEditsAttackTest, ADryRunRefusesADatabaseOlderThanThisCfpAndLeavesItAlone)
{
  const auto old = m_dir / "old.db";
  {
    SQLite::Database db(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(store::sqlite::embedded_migrations().front().sql);
    db.exec("PRAGMA application_id = " + std::to_string(store::sqlite::k_application_id));
    db.exec("PRAGMA user_version = 1");
  }
  const auto before = dump_database(old);
  const auto result = run_cli(old, {"call", "add", "X", "--title", "t", "--dry-run"}, "2024-10-01T10:00:00Z");
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("upgrade it with 'cfp db init'"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(old), before);
  SQLite::Database db(old.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
}

TEST_F(SaferEditsAttackTest, AnEntryAddedTwiceIsNamedTwiceAndAnEntryThereNamesTheList)
{
  fails({"proposal", "update", "MIMER", "--add-partner", "IT", "--add-partner", "it"}, 65,
        "--add-partner: IT is named twice");
  fails({"proposal", "update", "MIMER", "--add-sector", "health,Health"}, 65, "--add-sector: health is named twice");
  fails({"proposal", "update", "BSC-AIF", "--add-partner", "RO"}, 65,
        "--add-partner: RO is already a partner (the partners are: PT,RO,TR)");
  fails({"proposal", "update", "BSC-AIF", "--add-sector", "climate"}, 65,
        "--add-sector: climate is already a sector (the sectors are: health,climate)");
}

TEST_F(SaferEditsAttackTest, AnUnknownCutoffNamesTheListCommandThatWorks)
{
  const auto result = cfp({"deadline", "remove", k_call, "nosuch"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("'cfp deadline list --call EUROHPC-2024-CEI-AI-01' shows them"), std::string::npos)
      << result.err;
}

} // namespace
} // namespace cfp::test
