// SPDX-License-Identifier: EUPL-1.2
// `cfp db backup DEST`: a copy equal to the database that passes `db check`, written 0600 under
// a random name and renamed into place; DEST refused before anything happens when it is the
// database or one of its files, a link, a special file, or (without --force) an existing file;
// a failure leaves nothing behind.

#include "cli/cli_fixture.hpp"
#include "support/fault_vfs.hpp"

#include <cfp/util/text.hpp>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <fstream>
#include <sqlite3.h>
#include <unistd.h>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

class DbBackupTest : public CliTest
{
protected:
  void expect_good_copy(const fs::path& copy)
  {
    EXPECT_EQ(dump_database(copy), dump_database(m_db));
    const auto check = run_cli(copy, {"db", "check"});
    EXPECT_EQ(check.exit_code, 0) << check.err << check.out;
    const auto list = run_cli(copy, {"proposal", "list"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("MIMER"), std::string::npos) << list.out;
  }
};

TEST_F(DbBackupTest, TheCopyHoldsWhatTheDatabaseHoldsAndPassesTheCheck)
{
  const auto copy = m_dir / "copy.db";
  const auto result = cfp({"db", "backup", copy.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("backup:   " + copy.string() + "\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("copied:   in one pass\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "backed up " + m_db.string() + " to " + copy.string() + "; 'cfp --db " + copy.string() +
                            " db check' checks the copy\n");
  // Nothing but the copy was left beside it (the database's own -wal and -shm aside).
  auto names = names_in(m_dir.path());
  std::erase_if(names, [](const std::string& name) { return name.starts_with("cfp.db-"); });
  EXPECT_EQ(names, (std::vector<std::string>{"cfp.db", "copy.db"}));
  expect_good_copy(copy);
}

TEST_F(DbBackupTest, JsonSaysWhatWasCopied)
{
  const auto copy = m_dir / "copy.db";
  const auto record = nlohmann::json::parse(ok({"db", "backup", copy.string(), "--format", "json"}));
  EXPECT_EQ(record.at("database"), m_db.string());
  EXPECT_EQ(record.at("backup"), copy.string());
  EXPECT_EQ(record.at("bytes").get<std::int64_t>(), static_cast<std::int64_t>(fs::file_size(copy)));
  EXPECT_EQ(record.at("bytes").get<std::int64_t>() % record.at("pages").get<std::int64_t>(), 0);
  EXPECT_EQ(record.at("restarts"), 0);
}

TEST_F(DbBackupTest, TheCopyIsPrivateWhateverTheUmask)
{
  const auto copy = m_dir / "copy.db";
  const mode_t saved = ::umask(0);
  const auto result = cfp({"db", "backup", copy.string()});
  ::umask(saved);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  struct stat info
  {
  };
  ASSERT_EQ(::stat(copy.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(DbBackupTest, TheDatabaseAndItsFilesAreRefused)
{
  const auto before = dump_database(m_db);
  fails({"db", "backup", m_db.string()}, 66, "DEST " + m_db.string() + " is the database; name another file");
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    fails({"db", "backup", m_db.string() + suffix}, 66,
          std::string("is the ") + (suffix + 1) + " file of the database; name another file");
  }
  fails({"db", "backup", (m_dir / "." / "cfp.db").string()}, 66, "is the database");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(DbBackupTest, ASymbolicLinkIsRefusedAndWhatItLeadsToIsLeftAlone)
{
  const auto target = m_dir / "target.db";
  std::ofstream(target) << "keep me";
  const auto link = m_dir / "link.db";
  fs::create_symlink(target, link);
  fails({"db", "backup", link.string()}, 66, "DEST " + link.string() + " is a symbolic link; name the file itself");
  // A link to nothing yet is refused too.
  const auto dangling = m_dir / "dangling.db";
  fs::create_symlink(m_dir / "nowhere.db", dangling);
  fails({"db", "backup", dangling.string()}, 66, "is a symbolic link; name the file itself");
  fails({"db", "backup", dangling.string(), "--force"}, 66, "is a symbolic link; name the file itself");
  EXPECT_FALSE(fs::exists(m_dir / "nowhere.db"));
  std::ifstream in(target);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "keep me");
  // A link to the database is the database.
  const auto to_database = m_dir / "to-db.db";
  fs::create_symlink(m_db, to_database);
  fails({"db", "backup", to_database.string(), "--force"}, 66, "is the database");
}

TEST_F(DbBackupTest, AnExistingFileIsReplacedOnlyWithForce)
{
  const auto copy = m_dir / "copy.db";
  std::ofstream(copy) << "an older copy";
  fails({"db", "backup", copy.string()}, 66,
        "cannot back up to " + copy.string() + ": it exists; name another file, or give --force to replace it");
  ok({"db", "backup", copy.string(), "--force"});
  expect_good_copy(copy);
}

TEST_F(DbBackupTest, ADeviceOrAFolderIsRefused)
{
  fails({"db", "backup", "/dev/full"}, 66, "/dev/full exists and is not a regular file (a device)");
  fails({"db", "backup", "/dev/full", "--force"}, 66, "(a device)");
  fails({"db", "backup", m_dir.path().string(), "--force"}, 66, "exists and is not a regular file (a folder)");
}

TEST_F(DbBackupTest, AFolderThatCannotBeWrittenGivesAClearErrorAndLeavesNothing)
{
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root writes any folder";
  }
  const auto folder = m_dir / "locked";
  fs::create_directory(folder);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  fails({"db", "backup", (folder / "copy.db").string()}, 66,
        "cannot write " + (folder / "copy.db").string() + ": Permission denied");
  fs::permissions(folder, fs::perms::owner_all);
  EXPECT_TRUE(names_in(folder).empty());
}

TEST_F(DbBackupTest, AMissingFolderGivesAClearError)
{
  const auto copy = m_dir / "missing" / "copy.db";
  fails({"db", "backup", copy.string()}, 66, "cannot write " + copy.string() + ": No such file or directory");
}

TEST_F(DbBackupTest, AFullDiskLeavesNeitherTheCopyNorItsTemporaryFile)
{
  const auto folder = m_dir / "backups";
  fs::create_directory(folder);
  const auto copy = folder / "copy.db";
  CliResult result;
  std::optional<IoCallRecord> injected;
  {
    FaultVfs vfs(Syncs::skipped);
    vfs.fail(IoCall::write, 3, SQLITE_FULL);
    result = cfp({"db", "backup", copy.string()});
    injected = vfs.injected();
  }
  ASSERT_TRUE(injected.has_value()) << "the copy wrote fewer than 3 times";
  EXPECT_EQ(injected->role, FileRole::main_db);
  EXPECT_EQ(result.exit_code, 66) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "cfp: error: cannot write " + copy.string() + ": the disk is full\n");
  EXPECT_TRUE(names_in(folder).empty());
}

TEST_F(DbBackupTest, AnOlderSchemaCanBeBackedUpBeforeItIsMigrated)
{
  TempDir other;
  const auto old = other / "old.db";
  {
    SQLite::Database db(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); PRAGMA application_id = 1128681521;"
            "PRAGMA user_version = 1");
  }
  const auto copy = other / "copy.db";
  const auto result = run_cli(old, {"db", "backup", copy.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(dump_database(copy), dump_database(old));
}

TEST_F(DbBackupTest, AFileNameIsShownEscaped)
{
  const auto copy = m_dir / "copy\x1b[2J.db";
  std::ofstream(copy) << "x";
  const auto result = cfp({"db", "backup", copy.string()});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_NE(result.err.find("copy\\x1b[2J.db: it exists"), std::string::npos) << result.err;
}

} // namespace
} // namespace cfp::test
