// SPDX-License-Identifier: EUPL-1.2
// util::CsvReader on any bytes: reads every record and checks what the reader promises of them.

#include "fuzz_support.hpp"

#include <cfp/util/csv.hpp>
#include <cfp/util/csv_reader.hpp>
#include <cfp/util/text.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using cfp::fuzz::require;
using cfp::util::CsvReader;
using cfp::util::CsvRecord;

// Every record of `text`.
std::vector<CsvRecord> read_all(const std::string& text)
{
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) {
    records.push_back(record);
  }
  return records;
}

// The fields `text` reads as when it follows a first line: a record that is not the first
// of its file, so that bytes which would be a byte order mark at the start are data.
std::vector<CsvRecord> read_after_header(const std::string& text)
{
  auto records = read_all("h\n" + text);
  require(!records.empty() && records.front().fields == std::vector<std::string>{"h"}, "the first line reads as h");
  records.erase(records.begin());
  return records;
}

// Whether a quote in `raw` begins a field (at the start or right after a comma): only such a
// quote opens a quoted field, whose line breaks belong to the record. Quotes inside a quoted
// field may be counted as beginnings too; that only makes the check more lenient.
bool has_quote_at_a_field_start(const std::string& raw)
{
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '"' && (i == 0 || raw[i - 1] == ',')) {
      return true;
    }
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string text(cfp::fuzz::as_text(data, size));
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  std::size_t previous_line = 0;
  std::vector<std::vector<std::string>> well_formed;
  std::string raws;        // the raw bytes of each well-formed record, a line each
  std::ostringstream rows; // CsvWriter's row of each well-formed record's fields
  cfp::util::CsvWriter writer(rows);
  while (reader.next(record)) {
    // Each record ends at a line break or the end of the input, so the next starts lower down.
    require(record.line > previous_line, "a record starts on a line after the previous record's");
    previous_line = record.line;
    require(reader.bytes_read() <= text.size(), "no more bytes read than there are");
    if (!record.error.empty()) {
      // A stray quote inside a field opens no quoted stretch (regressions/csv_reader/).
      require(record.raw.find('\n') == std::string::npos || has_quote_at_a_field_start(record.raw),
              "a malformed record runs past its line only inside a quoted field");
      continue;
    }
    require(!record.fields.empty(), "a well-formed record has at least one field");
    for (const auto& field : record.fields) {
      require(cfp::util::is_valid_utf8(field), "a well-formed record's fields are valid UTF-8 without NUL");
    }
    // CsvWriter writes one empty field alone as an empty line, which readers skip: such a
    // row cannot be written (cfp writes no one-column files), so it is left out.
    if (record.fields.size() == 1 && record.fields.front().empty()) {
      continue;
    }
    well_formed.push_back(record.fields);
    raws += record.raw + "\n";
    writer.write_row(record.fields);
  }
  require(reader.bytes_read() == text.size(), "the reader consumes every byte before it ends");

  // The raw bytes (what a rejects file repeats) read back as the same records, and so does
  // what CsvWriter writes of their fields.
  for (const auto& again : {read_after_header(raws), read_after_header(rows.str())}) {
    require(again.size() == well_formed.size(), "well-formed records written again read as as many records");
    for (std::size_t i = 0; i < again.size(); ++i) {
      require(again[i].error.empty(), "a well-formed record written again reads without error");
      require(again[i].fields == well_formed[i], "a well-formed record written again reads as the same fields");
    }
  }
  return 0;
}
