// SPDX-License-Identifier: EUPL-1.2
#include "audit_rows.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

domain::AuditEntry read_entry(const SQLite::Statement& statement)
{
  domain::AuditEntry entry;
  entry.id = statement.getColumn(0).getInt64();
  entry.at = column_instant(statement.getColumn(1));
  entry.actor = statement.getColumn(2).getString();
  entry.command = statement.getColumn(3).getString();
  entry.entity = statement.getColumn(4).getString();
  entry.action = statement.getColumn(5).getString();
  entry.subject.kind = util::value_or_throw(domain::parse_subject_kind(statement.getColumn(6).getString()),
                                            ErrorKind::storage, "a stored audit subject");
  entry.subject.id = column_optional_int64(statement.getColumn(7));
  entry.before = column_optional_string(statement.getColumn(8));
  entry.after = column_optional_string(statement.getColumn(9));
  entry.real_at = column_optional_instant(statement.getColumn(10));
  entry.simulated = statement.getColumn(11).getInt() != 0;
  return entry;
}

} // namespace cfp::store::sqlite

#undef CFP_AUDIT_COLUMNS
