// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/fd_streambuf.hpp>

#include <array>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>

namespace cfp::util {

/// A temporary file without a name (in TMPDIR, else /tmp), readable by this process only and
/// gone when it is closed or the process dies: a place to keep input read once, such as standard
/// input or a FIFO, so that it can be read again.
class SpoolFile
{
public:
  /// Creates the file. Throws cfp::Error (storage) with the system's reason.
  SpoolFile();
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  ~SpoolFile() = default;

  /// A stream that appends to the file.
  std::ostream& writer() { return m_out; }
  /// Copies all of `in` to the end of the file, or `limit` bytes and one more when it holds more:
  /// returns false then. Throws cfp::Error (storage) when the file cannot be written (a full disk).
  bool append(std::istream& in, std::uint64_t limit = UINT64_MAX);
  /// Empties the file.
  void clear();
  /// A stream that reads the file from its first byte, after what writer() holds is written;
  /// every call starts again. Throws cfp::Error (storage) when a write to the file failed.
  std::istream& read_from_start();
  /// Writes the whole file to `out`.
  void copy_to(std::ostream& out);
  /// Throws cfp::Error (storage), naming the folder, when a write through writer() failed.
  void check_writes();
  /// Where the file is made, for messages.
  const std::string& folder() const { return m_folder; }

private:
  class Reader final : public std::streambuf
  {
  public:
    explicit Reader(int fd) : m_fd(fd) {}
    void restart();

  protected:
    int_type underflow() override;

  private:
    int m_fd;
    std::uint64_t m_offset = 0;
    std::array<char, 1 << 16> m_buffer{};
  };

  // Closes the file after the stream buffers that use it are gone.
  struct Descriptor
  {
    int fd = -1;
    ~Descriptor();
  };

  std::string m_folder;
  Descriptor m_file;
  int m_fd = -1; ///< m_file.fd
  FdStreambuf m_out_buffer;
  std::ostream m_out;
  Reader m_reader;
  std::istream m_stream;
};

} // namespace cfp::util
