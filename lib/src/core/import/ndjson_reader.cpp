// SPDX-License-Identifier: EUPL-1.2
#include "ndjson_reader.hpp"

#include "columns.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

using nlohmann::ordered_json;

namespace {

// The deepest nesting of brackets and braces outside strings in one JSON text.
int nesting_depth(const std::string& text)
{
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

} // namespace

void read_ndjson_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  std::string line;
  std::size_t number = 0;
  bool any = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (util::trim(line).empty()) {
      continue;
    }
    any = true;
    InputRecord record;
    record.line = number;
    record.raw = line;
    if (nesting_depth(line) > 16) {
      record.errors.push_back({number, "record", "values nested more than 16 levels deep"});
    } else if (!util::is_valid_utf8(line)) {
      record.errors.push_back(
          {number, "record",
           line.find('\0') != std::string::npos ? "a NUL byte is not allowed" : "the line is not valid UTF-8"});
    } else {
      std::vector<std::string> seen;
      std::vector<std::string> duplicates;
      const auto watch_keys = [&](int depth, ordered_json::parse_event_t event, ordered_json& parsed) {
        if (depth == 1 && event == ordered_json::parse_event_t::key) {
          const auto name = parsed.get<std::string>();
          if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            duplicates.push_back(name);
          }
          seen.push_back(name);
        }
        return true;
      };
      auto object = ordered_json::parse(line, watch_keys, false);
      if (object.is_discarded()) {
        record.errors.push_back({number, "record", "the line is not a JSON object"});
      } else {
        take_object(record, object);
        for (const auto& key : duplicates) {
          record.errors.push_back({number, key, fmt::format("'{}' appears twice in the record", util::excerpt(key))});
        }
      }
    }
    on_record(record);
  }
  if (!any) {
    fail_file(source, 1, "the file is empty; give one JSON object per line");
  }
}

} // namespace cfp::core::detail
