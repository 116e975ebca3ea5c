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
    : m_headers(shown(headers, headers.size())), m_right(headers.size(), false), m_hidden(headers.size(), false),
      m_widths(headers.size(), 0)
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

void TableLayout::set_optional(std::size_t column)
{
  if (column < m_headers.size() && std::find(m_drop_order.begin(), m_drop_order.end(), column) == m_drop_order.end()) {
    m_drop_order.push_back(column);
  }
}

void TableLayout::fit(std::size_t width)
{
  if (width == 0) {
    return;
  }
  constexpr std::size_t k_narrowest = 12;
  const std::size_t columns = m_widths.size();
  // The narrowest each column may become: a number keeps its width; text keeps 12 columns, or,
  // when even that is too wide, a text column wider than 12 narrows down to its header's width
  // (short codes, labels and statuses stay whole); never more than its widest cell.
  std::vector<std::size_t> least(columns);
  const auto set_least = [&](bool tight) {
    for (std::size_t i = 0; i < columns; ++i) {
      const std::size_t header = util::display_width(m_headers[i]);
      const std::size_t floor = tight && m_widths[i] > k_narrowest ? header : std::max(header, k_narrowest);
      least[i] = m_right[i] ? m_widths[i] : std::min(m_widths[i], floor);
    }
  };
  set_least(false);
  // The width of the shown columns at `cap` columns a text column at most, and the gaps.
  const auto total = [&](std::size_t cap, const std::vector<bool>& hidden) {
    std::size_t sum = 0;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < columns; ++i) {
      if (!hidden[i]) {
        sum += m_right[i] ? m_widths[i] : std::max(least[i], std::min(m_widths[i], cap));
        ++shown;
      }
    }
    return sum + (shown > 0 ? 2 * (shown - 1) : 0);
  };
  const std::size_t widest = columns == 0 ? 0 : *std::max_element(m_widths.begin(), m_widths.end());
  std::vector<bool> hidden(columns, false);
  if (total(widest, hidden) <= width) {
    return;
  }
  // The optional columns go, one by one in the order given, while the others cannot fit beside
  // them, each at its narrowest; then the text columns may narrow down to their headers.
  for (const auto column : m_drop_order) {
    if (total(0, hidden) <= width) {
      break;
    }
    hidden[column] = true;
  }
  if (total(0, hidden) > width) {
    set_least(true);
  }
  m_hidden = hidden;
  m_first = static_cast<std::size_t>(std::find(hidden.begin(), hidden.end(), false) - hidden.begin());
  // The largest cap at which the table fits (0 when none does: every text column at its
  // narrowest), then the columns a column's worth of room would widen, from the left.
  std::size_t low = 0;
  std::size_t high = widest;
  while (low < high) {
    const std::size_t middle = low + (high - low + 1) / 2;
    if (total(middle, hidden) <= width) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  std::size_t room = width > total(low, hidden) ? width - total(low, hidden) : 0;
  for (std::size_t i = 0; i < columns; ++i) {
    if (hidden[i] || m_right[i]) {
      continue;
    }
    std::size_t fitted = std::max(least[i], std::min(m_widths[i], low));
    if (fitted < m_widths[i] && room > 0) {
      ++fitted;
      --room;
    }
    m_narrowed = m_narrowed || fitted < m_widths[i];
    m_widths[i] = fitted;
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
    if (m_hidden[i]) {
      continue;
    }
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
    if (m_narrowed && width > m_widths[i]) {
      escaped = util::fit_width(cells[i], m_widths[i]);
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
    if (m_hidden[i]) {
      continue;
    }
    // A header is never narrower than its column (fit()).
    append_cell(line, i, cells[i], util::display_width(cells[i]));
  }
  end_line(out, line, emphasis);
}

void TableLayout::append_cell(std::string& line, std::size_t column, std::string_view cell, std::size_t width) const
{
  const std::size_t padding = m_widths[column] > width ? m_widths[column] - width : 0;
  if (column > m_first) {
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

void print_table(std::ostream& out, const Table& table, std::size_t width)
{
  TableLayout layout(table.headers, table.right_aligned);
  for (const auto column : table.optional) {
    layout.set_optional(column);
  }
  for (const auto& row : table.rows) {
    layout.measure(row);
  }
  layout.fit(width);
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
