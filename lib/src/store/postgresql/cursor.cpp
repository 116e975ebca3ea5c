// SPDX-License-Identifier: EUPL-1.2
#include "cursor.hpp"

namespace cfp::store::postgresql {

Cursor::Cursor(Connection& connection, const CursorSql& sql, const Params& params)
    : m_connection(connection), m_sql(sql)
{
  m_connection.run(m_sql.declare, params);
}

Cursor::~Cursor()
{
  if (!m_connection.usable()) {
    return;
  }
  try {
    m_connection.run(m_sql.close);
  } catch (const PgError&) {
    // A failed transaction ended the cursor with it.
  }
}

bool Cursor::next()
{
  if (m_batch && m_row + 1 < m_batch->rows()) {
    ++m_row;
    return true;
  }
  if (m_done) {
    return false;
  }
  m_batch.reset();
  m_batch.emplace(m_connection.run(m_sql.fetch));
  m_row = 0;
  m_done = m_batch->rows() == 0;
  return !m_done;
}

void for_each_row(Connection& connection, const CursorSql& sql, const Params& params,
                  const std::function<void(const Result& rows, int row)>& visit)
{
  // The cursor is closed when it goes, also when `visit` stops early (a closed pipe, a limit).
  Cursor cursor(connection, sql, params);
  while (cursor.next()) {
    visit(cursor.rows(), cursor.row());
  }
}

} // namespace cfp::store::postgresql
