// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <array>
#include <ostream>
#include <streambuf>
#include <string>

namespace cfp::util {

/// A buffered stream buffer that writes to a file descriptor it does not own and remembers why
/// a write failed (a full disk, a closed descriptor), so that a command can say so instead of
/// reporting success with its output cut short.
class FdStreambuf final : public std::streambuf
{
public:
  explicit FdStreambuf(int fd) : m_fd(fd) {}
  FdStreambuf(const FdStreambuf&) = delete;
  FdStreambuf& operator=(const FdStreambuf&) = delete;
  ~FdStreambuf() override;

  /// The errno of the first write that failed, or 0.
  int error() const { return m_error; }

protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

private:
  // Writes what is buffered; false (and every later write refused) after a failure.
  bool flush_buffer();
  bool write_all(const char* data, std::size_t size);

  int m_fd;
  int m_error = 0;
  std::array<char, 1 << 16> m_buffer{};
};

/// Why writing to `stream` failed, for a message: the system's reason when its buffer is an
/// FdStreambuf ("No space left on device"), else a general phrase.
std::string write_failure(const std::ostream& stream);

} // namespace cfp::util
