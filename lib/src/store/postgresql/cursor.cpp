// SPDX-License-Identifier: EUPL-1.2
#include "cursor.hpp"

namespace cfp::store::postgresql {

void for_each_row(Connection& connection, const CursorSql& sql, const Params& params,
                  const std::function<void(const Result& rows, int row)>& visit)
{
  connection.run(sql.declare, params);
  try {
    for (;;) {
      const auto rows = connection.run(sql.fetch);
      for (int row = 0; row < rows.rows(); ++row) {
        visit(rows, row);
      }
      if (rows.rows() == 0) {
        break;
      }
    }
  } catch (...) {
    // A visitor that stops early (a closed pipe, a limit) leaves the transaction usable, so the
    // cursor is closed; a failed transaction has ended it already, and its CLOSE fails too.
    if (connection.usable()) {
      try {
        connection.run(sql.close);
      } catch (const PgError&) {
      }
    }
    throw;
  }
  connection.run(sql.close);
}

} // namespace cfp::store::postgresql
