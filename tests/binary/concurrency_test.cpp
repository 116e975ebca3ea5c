// SPDX-License-Identifier: EUPL-1.2
// Many real processes writing one database file at once. A writer waits for the lock in short,
// jittered pauses up to --wait (default 10 s) and runs its whole transaction again when it loses
// a race, so none gives up while the lock keeps changing hands. The soak script
// tests/soak/concurrency.sh runs the large sizes (8 x 250, 16 x 100, 64 x 25).

#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

// Runs `processes` bash loops at once, each running `command` (where $p is the loop's number,
// $w the iteration, $0 the cfp binary and $1 the database) `writes` times; returns the exit
// statuses of all runs, sorted, and what they printed on stderr.
std::pair<std::vector<int>, std::string> run_loops(int processes, int writes, const std::string& command,
                                                   const fs::path& database, const TempDir& dir,
                                                   const std::vector<std::string>& env = {})
{
  const auto errors = dir / "stderr";
  const std::string script = fmt::format("for p in $(seq 1 {}); do (for w in $(seq 1 {}); do {} >/dev/null "
                                         "2>>\"$2\"; echo $?; done) & done; wait",
                                         processes, writes, command);
  std::vector<std::string> environment{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"};
  environment.insert(environment.end(), env.begin(), env.end());
  const auto result =
      run_process({"/bin/bash", "-c", script, CFP_BINARY, database.string(), errors.string()}, environment);
  std::vector<int> statuses;
  std::istringstream lines(result.out);
  for (int status = 0; lines >> status;) {
    statuses.push_back(status);
  }
  std::sort(statuses.begin(), statuses.end());
  std::ifstream in(errors);
  return {statuses, std::string(std::istreambuf_iterator<char>(in), {})};
}

int count(const fs::path& database, const char* table)
{
  SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt();
}

TEST(ConcurrencyTest, ThirtyTwoWritersAddingAtOnceAllSucceedAndEveryRowAndEntryIsThere)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "db", "init"}, {"CFP_USER=tester"}).exit_code, 0);
  const auto [statuses, errors] =
      run_loops(32, 5, "\"$0\" --db \"$1\" call add \"C-$p-$w\" --title \"Call $p $w\"", db, dir);
  EXPECT_EQ(statuses, std::vector<int>(160, 0)) << errors;
  EXPECT_EQ(count(db, "call"), 160);
  EXPECT_EQ(count(db, "audit"), 160 * 4) << "each call's entry and one each of its three criteria";
  const auto verify = run_process({CFP_BINARY, "--db", db.string(), "log", "verify"}, {});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(ConcurrencyTest, OfTwoProcessesAddingOneAcronymExactlyOneWinsAndTheOtherExitsOne)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  const std::vector<std::string> env{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"};
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "call", "add", "C", "--title", "T"}, env).exit_code, 0);
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "deadline", "add", "C", "2025-02-01", "--label", "first"},
                        env)
                .exit_code,
            0);
  for (int round = 0; round < 5; ++round) {
    const auto [statuses, errors] = run_loops(
        2, 1,
        fmt::format("\"$0\" --db \"$1\" proposal add --call C --acronym SAME-{} --title \"Title $p\" --host FI "
                    "--entity \"Centre $p\" --eu-contribution 1M",
                    round),
        db, dir);
    EXPECT_EQ(statuses, (std::vector<int>{0, 1})) << errors;
    EXPECT_NE(errors.find(fmt::format("SAME-{}", round)), std::string::npos) << errors;
  }
  EXPECT_EQ(count(db, "proposal"), 5);
}

TEST(ConcurrencyTest, AWriterGivesUpAfterWaitSecondsNamingTheProcessThatHoldsTheLock)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  const std::vector<std::string> env{"CFP_USER=tester"};
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "db", "init"}, env).exit_code, 0);
  SQLite::Database other(db.string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction lock(other, SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& [wait, shown] : std::vector<std::pair<std::string, std::string>>{{"0.3", "0.3"}, {"0", "0"}}) {
    const auto started = std::chrono::steady_clock::now();
    const auto result =
        run_process({CFP_BINARY, "--db", db.string(), "--wait", wait, "call", "add", "C", "--title", "T"}, env);
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(result.exit_code, 75) << result.err;
    EXPECT_NE(result.err.find(fmt::format("stayed locked by another writer (process {}) for {} s", ::getpid(), shown)),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("--wait SECONDS"), std::string::npos) << result.err;
    EXPECT_GE(waited, std::chrono::milliseconds(wait == "0" ? 0 : 280));
  }
}

TEST(ConcurrencyTest, AFileLockedWhileItWouldBeMigratedIsBusyNamingTheProcessToo)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  // A new, empty file that another process holds the write lock of: the migration must wait.
  SQLite::Database other(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  ::chmod(db.c_str(), 0600);
  other.exec("PRAGMA journal_mode = WAL");
  SQLite::Transaction lock(other, SQLite::TransactionBehavior::IMMEDIATE);
  const auto result = run_process({CFP_BINARY, "--db", db.string(), "--wait", "0.2", "db", "init"}, {"CFP_USER=t"});
  EXPECT_EQ(result.exit_code, 75) << result.err;
  EXPECT_NE(result.err.find(fmt::format("stayed locked by another writer (process {}) for 0.2 s", ::getpid())),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("or wait longer with --wait SECONDS"), std::string::npos) << result.err;
}

TEST(ConcurrencyTest, AnImportFromAPipeThatIsSlowToWriteKeepsNoOtherWriterWaiting)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  const std::vector<std::string> env{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"};
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "call", "add", "C", "--title", "T"}, env).exit_code, 0);
  ASSERT_EQ(
      run_process({CFP_BINARY, "--db", db.string(), "deadline", "add", "C", "2025-02-01", "--label", "c"}, env).exit_code,
      0);
  const auto csv = dir / "in.csv";
  std::ofstream(csv) << "call,acronym,title,host,entity,eu_contribution_eur\nC,PIPED,Piped,FI,Centre,1M\n";
  // The import's input arrives after 2 s; meanwhile another writer, waiting 1 s at most, adds a
  // call. Each prints its exit status.
  const std::string script = "(sleep 2; cat \"$2\") | \"$0\" --db \"$1\" import proposals - --input-format csv "
                             "2>/dev/null & sleep 0.3; \"$0\" --db \"$1\" --wait 1 call add OTHER --title T "
                             ">/dev/null; echo \"writer $?\"; wait $!; echo \"import $?\"";
  const auto result = run_process({"/bin/bash", "-c", script, CFP_BINARY, db.string(), csv.string()}, env);
  EXPECT_EQ(result.out, "writer 0\nimport 0\n") << result.err;
  EXPECT_EQ(count(db, "proposal"), 1);
  EXPECT_EQ(count(db, "call"), 2);
}

TEST(ConcurrencyTest, AWriterEmptiesTheWalBeforeItClosesSoThatReadersNeverWaitForTheClose)
{
  // The last connection to close copies the -wal into the database and removes it under an
  // exclusive lock, which a reader opening then waits for; a writer that is not the last (here
  // another connection stays open, reading nothing) leaves the -wal emptied, not merely copied.
  TempDir dir;
  const auto db = dir / "cfp.db";
  const std::vector<std::string> env{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z"};
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.string(), "db", "init"}, env).exit_code, 0);
  SQLite::Database other(db.string(), SQLite::OPEN_READONLY);
  ASSERT_EQ(other.execAndGet("SELECT count(*) FROM call").getInt(), 0);
  for (int call = 0; call < 3; ++call) {
    const auto added = run_process(
        {CFP_BINARY, "--db", db.string(), "call", "add", fmt::format("C{}", call), "--title", "T"}, env);
    ASSERT_EQ(added.exit_code, 0) << added.err;
    std::error_code ec;
    EXPECT_EQ(fs::file_size(dir / "cfp.db-wal", ec), 0U) << "after call " << call << (ec ? ec.message() : "");
    EXPECT_FALSE(ec) << ec.message();
  }
  EXPECT_EQ(other.execAndGet("SELECT count(*) FROM call").getInt(), 3);
}

TEST(ConcurrencyTest, WaitTakesSecondsFromZeroToSixHundred)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  for (const char* bad : {"-1", "601", "1.2345", "x", "", ".5", "1.", "1e3", "0x10"}) {
    const auto result = run_process({CFP_BINARY, "--db", db.string(), "--wait", bad, "db", "init"}, {"CFP_USER=t"});
    EXPECT_EQ(result.exit_code, 2) << bad << ": " << result.err;
    EXPECT_NE(result.err.find(fmt::format("cfp: error: --wait '{}': give a number of seconds from 0 to 600", bad)),
              std::string::npos)
        << result.err;
  }
  EXPECT_FALSE(fs::exists(db)) << "a refused --wait created the database";
  for (const char* good : {"0", "600", "0.5", "2.25", "10"}) {
    const auto result = run_process({CFP_BINARY, "--db", db.string(), "--wait", good, "db", "init"}, {"CFP_USER=t"});
    EXPECT_EQ(result.exit_code, 0) << good << ": " << result.err;
  }
}

} // namespace
} // namespace cfp::test
