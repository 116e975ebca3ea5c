// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/spool_file.hpp>

#include <cfp/error.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cfp::util {

namespace {

std::string temporary_folder()
{
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir != nullptr && tmpdir[0] == '/' ? std::string(tmpdir) : std::string("/tmp");
}

// An unnamed file in `folder`: O_TMPFILE where the file system has it, else a random name that
// is removed at once.
int open_unnamed(const std::string& folder)
{
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) {
    return fd;
  }
  std::string name = folder + "/cfp-spool-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) {
    ::unlink(name.c_str());
  }
  return fd;
}

Error failure(const std::string& what, const std::string& folder, int error)
{
  return Error(ErrorKind::storage,
               fmt::format("cannot {} in {}: {}{}", what, folder, std::strerror(error),
                           error == ENOSPC || error == EDQUOT ? "; set TMPDIR to a folder with room" : ""));
}

} // namespace

SpoolFile::SpoolFile()
    : m_folder(temporary_folder()), m_file{open_unnamed(m_folder)}, m_fd(m_file.fd), m_out_buffer(m_fd),
      m_out(&m_out_buffer),
      m_reader(m_fd), m_stream(&m_reader)
{
  if (m_fd < 0) {
    throw failure("make a temporary file", m_folder, errno);
  }
  m_stream.exceptions(std::ios::badbit);
}

SpoolFile::Descriptor::~Descriptor()
{
  if (fd >= 0) {
    ::close(fd);
  }
}

bool SpoolFile::append(std::istream& in, std::uint64_t limit)
{
  std::array<char, 1 << 16> buffer{};
  std::uint64_t copied = 0;
  // Stops at the first failed write: an endless input must not be read on once the disk is full.
  while ((in.read(buffer.data(), buffer.size()) || in.gcount() > 0) && m_out.write(buffer.data(), in.gcount())) {
    copied += static_cast<std::uint64_t>(in.gcount());
    if (copied > limit) {
      check_writes();
      return false;
    }
  }
  check_writes();
  return true;
}

void SpoolFile::check_writes()
{
  if (!m_out.flush()) {
    throw Error(ErrorKind::storage, fmt::format("cannot write a temporary file in {}: {}{}", m_folder,
                                                write_failure(m_out),
                                                m_out_buffer.error() == ENOSPC || m_out_buffer.error() == EDQUOT
                                                    ? "; set TMPDIR to a folder with room"
                                                    : ""));
  }
}

void SpoolFile::clear()
{
  check_writes();
  if (::ftruncate(m_fd, 0) != 0 || ::lseek(m_fd, 0, SEEK_SET) != 0) {
    throw failure("empty a temporary file", m_folder, errno);
  }
}

void SpoolFile::copy_to(std::ostream& out)
{
  std::istream& in = read_from_start();
  std::array<char, 1 << 16> buffer{};
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    out.write(buffer.data(), in.gcount());
  }
}

std::istream& SpoolFile::read_from_start()
{
  check_writes();
  m_reader.restart();
  m_stream.clear();
  return m_stream;
}

void SpoolFile::Reader::restart()
{
  m_offset = 0;
  setg(nullptr, nullptr, nullptr);
}

SpoolFile::Reader::int_type SpoolFile::Reader::underflow()
{
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  for (;;) {
    const ssize_t got = ::pread(m_fd, m_buffer.data(), m_buffer.size(), static_cast<off_t>(m_offset));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      // The stream rethrows it (badbit is in its exception mask).
      throw Error(ErrorKind::storage, fmt::format("cannot read back a temporary file: {}", std::strerror(errno)));
    }
    if (got == 0) {
      return traits_type::eof();
    }
    m_offset += static_cast<std::uint64_t>(got);
    setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + got);
    return traits_type::to_int_type(*gptr());
  }
}

} // namespace cfp::util
