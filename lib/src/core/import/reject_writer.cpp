// SPDX-License-Identifier: EUPL-1.2
#include "reject_writer.hpp"

#include "limits.hpp"

#include <cfp/error.hpp>
#include <cfp/util/csv.hpp>
#include <cfp/util/csv_reader.hpp>

#include <algorithm>
#include <sstream>

namespace cfp::core::detail {

using nlohmann::ordered_json;

namespace {

// Whether the bytes of a CSV record end inside a quoted field (an unterminated quote, or one
// opened in the malformed rest of a record): a field appended then must close it first. Only a
// quote at the start of a field opens one, as the reader has it.
bool ends_inside_quotes(const std::string& raw, char delimiter)
{
  bool quoted = false;
  bool field_start = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < raw.size() && raw[i + 1] == '"') {
          ++i;
        } else {
          quoted = false;
        }
      }
    } else if (c == delimiter) {
      field_start = true;
    } else {
      quoted = c == '"' && field_start;
      field_start = false;
    }
  }
  return quoted;
}

// How deep arrays and objects nest in `value` (0 for a scalar); at most k_max_depth, as read.
int nesting(const ordered_json& value)
{
  int deepest = 0;
  if (value.is_structured()) {
    for (const auto& item : value) {
      deepest = std::max(deepest, nesting(item));
    }
    ++deepest;
  }
  return deepest;
}

} // namespace

void RejectWriter::header(const std::string& raw_header)
{
  m_header = raw_header;
  // A rejects file imported again has an `error` column already: it is reused, not doubled.
  std::istringstream in(raw_header);
  util::CsvReader reader(in, m_delimiter);
  util::CsvRecord fields;
  if (reader.next(fields) && fields.error.empty()) {
    const auto found = std::find(fields.fields.begin(), fields.fields.end(), "error");
    if (found != fields.fields.end()) {
      m_error_column = static_cast<std::size_t>(found - fields.fields.begin());
      m_columns = fields.fields.size();
    }
  }
}

void RejectWriter::write_csv(const RecordForm& record, const std::string& error)
{
  if (!m_wrote_any) {
    *m_out << m_header;
    if (!m_error_column) {
      *m_out << m_delimiter << "error";
    }
    *m_out << "\r\n";
  }
  if (m_error_column && record.csv_fields.size() == m_columns) {
    // The record as read, with the new error in place of the old one.
    std::vector<std::string> fields = record.csv_fields;
    fields[*m_error_column] = error;
    util::CsvWriter(*m_out, m_delimiter).write_row(fields);
    return;
  }
  *m_out << record.raw << (ends_inside_quotes(record.raw, m_delimiter) ? "\"" : "") << m_delimiter
         << util::csv_field(error, m_delimiter) << "\r\n";
}

void RejectWriter::write(const RecordForm& record, const std::string& error)
{
  if (m_out == nullptr) {
    return;
  }
  switch (m_format) {
  case DataFormat::csv:
    write_csv(record, error);
    break;
  case DataFormat::ndjson:
  case DataFormat::json: {
    ordered_json reject = record.object.is_object() ? record.object : ordered_json::object();
    if (!record.object.is_object()) {
      // A line that is not JSON comes back as its text; a JSON record has no text of its own,
      // and a null one stays null. Under `record` it nests one level deeper: one that would then
      // nest deeper than a record may (a JSON file's array is a level too) comes back as its
      // JSON text, so that the rejects file reads back.
      const int deepest = k_max_depth - (m_format == DataFormat::json ? 2 : 1);
      if (record.object.is_null() && !record.raw.empty()) {
        reject["record"] = record.raw;
      } else if (nesting(record.object) > deepest) {
        reject["record"] = record.object.dump();
      } else {
        reject["record"] = record.object;
      }
    }
    reject["error"] = error;
    if (m_format == DataFormat::json) {
      *m_out << (m_wrote_any ? ",\n" : "[\n") << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    } else {
      *m_out << reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    }
    break;
  }
  }
  m_wrote_any = true;
}

void RejectWriter::finish()
{
  if (m_out == nullptr) {
    return;
  }
  if (m_format == DataFormat::json) {
    *m_out << (m_wrote_any ? "\n]\n" : "[]\n");
  } else if (m_format == DataFormat::csv && !m_wrote_any) {
    *m_out << m_header;
    if (!m_error_column) {
      *m_out << m_delimiter << "error";
    }
    *m_out << "\r\n";
  }
  m_out->flush();
  if (!m_out->good()) {
    throw Error(ErrorKind::input_file, "cannot write the rejects file (disk full?); nothing was imported");
  }
}

} // namespace cfp::core::detail
