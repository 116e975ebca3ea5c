// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "fixed_sql.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>

namespace cfp::store::sqlite {

/// The prepared statements of one connection, each prepared once and reused: a batch import
/// runs each one many times, and a command pays for preparing only what it uses.
class StatementCache
{
public:
  explicit StatementCache(SQLite::Database& db) : m_db(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache();

  /// The statement for `sql`, reset and with no bindings; the cache knows statements by the
  /// address of their text, which FixedSql keeps for the life of the program.
  SQLite::Statement& get(FixedSql sql);

  /// Resets every statement, so that none keeps a read going past the end of its transaction.
  void reset_all();

  /// Finalizes every statement (before a table they use is dropped, or the connection closed).
  void clear() { m_statements.clear(); }

private:
  SQLite::Database& m_db;
  std::map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

} // namespace cfp::store::sqlite
