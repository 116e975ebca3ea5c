// SPDX-License-Identifier: EUPL-1.2
#pragma once

// An audit entry as the SQL of the audit repository selects it: the columns (a macro, pasted
// into each statement's static text) and how a row of them is read. A file that includes this
// undefines CFP_AUDIT_COLUMNS at its end.

#include <cfp/domain/audit.hpp>

#include <SQLiteCpp/Statement.h>

namespace cfp::store::sqlite {

/// Reads the columns of CFP_AUDIT_COLUMNS.
domain::AuditEntry read_entry(const SQLite::Statement& statement);

} // namespace cfp::store::sqlite

// The columns of an audit entry `a`, in the order read_entry reads them.
#define CFP_AUDIT_COLUMNS                                                                                              \
  "SELECT a.id, a.at, a.actor, a.command, a.entity, a.action, a.subject_kind, a.subject_id, a.before, a.after,"        \
  " a.real_at, a.simulated"
