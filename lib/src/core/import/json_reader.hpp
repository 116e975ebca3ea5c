// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "columns.hpp"
#include "input_record.hpp"

#include <istream>
#include <string>

namespace cfp::core::detail {

/// Reads an input file that is one JSON array of objects, building one object at a time (a
/// SAX parser), so that the file is never held whole; each record knows the line it starts on.
/// A record over 4 MiB is invalid, and only its first 4 MiB are read (json_input.hpp); the
/// other limits of a record are those of JsonRecordBuilder. Values nested more than 16 levels
/// deep are refused before they are built. Throws cfp::Error (invalid_input) naming `source`
/// and the line when the document is broken.
template<typename Values>
void read_json_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
          const RecordSinkOf<Values>& on_record);

/// A proposal file.
inline void read_json_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  read_json_records(in, source, proposal_schema(), on_record);
}

} // namespace cfp::core::detail
