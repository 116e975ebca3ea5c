// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "format.hpp"

#include <cfp/domain/value.hpp>

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// Prints records of typed values in one data format (JSON, NDJSON, CSV), one record at a
/// time: nothing is held but the record being written. iCalendar or HTML would be new writers.
class RecordWriter
{
public:
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;
  virtual ~RecordWriter() = default;

  /// Starts the output; every record has the fields `names`, in this order.
  virtual void begin(const std::vector<std::string_view>& names) = 0;
  /// Writes one record: a value for each name given to begin().
  virtual void record(const std::vector<domain::Value>& values) = 0;
  /// Ends the output.
  virtual void end() = 0;

protected:
  RecordWriter() = default;
};

/// Whether the output is a list of records or one record alone (a JSON object, not an array).
enum class Shape { list, one };

/// How a JSON list is laid out: indented by two spaces throughout, or one compact record a
/// line (files meant for other programs, such as `export proposals`).
enum class JsonLayout { indented, record_per_line };

/// The writer of `format` (json, csv or ndjson) on `out`.
std::unique_ptr<RecordWriter> make_record_writer(Format format, Shape shape, std::ostream& out,
                                                 JsonLayout layout = JsonLayout::indented);

} // namespace cfp::cli
