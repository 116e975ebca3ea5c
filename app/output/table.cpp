// SPDX-License-Identifier: EUPL-1.2
#include "table.hpp"

#include <cfp/util/text.hpp>

#include <algorithm>

namespace cfp::cli {

namespace {

// Every cell as it will show, escaped once: the widths are those of the escaped text.
std::vector<std::string> shown(const std::vector<std::string>& cells, std::size_t columns)
{
  std::vector<std::string> escaped(columns);
  for (std::size_t i = 0; i < columns && i < cells.size(); ++i) {
    escaped[i] = util::escape_controls(cells[i]);
  }
  return escaped;
}

} // namespace

TableLayout::TableLayout(std::vector<std::string> headers, std::vector<std::size_t> right_aligned)
    : m_headers(shown(headers, headers.size())), m_right(headers.size(), false), m_widths(headers.size(), 0)
{
  for (const auto column : right_aligned) {
    if (column < m_right.size()) {
      m_right[column] = true;
    }
  }
  for (std::size_t i = 0; i < m_headers.size(); ++i) {
    m_widths[i] = util::display_width(m_headers[i]);
  }
}

void TableLayout::measure(const std::vector<std::string>& cells)
{
  for (std::size_t i = 0; i < m_widths.size() && i < cells.size(); ++i) {
    m_widths[i] = std::max(m_widths[i], util::display_width(util::escape_controls(cells[i])));
  }
}

void TableLayout::print_header(std::ostream& out) const
{
  print_shown(out, m_headers, Emphasis::none);
}

void TableLayout::print_row(std::ostream& out, const std::vector<std::string>& cells, Emphasis emphasis) const
{
  print_shown(out, shown(cells, m_widths.size()), emphasis);
}

void TableLayout::print_shown(std::ostream& out, const std::vector<std::string>& cells, Emphasis emphasis) const
{
  std::string line;
  for (std::size_t i = 0; i < m_widths.size(); ++i) {
    const std::string& cell = cells[i];
    const std::size_t width = util::display_width(cell);
    const std::string padding(m_widths[i] > width ? m_widths[i] - width : 0, ' ');
    if (i > 0) {
      line += "  ";
    }
    line += m_right[i] ? padding + cell : cell + padding;
  }
  line.erase(line.find_last_not_of(' ') + 1);
  switch (emphasis) {
  case Emphasis::none:
    out << line << '\n';
    break;
  case Emphasis::colour:
    out << "\x1b[33m" << line << "\x1b[0m\n";
    break;
  case Emphasis::bold:
    out << "\x1b[1;31m" << line << "\x1b[0m\n";
    break;
  }
}

void print_table(std::ostream& out, const Table& table)
{
  TableLayout layout(table.headers, table.right_aligned);
  for (const auto& row : table.rows) {
    layout.measure(row);
  }
  layout.print_header(out);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    layout.print_row(out, table.rows[i], i < table.emphasis.size() ? table.emphasis[i] : Emphasis::none);
  }
}

void print_lines(std::ostream& out, const std::vector<Line>& lines)
{
  std::vector<Line> shown;
  shown.reserve(lines.size());
  std::size_t width = 0;
  for (const auto& [name, value] : lines) {
    shown.emplace_back(util::escape_controls(name), util::escape_controls(value));
    width = std::max(width, util::display_width(shown.back().first));
  }
  for (const auto& [name, value] : shown) {
    const std::string line = name + ':' + std::string(width - util::display_width(name) + 1, ' ') + value;
    out << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
  }
}

} // namespace cfp::cli
