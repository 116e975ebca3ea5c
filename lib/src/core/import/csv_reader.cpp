// SPDX-License-Identifier: EUPL-1.2
#include "csv_reader.hpp"

#include "columns.hpp"

#include <cfp/error.hpp>
#include <cfp/util/csv_reader.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

namespace {

// How messages name a delimiter.
std::string delimiter_name(char delimiter)
{
  switch (delimiter) {
  case ',':
    return "commas";
  case '\t':
    return "tabs";
  default:
    return fmt::format("'{}'", delimiter);
  }
}

// The column of each of `header`'s names; nullptr for an ignored column.
template<typename Values>
std::vector<const FileColumn<Values>*> map_header(const util::CsvRecord& header, const std::string& source,
                                                  const FileSchema<Values>& schema, char delimiter)
{
  std::vector<const FileColumn<Values>*> columns;
  const auto& names = header.fields;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    const FileColumn<Values>* field = schema.column(name);
    if (field == nullptr && !is_ignored_column(name)) {
      // `call;acronym;title`: a spreadsheet's CSV where a comma is the decimal mark.
      for (const char separator : {',', ';', '\t'}) {
        if (separator == delimiter) {
          continue;
        }
        std::vector<std::string> parts;
        for (std::size_t start = 0;;) {
          const auto end = name.find(separator, start);
          parts.push_back(name.substr(start, end == std::string::npos ? std::string::npos : end - start));
          if (end == std::string::npos) {
            break;
          }
          start = end + 1;
        }
        if (parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
              return schema.column(part) != nullptr || is_ignored_column(part);
            })) {
          fail_file(source, header.line,
                    fmt::format("header: the columns are separated by {}, not {}{}; {}",
                                delimiter_name(separator), delimiter_name(delimiter),
                                separator == ';' ? " (as a spreadsheet saves CSV where the comma is the decimal mark)"
                                                 : "",
                                separator == ','
                                    ? std::string("import it without --delimiter")
                                    : fmt::format("import it with --delimiter {}, or save it as CSV with commas",
                                                  separator == '\t' ? "tab" : fmt::format("'{}'", separator))));
        }
      }
      fail_file(source, header.line,
                fmt::format("header: unknown column '{}'; the columns are {}", util::excerpt(name), schema.known()));
    }
    if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        names.begin() + static_cast<std::ptrdiff_t>(i)) {
      fail_file(source, header.line, fmt::format("header: column '{}' appears twice", util::excerpt(name)));
    }
    columns.push_back(field);
  }
  for (const auto required : schema.required()) {
    if (std::find(names.begin(), names.end(), required) == names.end()) {
      fail_file(source, header.line, fmt::format("header: the required column '{}' is missing", required));
    }
  }
  return columns;
}

} // namespace

template<typename Values>
void read_csv_records(std::istream& in, const std::string& source, const FileSchema<Values>& schema,
                      const RecordSinkOf<Values>& on_record, char delimiter)
{
  util::CsvReader reader(in, delimiter);
  util::CsvRecord csv;
  if (!reader.next(csv)) {
    fail_file(source, 1,
              fmt::format("the file is empty; the first line must name the columns ({})", schema.header_hint));
  }
  if (!csv.error.empty()) {
    fail_file(source, csv.line, "header: " + csv.error);
  }
  const auto columns = map_header(csv, source, schema, delimiter);

  InputRecordOf<Values> record;
  record.raw = csv.raw;
  record.line = 0; // the header, for the rejects writer
  on_record(record);

  while (reader.next(csv)) {
    record = InputRecordOf<Values>{};
    record.line = csv.line;
    // Taken, not copied: the reader fills `csv` afresh.
    record.raw.swap(csv.raw);
    if (csv.error.empty()) {
      record.csv_fields.swap(csv.fields);
    }
    const std::vector<std::string>& fields = csv.error.empty() ? record.csv_fields : csv.fields;
    // A row added by hand to a rejects file may leave out its last column, `error`.
    const bool without_error = !columns.empty() && columns.back() == nullptr && fields.size() + 1 == columns.size();
    if (!csv.error.empty()) {
      record.errors.push_back({csv.line, "record", csv.error});
    } else if (fields.size() != columns.size() && !without_error) {
      record.errors.push_back(
          {csv.line, "record", fmt::format("{} fields where the header has {}", fields.size(), columns.size())});
      // What the fields there are say, unchecked: enough for an importer to know which record
      // (or which evaluation) the broken row was meant to be.
      for (std::size_t i = 0; i < std::min(columns.size(), fields.size()); ++i) {
        if (columns[i] != nullptr) {
          columns[i]->read(record.values, FileValue{fields[i]});
        }
      }
    } else {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (columns[i] != nullptr) {
          set_value(record, schema, *columns[i], FileValue{fields[i]});
        }
      }
      check_required(record, schema);
    }
    on_record(record);
  }
}

template void read_csv_records(std::istream&, const std::string&, const FileSchema<ProposalFileRecord>&,
                               const RecordSinkOf<ProposalFileRecord>&, char);
template void read_csv_records(std::istream&, const std::string&, const FileSchema<ScoreFileRecord>&,
                               const RecordSinkOf<ScoreFileRecord>&, char);

} // namespace cfp::core::detail
