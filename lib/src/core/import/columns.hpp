// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The columns of a proposal file (CSV header names, JSON keys) mapped onto the proposal's
// file fields (core/record_fields.hpp): which names exist, and how a value lands in a record.

#include "input_record.hpp"

#include <cfp/core/record_fields.hpp>

#include <string>
#include <string_view>

namespace cfp::core::detail {

using FileField = Field<domain::Proposal, ProposalFileRecord>;

/// The file field called `name`, or nullptr.
const FileField* file_field(std::string_view name);

/// The column a rejects file adds; ignored on import, so that a corrected rejects file
/// imports as it is.
bool is_ignored_column(std::string_view name);

/// "call, acronym, title, ...": the columns, for messages.
std::string known_columns();

/// The names of the columns a file must have.
std::vector<std::string_view> required_columns();

/// Throws the error of a file that cannot be read as a whole: invalid_input, "SOURCE:LINE: message".
[[noreturn]] void fail_file(const std::string& source, std::size_t line, const std::string& message);

/// Stores `value` under `field` in `record`, adding an error when the field refuses it.
void set_value(InputRecord& record, const FileField& field, const FileValue& value);

/// Adds an error for each required field that was given no value.
void check_required(InputRecord& record);

/// Reads one JSON value into `record` (which keeps it), checking that it is an object, its
/// keys, and the type of each value against the kind of its field.
void take_object(InputRecord& record, nlohmann::ordered_json object);

} // namespace cfp::core::detail
