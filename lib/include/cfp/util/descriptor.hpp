// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cerrno>
#include <sys/types.h>
#include <unistd.h>

#include <utility>

namespace cfp::util {

/// An open file descriptor, closed when it goes: what a file or folder opened with open(2) is
/// held in, so that no path out of a function leaks it.
class Descriptor
{
public:
  explicit Descriptor(int fd = -1) noexcept : m_fd(fd) {}
  Descriptor(Descriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept
  {
    if (this != &other) {
      reset(std::exchange(other.m_fd, -1));
    }
    return *this;
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() { reset(); }

  int get() const { return m_fd; }
  explicit operator bool() const { return m_fd >= 0; }

  /// Closes the descriptor held, if any, and holds `fd` instead.
  void reset(int fd = -1) noexcept
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = fd;
  }

  /// Gives the descriptor up without closing it.
  int release() noexcept { return std::exchange(m_fd, -1); }

private:
  int m_fd;
};

/// read(2) of up to `size` bytes, again when a signal interrupted it: the bytes read (0 at the
/// end), or -1 with errno set.
inline ssize_t read_some(int fd, char* buffer, std::size_t size)
{
  while (true) {
    const auto got = ::read(fd, buffer, size);
    if (got >= 0 || errno != EINTR) {
      return got;
    }
  }
}

} // namespace cfp::util
