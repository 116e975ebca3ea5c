// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The columns of a kind of input file (CSV header names, JSON keys) and how a value lands in a
// record: one FileSchema a kind, made from the file fields of its records (record_fields.hpp,
// evaluation_fields.hpp), so that the readers serve every kind of file.

#include "input_record.hpp"

#include <cfp/core/field.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core::detail {

/// One column of a kind of input file.
template<typename Values>
struct FileColumn
{
  std::string_view name;
  FieldKind kind = FieldKind::text;
  /// Stores a file's value in `Values`, or says what is wrong with it.
  std::optional<std::string> (*read)(Values&, const FileValue&) = nullptr;
  bool required = false; ///< a file must name the column and give it a value
};

/// The columns of a kind of input file, in the order an export writes them.
template<typename Values>
struct FileSchema
{
  std::vector<FileColumn<Values>> columns;
  std::string header_hint; ///< the start of a header, for the message of an empty file: "call,acronym,..."

  /// The column called `name`, or nullptr.
  const FileColumn<Values>* column(std::string_view name) const;
  /// "call, acronym, title, ...": the columns, for messages.
  std::string known() const;
  /// The names of the columns a file must have.
  std::vector<std::string_view> required() const;
  std::size_t position(const FileColumn<Values>& column) const
  {
    return static_cast<std::size_t>(&column - columns.data());
  }
};

/// The columns of a proposal file (`import proposals`).
const FileSchema<ProposalFileRecord>& proposal_schema();
/// The columns of a score file (`import scores`).
const FileSchema<ScoreFileRecord>& score_schema();

/// The column a rejects file adds; ignored on import, so that a corrected rejects file
/// imports as it is.
bool is_ignored_column(std::string_view name);

/// Throws the error of a file that cannot be read as a whole: invalid_input, "SOURCE:LINE: message".
[[noreturn]] void fail_file(const std::string& source, std::size_t line, const std::string& message);

/// Stores `value` under `column` in `record`, adding an error when the column refuses it.
template<typename Values>
void set_value(InputRecordOf<Values>& record, const FileSchema<Values>& schema, const FileColumn<Values>& column,
               const FileValue& value);

/// Adds an error for each required column that was given no value.
template<typename Values>
void check_required(InputRecordOf<Values>& record, const FileSchema<Values>& schema);

/// Reads one JSON value into `record` (which keeps it), checking that it is an object, its
/// keys, and the type of each value against the kind of its column.
template<typename Values>
void take_object(InputRecordOf<Values>& record, const FileSchema<Values>& schema, nlohmann::ordered_json object);

} // namespace cfp::core::detail
