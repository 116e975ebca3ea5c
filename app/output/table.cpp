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
    // Most cells are plain ASCII: as wide as they are long, and shown as they are.
    const std::size_t width =
        util::is_plain_ascii(cells[i]) ? cells[i].size() : util::display_width(util::escape_controls(cells[i]));
    m_widths[i] = std::max(m_widths[i], width);
  }
}

void TableLayout::print_header(std::ostream& out) const
{
  print_shown(out, m_headers, Emphasis::none);
}

void TableLayout::print_row(std::ostream& out, const std::vector<std::string>& cells, Emphasis emphasis) const
{
  // The line is put together in one buffer and written at once; a cell that is plain ASCII is
  // taken as it is, any other escaped first.
  std::string& line = m_line;
  line.clear();
  std::string escaped;
  for (std::size_t i = 0; i < m_widths.size(); ++i) {
    std::string_view cell;
    std::size_t width = 0;
    if (i < cells.size() && util::is_plain_ascii(cells[i])) {
      cell = cells[i];
      width = cell.size();
    } else if (i < cells.size()) {
      escaped = util::escape_controls(cells[i]);
      cell = escaped;
      width = util::display_width(cell);
    }
    append_cell(line, i, cell, width);
  }
  end_line(out, line, emphasis);
}

void TableLayout::print_shown(std::ostream& out, const std::vector<std::string>& cells, Emphasis emphasis) const
{
  std::string& line = m_line;
  line.clear();
  for (std::size_t i = 0; i < m_widths.size(); ++i) {
    append_cell(line, i, cells[i], util::display_width(cells[i]));
  }
  end_line(out, line, emphasis);
}

void TableLayout::append_cell(std::string& line, std::size_t column, std::string_view cell, std::size_t width) const
{
  const std::size_t padding = m_widths[column] > width ? m_widths[column] - width : 0;
  if (column > 0) {
    line += "  ";
  }
  if (m_right[column]) {
    line.append(padding, ' ');
    line += cell;
  } else {
    line += cell;
    line.append(padding, ' ');
  }
}

void TableLayout::end_line(std::ostream& out, std::string& line, Emphasis emphasis)
{
  line.erase(line.find_last_not_of(' ') + 1);
  switch (emphasis) {
  case Emphasis::none:
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
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
