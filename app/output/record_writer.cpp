// SPDX-License-Identifier: EUPL-1.2
#include "record_writer.hpp"

#include "csv_writer.hpp"
#include "json_writer.hpp"
#include "ndjson_writer.hpp"

#include <cfp/error.hpp>

namespace cfp::cli {

std::unique_ptr<RecordWriter> make_record_writer(Format format, Shape shape, std::ostream& out, JsonLayout layout)
{
  switch (format) {
  case Format::json:
    return std::make_unique<JsonWriter>(out, shape, layout);
  case Format::ndjson:
    return std::make_unique<NdjsonWriter>(out);
  case Format::csv:
    return std::make_unique<CsvRecordWriter>(out);
  case Format::table:
    break;
  }
  throw Error(ErrorKind::internal, "a table is not written by a record writer");
}

} // namespace cfp::cli
