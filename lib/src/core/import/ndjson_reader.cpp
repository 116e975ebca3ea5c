// SPDX-License-Identifier: EUPL-1.2
#include "ndjson_reader.hpp"

#include "columns.hpp"
#include "json_record_builder.hpp"
#include "limits.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core::detail {

namespace {

constexpr int k_eof = std::char_traits<char>::eof();

// Reads one line into `line`, without its line feed, keeping at most k_max_record_bytes + 1
// bytes of it: the rest of a longer line is read and dropped. False at the end of the input.
bool read_line(std::streambuf& in, std::string& line, bool& too_long)
{
  line.clear();
  too_long = false;
  int c = in.sbumpc();
  if (c == k_eof) {
    return false;
  }
  for (; c != k_eof && c != '\n'; c = in.sbumpc()) {
    if (line.size() <= k_max_record_bytes) {
      line += static_cast<char>(c);
    } else {
      too_long = true;
    }
  }
  return true;
}

} // namespace

template<typename Values>
void read_ndjson_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
                         const RecordSinkOf<Values>& on_record)
{
  std::string line;
  bool too_long = false;
  std::size_t number = 0;
  bool any = false;
  JsonRecordBuilder builder(k_max_depth);
  while (read_line(*in.rdbuf(), line, too_long)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    too_long = too_long || line.size() > k_max_record_bytes;
    if (!too_long && util::trim(line).empty()) {
      continue;
    }
    any = true;
    InputRecordOf<Values> record;
    record.line = number;
    if (too_long) {
      record.errors.push_back({number, "record", "the line is longer than 4 MiB"});
    } else if (!util::is_valid_utf8(line)) {
      record.raw = line;
      record.errors.push_back(
          {number, "record",
           line.find('\0') != std::string::npos ? "a NUL byte is not allowed" : "the line is not valid UTF-8"});
    } else {
      record.raw = line;
      builder.reset();
      if (nlohmann::json::sax_parse(line, &builder)) {
        builder.finish(record, schema);
      } else if (builder.too_deep()) {
        record.errors.push_back({number, "record", fmt::format("values nested more than {} levels deep", k_max_depth)});
      } else {
        record.errors.push_back({number, "record", "the line is not a JSON object"});
      }
    }
    on_record(record);
  }
  if (!any) {
    fail_file(source, 1, "the file is empty; give one JSON object per line");
  }
}

template void read_ndjson_records(std::istream&, const std::string&, const FileSchema<ProposalFileRecord>&,
                                  const RecordSinkOf<ProposalFileRecord>&);
template void read_ndjson_records(std::istream&, const std::string&, const FileSchema<ScoreFileRecord>&,
                                  const RecordSinkOf<ScoreFileRecord>&);

} // namespace cfp::core::detail
