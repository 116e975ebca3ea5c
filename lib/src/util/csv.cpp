// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/csv.hpp>

namespace cfp::util {

std::string csv_field(std::string_view field)
{
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void CsvWriter::write_row(const std::vector<std::string>& fields)
{
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      m_out << ',';
    }
    m_out << csv_field(fields[i]);
  }
  m_out << "\r\n";
}

} // namespace cfp::util
