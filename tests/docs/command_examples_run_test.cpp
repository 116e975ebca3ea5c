// SPDX-License-Identifier: EUPL-1.2
// Runs every example that a command's help leads with (app/command_examples.cpp) in-process, as
// cli::run, on a fresh copy of the database that docs/examples/ai-factories.sh builds (the one
// docs/cli.md's examples start from), in a folder of its own that is the working folder (an
// example writes its files there), and requires exit status 0: an example that no longer
// works, or no longer exists in the same words, fails here.
#include "cli.hpp"
#include "command_examples.hpp"
#include "docs/example_replay.hpp"
#include "support/shell_words.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

namespace cfp::test::docs {
namespace {

namespace fs = std::filesystem;

/// When the examples run: the first cut-off (2024-11-04) closed and scored, the second
/// (2025-02-01) open, and CH taking part (from 2025-01-01).
constexpr auto k_now = "2025-01-15T10:00:00Z";

/// One example: the command it is shown for and its place among that command's examples.
struct ExampleId
{
  std::string path;
  std::size_t index = 0; ///< from 0

  std::string name() const { return path + "#" + std::to_string(index + 1); }
};

void PrintTo(const ExampleId& id, std::ostream* out)
{
  *out << id.name();
}

/// The examples an example builds on, run before it on the same copy ("PATH#N", N from 1):
/// a proposal to change, a file to read.
const std::map<std::string, std::vector<std::string>> k_builds_on{
    {"db backup#2", {"db backup#1"}},
    {"proposal submit#1", {"proposal add#2"}},
    {"proposal delete#1", {"proposal add#2"}},
    {"proposal update#1", {"proposal add#1"}},
    {"proposal update#2", {"proposal add#1"}},
    {"proposal withdraw#1", {"proposal add#1"}},
    {"proposal attach#1", {"proposal add#1", "proposal document#1"}},
    {"proposal detach#1", {"proposal add#1", "proposal document#1", "proposal attach#1"}},
    {"proposal resubmit#1", {"rank#2"}},
    {"import#1", {"export proposals#1"}},
    {"import proposals#1", {"export proposals#1"}},
    {"import proposals#2", {"export proposals#1"}},
    {"import scores#1", {"export scores#1"}},
    {"import calls#1", {"export calls#1"}},
    {"import documents#1", {"export documents#1"}},
};

std::vector<ExampleId> every_example()
{
  std::vector<ExampleId> ids;
  for (const auto& command : cli::command_examples()) {
    for (std::size_t i = 0; i < cli::examples_of(command.path).size(); ++i) {
      ids.push_back({std::string(command.path), i});
    }
  }
  return ids;
}

std::string example_text(const std::string& name)
{
  const auto hash = name.rfind('#');
  const auto examples = cli::examples_of(name.substr(0, hash));
  const auto index = std::stoul(name.substr(hash + 1)) - 1;
  if (index >= examples.size()) {
    throw std::invalid_argument("no example " + name);
  }
  return std::string(examples[index]);
}

/// The working folder of the process, changed for as long as it lives.
class WorkingFolder
{
public:
  explicit WorkingFolder(const fs::path& folder) { fs::current_path(folder); }
  ~WorkingFolder() { fs::current_path(m_previous); }
  WorkingFolder(const WorkingFolder&) = delete;
  WorkingFolder& operator=(const WorkingFolder&) = delete;

private:
  fs::path m_previous = fs::current_path();
};

/// A copy of the example database in a folder of its own, and the examples run on it.
class ExampleFolder
{
public:
  ExampleFolder()
  {
    SQLite::Database unchanged(replay().demo_database().string(), SQLite::OPEN_READONLY);
    unchanged.backup((m_dir / "cfp.db").c_str(), SQLite::Database::Save);
  }

  /// Runs the example `name` ("proposal add#1") here, as cli::run does.
  CliResult run(const std::string& name)
  {
    const auto command = shell_command(example_text(name));
    if (command.words.empty() || command.words.front() != "cfp") {
      throw std::invalid_argument("an example starts with cfp: " + name);
    }
    const cli::Environment env{{"CFP_DB", (m_dir / "cfp.db").string()},
                               {"CFP_USER", "alice"},
                               {"CFP_NOW", k_now},
                               {"HOME", m_dir.path().string()}};
    std::ostringstream out;
    std::ostringstream err;
    const WorkingFolder here(m_dir.path());
    const int code = cli::run(std::vector<std::string>(command.words.begin() + 1, command.words.end()), out, err, env);
    if (!command.stdout_file.empty()) {
      std::ofstream(command.stdout_file, std::ios::binary) << out.str();
    }
    return {code, out.str(), err.str()};
  }

private:
  TempDir m_dir;
};

class CommandExamplesRunTest : public ::testing::TestWithParam<ExampleId>
{
};

TEST_P(CommandExamplesRunTest, RunsOnACopyOfTheExampleDatabase)
{
  const auto name = GetParam().name();
  ExampleFolder folder;
  if (const auto earlier = k_builds_on.find(name); earlier != k_builds_on.end()) {
    for (const auto& before : earlier->second) {
      const auto result = folder.run(before);
      ASSERT_EQ(result.exit_code, 0) << "the example it builds on, " << before << ":\n"
                                     << example_text(before) << '\n'
                                     << result.err;
    }
  }
  const auto result = folder.run(name);
  EXPECT_EQ(result.exit_code, 0) << example_text(name) << '\n' << result.err;
}

TEST(CommandExamplesBuildOnTest, NamesExamplesThatExist)
{
  for (const auto& [name, earlier] : k_builds_on) {
    EXPECT_NO_THROW(example_text(name)) << name;
    for (const auto& before : earlier) {
      EXPECT_NO_THROW(example_text(before)) << before;
    }
  }
}

// The splitting of tests/support/shell_words.cpp, held to bash's own on every example.
TEST(ShellWordsTest, ReadsEveryExampleAsBashDoes)
{
  for (const auto& id : every_example()) {
    const auto text = example_text(id.name());
    const auto command = shell_command(text);
    // bash prints the words it reads, one a line, in place of running cfp.
    const auto redirect = command.stdout_file.empty() ? std::string::npos : text.rfind(" > ");
    const auto shown = run_process({"/bin/bash", "-c", "cfp() { printf '%s\\n' \"$@\"; }; " + text.substr(0, redirect)},
                                   {"PATH=/usr/bin:/bin"});
    ASSERT_EQ(shown.exit_code, 0) << text << '\n' << shown.err;
    const std::vector<std::string> words(command.words.begin() + 1, command.words.end());
    EXPECT_EQ(lines_of(shown.out), words) << text;
  }
}

// "proposal_add_1"
std::string test_name(const ::testing::TestParamInfo<ExampleId>& info)
{
  std::string name = info.param.name();
  for (char& c : name) {
    c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Examples, CommandExamplesRunTest, ::testing::ValuesIn(every_example()), test_name);

} // namespace
} // namespace cfp::test::docs
