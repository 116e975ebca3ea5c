// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// How a command prints its data.
enum class Format { table, json, csv, ndjson };

/// "table", "json", "csv" or "ndjson".
std::string_view to_string(Format format);

/// The format named `text` exactly, or nullopt.
std::optional<Format> parse_format(std::string_view text);

/// The formats a command can print, and what to say to someone who asks for another.
struct Formats
{
  std::vector<Format> accepted{Format::table, Format::json, Format::csv, Format::ndjson};
  std::string_view refusal; ///< the whole message, which says what to do instead
};

} // namespace cfp::cli
