// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Printing records described by a field table (core/record_fields.hpp) in the format a
// command was asked for: the data formats through a RecordWriter, tables through columns.

#include "record_writer.hpp"
#include "table.hpp"
#include "value_text.hpp"

#include <cfp/core/field.hpp>
#include <cfp/core/list_order.hpp>
#include <cfp/error.hpp>
#include <cfp/util/fd_streambuf.hpp>
#include <cfp/util/spool_file.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// Which side of its column a cell keeps to.
enum class Align { left, right };

/// A column of a table: its header, its text for a row, and its alignment (numbers right).
template<typename Row>
struct Column
{
  std::string header;
  std::function<std::string(const Row&, const core::Display&)> text;
  Align align = Align::left;
  /// 0: always shown; else shown only when the table has room for it (TableLayout::fit), the
  /// column with the lowest number going first.
  int drop = 0;
};

/// A column that shows field `name` as people read it (value_text.hpp: human_text).
template<typename Row, typename Input>
Column<Row> field_column(const core::Fields<Row, Input>& fields, std::string_view name, std::string header,
                         Align align = Align::left)
{
  const auto& field = core::field_named(fields, name);
  return {std::move(header),
          [get = field.get](const Row& row, const core::Display& display) {
            return human_text(get(row, display), *display.zone);
          },
          align};
}

/// Prints a list of rows one at a time: JSON, NDJSON and CSV as each row comes. A table needs
/// every column's width before its first line. When the caller asks (passes()), the printer
/// measures each row's cells as they come and keeps them in a temporary file
/// (util::SpoolFile), then prints them from there at finish(): one read of the rows, none held
/// in memory. Where no temporary file can be made, it asks for the rows twice instead (the same
/// rows in the same read snapshot), measures them in the first pass and prints them in the
/// second. Given the rows once without passes(), it holds their cells and prints them at the
/// end. An empty table prints "(none)" on `err` instead. Nothing is printed before the first
/// row (in a table, before finish() or the second pass), so that a command that fails before it
/// has rows (an unknown call) prints nothing on stdout.
template<typename Row, typename Input = std::monostate>
class ListPrinter
{
public:
  ListPrinter(Format format, std::ostream& out, std::ostream& err, const core::Display& display,
              const core::Fields<Row, Input>& fields, std::vector<Column<Row>> columns,
              JsonLayout layout = JsonLayout::indented)
      : m_out(out), m_err(err), m_display(display), m_fields(fields), m_columns(std::move(columns))
  {
    if (format == Format::table) {
      for (std::size_t i = 0; i < m_columns.size(); ++i) {
        m_table.headers.push_back(m_columns[i].header);
        if (m_columns[i].align == Align::right) {
          m_table.right_aligned.push_back(i);
        }
        if (m_columns[i].drop > 0) {
          m_table.optional.push_back(i);
        }
      }
      std::stable_sort(m_table.optional.begin(), m_table.optional.end(),
                       [&](std::size_t a, std::size_t b) { return m_columns[a].drop < m_columns[b].drop; });
    } else {
      m_writer = make_record_writer(format, Shape::list, out, layout);
    }
  }

  /// Prints the rows as `order` says (core::order_rows) rather than as they come; to order
  /// them, it holds them until finish(), which a list held in memory anyway can afford (a long
  /// list is ordered by the store). A limit alone keeps the first rows and streams.
  void order(core::ListOrder order)
  {
    m_hold = order.sort.has_value() || order.direction == core::Direction::descending;
    m_order = std::move(order);
  }

  /// How many times the rows should be given (add()), each time the same rows in the same
  /// order: once, unless the printer must measure a table before it prints it and has no
  /// temporary file to keep the cells in; twice then. A caller that gives them once still gets
  /// the right table.
  core::ListPasses passes()
  {
    if (m_writer || m_hold) {
      return {};
    }
    m_layout.emplace(m_table.headers, m_table.right_aligned);
    for (const auto column : m_table.optional) {
      m_layout->set_optional(column);
    }
    try {
      m_spool = std::make_unique<util::SpoolFile>();
      return {};
    } catch (const Error&) {
      // No temporary folder to write in (TMPDIR names none, a read-only /tmp): the rows are
      // read twice instead, which needs no file.
    }
    return {2, [this] {
              m_measuring = false;
              m_added = 0;
              if (m_rows > 0) {
                m_layout->fit(m_width);
                m_layout->print_header(m_out);
              }
            }};
  }

  /// Fits a table into `width` terminal columns (0, the default: as wide as its cells), as
  /// TableLayout::fit does; the data formats never change. Commands give the terminal's width
  /// when stdout is one (Context::table_width), so that a table piped on is never cut.
  void fit(std::size_t width) { m_width = width; }

  /// Makes the table's rows stand out as `emphasis` says (only on a colour terminal: see
  /// Context::colour); the data formats never change.
  void emphasise(std::function<Emphasis(const Row&)> emphasis) { m_emphasis = std::move(emphasis); }

  void add(const Row& row)
  {
    if (m_hold) {
      m_held.push_back(row);
      return;
    }
    if (m_order.limit && m_added >= *m_order.limit) {
      return;
    }
    ++m_added;
    print(row);
  }

  void finish()
  {
    if (m_hold) {
      core::order_rows(m_held, m_fields, m_order, m_display);
      for (const auto& row : m_held) {
        print(row);
      }
    }
    if (m_writer) {
      begin();
      m_writer->end();
    } else if (m_spool) {
      print_spooled();
    } else if (m_layout) {
      if (m_rows == 0) {
        m_err << "(none)\n";
      }
    } else if (m_table.rows.empty()) {
      m_err << "(none)\n";
    } else {
      print_table(m_out, m_table, m_width);
    }
    // The list is only printed when it reached its reader: notes that follow it wait for that.
    m_out.flush();
    if (!m_out) {
      throw Error(ErrorKind::storage, "cannot write to standard output: " + util::write_failure(m_out));
    }
  }

private:
  void print(const Row& row)
  {
    // A long list to a full disk or a closed descriptor stops at the first failed write.
    if (!m_out) {
      throw Error(ErrorKind::storage, "cannot write to standard output: " + util::write_failure(m_out));
    }
    if (m_writer) {
      begin();
      m_writer->record(core::field_values(m_fields, row, m_display));
      return;
    }
    std::vector<std::string> cells;
    cells.reserve(m_columns.size());
    for (const auto& column : m_columns) {
      cells.push_back(column.text(row, m_display));
    }
    if (m_spool) {
      m_layout->measure(cells);
      spool(cells, m_emphasis ? m_emphasis(row) : Emphasis::none);
      return;
    }
    if (m_layout) {
      if (m_measuring) {
        ++m_rows;
        m_layout->measure(cells);
      } else {
        m_layout->print_row(m_out, cells, m_emphasis ? m_emphasis(row) : Emphasis::none);
      }
      return;
    }
    m_table.rows.push_back(std::move(cells));
    if (m_emphasis) {
      m_table.emphasis.resize(m_table.rows.size() - 1);
      m_table.emphasis.push_back(m_emphasis(row));
    }
  }

  // A spooled row: its emphasis in one byte, then each cell as its length in four bytes (native
  // order: the file is read back by this process alone) and its bytes.
  void spool(const std::vector<std::string>& cells, Emphasis emphasis)
  {
    ++m_rows;
    std::string& record = m_record;
    record.clear();
    record += static_cast<char>(emphasis);
    for (const auto& cell : cells) {
      if (cell.size() > UINT32_MAX) {
        throw Error(ErrorKind::internal, "a table cell is longer than 4 GiB");
      }
      const auto size = static_cast<std::uint32_t>(cell.size());
      record.append(reinterpret_cast<const char*>(&size), sizeof size);
      record += cell;
    }
    if (!m_spool->writer().write(record.data(), static_cast<std::streamsize>(record.size()))) {
      m_spool->check_writes();
    }
  }

  void print_spooled()
  {
    if (m_rows == 0) {
      m_err << "(none)\n";
      return;
    }
    std::istream& in = m_spool->read_from_start();
    m_layout->fit(m_width);
    m_layout->print_header(m_out);
    std::vector<std::string> cells(m_columns.size());
    for (std::int64_t i = 0; i < m_rows; ++i) {
      char emphasis = 0;
      in.get(emphasis);
      for (auto& cell : cells) {
        std::uint32_t size = 0;
        in.read(reinterpret_cast<char*>(&size), sizeof size);
        cell.resize(size);
        in.read(cell.data(), size);
      }
      if (!in) {
        throw Error(ErrorKind::storage, "cannot read back a temporary file in " + m_spool->folder() +
                                            ": it ended before its last row");
      }
      if (!m_out) {
        throw Error(ErrorKind::storage, "cannot write to standard output: " + util::write_failure(m_out));
      }
      m_layout->print_row(m_out, cells, static_cast<Emphasis>(emphasis));
    }
  }

  void begin()
  {
    if (!m_begun) {
      m_writer->begin(core::field_names(m_fields));
      m_begun = true;
    }
  }

  std::ostream& m_out;
  std::ostream& m_err;
  core::Display m_display;
  const core::Fields<Row, Input>& m_fields;
  std::vector<Column<Row>> m_columns;
  std::function<Emphasis(const Row&)> m_emphasis;
  std::size_t m_width = 0; ///< of the terminal a table must fit, 0 for none
  std::unique_ptr<RecordWriter> m_writer;
  bool m_begun = false;
  Table m_table;
  std::optional<TableLayout> m_layout; ///< a table measured before it is printed (passes())
  bool m_measuring = true;
  std::int64_t m_rows = 0;                 ///< measured
  std::unique_ptr<util::SpoolFile> m_spool; ///< the measured table's cells, kept to be printed
  std::string m_record;                     ///< a spooled row being put together
  core::ListOrder m_order;
  bool m_hold = false;
  std::vector<Row> m_held;
  std::int64_t m_added = 0;
};

/// Prints one record: a JSON object, one NDJSON line, a CSV header and row, or in a table the
/// `label: value` lines given.
template<typename Row, typename Input>
void print_one(Format format, std::ostream& out, const core::Display& display, const core::Fields<Row, Input>& fields,
               const Row& row, const std::vector<Line>& lines)
{
  if (format == Format::table) {
    print_lines(out, lines);
    return;
  }
  auto writer = make_record_writer(format, Shape::one, out);
  writer->begin(core::field_names(fields));
  writer->record(core::field_values(fields, row, display));
  writer->end();
}

} // namespace cfp::cli
