// SPDX-License-Identifier: EUPL-1.2
// util::OutputFile: what commit() does when the destination or the temporary name changed
// while the file was written.

#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <fstream>

namespace cfp::test {
namespace {

namespace fs = std::filesystem;

std::string text_of(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t files_in(const fs::path& folder)
{
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

TEST(OutputFileTest, CommitMovesAPrivateFileIntoPlace)
{
  TempDir dir;
  const auto destination = dir / "out.txt";
  {
    util::OutputFile file(destination);
    EXPECT_EQ(file.temporary().parent_path(), dir.path());
    file.stream() << "new";
    file.commit(util::Existing::refuse);
  }
  EXPECT_EQ(text_of(destination), "new");
  struct stat info
  {
  };
  ASSERT_EQ(::stat(destination.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(OutputFileTest, RefusingToReplaceKeepsAFileThatAppearedMeanwhile)
{
  TempDir dir;
  const auto destination = dir / "out.txt";
  util::OutputFile file(destination);
  file.stream() << "new";
  std::ofstream(destination) << "theirs";
  try {
    file.commit(util::Existing::refuse);
    ADD_FAILURE() << "commit replaced a file";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input_file);
    EXPECT_EQ(error.message(), destination.string() + " exists; name another file");
  }
  EXPECT_EQ(text_of(destination), "theirs");
}

TEST(OutputFileTest, ReplacingIsTheDefault)
{
  TempDir dir;
  const auto destination = dir / "out.txt";
  std::ofstream(destination) << "old";
  util::OutputFile file(destination);
  file.stream() << "new";
  file.commit();
  EXPECT_EQ(text_of(destination), "new");
}

TEST(OutputFileTest, ATemporaryFileReplacedByAnotherIsNotMovedIntoPlace)
{
  TempDir dir;
  const auto destination = dir / "out.txt";
  {
    util::OutputFile file(destination);
    // Someone swaps the temporary name for a link to a file of their choosing.
    const auto temporary = file.temporary();
    fs::remove(temporary);
    std::ofstream(dir / "planted") << "planted";
    fs::create_symlink(dir / "planted", temporary);
    try {
      file.commit();
      ADD_FAILURE() << "commit moved a file it did not write";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::input_file);
      EXPECT_NE(error.message().find("was replaced meanwhile"), std::string::npos) << error.message();
    }
  }
  EXPECT_FALSE(fs::exists(destination));
  EXPECT_EQ(text_of(dir / "planted"), "planted");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST(OutputConflictTest, AFileNotYetMadeIsProtectedThroughAnotherMountOfItsFolder)
{
  TempDir dir;
  const auto view = dir / "view";
  std::filesystem::create_directory(view);
  if (::mount(dir.path().c_str(), view.c_str(), nullptr, MS_BIND, nullptr) != 0) {
    GTEST_SKIP() << "cannot bind-mount here";
  }
  const std::vector<util::ProtectedFile> database{{dir / "cfp.db", "the database", true}};
  const auto wal = util::output_conflict(view / "cfp.db-wal", database);
  const auto other = util::output_conflict(view / "other.db", database);
  ::umount2(view.c_str(), MNT_DETACH);
  ASSERT_TRUE(wal.has_value());
  EXPECT_EQ(*wal, (view / "cfp.db-wal").string() + " is the wal file of the database; name another file");
  EXPECT_FALSE(other.has_value()) << *other;
}

TEST(NameBesideTest, ALongNameIsCutBetweenCharactersToStayLegal)
{
  std::string name(200, 'a');
  for (int i = 0; i < 30; ++i) {
    name += "é";
  }
  const auto beside = util::name_beside(std::filesystem::path("/x") / name, ".cfp-123.tmp");
  EXPECT_LE(beside.size(), 255u);
  EXPECT_TRUE(beside.ends_with("é.cfp-123.tmp")) << beside;
  EXPECT_TRUE(beside.starts_with(".aaa")) << beside;
  EXPECT_EQ(util::name_beside("/x/short.db", ".t"), ".short.db.t");
}

} // namespace
} // namespace cfp::test
