// SPDX-License-Identifier: EUPL-1.2
#include "sorter.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

SqliteSorter::SqliteSorter(SQLite::Database& db, bool& in_use) : m_db(db), m_in_use(in_use), m_statements(db)
{
  if (m_in_use) {
    throw Error(ErrorKind::internal, "a second sorter was asked for while the first was in use");
  }
  m_db.exec("CREATE TEMP TABLE IF NOT EXISTS sorted_row (key BLOB NOT NULL, row BLOB NOT NULL)");
  m_db.exec("DELETE FROM temp.sorted_row");
  m_in_use = true;
}

SqliteSorter::~SqliteSorter()
{
  m_in_use = false;
  try {
    m_statements.clear();
    m_db.exec("DELETE FROM temp.sorted_row");
  } catch (...) {
    // The next sorter empties the table first; the connection's end drops it.
  }
}

void SqliteSorter::add(std::string_view key, std::string_view row)
{
  static constexpr char k_insert[] = "INSERT INTO temp.sorted_row (key, row) VALUES (?1, ?2)";
  auto& insert = m_statements.get(k_insert);
  // The bytes are bound without a copy: the statement runs before they go. (A null pointer would
  // bind NULL, not an empty blob.)
  insert.bindNoCopy(1, key.empty() ? "" : key.data(), static_cast<int>(key.size()));
  insert.bindNoCopy(2, row.empty() ? "" : row.data(), static_cast<int>(row.size()));
  insert.exec();
}

void SqliteSorter::for_each(const std::function<void(std::string_view row)>& visit) const
{
  // The rowid keeps rows of equal keys in the order they were added.
  static constexpr char k_sorted[] = "SELECT row FROM temp.sorted_row ORDER BY key, rowid";
  auto& sorted = m_statements.get(k_sorted);
  try {
    while (sorted.executeStep()) {
      const auto column = sorted.getColumn(0);
      visit({static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())});
    }
  } catch (...) {
    sorted.tryReset(); // no read left going when `visit` throws
    throw;
  }
  sorted.reset();
}

} // namespace cfp::store::sqlite
