// SPDX-License-Identifier: EUPL-1.2
#include "csv_writer.hpp"

#include "value_text.hpp"

namespace cfp::cli {

void CsvRecordWriter::begin(const std::vector<std::string_view>& names)
{
  m_cells.assign(names.begin(), names.end());
  m_csv.write_row(m_cells);
}

void CsvRecordWriter::record(const std::vector<domain::Value>& values)
{
  m_cells.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    assign_csv_text(m_cells[i], values[i]);
  }
  m_csv.write_row(m_cells);
}

} // namespace cfp::cli
