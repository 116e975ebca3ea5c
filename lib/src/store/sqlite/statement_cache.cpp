// SPDX-License-Identifier: EUPL-1.2
#include "statement_cache.hpp"

#include <string>

namespace cfp::store::sqlite {

StatementCache::~StatementCache() = default;

SQLite::Statement& StatementCache::get(std::string_view sql)
{
  auto& statement = m_statements[sql.data()];
  if (!statement) {
    statement = std::make_unique<SQLite::Statement>(m_db, std::string(sql));
  } else {
    statement->reset();
    statement->clearBindings();
  }
  return *statement;
}

void StatementCache::reset_all()
{
  for (auto& [sql, statement] : m_statements) {
    statement->tryReset();
  }
}

} // namespace cfp::store::sqlite
