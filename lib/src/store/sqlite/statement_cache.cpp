// SPDX-License-Identifier: EUPL-1.2
#include "statement_cache.hpp"

#include <string>

namespace cfp::store::sqlite {

StatementCache::~StatementCache() = default;

SQLite::Statement& StatementCache::get(FixedSql sql)
{
  if (const auto found = m_statements.find(sql.c_str()); found != m_statements.end()) {
    found->second->reset();
    found->second->clearBindings();
    return *found->second;
  }
  // Prepared before it is cached: a statement that cannot be prepared (a damaged file) leaves
  // no empty entry behind for reset_all() to call through.
  auto statement = std::make_unique<SQLite::Statement>(m_db, sql.c_str());
  return *m_statements.emplace(sql.c_str(), std::move(statement)).first->second;
}

void StatementCache::reset_all()
{
  for (auto& [sql, statement] : m_statements) {
    statement->tryReset();
  }
}

} // namespace cfp::store::sqlite
