// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "input_record.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

namespace cfp::core::detail {

/// Writes rejected records in the format they came in, with an extra `error` column, so that a
/// corrected rejects file can be imported as it is.
class RejectWriter
{
public:
  /// Writes nothing at all when `out` is null.
  /// CSV is written with the input's `delimiter`, so that the file, corrected, imports as the input did.
  RejectWriter(std::ostream* out, DataFormat format, char delimiter = ',')
      : m_out(out), m_format(format), m_delimiter(delimiter)
  {
  }

  /// The CSV header as written (the rejects file repeats it with `error` added, unless it has
  /// an `error` column already: a rejects file imported again keeps its shape).
  void header(const std::string& raw_header);
  void write(const RecordForm& record, const std::string& error);
  /// Ends the file; throws cfp::Error (input_file) when it could not be written.
  void finish();

private:
  void write_csv(const RecordForm& record, const std::string& error);

  std::ostream* m_out;
  DataFormat m_format;
  char m_delimiter;
  std::string m_header;
  std::optional<std::size_t> m_error_column; ///< where the header names `error` already
  std::size_t m_columns = 0;
  bool m_wrote_any = false;
};

} // namespace cfp::core::detail
