// SPDX-License-Identifier: EUPL-1.2
// Where a database file may live: never through a link, never a FIFO, device or folder, never
// a file or a folder above it that other users may write (they could replace it), and what cfp
// creates itself is private whatever the umask.

#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/store/database.hpp>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace cfp::test {
namespace {

using store::Access;

// The error that opening `path` throws; fails the test when it opens.
Error open_error(const std::filesystem::path& path, Access access)
{
  try {
    store::Database::open(path.string(), {access});
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "opening " << path << " succeeded";
  return Error(ErrorKind::internal, "no error");
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

mode_t mode_of(const std::filesystem::path& path)
{
  struct stat info{};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

TEST(DatabaseFileTest, AFileOthersMayWriteIsRefusedAndLeftAsItWas)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  // An empty file someone made for the user, open to all.
  ASSERT_EQ(::close(::open(path.c_str(), O_WRONLY | O_CREAT, 0600)), 0);
  ASSERT_EQ(::chmod(path.c_str(), 0666), 0);
  for (const auto access : {Access::read_write, Access::read_only}) {
    const auto error = open_error(path, access);
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_TRUE(contains(error.what(), "other users may write the database " + path.string()));
    EXPECT_TRUE(contains(error.what(), "'chmod go-w " + path.string() + "'")) << error.what();
  }
  EXPECT_EQ(std::filesystem::file_size(path), 0u);
  EXPECT_EQ(mode_of(path), 0666u);
  ASSERT_EQ(::chmod(path.c_str(), 0620), 0);
  EXPECT_TRUE(contains(open_error(path, Access::read_write).what(), "other users may write the database"));
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  EXPECT_NO_THROW(store::Database::open(path.string()));
  EXPECT_GT(std::filesystem::file_size(path), 0u);
}

TEST(DatabaseFileTest, AWriteAheadLogOrJournalPlantedBesideItIsRefusedAndNotReplayed)
{
  TempDir dir;
  const auto path = dir / "cfp.db";
  store::Database::open(path.string()); // made, migrated and closed: no -wal left
  const std::string before = dump_database(path);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::filesystem::path companion = path.string() + suffix;
    // One others may write.
    std::ofstream(companion) << "planted";
    ASSERT_EQ(::chmod(companion.c_str(), 0666), 0);
    for (const auto access : {Access::read_write, Access::read_only}) {
      const auto error = open_error(path, access);
      EXPECT_EQ(error.kind(), ErrorKind::storage);
      EXPECT_EQ(std::string(error.what()), companion.string() + " may be written by other users; SQLite would read it "
                                                                "into the database " + path.string() +
                                                                ": remove it if you did not make it");
    }
    // One of another user (only root can give a file away).
    ASSERT_EQ(::chmod(companion.c_str(), 0600), 0);
    if (::geteuid() == 0) {
      ASSERT_EQ(::chown(companion.c_str(), 65534, 65534), 0);
      EXPECT_TRUE(contains(open_error(path, Access::read_write).what(),
                           companion.string() + " belongs to "))
          << suffix;
    }
    std::filesystem::remove(companion);
    // A link.
    std::filesystem::create_symlink(dir / "elsewhere", companion);
    EXPECT_TRUE(contains(open_error(path, Access::read_write).what(), companion.string() + " is a symbolic link"));
    std::filesystem::remove(companion);
  }
  EXPECT_EQ(dump_database(path), before);
  EXPECT_NO_THROW(store::Database::open(path.string()));
}

TEST(DatabaseFileTest, AFolderAboveThatOthersMayWriteIsRefusedUnlessItIsSticky)
{
  TempDir dir;
  const auto shared = dir / "shared";
  ASSERT_EQ(::mkdir(shared.c_str(), 0700), 0);
  ASSERT_EQ(::chmod(shared.c_str(), 0777), 0);
  const auto path = shared / "office" / "cfp.db";
  const auto error = open_error(path, Access::read_write);
  EXPECT_EQ(error.kind(), ErrorKind::storage);
  EXPECT_TRUE(contains(error.what(), "other users may write the folder " + shared.string())) << error.what();
  EXPECT_TRUE(contains(error.what(), "'chmod go-w " + shared.string() + "'")) << error.what();
  EXPECT_FALSE(std::filesystem::exists(shared / "office")) << "nothing is made in an unsafe folder";

  // A sticky folder (as /tmp is) lets no one rename another's entries.
  ASSERT_EQ(::chmod(shared.c_str(), 01777), 0);
  EXPECT_NO_THROW(store::Database::open(path.string()));
}

TEST(DatabaseFileTest, FoldersAndFileCfpCreatesArePrivateWhateverTheUmask)
{
  TempDir dir;
  const auto path = dir / "a" / "b" / "cfp.db";
  const auto result =
    run_process({"/bin/bash", "-c", "umask 000; exec \"$0\" --db \"$1\" db init", CFP_BINARY, path.string()},
                {"CFP_USER=tester"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(mode_of(dir / "a"), 0700u);
  EXPECT_EQ(mode_of(dir / "a" / "b"), 0700u);
  EXPECT_EQ(mode_of(path), 0600u);
}

TEST(DatabaseFileTest, ASymbolicLinkIsRefusedAndItsTargetLeftAlone)
{
  TempDir dir;
  const auto real = dir / "real.db";
  store::Database::open(real.string());
  const auto before = dump_database(real);
  const auto link = dir / "link.db";
  std::filesystem::create_symlink(real, link);
  for (const auto access : {Access::read_write, Access::read_only}) {
    const auto error = open_error(link, access);
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_TRUE(contains(error.what(), link.string() + " is a symbolic link; give the path of the database file "
                                                       "itself"))
      << error.what();
  }
  // A dangling link is not followed to create a file either.
  const auto dangling = dir / "dangling.db";
  std::filesystem::create_symlink(dir / "nowhere.db", dangling);
  EXPECT_TRUE(contains(open_error(dangling, Access::read_write).what(), "is a symbolic link"));
  EXPECT_FALSE(std::filesystem::exists(dir / "nowhere.db"));
  EXPECT_EQ(dump_database(real), before);
}

TEST(DatabaseFileTest, AFifoADeviceOrAFolderIsRefusedBeforeSqliteOpensIt)
{
  TempDir dir;
  const auto fifo = dir / "fifo.db";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const auto access : {Access::read_only, Access::read_write}) {
    EXPECT_TRUE(contains(open_error(fifo, access).what(), fifo.string() + " is a FIFO, not a database file"));
    EXPECT_TRUE(contains(open_error("/dev/null", access).what(), "/dev/null is a device, not a database file"));
    EXPECT_TRUE(contains(open_error(dir.path(), access).what(), dir.path().string() + " is a folder, not a database "
                                                                                       "file"));
  }
}

TEST(DatabaseFileTest, AReaderWhoMayNotWriteTheFolderReadsTheDatabase)
{
  if (::geteuid() != 0) {
    GTEST_SKIP() << "needs root, to run the reader as another user";
  }
  TempDir dir;
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
  const auto path = dir / "cfp.db";
  const auto made = run_binary({"--db", path.string(), "call", "add", "C-1", "--title", "A call"}, {"CFP_USER=root"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  ASSERT_FALSE(std::filesystem::exists(path.string() + "-wal")) << "the last writer checkpoints and removes the log";
  const auto before = dump_database(path);
  std::filesystem::remove(path.string() + "-shm"); // left by the dump, which read as root
  const auto read = run_process({"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", CFP_BINARY,
                                 "--db", path.string(), "call", "list", "--format", "csv"},
                                {"PATH=/usr/bin:/bin"});
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_NE(read.out.find("C-1,A call"), std::string::npos) << read.out;
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-shm")) << "the reader made a file in the folder";
  EXPECT_EQ(dump_database(path), before);
}

} // namespace
} // namespace cfp::test
