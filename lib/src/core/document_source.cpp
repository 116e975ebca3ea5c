// SPDX-License-Identifier: EUPL-1.2
#include "document_source.hpp"

#include <cfp/domain/document.hpp>
#include <cfp/error.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace cfp::core::detail {

namespace {

// Whether `fd` is the file at `path` (which may not exist).
bool same_file(const struct stat& info, const std::string& path)
{
  struct stat other{};
  return ::stat(path.c_str(), &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino;
}

} // namespace

DocumentSource::DocumentSource(const std::string& path, const std::string& database)
    : m_path(path), m_shown_as(path == "-" ? std::string("standard input") : util::excerpt(path))
{
  if (path.empty()) {
    throw Error(ErrorKind::usage, "no file given; name the file to attach, or '-' for standard input");
  }
  if (path == "-") {
    m_fd = STDIN_FILENO;
  } else {
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (m_fd < 0) {
      throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", m_shown_as, std::strerror(errno)));
    }
    m_owned = true;
  }
  struct stat info{};
  if (::fstat(m_fd, &info) != 0) {
    throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", m_shown_as, std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    throw Error(ErrorKind::input_file, fmt::format("cannot attach {}: it is a folder; name a file", m_shown_as));
  }
  for (const auto* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (same_file(info, database + suffix)) {
      throw Error(ErrorKind::usage, fmt::format("cannot attach {}: it is the database{}; a database cannot hold "
                                                "itself",
                                                m_shown_as, *suffix != '\0' ? "'s journal" : ""));
    }
  }
  m_regular = S_ISREG(info.st_mode);
  if (!m_regular) {
    m_spool = std::make_unique<util::SpoolFile>();
  }
}

DocumentSource::~DocumentSource()
{
  if (m_owned && m_fd >= 0) {
    ::close(m_fd);
  }
}

std::string DocumentSource::file_name() const
{
  if (m_path == "-") {
    return "stdin";
  }
  auto name = std::filesystem::path(m_path).filename().string();
  return name.empty() ? std::filesystem::path(m_path).parent_path().filename().string() : name;
}

std::size_t DocumentSource::read_some(char* buffer, std::size_t capacity)
{
  while (true) {
    const auto got = m_regular ? ::pread(m_fd, buffer, capacity, static_cast<off_t>(m_offset))
                               : ::read(m_fd, buffer, capacity);
    if (got >= 0) {
      m_offset += static_cast<std::uint64_t>(got);
      return static_cast<std::size_t>(got);
    }
    if (errno != EINTR) {
      throw Error(ErrorKind::input_file, fmt::format("cannot read {}: {}", m_shown_as, std::strerror(errno)));
    }
  }
}

DocumentScan DocumentSource::scan(std::int64_t limit, const std::string& limit_text)
{
  m_offset = 0;
  util::Sha256 hash;
  domain::MediaSniffer sniffer;
  std::array<char, 1 << 16> buffer{};
  std::int64_t size = 0;
  const auto cap = static_cast<std::uint64_t>(limit) + 1;
  while (static_cast<std::uint64_t>(size) < cap) {
    const auto want = std::min<std::uint64_t>(buffer.size(), cap - static_cast<std::uint64_t>(size));
    const auto got = read_some(buffer.data(), static_cast<std::size_t>(want));
    if (got == 0) {
      break;
    }
    size += static_cast<std::int64_t>(got);
    hash.update(buffer.data(), got);
    sniffer.update(buffer.data(), got);
    if (m_spool && !m_spool->writer().write(buffer.data(), static_cast<std::streamsize>(got))) {
      m_spool->check_writes(); // a full temporary folder: said now, not after reading on to the limit
    }
  }
  if (size > limit) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{} is larger than {}; it was not read further", m_shown_as, limit_text));
  }
  if (size == 0) {
    throw Error(ErrorKind::invalid_input, fmt::format("{} is empty; a document has at least one byte", m_shown_as));
  }
  if (m_spool) {
    m_spool->check_writes();
  }
  return {hash.hex(), size, sniffer.media_type(), sniffer.starts_as_pdf()};
}

store::DocumentRepository::Reader DocumentSource::reader(std::int64_t size)
{
  m_offset = 0;
  auto left = std::make_shared<std::uint64_t>(static_cast<std::uint64_t>(size) + 1);
  if (m_regular) {
    return [this, left](char* buffer, std::size_t capacity) -> std::size_t {
      const auto got = read_some(buffer, static_cast<std::size_t>(std::min<std::uint64_t>(capacity, *left)));
      *left -= got;
      return got;
    };
  }
  auto* stream = &m_spool->read_from_start();
  return [stream, left](char* buffer, std::size_t capacity) -> std::size_t {
    stream->read(buffer, static_cast<std::streamsize>(std::min<std::uint64_t>(capacity, *left)));
    const auto got = static_cast<std::size_t>(stream->gcount());
    *left -= got;
    return got;
  };
}

} // namespace cfp::core::detail
