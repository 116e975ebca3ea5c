// SPDX-License-Identifier: EUPL-1.2
#include "import_keys.hpp"

namespace cfp::store::postgresql {

void create_session_tables(Connection& connection)
{
  connection.run("CREATE TEMPORARY TABLE IF NOT EXISTS import_key (key text COLLATE \"C\" PRIMARY KEY,"
                 " line bigint NOT NULL) ON COMMIT DELETE ROWS");
  connection.run("CREATE TEMPORARY TABLE IF NOT EXISTS sorted_row (n bigint NOT NULL, key bytea NOT NULL,"
                 " row bytea NOT NULL) ON COMMIT DELETE ROWS");
}

void need_session_tables(Connection& connection, bool writable)
{
  if (writable) {
    create_session_tables(connection);
  } else if (connection
                 .run("SELECT to_regclass('pg_temp.import_key') IS NULL OR to_regclass('pg_temp.sorted_row')"
                      " IS NULL")
                 .boolean(0, 0)) {
    throw SessionTablesMissing{};
  }
}

PgImportKeys::PgImportKeys(Connection& connection, bool writable) : m_connection(connection)
{
  need_session_tables(m_connection, writable);
  // Empty already (emptied at each commit, and a rolled back transaction's rows are gone with
  // it), unless a transaction of this session that is still going used it before.
  m_connection.run("DELETE FROM pg_temp.import_key");
}

std::optional<std::size_t> PgImportKeys::seen(const std::string& key, std::size_t line)
{
  // One round trip whether the key is new or not: the SELECT sees the table as it was before
  // the INSERT of the same statement, so it finds the line of a key seen before and nothing
  // for a new one.
  const auto rows = m_connection.run(
      "WITH inserted AS (INSERT INTO pg_temp.import_key (key, line) VALUES ($1, $2) ON CONFLICT DO NOTHING"
      " RETURNING 1) SELECT line FROM pg_temp.import_key WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM inserted)",
      Params().text(key).int64(static_cast<std::int64_t>(line)));
  if (rows.rows() == 0) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(rows.int64(0, 0));
}

} // namespace cfp::store::postgresql
