// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "columns.hpp"
#include "input_record.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads an input file of one JSON object per line; blank lines are skipped, a broken line
/// is a broken record, and so is a line over 4 MiB, of which no more than that is held. Throws
/// cfp::Error (invalid_input) when the file has no record at all.
template<typename Values>
void read_ndjson_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
          const RecordSinkOf<Values>& on_record);

/// A proposal file.
inline void read_ndjson_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  read_ndjson_records(in, source, proposal_schema(), on_record);
}

} // namespace cfp::core::detail
