// SPDX-License-Identifier: EUPL-1.2
// The command tree holds only the group a command line names (start-up cost), and that changes
// nothing a user sees: options before the group, help, the version and mistyped words.
#include "cli/cli_fixture.hpp"

#include "command_tree.hpp"
#include "commands/registry.hpp"
#include "context.hpp"

#include <algorithm>

namespace cfp::test {
namespace {

using Args = std::vector<std::string>;

std::string named(const Args& args)
{
  return std::string(cli::named_group(args));
}

TEST(CommandTreeTest, TheFirstWordThatIsNoOptionNamesTheGroup)
{
  EXPECT_EQ(named({"proposal", "show", "A/B"}), "proposal");
  EXPECT_EQ(named({"rank", "EUROHPC-2024-CEI-AI-01"}), "rank");
  EXPECT_EQ(named({"log"}), "log");
  EXPECT_EQ(named({"consensus", "list"}), "score"); // the score group adds `consensus` too
  EXPECT_EQ(named({"--db", "x.db", "deadline", "list"}), "deadline");
  EXPECT_EQ(named({"--db=x.db", "--format=csv", "call", "list"}), "call");
  // The value of a global option is never the group, whatever it looks like.
  EXPECT_EQ(named({"--as", "proposal", "call", "list"}), "call");
  EXPECT_EQ(named({"--db", "report", "--tz", "log", "--wait", "rank", "--format", "csv", "import", "calls", "f"}),
            "import");
  // An empty value after '=' is no value: CLI11 takes the next word, as cfp did before.
  EXPECT_EQ(named({"--as=", "state", "proposal", "list"}), "proposal");
  EXPECT_EQ(named({"--db=", "x.db", "--tz=", "log", "rank", "CALL"}), "rank");
  // Global options may follow the command too.
  EXPECT_EQ(named({"score", "list", "--db", "call"}), "score");
}

TEST(CommandTreeTest, HelpTheVersionAndWhatIsNoGroupGetTheWholeTree)
{
  for (const Args& args : {Args{}, Args{"--help"}, Args{"-h", "proposal"}, Args{"proposal", "--help"},
                           Args{"proposal", "add", "--help-all"}, Args{"--version"}, Args{"frobnicate"},
                           Args{"proposals", "list"}, Args{"Proposal", "list"}, Args{"--bogus", "call", "list"},
                           Args{"--db"}, Args{"--", "call", "list"}, Args{"--db", "x.db"}}) {
    EXPECT_EQ(named(args), "") << ::testing::PrintToString(args);
  }
}

TEST(CommandTreeTest, ACommandLineNamingItsGroupBuildsThatGroupAlone)
{
  const auto tree = [](const Args& args) {
    CLI::App app;
    cli::Registry registry;
    const auto groups = cli::add_command_tree(app, registry, args);
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({})) {
      names.push_back(command->get_name());
    }
    // What it says it added is what the app holds, in the same order.
    EXPECT_EQ(std::vector<std::string>(groups.begin(), groups.end()), names);
    return names;
  };
  EXPECT_EQ(tree({"--db", "x.db", "proposal", "show", "A/B"}), std::vector<std::string>{"proposal"});
  EXPECT_EQ(tree({"log", "--limit", "3"}), std::vector<std::string>{"log"});
  EXPECT_EQ(tree({"consensus", "show"}), (std::vector<std::string>{"score", "consensus"}));
  const std::vector<std::string> every{"db",     "state",  "call",   "deadline", "proposal", "criterion",
                                       "expert", "score",  "consensus", "report", "rank",    "log",
                                       "import", "export", "completion"};
  EXPECT_EQ(tree({"--help"}), every);
  EXPECT_EQ(tree({"prop", "show"}), every);
}

TEST(CommandTreeTest, EveryGlobalOptionThatTakesAValueIsKnownToTheGroupFinder)
{
  CLI::App app;
  cli::GlobalOptions options;
  cli::add_global_options(app, options);
  std::size_t with_value = 0;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_items_expected_max() == 0) {
      continue;
    }
    ++with_value;
    const bool known = std::any_of(std::begin(cli::k_global_value_options), std::end(cli::k_global_value_options),
                                   [&](std::string_view name) { return option->check_lname(std::string(name.substr(2))); });
    EXPECT_TRUE(known) << option->get_name();
  }
  EXPECT_EQ(with_value, std::size(cli::k_global_value_options));
}

class CommandTreeCliTest : public CliTest
{};

TEST_F(CommandTreeCliTest, AValueThatLooksLikeAGroupStaysAValue)
{
  const auto out = ok({"--as", "proposal", "--tz", "Europe/Paris", "call", "list"});
  EXPECT_NE(out.find(k_call), std::string::npos);
  ok({"--wait=5", "--format=json", "deadline", "list"});
  // `--as=` takes the next word as its value (found by the attack: the group after it was lost).
  const auto empty_value = ok({"--as=", "state", "call", "list"});
  EXPECT_NE(empty_value.find(k_call), std::string::npos);
}

TEST_F(CommandTreeCliTest, HelpStillListsEveryGroupAndAGroupsHelpItsCommands)
{
  for (const Args& args : {Args{"--help"}, Args{"-h", "--db", "x.db"}}) {
    const auto result = cfp(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* group : {"db", "state", "call", "deadline", "proposal", "criterion", "expert", "score",
                              "consensus", "report", "rank", "log", "import", "export"}) {
      EXPECT_NE(result.out.find(std::string("\n  ") + group + " "), std::string::npos) << group << "\n" << result.out;
    }
  }
  const auto group = cfp({"proposal", "--help"});
  ASSERT_EQ(group.exit_code, 0) << group.err;
  EXPECT_NE(group.out.find("history"), std::string::npos);
  EXPECT_EQ(group.out.find("deadline"), std::string::npos) << group.out;
}

TEST_F(CommandTreeCliTest, AMistypedGroupOrCommandIsStillNamedInTheError)
{
  const std::vector<std::pair<Args, std::string>> cases{
      {{"proposl", "list"}, "proposl"}, {{"proposal", "lst"}, "lst"}, {{"--as", "x", "frobnicate"}, "frobnicate"}};
  for (const auto& [args, word] : cases) {
    const auto result = cfp(args);
    EXPECT_EQ(result.exit_code, cli::k_exit_usage) << ::testing::PrintToString(args);
    EXPECT_NE(result.err.find("cfp: error: "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(word), std::string::npos) << result.err;
  }
}

} // namespace
} // namespace cfp::test
