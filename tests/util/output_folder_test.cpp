// SPDX-License-Identifier: EUPL-1.2
// A folder is written whole under a name of its own and takes its destination's name only at
// commit: never over a folder that holds something unless asked, in one step when it replaces
// one, and nothing is left when it fails. Files inside a folder are opened through no link.
#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/util/output_folder.hpp>
#include <cfp/util/path_below.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

void put(const fs::path& path, const std::string& text)
{
  std::ofstream(path, std::ios::binary) << text;
}

TEST(PathBelowTest, APathThatCouldLeadOutOfTheFolderIsRefused)
{
  EXPECT_FALSE(util::check_path_below("CALL/ACRONYM/part-b.pdf"));
  EXPECT_FALSE(util::check_path_below("..a/b..c/.d"));
  for (const auto* path : {"", "/etc/passwd", "..", "../x", "a/../../x", "a/..", "./x", "a//b", "a/", "a\nb"}) {
    EXPECT_TRUE(util::check_path_below(path)) << path;
  }
  EXPECT_TRUE(util::check_path_below(std::string(256, 'a')));
}

TEST(PathBelowTest, NoLinkIsFollowedOnTheWayNorAtTheEnd)
{
  TempDir dir;
  fs::create_directories(dir / "in/a");
  fs::create_directories(dir / "out");
  put(dir / "in/a/file", "in");
  put(dir / "out/file", "out");
  fs::create_symlink(dir / "out", dir / "in/folder-link");
  fs::create_symlink(dir / "out/file", dir / "in/a/file-link");
  fs::create_symlink(dir / "nowhere", dir / "in/dangling");
  const util::Descriptor folder(::open((dir / "in").c_str(), O_RDONLY | O_DIRECTORY));
  ASSERT_TRUE(folder);

  const auto file = util::open_below(folder.get(), "a/file");
  EXPECT_TRUE(file.file);
  const auto through = util::open_below(folder.get(), "folder-link/file");
  EXPECT_FALSE(through.file);
  EXPECT_EQ(through.error, ELOOP);
  EXPECT_EQ(through.failed_at, "folder-link");
  const auto link = util::open_below(folder.get(), "a/file-link");
  EXPECT_EQ(link.error, ELOOP);
  EXPECT_EQ(link.failed_at, "a/file-link");
  EXPECT_EQ(util::open_below(folder.get(), "dangling").error, ELOOP);
  EXPECT_EQ(util::open_below(folder.get(), "a/missing").error, ENOENT);
}

TEST(OutputFolderTest, AFolderIsMadeOnlyAtCommitAndIsPrivate)
{
  TempDir dir;
  const auto destination = dir / "out";
  {
    util::OutputFolder folder(destination);
    folder.make_folder("a/b");
    folder.write_file("a/b/file", [](std::ostream& out) { out << "data"; });
    EXPECT_FALSE(fs::exists(destination));
    EXPECT_TRUE(folder.commit(util::Existing::refuse));
  }
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out"});
  EXPECT_EQ(fs::status(destination / "a").permissions(), fs::perms::owner_all);
  EXPECT_EQ(fs::status(destination / "a/b/file").permissions(), fs::perms::owner_read | fs::perms::owner_write);
}

TEST(OutputFolderTest, AFailureLeavesNothingAndAnEarlierFolderAsItWas)
{
  TempDir dir;
  fs::create_directory(dir / "out");
  put(dir / "out/earlier", "earlier");
  EXPECT_THROW(
      {
        util::OutputFolder folder(dir / "out");
        folder.make_folder("a");
        folder.write_file("a/file", [](std::ostream& out) {
          out << "half";
          throw std::runtime_error("stop");
        });
      },
      std::runtime_error);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out"});
  EXPECT_EQ(names_in(dir / "out"), std::vector<std::string>{"earlier"});
}

TEST(OutputFolderTest, AFolderThatHoldsSomethingIsReplacedOnlyWhenAsked)
{
  TempDir dir;
  fs::create_directory(dir / "out");
  put(dir / "out/earlier", "earlier");
  {
    util::OutputFolder folder(dir / "out");
    folder.write_file("new", [](std::ostream& out) { out << "new"; });
    EXPECT_FALSE(folder.commit(util::Existing::refuse));
  }
  EXPECT_EQ(names_in(dir / "out"), std::vector<std::string>{"earlier"});
  {
    util::OutputFolder folder(dir / "out");
    folder.write_file("new", [](std::ostream& out) { out << "new"; });
    EXPECT_TRUE(folder.commit(util::Existing::replace));
  }
  EXPECT_EQ(names_in(dir / "out"), std::vector<std::string>{"new"});
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out"});
  // Something put there while the folder was written: once moved aside, the earlier folder is
  // found not to be what was checked, and goes back where it was, untouched.
  {
    util::OutputFolder folder(dir / "out");
    folder.write_file("newer", [](std::ostream& out) { out << "newer"; });
    put(dir / "out/added meanwhile", "mine");
    std::filesystem::path asked;
    EXPECT_FALSE(folder.commit(util::Existing::replace, [&](const fs::path& earlier) {
      asked = earlier;
      return false;
    }));
    EXPECT_FALSE(asked.empty());
  }
  EXPECT_EQ(names_in(dir / "out"), (std::vector<std::string>{"added meanwhile", "new"}));
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out"});
  // A file is never replaced by a folder.
  put(dir / "file", "mine");
  util::OutputFolder folder(dir / "file");
  EXPECT_FALSE(folder.commit(util::Existing::refuse));
}

TEST(OutputFolderConflictTest, NamesThatAreNoFolderOfTheirOwnAreRefused)
{
  TempDir dir;
  put(dir / "file", "x");
  fs::create_directory_symlink(dir.path(), dir / "link");
  const std::vector<util::ProtectedFile> database{{dir / "cfp.db", "the database", true}};
  EXPECT_FALSE(util::output_folder_conflict(dir / "new", database));
  EXPECT_FALSE(util::output_folder_conflict(dir.path(), database));
  for (const auto& path : {dir / ".", dir / "..", fs::path(""), dir / "file", dir / "link", dir / "cfp.db",
                           dir / "cfp.db-wal"}) {
    EXPECT_TRUE(util::output_folder_conflict(path, database)) << path;
  }
  EXPECT_EQ(util::without_trailing_slashes("out//"), fs::path("out"));
  EXPECT_EQ(util::without_trailing_slashes("/"), fs::path("/"));
}

} // namespace
} // namespace cfp::test
