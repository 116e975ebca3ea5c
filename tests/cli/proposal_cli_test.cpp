// SPDX-License-Identifier: EUPL-1.2
#include "cli/cli_fixture.hpp"

#include <cfp/domain/proposal.hpp>

#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::json;

json as_json(const std::string& text)
{
  auto parsed = json::parse(text, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << text;
  return parsed;
}

TEST_F(CliTest, AddPrintsTheReferenceOnStdoutAndTheCutoffOnStderr)
{
  const auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "IT4LIA", "--title", "IT4LIA", "--host",
                           "it", "--partner", "AT", "--partner", "SI", "--entity", "CINECA", "--eu-contribution", "0"},
                          "2024-11-04T16:00:00Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "EUROHPC-2024-CEI-AI-01/IT4LIA\n");
  EXPECT_NE(result.err.find("cut-off '2024-11-04'"), std::string::npos) << result.err;
}

TEST_F(CliTest, ShowAsJsonHasEveryFieldWithMoneyAsTwoDecimalStrings)
{
  const auto proposal = as_json(ok({"proposal", "show", "BSC-AIF", "--format", "json"}));
  EXPECT_EQ(proposal["call"], k_call);
  EXPECT_EQ(proposal["acronym"], "BSC-AIF");
  EXPECT_EQ(proposal["host"], "ES");
  EXPECT_EQ(proposal["partners"], json({"PT", "RO", "TR"}));
  EXPECT_EQ(proposal["entity"], "Barcelona Supercomputing Center");
  EXPECT_EQ(proposal["plan"], "upgrade");
  EXPECT_EQ(proposal["experimental_platform"], true);
  EXPECT_EQ(proposal["eu_contribution_eur"], "31000000.00");
  EXPECT_TRUE(proposal["national_contribution_eur"].is_null()) << "never given";
  EXPECT_EQ(proposal["sectors"], json({"health", "climate"}));
  EXPECT_EQ(proposal["status"], "submitted");
  EXPECT_EQ(proposal["cutoff"], "2024-11-04");
  EXPECT_EQ(proposal["cutoff_closes_at"], "2024-11-04T16:00:00Z");
  EXPECT_EQ(proposal["submitted_at"], "2024-10-01T10:00:00Z");
  EXPECT_EQ(proposal["version"], 1);
  EXPECT_TRUE(proposal["id"].is_number_integer());
}

TEST_F(CliTest, ReferencesByIdByCallAndAcronymAndByAcronymInAnyCase)
{
  const auto by_acronym = as_json(ok({"proposal", "show", "bsc-aif", "--format", "json"}));
  const auto id = std::to_string(by_acronym["id"].get<int>());
  EXPECT_EQ(as_json(ok({"proposal", "show", id, "--format", "json"})), by_acronym);
  EXPECT_EQ(as_json(ok({"proposal", "show", std::string(k_call) + "/BSC-AIF", "--format", "json"})), by_acronym);
}

TEST_F(CliTest, AnAcronymUsedInTwoCallsMustBeQualified)
{
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "MIMER", "--title", "MIMER grant", "--host", "SE",
      "--entity", "Linköping University", "--eu-contribution", "0"});
  fails({"proposal", "show", "MIMER"}, 1, "EUROHPC-2024-CEI-AI-01/MIMER, EUROHPC-2024-CEI-AI-02/MIMER");
  EXPECT_EQ(as_json(ok({"proposal", "show", std::string(k_other_call) + "/mimer", "--format", "json"}))["title"],
            "MIMER grant");
}

TEST_F(CliTest, SubmissionOneSecondAfterTheCutoffGoesToTheNextCutoff)
{
  const auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "LATE", "--title", "Late", "--host", "FI",
                           "--entity", "CSC", "--format", "json", "--eu-contribution", "0"},
                          "2024-11-04T16:00:01Z");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(as_json(result.out)["cutoff"], "2025-02-01");
}

TEST_F(CliTest, SubmissionAfterTheLastCutoffIsRefusedNamingItInBrusselsTime)
{
  fails({"proposal", "add", "--call", k_call, "--acronym", "LATER", "--title", "Later", "--host", "FI", "--entity",
         "CSC", "--eu-contribution", "0"},
        1, "the last one, '2025-02-01', closed at 2025-02-01 17:00:00 CET (Brussels time)", "2025-02-01T16:00:01Z");
}

TEST_F(CliTest, UpdateBeforeTheCutoffKeepsTheEarlierVersionInTheHistory)
{
  ok({"proposal", "update", "MIMER", "--title", "MIMER: AI Factory", "--partner", "NO"}, "2024-10-02T08:00:00Z");
  const auto current = as_json(ok({"proposal", "show", "MIMER", "--format", "json"}));
  EXPECT_EQ(current["title"], "MIMER: AI Factory");
  EXPECT_EQ(current["partners"], json({"NO"}));
  EXPECT_EQ(current["version"], 2);
  EXPECT_EQ(current["submitted_at"], "2024-10-02T08:00:00Z");

  const auto history = as_json(ok({"proposal", "history", "MIMER", "--format", "json"}));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["title"], "MIMER AI Factory");
  EXPECT_EQ(history[0]["version"], 1);
  EXPECT_EQ(history[1]["title"], "MIMER: AI Factory");
  EXPECT_EQ(history[1]["recorded_by"], "tester");

  const auto table = ok({"proposal", "history", "MIMER"});
  EXPECT_NE(table.find("title, partners"), std::string::npos) << table;
}

TEST_F(CliTest, UpdateWithTheCurrentValuesMakesNoNewVersion)
{
  const auto result = cfp({"proposal", "update", "MIMER", "--title", "MIMER AI Factory", "--host", "se"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("unchanged"), std::string::npos);
  EXPECT_EQ(as_json(ok({"proposal", "show", "MIMER", "--format", "json"}))["version"], 1);
}

TEST_F(CliTest, UpdateCanClearListsAndTurnTheExperimentalPlatformOff)
{
  ok({"proposal", "update", "BSC-AIF", "--clear-partners", "--clear-sectors", "--no-experimental-platform"});
  const auto proposal = as_json(ok({"proposal", "show", "BSC-AIF", "--format", "json"}));
  EXPECT_EQ(proposal["partners"], json::array());
  EXPECT_EQ(proposal["sectors"], json::array());
  EXPECT_EQ(proposal["experimental_platform"], false);
}

TEST_F(CliTest, HostMayBecomeAFormerPartnerInOneUpdate)
{
  ok({"proposal", "update", "BSC-AIF", "--host", "PT", "--partner", "ES,RO,TR"});
  const auto proposal = as_json(ok({"proposal", "show", "BSC-AIF", "--format", "json"}));
  EXPECT_EQ(proposal["host"], "PT");
  EXPECT_EQ(proposal["partners"], json({"ES", "RO", "TR"}));
}

TEST_F(CliTest, AfterTheCutoffAProposalIsReadOnly)
{
  const std::string after = "2024-11-04T16:00:01Z";
  fails({"proposal", "update", "MIMER", "--title", "Too late"}, 1, "it is read-only now", after);
  fails({"proposal", "withdraw", "MIMER", "--reason", "Too late"}, 1, "it is read-only now", after);
}

TEST_F(CliTest, WithdrawalNeedsAReasonAndIsUndoneBySubmitBeforeTheCutoff)
{
  fails({"proposal", "withdraw", "MIMER"}, 2, "--reason is required");
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged into LUMI-AIF"}, "2024-10-05T10:00:00Z");
  auto proposal = as_json(ok({"proposal", "show", "MIMER", "--format", "json"}));
  EXPECT_EQ(proposal["status"], "withdrawn");
  EXPECT_EQ(proposal["withdrawal_reason"], "Merged into LUMI-AIF");

  ok({"proposal", "submit", "MIMER"}, "2024-10-06T10:00:00Z");
  proposal = as_json(ok({"proposal", "show", "MIMER", "--format", "json"}));
  EXPECT_EQ(proposal["status"], "submitted");
  EXPECT_EQ(proposal["withdrawal_reason"], nullptr);
  EXPECT_EQ(proposal["submitted_at"], "2024-10-06T10:00:00Z");
  EXPECT_EQ(proposal["version"], 3);
}

TEST_F(CliTest, FreeTextFlagsTakeOneMebibyteButNotOneByteMore)
{
  const std::string longest(domain::k_max_text_bytes, 'a');
  const std::string too_long = longest + "a";
  ok({"proposal", "add", "--call", k_call, "--acronym", "LONG", "--title", longest, "--host", "FI", "--entity", longest,
      "--eu-contribution", "0"});
  EXPECT_EQ(as_json(ok({"proposal", "show", "LONG", "--format", "json"}))["title"], longest);
  fails({"proposal", "add", "--call", k_call, "--acronym", "LONGER", "--title", too_long, "--host", "FI", "--entity",
         "CSC", "--eu-contribution", "0"},
        65, "title: the title is longer than 1 MiB (1048577 bytes)");
  fails({"proposal", "update", "MIMER", "--entity", too_long}, 65,
        "entity: the entity is longer than 1 MiB (1048577 bytes)");
  fails({"proposal", "withdraw", "MIMER", "--reason", too_long}, 65,
        "--reason: the reason is longer than 1 MiB (1048577 bytes)");
  fails({"call", "add", "EUROHPC-2025-LONG", "--title", too_long}, 65,
        "title: the title is longer than 1 MiB (1048577 bytes)");
}

TEST_F(CliTest, AWithdrawnProposalCannotBeSubmittedAgainAfterItsCutoff)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged"}, "2024-10-05T10:00:00Z");
  fails({"proposal", "submit", "MIMER"}, 1, "'cfp proposal resubmit MIMER' enters it into the next open cut-off",
        "2024-11-05T10:00:00Z");
}

TEST_F(CliTest, DraftsHaveNoCutoffUntilSubmitted)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "PHAROS", "--title", "Pharos", "--host", "GR", "--entity",
      "GRNET", "--plan", "none", "--eu-contribution", "15M", "--draft"});
  auto proposal = as_json(ok({"proposal", "show", "PHAROS", "--format", "json"}));
  EXPECT_EQ(proposal["status"], "draft");
  EXPECT_EQ(proposal["host"], "EL");
  EXPECT_EQ(proposal["cutoff"], nullptr);
  EXPECT_EQ(proposal["submitted_at"], nullptr);

  ok({"proposal", "submit", "PHAROS"}, "2024-12-01T12:00:00Z");
  proposal = as_json(ok({"proposal", "show", "PHAROS", "--format", "json"}));
  EXPECT_EQ(proposal["status"], "submitted");
  EXPECT_EQ(proposal["cutoff"], "2025-02-01");
  fails({"proposal", "submit", "PHAROS"}, 1, "already submitted");
}

TEST_F(CliTest, ListFiltersByCallCutoffHostStateStatusAndSector)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "LUMI-AIF", "--title", "LUMI AI Factory", "--host", "FI",
      "--partner", "CZ,DK,EE,NO,PL", "--entity", "CSC", "--sector", "space", "--eu-contribution", "0"},
     "2024-12-01T12:00:00Z");
  const auto acronyms = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"proposal", "list", "--format", "json"});
    std::vector<std::string> names;
    for (const auto& proposal : as_json(ok(args))) {
      names.push_back(proposal["acronym"]);
    }
    return names;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(acronyms({}), (Names{"BSC-AIF", "LUMI-AIF", "MIMER"}));
  EXPECT_EQ(acronyms({"--call", k_other_call}), Names{});
  EXPECT_EQ(acronyms({"--call", k_call, "--cutoff", "2025-02-01"}), Names{"LUMI-AIF"});
  EXPECT_EQ(acronyms({"--host", "es"}), Names{"BSC-AIF"});
  EXPECT_EQ(acronyms({"--state", "PT"}), Names{"BSC-AIF"});
  EXPECT_EQ(acronyms({"--state", "FI"}), Names{"LUMI-AIF"});
  EXPECT_EQ(acronyms({"--status", "submitted", "--sector", "manufacturing"}), Names{"MIMER"});
  EXPECT_EQ(acronyms({"--status", "draft"}), Names{});
}

TEST_F(CliTest, EveryChangeIsInTheAuditLogWithActorCommandAndValues)
{
  ok({"proposal", "update", "MIMER", "--title", "New title"});
  const auto entries = as_json(ok({"log", "--ref", "MIMER", "--format", "json"}));
  ASSERT_EQ(entries.size(), 2u);
  const auto& update = entries[0];
  EXPECT_EQ(update["action"], "update");
  EXPECT_EQ(update["actor"], "tester");
  EXPECT_EQ(update["entity"], "proposal EUROHPC-2024-CEI-AI-01/MIMER");
  // CFP_NOW changes what the command means, so the recorded command line says it.
  EXPECT_EQ(update["command"], "CFP_NOW=2024-10-01T10:00:00Z cfp proposal update MIMER --title 'New title'");
  EXPECT_EQ(update["at"], "2024-10-01T10:00:00Z");
  EXPECT_EQ(update["before"]["title"], "MIMER AI Factory");
  EXPECT_EQ(update["after"]["title"], "New title");
  EXPECT_EQ(entries[1]["action"], "add");
  EXPECT_EQ(entries[1]["before"], nullptr);

  const auto all = as_json(ok({"log", "--limit", "3", "--format", "json"}));
  EXPECT_EQ(all.size(), 3u);
}

TEST_F(CliTest, TheActorComesFromAsThenCfpUserThenUser)
{
  ok({"proposal", "update", "MIMER", "--title", "One", "--as", "Ana Ruiz"});
  auto result = run_cli(m_db, {"proposal", "update", "MIMER", "--title", "Two"}, "2024-10-01T10:00:00Z",
                        {"CFP_USER=", "USER=jdoe"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto entries = as_json(ok({"log", "--limit", "2", "--format", "json"}));
  EXPECT_EQ(entries[0]["actor"], "jdoe");
  EXPECT_EQ(entries[1]["actor"], "Ana Ruiz");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST_F(CliTest, AStateCannotBeNamedBeforeItTakesPartInCalls)
{
  // Switzerland takes part from 2025-01-01.
  fails({"proposal", "add", "--call", k_call, "--acronym", "ALPS", "--title", "Alps AI", "--host", "CH", "--entity",
         "CSCS", "--eu-contribution", "0"},
        1, "CH (Switzerland) takes part in EuroHPC calls from 2025-01-01", "2024-12-31T22:59:59Z");
  fails({"proposal", "update", "MIMER", "--partner", "CH"}, 1, "takes part in EuroHPC calls from 2025-01-01");
  const auto result = cfp({"proposal", "add", "--call", k_call, "--acronym", "ALPS", "--title", "Alps AI", "--host",
                           "CH", "--entity", "CSCS", "--eu-contribution", "0"},
                          "2024-12-31T23:00:00Z");
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(CliTest, ADraftMayNameAStateBeforeItTakesPart)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "ALPS", "--title", "Alps AI", "--host", "CH", "--entity",
      "CSCS", "--eu-contribution", "0", "--draft"});
  fails({"proposal", "submit", "ALPS"}, 1, "takes part in EuroHPC calls from 2025-01-01");
  ok({"proposal", "submit", "ALPS"}, "2025-01-02T10:00:00Z");
}

TEST_F(CliTest, AnAllDigitAcronymIsFoundWhenNoProposalHasThatId)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "2025", "--title", "Numbers", "--host", "FI", "--entity", "CSC",
      "--eu-contribution", "0"});
  EXPECT_NE(ok({"proposal", "show", "2025"}).find("Numbers"), std::string::npos);
  fails({"proposal", "show", "777"}, 1, "no proposal with id 777");
}

TEST_F(CliTest, ChangingCommandsPrintTheReferenceOnStdout)
{
  EXPECT_EQ(ok({"proposal", "update", "MIMER", "--title", "x"}), "EUROHPC-2024-CEI-AI-01/MIMER\n");
  EXPECT_EQ(ok({"proposal", "withdraw", "MIMER", "--reason", "y"}), "EUROHPC-2024-CEI-AI-01/MIMER\n");
  EXPECT_EQ(ok({"proposal", "submit", "MIMER"}), "EUROHPC-2024-CEI-AI-01/MIMER\n");
  EXPECT_EQ(nlohmann::json::parse(ok({"proposal", "update", "MIMER", "--title", "z", "--format", "json"}))["title"],
            "z");
}

TEST_F(CliTest, ShowPrintsAMultiLineValueOnOneLineWithItsLineBreaksEscaped)
{
  // A line of its own would read as another field (terminal_output_test.cpp has the rest).
  ok({"proposal", "update", "MIMER", "--title", "Line one\nline two"});
  const auto out = ok({"proposal", "show", "MIMER"});
  EXPECT_NE(out.find("title:                 Line one\\nline two\n"), std::string::npos) << out;
}

TEST_F(CliTest, AnUnknownCutoffLabelInAFilterIsNotFound)
{
  fails({"proposal", "list", "--cutoff", "2030-01-01"}, 1, "no cut-off labelled '2030-01-01'");
  fails({"proposal", "list", "--call", k_call, "--cutoff", "nope"}, 1, "in call EUROHPC-2024-CEI-AI-01");
}

} // namespace
} // namespace cfp::test
