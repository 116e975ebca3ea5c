// SPDX-License-Identifier: EUPL-1.2
#pragma once

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

} // namespace cfp::util
