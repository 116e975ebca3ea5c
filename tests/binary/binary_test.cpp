// SPDX-License-Identifier: EUPL-1.2
// A few runs of the real cfp program: exit codes, stdout and stderr kept apart, JSON that
// parses, the database file's mode, and a second process holding the write lock.
#include "support/support.hpp"

#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <chrono>
#include <fstream>

namespace cfp::test {
namespace {

class BinaryTest : public ::testing::Test
{
protected:
  std::vector<std::string> env(const std::string& now = "2024-10-01T10:00:00Z") const
  {
    return {"CFP_DB=" + m_db.string(), "CFP_USER=tester", "CFP_NOW=" + now, "PATH=/usr/bin:/bin"};
  }

  CliResult cfp(const std::vector<std::string>& args, const std::string& now = "2024-10-01T10:00:00Z") const
  {
    return run_binary(args, env(now));
  }

  void seed() const
  {
    for (const auto& args : std::vector<std::vector<std::string>>{
           {"call", "add", "EUROHPC-2024-CEI-AI-01", "--title", "AI Factories", "--opens", "2024-09-10"},
           {"deadline", "add", "EUROHPC-2024-CEI-AI-01", "2024-11-04"},
           {"proposal", "add", "--call", "EUROHPC-2024-CEI-AI-01", "--acronym", "MIMER", "--title", "MIMER",
            "--host", "SE", "--entity", "Linköping University", "--eu-contribution", "0"}}) {
      const auto result = cfp(args, "2024-09-10T10:00:00Z");
      ASSERT_EQ(result.exit_code, 0) << result.err;
    }
  }

  TempDir m_dir;
  std::filesystem::path m_db = m_dir / "data" / "cfp.db";
};

TEST_F(BinaryTest, ANewDatabaseIsPrivateToItsOwner)
{
  const auto result = cfp({"db", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  struct stat info{};
  ASSERT_EQ(::stat(m_db.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(m_db.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
}

TEST_F(BinaryTest, DataGoesToStdoutAndMessagesToStderr)
{
  seed();
  const auto added = cfp({"proposal", "add", "--call", "EUROHPC-2024-CEI-AI-01", "--acronym", "LUMI-AIF", "--title",
                          "LUMI", "--host", "FI", "--entity", "CSC", "--eu-contribution", "0"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "EUROHPC-2024-CEI-AI-01/LUMI-AIF\n");
  EXPECT_NE(added.err.find("submitted for cut-off '2024-11-04'"), std::string::npos) << added.err;

  const auto listed = cfp({"proposal", "list", "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.err, "");
  const auto proposals = nlohmann::json::parse(listed.out);
  ASSERT_EQ(proposals.size(), 2u);
  EXPECT_EQ(proposals[1]["entity"], "Linköping University");
}

TEST_F(BinaryTest, ExitCodesFollowTheKindOfError)
{
  seed();
  const auto expect = [&](const std::vector<std::string>& args, int code, const std::string& now) {
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, code) << ::testing::PrintToString(args) << "\n" << result.err;
    EXPECT_EQ(result.out, "") << ::testing::PrintToString(args);
    EXPECT_EQ(result.err.rfind("cfp: error: ", 0), 0u) << result.err;
  };
  const std::string now = "2024-10-01T10:00:00Z";
  expect({"proposal", "show", "NOPE"}, 1, now);
  expect({"proposal", "update", "MIMER", "--title", "late"}, 1, "2024-11-04T16:00:01Z");
  expect({"proposal", "list", "--bogus"}, 2, now);
  expect({"deadline", "add", "EUROHPC-2024-CEI-AI-01", "2025-02-30"}, 65, now);
  expect({"proposal", "list"}, 65, "not-a-time");

  EXPECT_EQ(cfp({"--version"}).exit_code, 0);
  EXPECT_EQ(cfp({"--help"}).exit_code, 0);
}

TEST_F(BinaryTest, AFileThatIsNotACfpDatabaseIsRefusedUntouched)
{
  std::filesystem::create_directories(m_db.parent_path());
  {
    std::ofstream junk(m_db);
    junk << "name,amount\nnot,a database\n";
  }
  const auto result = cfp({"proposal", "list"});
  EXPECT_EQ(result.exit_code, 74);
  EXPECT_NE(result.err.find("is not a cfp database"), std::string::npos) << result.err;
  const auto written = cfp({"call", "add", "X", "--title", "x"});
  EXPECT_EQ(written.exit_code, 74);
  std::ifstream in(m_db);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "name,amount\nnot,a database\n");
}

TEST_F(BinaryTest, ADatabaseWithANewerSchemaIsRefused)
{
  seed();
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  const std::string before = dump_database(m_db);
  for (const auto& args : std::vector<std::vector<std::string>>{{"proposal", "list"}, {"db", "init"}}) {
    const auto result = cfp(args);
    EXPECT_EQ(result.exit_code, 74) << result.err;
    EXPECT_NE(result.err.find("schema version 999, newer than this cfp knows"), std::string::npos) << result.err;
  }
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(BinaryTest, AWriterWaitsForAnotherProcessThenReportsBusy)
{
  seed();
  SQLite::Database other(m_db.string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction lock(other, SQLite::TransactionBehavior::IMMEDIATE);
  // CFP_BUSY_TIMEOUT_MS shortens the wait, so that the test takes one second instead of five.
  auto environment = env();
  environment.push_back("CFP_BUSY_TIMEOUT_MS=1000");
  const auto started = std::chrono::steady_clock::now();
  const auto result = run_binary({"proposal", "update", "MIMER", "--title", "blocked"}, environment);
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.exit_code, 75) << result.err;
  // The message names the process that holds the lock: this test's.
  EXPECT_NE(result.err.find(fmt::format("stayed locked by another writer (process {}) for 1 s", ::getpid())),
            std::string::npos)
      << result.err;
  EXPECT_GE(waited, std::chrono::milliseconds(900));

  // Readers are not blocked by a writer (WAL).
  const auto read = cfp({"proposal", "show", "MIMER", "--format", "json"});
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(nlohmann::json::parse(read.out)["title"], "MIMER");
}

TEST_F(BinaryTest, AnImportWithoutRoomForItsTemporaryFileExits74AndChangesNothing)
{
  seed();
  const std::string before = dump_database(m_db);
  const auto csv = m_dir / "in.csv";
  std::ofstream(csv) << "call,acronym,title,host,entity\n";
  auto environment = env();
  environment.push_back("TMPDIR=/nonexistent-cfp-folder");
  const auto result = run_binary({"import", "proposals", csv.string()}, environment);
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.err,
            "cfp: error: cannot make a temporary file in /nonexistent-cfp-folder: No such file or directory\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(BinaryTest, AnImportKilledHalfwayLeavesNoTemporaryFileBesideItsRejectsFile)
{
  seed();
  const auto folder = m_dir / "out";
  std::filesystem::create_directory(folder);
  const auto csv = m_dir / "in.csv";
  std::ofstream(csv) << "call,acronym,title,host,entity\n";
  // The import waits for its input, its rejects file open, and is killed.
  const std::string script = "(sleep 5; cat \"$2\") | \"$0\" import proposals - --input-format csv --skip-invalid "
                             "--rejects \"$3/rejects.csv\" & sleep 0.5; kill -9 $!; wait $! 2>/dev/null; ls -A \"$3\"";
  auto environment = env();
  const auto result =
      run_process({"/bin/bash", "-c", script, CFP_BINARY, csv.string(), folder.string()}, environment);
  EXPECT_EQ(result.out, "") << "left behind: " << result.out;
}

} // namespace
} // namespace cfp::test
