// SPDX-License-Identifier: EUPL-1.2
#include "table.hpp"

#include <cfp/util/text.hpp>

#include <algorithm>

namespace cfp::cli {

void print_table(std::ostream& out, const Table& table)
{
  const std::size_t columns = table.headers.size();
  // Every cell as it will show, escaped once: the widths are those of the escaped text.
  const auto shown = [&](const std::vector<std::string>& cells) {
    std::vector<std::string> escaped(columns);
    for (std::size_t i = 0; i < columns && i < cells.size(); ++i) {
      escaped[i] = util::escape_controls(cells[i]);
    }
    return escaped;
  };
  const auto headers = shown(table.headers);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    rows.push_back(shown(row));
  }
  std::vector<std::size_t> widths(columns, 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < columns; ++i) {
      widths[i] = std::max(widths[i], util::display_width(cells[i]));
    }
  };
  measure(headers);
  for (const auto& row : rows) {
    measure(row);
  }
  const auto print_row = [&](const std::vector<std::string>& cells, Emphasis emphasis) {
    std::string line;
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string& cell = cells[i];
      const std::string padding(widths[i] - util::display_width(cell), ' ');
      const bool right =
          std::find(table.right_aligned.begin(), table.right_aligned.end(), i) != table.right_aligned.end();
      if (i > 0) {
        line += "  ";
      }
      line += right ? padding + cell : cell + padding;
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
  };
  print_row(headers, Emphasis::none);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    print_row(rows[i], i < table.emphasis.size() ? table.emphasis[i] : Emphasis::none);
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
