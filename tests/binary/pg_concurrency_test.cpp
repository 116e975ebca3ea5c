// SPDX-License-Identifier: EUPL-1.2
// Many real cfp processes writing one PostgreSQL database at once, on the run's throwaway
// server. Writes are SERIALIZABLE: a transaction that loses a race is run again, within the
// same deadline as a lock wait on a file, so that none gives up while others keep writing.

#include "support/postgres.hpp"
#include "support/support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cfp::test {
namespace {

// Runs `processes` bash loops at once, each running `command` (where $p is the loop's number,
// $w the iteration, $0 the cfp binary and $1 the database) `writes` times; returns the exit
// statuses of all runs, sorted, and every line they printed on stderr.
std::pair<std::vector<int>, std::string> run_loops(int processes, int writes, const std::string& command,
                                                   const std::string& database)
{
  TempDir dir;
  const auto errors = dir / "stderr";
  const std::string script = fmt::format("for p in $(seq 1 {}); do (for w in $(seq 1 {}); do {{ {}; }} >>\"$2\" "
                                         "2>>\"$3\"; echo $?; done) & done; wait",
                                         processes, writes, command);
  const auto result =
      run_process({"/bin/bash", "-c", script, CFP_BINARY, database, (dir / "stdout").string(), errors.string()},
                  {"CFP_USER=tester"});
  std::vector<int> statuses;
  std::istringstream lines(result.out);
  for (int status = 0; lines >> status;) {
    statuses.push_back(status);
  }
  std::sort(statuses.begin(), statuses.end());
  const auto printed = run_process({"/bin/cat", (dir / "stdout").string(), errors.string()}, {});
  return {statuses, printed.out};
}

class PgConcurrencyTest : public PgTest
{
};

TEST_F(PgConcurrencyTest, SixteenProcessesInitialisingOneNewDatabaseAtOnceCreateItOnce)
{
  ScratchPgDatabase db;
  const auto [statuses, printed] = run_loops(16, 1, "\"$0\" --db \"$1\" db init --format csv", db.location());
  EXPECT_EQ(statuses, std::vector<int>(16, 0)) << printed;
  std::size_t created = 0;
  for (std::size_t at = printed.find(",created"); at != std::string::npos; at = printed.find(",created", at + 1)) {
    ++created;
  }
  EXPECT_EQ(created, 1u) << printed;
  EXPECT_EQ(db.query("SELECT count(*) FROM cfp_meta"), "1");
}

TEST_F(PgConcurrencyTest, SixteenProcessesAddingCallsAtOnceAllSucceedWithOneUnbrokenAuditChain)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.location(), "db", "init"}, {"CFP_USER=tester"}).exit_code, 0);
  const auto [statuses, printed] =
      run_loops(16, 4, "\"$0\" --db \"$1\" call add \"C-$p-$w\" --title \"Call $p $w\"", db.location());
  EXPECT_EQ(statuses, std::vector<int>(16 * 4, 0)) << printed;
  EXPECT_EQ(db.query("SELECT count(*) FROM call"), "64");
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), std::to_string(64 * 4))
      << "each call's entry and one each of its three criteria";
  EXPECT_EQ(db.query("SELECT count(*) FROM audit_seal"), std::to_string(64 * 4));
  const auto verify = run_process({CFP_BINARY, "--db", db.location(), "log", "verify"}, {});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(PgConcurrencyTest, OfTwoProcessesAddingOneCallExactlyOneWinsAndTheOtherIsRefused)
{
  for (int round = 0; round < 5; ++round) {
    ScratchPgDatabase db;
    ASSERT_EQ(run_process({CFP_BINARY, "--db", db.location(), "db", "init"}, {"CFP_USER=tester"}).exit_code, 0);
    const auto [statuses, printed] =
        run_loops(2, 1, "\"$0\" --db \"$1\" call add \"AI-$p\" --title T && \"$0\" --db \"$1\" call add SAME --title T",
                  db.location());
    EXPECT_EQ(statuses, (std::vector<int>{0, 1})) << printed;
    EXPECT_NE(printed.find("already"), std::string::npos) << printed;
    EXPECT_EQ(db.query("SELECT count(*) FROM call WHERE code = 'SAME'"), "1");
  }
}

TEST_F(PgConcurrencyTest, AKilledWriterLeavesNothingHalfDone)
{
  ScratchPgDatabase db;
  ASSERT_EQ(run_process({CFP_BINARY, "--db", db.location(), "db", "init"}, {"CFP_USER=tester"}).exit_code, 0);
  // Writers killed at random moments: each call is there with its criteria and its four audit
  // entries, or not at all.
  const std::string script =
      "for i in $(seq 1 12); do \"$0\" --db \"$1\" call add \"K-$i\" --title T >/dev/null 2>&1 & pid=$!; "
      "sleep 0.0$((RANDOM % 9)); kill -9 $pid 2>/dev/null; wait $pid; done; true";
  run_process({"/bin/bash", "-c", script, CFP_BINARY, db.location()}, {"CFP_USER=tester"});
  const auto calls = db.query("SELECT count(*) FROM call");
  EXPECT_EQ(db.query("SELECT count(*) FROM criterion"), std::to_string(std::stoi(calls) * 3));
  EXPECT_EQ(db.query("SELECT count(*) FROM audit"), std::to_string(std::stoi(calls) * 4));
  const auto verify = run_process({CFP_BINARY, "--db", db.location(), "log", "verify"}, {});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

// A database with one call open for submissions, for the proposal tests.
void open_call(const ScratchPgDatabase& db)
{
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"db", "init"}, {"call", "add", "C", "--title", "T"}, {"deadline", "add", "C", "2099-11-04"}}) {
    auto argv = std::vector<std::string>{CFP_BINARY, "--db", db.location()};
    argv.insert(argv.end(), command.begin(), command.end());
    ASSERT_EQ(run_process(argv, {"CFP_USER=tester"}).exit_code, 0);
  }
}

TEST_F(PgConcurrencyTest, SixteenProcessesSubmittingProposalsAtOnceAllSucceedWithOneUnbrokenAuditChain)
{
  ScratchPgDatabase db;
  open_call(db);
  const auto [statuses, printed] =
      run_loops(16, 5,
                "\"$0\" --db \"$1\" proposal add --call C --acronym \"P-$p-$w\" --title T --host DE --partner FR "
                "--entity E --eu-contribution 1000 --sector health",
                db.location());
  EXPECT_EQ(statuses, std::vector<int>(16 * 5, 0)) << printed;
  EXPECT_EQ(db.query("SELECT count(*) || ' ' || count(DISTINCT id) || ' ' || max(id) FROM proposal"), "80 80 80");
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_partner"), "80");
  const auto verify = run_process({CFP_BINARY, "--db", db.location(), "log", "verify"}, {});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(PgConcurrencyTest, OfTwoProcessesSubmittingOneAcronymExactlyOneWinsAndTheOtherIsRefused)
{
  for (int round = 0; round < 5; ++round) {
    ScratchPgDatabase db;
    open_call(db);
    // Different cases: the acronym is unique in its call ignoring ASCII case.
    const auto [statuses, printed] =
        run_loops(2, 1,
                  "\"$0\" --db \"$1\" proposal add --call C --acronym \"AI-$p\" --title T --host DE --entity E "
                  "--eu-contribution 1 && \"$0\" --db \"$1\" proposal add --call C --acronym "
                  "\"$( [ $p = 1 ] && echo SAME || echo same )\" --title T --host DE --entity E --eu-contribution 1",
                  db.location());
    EXPECT_EQ(statuses, (std::vector<int>{0, 1})) << printed;
    EXPECT_NE(printed.find("already"), std::string::npos) << printed;
    EXPECT_EQ(db.query("SELECT count(*) FROM proposal WHERE nocase(acronym) = 'same'"), "1");
  }
}

TEST_F(PgConcurrencyTest, AnImportKilledHalfwayLeavesNoneOrAllOfIt)
{
  ScratchPgDatabase db;
  open_call(db);
  TempDir dir;
  const auto file = dir / "proposals.csv";
  {
    std::ofstream out(file);
    out << "call,acronym,title,host,entity,partners,eu_contribution_eur,sectors\n";
    for (int i = 0; i < 300; ++i) {
      out << "C,IMP-" << i << ",Title " << i << ",DE,Entity,FR;IT,1000,health;space\n";
    }
  }
  // Imports killed at random moments, each into the same call: all 300 proposals or none, each
  // whole, and the log with them.
  const std::string script =
      "for i in $(seq 1 6); do \"$0\" --db \"$1\" import proposals \"$2\" >/dev/null 2>&1 & pid=$!; "
      "sleep 0.$((RANDOM % 9)); kill -9 $pid 2>/dev/null; wait $pid; done; true";
  run_process({"/bin/bash", "-c", script, CFP_BINARY, db.location(), file.string()}, {"CFP_USER=tester"});
  const auto proposals = db.query("SELECT count(*) FROM proposal");
  EXPECT_TRUE(proposals == "0" || proposals == "300") << proposals;
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_partner"), std::to_string(std::stoi(proposals) * 2));
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal_sector"), std::to_string(std::stoi(proposals) * 2));
  const auto verify = run_process({CFP_BINARY, "--db", db.location(), "log", "verify"}, {});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  // And one that is not killed finishes the work.
  const auto imported =
      run_process({CFP_BINARY, "--db", db.location(), "import", "proposals", file.string()}, {"CFP_USER=tester"});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(db.query("SELECT count(*) FROM proposal"), "300");
}

} // namespace
} // namespace cfp::test
