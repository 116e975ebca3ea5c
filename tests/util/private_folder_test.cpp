// SPDX-License-Identifier: EUPL-1.2
// util::PrivateFolder: 0700 whatever the umask, its files 0600, gone with what it holds.

#include "support/support.hpp"

#include <cfp/util/private_folder.hpp>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

namespace cfp::test {
namespace {

mode_t mode_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

TEST(PrivateFolderTest, IsPrivateWhateverTheUmaskAndGoesWithWhatItHolds)
{
  TempDir dir;
  std::filesystem::path made;
  const mode_t saved = ::umask(0);
  {
    const util::PrivateFolder folder(dir / "copy.db");
    made = folder.path();
    EXPECT_EQ(made.parent_path(), dir.path());
    EXPECT_TRUE(made.filename().string().starts_with(".copy.db.cfp-")) << made;
    EXPECT_EQ(mode_of(made), 0700u);
    const auto file = folder.create_file("copy.db");
    EXPECT_EQ(mode_of(file), 0600u);
    std::ofstream(made / "copy.db-journal") << "made by name, as SQLite does";
  }
  ::umask(saved);
  EXPECT_FALSE(std::filesystem::exists(made));
}

} // namespace
} // namespace cfp::test
