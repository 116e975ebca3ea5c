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
/// and reading goes on after the end of that record (a quote that starts a field still opens
/// one); an unterminated quote ends the input. Empty lines are skipped. A field longer than
/// k_max_field_bytes, a record longer than k_max_record_bytes or with more than k_max_fields
/// fields is malformed, and reading goes on at the next line end, whatever the quotes say: no
/// input makes the reader hold more than a few MiB.
/// Fields are separated by commas, or by the delimiter given (';' or a tab, as spreadsheets
/// save CSV where the comma is the decimal mark).
class CsvReader
{
public:
  static constexpr std::size_t k_max_field_bytes = std::size_t{1} << 20;
  static constexpr std::size_t k_max_record_bytes = std::size_t{4} << 20;
  static constexpr std::size_t k_max_fields = 1024;

  explicit CsvReader(std::istream& in, char delimiter = ',') : m_in(in), m_delimiter(delimiter) {}

  /// Reads the next record into `record`; false at the end of the input.
  bool next(CsvRecord& record);

  /// Bytes consumed so far, for progress displays.
  std::uint64_t bytes_read() const { return m_consumed; }

private:
  int peek();
  int get();
  /// How the rest of a malformed record is found.
  enum class Skip {
    honouring_quotes, ///< a quote at the start of a field opens a quoted field, as in a record
    to_line_end,      ///< the next line end ends it (after a field or record too long to be one)
  };
  /// Reads up to the end of the record, keeping its bytes in `record.raw` while they are few.
  /// `in_quotes`: the skip starts inside a quoted field; `field_start`: at the start of a field.
  void skip_rest_of_record(CsvRecord& record, Skip skip, bool in_quotes = false, bool field_start = false);

  std::istream& m_in;
  char m_delimiter;
  std::vector<char> m_buffer = std::vector<char>(1 << 16);
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::uint64_t m_consumed = 0;
  std::size_t m_line = 1;
  bool m_started = false;
};

} // namespace cfp::util
