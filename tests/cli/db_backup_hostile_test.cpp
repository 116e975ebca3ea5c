// SPDX-License-Identifier: EUPL-1.2
// `cfp db backup` against what another user or a damaged file may do: the copy and SQLite's
// journals for it live in a folder of cfp's own (0700) until the copy is whole, so that nothing
// can be planted beside it; a folder others may write is refused; the database reached through
// another mount is still the database; a damaged or empty database is not copied; a backup
// killed halfway leaves a folder that the next one removes.

#include "cli/cli_fixture.hpp"

#include <cfp/util/private_folder.hpp>

#include <SQLiteCpp/Database.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

class DbBackupHostileTest : public CliTest
{
};

TEST_F(DbBackupHostileTest, NothingButAPrivateFolderAndTheCopyEverAppearsBesideIt)
{
  // Were the copy made beside DEST under its temporary name, SQLite would make its -wal and -shm
  // there too, by names another user could create first and fill with pages of theirs.
  const auto folder = m_dir / "backups";
  fs::create_directory(folder);
  const int watch = ::inotify_init1(IN_NONBLOCK);
  ASSERT_GE(watch, 0);
  ASSERT_GE(::inotify_add_watch(watch, folder.c_str(), IN_CREATE | IN_MOVED_TO), 0);
  ok({"db", "backup", (folder / "copy.db").string()});
  std::vector<std::string> seen;
  alignas(inotify_event) char buffer[64 * 1024];
  for (ssize_t got = 0; (got = ::read(watch, buffer, sizeof buffer)) > 0;) {
    for (char* at = buffer; at < buffer + got;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      seen.push_back(std::string((event->mask & IN_ISDIR) != 0 ? "folder " : "file ") + event->name);
      at += sizeof(inotify_event) + event->len;
    }
  }
  ::close(watch);
  ASSERT_EQ(seen.size(), 2u) << ::testing::PrintToString(seen);
  EXPECT_TRUE(seen[0].starts_with("folder .copy.db.cfp-" + std::to_string(::getpid()) + "-")) << seen[0];
  EXPECT_EQ(seen[1], "file copy.db");
  EXPECT_EQ(names_in(folder), std::vector<std::string>{"copy.db"});
}

TEST_F(DbBackupHostileTest, AFolderOtherUsersMayWriteIsRefusedUnlessItIsSticky)
{
  const auto shared = m_dir / "shared";
  fs::create_directory(shared);
  ::chmod(shared.c_str(), 0777);
  fails({"db", "backup", (shared / "copy.db").string()}, 66,
        "cannot back up to " + (shared / "copy.db").string() + ": other users may write the folder " + shared.string() +
            ", and could read or replace copy.db as it is written; name a file in a folder of "
            "your own");
  EXPECT_TRUE(names_in(shared).empty());
  ::chmod(shared.c_str(), 01777);
  ok({"db", "backup", (shared / "copy.db").string()});
  EXPECT_EQ(names_in(shared), std::vector<std::string>{"copy.db"});
}

TEST_F(DbBackupHostileTest, TheWalReachedThroughAnotherMountIsStillTheDatabases)
{
  // The -wal does not exist until the backup's own session opens the database; a path through a
  // bind mount of its folder leads to it all the same, and --force must not replace it.
  const auto view = m_dir / "view";
  fs::create_directory(view);
  if (::mount(m_dir.path().c_str(), view.c_str(), nullptr, MS_BIND, nullptr) != 0) {
    GTEST_SKIP() << "cannot bind-mount here: " << std::strerror(errno);
  }
  const auto before = dump_database(m_db);
  ASSERT_EQ(cfp({"db", "status"}).exit_code, 0); // the last to close: the -wal is in the file, and empty
  fs::remove(m_db.string() + "-wal");
  fs::remove(m_db.string() + "-shm");
  for (const char* name : {"cfp.db-wal", "cfp.db-shm", "cfp.db"}) {
    const auto result = cfp({"db", "backup", (view / name).string(), "--force"});
    EXPECT_EQ(result.exit_code, 66) << name << ": " << result.err;
    EXPECT_NE(result.err.find("the database; name another file"), std::string::npos) << result.err;
  }
  ::umount2(view.c_str(), MNT_DETACH);
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(DbBackupHostileTest, ADamagedDatabaseIsNotCopied)
{
  std::int64_t page = 0;
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
    page = db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'proposal'").getInt64();
  }
  ASSERT_EQ(cfp({"db", "status"}).exit_code, 0); // the last connection closed: the -wal is in the file
  {
    std::fstream file(m_db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((page - 1) * 4096);
    const std::string garbage(4096, '\xa5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto folder = m_dir / "backups";
  fs::create_directory(folder);
  const auto result = cfp({"db", "backup", (folder / "copy.db").string()});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.err.rfind("cfp: error: cannot back up " + m_db.string() + ": it is damaged (", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("nothing was written; 'cfp db check' says more"), std::string::npos) << result.err;
  EXPECT_TRUE(names_in(folder).empty());
}

TEST_F(DbBackupHostileTest, AnEmptyDatabaseIsNotCopied)
{
  const auto empty = m_dir / "empty.db";
  std::ofstream{empty};
  ::chmod(empty.c_str(), 0600);
  const auto copy = m_dir / "copy.db";
  const auto result = run_cli(empty, {"db", "backup", copy.string()});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.err, "cfp: error: the database " + empty.string() +
                            " is empty: there is nothing to back up; create it with 'cfp db init'\n");
  EXPECT_FALSE(fs::exists(copy));
}

TEST_F(DbBackupHostileTest, ALongButLegalNameCanBeWritten)
{
  const auto copy = m_dir / (std::string(NAME_MAX - 3, 'a') + ".db");
  ok({"db", "backup", copy.string()});
  EXPECT_TRUE(fs::is_regular_file(copy));
  std::string name(120, 'b');
  for (int i = 0; i < 65; ++i) { // 250 bytes: the name is cut between two characters
    name += "é";
  }
  ok({"db", "backup", (m_dir / (name + ".db")).string()});
  EXPECT_TRUE(fs::is_regular_file(m_dir / (name + ".db")));
}

TEST_F(DbBackupHostileTest, AnEmptyDestIsAUsageError)
{
  fails({"db", "backup", ""}, 2, "db backup: DEST is empty; name the file to write");
}

TEST_F(DbBackupHostileTest, TheFolderOfABackupThatWasKilledIsRemovedByTheNextOne)
{
  const pid_t child = ::fork();
  if (child == 0) {
    ::_exit(0);
  }
  ASSERT_GT(child, 0);
  ::waitpid(child, nullptr, 0);
  const auto left = m_dir / (".copy.db.cfp-" + std::to_string(child) + "-Ab12Cd");
  const auto running = m_dir / (".copy.db.cfp-" + std::to_string(::getpid()) + "-Ab12Cd");
  for (const auto& folder : {left, running}) {
    fs::create_directory(folder);
    ::chmod(folder.c_str(), 0700);
    std::ofstream(folder / "copy.db") << "half a copy";
    std::ofstream(folder / "copy.db-journal") << "its journal";
  }
  ok({"db", "backup", (m_dir / "copy.db").string()});
  EXPECT_FALSE(fs::exists(left)) << "the folder of a process that no longer runs was kept";
  EXPECT_TRUE(fs::exists(running / "copy.db")) << "the folder of a running process was removed";
}

} // namespace
} // namespace cfp::test
