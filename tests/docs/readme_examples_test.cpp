// SPDX-License-Identifier: EUPL-1.2
// Every cfp command line README.md shows (its indented code blocks) is one this cfp takes: the
// commands and options exist, the values of enumerations are among those accepted, the required
// arguments are there and the --format is one the command prints. The README's examples are
// sketches with files and calls of their own, so they are parsed, not run; docs/cli.md's
// examples are run (CliExamplesTest).

#include "cli.hpp"
#include "support/shell_words.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cfp::test::docs {
namespace {

struct CommandLine
{
  int line = 0;
  std::string text;
};

// The lines of indented code blocks that run cfp, with continuation lines joined.
std::vector<CommandLine> readme_command_lines()
{
  std::ifstream in(std::filesystem::path(CFP_SOURCE_DIR) / "README.md");
  std::vector<CommandLine> found;
  std::string line;
  int number = 0;
  bool continued = false;
  while (std::getline(in, line)) {
    ++number;
    if (continued) {
      found.back().text += " " + line;
    } else if (line.starts_with("    cfp ")) {
      found.push_back({number, line});
    } else {
      continue;
    }
    continued = !found.back().text.empty() && found.back().text.back() == '\\';
    if (continued) {
      found.back().text.pop_back();
    }
  }
  return found;
}

// The words a shell would pass, a comment after the command and a last `> FILE` left out.
std::vector<std::string> shell_words(const std::string& text)
{
  // A comment starts at a `#` after a blank, outside quotes.
  char quote = 0;
  std::size_t end = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      end = i;
      break;
    }
  }
  return shell_command(text.substr(0, end)).words;
}

TEST(ReadmeExamplesTest, ShowsCommandLines)
{
  EXPECT_GE(readme_command_lines().size(), 30u) << "the README's examples were not found";
  EXPECT_EQ(shell_words(R"(    cfp a "b c" 'd e' > f.csv   # comment)"),
            (std::vector<std::string>{"cfp", "a", "b c", "d e"}));
}

TEST(ReadmeExamplesTest, EveryCommandLineIsOneCfpTakes)
{
  for (const auto& command : readme_command_lines()) {
    auto words = shell_words(command.text);
    ASSERT_FALSE(words.empty());
    words.erase(words.begin()); // cfp
    const auto error = cli::usage_error(words);
    EXPECT_FALSE(error.has_value()) << "README.md:" << command.line << ": " << command.text << "\n  " << *error;
  }
}

TEST(ReadmeExamplesTest, AMistakeInAnExampleWouldBeFound)
{
  EXPECT_TRUE(cli::usage_error({"proposal", "lst"}).has_value());
  EXPECT_TRUE(cli::usage_error({"proposal", "list", "--hots", "FI"}).has_value());
  EXPECT_TRUE(cli::usage_error({"proposal", "list", "--format", "xml"}).has_value());
  EXPECT_TRUE(cli::usage_error({"report", "html"}).has_value()) << "--out is required";
  EXPECT_TRUE(cli::usage_error({"completion", "tcsh"}).has_value()) << "not a value it takes";
  EXPECT_TRUE(cli::usage_error({"export", "calls", "--format", "csv"}).has_value()) << "not a format it prints";
  EXPECT_FALSE(cli::usage_error({"proposal", "list", "--host", "FI"}).has_value());
}

} // namespace
} // namespace cfp::test::docs
