// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/call_repository.hpp>

namespace cfp::store::sqlite {

/// Calls in the `call` table and their cut-offs in `cutoff`.
class SqliteCallRepository final : public CallRepository
{
public:
  SqliteCallRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  std::int64_t insert(const domain::Call& call, domain::Instant created_at) override;
  void update(const domain::Call& call) override;
  std::optional<domain::Call> find(const std::string& code) const override;
  std::vector<domain::Call> list() const override;
  std::int64_t insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff) override;
  std::vector<domain::Cutoff> cutoffs(std::optional<std::int64_t> call_id) const override;
  void update_cutoff(const domain::Cutoff& cutoff) override;
  void remove_cutoff(std::int64_t cutoff_id) override;
  void remove(std::int64_t call_id) override;

private:
  SQLite::Database& m_db;
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite
