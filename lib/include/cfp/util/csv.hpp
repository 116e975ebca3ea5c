// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::util {

/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter (a comma unless told), a
/// quote or a line break, quotes doubled, records ended by CRLF.
class CsvWriter
{
public:
  explicit CsvWriter(std::ostream& out, char delimiter = ',') : m_out(out), m_delimiter(delimiter) {}

  void write_row(const std::vector<std::string>& fields);

private:
  std::ostream& m_out;
  char m_delimiter;
  std::string m_line;
};

/// One field as RFC 4180 writes it, between fields separated by `delimiter`.
std::string csv_field(std::string_view field, char delimiter = ',');

} // namespace cfp::util
