// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "columns.hpp"
#include "input_record.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads an input file in CSV: checks the header (known, distinct and required columns),
/// hands the header over as a record of line 0 (for the rejects file), then every record.
/// Throws cfp::Error (invalid_input) naming `source` and the line when the file as a whole
/// cannot be read. Fields are separated by `delimiter`.
template<typename Values>
void read_csv_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
                      const RecordSinkOf<Values>& on_record, char delimiter = ',');

/// A proposal file.
inline void read_csv_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  read_csv_records(in, source, proposal_schema(), on_record);
}

} // namespace cfp::core::detail
