// SPDX-License-Identifier: EUPL-1.2
#include "sqlite_transaction.hpp"

#include "sorter.hpp"

namespace cfp::store::sqlite {

SqliteTransaction::SqliteTransaction(SQLite::Database& db, StatementCache& statements)
    : m_db(db), m_statements(statements), m_states(statements), m_calls(db, statements), m_proposals(db, statements),
      m_audit(db, statements), m_criteria(statements), m_experts(db, statements), m_evaluations(db, statements),
      m_documents(db, statements)
{
  attach(m_states, m_calls, m_proposals, m_audit, {&m_criteria, &m_experts, &m_evaluations});
  attach(m_documents);
}

SqliteTransaction::~SqliteTransaction()
{
  // No statement may keep a read going past the end of the transaction.
  m_statements.reset_all();
}

ImportKeys& SqliteTransaction::import_keys()
{
  if (!m_import_keys) {
    m_import_keys = std::make_unique<SqliteImportKeys>(m_db);
  }
  return *m_import_keys;
}

std::unique_ptr<Sorter> SqliteTransaction::sorter() const
{
  return std::make_unique<SqliteSorter>(m_db, m_sorting);
}

std::optional<std::int64_t> SqliteTransaction::change_counter() const
{
  // Changes only when another connection commits (this Database keeps one connection).
  return m_db.execAndGet("PRAGMA data_version").getInt64();
}

DatabaseInfo SqliteTransaction::info() const
{
  DatabaseInfo info;
  info.schema_version = m_db.execAndGet("PRAGMA user_version").getInt();
  info.journal_mode = m_db.execAndGet("PRAGMA journal_mode").getString();
  static constexpr char k_counts[] = "SELECT (SELECT count(*) FROM call), (SELECT count(*) FROM cutoff),"
                                     " (SELECT count(*) FROM proposal), (SELECT count(*) FROM audit),"
                                     " (SELECT count(*) FROM audit WHERE simulated = 1)";
  auto& statement = m_statements.get(k_counts);
  statement.executeStep();
  info.counts = {statement.getColumn(0).getInt64(), statement.getColumn(1).getInt64(),
                 statement.getColumn(2).getInt64(), statement.getColumn(3).getInt64(),
                 statement.getColumn(4).getInt64()};
  return info;
}

} // namespace cfp::store::sqlite
