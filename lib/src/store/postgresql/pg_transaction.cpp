// SPDX-License-Identifier: EUPL-1.2
#include "pg_transaction.hpp"

#include "sorter.hpp"

#include <cfp/error.hpp>
#include <cfp/store/import_keys.hpp>
#include <cfp/store/sorter.hpp>

namespace cfp::store::postgresql {

PgTransaction::PgTransaction(Connection& connection, bool writable)
    : m_connection(connection), m_writable(writable), m_states(connection), m_calls(connection),
      m_proposals(connection), m_criteria(connection), m_audit(connection), m_experts(connection),
      m_evaluations(connection)
{
  attach(m_states, m_calls, m_proposals, m_audit, {&m_criteria, &m_experts, &m_evaluations});
  attach(m_documents);
}

void not_kept()
{
  throw Error(ErrorKind::usage, "this cfp does not keep documents on a PostgreSQL database yet: use a database file "
                                "(--db PATH) for them");
}

ImportKeys& PgTransaction::import_keys()
{
  if (!m_import_keys) {
    m_import_keys = std::make_unique<PgImportKeys>(m_connection, m_writable);
  }
  return *m_import_keys;
}

std::unique_ptr<Sorter> PgTransaction::sorter() const
{
  return std::make_unique<PgSorter>(m_connection, m_writable, m_sorting);
}

DatabaseInfo PgTransaction::info() const
{
  DatabaseInfo info;
  const auto rows = m_connection.run(
      "SELECT (SELECT schema_version FROM cfp_meta), (SELECT count(*) FROM call), (SELECT count(*) FROM cutoff),"
      " (SELECT count(*) FROM proposal), (SELECT count(*) FROM audit), (SELECT count(*) FROM audit WHERE simulated)");
  info.schema_version = static_cast<int>(rows.int64(0, 0));
  info.journal_mode = "wal";
  info.counts = {rows.int64(0, 1), rows.int64(0, 2), rows.int64(0, 3), rows.int64(0, 4), rows.int64(0, 5)};
  return info;
}

} // namespace cfp::store::postgresql
