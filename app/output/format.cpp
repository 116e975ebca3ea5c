// SPDX-License-Identifier: EUPL-1.2
#include "format.hpp"

namespace cfp::cli {

std::string_view to_string(Format format)
{
  switch (format) {
  case Format::table:
    return "table";
  case Format::json:
    return "json";
  case Format::csv:
    return "csv";
  case Format::ndjson:
    return "ndjson";
  }
  return "table";
}

std::optional<Format> parse_format(std::string_view text)
{
  for (const auto format : {Format::table, Format::json, Format::csv, Format::ndjson}) {
    if (text == to_string(format)) {
      return format;
    }
  }
  return std::nullopt;
}

} // namespace cfp::cli
