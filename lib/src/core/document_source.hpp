// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Reading a document to attach: once to check it, outside any transaction, and again (as often
// as a transaction is retried) to store it. Private to core.

#include <cfp/store/document_repository.hpp>
#include <cfp/util/spool_file.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace cfp::core::detail {

/// What the first reading found.
struct DocumentScan
{
  std::string sha256;
  std::int64_t size = 0;
  std::string media_type;
  bool starts_as_pdf = false;
};

/// A file to attach (`-`: standard input), open for reading. A regular file is read again from
/// its start; anything else (a pipe, a FIFO, a terminal, a device) is copied to a temporary file
/// as it is first read.
class DocumentSource
{
public:
  /// Opens `path`. Throws cfp::Error: input_file when it cannot be read or is a folder, usage
  /// when it is the database `database` or one of its journals.
  DocumentSource(const std::string& path, const std::string& database);
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;
  ~DocumentSource();

  /// How messages name the file.
  const std::string& shown_as() const { return m_shown_as; }
  /// The name a document keeps of it: the last component of the path, or `stdin`.
  std::string file_name() const;

  /// Reads the whole file, but never more than `limit` bytes and one: throws cfp::Error
  /// (invalid_input) naming `limit_text` when it is larger, or when it is empty.
  DocumentScan scan(std::int64_t limit, const std::string& limit_text);

  /// Reads the file again from its start, at most `size` bytes and one (a file that grew since
  /// it was scanned is caught by its digest, without reading on).
  store::DocumentRepository::Reader reader(std::int64_t size);

private:
  std::size_t read_some(char* buffer, std::size_t capacity);

  std::string m_path;
  std::string m_shown_as;
  int m_fd = -1;
  bool m_owned = false;   ///< m_fd was opened here (not standard input)
  bool m_regular = false; ///< read again with pread; otherwise from m_spool
  std::unique_ptr<util::SpoolFile> m_spool;
  std::uint64_t m_offset = 0; ///< of the next pread
};

} // namespace cfp::core::detail
