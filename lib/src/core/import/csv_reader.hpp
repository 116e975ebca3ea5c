// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "input_record.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads a proposal file in CSV: checks the header (known, distinct and required columns),
/// hands the header over as a record of line 0 (for the rejects file), then every record.
/// Throws cfp::Error (invalid_input) naming `source` and the line when the file as a whole
/// cannot be read.
void read_csv_records(std::istream& in, const std::string& source, const RecordSink& on_record);

} // namespace cfp::core::detail
