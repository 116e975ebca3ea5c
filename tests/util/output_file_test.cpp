// SPDX-License-Identifier: EUPL-1.2
// util::OutputFile: what commit() does when the destination or the temporary name changed
// while the file was written.

#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>

#include <gtest/gtest.h>
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
