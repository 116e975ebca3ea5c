// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The body shared by the fuzz targets of the import's readers (CSV, JSON, NDJSON): read any
// bytes, check what a reader promises of the records it hands over, write each one to a
// rejects file and read that file back, since a rejects file is meant to be imported again.

#include "core/import/input_record.hpp"
#include "core/import/reject_writer.hpp"
#include "fuzz_support.hpp"

#include <cfp/core/transfer.hpp>
#include <cfp/error.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cfp::fuzz {

/// A reader of the import: read_csv_records, read_json_records or read_ndjson_records.
using ProposalReader = void (*)(std::istream&, const std::string&, const core::detail::RecordSink&);

/// How a reader numbers the lines of the records it hands over.
enum class Lines {
  increasing,     ///< one record a line at most (CSV records, NDJSON lines)
  non_decreasing, ///< several records may share a line (`[{}, {}]`)
};

/// What a reader handed over: the rejects file it made of them, and how many records.
struct ReadOutcome
{
  bool threw = false;                           ///< the reader threw a cfp::Error: the input is refused as a whole
  std::string rejects;                          ///< every record written to a rejects file
  std::size_t records = 0;                      ///< records with a line (the CSV header, line 0, not counted)
  std::vector<std::optional<std::string>> keys; ///< each record object's keys; nullopt for what is no object
};

/// An error message with what a rejects file must quote: a comma, a quote, a line break.
inline constexpr auto k_reject_message = "record: rejected by the fuzzer, with \"quotes\", a comma\nand a line break";

/// The keys of a JSON record object but `error` (which a rejects file sets), NUL-separated;
/// nullopt when the record is no object (a rejects file wraps it in one).
inline std::optional<std::string> object_keys(const core::detail::InputRecord& record)
{
  if (!record.object.is_object()) {
    return std::nullopt;
  }
  std::string keys;
  for (const auto& [key, value] : record.object.items()) {
    if (key != "error") {
      keys += key;
      keys += '\0';
    }
  }
  return keys;
}

/// Runs `reader` on `text`, checks each record and writes every one to a rejects file of `format`.
inline ReadOutcome read_and_reject(ProposalReader reader, core::DataFormat format, const std::string& text, Lines lines)
{
  ReadOutcome outcome;
  std::ostringstream rejects;
  core::detail::RejectWriter writer(&rejects, format);
  std::size_t previous = 0;
  bool header_seen = false;
  const auto on_record = [&](core::detail::InputRecord& record) {
    if (record.line == 0) {
      require(format == core::DataFormat::csv && !header_seen && outcome.records == 0,
              "only a CSV header comes as line 0, once, first");
      header_seen = true;
      writer.header(record.raw);
      return;
    }
    require(format != core::DataFormat::csv || header_seen, "a CSV reader hands over its header first");
    require(lines == Lines::increasing ? record.line > previous : record.line >= previous,
            "records come in the order of their lines");
    previous = record.line;
    for (const auto& error : record.errors) {
      require(error.line == record.line, "each error of a record names the record's line");
      require(!error.message.empty(), "each error says what is wrong"); // the column may be a key ""
    }
    ++outcome.records;
    outcome.keys.push_back(object_keys(record));
    writer.write(record, k_reject_message);
  };
  std::istringstream in(text);
  try {
    reader(in, "fuzz.input", on_record);
  } catch (const Error& error) {
    require(error.kind() == ErrorKind::invalid_input,
            std::string("a reader throws invalid_input only, not: ") + error.what());
    require(std::string_view(error.what()).starts_with("fuzz.input:"), "a reader's error names the file");
    outcome.threw = true;
  } catch (const std::exception& error) {
    require(false, std::string("a reader threw what is not a cfp::Error: ") + error.what());
  }
  writer.finish();
  outcome.rejects = rejects.str();
  return outcome;
}

/// The fuzz target's body: `text` read, its rejects file read again with the same reader.
inline void fuzz_reader(ProposalReader reader, core::DataFormat format, const std::string& text, Lines lines)
{
  const auto first = read_and_reject(reader, format, text, lines);
  if (first.threw) {
    return;
  }
  // A rejects file is written to be corrected and imported again: it must read back as the
  // records that went into it, no more and no fewer.
  const auto again = read_and_reject(reader, format, first.rejects, lines);
  if (format == core::DataFormat::ndjson && first.records == 0) {
    require(again.threw, "an NDJSON rejects file without a record is refused as empty");
    return;
  }
  require(!again.threw, "a rejects file reads back without error");
  require(again.records == first.records, "a rejects file reads back as as many records as went into it");
  for (std::size_t i = 0; format != core::DataFormat::csv && i < first.keys.size(); ++i) {
    require(!first.keys[i] || again.keys[i] == first.keys[i], "a JSON record's keys survive the rejects file");
  }
}

} // namespace cfp::fuzz
