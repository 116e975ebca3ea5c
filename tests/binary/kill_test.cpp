// SPDX-License-Identifier: EUPL-1.2
// An import killed with SIGKILL leaves all of its rows or none: the real program is killed at
// moments spread over one import's run, and the database is checked after each kill. The soak
// script tests/soak/kill.sh does the same with 100,000 rows and 20 moments, and names the phase
// each kill hit.

#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

constexpr int k_rows = 3000;
constexpr int k_moments = 5;

const std::vector<std::string> k_env{"CFP_USER=tester", "CFP_NOW=2024-10-01T10:00:00Z", "PATH=/usr/bin:/bin"};

void write_proposals(const fs::path& csv)
{
  std::ofstream out(csv);
  out << "call,acronym,title,host,partners,entity,eu_contribution_eur\n";
  for (int row = 1; row <= k_rows; ++row) {
    out << fmt::format("C,P{:05},\"Proposal {}, a title\",FI,SE;EE,Centre {},1M\n", row, row, row % 97);
  }
}

void fresh_database(const fs::path& db)
{
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(db.string() + suffix);
  }
  for (const auto& args : std::vector<std::vector<std::string>>{{"call", "add", "C", "--title", "T"},
                                                                {"deadline", "add", "C", "2025-02-01"}}) {
    std::vector<std::string> argv{CFP_BINARY, "--db", db.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = run_process(argv, k_env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
}

int proposals(const fs::path& db)
{
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  return connection.execAndGet("SELECT count(*) FROM proposal").getInt();
}

CliResult import(const fs::path& db, const fs::path& csv)
{
  return run_process({CFP_BINARY, "--db", db.string(), "import", "proposals", csv.string(), "--quiet"}, k_env);
}

TEST(KillTest, AnImportKilledAtAnyMomentLeavesAllOfItsRowsOrNoneAndAnIntactLog)
{
  TempDir dir;
  const auto db = dir / "cfp.db";
  const auto csv = dir / "proposals.csv";
  const auto tmp = dir / "tmp";
  fs::create_directory(tmp);
  write_proposals(csv);

  ASSERT_NO_FATAL_FAILURE(fresh_database(db));
  const auto started = std::chrono::steady_clock::now();
  const auto timed = import(db, csv);
  const auto full = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(timed.exit_code, 0) << timed.err;
  ASSERT_EQ(proposals(db), k_rows);

  // The import runs in the background of a shell that kills it after a pause and prints the
  // import's exit status: 137 when the kill came first, 0 when the import had finished.
  const std::string script = "\"$0\" --db \"$1\" import proposals \"$2\" --quiet >/dev/null 2>&1 & pid=$!; "
                             "sleep \"$3\"; kill -9 \"$pid\" 2>/dev/null; wait \"$pid\"; echo $?";
  int killed = 0;
  for (int moment = 1; moment <= k_moments; ++moment) {
    SCOPED_TRACE(fmt::format("moment {} of {}", moment, k_moments));
    ASSERT_NO_FATAL_FAILURE(fresh_database(db));
    const auto pause = fmt::format("{:.3f}", full * moment / (k_moments + 1));
    std::vector<std::string> env = k_env;
    env.push_back("TMPDIR=" + tmp.string());
    const auto run = run_process({"/bin/bash", "-c", script, CFP_BINARY, db.string(), csv.string(), pause}, env);
    ASSERT_TRUE(run.out == "137\n" || run.out == "0\n") << run.out << run.err;
    killed += run.out == "137\n" ? 1 : 0;

    const auto verify = run_process({CFP_BINARY, "--db", db.string(), "log", "verify"}, k_env);
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    const int found = proposals(db);
    EXPECT_TRUE(found == 0 || found == k_rows) << found << " proposals after a kill at " << pause << " s";
    {
      SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
      EXPECT_EQ(connection.execAndGet("PRAGMA integrity_check").getString(), "ok");
    }
    EXPECT_TRUE(fs::is_empty(tmp)) << "the killed import left a file in TMPDIR";

    const auto again = import(db, csv);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(proposals(db), k_rows);
  }
  // The first moment, a sixth of an import, comes before the import has finished.
  EXPECT_GE(killed, 1);
}

} // namespace
} // namespace cfp::test
