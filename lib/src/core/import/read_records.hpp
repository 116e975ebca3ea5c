// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "columns.hpp"
#include "csv_reader.hpp"
#include "json_reader.hpp"
#include "ndjson_reader.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads an input file of `format` with the reader of that format.
template<typename Values>
void read_records(std::istream& in, const ImportOptions& options, const FileSchema<Values>& schema,
                  const RecordSinkOf<Values>& on_record)
{
  const auto& source = options.source_name;
  switch (options.format) {
  case DataFormat::csv:
    read_csv_records(in, source, schema, on_record, options.delimiter);
    return;
  case DataFormat::json:
    read_json_records(in, source, schema, on_record);
    return;
  case DataFormat::ndjson:
    read_ndjson_records(in, source, schema, on_record);
    return;
  }
}

} // namespace cfp::core::detail
