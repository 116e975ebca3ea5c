// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/util/spool_file.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <iterator>
#include <sstream>

namespace cfp::test {
namespace {

std::string read_all(std::istream& in)
{
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(SpoolFileTest, KeepsWhatItIsGivenAndReadsItFromTheStartEachTime)
{
  util::SpoolFile spool;
  std::string text;
  for (int i = 0; i < 20'000; ++i) {
    text += "line " + std::to_string(i) + ",\"quoted\"\n"; // several times the buffer's 64 KiB
  }
  text += std::string("\0\xff end", 6);
  std::istringstream in(text);
  spool.append(in);
  EXPECT_EQ(read_all(spool.read_from_start()), text);
  EXPECT_EQ(read_all(spool.read_from_start()), text) << "a second reading starts again";

  std::ostringstream copy;
  spool.copy_to(copy);
  EXPECT_EQ(copy.str(), text);
}

TEST(SpoolFileTest, StopsOneBytePastItsLimit)
{
  const std::string text(200'000, 'x');
  util::SpoolFile exact;
  std::istringstream whole(text);
  EXPECT_TRUE(exact.append(whole, text.size()));
  EXPECT_EQ(read_all(exact.read_from_start()), text);
  util::SpoolFile over;
  std::istringstream more(text + "y");
  EXPECT_FALSE(over.append(more, text.size()));
  EXPECT_LT(read_all(over.read_from_start()).size(), text.size() + (std::size_t{1} << 16) + 1)
    << "no more than a buffer past the limit is read";
}

TEST(SpoolFileTest, AnEmptyFileReadsAsNothingAndClearStartsAgain)
{
  util::SpoolFile spool;
  std::ostringstream copy;
  spool.copy_to(copy);
  EXPECT_EQ(copy.str(), "");
  spool.writer() << "first";
  EXPECT_EQ(read_all(spool.read_from_start()), "first");
  spool.clear();
  spool.writer() << "second";
  EXPECT_EQ(read_all(spool.read_from_start()), "second");
}

TEST(SpoolFileTest, AFolderThatCannotHoldItIsAStorageErrorNamingIt)
{
  const char* saved = std::getenv("TMPDIR");
  const std::string before = saved != nullptr ? saved : "";
  ::setenv("TMPDIR", "/nonexistent-cfp-folder", 1);
  try {
    util::SpoolFile spool;
    ADD_FAILURE() << "a temporary file was made in a folder that does not exist";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::storage);
    EXPECT_STREQ(error.what(), "cannot make a temporary file in /nonexistent-cfp-folder: No such file or directory");
  }
  if (saved != nullptr) {
    ::setenv("TMPDIR", before.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

} // namespace
} // namespace cfp::test
