// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/fd_streambuf.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cfp::util {

FdStreambuf::~FdStreambuf()
{
  flush_buffer();
}

bool FdStreambuf::write_all(const char* data, std::size_t size)
{
  while (size > 0 && m_error == 0) {
    const ssize_t written = ::write(m_fd, data, size);
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      m_error = errno;
      break;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return m_error == 0;
}

bool FdStreambuf::flush_buffer()
{
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  const bool ok = pending == 0 ? m_error == 0 : write_all(pbase(), pending);
  setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
  return ok;
}

FdStreambuf::int_type FdStreambuf::overflow(int_type c)
{
  if (pbase() == nullptr) {
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
  } else if (!flush_buffer()) {
    return traits_type::eof();
  }
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return m_error == 0 ? traits_type::not_eof(c) : traits_type::eof();
}

std::streamsize FdStreambuf::xsputn(const char* data, std::streamsize size)
{
  if (m_error != 0) {
    return 0;
  }
  if (pbase() == nullptr) {
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
  }
  const auto count = static_cast<std::size_t>(size);
  if (count <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, count);
    pbump(static_cast<int>(count));
    return size;
  }
  // Too long for what is left: send what is buffered, then this directly if it is large.
  if (!flush_buffer()) {
    return 0;
  }
  if (count >= m_buffer.size()) {
    return write_all(data, count) ? size : 0;
  }
  std::memcpy(pptr(), data, count);
  pbump(static_cast<int>(count));
  return size;
}

int FdStreambuf::sync()
{
  return flush_buffer() ? 0 : -1;
}

std::string write_failure(const std::ostream& stream)
{
  if (const auto* buffer = dynamic_cast<const FdStreambuf*>(stream.rdbuf()); buffer != nullptr && buffer->error() != 0) {
    return std::strerror(buffer->error());
  }
  return "the output stream failed";
}

} // namespace cfp::util
