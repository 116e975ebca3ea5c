// SPDX-License-Identifier: EUPL-1.2
#include "table.hpp"

#include <cfp/util/text.hpp>

#include <algorithm>

namespace cfp::cli {

namespace {

std::string flatten(const std::string& text)
{
  std::string flat = text;
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return flat;
}

} // namespace

void print_table(std::ostream& out, const Table& table)
{
  const std::size_t columns = table.headers.size();
  std::vector<std::size_t> widths(columns, 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < columns && i < cells.size(); ++i) {
      widths[i] = std::max(widths[i], util::display_width(flatten(cells[i])));
    }
  };
  measure(table.headers);
  for (const auto& row : table.rows) {
    measure(row);
  }
  const auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string cell = i < cells.size() ? flatten(cells[i]) : std::string{};
      const std::string padding(widths[i] - util::display_width(cell), ' ');
      const bool right =
          std::find(table.right_aligned.begin(), table.right_aligned.end(), i) != table.right_aligned.end();
      if (i > 0) {
        line += "  ";
      }
      line += right ? padding + cell : cell + padding;
    }
    out << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
  };
  print_row(table.headers);
  for (const auto& row : table.rows) {
    print_row(row);
  }
}

void print_lines(std::ostream& out, const std::vector<Line>& lines)
{
  std::size_t width = 0;
  for (const auto& [name, value] : lines) {
    width = std::max(width, util::display_width(name));
  }
  // Continuation lines of a multi-line value are indented under its first line.
  const std::string indent(width + 2, ' ');
  for (const auto& [name, value] : lines) {
    std::string indented;
    for (const char c : value) {
      indented += c;
      if (c == '\n') {
        indented += indent;
      }
    }
    const std::string line = name + ':' + std::string(width - util::display_width(name) + 1, ' ') + indented;
    out << line.substr(0, line.find_last_not_of(' ') + 1) << '\n';
  }
}

} // namespace cfp::cli
