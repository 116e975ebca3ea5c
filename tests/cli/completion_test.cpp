// SPDX-License-Identifier: EUPL-1.2
// `cfp completion SHELL` and `cfp __complete WORDS...`: commands, options and values from the
// command tree and the database, in process and through the real shells.
#include "cli/cli_fixture.hpp"
#include "completion.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace cfp::test {
namespace {

using Words = std::vector<std::string>;

class CompletionTest : public CliTest
{
protected:
  // The candidates for the last of `words`, one a line.
  Words candidates(Words words)
  {
    words.insert(words.begin(), "__complete");
    const auto result = cfp(words);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    return lines_of(result.out);
  }
};

bool has(const Words& words, const std::string& word)
{
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST_F(CompletionTest, CommandsAndTheirSubcommands)
{
  const auto top = candidates({""});
  for (const auto* group : {"db", "call", "proposal", "report", "import", "export", "completion", "rank"}) {
    EXPECT_TRUE(has(top, group)) << group;
  }
  EXPECT_EQ(candidates({"prop"}), Words{"proposal"});
  EXPECT_EQ(candidates({"proposal", "s"}), (Words{"show", "submit"}));
  EXPECT_EQ(candidates({"--db", m_db.string(), "proposal", "sub"}), Words{"submit"});
  EXPECT_EQ(candidates({"completion", ""}), (Words{"bash", "fish", "zsh"}));
}

TEST_F(CompletionTest, ALineIsSplitAsTheShellWouldPassIt)
{
  const auto folder = m_dir / "sp ace";
  std::filesystem::create_directory(folder);
  std::filesystem::copy_file(m_db, folder / "other.db");
  const std::string line = "cfp --db \"" + folder.string() + "/other.db\" --format=js";
  EXPECT_EQ(candidates({"--line", line}), Words{"--format=json"});
  const auto quoted = run_cli("/nonexistent/cfp.db",
                              {"__complete", "--line", "cfp --db '" + folder.string() + "/other.db' proposal show M"});
  EXPECT_EQ(lines_of(quoted.out), Words{"MIMER"});
  std::string escaped = folder.string();
  escaped.replace(escaped.find(' '), 1, "\\ ");
  const auto backslashed =
      run_cli("/nonexistent/cfp.db", {"__complete", "--line", "cfp --db " + escaped + "/other.db proposal show \"M"});
  EXPECT_EQ(lines_of(backslashed.out), Words{"MIMER"});
  EXPECT_EQ(cli::words_of_line("cfp a\\ b \"c \\\"d\" 'e f' "), (Words{"a b", "c \"d", "e f", ""}));
}

TEST_F(CompletionTest, OptionsOfTheCommandAndTheGlobalOnes)
{
  EXPECT_EQ(candidates({"proposal", "add", "--h"}), (Words{"--help", "--host"}));
  const auto all = candidates({"proposal", "list", "--"});
  for (const auto* option : {"--call", "--cutoff", "--status", "--sort", "--limit", "--db", "--format", "--no-input"}) {
    EXPECT_TRUE(has(all, option)) << option;
  }
  EXPECT_EQ(candidates({"--fo"}), Words{"--format"});
  EXPECT_EQ(candidates({"proposal", "list", "--format=j"}), Words{"--format=json"});
}

TEST_F(CompletionTest, ValuesFromTheDatabaseAndFromCfpItself)
{
  EXPECT_EQ(candidates({"proposal", "show", ""}), (Words{"BSC-AIF", "MIMER"}));
  EXPECT_EQ(candidates({"proposal", "update", "M"}), Words{"MIMER"});
  EXPECT_EQ(candidates({"proposal", "list", "--call", ""}), (Words{k_call, k_other_call}));
  EXPECT_EQ(candidates({"call", "show", "EUROHPC-2024-CEI-AI-0"}), (Words{k_call, k_other_call}));
  EXPECT_EQ(candidates({"call", "add", "EUROHPC"}), Words{}) << "a new code";
  EXPECT_EQ(candidates({"report", "states", "--cutoff", ""}), (Words{"2024-11-04", "2025-02-01"}));
  EXPECT_EQ(candidates({"proposal", "add", "--host", "F"}), (Words{"FI", "FR"}));
  EXPECT_EQ(candidates({"proposal", "add", "--partner", "S"}), (Words{"SE", "SI", "SK"}));
  EXPECT_EQ(candidates({"expert", "add", "Ana", "--state", "E"}), (Words{"EE", "EL", "ES"}));
  EXPECT_EQ(candidates({"proposal", "add", "--sector", "c"}), (Words{"climate", "culture", "cybersecurity"}));
  EXPECT_EQ(candidates({"proposal", "list", "--status", ""}), (Words{"draft", "submitted", "withdrawn"}));
  EXPECT_EQ(candidates({"import", "proposals", "x.csv", "--delimiter", ""}), (Words{",", ";", "tab", "|"}));
  // Files are the shell's: no candidates.
  EXPECT_EQ(candidates({"import", "proposals", ""}), Words{});
  EXPECT_EQ(candidates({"--db", ""}), Words{});
}

TEST_F(CompletionTest, AnotherDatabaseIsReadNeverCreatedAndAnUnreadableOneGivesNothing)
{
  const auto other = m_dir / "other.db";
  EXPECT_EQ(candidates({"--db", other.string(), "proposal", "show", ""}), Words{});
  EXPECT_FALSE(std::filesystem::exists(other)) << "completing created a database";
  const auto garbage = m_dir / "garbage.db";
  std::ofstream(garbage) << "not a database";
  EXPECT_EQ(candidates({"--db=" + garbage.string(), "call", "show", ""}), Words{});
  const std::string before = dump_database(m_db);
  EXPECT_EQ(candidates({"--db", m_db.string(), "proposal", "withdraw", ""}), (Words{"BSC-AIF", "MIMER"}));
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(CompletionTest, CutoffsOfTheCallNamedAndADatabaseUnderHome)
{
  ok({"deadline", "add", k_other_call, "2025-06-01", "--label", "extra"});
  EXPECT_EQ(candidates({"deadline", "update", k_call, ""}), (Words{"2024-11-04", "2025-02-01"}));
  EXPECT_EQ(candidates({"deadline", "update", k_other_call, "e"}), Words{"extra"});
  EXPECT_EQ(candidates({"proposal", "list", "--call", k_other_call, "--cutoff", "e"}), Words{"extra"});
  EXPECT_EQ(candidates({"report", "states", "--cutoff", "e"}), Words{"extra"}) << "no call named: every call's";
  EXPECT_EQ(candidates({"deadline", "update", "NO-SUCH-CALL", "e"}), Words{"extra"}) << "a call not there: all";

  const auto result = run_cli(m_db, {"__complete", "--db", "~/cfp.db", "proposal", "show", ""}, "",
                              {"HOME=" + m_dir.path().string(), "CFP_DB=/nonexistent/cfp.db"});
  EXPECT_EQ(lines_of(result.out), (Words{"BSC-AIF", "MIMER"}));
}

TEST_F(CompletionTest, ValuesThatWouldMisleadOnACommandLineAreLeftOut)
{
  ok({"deadline", "add", k_other_call, "2025-06-01", "--label", "safe \u202e evil"});
  ok({"deadline", "add", k_other_call, "2025-07-01", "--label", "plain label"});
  EXPECT_EQ(candidates({"report", "states", "--cutoff", "p"}), Words{"plain label"});
  EXPECT_EQ(candidates({"report", "states", "--cutoff", "s"}), Words{}) << "a reordering mark";
}

TEST_F(CompletionTest, ADatabaseLockedByAnotherProcessGivesNothingAtOnce)
{
  SQLite::Database holder(m_db.string(), SQLite::OPEN_READWRITE);
  holder.exec("PRAGMA locking_mode=EXCLUSIVE");
  holder.exec("BEGIN EXCLUSIVE");
  holder.exec("UPDATE state SET name = name"); // takes the lock now
  BackgroundProcess completing({CFP_BINARY, "__complete", "proposal", "show", ""},
                               {"CFP_DB=" + m_db.string(), "CFP_BUSY_TIMEOUT_MS=600000"});
  // A TAB must not hang for the busy timeout of commands (here ten minutes): a minute is a hang.
  for (int i = 0; i < 600 && !completing.ended(); ++i) {
    ::usleep(100'000);
  }
  ASSERT_TRUE(completing.ended()) << "completion waited for the lock";
  const auto result = completing.wait();
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(CompletionTest, TheCompletionCommandPrintsEachShellsScript)
{
  EXPECT_EQ(ok({"completion", "bash"}).rfind("# bash completion for cfp", 0), 0u);
  EXPECT_EQ(ok({"completion", "ZSH"}).rfind("#compdef cfp", 0), 0u);
  EXPECT_EQ(ok({"completion", "fish"}).rfind("# fish completion for cfp", 0), 0u);
  fails({"completion", "tcsh"}, 2, "tcsh");
}

// Runs `script` in `shell` with the real binary first on PATH as `cfp` and the test's database.
CliResult in_shell(const std::string& shell, const std::string& script, const std::filesystem::path& db)
{
  const auto folder = std::filesystem::path(CFP_BINARY).parent_path();
  return run_process({shell, "-c", script},
                     {"PATH=" + folder.string() + ":/usr/bin:/bin", "CFP_DB=" + db.string(), "HOME=/nonexistent",
                      "CFP_NOW=2024-10-01T10:00:00Z"});
}

TEST_F(CompletionTest, BashCompletesThroughTheScript)
{
  const std::string ask = R"(
source <(cfp completion bash)
ask() { COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _cfp; printf '%s|' "${COMPREPLY[@]}"; echo; }
ask 'cfp proposal sh'
ask 'cfp proposal show '
ask 'cfp --format=js'
ask 'cfp proposal add --host F'
ask 'cfp import proposals '
ask 'cfp report states --cutoff x'
mkdir -p "sp ace" && cp "$CFP_DB" "sp ace/other.db"
CFP_DB=/nonexistent/cfp.db ask 'cfp --db "sp ace/other.db" proposal show '
CFP_DB=/nonexistent/cfp.db ask 'cfp --db sp\ ace/other.db call show EUROHPC-2024-CEI-AI-02'
ask 'cfp report states --cutoff x'
eval "set -- $COMPREPLY"; printf '%s\n' "$1"
[[ -e pwned ]] && echo executed
complete -p cfp
)";
  // A value that holds what a shell reads (a label may) is quoted: put on the line, it is the value.
  ok({"deadline", "add", k_other_call, "2025-06-01", "--label", "x$(touch pwned) `touch pwned`;two words"});
  const auto result = in_shell("/bin/bash", "cd " + m_dir.path().string() + "\n" + ask, m_db);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string label_quoted = "x\\$\\(touch\\ pwned\\)\\ \\`touch\\ pwned\\`\\;two\\ words|\n";
  EXPECT_EQ(result.out, "show|\nBSC-AIF|MIMER|\njson|\nFI|FR|\n|\n" + label_quoted +
                            "BSC-AIF|MIMER|\nEUROHPC-2024-CEI-AI-02|\n" + label_quoted +
                            "x$(touch pwned) `touch pwned`;two words\ncomplete -F _cfp cfp\n")
      << result.err;
}

TEST_F(CompletionTest, FishCompletesThroughTheScriptAndZshLoadsIt)
{
  if (!std::filesystem::exists("/usr/bin/fish") || !std::filesystem::exists("/usr/bin/zsh")) {
    GTEST_SKIP() << "fish or zsh is not installed (scripts/test.sh installs them)";
  }
  const auto fish = in_shell("/usr/bin/fish", "cfp completion fish | source; complete -C'cfp proposal show '; "
                                              "complete -C'cfp proposal add --sector he'",
                             m_db);
  ASSERT_EQ(fish.exit_code, 0) << fish.err;
  EXPECT_EQ(fish.out, "BSC-AIF\nMIMER\nhealth\n") << fish.err;

  const auto zsh = in_shell("/usr/bin/zsh", "autoload -U compinit && compinit -u -D && source <(cfp completion zsh) && "
                                            "print -r -- $_comps[cfp]",
                            m_db);
  ASSERT_EQ(zsh.exit_code, 0) << zsh.err;
  EXPECT_EQ(zsh.out, "_cfp\n") << zsh.err;
}

} // namespace
} // namespace cfp::test
