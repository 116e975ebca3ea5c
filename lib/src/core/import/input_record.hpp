// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposal_file.hpp>
#include <cfp/core/score_file.hpp>
#include <cfp/core/transfer.hpp>

#include <nlohmann/json.hpp>

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// One record of an input file as a reader hands it over, whatever the file holds: where it
/// starts, its bytes, and what is wrong with its form (types, unknown keys, ragged rows).
struct RecordForm
{
  std::size_t line = 0;          ///< physical line where the record starts; 0 for a CSV header
  std::string raw;               ///< CSV: the record as written; NDJSON: the line
  std::vector<std::string> csv_fields; ///< CSV: the fields as read, when the record is well formed
  nlohmann::ordered_json object; ///< JSON and NDJSON: the object as read
  /// JSON and NDJSON: each member that is a number with a fraction or an exponent, as written
  /// (the object holds it as a double, which "4.9999999999999999" does not survive).
  std::vector<std::pair<std::string, std::string>> number_texts;
  std::vector<ImportError> errors;
  std::bitset<32> filled; ///< the file's columns given a value that is not blank, by position
};

/// A record with its values, still text, as the columns of its kind of file (FileSchema) read them.
template<typename Values>
struct InputRecordOf : RecordForm
{
  Values values;
};

/// A record of a proposal file.
using InputRecord = InputRecordOf<ProposalFileRecord>;
/// A record of a score file.
using ScoreInputRecord = InputRecordOf<ScoreFileRecord>;

/// What a reader calls for each record, in file order.
template<typename Values>
using RecordSinkOf = std::function<void(InputRecordOf<Values>&)>;
using RecordSink = RecordSinkOf<ProposalFileRecord>;

} // namespace cfp::core::detail
