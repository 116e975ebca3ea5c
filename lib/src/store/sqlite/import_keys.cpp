// SPDX-License-Identifier: EUPL-1.2
#include "import_keys.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

SqliteImportKeys::SqliteImportKeys(SQLite::Database& db) : m_db(db), m_statements(db)
{
  m_db.exec("CREATE TEMP TABLE IF NOT EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT NULL) "
            "WITHOUT ROWID");
  m_db.exec("DELETE FROM temp.import_key");
}

SqliteImportKeys::~SqliteImportKeys()
{
  try {
    m_statements.clear();
    m_db.exec("DROP TABLE IF EXISTS temp.import_key");
  } catch (...) {
    // The connection closes soon after; a leftover temporary table goes with it.
  }
}

std::optional<std::size_t> SqliteImportKeys::seen(const std::string& key, std::size_t line)
{
  // One statement for a key not seen before, the common case; a second to find the line of one
  // that was.
  static constexpr char k_insert[] = "INSERT INTO temp.import_key (key, line) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
  auto& insert = m_statements.get(k_insert);
  insert.bind(1, key);
  insert.bind(2, static_cast<std::int64_t>(line));
  if (insert.exec() == 1) {
    return std::nullopt;
  }
  static constexpr char k_find[] = "SELECT line FROM temp.import_key WHERE key = ?1";
  auto& find = m_statements.get(k_find);
  find.bind(1, key);
  if (!find.executeStep()) {
    throw Error(ErrorKind::internal, "an import's key was neither new nor seen");
  }
  return static_cast<std::size_t>(find.getColumn(0).getInt64());
}

} // namespace cfp::store::sqlite
