// SPDX-License-Identifier: EUPL-1.2
// Every command's help leads with an example: every command of the tree has one, every example
// names a command of the tree and fits the help's width, and the help shows them right after
// the description. tests/docs/command_examples_run_test.cpp runs each one.
#include "command_examples.hpp"
#include "command_tree.hpp"
#include "commands/registry.hpp"
#include "context.hpp"
#include "support/shell_words.hpp"
#include "support/support.hpp"

#include <cfp/util/text.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <sstream>

namespace cfp::test {
namespace {

/// The whole command tree, as `cfp --help` builds it.
struct Tree
{
  Tree() { cli::add_command_tree(app, registry, {}); }

  /// Calls `visit` with every command under the program, depth first.
  void each(const std::function<void(CLI::App&)>& visit)
  {
    std::function<void(CLI::App&)> walk = [&](CLI::App& command) {
      for (CLI::App* sub : command.get_subcommands([](CLI::App*) { return true; })) {
        visit(*sub);
        walk(*sub);
      }
    };
    walk(app);
  }

  CLI::App app;
  cli::Registry registry;
};

// What `words` print, run as cfp's arguments (help needs no database).
std::string help_of(std::vector<std::string> words)
{
  TempDir dir;
  words.emplace_back("--help");
  const auto result = run_cli(dir / "cfp.db", words);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

// The words of a command path ("proposal add").
std::vector<std::string> words_of(std::string_view path)
{
  std::istringstream stream{std::string(path)};
  std::vector<std::string> words;
  for (std::string word; stream >> word;) {
    words.push_back(word);
  }
  return words;
}

TEST(CommandExamplesTest, EveryCommandOfTheTreeHasAnExample)
{
  Tree tree;
  std::size_t commands = 0;
  tree.each([&](CLI::App& command) {
    // A command that runs (a leaf, or `log`, which has `log verify` too) needs its examples.
    const bool runs = tree.registry.find(&command) != nullptr;
    const bool leaf = command.get_subcommands([](CLI::App*) { return true; }).empty();
    if (runs || leaf) {
      ++commands;
      EXPECT_FALSE(cli::examples_of(cli::command_path(command)).empty())
          << "'cfp " << cli::command_path(command) << "' has no example in app/command_examples.cpp";
    }
  });
  EXPECT_GE(commands, 59u);
}

TEST(CommandExamplesTest, EveryExampleNamesACommandOfTheTreeOnce)
{
  Tree tree;
  std::set<std::string> paths;
  tree.each([&](CLI::App& command) { paths.insert(cli::command_path(command)); });
  std::set<std::string_view> seen;
  for (const auto& command : cli::command_examples()) {
    EXPECT_TRUE(paths.contains(std::string(command.path))) << "no command '" << command.path << "'";
    EXPECT_TRUE(seen.insert(command.path).second) << "'" << command.path << "' is in the table twice";
    EXPECT_FALSE(command.examples[0].empty()) << command.path;
    for (const auto example : cli::examples_of(command.path)) {
      // A group shows one example of one of its commands; a command shows its own.
      const auto words = words_of(command.path);
      EXPECT_TRUE(example.starts_with("cfp ")) << example;
      EXPECT_NE(example.find(" " + words.front() + " "), std::string_view::npos) << example;
    }
  }
}

TEST(CommandExamplesTest, EveryExampleParsesAsTheCommandItIsShownFor)
{
  for (const auto& command : cli::command_examples()) {
    for (const auto example : cli::examples_of(command.path)) {
      const auto line = shell_command(example);
      ASSERT_FALSE(line.words.empty());
      EXPECT_EQ(line.words.front(), "cfp");
      const std::vector<std::string> args(line.words.begin() + 1, line.words.end());
      // As cli::run parses a command line.
      CLI::App app;
      app.fallthrough();
      app.require_subcommand(1);
      cli::GlobalOptions options;
      cli::add_global_options(app, options);
      cli::Registry registry;
      cli::add_command_tree(app, registry, args);
      std::vector<std::string> reversed(args.rbegin(), args.rend());
      try {
        app.parse(reversed);
      } catch (const CLI::ParseError& error) {
        ADD_FAILURE() << example << ": " << error.what();
        continue;
      }
      // A group's example is one of its commands'.
      const auto parsed = cli::command_path(*cli::chosen_command(app));
      EXPECT_TRUE(parsed == command.path || parsed.starts_with(std::string(command.path) + " "))
          << "the example of '" << command.path << "' runs '" << parsed << "': " << example;
    }
  }
}

TEST(CommandExamplesTest, ExamplesFitTheHelpsWidthAndGoOnWithABackslash)
{
  for (const auto& command : cli::command_examples()) {
    for (const auto example : cli::examples_of(command.path)) {
      const auto lines = lines_of(std::string(example));
      for (std::size_t i = 0; i < lines.size(); ++i) {
        // The help indents each line by two spaces.
        EXPECT_LE(util::display_width(lines[i]) + 2, 96u) << command.path << ": " << lines[i];
        EXPECT_EQ(lines[i].ends_with(" \\"), i + 1 < lines.size()) << command.path << ": " << lines[i];
        EXPECT_EQ(lines[i].starts_with("    "), i > 0) << command.path << ": " << lines[i];
      }
    }
  }
}

TEST(HelpExamplesTest, ACommandsHelpStartsWithItsDescriptionThenItsExamples)
{
  EXPECT_TRUE(
      help_of({"proposal", "add"})
          .starts_with("Record a proposal and submit it now (or keep it as a --draft)\n"
                       "\n"
                       "Examples:\n"
                       "  cfp proposal add --call EUROHPC-2024-CEI-AI-01 --acronym ALPS-AI --title \"Alps AI "
                       "Factory\" \\\n"
                       "      --host CH --partner IT --entity \"Swiss National Supercomputing Centre (CSCS)\" \\\n"
                       "      --eu-contribution 40M --national-contribution 40M --sector health,climate\n"
                       "  cfp proposal add --call EUROHPC-2024-CEI-AI-02 --acronym ALPS-AI --title \"Alps AI "
                       "services\" \\\n"
                       "      --host CH --entity \"Swiss National Supercomputing Centre (CSCS)\" \\\n"
                       "      --eu-contribution 6M --draft\n"
                       "\n"
                       "Usage: cfp proposal add [OPTIONS]\n"))
      << help_of({"proposal", "add"});
  EXPECT_TRUE(help_of({"proposal", "show"})
                  .starts_with("Show the current version of a proposal\n"
                               "\n"
                               "Examples:\n"
                               "  cfp proposal show BSC-AIF\n"
                               "  cfp proposal show EUROHPC-2024-CEI-AI-01/MIMER --format json\n"
                               "\n"
                               "Usage: cfp proposal show [OPTIONS] REF\n"))
      << help_of({"proposal", "show"});
  EXPECT_TRUE(help_of({"db", "check"}).find("\n\nExample:\n  cfp db check\n\nUsage: cfp db check") != std::string::npos)
      << help_of({"db", "check"});
}

TEST(HelpExamplesTest, AGroupsHelpShowsOneExample)
{
  EXPECT_TRUE(help_of({"proposal"})
                  .starts_with("Proposals: record, submit, update, withdraw, list\n"
                               "\n"
                               "Example:\n"
                               "  cfp proposal list --call EUROHPC-2024-CEI-AI-01 --status submitted\n"
                               "\n"
                               "Usage: cfp proposal [OPTIONS] SUBCOMMAND\n"))
      << help_of({"proposal"});
  // The program's own help lists the groups and leads with no example.
  EXPECT_EQ(help_of({}).find("Example"), std::string::npos);
}

TEST(HelpExamplesTest, EveryCommandsHelpShowsEachOfItsExamplesBeforeTheUsage)
{
  for (const auto& command : cli::command_examples()) {
    const auto help = help_of(words_of(command.path));
    const auto usage = help.find("\nUsage: cfp " + std::string(command.path));
    ASSERT_NE(usage, std::string::npos) << help;
    for (const auto example : cli::examples_of(command.path)) {
      std::string shown = "\n  ";
      for (const char c : example) {
        shown += c == '\n' ? std::string("\n  ") : std::string(1, c);
      }
      const auto at = help.find(shown + "\n");
      EXPECT_LT(at, usage) << command.path << ":\n" << help;
    }
    // Nothing between the description's line and the examples but one blank line.
    EXPECT_EQ(help.find("\n\nExample"), help.find('\n')) << help;
  }
}

} // namespace
} // namespace cfp::test
