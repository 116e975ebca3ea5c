// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/util/fd_streambuf.hpp>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>

namespace cfp::test {
namespace {

std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(FdStreambufTest, WhatIsWrittenReachesTheFileUnchangedAcrossTheBuffer)
{
  TempDir dir;
  const auto path = dir / "out";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  std::string expected;
  {
    util::FdStreambuf buffer(fd);
    std::ostream out(&buffer);
    for (int i = 0; i < 20000; ++i) {
      const std::string line = "line " + std::to_string(i) + '\n';
      out << line;
      expected += line;
    }
    const std::string large(200'000, 'x'); // larger than the buffer: written through
    out << large << 'y';
    expected += large + 'y';
    out.flush();
    EXPECT_TRUE(out.good());
    EXPECT_EQ(buffer.error(), 0);
  }
  ::close(fd);
  EXPECT_EQ(read_file(path), expected);
}

TEST(FdStreambufTest, AFullDiskIsRememberedAndFailsTheStream)
{
  const int fd = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(fd, 0);
  util::FdStreambuf buffer(fd);
  std::ostream out(&buffer);
  out << "some data" << std::flush;
  EXPECT_FALSE(out.good());
  EXPECT_EQ(buffer.error(), ENOSPC);
  EXPECT_EQ(util::write_failure(out), "No space left on device");
  out.clear();
  out << "more" << std::flush;
  EXPECT_FALSE(out.good()) << "a failed buffer refuses every later write";
  ::close(fd);
}

TEST(FdStreambufTest, AClosedDescriptorIsRemembered)
{
  util::FdStreambuf buffer(-1);
  std::ostream out(&buffer);
  out << "x" << std::flush;
  EXPECT_FALSE(out.good());
  EXPECT_EQ(buffer.error(), EBADF);
}

TEST(FdStreambufTest, AnotherStreamsFailureHasAGeneralReason)
{
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(util::write_failure(out), "the output stream failed");
}

} // namespace
} // namespace cfp::test
