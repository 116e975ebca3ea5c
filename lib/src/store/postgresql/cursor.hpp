// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A query read a batch of rows at a time through a server-side cursor, so that a listing of a
// hundred thousand proposals never holds them all (libpq's plain results hold every row). The
// cursor lives in the transaction the repositories run in; a visitor may run other statements
// on the same connection between batches.

#include "connection.hpp"

#include <functional>
#include <optional>

namespace cfp::store::postgresql {

/// The statements of one cursor over a query fixed when cfp was compiled (CFP_PG_CURSOR).
struct CursorSql
{
  FixedSql declare;
  FixedSql fetch;
  FixedSql close;
};

/// The statements of cursor `name` (an SQL identifier) over `query`. Two cursors of one name
/// cannot be open at once: a visitor of one must not start the same listing again.
#define CFP_PG_CURSOR(name, query)                                                                                     \
  ::cfp::store::postgresql::CursorSql                                                                                  \
  {                                                                                                                    \
    "DECLARE " name " NO SCROLL CURSOR FOR " query, "FETCH 500 FROM " name, "CLOSE " name                              \
  }

/// A cursor read forward a row at a time, for a reader that asks for rows between other
/// statements of its transaction (EvaluationReader). Closed when it goes, unless the
/// transaction has failed (which ended it).
class Cursor
{
public:
  Cursor(Connection& connection, const CursorSql& sql, const Params& params);
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor();

  /// Moves to the next row; false at the end.
  bool next();
  /// The batch that holds the current row, and the row's number in it.
  const Result& rows() const { return *m_batch; }
  int row() const { return m_row; }

private:
  Connection& m_connection;
  const CursorSql& m_sql;
  std::optional<Result> m_batch;
  int m_row = -1;
  bool m_done = false;
};

/// Visits each row of the cursor's query with `params`, in the query's order: `visit` gets the
/// batch and the row's number in it. The cursor is closed at the end, or when `visit` throws
/// (unless the transaction has failed, which ends the cursor with it).
void for_each_row(Connection& connection, const CursorSql& sql, const Params& params,
                  const std::function<void(const Result& rows, int row)>& visit);

} // namespace cfp::store::postgresql
