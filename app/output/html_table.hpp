// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A table of the HTML dashboard, written a row at a time: a list of any length goes straight to
// the page.

#include "value_text.hpp"

#include <cfp/core/field.hpp>
#include <cfp/util/html.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// A column of an HTML table: the field it shows, its header, and whether it holds numbers.
struct HtmlColumn
{
  std::string field;
  std::string header;
  bool numeric = false;
};

/// A table showing `columns` of `fields` as people read them; each row's class and data-key
/// attribute come from `key` (the acronym, the state code ...). The head is written with the
/// first row (or by end()), so that a caller may write something else when there is no row.
template<typename Row, typename Input = std::monostate>
class HtmlTable
{
public:
  HtmlTable(std::ostream& out, std::string id, const core::Fields<Row, Input>& fields, std::vector<HtmlColumn> columns,
            const core::Display& display, std::function<std::string(const Row&)> key)
      : m_out(out), m_id(std::move(id)), m_columns(std::move(columns)), m_display(display), m_key(std::move(key))
  {
    // Each column's field found once, not once a cell: the proposals' table may have a million rows.
    for (const auto& column : m_columns) {
      m_shown.push_back(&core::field_named(fields, column.field));
    }
  }

  void row(const Row& row, std::string_view css_class = "row")
  {
    begin();
    m_out << "<tr class=\"" << css_class << "\" data-key=\"" << util::escape_html(m_key(row)) << "\">";
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      m_out << (m_columns[i].numeric ? "<td class=\"num\">" : "<td>")
            << util::escape_html(human_text(m_shown[i]->get(row, m_display), *m_display.zone)) << "</td>";
    }
    m_out << "</tr>\n";
  }

  /// Whether a row was written.
  bool begun() const { return m_begun; }

  /// Ends the table (with its head when no row was written).
  void end()
  {
    begin();
    m_out << "</tbody>\n</table>\n</div>\n";
  }

private:
  void begin()
  {
    if (m_begun) {
      return;
    }
    m_begun = true;
    m_out << "<div class=\"table-wrap\">\n<table id=\"" << m_id << "\">\n<thead><tr>";
    for (const auto& column : m_columns) {
      m_out << (column.numeric ? "<th class=\"num\">" : "<th>") << util::escape_html(column.header) << "</th>";
    }
    m_out << "</tr></thead>\n<tbody>\n";
  }

  std::ostream& m_out;
  std::string m_id;
  std::vector<HtmlColumn> m_columns;
  core::Display m_display;
  std::function<std::string(const Row&)> m_key;
  std::vector<const core::Field<Row, Input>*> m_shown;
  bool m_begun = false;
};

/// A table of `rows`, then `total` in a row of its own when given.
template<typename Row, typename Input, typename Key>
void write_table(std::ostream& out, const std::string& id, const core::Fields<Row, Input>& fields,
                 std::vector<HtmlColumn> columns, const std::vector<Row>& rows, const core::Display& display,
                 const Key& key, const Row* total = nullptr)
{
  HtmlTable<Row, Input> table(out, id, fields, std::move(columns), display, key);
  for (const auto& row : rows) {
    table.row(row);
  }
  if (total != nullptr) {
    table.row(*total, "total");
  }
  table.end();
}

} // namespace cfp::cli
