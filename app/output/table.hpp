// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfp::cli {

/// How a row of a table stands out on a colour terminal.
enum class Emphasis { none, colour, bold };

/// Rows for a human: a header and cells, printed with columns aligned by on-screen width.
struct Table
{
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> right_aligned; ///< indexes of numeric columns
  std::vector<Emphasis> emphasis;         ///< of each row, when they stand out (a colour terminal)
  std::vector<std::size_t> optional;      ///< columns shown only when there is room, first to go first
};

/// The columns of a table that is measured a row at a time before it is printed a row at a
/// time (a list too long to hold): each cell is escaped and measured as print_table does.
class TableLayout
{
public:
  TableLayout(std::vector<std::string> headers, std::vector<std::size_t> right_aligned);

  /// Marks `column` as one the table may leave out when it has no room for it (fit()); the
  /// columns so marked go in the order they were marked.
  void set_optional(std::size_t column);
  /// Widens the columns to fit `cells`.
  void measure(const std::vector<std::string>& cells);
  /// Fits the measured table into `width` terminal columns (0: no limit). When it is wider, the
  /// widest text columns (not the right-aligned numbers) are narrowed, none below 12 columns
  /// or its header, and a cell longer than its column ends in "…". An
  /// optional column goes first when the others cannot fit beside it at that width; then the
  /// text columns wider than 12 may narrow down to their headers' width. When even that is too
  /// wide, lines stay as wide as that and wrap.
  void fit(std::size_t width);
  /// Prints the header line, at the widths measured.
  void print_header(std::ostream& out) const;
  /// Prints one row at the widths measured (a cell wider than its column pushes the rest on).
  void print_row(std::ostream& out, const std::vector<std::string>& cells, Emphasis emphasis) const;

private:
  void print_shown(std::ostream& out, const std::vector<std::string>& shown, Emphasis emphasis) const;
  /// Appends the shown `cell`, `width` columns wide, padded to its column's width.
  void append_cell(std::string& line, std::size_t column, std::string_view cell, std::size_t width) const;
  /// Ends `line` (no trailing spaces), wraps it in its emphasis and writes it.
  static void end_line(std::ostream& out, std::string& line, Emphasis emphasis);

  std::vector<std::string> m_headers;
  std::vector<bool> m_right;
  std::vector<std::size_t> m_drop_order; ///< the optional columns, first to go first
  std::vector<bool> m_hidden;            ///< left out by fit()
  std::vector<std::size_t> m_widths;     ///< measured, then as fit() narrowed them
  std::size_t m_first = 0;               ///< the first column shown
  bool m_narrowed = false;               ///< some column is narrower than its widest cell
  mutable std::string m_line;            ///< the line being put together, its storage kept from row to row
};

/// Prints `table` with columns aligned by display width (accented and wide characters count
/// as they show); control characters, bidirectional controls and bytes that are not UTF-8 in
/// cells are shown escaped (util::escape_controls), and the widths are those of the escaped
/// text; no trailing spaces. A row with an emphasis is wrapped in the terminal's select graphic
/// rendition sequences: yellow for Emphasis::colour, bold red for Emphasis::bold. A `width`
/// other than 0 fits the table into that many columns (TableLayout::fit).
void print_table(std::ostream& out, const Table& table, std::size_t width = 0);

/// One line of a record shown to a human: a label and its value.
using Line = std::pair<std::string, std::string>;

/// Prints `label: value` lines with the values aligned, labels and values escaped as in
/// print_table: a line break inside a value shows as `\n`, so each line is one label.
void print_lines(std::ostream& out, const std::vector<Line>& lines);

} // namespace cfp::cli
