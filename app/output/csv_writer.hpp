// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "record_writer.hpp"

#include <cfp/util/csv.hpp>

namespace cfp::cli {

/// CSV (RFC 4180): a header line of the field names, then one line a record; an empty list
/// prints the header only.
class CsvRecordWriter final : public RecordWriter
{
public:
  explicit CsvRecordWriter(std::ostream& out) : m_csv(out) {}

  void begin(const std::vector<std::string_view>& names) override;
  void record(const std::vector<domain::Value>& values) override;
  void end() override {}

private:
  util::CsvWriter m_csv;
  std::vector<std::string> m_cells;
};

} // namespace cfp::cli
