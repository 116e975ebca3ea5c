// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace cfp::util {

/// One record of a CSV file, with where it starts and its bytes as written.
struct CsvRecord
{
  std::vector<std::string> fields;
  std::size_t line = 0; ///< physical line where the record starts (1-based)
  std::string raw;      ///< the record's bytes, line terminator excluded, for a rejects file
  std::string error;    ///< why the record is malformed; empty when it is well-formed
};

/// Reads RFC 4180 CSV from a stream, one record at a time, in constant memory: quoted fields
/// with commas, doubled quotes and line breaks; LF or CRLF; an optional UTF-8 byte order mark.
/// A malformed record (invalid UTF-8, a NUL byte, a stray quote) is returned with `error` set
/// and reading goes on after the end of that record (quotes still count); an unterminated
/// quote ends the input. Empty lines are skipped.
class CsvReader
{
public:
  explicit CsvReader(std::istream& in) : m_in(in) {}

  /// Reads the next record into `record`; false at the end of the input.
  bool next(CsvRecord& record);

  /// Bytes consumed so far, for progress displays.
  std::uint64_t bytes_read() const { return m_consumed; }

private:
  int peek();
  int get();
  void skip_rest_of_record(CsvRecord& record);

  std::istream& m_in;
  std::vector<char> m_buffer = std::vector<char>(1 << 16);
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::uint64_t m_consumed = 0;
  std::size_t m_line = 1;
  bool m_started = false;
};

} // namespace cfp::util
