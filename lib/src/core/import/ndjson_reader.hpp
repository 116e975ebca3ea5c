// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "input_record.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads a proposal file of one JSON object per line; blank lines are skipped, a broken line
/// is a broken record, and so is a line over 4 MiB, of which no more than that is held. Throws
/// cfp::Error (invalid_input) when the file has no record at all.
void read_ndjson_records(std::istream& in, const std::string& source, const RecordSink& on_record);

} // namespace cfp::core::detail
