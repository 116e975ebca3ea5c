// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/csv.hpp>

#include <algorithm>
#include <ostream>

namespace cfp::util {

namespace {

bool needs_quotes(std::string_view field, char delimiter)
{
  // One pass over the bytes: the fields are short, and four searches cost more than one.
  return std::any_of(field.begin(), field.end(), [delimiter](char c) { return c == delimiter || c == '"' || c == '\r' || c == '\n'; });
}

// Appends `field` to `line` as RFC 4180 writes it.
void append_field(std::string& line, std::string_view field, char delimiter)
{
  if (!needs_quotes(field, delimiter)) {
    line += field;
    return;
  }
  line += '"';
  for (const char c : field) {
    if (c == '"') {
      line += '"';
    }
    line += c;
  }
  line += '"';
}

} // namespace

std::string csv_field(std::string_view field, char delimiter)
{
  std::string text;
  append_field(text, field, delimiter);
  return text;
}

void CsvWriter::write_row(const std::vector<std::string>& fields)
{
  // The row is put together first and written once: one call into the stream a row, and the
  // line's storage kept from row to row.
  m_line.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      m_line += m_delimiter;
    }
    append_field(m_line, fields[i], m_delimiter);
  }
  m_line += "\r\n";
  m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
}

} // namespace cfp::util
