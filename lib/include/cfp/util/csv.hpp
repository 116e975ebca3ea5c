// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::util {

/// Writes RFC 4180 CSV: fields quoted when they hold a comma, quote or line break, quotes
/// doubled, records ended by CRLF.
class CsvWriter
{
public:
  explicit CsvWriter(std::ostream& out) : m_out(out) {}

  void write_row(const std::vector<std::string>& fields);

private:
  std::ostream& m_out;
  std::string m_line;
};

/// One field as RFC 4180 writes it.
std::string csv_field(std::string_view field);

} // namespace cfp::util
