// SPDX-License-Identifier: EUPL-1.2
// `cfp db check`: the file's integrity, its foreign keys, its schema version and the audit
// chain, each reported; exit 74 naming the first that failed, for damage done outside cfp.

#include "cli/cli_fixture.hpp"
#include "store/sqlite/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace cfp::test {
namespace {

using nlohmann::json;

class DbCheckTest : public CliTest
{
protected:
  /// The schema version this cfp writes.
  static int latest_version() { return store::sqlite::embedded_migrations().back().version; }

  // Runs SQL on the file outside cfp, as someone with write access to it could (foreign keys
  // are off in a plain SQLite connection).
  void tamper(const std::string& sql)
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }

  /// Runs `db check`, expects exit 74 naming `check` on stderr, and returns the report on stdout.
  json failing_check(const std::string& check)
  {
    const auto result = cfp({"db", "check", "--format", "json"});
    EXPECT_EQ(result.exit_code, 74) << result.err;
    EXPECT_EQ(result.err.rfind("cfp: error: the check '" + check + "' of " + m_db.string() + " failed: ", 0), 0u)
        << result.err;
    return json::parse(result.out);
  }

  /// The result of the check named `name` in a report.
  static std::string result_of(const json& report, const std::string& name)
  {
    for (const auto& check : report) {
      if (check.at("check") == name) {
        return check.at("result");
      }
    }
    return "absent";
  }
};

TEST_F(DbCheckTest, AHealthyDatabasePassesEveryCheck)
{
  const auto result = cfp({"db", "check"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, m_db.string() + " passed every check\n");
  const auto lines = [&] {
    std::vector<std::string> all;
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line);) {
      all.push_back(line);
    }
    return all;
  }();
  ASSERT_EQ(lines.size(), 6u) << result.out;
  EXPECT_EQ(lines[0].rfind("CHECK", 0), 0u) << result.out;
  EXPECT_EQ(lines[1].rfind("integrity       passed  ok", 0), 0u) << result.out;
  EXPECT_EQ(lines[2].rfind("foreign keys    passed  ok", 0), 0u) << result.out;
  EXPECT_EQ(
      lines[3].rfind("schema version  passed  " + std::to_string(latest_version()) + ", the one this cfp writes", 0),
      0u)
      << result.out;
  EXPECT_EQ(lines[4].rfind("audit chain     passed  ", 0), 0u) << result.out;
  EXPECT_EQ(lines[5], "documents       passed  0 stored, 0 B, each matching its SHA-256") << result.out;

  const auto report = json::parse(ok({"db", "check", "--format", "json"}));
  ASSERT_EQ(report.size(), 5u);
  for (const auto& check : report) {
    EXPECT_EQ(check.at("result"), "passed") << check;
    EXPECT_TRUE(check.at("remedy").is_null()) << check;
  }
}

TEST_F(DbCheckTest, ABrokenForeignKeyFails)
{
  tamper("UPDATE proposal SET host = 'XX' WHERE acronym = 'MIMER'");
  const auto report = failing_check("foreign keys");
  EXPECT_EQ(result_of(report, "integrity"), "passed");
  EXPECT_EQ(result_of(report, "foreign keys"), "failed");
  EXPECT_NE(
      report.at(1).at("detail").get<std::string>().find("of proposal refers to a row of state that does not exist"),
      std::string::npos)
      << report;
  EXPECT_EQ(result_of(report, "audit chain"), "passed");
}

TEST_F(DbCheckTest, ACorruptedPageFailsTheIntegrityCheck)
{
  std::int64_t page = 0;
  std::int64_t page_size = 0;
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
    page = db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'proposal'").getInt64();
    page_size = db.execAndGet("PRAGMA page_size").getInt64();
  }
  ASSERT_FALSE(std::filesystem::exists(m_db.string() + "-wal") && std::filesystem::file_size(m_db.string() + "-wal"))
      << "the log was not checkpointed into the file";
  {
    std::fstream file(m_db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((page - 1) * page_size);
    const std::string garbage(static_cast<std::size_t>(page_size), '\xa5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto report = failing_check("integrity");
  EXPECT_EQ(result_of(report, "integrity"), "failed");
  EXPECT_NE(report.at(0).at("remedy").get<std::string>().find("restore the database from a backup"), std::string::npos);
}

TEST_F(DbCheckTest, AnyPageOverwrittenGivesAReportOrAClearErrorNeverACrash)
{
  // Damage the first check meets before it can run (a statement that cannot be prepared) must
  // come out as exit 74 like the rest: each page in turn is overwritten in a copy of the file.
  ASSERT_EQ(cfp({"db", "status"}).exit_code, 0);
  const auto pristine = m_dir / "pristine.db";
  std::filesystem::copy_file(m_db, pristine);
  const auto pages = static_cast<std::int64_t>(std::filesystem::file_size(pristine) / 4096);
  ASSERT_GT(pages, 10);
  for (std::int64_t page = 2; page <= pages; ++page) {
    std::filesystem::copy_file(pristine, m_db, std::filesystem::copy_options::overwrite_existing);
    {
      std::fstream file(m_db, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp((page - 1) * 4096);
      const std::string garbage(4096, '\xde');
      file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"db", "check"}, std::vector<std::string>{"proposal", "list"},
          std::vector<std::string>{"log", "verify"}}) {
      const auto result = cfp(command);
      EXPECT_TRUE(result.exit_code == 74 || (result.exit_code == 0 && command[0] == "proposal") ||
                  (result.exit_code <= 1 && command[0] == "log"))
          << "page " << page << ", " << command[0] << " " << command[1] << ": exit " << result.exit_code << "\n"
          << result.err;
      EXPECT_EQ(result.err.find("please report this"), std::string::npos) << "page " << page << ": " << result.err;
    }
  }
}

TEST_F(DbCheckTest, AnOlderSchemaFailsAndTheAuditChainIsNotChecked)
{
  const auto old = m_dir / "old.db";
  {
    SQLite::Database db(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(store::sqlite::embedded_migrations().front().sql);
    db.exec("PRAGMA application_id = " + std::to_string(store::sqlite::k_application_id));
    db.exec("PRAGMA user_version = 1");
  }
  const auto result = run_cli(old, {"db", "check", "--format", "json"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_NE(result.err.find("the check 'schema version' of " + old.string() +
                            " failed: 1, older than the one this cfp writes (" + std::to_string(latest_version()) +
                            "); upgrade it with 'cfp db init'"),
            std::string::npos)
      << result.err;
  const auto report = json::parse(result.out);
  EXPECT_EQ(result_of(report, "integrity"), "passed");
  EXPECT_EQ(result_of(report, "foreign keys"), "passed");
  EXPECT_EQ(result_of(report, "audit chain"), "skipped");
  EXPECT_EQ(result_of(report, "documents"), "skipped");
  // Checking changed nothing: the file is still at version 1.
  SQLite::Database db(old.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
}

TEST_F(DbCheckTest, AnEditedAuditEntryBreaksTheChain)
{
  tamper("DROP TRIGGER audit_is_append_only_update; UPDATE audit SET actor = 'mallory' WHERE id = 3");
  const auto report = failing_check("audit chain");
  EXPECT_EQ(result_of(report, "integrity"), "passed");
  EXPECT_EQ(result_of(report, "foreign keys"), "passed");
  EXPECT_EQ(report.at(3).at("detail"),
            "does not hold from entry 3 on: entry 3 does not match its seal: it, or its seal, was changed outside cfp");
  EXPECT_EQ(report.at(3).at("remedy"), "restore the database from a backup, and find out who changed it");
}

TEST_F(DbCheckTest, TheFirstFailureIsTheOneNamed)
{
  tamper("DROP TRIGGER audit_is_append_only_update; UPDATE audit SET actor = 'mallory' WHERE id = 3;"
         "UPDATE proposal SET host = 'XX' WHERE acronym = 'MIMER'");
  const auto report = failing_check("foreign keys");
  EXPECT_EQ(result_of(report, "audit chain"), "failed");
}

} // namespace
} // namespace cfp::test
