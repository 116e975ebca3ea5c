// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The limits of one record of an input file, whatever its format: what breaks one makes the
// record invalid, and no input makes a reader hold more than a few MiB for a record or spend
// more than linear time on it.

#include <cfp/domain/proposal.hpp>
#include <cfp/util/csv_reader.hpp>

#include <cstddef>

namespace cfp::core::detail {

/// The longest string value, in bytes once read: the longest CSV field and the longest text
/// the rules accept.
inline constexpr std::size_t k_max_string_bytes = domain::k_max_text_bytes;
/// The longest record, in bytes as written: a CSV record, an NDJSON line, one JSON record.
inline constexpr std::size_t k_max_record_bytes = util::CsvReader::k_max_record_bytes;
/// The most keys of one JSON object, `error` (the key a rejects file adds) not counted.
inline constexpr std::size_t k_max_keys = 64;
/// The most items of one JSON array: as many as the fields of a CSV record.
inline constexpr std::size_t k_max_items = util::CsvReader::k_max_fields;
/// The deepest nesting of arrays and objects in a JSON file or an NDJSON line.
inline constexpr int k_max_depth = 16;

static_assert(util::CsvReader::k_max_field_bytes == k_max_string_bytes, "one string limit for every format");

} // namespace cfp::core::detail
