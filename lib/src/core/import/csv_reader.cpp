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

// The field of each column of `header`; nullptr for an ignored column.
std::vector<const FileField*> map_header(const util::CsvRecord& header, const std::string& source)
{
  std::vector<const FileField*> columns;
  const auto& names = header.fields;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    const FileField* field = file_field(name);
    if (field == nullptr && !is_ignored_column(name)) {
      fail_file(source, header.line,
                fmt::format("header: unknown column '{}'; the columns are {}", util::excerpt(name), known_columns()));
    }
    if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        names.begin() + static_cast<std::ptrdiff_t>(i)) {
      fail_file(source, header.line, fmt::format("header: column '{}' appears twice", util::excerpt(name)));
    }
    columns.push_back(field);
  }
  for (const auto required : required_columns()) {
    if (std::find(names.begin(), names.end(), required) == names.end()) {
      fail_file(source, header.line, fmt::format("header: the required column '{}' is missing", required));
    }
  }
  return columns;
}

} // namespace

void read_csv_records(std::istream& in, const std::string& source, const RecordSink& on_record)
{
  util::CsvReader reader(in);
  util::CsvRecord csv;
  if (!reader.next(csv)) {
    fail_file(source, 1,
              "the file is empty; the first line must name the columns (call,acronym,title,host,entity,...)");
  }
  if (!csv.error.empty()) {
    fail_file(source, csv.line, "header: " + csv.error);
  }
  const auto columns = map_header(csv, source);

  InputRecord record;
  record.raw = csv.raw;
  record.line = 0; // the header, for the rejects writer
  on_record(record);

  while (reader.next(csv)) {
    record = InputRecord{};
    record.line = csv.line;
    record.raw = csv.raw;
    if (csv.error.empty()) {
      record.csv_fields = csv.fields;
    }
    if (!csv.error.empty()) {
      record.errors.push_back({csv.line, "record", csv.error});
    } else if (csv.fields.size() != columns.size()) {
      record.errors.push_back(
          {csv.line, "record", fmt::format("{} fields where the header has {}", csv.fields.size(), columns.size())});
    } else {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] != nullptr) {
          set_value(record, *columns[i], FileValue{csv.fields[i]});
        }
      }
      check_required(record);
    }
    on_record(record);
  }
}

} // namespace cfp::core::detail
