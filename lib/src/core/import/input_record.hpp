// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposal_file.hpp>
#include <cfp/core/transfer.hpp>

#include <nlohmann/json.hpp>

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// One record of a proposal file as a reader hands it over: where it starts, its bytes, its
/// values, and what is wrong with its form (types, unknown keys, ragged rows).
struct InputRecord
{
  std::size_t line = 0;          ///< physical line where the record starts; 0 for a CSV header
  std::string raw;               ///< CSV: the record as written; NDJSON: the line
  std::vector<std::string> csv_fields; ///< CSV: the fields as read, when the record is well formed
  nlohmann::ordered_json object; ///< JSON and NDJSON: the object as read
  std::vector<ImportError> errors;
  ProposalFileRecord values;
  std::bitset<32> filled; ///< the file fields given a value that is not blank, by position
};

/// What a reader calls for each record, in file order.
using RecordSink = std::function<void(InputRecord&)>;

} // namespace cfp::core::detail
